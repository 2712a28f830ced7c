import AvanceCore
import Foundation
import GRDB

/// One finding of a record (table `findings`). The first piece of evidence is
/// spread into columns (`path`, `page`, `line`, `column`, `quote`) so that a listing
/// needs no JSON; all of it is in `evidence`.
public struct FindingRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "findings"

    public var id: Int64?
    public var recordId: Int64
    public var documentId: Int64
    public var rule: String
    public var severity: Severity
    /// The message in English.
    public var message: String
    /// The message in Spanish; null in a finding stored by avance 0.4 or earlier (English only).
    public var messageEs: String?
    /// The file the document was read from when the finding was made.
    public var path: String
    public var page: Int?
    public var line: Int?
    public var column: Int?
    public var quote: String?
    /// Every piece of evidence, as a JSON array of spans.
    public var evidence: String

    enum CodingKeys: String, CodingKey {
        case id, recordId = "record_id", documentId = "document_id", rule, severity, message, messageEs = "message_es"
        case path, page, line, column, quote, evidence
    }

    public enum Columns {
        public static let rule = Column(CodingKeys.rule)
        public static let severity = Column(CodingKeys.severity)
    }

    public init(finding: Finding, recordId: Int64, documentId: Int64, path: String) throws {
        id = nil
        self.recordId = recordId
        self.documentId = documentId
        rule = finding.rule
        severity = finding.severity
        message = finding.text.en
        messageEs = finding.text.es
        self.path = path
        let first = finding.evidence.first
        page = first?.page
        line = first?.line
        column = first?.column
        quote = first?.text
        evidence = try JSONText.encode(finding.evidence)
    }

    /// The finding as it was made: the one place a stored finding is read back.
    public func finding() throws -> Finding {
        let spans = try JSONDecoder().decode([SourceSpan].self, from: Data(evidence.utf8))
        let text = LocalizedText(es: messageEs ?? message, en: message)
        return Finding(rule: rule, severity: severity, message: text, evidence: spans)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The values of `IngestSQL.insertFinding`, in its order of columns.
    var insertArguments: StatementArguments {
        [recordId, documentId, rule, severity.rawValue, message, messageEs, path, page, line, column, quote, evidence]
    }
}
