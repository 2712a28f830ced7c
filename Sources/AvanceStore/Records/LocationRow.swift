import GRDB

/// A path where a document was found (table `locations`). A path has at most one
/// current location; when its content changes the old row stays, with `is_current`
/// 0 and `replaced_at` set, so the history of a path is kept.
public struct LocationRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "locations"

    public var id: Int64?
    public var path: String
    public var documentId: Int64
    public var size: Int64
    public var mtimeNs: Int64
    public var isCurrent: Bool
    public var firstSeenAt: String
    public var lastSeenAt: String
    public var replacedAt: String?
    public var runId: Int64?

    public enum Columns {
        public static let path = Column("path")
        public static let documentId = Column("document_id")
        public static let isCurrent = Column("is_current")
    }

    public var stamp: FileStamp { FileStamp(size: size, mtimeNs: mtimeNs) }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What a rerun compares to decide, without reading a file, that it has not changed.
public struct FileStamp: Hashable, Sendable {
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtimeNs: Int64

    public init(size: Int64, mtimeNs: Int64) {
        self.size = size
        self.mtimeNs = mtimeNs
    }
}
