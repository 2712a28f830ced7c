import AvanceCore

/// A short input that must (or must not) make a rule fire: a report excerpt for a record
/// rule, a few records for a cross-report rule. It remembers where it was written, so a
/// failing example names its own file and line.
///
/// In a report excerpt each `↓` marks where a finding's first quoted words start: a
/// triggering example must give exactly one finding at each marker and no other. In a set
/// of records, `expected` lists, finding by finding, the file its first quote cites.
public struct RuleExample: Sendable {
    public enum Input: Sendable {
        /// A report's text, read by the real extractor and parser.
        case report(String)
        /// Records built in code, grouped as `avance audit` groups them.
        case records([IndicatorRecord], expected: [String])
    }

    public var input: Input
    /// Why the example is there.
    public var note: String
    /// In a triggering report excerpt, how many findings quote nothing (a field the report
    /// does not state has no words to quote); every other finding stands at a `↓`.
    public var unquoted: Int
    /// Where the example is written (`#fileID`, `#filePath`, `#line`, `#column`).
    public var fileID: String
    public var filePath: String
    public var line: Int
    public var column: Int

    public init(
        _ text: String, unquoted: Int = 0, note: String = "",
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.init(.report(text), note: note, fileID: fileID, filePath: filePath, line: line, column: column)
        self.unquoted = unquoted
    }

    public init(
        _ records: [IndicatorRecord], expected: [String] = [], note: String = "",
        fileID: String = #fileID, filePath: String = #filePath, line: Int = #line, column: Int = #column
    ) {
        self.init(.records(records, expected: expected), note: note, fileID: fileID, filePath: filePath, line: line, column: column)
    }

    public init(_ input: Input, note: String, fileID: String, filePath: String, line: Int, column: Int) {
        self.input = input
        self.note = note
        unquoted = 0
        self.fileID = fileID
        self.filePath = filePath
        self.line = line
        self.column = column
    }

    /// The marker placed before the quoted words of an expected finding.
    public static let marker: Character = "↓"

    /// `AmbiguousDateRule.swift:14`, for messages.
    public var place: String { "\(fileID.split(separator: "/").last.map(String.init) ?? fileID):\(line)" }
}

/// Everything a user and a test need to know about a rule of either scope: the one source
/// of the catalogue that `avance rules`, the README, the configuration and the tests read.
public struct RuleDescription: Sendable {
    /// Stable identifier, used in findings, configuration and `--rule` filters.
    public var id: String
    /// A short name, in both languages (`avance rules`, the audit beside the id).
    public var title: LocalizedText
    /// The default severity.
    public var severity: Severity
    /// One paragraph for the README and `avance rules`, in both languages.
    public var description: LocalizedText
    public var scope: RuleScope
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]

    public init(
        id: String, title: LocalizedText, severity: Severity, scope: RuleScope = .record, description: LocalizedText,
        triggering: [RuleExample], nonTriggering: [RuleExample]
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.scope = scope
        self.description = description
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// One check over one record: a function of the record alone, so stored records can be
/// checked again by a later avance. Each rule is one type in Rules/, with its description.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// The findings for a record, with the rule's default severity (the validator applies overrides).
    func check(_ record: IndicatorRecord) -> [Finding]
    /// Whether the record holds what the rule reads. A record stored by an older avance may
    /// lack a part a newer rule needs; the rule's stored findings then stand.
    func canCheck(_ record: IndicatorRecord) -> Bool
}

extension Rule {
    public func canCheck(_ record: IndicatorRecord) -> Bool { true }

    /// Rules about a document's text (its dates, its quarters, its notices) report on the
    /// first record only: a table of twenty indicators must not repeat one date's finding twenty times.
    func speaksForTheDocument(_ record: IndicatorRecord) -> Bool { (record.source.row ?? 1) == 1 }

    /// A finding of this rule with its default severity; its message in both languages.
    func finding(_ message: LocalizedText, _ evidence: [SourceSpan]) -> Finding {
        Finding(rule: Self.description.id, severity: Self.description.severity, message: message, evidence: evidence)
    }
}
