import AvanceCore

/// A short report excerpt that must (or must not) make a rule fire. In a triggering
/// example each `↓` marks where a finding's first quoted words start.
public struct RuleExample: Sendable {
    public var text: String
    /// The report's own year and quarter are set by its header; this says why the example is there.
    public var note: String

    public init(_ text: String, note: String = "") {
        self.text = text
        self.note = note
    }

    /// The marker placed before the quoted words of an expected finding.
    public static let marker: Character = "↓"
}

/// Everything a user and a test need to know about a rule.
public struct RuleDescription: Sendable {
    /// Stable identifier, used in findings, configuration and `--rule` filters.
    public var id: String
    public var title: String
    public var severity: Severity
    /// One paragraph for the README and `avance rules`.
    public var description: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
}

/// One check over one record. Each rule is one type in Rules/, with its description.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// The findings for a record, with the rule's default severity (the validator applies overrides).
    func check(_ record: IndicatorRecord, in document: ExtractedDocument) -> [Finding]
}

extension Rule {
    /// Rules about a document's text (its dates, its quarters, its notices) report on the
    /// first record only: a table of twenty indicators must not repeat one date's finding twenty times.
    func speaksForTheDocument(_ record: IndicatorRecord) -> Bool { (record.source.row ?? 1) == 1 }

    /// A finding of this rule with its default severity.
    func finding(_ message: String, _ evidence: [SourceSpan]) -> Finding {
        Finding(rule: Self.description.id, severity: Self.description.severity, message: message, evidence: evidence)
    }
}

/// Formats a number as a report would write it: `4`, `96.5`.
func show(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String((v * 100).rounded() / 100)
}
