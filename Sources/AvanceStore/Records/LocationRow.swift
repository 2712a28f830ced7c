import GRDB

/// A path where a document was found (table `locations`). A path has at most one
/// current location; when its content changes the old row stays, with `is_current`
/// 0 and `replaced_at` set, so the history of a path is kept.
public struct LocationRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
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

    enum CodingKeys: String, CodingKey {
        case id, path, documentId = "document_id", size, mtimeNs = "mtime_ns", isCurrent = "is_current"
        case firstSeenAt = "first_seen_at", lastSeenAt = "last_seen_at", replacedAt = "replaced_at"
        case runId = "run_id"
    }

    public enum Columns {
        public static let path = Column(CodingKeys.path)
        public static let documentId = Column(CodingKeys.documentId)
        public static let isCurrent = Column(CodingKeys.isCurrent)
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
