import AvanceCore
import Foundation
import GRDB
import PostgresNIO

/// The store of documents, their locations, records, findings, runs and failures: an SQLite
/// file (the default, one machine) or a PostgreSQL database (several ingests at once, on one
/// machine or several). Takes any GRDB writer and migrates it in `init`, so tests can
/// hand it an in-memory queue; `open(path:)` gives the WAL-mode pool the CLI uses, and
/// `open(_:)` either kind from a `StoreAddress`.
public struct Store: Sendable {
    let sqlite: (any DatabaseWriter)?
    let postgres: PostgresStore?

    /// The SQLite database (a PostgreSQL store has none: a programming error to ask).
    public var writer: any DatabaseWriter {
        guard let sqlite else { preconditionFailure("a PostgreSQL store has no SQLite writer") }
        return sqlite
    }

    /// Whether other ingests may write to this store at once (PostgreSQL): files are then
    /// claimed before they are read (`claim(path:wait:)`). An SQLite store has one writer,
    /// the holder of its lock file.
    public var isShared: Bool { postgres != nil }

    public init(_ writer: any DatabaseWriter) throws(StoreError) {
        sqlite = writer
        postgres = nil
        do {
            try Schema.migrator.migrate(writer)
        } catch {
            throw .cannotOpen(path: writer.path, reason: Self.reason(error))
        }
    }

    /// Opens (creating and migrating if needed) the database file at `path` in WAL mode.
    public static func open(path: String) throws(StoreError) -> Store {
        var configuration = Configuration()
        // Readers (export, findings) may meet a running ingest's checkpoint; wait rather than fail.
        configuration.busyMode = .timeout(30)
        configuration.label = "avance.store"
        configuration.prepareDatabase { db in
            // The writer's savepoints (one per file of a batch, `Store.batch`) keep the pages
            // they change in a sub-journal: in memory, not in a temporary file written page by
            // page (which cost as much as the commits that batching saves).
            if !db.configuration.readonly { try db.execute(sql: "PRAGMA temp_store = MEMORY") }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: reason(error))
        }
        return try Store(pool)
    }

    /// Opens an existing database; a missing file is an error rather than a new, empty store.
    public static func openExisting(path: String) throws(StoreError) -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw .noDatabase(path: path) }
        return try open(path: path)
    }

    /// Opens an existing database for reading only (`export`, `findings`, `audit`): SQLite is
    /// asked for a read-only connection, so a database owned by another user, on a read-only
    /// mount or a 0444 copy is read, and never written. A missing file is an error.
    ///
    /// A database in WAL mode is read through its `-shm` index, which SQLite must create when
    /// no connection left one, and cannot in a folder the reader may not write: then, if there
    /// is no write-ahead log either (every change is in the file itself), the file is read as
    /// immutable (SQLite's `immutable=1`). A store written by an older avance needs its
    /// migrations, a write: it is opened as `open` does where the file can be written, and
    /// refused with the reason where it cannot.
    public static func openForReading(path: String) throws(StoreError) -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw .noDatabase(path: path) }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.label = "avance.store.reader"
        let queue: DatabaseQueue
        let upToDate: Bool
        do {
            (queue, upToDate) = try readOnlyQueue(path, configuration)
        } catch {
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            guard log == 0, let reopened = try? readOnlyQueue(immutableURI(path), configuration) else {
                throw .cannotOpen(path: path, reason: reason(error))
            }
            (queue, upToDate) = reopened
        }
        guard upToDate else {
            guard access(path, W_OK) == 0 else {
                throw .cannotOpen(path: path, reason: "it was written by an older avance and must be upgraded, which needs write access: run `avance ingest` on it once, or read a copy you can write")
            }
            return try open(path: path)
        }
        return Store(reading: queue)
    }

    /// A read-only connection, and whether the schema has every migration (its first read,
    /// where SQLite's refusals show).
    private static func readOnlyQueue(_ path: String, _ configuration: Configuration) throws -> (DatabaseQueue, Bool) {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let upToDate = try queue.read { db in try Schema.migrator.hasCompletedMigrations(db) }
        return (queue, upToDate)
    }

    /// `path` as an SQLite URI that reads the file as one nobody changes.
    static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    /// A store that only reads: no migration is run.
    private init(reading queue: DatabaseQueue) {
        sqlite = queue
        postgres = nil
    }

    init(postgres: PostgresStore) {
        sqlite = nil
        self.postgres = postgres
    }

    /// The SQLite or PostgreSQL error message without the drivers' decoration where there is one.
    static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "\(error.resultCode)"
        }
        if let error = error as? PSQLError {
            return error.reason
        }
        return "\(error)"
    }

    /// Runs `body` and turns any error into `StoreError.database`.
    func perform<T>(_ operation: String, _ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(operation: operation, reason: Self.reason(error))
        }
    }
}

// MARK: - Runs

extension Store {
    /// Marks runs left `running` by a process that died as `interrupted`. In SQLite, only called
    /// by the holder of the run lock, so no other run can still be alive; in PostgreSQL, a run
    /// is dead when no session holds its lock (a live ingest's connection holds it).
    @discardableResult
    public func markInterruptedRuns() throws(StoreError) -> Int {
        if let postgres { return try perform("marking interrupted runs") { try postgres.markInterruptedRuns() } }
        return try perform("marking interrupted runs") {
            try writer.write { db in
                try db.execute(sql: "UPDATE runs SET status = 'interrupted' WHERE status = 'running'")
                return db.changesCount
            }
        }
    }

    /// Records the start of a run and returns its id.
    public func beginRun(version: String, paths: [String], pid: Int64?, host: String?) throws(StoreError) -> Int64 {
        try perform("recording the run") {
            let pathsJSON = try JSONText.encode(paths)
            if let postgres {
                return try postgres.beginRun(RunRow(
                    startedAt: Timestamp.now(), avanceVersion: version, pid: pid, host: host, paths: pathsJSON
                ))
            }
            // Plain SQL, as a file's writes (`IngestSQL`): the query interface would first read
            // the table's schema, a fixed cost of every run (2 % of an unchanged rerun of 1,000 files).
            return try writer.write { db in
                try db.execute(
                    sql: "INSERT INTO runs (started_at, status, avance_version, pid, host, paths) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [Timestamp.now(), RunRow.Status.running, version, pid, host, pathsJSON]
                )
                return db.lastInsertedRowID
            }
        }
    }

    /// Records the end of a run with its counts.
    public func finishRun(id: Int64, counts: RunCounts, status: RunRow.Status = .finished, exitCode: Int32) throws(StoreError) {
        try perform("recording the end of the run") {
            if let postgres { return try postgres.finishRun(id: id, counts: counts, status: status, exitCode: exitCode) }
            try writer.write { db in
                try db.execute(sql: """
                    UPDATE runs SET finished_at = ?, status = ?, files_seen = ?, files_read = ?, new = ?, changed = ?,
                        unchanged = ?, duplicates = ?, failed = ?, known_failures = ?, not_reports = ?, settling = ?,
                        ignored = ?, findings_error = ?, findings_warning = ?, findings_info = ?, exit_code = ?
                    WHERE id = ?
                    """, arguments: [
                        Timestamp.now(), status, counts.filesSeen, counts.filesRead, counts.new, counts.changed,
                        counts.unchanged, counts.duplicates, counts.failed, counts.knownFailures, counts.notReports,
                        counts.settling, counts.ignored, counts.findingsError, counts.findingsWarning, counts.findingsInfo,
                        Int64(exitCode), id,
                    ])
            }
        }
    }

    public func runs() throws(StoreError) -> [RunRow] {
        try perform("reading runs") {
            if let postgres { return try postgres.runs() }
            return try writer.read { db in try RunRow.order(Column("id")).fetchAll(db) }
        }
    }
}

// MARK: - Looking into the tables

extension Store {
    /// The rows of a query in either dialect's common SQL (`?` placeholders), on either
    /// backend: for tests and tools that look into the tables. Columns are read by name.
    func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
        if let postgres { return try postgres.rows(sql, arguments) }
        return try writer.read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)) }
    }

    /// Runs a statement of common SQL on either backend.
    func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws {
        if let postgres { return try postgres.execute(sql, arguments) }
        try writer.write { db in try db.execute(sql: sql, arguments: StatementArguments(arguments)) }
    }
}
