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
}

/// What a user changed about the catalogue: severities and rules turned off.
public struct RuleSettings: Sendable, Hashable {
    public var severity: [String: Severity]
    public var disabled: Set<String>

    public init(severity: [String: Severity] = [:], disabled: Set<String> = []) {
        self.severity = severity
        self.disabled = disabled
    }

    public func effectiveSeverity(of id: String) -> Severity? {
        guard !disabled.contains(id), let rule = Catalogue.rule(id: id) else { return nil }
        return severity[id] ?? rule.description.severity
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
