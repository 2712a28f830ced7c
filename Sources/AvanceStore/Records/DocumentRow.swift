import GRDB

/// One distinct content, identified by its SHA-256 (table `documents`).
public struct DocumentRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "documents"

    public var id: Int64?
    public var sha256: String
    public var format: String
    public var declaredFormat: String?
    public var encoding: String?
    public var pages: Int?
    public var bytes: Int64
    public var recordCount: Int
    public var firstSeenAt: String
    public var firstRunId: Int64?
    /// The document that replaced this one at its path; `nil` while it is current.
    public var supersededBy: Int64?
    public var supersededAt: String?

    enum CodingKeys: String, CodingKey {
        case id, sha256, format, declaredFormat = "declared_format", encoding, pages, bytes
        case recordCount = "record_count", firstSeenAt = "first_seen_at", firstRunId = "first_run_id"
        case supersededBy = "superseded_by", supersededAt = "superseded_at"
    }

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let sha256 = Column(CodingKeys.sha256)
        public static let supersededBy = Column(CodingKeys.supersededBy)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
