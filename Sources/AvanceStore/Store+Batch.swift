import AvanceCore
import GRDB

extension Store {
    /// The writes of several files in one transaction: each file's in a savepoint of its own,
    /// so that a file whose write fails (`StoreError.unstorable`) is rolled back alone, never
    /// half-written, and its failure may be recorded in the same transaction. The transaction
    /// commits when `batch(_:)`'s body returns; until then nothing of it is in the database, so
    /// a run killed meanwhile loses the whole batch (whole files only), which the next run
    /// stores. In PostgreSQL, whose workers share the store, every write stays a transaction of
    /// its own (see `batch(_:)`).
    ///
    /// Only valid inside the body of `batch(_:)`.
    public final class Batch {
        let db: Database?
        let postgres: PostgresStore?

        init(db: Database) {
            self.db = db
            postgres = nil
        }

        init(postgres: PostgresStore) {
            db = nil
            self.postgres = postgres
        }

        /// `Store.store(path:stamp:content:runId:)` in a savepoint of the batch.
        public func store(path: String, stamp: FileStamp, content: FileContent, runId: Int64?) throws(StoreError) -> StoreResult {
            try run("storing \(path)") { db in
                try Store.store(path: path, stamp: stamp, content: content, runId: runId, db)
            } postgres: { postgres in
                try postgres.store(path: path, stamp: stamp, content: content, runId: runId)
            }
        }

        /// `Store.recordFailure` in a savepoint of the batch.
        @discardableResult
        public func recordFailure(
            path: String, stamp: FileStamp?, reason: String, kind: FailureRow.Kind = .failure, sha256: String? = nil,
            version: String? = nil, runId: Int64?
        ) throws(StoreError) -> FailureNovelty {
            try run("recording the failure of \(path)") { db in
                try Store.recordFailure(
                    path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: version, runId: runId, db
                )
            } postgres: { postgres in
                try postgres.recordFailure(
                    path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: version, runId: runId
                )
            }
        }

        private func run<T>(
            _ operation: String, _ sqlite: (Database) throws -> T, postgres shared: (PostgresStore) throws -> T
        ) throws(StoreError) -> T {
            do {
                if let postgres { return try shared(postgres) }
                guard let db else { preconditionFailure("a batch without a database") }
                var result: T? = nil
                try db.inSavepoint {
                    result = try sqlite(db)
                    return .commit
                }
                return result!
            } catch let error as StoreError {
                throw error
            } catch {
                throw .database(operation: operation, reason: Store.reason(error))
            }
        }
    }

    /// Runs `body` with a batch whose writes commit together when it returns (SQLite: one
    /// transaction, a savepoint per file), or not at all when it throws. In PostgreSQL each
    /// write commits alone, as `store` and `recordFailure` do: its workers claim the paths
    /// they write and insert the same contents, and holding those locks and uncommitted rows
    /// across many files would make workers wait on each other, or deadlock.
    public func batch<T>(_ body: (Batch) throws -> T) throws(StoreError) -> T {
        if let postgres {
            return try perform("storing a batch") { try body(Batch(postgres: postgres)) }
        }
        return try perform("storing a batch") {
            try writer.write { db in try body(Batch(db: db)) }
        }
    }
}
