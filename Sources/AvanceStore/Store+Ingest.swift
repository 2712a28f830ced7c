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
                try DocumentRow.filter(DocumentRow.Columns.sha256 == sha256).fetchCount(db) > 0
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
    static func store(path: String, stamp: FileStamp, content: FileContent, runId: Int64?, _ db: Database) throws -> StoreResult {
        let now = Timestamp.now()
        var findings: [Severity: Int] = [:]
        var inserted = false
        var documentId: Int64
        if let existing = try DocumentRow.filter(DocumentRow.Columns.sha256 == content.sha256).fetchOne(db),
           let id = existing.id {
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

        let current = try LocationRow
            .filter(LocationRow.Columns.path == path && LocationRow.Columns.isCurrent == true)
            .fetchOne(db)
        let outcome: StoreOutcome
        if var current, current.documentId == documentId {
            current.size = stamp.size
            current.mtimeNs = stamp.mtimeNs
            current.lastSeenAt = now
            try current.update(db)
            outcome = .unchanged
        } else {
            if var previous = current {
                previous.isCurrent = false
                previous.replacedAt = now
                try previous.update(db)
                // The old version stays, superseded, unless another path still holds it.
                let stillHeld = try LocationRow
                    .filter(LocationRow.Columns.documentId == previous.documentId && LocationRow.Columns.isCurrent == true)
                    .fetchCount(db) > 0
                if !stillHeld {
                    try db.execute(
                        sql: "UPDATE documents SET superseded_by = ?, superseded_at = ? WHERE id = ?",
                        arguments: [documentId, now, previous.documentId]
                    )
                }
                outcome = .changed
            } else {
                outcome = inserted ? .new : .duplicate
            }
            if var old = try LocationRow
                .filter(LocationRow.Columns.path == path && LocationRow.Columns.documentId == documentId)
                .fetchOne(db) {
                // The path holds again a content it held before (a reverted file).
                old.isCurrent = true
                old.replacedAt = nil
                old.size = stamp.size
                old.mtimeNs = stamp.mtimeNs
                old.lastSeenAt = now
                old.runId = runId
                try old.update(db)
            } else {
                var location = LocationRow(
                    id: nil, path: path, documentId: documentId, size: stamp.size, mtimeNs: stamp.mtimeNs,
                    isCurrent: true, firstSeenAt: now, lastSeenAt: now, replacedAt: nil, runId: runId
                )
                try location.insert(db)
            }
            // A content current at some path is current, whatever it replaced before.
            try db.execute(
                sql: "UPDATE documents SET superseded_by = NULL, superseded_at = NULL WHERE id = ? AND superseded_by IS NOT NULL",
                arguments: [documentId]
            )
        }
        try db.execute(
            sql: "UPDATE failures SET resolved_at = ? WHERE path = ? AND resolved_at IS NULL",
            arguments: [now, path]
        )
        return StoreResult(outcome: outcome, documentId: documentId, findings: findings)
    }

    private static func insert(
        _ new: NewDocument, path: String, runId: Int64?, now: String, findings: inout [Severity: Int], _ db: Database
    ) throws -> Int64 {
        var document = DocumentRow(
            id: nil, sha256: new.sha256, format: new.format, declaredFormat: new.declaredFormat,
            encoding: new.encoding, pages: new.pages, bytes: new.bytes, recordCount: new.records.count,
            firstSeenAt: now, firstRunId: runId, supersededBy: nil, supersededAt: nil
        )
        try document.insert(db)
        let documentId = document.id ?? db.lastInsertedRowID
        for (index, record) in new.records.enumerated() {
            // A finding is stored once, in `findings`; the JSON keeps the record without them.
            var withoutFindings = record
            withoutFindings.findings = []
            var row: RecordRow
            do {
                row = try RecordRow(record: withoutFindings, documentId: documentId, ordinal: index + 1)
            } catch {
                // Thrown out of the transaction, which rolls back: the file fails, the run goes on.
                throw StoreError.unstorable(path: path, reason: "record \(index + 1) cannot be written as JSON (\(encodingReason(error)))")
            }
            try row.insert(db)
            let recordId = row.id ?? db.lastInsertedRowID
            for finding in record.findings {
                var findingRow: FindingRow
                do {
                    findingRow = try FindingRow(finding: finding, recordId: recordId, documentId: documentId, path: path)
                } catch {
                    throw StoreError.unstorable(path: path, reason: "a finding of record \(index + 1) cannot be written as JSON (\(encodingReason(error)))")
                }
                try findingRow.insert(db)
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
