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

/// The audit for spreadsheets: one row per finding, with the indicator it is about, its
/// semáforo and its first piece of evidence in columns, every piece in `evidence`; headers in
/// the report's language. RFC 4180: commas, CRLF, quotes doubled inside quoted fields.
public enum CSVReport {
    /// The columns, in Spanish and English.
    public static let columns: [LocalizedText] = [
        .init(es: "severidad", en: "severity"), .init(es: "regla", en: "rule"), .init(es: "titulo_regla", en: "rule_title"),
        .init(es: "alcance", en: "scope"), .init(es: "mensaje", en: "message"), .init(es: "institucion", en: "institution"),
        .init(es: "programa", en: "program_code"), .init(es: "componente", en: "component_code"),
        .init(es: "actividad", en: "activity_code"), .init(es: "clave_indicador", en: "indicator_code"),
        .init(es: "indicador", en: "indicator_name"), .init(es: "semaforo", en: "traffic_light"),
        .init(es: "ejercicio", en: "year"), .init(es: "trimestre", en: "quarter"), .init(es: "archivo", en: "path"),
        .init(es: "pagina", en: "page"), .init(es: "linea", en: "line"), .init(es: "columna", en: "column"),
        .init(es: "cita", en: "quote"), .init(es: "evidencia", en: "evidence"), .init(es: "huella", en: "fingerprint"),
        .init(es: "nuevo", en: "new"),
    ]

    public static func header(_ language: Language) -> [String] { columns.map { $0[language] } }

    /// A row from its cells by English column name (`severity`, `rule_title`), in the columns'
    /// order: for another list of findings (`avance findings`) in the audit's columns.
    public static func fields(_ values: [String: String?]) -> [String?] { columns.map { values[$0.en] ?? nil } }

    /// A severity and a scope as the audit's CSV writes them in `language`.
    public static func words(_ severity: Severity, _ scope: RuleScope, _ language: Language) -> (severity: String, scope: String) {
        let w = Words(language)
        return (w.severity(severity), w.scope(scope))
    }

    public static func render(_ report: AuditReport, byteOrderMark: Bool = false) -> String {
        let w = Words(report.language)
        var out = byteOrderMark ? CSV.byteOrderMark : ""
        out += CSV.row(header(report.language))
        for (s, f) in report.allFindings {
            let first = f.evidence.first
            out += CSV.row([
                w.severity(f.severity), f.rule, report.title(of: f.rule), w.scope(f.scope), f.message, s.institution, s.program?.code,
                s.component?.code, s.activity?.code, s.indicator?.code, s.indicator?.name, s.light.map(w.light),
                f.year.map(String.init), f.quarter.map(String.init), first?.path, first?.page.map(String.init),
                first.map { String($0.line) }, first.map { String($0.column) }, first?.text,
                f.evidence.map { "\($0.place) \"\($0.text)\"" }.joined(separator: "; "), f.fingerprint,
                f.isNew.map { $0 ? w("sí", "yes") : "no" },
            ])
        }
        return out
    }
}
