import GRDB

/// A path that could not be stored, with the latest reason (table `failures`).
/// Tried again on every run until it succeeds; then `resolved_at` is set.
public struct FailureRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "failures"

    public var id: Int64?
    public var path: String
    public var size: Int64?
    public var mtimeNs: Int64?
    public var reason: String
    public var attempts: Int
    public var firstFailedAt: String
    public var lastFailedAt: String
    public var lastRunId: Int64?
    public var resolvedAt: String?

    public enum Columns {
        public static let path = Column("path")
        public static let resolvedAt = Column("resolved_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
