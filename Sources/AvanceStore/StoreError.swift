/// Why the store could not do what was asked. Each case names the database file or
/// the path involved, so the one line printed tells a user where to look.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The database file could not be created, opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// `export` or `findings` was pointed at a database that does not exist.
    case noDatabase(path: String)
    /// A query or a write failed.
    case database(operation: String, reason: String)
    /// The lock file beside the database could not be created or locked.
    case lockFailed(path: String, reason: String)
    /// What a file holds cannot be stored as it is (a record that cannot be written as JSON):
    /// a failure of that file, not of the database, which is left as it was.
    case unstorable(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "\(path): cannot open the database: \(reason)"
        case .noDatabase(let path):
            "\(path): no such database (run `avance ingest` first, or pass --db)"
        case .database(let operation, let reason):
            "database error while \(operation): \(reason)"
        case .lockFailed(let path, let reason):
            "\(path): cannot lock: \(reason)"
        case .unstorable(let path, let reason):
            "\(path): cannot be stored: \(reason)"
        }
    }
}
