import AvanceCore

/// The rule catalogue: every rule of either scope, in the order findings are reported.
public enum Catalogue {
    /// The rules over one record.
    public static let recordRules: [any Rule.Type] = [
        MissingFieldRule.self,
        CodeHierarchyRule.self,
        PeriodExceedsAnnualRule.self,
        PercentMismatchRule.self,
        TotalMismatchRule.self,
        TotalBelowPartRule.self,
        CountMismatchRule.self,
        QuarterMismatchRule.self,
        DateOutsidePeriodRule.self,
        AmbiguousDateRule.self,
        ConfidentialNoticeRule.self,
        SpreadsheetErrorRule.self,
        NameMismatchRule.self,
        CodeMismatchRule.self,
        NotApplicableWithProgressRule.self,
        LowConfidenceRule.self,
    ]

    /// The rules over the records of one indicator in one year (`avance audit`).
    public static let crossReportRules: [any CrossReportRule.Type] = [
        QuarterlySumMismatchRule.self,
        AnnualTargetChangedRule.self,
        CumulativeDecreaseRule.self,
        ConflictingDuplicateRule.self,
        MissingQuarterRule.self,
    ]

    /// Every rule's description: record rules first, then the cross-report rules.
    public static let descriptions: [RuleDescription] =
        recordRules.map { $0.description } + crossReportRules.map { $0.description }

    /// A rule of either scope by id.
    public static func description(id: String) -> RuleDescription? { descriptions.first { $0.id == id } }

    public static func recordRule(id: String) -> (any Rule.Type)? { recordRules.first { $0.description.id == id } }

    public static func crossReportRule(id: String) -> (any CrossReportRule.Type)? {
        crossReportRules.first { $0.description.id == id }
    }
}

/// What a user changed about the catalogue: severities and rules turned off.
public struct RuleSettings: Sendable, Hashable {
    public var severity: [String: Severity]
    public var disabled: Set<String>

    public init(severity: [String: Severity] = [:], disabled: Set<String> = []) {
        self.severity = severity
        self.disabled = disabled
    }

    /// The severity a rule's findings get, or `nil` when the rule is off or unknown.
    public func effectiveSeverity(of id: String) -> Severity? {
        guard !disabled.contains(id), let rule = Catalogue.description(id: id) else { return nil }
        return severity[id] ?? rule.severity
    }

    /// The findings `check` makes for rule `id`, with the severity these settings give it;
    /// none, and `check` not run, when the rule is off.
    func findings(of id: String, _ check: () -> [Finding]) -> [Finding] {
        guard let severity = effectiveSeverity(of: id) else { return [] }
        return check().map { f in
            var f = f
            f.severity = severity
            return f
        }
    }

    /// Findings made earlier (stored ones) as these settings would report them: findings of
    /// disabled rules dropped, severities set. A rule no longer in the catalogue keeps its findings as they are.
    public func apply(to findings: [Finding]) -> [Finding] {
        findings.compactMap { f in
            guard Catalogue.description(id: f.rule) != nil else { return f }
            guard let s = effectiveSeverity(of: f.rule) else { return nil }
            var f = f
            f.severity = s
            return f
        }
    }
}

/// Runs the catalogue over one record.
public struct Validator: Sendable {
    public var settings: RuleSettings

    public init(settings: RuleSettings = RuleSettings()) {
        self.settings = settings
    }

    public func validate(_ record: IndicatorRecord) -> [Finding] {
        Catalogue.recordRules.flatMap { rule in settings.findings(of: rule.description.id) { rule.init().check(record) } }
    }

    /// A stored record's findings as today's rules make them: each rule that can read the
    /// record checks it again; a rule that cannot (the record was stored by an older avance
    /// that did not keep what the rule reads) keeps its stored findings, as do rules no
    /// longer in the catalogue. The settings apply to all of them.
    public func revalidate(_ record: IndicatorRecord) -> [Finding] {
        let findings = Catalogue.recordRules.flatMap { type in
            let rule = type.init()
            let id = type.description.id
            return settings.findings(of: id) {
                rule.canCheck(record) ? rule.check(record) : record.findings.filter { $0.rule == id }
            }
        }
        let retired = record.findings.filter { Catalogue.description(id: $0.rule) == nil }
        return findings + retired
    }
}
