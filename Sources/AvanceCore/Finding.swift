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
///
/// Its message is written by the rule in Spanish and English. As JSON it is one string,
/// `message`, in the language the encoder's `userInfo` asks for (`Language.codingKey`;
/// English without it); read back from JSON, that one string stands for both.
public struct Finding: Codable, Hashable, Sendable {
    /// The id of the rule that produced it (`count-mismatch`).
    public var rule: String
    public var severity: Severity
    /// The message in both languages.
    public var text: LocalizedText
    /// The quoted words that show the problem, first the most telling.
    public var evidence: [SourceSpan]

    /// The message in English (the store's `message` column).
    public var message: String { text.en }

    public init(rule: String, severity: Severity, message: LocalizedText, evidence: [SourceSpan]) {
        self.rule = rule
        self.severity = severity
        text = message
        self.evidence = evidence
    }

    /// A finding whose message is known in one language only (stored by an older avance).
    public init(rule: String, severity: Severity, message: String, evidence: [SourceSpan]) {
        self.init(rule: rule, severity: severity, message: LocalizedText(message), evidence: evidence)
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, message, evidence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        text = LocalizedText(try c.decode(String.self, forKey: .message))
        evidence = try c.decode([SourceSpan].self, forKey: .evidence)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(text[Language.of(encoder.userInfo)], forKey: .message)
        try c.encode(evidence, forKey: .evidence)
    }
}

/// What a rule checks: one record, or the records of one indicator across reports.
public enum RuleScope: String, Codable, Hashable, Sendable {
    case record
    case crossReport = "cross-report"
}
