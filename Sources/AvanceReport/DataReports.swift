import AvanceCore
import Foundation

/// The audit for programs: the whole report as one JSON object.
public enum JSONReport {
    public static func render(_ report: AuditReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}

/// The audit for spreadsheets: one row per finding, with the indicator it is about and its
/// first piece of evidence in columns, every piece in `evidence`. RFC 4180: commas, CRLF,
/// quotes doubled inside quoted fields.
public enum CSVReport {
    public static let header = [
        "severity", "rule", "scope", "message", "institution", "program_code", "component_code", "activity_code",
        "indicator_code", "indicator_name", "year", "quarter", "path", "page", "line", "column", "quote", "evidence",
    ]

    public static func render(_ report: AuditReport, byteOrderMark: Bool = false) -> String {
        var out = byteOrderMark ? CSV.byteOrderMark : ""
        out += CSV.row(header)
        for (s, f) in report.allFindings {
            let first = f.evidence.first
            out += CSV.row([
                f.severity.rawValue, f.rule, f.scope.rawValue, f.message, s.institution, s.program?.code,
                s.component?.code, s.activity?.code, s.indicator?.code, s.indicator?.name, f.year.map(String.init),
                f.quarter.map(String.init), first?.path, first?.page.map(String.init), first.map { String($0.line) },
                first.map { String($0.column) }, first?.text,
                f.evidence.map { "\($0.place) \"\($0.text)\"" }.joined(separator: "; "),
            ])
        }
        return out
    }
}
