/// One indicator as the audit sees it: its records across reports, and the cross-report
/// findings about them. Made by the auditor (AvanceValidate), printed by the reports.
public struct IndicatorAudit: Sendable {
    /// A cross-report finding and the year of reports it is about.
    public struct YearFinding: Sendable, Hashable {
        public var year: Int
        public var finding: Finding

        public init(year: Int, finding: Finding) {
            self.year = year
            self.finding = finding
        }
    }

    /// By year, quarter, path; each with its own findings, the settings applied.
    public var records: [IndicatorRecord]
    /// The cross-report findings, by year, then in catalogue order.
    public var findings: [YearFinding]

    public init(records: [IndicatorRecord], findings: [YearFinding]) {
        self.records = records
        self.findings = findings
    }
}
