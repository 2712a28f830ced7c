import GRDB

/// One failure of a path (table `failures`): the file could not be read, or was read and is
/// not an indicator report. A row lasts while the path fails the same way (same content, same
/// reason, same avance version: a "known" failure, not read again); a change of any of them
/// closes the row (`resolved_at`) and opens another, and a success closes it. The table so
/// keeps every failure a path has had.
public struct FailureRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "failures"

    /// A real failure, or a file that is no indicator report (not counted as a failure).
    public enum Kind: String, Codable, Hashable, Sendable, DatabaseValueConvertible {
        case failure
        case notAReport = "not-a-report"
    }

    public var id: Int64?
    public var path: String
    public var kind: Kind
    /// The content's hash, when its bytes could be read.
    public var sha256: String?
    public var size: Int64?
    public var mtimeNs: Int64?
    public var reason: String
    /// The avance that failed on it: a newer one reads the file again.
    public var avanceVersion: String?
    public var attempts: Int
    public var firstFailedAt: String
    public var lastFailedAt: String
    public var lastRunId: Int64?
    public var resolvedAt: String?

    public enum Columns {
        public static let path = Column("path")
        public static let kind = Column("kind")
        public static let resolvedAt = Column("resolved_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
