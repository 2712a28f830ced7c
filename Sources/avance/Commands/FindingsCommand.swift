import ArgumentParser
import AvanceCore
import AvanceReport
import AvanceStore
import AvanceValidate
import Foundation

/// `avance findings`: the stored findings, filtered by severity and rule, as avance.yml
/// reports them (a rule turned off is not listed, a severity raised or lowered is applied).
struct FindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "findings",
        abstract: "List the findings stored for current documents.",
        discussion: """
            Text lines read like a compiler's and like `avance check` (file:line:column: severity \
            [rule] message, then the quoted words); JSON is one array, JSON Lines one finding per \
            line; CSV has a header row and the columns of `avance audit --format csv`. avance.yml \
            (or --config) applies as it does to `check` and `audit`: a rule turned off is not \
            listed, a severity it sets is the one shown and filtered on.

            With --files, lists instead the files the store could not use: those that failed \
            (kind failure) and those that are not indicator reports (kind not-a-report).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl, csv
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

    @OptionGroup var config: ConfigOptions

    @Option(help: "Only findings at or above this severity (info, warning, error).")
    var severity: SeverityOption = .info

    @Option(name: .customLong("rule"), help: ArgumentHelp("Only findings of this rule (repeatable; see `avance rules`).", valueName: "rule"))
    var rules: [String] = []

    @Option(help: "text, json, jsonl or csv.")
    var format: Format = .text

    @Flag(help: "Also list findings of versions superseded by a newer one.")
    var includeSuperseded = false

    @Flag(help: "List the files that failed or are not indicator reports instead of findings.")
    var files = false

    @OptionGroup var output: OutputOptions

    @OptionGroup var csv: CSVOptions

    @OptionGroup var lang: LanguageOptions

    func validate() throws {
        let known = Catalogue.descriptions.map(\.id)
        for rule in rules where !known.contains(rule) {
            throw ValidationError("--rule \(rule): no such rule\(ConfigurationError.suggestion(rule, known)) (`avance rules` lists them)")
        }
        if csv.bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
        _ = try output.destination(database: database.path)
    }

    func run() async throws {
        let settings = try config.load().rules
        try await reportingStoreErrors { try files ? listFiles() : list(settings) }
    }

    private func list(_ settings: RuleSettings) throws {
        let store = try Store.openForReading(try database.address())
        // Every severity from the store: avance.yml may raise a rule's findings above the filter.
        let stored = try store.findings(FindingFilter(minimumSeverity: .info, rules: rules, includeSuperseded: includeSuperseded))
        let findings = Self.applying(settings, to: stored).filter { $0.finding.severity >= severity.severity }
        let sink = try output.sink(database: database.path)
        do {
            switch format {
            case .text:
                for finding in findings { try sink.write(Self.text(finding, language: lang.language)) }
            case .json:
                try sink.write(try Self.json(findings, language: lang.language) + "\n")
            case .jsonl:
                for finding in findings { try sink.write(try Self.jsonLine(finding, language: lang.language)) }
            case .csv:
                try sink.write(csv.prefix + CSV.row(CSVReport.header(lang.language)))
                for finding in findings { try sink.write(CSV.row(Self.csvFields(finding, language: lang.language))) }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if findings.isEmpty { output.note("no findings") }
    }

    /// Stored findings as the configuration reports them: those of a rule it turns off dropped,
    /// the severity it sets applied; the others as stored.
    static func applying(_ settings: RuleSettings, to stored: [StoredFinding]) -> [StoredFinding] {
        stored.compactMap { s in
            guard !settings.disabled.contains(s.row.rule) else { return nil }
            guard let severity = settings.severity[s.row.rule] else { return s }
            var s = s
            s.finding.severity = severity
            s.row.severity = severity
            return s
        }
    }

    /// The same lines as `avance check` prints, from the stored finding.
    static func text(_ finding: StoredFinding, language: Language = .en) -> String {
        TextReport.render(finding.finding, path: finding.row.path, row: nil, language: language) + "\n"
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

        init(_ finding: StoredFinding, language: Language = .en) {
            let f = finding.row
            self.init(
                rule: f.rule, severity: f.severity, message: finding.finding.text[language], path: f.path, page: f.page, line: f.line,
                column: f.column, quote: f.quote, evidence: finding.finding.evidence, sha256: finding.sha256,
                program: finding.programCode, component: finding.componentCode, activity: finding.activityCode,
                indicator: finding.indicatorCode, year: finding.year, quarter: finding.quarter, superseded: finding.superseded
            )
        }

        init(
            rule: String, severity: Severity, message: String, path: String, page: Int?, line: Int?, column: Int?,
            quote: String?, evidence: [SourceSpan], sha256: String, program: String?, component: String?,
            activity: String?, indicator: String?, year: Int?, quarter: Int?, superseded: Bool
        ) {
            self.rule = rule
            self.severity = severity
            self.message = message
            self.path = path
            self.page = page
            self.line = line
            self.column = column
            self.quote = quote
            self.evidence = evidence
            self.sha256 = sha256
            self.program = program
            self.component = component
            self.activity = activity
            self.indicator = indicator
            self.year = year
            self.quarter = quarter
            self.superseded = superseded
        }
    }

    static func json(_ findings: [StoredFinding], language: Language = .en) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(findings.map { JSONFinding($0, language: language) }), as: UTF8.self)
    }

    /// One finding on one line, the keys of `--format json`.
    static func jsonLine(_ finding: StoredFinding, language: Language = .en) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(JSONFinding(finding, language: language)), as: UTF8.self) + "\n"
    }

    /// A stored finding in the columns of the audit's CSV (`CSVReport.header`), so that the
    /// two files open alike in a spreadsheet, in the language asked.
    static func csvFields(_ finding: StoredFinding, language: Language = .en) -> [String?] {
        let f = finding.row
        let words = CSVReport.words(f.severity, .record, language)
        let values: [String: String?] = [
            "severity": words.severity, "rule": f.rule, "rule_title": Catalogue.description(id: f.rule)?.title[language],
            "scope": words.scope, "message": finding.finding.text[language],
            "institution": finding.institution, "program_code": finding.programCode,
            "component_code": finding.componentCode, "activity_code": finding.activityCode,
            "indicator_code": finding.indicatorCode, "indicator_name": finding.indicatorName,
            "year": finding.year.map(String.init), "quarter": finding.quarter.map(String.init), "path": f.path,
            "page": f.page.map(String.init), "line": f.line.map(String.init), "column": f.column.map(String.init),
            "quote": f.quote,
            "evidence": finding.finding.evidence.map { span in
                let cited = span.path == nil ? span.cited(in: f.path) : span
                return "\(cited.place) \"\(span.text)\""
            }.joined(separator: "; "),
        ]
        return CSVReport.fields(values)
    }

    // MARK: - Files

    struct JSONFile: Codable, Hashable, Sendable {
        var path: String
        var kind: String
        var reason: String
        @NullEncoded var sha256: String?
        var attempts: Int
        var firstFailedAt: String
        var lastFailedAt: String
    }

    static let filesHeader = ["path", "kind", "reason", "sha256", "attempts", "first_failed_at", "last_failed_at"]

    private func listFiles() throws {
        let store = try Store.openForReading(try database.address())
        let rows = try store.openFailures()
        let sink = try output.sink(database: database.path)
        let files = rows.map {
            JSONFile(
                path: $0.path, kind: $0.kind.rawValue, reason: $0.reason, sha256: $0.sha256, attempts: $0.attempts,
                firstFailedAt: $0.firstFailedAt, lastFailedAt: $0.lastFailedAt
            )
        }
        do {
            let encoder = JSONEncoder()
            switch format {
            case .text:
                for f in files { try sink.write("\(f.path): \(f.kind): \(f.reason)\n") }
            case .json:
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                try sink.write(String(decoding: try encoder.encode(files), as: UTF8.self) + "\n")
            case .jsonl:
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                for f in files { try sink.write(String(decoding: try encoder.encode(f), as: UTF8.self) + "\n") }
            case .csv:
                try sink.write(csv.prefix + CSV.row(Self.filesHeader))
                for f in files {
                    try sink.write(CSV.row([f.path, f.kind, f.reason, f.sha256, String(f.attempts), f.firstFailedAt, f.lastFailedAt]))
                }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
        if files.isEmpty { output.note("no failed files") }
    }
}
