import Foundation
import AvanceCore

/// What `avance audit` reports: a summary, then one section per indicator with its
/// reports, quarter by quarter, and every finding about it. Built by the command line from
/// the store and the auditor; printed as text, JSON, CSV or HTML by the renderers here.
public struct AuditReport: Codable, Hashable, Sendable {
    /// When the audit ran (ISO 8601, UTC).
    public var generatedAt: String
    /// The database audited.
    @NullEncoded public var database: String?
    /// The filters given (`--year`, `--program`), if any.
    @NullEncoded public var year: Int?
    @NullEncoded public var program: String?
    /// The language of every text the report prints (its labels, the findings' messages).
    public var language: Language
    /// With `--since-run N`: N, the run findings are new since.
    @NullEncoded public var sinceRun: Int?
    /// Findings below this severity are left out (`--min-severity`); `nil`: none is.
    @NullEncoded public var minimumSeverity: Severity?
    /// The title of each rule with findings, by id, in the report's language.
    public var ruleTitles: [String: String]
    public var summary: Summary
    /// Files the store could not read: their indicators are not in the audit.
    public var failures: [FailedFile]
    /// Files the store found to be no indicator report (a README, a JSON file): listed apart
    /// from the failures, as nothing is missing from the audit for them.
    public var notReports: [FailedFile]
    public var indicators: [IndicatorSection]

    public init(
        generatedAt: String, database: String? = nil, year: Int? = nil, program: String? = nil,
        language: Language = .es, minimumSeverity: Severity? = nil, ruleTitles: [String: String] = [:], sinceRun: Int? = nil,
        failures: [FailedFile] = [], notReports: [FailedFile] = [], indicators: [IndicatorSection]
    ) {
        self.generatedAt = generatedAt
        self.database = database
        self.year = year
        self.program = program
        self.language = language
        self.minimumSeverity = minimumSeverity
        self.ruleTitles = ruleTitles
        self.sinceRun = sinceRun
        self.failures = failures
        self.notReports = notReports
        self.indicators = indicators
        summary = Summary(indicators: indicators, failures: failures)
    }

    /// Every finding of the report, with the section it belongs to.
    public var allFindings: [(section: IndicatorSection, finding: ReportFinding)] {
        indicators.flatMap { s in s.findings.map { (s, $0) } }
    }

    /// The most severe finding reported, if any.
    public var worstSeverity: Severity? { allFindings.map(\.finding.severity).max() }

    /// A rule's title in the report's language, where the report knows it.
    public func title(of rule: String) -> String? { ruleTitles[rule] }
}

/// Counts for the top of the report.
public struct Summary: Codable, Hashable, Sendable {
    public struct SeverityCount: Codable, Hashable, Sendable {
        public var severity: Severity
        public var count: Int
    }

    public struct RuleCount: Codable, Hashable, Sendable {
        public var rule: String
        public var scope: RuleScope
        public var count: Int
    }

    /// Distinct documents (files) whose records are audited.
    public var documents: Int
    public var records: Int
    public var indicators: Int
    /// Errors, warnings and infos, in that order (zeros included).
    public var findingsBySeverity: [SeverityCount]
    /// Rules with findings, most findings first.
    public var findingsByRule: [RuleCount]
    public var failedFiles: Int

    init(indicators: [IndicatorSection], failures: [FailedFile]) {
        let reports = indicators.flatMap(\.reports)
        documents = Set(reports.map(\.path)).count
        records = reports.count
        self.indicators = indicators.count
        let findings = indicators.flatMap(\.findings)
        findingsBySeverity = Severity.allCases.reversed().map { s in
            SeverityCount(severity: s, count: findings.filter { $0.severity == s }.count)
        }
        var byRule: [String: RuleCount] = [:]
        var order: [String] = []
        for f in findings {
            if byRule[f.rule] == nil { order.append(f.rule) }
            byRule[f.rule, default: RuleCount(rule: f.rule, scope: f.scope, count: 0)].count += 1
        }
        findingsByRule = order.compactMap { byRule[$0] }.enumerated()
            .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        failedFiles = failures.count
    }
}

/// A file the store could not read, and why.
public struct FailedFile: Codable, Hashable, Sendable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// One indicator: who reports it, where it sits in the program, its reports and findings.
public struct IndicatorSection: Codable, Hashable, Sendable {
    /// A code and a name, as the reports write them.
    public struct Level: Codable, Hashable, Sendable {
        @NullEncoded public var code: String?
        @NullEncoded public var name: String?

        public init(code: String?, name: String?) {
            self.code = code
            self.name = name
        }

        /// `C01.A01 Impartición de talleres`.
        public var label: String { [code, name].compactMap { $0 }.joined(separator: " ") }
    }

    @NullEncoded public var institution: String?
    @NullEncoded public var program: Level?
    @NullEncoded public var component: Level?
    @NullEncoded public var activity: Level?
    @NullEncoded public var indicator: Level?
    /// The responsible unit, as the latest report names it.
    @NullEncoded public var responsibleUnit: String?
    /// The semáforo of its latest report that gives a compliance percentage.
    @NullEncoded public var light: TrafficLight?
    /// Whether the title names the responsible unit: where other indicators share its
    /// institution, place and name (a work program's `Cursos`, one per unit).
    public var titleNamesUnit: Bool = false
    /// One per record, by year, quarter and path.
    public var reports: [ReportRow]
    /// Cross-report findings first, then each record's own, by year and quarter.
    public var findings: [ReportFinding]
    /// Findings an auditor waived (`avance waive`, avance.yml), with the reason: shown apart,
    /// counted nowhere else.
    public var waived: [ReportFinding] = []

    public init(
        institution: String?, program: Level?, component: Level?, activity: Level?, indicator: Level?,
        responsibleUnit: String? = nil, reports: [ReportRow], findings: [ReportFinding]
    ) {
        self.responsibleUnit = responsibleUnit
        self.institution = institution
        self.program = program
        self.component = component
        self.activity = activity
        self.indicator = indicator
        self.reports = reports
        self.findings = findings
    }

    /// The indicator's own name, else the deepest level named; with its responsible unit
    /// where that tells it from another (`Cursos — UNIDAD DE CAPACITACIÓN TUXTLA`).
    public var title: String {
        guard titleNamesUnit, let responsibleUnit else { return name }
        return "\(name) — \(responsibleUnit)"
    }

    /// The indicator's own name, else the deepest level named.
    public var name: String {
        for level in [indicator, activity, component, program] {
            if let level, !level.label.isEmpty { return level.label }
        }
        // A report that names no indicator (an activity report): its file's name, not a path.
        return reports.first.map { ($0.path as NSString).lastPathComponent } ?? "(unidentified)"
    }

    /// `E001 › C01 › C01.A01`: where the indicator sits.
    public var place: String {
        [program?.code, component?.code, activity?.code].compactMap { $0 }.joined(separator: " › ")
    }

    /// The years its reports cover, in order.
    public var years: [Int] { Array(Set(reports.compactMap(\.year))).sorted() }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// The most severe of its findings, if any.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }

    /// Whether a finding is about a report (a record's own, or a cross-report finding that
    /// quotes the report's file), for the reports table and the chart.
    public func finding(_ f: ReportFinding, concerns r: ReportRow) -> Bool {
        if f.scope == .record { return f.year == r.year && f.quarter == r.quarter }
        return f.evidence.contains { $0.path == r.path }
    }
}

/// One record of an indicator: one document's report of one quarter.
public struct ReportRow: Codable, Hashable, Sendable {
    public var path: String
    /// The row of a table of indicators; `nil` for a narrative report.
    @NullEncoded public var row: Int?
    @NullEncoded public var year: Int?
    @NullEncoded public var quarter: Int?
    /// The indicator as this report writes it (names drift between quarters).
    @NullEncoded public var indicatorText: String?
    @NullEncoded public var unit: String?
    @NullEncoded public var annual: Double?
    @NullEncoded public var period: Double?
    public var cumulative: Bool
    @NullEncoded public var achieved: Double?
    @NullEncoded public var percent: Double?
    /// The compliance percentage the semáforo reads: the one stated, else achieved ÷ period target.
    @NullEncoded public var compliance: Double?
    @NullEncoded public var light: TrafficLight?
    /// Findings about this record: its own, and the cross-report findings that quote it.
    public var findings: Int

    public init(
        path: String, row: Int? = nil, year: Int?, quarter: Int?, indicatorText: String? = nil, unit: String? = nil,
        annual: Double? = nil, period: Double? = nil, cumulative: Bool = false, achieved: Double? = nil,
        percent: Double? = nil, compliance: Double? = nil, light: TrafficLight? = nil, findings: Int = 0
    ) {
        self.compliance = compliance
        self.light = light
        self.path = path
        self.row = row
        self.year = year
        self.quarter = quarter
        self.indicatorText = indicatorText
        self.unit = unit
        self.annual = annual
        self.period = period
        self.cumulative = cumulative
        self.achieved = achieved
        self.percent = percent
        self.findings = findings
    }

    /// `2024 Q3`, or `no period`.
    public var periodName: String { periodName(.en) }

    /// `T3 2024`, `2024 Q3`; `sin periodo`, `no period`.
    public func periodName(_ language: Language) -> String {
        guard let year, let quarter else { return language == .es ? "sin periodo" : "no period" }
        return language == .es ? "T\(quarter) \(year)" : "\(year) Q\(quarter)"
    }
}

/// A finding with every piece of its evidence placed in its file.
public struct ReportFinding: Codable, Hashable, Sendable {
    public var rule: String
    public var scope: RuleScope
    public var severity: Severity
    /// In the report's language.
    public var message: String
    /// The period of the record a record finding is about; for a cross-report finding, the year.
    @NullEncoded public var year: Int?
    @NullEncoded public var quarter: Int?
    /// Every quote, each citing its file (`path` is always set).
    public var evidence: [SourceSpan]
    /// What stays the same while the finding does (`Fingerprint`): for `avance waive`.
    public var fingerprint: String = ""
    /// With `--since-run N`: whether a document it is about was first stored after run N.
    @NullEncoded public var isNew: Bool?
    /// Why an auditor waived it, when they did.
    @NullEncoded public var waiver: String?

    public init(rule: String, scope: RuleScope, severity: Severity, message: String, year: Int?, quarter: Int?, evidence: [SourceSpan]) {
        self.rule = rule
        self.scope = scope
        self.severity = severity
        self.message = message
        self.year = year
        self.quarter = quarter
        self.evidence = evidence
    }

    /// A finding whose spans carry no path of their own is about the record at `path`.
    public init(_ finding: Finding, scope: RuleScope, path: String, year: Int?, quarter: Int?, language: Language = .en) {
        self.init(
            rule: finding.rule, scope: scope, severity: finding.severity, message: finding.text[language], year: year,
            quarter: quarter, evidence: finding.evidence.map { $0.path == nil ? $0.cited(in: path) : $0 }
        )
    }

}


/// A number as a report writes it: `4`, `96.5`.
func show(_ v: Double?) -> String {
    v.map { NumberText.show($0) } ?? "–"
}
