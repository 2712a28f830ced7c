import AvanceCore
import Foundation
import GRDB

/// The store in a PostgreSQL database: the same tables as SQLite's (`Schema`, PostgreSQL's
/// dialect), the same row types, and the same guarantees (one transaction per file, one
/// document per content), for several ingests at once: a unique constraint on the content's
/// hash, a transaction-scoped lock on the path for each write about a path, and claims on files
/// (session advisory locks) so that two workers never read the same file.
final class PostgresStore: Sendable {
    let session: PostgresSession

    /// The key space of the runs' locks (`pg_advisory_lock(runLocks, run id)`): held by a running
    /// ingest's session for as long as it lives, so another ingest can tell a dead run from a live one.
    static let runLocks: Int32 = 0x6176_6E63  // "avnc"

    init(session: PostgresSession) {
        self.session = session
    }

    var address: PostgresAddress { session.address }

    // MARK: Migrations

    /// Applies the migrations not yet applied, in one transaction, under a lock that makes a
    /// second ingest starting at the same moment wait rather than migrate twice.
    func migrate() throws {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.runLocks), 0)")
            try session.execute("CREATE TABLE IF NOT EXISTS avance_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = Set(try session.rows("SELECT identifier FROM avance_migrations").map { $0["identifier"] as String })
            for migration in Schema.migrations where !applied.contains(migration.name) {
                for statement in migration.postgres {
                    try session.execute(statement)
                }
                try session.execute("INSERT INTO avance_migrations (identifier) VALUES ($1)", [migration.name.databaseValue])
            }
        }
    }

    /// The migrations applied, in order of the list; nil when the database holds no store.
    func appliedMigrations() throws -> [String]? {
        let exists = try session.value(Bool.self, "SELECT to_regclass('avance_migrations') IS NOT NULL") ?? false
        guard exists else { return nil }
        let applied = Set(try session.rows("SELECT identifier FROM avance_migrations").map { $0["identifier"] as String })
        return Schema.migrationNames.filter { applied.contains($0) }
    }

    // MARK: Rows

    /// Inserts a row of one of the store's types (its columns as GRDB encodes them, the id
    /// left to the database when nil) and returns its id.
    @discardableResult
    func insert(_ table: String, _ record: some EncodableRecord) throws -> Int64 {
        var columns = try record.databaseDictionary
        if columns["id"] == .null { columns["id"] = nil }
        let names = columns.keys.sorted()
        let sql = "INSERT INTO \(table) (\(names.map(Self.quoted).joined(separator: ", "))) VALUES (\(names.indices.map { "$\($0 + 1)" }.joined(separator: ", "))) RETURNING id"
        guard let id = try session.value(Int64.self, sql, names.map { columns[$0]! }) else {
            throw StoreError.database(operation: "inserting into \(table)", reason: "no id returned")
        }
        return id
    }

    /// Inserts many rows of one type in as few statements as PostgreSQL's limit of bound values
    /// allows; returns the rows PostgreSQL sends back for `returning` (when given).
    @discardableResult
    func insertAll(_ table: String, _ records: [some EncodableRecord], returning: String? = nil) throws -> [Row] {
        guard let first = records.first else { return [] }
        var names = try first.databaseDictionary.keys.sorted()
        names.removeAll { $0 == "id" }
        let perStatement = max(1, 60_000 / names.count)
        var returned: [Row] = []
        var index = 0
        while index < records.count {
            let chunk = records[index..<min(records.count, index + perStatement)]
            var values: [DatabaseValue] = []
            var tuples: [String] = []
            for record in chunk {
                let columns = try record.databaseDictionary
                let base = values.count
                tuples.append("(" + names.indices.map { "$\(base + $0 + 1)" }.joined(separator: ", ") + ")")
                values.append(contentsOf: names.map { columns[$0] ?? .null })
            }
            let sql = "INSERT INTO \(table) (\(names.map(Self.quoted).joined(separator: ", "))) VALUES \(tuples.joined(separator: ", "))"
                + (returning.map { " RETURNING \($0)" } ?? "")
            returned += try session.rows(sql, values)
            index += chunk.count
        }
        return returned
    }

    /// Updates a row of one of the store's types, by id, to every column's value.
    func update(_ table: String, _ record: some EncodableRecord, id: Int64) throws {
        var columns = try record.databaseDictionary
        columns["id"] = nil
        let names = columns.keys.sorted()
        let sets = names.enumerated().map { "\(Self.quoted($1)) = $\($0 + 2)" }.joined(separator: ", ")
        try session.execute("UPDATE \(table) SET \(sets) WHERE id = $1", [id.databaseValue] + names.map { columns[$0]! })
    }

    static func quoted(_ name: String) -> String { "\"\(name)\"" }

    // MARK: Runs

    func markInterruptedRuns() throws -> Int {
        // A run is dead when its lock is free: the session of a live ingest holds it.
        let running = try session.rows("SELECT id FROM runs WHERE status = 'running' ORDER BY id").map { $0["id"] as Int64 }
        var marked = 0
        for id in running {
            try session.exclusively {
                guard try session.value(Bool.self, "SELECT pg_try_advisory_lock(\(Self.runLocks), $1::int)", [id.databaseValue]) == true else { return }
                defer { _ = try? session.execute("SELECT pg_advisory_unlock(\(Self.runLocks), $1::int)", [id.databaseValue]) }
                let result = try session.execute("UPDATE runs SET status = 'interrupted' WHERE id = $1 AND status = 'running'", [id.databaseValue])
                marked += result.metadata.rows ?? 0
            }
        }
        return marked
    }

    func beginRun(_ run: RunRow) throws -> Int64 {
        try session.transaction {
            let id = try insert("runs", run)
            // Taken before the row is visible to anyone: a run never looks dead while it lives.
            try session.execute("SELECT pg_advisory_lock(\(Self.runLocks), $1::int)", [id.databaseValue])
            return id
        }
    }

    func finishRun(id: Int64, counts: RunCounts, status: RunRow.Status, exitCode: Int32) throws {
        try session.transaction {
            guard let row = try session.rows("SELECT * FROM runs WHERE id = $1 FOR UPDATE", [id.databaseValue]).first else { return }
            var run = try RunRow(row: row)
            run.finishedAt = Timestamp.now()
            run.status = status
            run.counts = counts
            run.exitCode = Int64(exitCode)
            try update("runs", run, id: id)
        }
        _ = try? session.execute("SELECT pg_advisory_unlock(\(Self.runLocks), $1::int)", [id.databaseValue])
    }

    func runs() throws -> [RunRow] {
        try session.rows("SELECT * FROM runs ORDER BY id").map { try RunRow(row: $0) }
    }

    // MARK: Claims

    static let pathKey = "hashtextextended($1, 0)"

    func claim(path: String, wait: Bool) throws -> Store.Claim {
        try session.exclusively {
            if wait {
                try session.execute("SELECT pg_advisory_lock(\(Self.pathKey))", [path.databaseValue])
            } else {
                guard try session.value(Bool.self, "SELECT pg_try_advisory_lock(\(Self.pathKey))", [path.databaseValue]) == true else {
                    return .busy
                }
            }
            // Read after the lock is held: whatever the worker that held it last stored is committed.
            let location = try session.rows("""
                SELECT locations.document_id, locations.size, locations.mtime_ns, documents.sha256
                FROM locations JOIN documents ON documents.id = locations.document_id
                WHERE locations.path = $1 AND locations.is_current = 1
                """, [path.databaseValue]).first.map {
                KnownLocation(documentId: $0["document_id"], sha256: $0["sha256"], stamp: FileStamp(size: $0["size"], mtimeNs: $0["mtime_ns"]))
            }
            let failure = try session.rows(
                "SELECT * FROM failures WHERE path = $1 AND resolved_at IS NULL", [path.databaseValue]
            ).first.map { try FailureRow(row: $0) }
            return .claimed(Store.PathState(location: location, failure: failure))
        }
    }

    func release(path: String) throws {
        try session.execute("SELECT pg_advisory_unlock(\(Self.pathKey))", [path.databaseValue])
    }

    // MARK: Ingest

    func currentLocations() throws -> [String: KnownLocation] {
        var known: [String: KnownLocation] = [:]
        for row in try session.rows("""
            SELECT locations.path, locations.document_id, locations.size, locations.mtime_ns, documents.sha256
            FROM locations JOIN documents ON documents.id = locations.document_id
            WHERE locations.is_current = 1
            """) {
            known[row["path"]] = KnownLocation(
                documentId: row["document_id"], sha256: row["sha256"], stamp: FileStamp(size: row["size"], mtimeNs: row["mtime_ns"])
            )
        }
        return known
    }

    func hasDocument(sha256: String) throws -> Bool {
        try session.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = $1)", [sha256.databaseValue]) ?? false
    }

    func store(path: String, stamp: FileStamp, content: FileContent, runId: Int64?) throws -> StoreResult {
        let p = path.databaseValue
        return try session.transaction {
            // Every write about this path, by any worker, one after another.
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.pathKey))", [p])
            let now = Timestamp.now()
            var findings: [Severity: Int] = [:]
            var inserted = false
            let documentId: Int64
            if let id = try session.value(Int64.self, "SELECT id FROM documents WHERE sha256 = $1", [content.sha256.databaseValue]) {
                documentId = id
            } else {
                guard case .new(let new) = content else {
                    throw StoreError.database(
                        operation: "storing \(path)",
                        reason: "document \(content.sha256) is not stored and its content was not given"
                    )
                }
                if let id = try insert(new, path: path, runId: runId, now: now, findings: &findings) {
                    documentId = id
                    inserted = true
                } else if let id = try session.value(Int64.self, "SELECT id FROM documents WHERE sha256 = $1", [content.sha256.databaseValue]) {
                    // Another worker stored the same content at another path meanwhile.
                    documentId = id
                } else {
                    throw StoreError.database(operation: "storing \(path)", reason: "document \(content.sha256) vanished")
                }
            }

            let current = try session.rows("SELECT * FROM locations WHERE path = $1 AND is_current = 1", [p]).first.map { try LocationRow(row: $0) }
            let outcome: StoreOutcome
            if var current, let id = current.id, current.documentId == documentId {
                current.size = stamp.size
                current.mtimeNs = stamp.mtimeNs
                current.lastSeenAt = now
                try update("locations", current, id: id)
                outcome = .unchanged
            } else {
                if var previous = current, let id = previous.id {
                    previous.isCurrent = false
                    previous.replacedAt = now
                    try update("locations", previous, id: id)
                    // The old version stays, superseded, unless another path still holds it.
                    let stillHeld = try session.value(
                        Bool.self, "SELECT EXISTS (SELECT 1 FROM locations WHERE document_id = $1 AND is_current = 1)",
                        [previous.documentId.databaseValue]
                    ) ?? false
                    if !stillHeld {
                        try session.execute(
                            "UPDATE documents SET superseded_by = $1, superseded_at = $2 WHERE id = $3",
                            [documentId.databaseValue, now.databaseValue, previous.documentId.databaseValue]
                        )
                    }
                    outcome = .changed
                } else {
                    outcome = inserted ? .new : .duplicate
                }
                if var old = try session.rows(
                    "SELECT * FROM locations WHERE path = $1 AND document_id = $2", [p, documentId.databaseValue]
                ).first.map({ try LocationRow(row: $0) }), let id = old.id {
                    // The path holds again a content it held before (a reverted file).
                    old.isCurrent = true
                    old.replacedAt = nil
                    old.size = stamp.size
                    old.mtimeNs = stamp.mtimeNs
                    old.lastSeenAt = now
                    old.runId = runId
                    try update("locations", old, id: id)
                } else {
                    try insert("locations", LocationRow(
                        id: nil, path: path, documentId: documentId, size: stamp.size, mtimeNs: stamp.mtimeNs,
                        isCurrent: true, firstSeenAt: now, lastSeenAt: now, replacedAt: nil, runId: runId
                    ))
                }
                // A content current at some path is current, whatever it replaced before.
                try session.execute(
                    "UPDATE documents SET superseded_by = NULL, superseded_at = NULL WHERE id = $1 AND superseded_by IS NOT NULL",
                    [documentId.databaseValue]
                )
            }
            try session.execute("UPDATE failures SET resolved_at = $1 WHERE path = $2 AND resolved_at IS NULL", [now.databaseValue, p])
            return StoreResult(outcome: outcome, documentId: documentId, findings: findings)
        }
    }

    /// Inserts a new document with its records and findings; nil when another worker's
    /// transaction stored the same content first (the unique hash turns the second away).
    private func insert(
        _ new: NewDocument, path: String, runId: Int64?, now: String, findings: inout [Severity: Int]
    ) throws -> Int64? {
        let document = DocumentRow(
            id: nil, sha256: new.sha256, format: new.format, declaredFormat: new.declaredFormat,
            encoding: new.encoding, pages: new.pages, bytes: new.bytes, recordCount: new.records.count,
            firstSeenAt: now, firstRunId: runId, supersededBy: nil, supersededAt: nil
        )
        var columns = try document.databaseDictionary
        columns["id"] = nil
        let names = columns.keys.sorted()
        guard let documentId = try session.value(
            Int64.self,
            "INSERT INTO documents (\(names.map(Self.quoted).joined(separator: ", "))) VALUES (\(names.indices.map { "$\($0 + 1)" }.joined(separator: ", "))) ON CONFLICT (sha256) DO NOTHING RETURNING id",
            names.map { columns[$0]! }
        ) else { return nil }

        var rows: [RecordRow] = []
        for (index, record) in new.records.enumerated() {
            // A finding is stored once, in `findings`; the JSON keeps the record without them.
            var withoutFindings = record
            withoutFindings.findings = []
            do {
                rows.append(try RecordRow(record: withoutFindings, documentId: documentId, ordinal: index + 1))
            } catch {
                // Thrown out of the transaction, which rolls back: the file fails, the run goes on.
                throw StoreError.unstorable(path: path, reason: "record \(index + 1) cannot be written as JSON (\(Store.encodingReason(error)))")
            }
        }
        let ids = Dictionary(
            try insertAll("records", rows, returning: "id, ordinal").map { ($0["ordinal"] as Int, $0["id"] as Int64) },
            uniquingKeysWith: { a, _ in a }
        )
        var findingRows: [FindingRow] = []
        for (index, record) in new.records.enumerated() {
            guard let recordId = ids[index + 1] else { continue }
            for finding in record.findings {
                do {
                    findingRows.append(try FindingRow(finding: finding, recordId: recordId, documentId: documentId, path: path))
                } catch {
                    throw StoreError.unstorable(path: path, reason: "a finding of record \(index + 1) cannot be written as JSON (\(Store.encodingReason(error)))")
                }
                findings[finding.severity, default: 0] += 1
            }
        }
        try insertAll("findings", findingRows)
        return documentId
    }

    func recordFailure(
        path: String, stamp: FileStamp?, reason: String, kind: FailureRow.Kind, sha256: String?, version: String?, runId: Int64?
    ) throws -> Store.FailureNovelty {
        try session.transaction {
            try session.execute("SELECT pg_advisory_xact_lock(\(Self.pathKey))", [path.databaseValue])
            let now = Timestamp.now()
            if var open = try session.rows(
                "SELECT * FROM failures WHERE path = $1 AND resolved_at IS NULL", [path.databaseValue]
            ).first.map({ try FailureRow(row: $0) }), let id = open.id {
                if open.sha256 == sha256, open.reason == reason, open.kind == kind, open.avanceVersion == version {
                    open.size = stamp?.size
                    open.mtimeNs = stamp?.mtimeNs
                    open.attempts += 1
                    open.lastFailedAt = now
                    open.lastRunId = runId
                    try update("failures", open, id: id)
                    return .known
                }
                open.resolvedAt = now
                try update("failures", open, id: id)
            }
            try insert("failures", FailureRow(
                id: nil, path: path, kind: kind, sha256: sha256, size: stamp?.size, mtimeNs: stamp?.mtimeNs,
                reason: reason, avanceVersion: version, attempts: 1, firstFailedAt: now, lastFailedAt: now,
                lastRunId: runId, resolvedAt: nil
            ))
            return .new
        }
    }

    func sawFailure(id: Int64, runId: Int64?) throws {
        try session.execute("UPDATE failures SET last_run_id = $1 WHERE id = $2", [runId.databaseValue, id.databaseValue])
    }

    func openFailures(kind: FailureRow.Kind?) throws -> [FailureRow] {
        let sql = "SELECT * FROM failures WHERE resolved_at IS NULL" + (kind == nil ? "" : " AND kind = $1") + " ORDER BY path"
        return try session.rows(sql, kind.map { [$0.databaseValue] } ?? []).map { try FailureRow(row: $0) }
    }

    // MARK: Reading

    /// Calls `body` for each row of `sql`, fetched through a cursor a batch at a time, so that
    /// memory stays flat on a large store; `batch` sees each batch's rows first.
    func forEachRow(_ sql: String, _ arguments: [DatabaseValue], batch: ([Row]) throws -> Void = { _ in }, _ body: (Row) throws -> Void) throws {
        try session.transaction(readOnly: true) {
            try session.execute("DECLARE avance_cursor NO SCROLL CURSOR FOR " + sql, arguments)
            while true {
                let rows = try session.rows("FETCH 1000 FROM avance_cursor")
                if rows.isEmpty { break }
                try batch(rows)
                for row in rows { try body(row) }
            }
        }
    }

    func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
        try session.rows(numberedPlaceholders(sql), arguments)
    }

    func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws {
        try session.execute(numberedPlaceholders(sql), arguments)
    }
}
