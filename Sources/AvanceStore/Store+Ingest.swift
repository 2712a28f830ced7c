import AvanceCore
import GRDB

/// A path's current document and the stamp it had when stored: what a rerun compares.
public struct KnownLocation: Hashable, Sendable {
    public var documentId: Int64
    public var sha256: String
    public var stamp: FileStamp
}

/// A document read and parsed, ready to be stored with its records.
public struct NewDocument: Sendable {
    public var sha256: String
    public var format: SourceFormat
    public var declaredFormat: SourceFormat?
    public var encoding: String?
    public var pages: Int?
    public var bytes: Int64
    public var records: [IndicatorRecord]

    public init(
        sha256: String, format: SourceFormat, declaredFormat: SourceFormat? = nil, encoding: String? = nil,
        pages: Int? = nil, bytes: Int64, records: [IndicatorRecord]
    ) {
        self.sha256 = sha256
        self.format = format
        self.declaredFormat = declaredFormat
        self.encoding = encoding
        self.pages = pages
        self.bytes = bytes
        self.records = records
    }

    public init(document: ExtractedDocument, bytes: Int64, records: [IndicatorRecord]) {
        self.init(
            sha256: document.sha256, format: document.format, declaredFormat: document.declaredFormat,
            encoding: document.encoding, pages: document.pages, bytes: bytes, records: records
        )
    }
}

/// What a file found at a path holds.
public enum FileContent: Sendable {
    /// Content whose hash the store already holds: no need to parse it again.
    case known(sha256: String)
    /// Content read and parsed.
    case new(NewDocument)

    public var sha256: String {
        switch self {
        case .known(let sha): sha
        case .new(let document): document.sha256
        }
    }
}

/// What storing a file did.
public enum StoreOutcome: String, Sendable, Hashable {
    /// A new path with content never seen.
    case new
    /// A known path with new content: a new version; the previous one superseded
    /// unless another path still holds it.
    case changed
    /// A known path with the same content (only its stamp is refreshed).
    case unchanged
    /// A new path with content already stored: another location of it.
    case duplicate
}

public struct StoreResult: Sendable, Hashable {
    public var outcome: StoreOutcome
    public var documentId: Int64
    /// Findings of the records stored now, by severity; empty unless the document is new.
    public var findings: [Severity: Int]
}

extension Store {
    /// Every path's current location, loaded in one query: a rerun looks files up in
    /// this dictionary instead of querying once per file.
    public func currentLocations() throws(StoreError) -> [String: KnownLocation] {
        try perform("loading known locations") {
            if let postgres { return try postgres.currentLocations() }
            return try writer.read { db in
                var known: [String: KnownLocation] = [:]
                // Sized once: grown row by row, the dictionary rehashed every path several times
                // (3 % of an unchanged rerun of 10,000 files).
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM locations WHERE is_current = 1") ?? 0
                known.reserveCapacity(count)
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT locations.path, locations.document_id, locations.size, locations.mtime_ns, documents.sha256
                    FROM locations JOIN documents ON documents.id = locations.document_id
                    WHERE locations.is_current = 1
                    """)
                while let row = try rows.next() {
                    known[row[0]] = KnownLocation(
                        documentId: row[1], sha256: row[4], stamp: FileStamp(size: row[2], mtimeNs: row[3])
                    )
                }
                return known
            }
        }
    }

    /// Whether a document with this content is stored.
    public func hasDocument(sha256: String) throws(StoreError) -> Bool {
        try perform("looking up a document") {
            if let postgres { return try postgres.hasDocument(sha256: sha256) }
            return try writer.read { db in
                try Int64.fetchOne(db.cachedStatement(sql: IngestSQL.documentBySha), arguments: [sha256]) != nil
            }
        }
    }

    /// Stores a file found at `path`: its document (once per content) with records and
    /// findings, and its location, in one transaction. A run killed at any moment leaves
    /// either all of it or none of it.
    public func store(path: String, stamp: FileStamp, content: FileContent, runId: Int64?) throws(StoreError) -> StoreResult {
        if let postgres {
            return try perform("storing \(path)") { try postgres.store(path: path, stamp: stamp, content: content, runId: runId) }
        }
        return try perform("storing \(path)") {
            try writer.write { db in try Self.store(path: path, stamp: stamp, content: content, runId: runId, db) }
        }
    }

    /// The writes of `store(path:stamp:content:runId:)`, in the caller's transaction or savepoint.
    ///
    /// Every look-up and write is a statement of `IngestSQL`, prepared once per connection and
    /// kept in GRDB's statement cache: the query interface (`filter`, `insert(db)`) would build
    /// and prepare its SQL anew for every file, and encode each row through `Codable`.
    static func store(path: String, stamp: FileStamp, content: FileContent, runId: Int64?, _ db: Database) throws -> StoreResult {
        let now = Timestamp.now()
        var findings: [Severity: Int] = [:]
        var inserted = false
        var documentId: Int64
        if let id = try Int64.fetchOne(db.cachedStatement(sql: IngestSQL.documentBySha), arguments: [content.sha256]) {
            documentId = id
        } else {
            guard case .new(let new) = content else {
                throw StoreError.database(
                    operation: "storing \(path)",
                    reason: "document \(content.sha256) is not stored and its content was not given"
                )
            }
            documentId = try insert(new, path: path, runId: runId, now: now, findings: &findings, db)
            inserted = true
        }

        let current = try LocationRow.fetchOne(db.cachedStatement(sql: IngestSQL.currentLocation), arguments: [path])
        let outcome: StoreOutcome
        if let current, let currentId = current.id, current.documentId == documentId {
            try db.cachedStatement(sql: IngestSQL.refreshLocation).execute(arguments: [stamp.size, stamp.mtimeNs, now, currentId])
            outcome = .unchanged
        } else {
            if let previous = current, let previousId = previous.id {
                try db.cachedStatement(sql: IngestSQL.replaceLocation).execute(arguments: [now, previousId])
                // The old version stays, superseded, unless another path still holds it.
                let stillHeld = try Int64.fetchOne(
                    db.cachedStatement(sql: IngestSQL.documentHeld), arguments: [previous.documentId]
                ) != nil
                if !stillHeld {
                    try db.cachedStatement(sql: IngestSQL.supersede).execute(arguments: [documentId, now, previous.documentId])
                }
                outcome = .changed
            } else {
                outcome = inserted ? .new : .duplicate
            }
            if let oldId = try Int64.fetchOne(db.cachedStatement(sql: IngestSQL.locationOfContent), arguments: [path, documentId]) {
                // The path holds again a content it held before (a reverted file).
                try db.cachedStatement(sql: IngestSQL.restoreLocation).execute(
                    arguments: [stamp.size, stamp.mtimeNs, now, runId, oldId]
                )
            } else {
                try db.cachedStatement(sql: IngestSQL.insertLocation).execute(
                    arguments: [path, documentId, stamp.size, stamp.mtimeNs, now, now, runId]
                )
            }
            // A content current at some path is current, whatever it replaced before.
            try db.cachedStatement(sql: IngestSQL.unsupersede).execute(arguments: [documentId])
        }
        try db.cachedStatement(sql: IngestSQL.resolveFailures).execute(arguments: [now, path])
        return StoreResult(outcome: outcome, documentId: documentId, findings: findings)
    }

    private static func insert(
        _ new: NewDocument, path: String, runId: Int64?, now: String, findings: inout [Severity: Int], _ db: Database
    ) throws -> Int64 {
        try db.cachedStatement(sql: IngestSQL.insertDocument).execute(arguments: [
            new.sha256, new.format, new.declaredFormat, new.encoding, new.pages, new.bytes, new.records.count, now, runId,
        ])
        let documentId = db.lastInsertedRowID
        let insertRecord = try db.cachedStatement(sql: IngestSQL.insertRecord)
        let insertFinding = try db.cachedStatement(sql: IngestSQL.insertFinding)
        for (index, record) in new.records.enumerated() {
            // A finding is stored once, in `findings`; the JSON keeps the record without them.
            var withoutFindings = record
            withoutFindings.findings = []
            let row: RecordRow
            do {
                row = try RecordRow(record: withoutFindings, documentId: documentId, ordinal: index + 1)
            } catch {
                // Thrown out of the transaction, which rolls back: the file fails, the run goes on.
                throw StoreError.unstorable(path: path, reason: "record \(index + 1) cannot be written as JSON (\(encodingReason(error)))")
            }
            try insertRecord.execute(arguments: row.insertArguments)
            let recordId = db.lastInsertedRowID
            for finding in record.findings {
                let findingRow: FindingRow
                do {
                    findingRow = try FindingRow(finding: finding, recordId: recordId, documentId: documentId, path: path)
                } catch {
                    throw StoreError.unstorable(path: path, reason: "a finding of record \(index + 1) cannot be written as JSON (\(encodingReason(error)))")
                }
                try insertFinding.execute(arguments: findingRow.insertArguments)
                findings[finding.severity, default: 0] += 1
            }
        }
        return documentId
    }

    static func encodingReason(_ error: any Error) -> String {
        if case EncodingError.invalidValue(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }

    /// Whether a failure recorded now is new or met again.
    public enum FailureNovelty: Sendable, Hashable {
        /// The first failure of the path, or one unlike the last (content, reason, kind or
        /// avance version changed): a new row.
        case new
        /// The same as the path's open failure: its row is updated (attempts, stamp, run).
        case known
    }

    /// Records that `path` could not be stored, or is no report (`kind`). The path's open
    /// failure, when it is the same (same content hash, reason, kind and avance version), is
    /// updated and the failure is `known`; otherwise that row is closed and a new one opened,
    /// so that the table keeps the history.
    @discardableResult
    public func recordFailure(
        path: String, stamp: FileStamp?, reason: String, kind: FailureRow.Kind = .failure, sha256: String? = nil,
        version: String? = nil, runId: Int64?
    ) throws(StoreError) -> FailureNovelty {
        try perform("recording the failure of \(path)") {
            if let postgres {
                return try postgres.recordFailure(
                    path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: version, runId: runId
                )
            }
            return try writer.write { db in
                try Self.recordFailure(path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: version, runId: runId, db)
            }
        }
    }

    /// The writes of `recordFailure`, in the caller's transaction or savepoint.
    static func recordFailure(
        path: String, stamp: FileStamp?, reason: String, kind: FailureRow.Kind, sha256: String?, version: String?,
        runId: Int64?, _ db: Database
    ) throws -> FailureNovelty {
        let now = Timestamp.now()
        if var open = try FailureRow.filter(FailureRow.Columns.path == path && FailureRow.Columns.resolvedAt == nil).fetchOne(db) {
            if open.sha256 == sha256, open.reason == reason, open.kind == kind, open.avanceVersion == version {
                open.size = stamp?.size
                open.mtimeNs = stamp?.mtimeNs
                open.attempts += 1
                open.lastFailedAt = now
                open.lastRunId = runId
                try open.update(db)
                return .known
            }
            open.resolvedAt = now
            try open.update(db)
        }
        var failure = FailureRow(
            id: nil, path: path, kind: kind, sha256: sha256, size: stamp?.size, mtimeNs: stamp?.mtimeNs,
            reason: reason, avanceVersion: version, attempts: 1, firstFailedAt: now, lastFailedAt: now,
            lastRunId: runId, resolvedAt: nil
        )
        try failure.insert(db)
        return .new
    }

    /// Notes that a run met a known failure again without reading it (the file unchanged).
    public func sawFailure(id: Int64, runId: Int64?) throws(StoreError) {
        try perform("recording a known failure") {
            if let postgres { return try postgres.sawFailure(id: id, runId: runId) }
            try writer.write { db in
                try db.execute(sql: "UPDATE failures SET last_run_id = ? WHERE id = ?", arguments: [runId, id])
            }
        }
    }

    /// Failures not yet resolved, by path; only those of one kind when `kind` is given.
    public func openFailures(kind: FailureRow.Kind? = nil) throws(StoreError) -> [FailureRow] {
        try perform("reading failures") {
            if let postgres { return try postgres.openFailures(kind: kind) }
            return try writer.read { db in
                var request = FailureRow.filter(FailureRow.Columns.resolvedAt == nil)
                if let kind { request = request.filter(FailureRow.Columns.kind == kind) }
                return try request.order(FailureRow.Columns.path).fetchAll(db)
            }
        }
    }
}

/// The SQL of a file's look-ups and writes, each prepared once per connection
/// (`Database.cachedStatement(sql:)`).
enum IngestSQL {
    static let documentBySha = "SELECT id FROM documents WHERE sha256 = ?"
    static let currentLocation = "SELECT * FROM locations WHERE path = ? AND is_current = 1"
    static let refreshLocation = "UPDATE locations SET size = ?, mtime_ns = ?, last_seen_at = ? WHERE id = ?"
    static let replaceLocation = "UPDATE locations SET is_current = 0, replaced_at = ? WHERE id = ?"
    static let documentHeld = "SELECT id FROM locations WHERE document_id = ? AND is_current = 1 LIMIT 1"
    static let supersede = "UPDATE documents SET superseded_by = ?, superseded_at = ? WHERE id = ?"
    static let unsupersede = "UPDATE documents SET superseded_by = NULL, superseded_at = NULL WHERE id = ? AND superseded_by IS NOT NULL"
    static let locationOfContent = "SELECT id FROM locations WHERE path = ? AND document_id = ?"
    static let restoreLocation = """
        UPDATE locations SET is_current = 1, replaced_at = NULL, size = ?, mtime_ns = ?, last_seen_at = ?, run_id = ?
        WHERE id = ?
        """
    static let insertLocation = """
        INSERT INTO locations (path, document_id, size, mtime_ns, is_current, first_seen_at, last_seen_at, replaced_at, run_id)
        VALUES (?, ?, ?, ?, 1, ?, ?, NULL, ?)
        """
    static let resolveFailures = "UPDATE failures SET resolved_at = ? WHERE path = ? AND resolved_at IS NULL"
    static let insertDocument = """
        INSERT INTO documents (sha256, format, declared_format, encoding, pages, bytes, record_count, first_seen_at,
                               first_run_id, superseded_by, superseded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
        """
    static let insertRecord = """
        INSERT INTO records (document_id, ordinal, institution, institution_acronym, responsible_unit, program_code,
                             program_name, component_code, component_name, activity_code, activity_name, indicator_code,
                             indicator_name, year, quarter, unit, annual_target, period_target, period_is_cumulative,
                             achieved, compliance_percent, action_count, json)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let insertFinding = """
        INSERT INTO findings (record_id, document_id, rule, severity, message, message_es, path, page, line, "column",
                              quote, evidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
}

// MARK: - Claims

extension Store {
    /// What the store holds about a path, read when it was claimed.
    public struct PathState: Sendable, Hashable {
        /// The path's current location, if it is stored.
        public var location: KnownLocation?
        /// The path's open failure, if it failed.
        public var failure: FailureRow?
    }

    public enum Claim: Sendable, Hashable {
        /// The path is this ingest's until `release(path:)`: no other worker reads it meanwhile.
        /// With the path's state as stored now, after any other worker that held it (nil for an
        /// SQLite store, whose only writer is this ingest: what it loaded at its start holds).
        case claimed(PathState?)
        /// Another worker holds the path now.
        case busy
    }

    /// Claims `path` for this ingest before its file is read: in PostgreSQL a lock of the
    /// ingest's session, which ends with it however it ends (a killed worker's connection
    /// closes and its claims go with it). `wait` waits for another worker to let it go.
    public func claim(path: String, wait: Bool = false) throws(StoreError) -> Claim {
        guard let postgres else { return .claimed(nil) }
        return try perform("claiming \(path)") { try postgres.claim(path: path, wait: wait) }
    }

    /// Lets another worker take `path`: after its file is stored or its failure recorded.
    public func release(path: String) throws(StoreError) {
        guard let postgres else { return }
        try perform("releasing \(path)") { try postgres.release(path: path) }
    }
}
