import AvanceCore
import GRDB

/// One distinct content, identified by its SHA-256 (table `documents`).
public struct DocumentRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "documents"

    public var id: Int64?
    public var sha256: String
    public var format: SourceFormat
    public var declaredFormat: SourceFormat?
    public var encoding: String?
    public var pages: Int?
    public var bytes: Int64
    public var recordCount: Int
    public var firstSeenAt: String
    public var firstRunId: Int64?
    /// The document that replaced this one at its path; `nil` while it is current.
    public var supersededBy: Int64?
    public var supersededAt: String?

    public enum Columns {
        public static let id = Column("id")
        public static let sha256 = Column("sha256")
        public static let supersededBy = Column("superseded_by")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// Stored as its name (`pdf`, `html`, `text`).
extension SourceFormat: DatabaseValueConvertible {}
