import ArgumentParser
import AvanceCore
import AvanceReport
import AvanceStore
import Foundation

/// `avance findings`: the stored findings, filtered by severity and rule.
struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the findings stored for current documents.",
        discussion: "Text lines read like a compiler's and like `avance check` (file:line:column: severity [rule] message, then the quoted words); JSON is one array; CSV has a header row."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    enum SeverityOption: String, ExpressibleByArgument, CaseIterable {
        case info, warning, error

        var severity: Severity {
            switch self {
            case .info: .info
            case .warning: .warning
            case .error: .error
            }
        }
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Only findings at or above this severity (info, warning, error).")
    var severity: SeverityOption = .info

    @Option(name: .customLong("rule"), help: ArgumentHelp("Only findings of this rule (repeatable).", valueName: "rule"))
    var rules: [String] = []

    @Option(help: "text, json or csv.")
    var format: Format = .text

    @Flag(help: "Also list findings of versions superseded by a newer one.")
    var includeSuperseded = false

    func run() async throws {
        try await reportingStoreErrors { try list() }
    }

    private func list() throws {
        let store = try Store.openForReading(path: database.path)
        let findings = try store.findings(FindingFilter(
            minimumSeverity: severity.severity, rules: rules, includeSuperseded: includeSuperseded
        ))
        let sink = OutputSink()
        switch format {
        case .text:
            for finding in findings { try sink.write(Self.text(finding)) }
            if findings.isEmpty { Console.standardError.line("no findings") }
        case .json:
            try sink.write(try Self.json(findings) + "\n")
        case .csv:
            try sink.write(CSV.row(Self.csvHeader))
            for finding in findings { try sink.write(CSV.row(Self.csvFields(finding))) }
        }
        try sink.finish()
    }

    /// The same lines as `avance check` prints, from the stored finding.
    static func text(_ finding: StoredFinding) -> String {
        TextReport.render(finding.finding, path: finding.row.path, row: nil) + "\n"
    }

    struct JSONFinding: Codable, Hashable, Sendable {
        var rule: String
        var severity: Severity
        var message: String
        var path: String
        @NullEncoded var page: Int?
        @NullEncoded var line: Int?
        @NullEncoded var column: Int?
        @NullEncoded var quote: String?
        var evidence: [SourceSpan]
        var sha256: String
        @NullEncoded var program: String?
        @NullEncoded var component: String?
        @NullEncoded var activity: String?
        @NullEncoded var indicator: String?
        @NullEncoded var year: Int?
        @NullEncoded var quarter: Int?
        var superseded: Bool
    }

    static func json(_ findings: [StoredFinding]) throws -> String {
        let values = findings.map { finding in
            let f = finding.row
            return JSONFinding(
                rule: f.rule, severity: f.severity, message: f.message, path: f.path, page: f.page, line: f.line,
                column: f.column, quote: f.quote,
                evidence: finding.finding.evidence,
                sha256: finding.sha256, program: finding.programCode, component: finding.componentCode,
                activity: finding.activityCode, indicator: finding.indicatorCode, year: finding.year,
                quarter: finding.quarter, superseded: finding.superseded
            )
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(values), as: UTF8.self)
    }

    static let csvHeader = [
        "rule", "severity", "message", "path", "page", "line", "column", "quote",
        "program_code", "component_code", "activity_code", "indicator_code", "year", "quarter", "sha256",
    ]

    static func csvFields(_ finding: StoredFinding) -> [String?] {
        let f = finding.row
        return [
            f.rule, f.severity.rawValue, f.message, f.path, f.page.map(String.init), f.line.map(String.init),
            f.column.map(String.init), f.quote, finding.programCode, finding.componentCode, finding.activityCode,
            finding.indicatorCode, finding.year.map(String.init), finding.quarter.map(String.init), finding.sha256,
        ]
    }
}
