import AvanceCore

/// The cross-report rules, in the order their findings are reported.
public enum CrossReportCatalogue {
    public static let rules: [any CrossReportRule.Type] = [
        QuarterlySumMismatchRule.self,
        AnnualTargetChangedRule.self,
        CumulativeDecreaseRule.self,
        ConflictingDuplicateRule.self,
        MissingQuarterRule.self,
    ]

    public static var descriptions: [CrossReportRuleDescription] { rules.map { $0.description } }

    public static func rule(id: String) -> (any CrossReportRule.Type)? { rules.first { $0.description.id == id } }
}

/// One indicator as the audit reports it: its records and the cross-report findings about them.
public struct IndicatorAudit: Sendable {
    /// A cross-report finding and the year of reports it is about.
    public struct YearFinding: Sendable, Hashable {
        public var year: Int
        public var finding: Finding
    }

    public var identity: IndicatorIdentity
    /// By year, quarter, path; each with its own findings, the settings applied.
    public var records: [IndicatorRecord]
    /// The cross-report findings, by year, then in catalogue order.
    public var findings: [YearFinding]
}

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
            return IndicatorAudit(identity: group.identity, records: records, findings: findings)
        }
    }

    /// The cross-report findings of one indicator's year, with the settings' severities.
    public func check(_ year: IndicatorYear) -> [Finding] {
        var findings: [Finding] = []
        for rule in CrossReportCatalogue.rules {
            guard let severity = settings.effectiveSeverity(of: rule.description.id) else { continue }
            for var f in rule.init().check(year) {
                f.severity = severity
                findings.append(f)
            }
        }
        return findings
    }
}
