import AvanceCore

/// Runs the cross-report rules over records of many documents, and applies the settings
/// to each record's own (stored) findings.
public struct Auditor: Sendable {
    public var settings: RuleSettings

    public init(settings: RuleSettings = RuleSettings()) {
        self.settings = settings
    }

    /// `records` carry the path where their document is now (`source.path`) and their findings.
    public func audit(_ records: [IndicatorRecord]) -> [IndicatorAudit] {
        IndicatorMatcher.group(records).map { group in
            var findings: [IndicatorAudit.YearFinding] = []
            for year in group.years {
                findings += check(year).map { IndicatorAudit.YearFinding(year: year.year, finding: $0) }
            }
            let records = group.records.map { r in
                var r = r
                r.findings = settings.apply(to: r.findings)
                return r
            }
            return IndicatorAudit(records: records, findings: findings)
        }
    }

    /// The cross-report findings of one indicator's year, with the settings' severities.
    public func check(_ year: IndicatorYear) -> [Finding] {
        Catalogue.crossReportRules.flatMap { rule in settings.findings(of: rule.description.id) { rule.init().check(year) } }
    }
}
