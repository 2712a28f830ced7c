/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One thing a validation rule noticed, with its evidence. Findings are data, never thrown.
public struct Finding: Codable, Hashable, Sendable {
    /// The id of the rule that produced it (`count-mismatch`).
    public var rule: String
    public var severity: Severity
    public var message: String
    /// The quoted words that show the problem, first the most telling.
    public var evidence: [SourceSpan]

    public init(rule: String, severity: Severity, message: String, evidence: [SourceSpan]) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.evidence = evidence
    }
}

/// What a rule checks: one record, or the records of one indicator across reports.
public enum RuleScope: String, Codable, Hashable, Sendable {
    case record
    case crossReport = "cross-report"
}
