import AvanceCore

/// The rule catalogue: every record rule, in the order findings are reported.
public enum Catalogue {
    public static let rules: [any Rule.Type] = [
        MissingFieldRule.self,
        CodeHierarchyRule.self,
        PeriodExceedsAnnualRule.self,
        PercentMismatchRule.self,
        CountMismatchRule.self,
        QuarterMismatchRule.self,
        DateOutsidePeriodRule.self,
        AmbiguousDateRule.self,
        ConfidentialNoticeRule.self,
    ]

    public static var descriptions: [RuleDescription] { rules.map { $0.description } }

    public static func rule(id: String) -> (any Rule.Type)? { rules.first { $0.description.id == id } }

    /// Every rule, record rules first, then the cross-report rules.
    public static var all: [RuleSummary] {
        descriptions.map { RuleSummary(id: $0.id, title: $0.title, severity: $0.severity, description: $0.description, scope: .record) }
            + CrossReportCatalogue.descriptions.map {
                RuleSummary(id: $0.id, title: $0.title, severity: $0.severity, description: $0.description, scope: .crossReport)
            }
    }

    /// A record rule or a cross-report rule by id.
    public static func summary(id: String) -> RuleSummary? { all.first { $0.id == id } }
}

/// What a rule checks: one record, or the records of one indicator across reports.
public enum RuleScope: String, Sendable, Hashable, Codable {
    case record
    case crossReport = "cross-report"
}

/// A rule of either kind, as `avance rules` and the configuration see it.
public struct RuleSummary: Sendable, Hashable {
    public var id: String
    public var title: String
    /// The default severity.
    public var severity: Severity
    public var description: String
    public var scope: RuleScope
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
        guard !disabled.contains(id), let rule = Catalogue.summary(id: id) else { return nil }
        return severity[id] ?? rule.severity
    }

    /// Findings made earlier (stored ones) as these settings would report them: findings of
    /// disabled rules dropped, severities set. A rule no longer in the catalogue keeps its findings as they are.
    public func apply(to findings: [Finding]) -> [Finding] {
        findings.compactMap { f in
            guard Catalogue.summary(id: f.rule) != nil else { return f }
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

    public func validate(_ record: IndicatorRecord, in document: ExtractedDocument) -> [Finding] {
        var findings: [Finding] = []
        for rule in Catalogue.rules {
            guard let severity = settings.effectiveSeverity(of: rule.description.id) else { continue }
            for var f in rule.init().check(record, in: document) {
                f.severity = severity
                findings.append(f)
            }
        }
        return findings
    }
}
