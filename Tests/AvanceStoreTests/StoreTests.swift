import AvanceCore
@testable import AvanceStore
import Foundation
import GRDB
import Testing

@Suite struct SchemaTests {
    @Test func migratesAFileInWALModeAndOnlyOnce() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path + "/avance.sqlite"
        let first = try Store.open(path: path)
        let tables = try first.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
        #expect(tables == ["current_records", "documents", "failures", "findings", "locations", "records", "runs", "waivers"])
        let mode = try first.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        // Opening again finds every migration applied and applies none.
        let again = try Store.open(path: path)
        let applied = try again.writer.read { db in try Schema.migrator.appliedMigrations(db) }
        #expect(applied == Schema.migrationNames)
    }

    /// The rows name their columns by their properties in snake case: every table's columns,
    /// read back and written again, and no other.
    @Test(arguments: Backend.all) func rowsWriteExactlyTheirTablesColumns(_ backend: Backend) throws {
        let store = try backend.store()
        let run = try store.beginRun(version: "0.1.0", paths: ["/r"], pid: 1, host: "h")
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: run)
        try store.recordFailure(path: "/r/b.pdf", stamp: Make.stamp(), reason: "damaged", runId: run)
        try store.finishRun(id: run, counts: RunCounts(filesSeen: 2, new: 1, failed: 1), exitCode: 2)
        func check<Record: FetchableRecord & EncodableRecord & TableRecord>(_ type: Record.Type) throws {
            let rows = try store.rows("SELECT * FROM \(Record.databaseTableName)")
            #expect(rows.count == 1, "\(Record.databaseTableName)")
            for row in rows {
                #expect(try Set(Record(row: row).databaseDictionary.keys) == Set(row.columnNames), "\(Record.databaseTableName)")
            }
        }
        try check(DocumentRow.self)
        try check(LocationRow.self)
        try check(RecordRow.self)
        try check(FailureRow.self)
        try check(RunRow.self)
        let stored = try store.runs()
        #expect(stored.map(\.status) == [.finished] && stored.first?.counts == RunCounts(filesSeen: 2, new: 1, failed: 1))
        let document = try store.rows("SELECT * FROM documents").first.map(DocumentRow.init(row:))
        #expect(document?.format == .text && document?.declaredFormat == nil)
    }

    /// A store made before spreadsheets keeps every row, its ids and links when the format
    /// list widens, and then takes a workbook and a CSV file.
    @Test func aStoreOfTheFirstSchemaTakesSpreadsheetsAfterMigrating() throws {
        let queue = try DatabaseQueue()
        let v1 = try #require(Schema.migrationNames.first)
        try Schema.migrator.migrate(queue, upTo: v1)
        try queue.write { db in
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO documents (sha256, format, bytes, record_count, first_seen_at) VALUES ('x', 'xlsx', 1, 0, 't')")
            }
            try db.execute(sql: """
                INSERT INTO runs (id, started_at, status, avance_version, paths) VALUES (1, 't', 'finished', '0.1.0', '[]');
                INSERT INTO documents (id, sha256, format, bytes, record_count, first_seen_at, first_run_id) VALUES (7, 'a', 'pdf', 10, 1, 't', 1);
                INSERT INTO documents (id, sha256, format, bytes, record_count, first_seen_at, superseded_by) VALUES (5, 'b', 'text', 10, 1, 't', 7);
                INSERT INTO locations (path, document_id, size, mtime_ns, is_current, first_seen_at, last_seen_at) VALUES ('/r/a.pdf', 7, 10, 1, 1, 't', 't');
                INSERT INTO records (document_id, ordinal, json) VALUES (7, 0, '{}');
                INSERT INTO records (document_id, ordinal, json) VALUES (5, 0, '{}');
                DELETE FROM documents WHERE id = 5;
                INSERT INTO documents (id, sha256, format, bytes, record_count, first_seen_at) VALUES (9, 'z', 'html', 10, 0, 't');
                DELETE FROM documents WHERE id = 9;
                """)
        }
        let store = try Store(queue)
        try store.writer.write { db in
            #expect(try Schema.migrator.appliedMigrations(db) == Schema.migrationNames)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") == 1)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM current_records") == 1)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            try db.execute(sql: "INSERT INTO documents (sha256, format, bytes, record_count, first_seen_at) VALUES ('c', 'xlsx', 1, 0, 't')")
            try db.execute(sql: "INSERT INTO documents (sha256, format, bytes, record_count, first_seen_at) VALUES ('d', 'csv', 1, 0, 't')")
            // The counter goes on from the highest id ever given, not from the highest left.
            #expect(try Int.fetchAll(db, sql: "SELECT id FROM documents ORDER BY id") == [7, 10, 11])
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO documents (sha256, format, bytes, record_count, first_seen_at) VALUES ('e', 'docx', 1, 0, 't')")
            }
            // A document's deletion still cascades to its locations and records.
            try db.execute(sql: "DELETE FROM documents WHERE id = 7")
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM locations") == 0)
        }
    }

    @Test func anUnwritableLocationIsAClearError() throws {
        #expect(throws: StoreError.self) {
            _ = try Store.open(path: "/nonexistent-directory-\(UUID().uuidString)/avance.sqlite")
        }
        #expect(throws: StoreError.noDatabase(path: "/nonexistent.sqlite")) {
            _ = try Store.openExisting(path: "/nonexistent.sqlite")
        }
    }
}

@Suite struct IngestStoreTests {
    @Test(arguments: Backend.all, SourceFormat.allCases)
    func aDocumentOfEveryFormatAvanceReadsCanBeStored(_ backend: Backend, _ format: SourceFormat) throws {
        let store = try backend.store()
        let sha = Make.sha(SourceFormat.allCases.firstIndex(of: format)! + 1)
        let content = FileContent.new(NewDocument(sha256: sha, format: format, encoding: "UTF-8", bytes: 100, records: [Make.record(sha: sha)]))
        let result = try store.store(path: "/r/a", stamp: Make.stamp(), content: content, runId: nil)
        #expect(result.outcome == .new)
    }

    @Test(arguments: Backend.all) func aNewDocumentIsStoredWithItsRecordsAndFindings(_ backend: Backend) throws {
        let store = try backend.store()
        let record = Make.record(sha: Make.sha(1), findings: [Make.finding("period-above-annual", .error), Make.finding("placeholder-text", .warning)])
        let result = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [record]), runId: nil)
        #expect(result.outcome == .new)
        #expect(result.findings == [.error: 1, .warning: 1])

        let records = try store.currentRecords()
        #expect(records.count == 1)
        #expect(records.first?.row.programCode == "O002")
        #expect(records.first?.row.year == 2024 && records.first?.row.quarter == 3)
        #expect(records.first?.row.annualTarget == 4)
        #expect(records.first?.path == "/r/a.txt")
        #expect(try records.first?.record() == record)
        #expect(try records.first?.row.decodedRecord().findings == [], "a finding is stored once, in the findings table")
        #expect(try store.findings().map(\.finding) == record.findings)

        let findings = try store.findings()
        #expect(findings.map(\.row.rule) == ["period-above-annual", "placeholder-text"])
        #expect(findings.first?.row.line == 12 && findings.first?.row.quote == "2 acciones")
        #expect(findings.first?.activityCode == "F.P.C01.A01")
        #expect(try store.currentLocations()["/r/a.txt"]?.stamp == Make.stamp())
    }

    @Test(arguments: Backend.all) func theSameContentAtAnotherPathIsAnotherLocationNotAnotherDocument(_ backend: Backend) throws {
        let store = try backend.store()
        let content = Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))])
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: content, runId: nil)
        let copy = try store.store(path: "/r/copia de a.txt", stamp: Make.stamp(), content: .known(sha256: Make.sha(1)), runId: nil)
        #expect(copy.outcome == .duplicate)
        // Parsed again by a racing worker: still one document.
        let again = try store.store(path: "/r/b.txt", stamp: Make.stamp(), content: content, runId: nil)
        #expect(again.outcome == .duplicate)
        #expect(again.findings.isEmpty)
        #expect(try store.count("documents") == 1 && store.count("records") == 1)
        #expect(Set(try store.currentLocations().keys) == ["/r/a.txt", "/r/copia de a.txt", "/r/b.txt"])
    }

    @Test(arguments: Backend.all) func aTouchedFileIsUnchangedAndItsStampRefreshed(_ backend: Backend) throws {
        let store = try backend.store()
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: nil)
        let touched = Make.stamp(100, 1_800_000_000_000_000_000)
        let result = try store.store(path: "/r/a.txt", stamp: touched, content: .known(sha256: Make.sha(1)), runId: nil)
        #expect(result.outcome == .unchanged)
        #expect(try store.currentLocations()["/r/a.txt"]?.stamp == touched)
    }

    @Test(arguments: Backend.all) func changedContentIsANewVersionAndTheOldOneIsSuperseded(_ backend: Backend) throws {
        let store = try backend.store()
        let v1 = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1), achieved: 1)]), runId: nil)
        let v2 = try store.store(path: "/r/a.txt", stamp: Make.stamp(120), content: Make.document(sha: Make.sha(2), records: [Make.record(sha: Make.sha(2), achieved: 2)]), runId: nil)
        #expect(v2.outcome == .changed)
        let documents = try store.rows("SELECT * FROM documents ORDER BY id").map(DocumentRow.init(row:))
        #expect(documents.map(\.supersededBy) == [v2.documentId, nil])
        #expect(documents.first?.supersededAt != nil)
        let locations = try store.rows("SELECT * FROM locations ORDER BY id").map(LocationRow.init(row:))
        #expect(locations.map(\.isCurrent) == [false, true])
        #expect(locations.first?.replacedAt != nil)
        #expect(locations.map(\.documentId) == [v1.documentId, v2.documentId])
        // Only the current version is exported; history stays in the tables.
        #expect(try store.currentRecords().map(\.row.achieved) == [2])
        #expect(try store.count("records") == 2)
    }

    @Test(arguments: Backend.all) func aVersionStillHeldByAnotherPathStaysCurrent(_ backend: Backend) throws {
        let store = try backend.store()
        let content = Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))])
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: content, runId: nil)
        _ = try store.store(path: "/r/copy.txt", stamp: Make.stamp(), content: .known(sha256: Make.sha(1)), runId: nil)
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(130), content: Make.document(sha: Make.sha(2), records: [Make.record(sha: Make.sha(2))]), runId: nil)
        #expect(try store.count("documents", where: "superseded_by IS NOT NULL") == 0)
        #expect(try store.currentRecords().count == 2)
    }

    @Test(arguments: Backend.all) func aRevertedFileMakesItsOldVersionCurrentAgain(_ backend: Backend) throws {
        let store = try backend.store()
        let a = Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))])
        let b = Make.document(sha: Make.sha(2), records: [Make.record(sha: Make.sha(2))])
        let first = try store.store(path: "/r/a.txt", stamp: Make.stamp(1), content: a, runId: nil)
        let second = try store.store(path: "/r/a.txt", stamp: Make.stamp(2), content: b, runId: nil)
        let third = try store.store(path: "/r/a.txt", stamp: Make.stamp(3), content: .known(sha256: Make.sha(1)), runId: nil)
        #expect(third.outcome == .changed)
        let superseded = try store.rows("SELECT id, superseded_by FROM documents ORDER BY id").map { [$0["id"], $0["superseded_by"]] as [Int64?] }
        #expect(superseded == [[first.documentId, nil], [second.documentId, first.documentId]])
        #expect(try store.count("locations") == 2)
        #expect(try store.currentLocations()["/r/a.txt"]?.documentId == first.documentId)
    }

    @Test(arguments: Backend.all) func knownContentThatIsNotStoredIsAnError(_ backend: Backend) throws {
        let store = try backend.store()
        #expect(throws: StoreError.self) {
            _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: .known(sha256: Make.sha(9)), runId: nil)
        }
        #expect(try store.currentLocations().isEmpty)
    }

    /// A record JSON cannot hold (a figure that is infinity) is a failure of its file, told apart
    /// from a database error, and leaves nothing of the file behind; the store goes on.
    @Test(arguments: Backend.all) func aRecordThatCannotBeWrittenIsAFailureOfItsFileOnly(_ backend: Backend) throws {
        let store = try backend.store()
        let bad = Make.record(path: "/r/enorme.txt", sha: Make.sha(1), annual: .infinity)
        let error = #expect(throws: StoreError.self) {
            _ = try store.store(path: "/r/enorme.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [bad]), runId: nil)
        }
        guard case .unstorable(let path, let reason) = error else {
            Issue.record("not a failure of the file: \(String(describing: error))")
            return
        }
        #expect(path == "/r/enorme.txt")
        #expect(reason.hasPrefix("record 1 cannot be written as JSON"), "\(reason)")
        #expect(try [store.count("documents"), store.count("records"), store.count("locations")] == [0, 0, 0])
        let good = Make.record(path: "/r/a.txt", sha: Make.sha(2))
        #expect(try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(2), records: [good]), runId: nil).outcome == .new)
    }

    /// In a batch, a file whose record cannot be written is rolled back alone (its savepoint),
    /// its failure is recorded in the same batch, and the files around it are stored.
    @Test(arguments: Backend.all) func aBatchRollsBackAFileThatCannotBeStoredAloneAndStoresTheRest(_ backend: Backend) throws {
        let store = try backend.store()
        let bad = Make.record(path: "/r/enorme.txt", sha: Make.sha(2), annual: .infinity)
        let outcomes = try store.batch { batch -> [String] in
            var outcomes: [String] = []
            outcomes.append(try batch.store(
                path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: nil
            ).outcome.rawValue)
            do {
                _ = try batch.store(
                    path: "/r/enorme.txt", stamp: Make.stamp(),
                    content: Make.document(sha: Make.sha(2), records: [Make.record(sha: Make.sha(2)), bad]), runId: nil
                )
                outcomes.append("stored")
            } catch StoreError.unstorable(_, let reason) {
                #expect(try batch.recordFailure(path: "/r/enorme.txt", stamp: Make.stamp(), reason: reason, sha256: Make.sha(2), runId: nil) == .new)
                outcomes.append("failed")
            }
            outcomes.append(try batch.store(
                path: "/r/c.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(3), records: [Make.record(sha: Make.sha(3))]), runId: nil
            ).outcome.rawValue)
            return outcomes
        }
        #expect(outcomes == ["new", "failed", "new"])
        #expect(try [store.count("documents"), store.count("records"), store.count("locations")] == [2, 2, 2])
        #expect(try store.count("documents", where: "sha256 = '\(Make.sha(2))'") == 0, "the file that failed left nothing")
        let failures = try store.openFailures()
        #expect(failures.map(\.path) == ["/r/enorme.txt"])
        #expect(failures.first?.reason.hasPrefix("record 2 cannot be written as JSON") == true, "\(failures)")
    }

    /// A batch is one SQLite transaction: when it fails, none of its files is stored.
    @Test func aBatchThatFailsStoresNoneOfItsFiles() throws {
        struct Stop: Error {}
        let store = try Make.memoryStore()
        #expect(throws: StoreError.self) {
            try store.batch { batch in
                _ = try batch.store(
                    path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: nil
                )
                try batch.recordFailure(path: "/r/b.pdf", stamp: Make.stamp(), reason: "damaged", runId: nil)
                throw Stop()
            }
        }
        #expect(try [store.count("documents"), store.count("records"), store.count("locations"), store.count("failures")] == [0, 0, 0, 0])
    }

    @Test(arguments: Backend.all) func failuresAreKnownWhenTheSameKeepTheirHistoryAndAreResolvedBySuccess(_ backend: Backend) throws {
        let store = try backend.store()
        func fail(_ reason: String, sha: String? = Make.sha(9), version: String = "1.0") throws -> Store.FailureNovelty {
            try store.recordFailure(path: "/r/broken.pdf", stamp: Make.stamp(), reason: reason, sha256: sha, version: version, runId: nil)
        }
        #expect(try fail("the PDF is damaged") == .new)
        #expect(try fail("the PDF is damaged") == .known)
        #expect(try fail("the PDF is damaged (again)") == .new, "another reason")
        #expect(try fail("the PDF is damaged (again)", sha: Make.sha(8)) == .new, "another content")
        #expect(try fail("the PDF is damaged (again)", sha: Make.sha(8), version: "1.1") == .new, "another avance")
        #expect(try store.recordFailure(path: "/r/loop", stamp: nil, reason: "symbolic link loop", runId: nil) == .new)
        #expect(try store.recordFailure(
            path: "/r/README.md", stamp: Make.stamp(), reason: "not an indicator report", kind: .notAReport, sha256: Make.sha(7), runId: nil
        ) == .new)
        let open = try store.openFailures()
        #expect(open.map(\.path) == ["/r/README.md", "/r/broken.pdf", "/r/loop"])
        #expect(open[1].attempts == 1 && open[1].avanceVersion == "1.1" && open[1].sha256 == Make.sha(8))
        #expect(try store.openFailures(kind: .failure).map(\.path) == ["/r/broken.pdf", "/r/loop"])
        #expect(try store.openFailures(kind: .notAReport).map(\.path) == ["/r/README.md"])
        let history = try store.rows("SELECT attempts, resolved_at IS NOT NULL AS resolved FROM failures WHERE path = '/r/broken.pdf' ORDER BY id")
        #expect(history.map { [$0["attempts"] as Int, $0["resolved"] as Int] } == [[2, 1], [1, 1], [1, 1], [1, 0]])

        _ = try store.store(path: "/r/broken.pdf", stamp: Make.stamp(5), content: Make.document(sha: Make.sha(3), records: [Make.record(sha: Make.sha(3))]), runId: nil)
        #expect(try store.openFailures().map(\.path) == ["/r/README.md", "/r/loop"])
    }

    @Test(arguments: Backend.all) func runsAreRecordedAndDeadOnesMarkedInterrupted(_ backend: Backend) throws {
        let store = try backend.store()
        let dead = try store.beginRun(version: "0.1.0", paths: ["/r"], pid: 1, host: "h")
        #expect(try store.markInterruptedRuns() == 1)
        let live = try store.beginRun(version: "0.1.0", paths: ["/r", "/s"], pid: 2, host: "h")
        try store.finishRun(id: live, counts: RunCounts(filesSeen: 3, new: 2, failed: 1), exitCode: 2)
        let runs = try store.runs()
        #expect(runs.map(\.id) == [dead, live])
        #expect(runs.map(\.status) == [.interrupted, .finished])
        #expect(runs.last?.counts.new == 2 && runs.last?.counts.failed == 1)
        #expect(runs.last?.exitCode == 2 && runs.last?.finishedAt != nil)
        #expect(runs.last?.paths == "[\"/r\",\"/s\"]")
    }
}

@Suite struct QueryTests {
    func populated(_ backend: Backend) throws -> Store {
        let store = try backend.store()
        _ = try store.store(path: "/r/b.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [
            Make.record(sha: Make.sha(1), findings: [Make.finding("date-outside-period", .warning, line: 40), Make.finding("period-above-annual", .error, line: 9)]),
        ]), runId: nil)
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(2), records: [
            Make.record(sha: Make.sha(2), activity: "F.P.C01.A02", findings: [Make.finding("count-mismatch", .info)]),
        ]), runId: nil)
        return store
    }

    @Test(arguments: Backend.all) func findingsFilterBySeverityAndRule(_ backend: Backend) throws {
        let store = try populated(backend)
        #expect(try store.findings().map(\.row.rule) == ["count-mismatch", "period-above-annual", "date-outside-period"])
        #expect(try store.findings(FindingFilter(minimumSeverity: .warning)).map(\.row.severity) == [.error, .warning])
        #expect(try store.findings(FindingFilter(rules: ["count-mismatch", "nope"])).map(\.row.path) == ["/r/a.txt"])
        #expect(try store.findings(FindingFilter(minimumSeverity: .error, rules: ["count-mismatch"])).isEmpty)
    }

    @Test(arguments: Backend.all) func findingsOfSupersededVersionsAreListedOnlyOnRequest(_ backend: Backend) throws {
        let store = try populated(backend)
        _ = try store.store(path: "/r/b.txt", stamp: Make.stamp(7), content: Make.document(sha: Make.sha(3), records: [Make.record(sha: Make.sha(3))]), runId: nil)
        #expect(try store.findings().map(\.row.rule) == ["count-mismatch"])
        let all = try store.findings(FindingFilter(includeSuperseded: true))
        #expect(all.count == 3)
        #expect(all.filter(\.superseded).map(\.row.path) == ["/r/b.txt", "/r/b.txt"])
    }

    @Test(arguments: Backend.all) func currentRecordsComeInPathOrderWithTheirFindings(_ backend: Backend) throws {
        let store = try populated(backend)
        let records = try store.currentRecords()
        #expect(records.map(\.path) == ["/r/a.txt", "/r/b.txt"])
        #expect(records.map(\.findings.count) == [1, 2])
        #expect(records.map(\.sha256) == [Make.sha(2), Make.sha(1)])
    }

    @Test(arguments: Backend.all) func theAuditReadsCurrentRecordsAtTheirCurrentPathWithTheirStoredFindings(_ backend: Backend) throws {
        let store = try populated(backend)
        // A copy of b's content at another path, and a, changed: its old version is no longer audited.
        _ = try store.store(path: "/r/c.txt", stamp: Make.stamp(), content: .known(sha256: Make.sha(1)), runId: nil)
        _ = try store.store(path: "/r/a.txt", stamp: Make.stamp(200), content: Make.document(sha: Make.sha(3), records: [
            Make.record(path: "/old/place/a.txt", sha: Make.sha(3), year: 2023, findings: [Make.finding("ambiguous-date", .info)]),
        ]), runId: nil)
        let audited = try store.currentRecordsForAudit()
        #expect(audited.map(\.path) == ["/r/a.txt", "/r/b.txt"])
        #expect(audited.map(\.record.source.path) == ["/r/a.txt", "/r/b.txt"], "the record is placed where its file is now")
        #expect(audited.map { $0.record.findings.map(\.rule) } == [["ambiguous-date"], ["date-outside-period", "period-above-annual"]])
        #expect(audited[1].record.findings[0].evidence.map(\.line) == [40])
        #expect(try store.currentRecordsForAudit(year: 2023).map(\.sha256) == [Make.sha(3)])
    }
}

@Suite struct LockTests {
    @Test func aSecondHolderIsToldWhoHoldsTheLockUntilItIsReleased() throws {
        let dir = try TemporaryDirectory()
        let path = StoreLock.path(forDatabase: dir.path + "/avance.sqlite")
        #expect(path.hasSuffix("avance.sqlite.lock"))
        let holder = StoreLock.Holder(pid: 4242, host: "servidor", started: "2024-10-01T02:00:00.000Z")
        var first: StoreLock? = nil
        if case .acquired(let lock) = try StoreLock.tryAcquire(path: path, holder: holder) { first = lock }
        #expect(first != nil)
        guard case .busy(let seen) = try StoreLock.tryAcquire(path: path) else {
            Issue.record("a second lock was granted while the first is held")
            return
        }
        #expect(seen == holder)
        #expect(seen?.description == "pid 4242 on servidor since 2024-10-01T02:00:00.000Z")
        first = nil
        guard case .acquired = try StoreLock.tryAcquire(path: path) else {
            Issue.record("the lock stayed held after its holder released it")
            return
        }
        #expect(first == nil)
    }

    /// `avance.sqlite.lock -> victim`: the holder's lines must not be written into the victim.
    @Test func aLockFileThatIsALinkIsRefusedAndItsTargetKept() throws {
        let dir = try TemporaryDirectory()
        let path = StoreLock.path(forDatabase: dir.path + "/avance.sqlite")
        let victim = dir.path + "/victim.txt"
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: victim))
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        for attempt in [{ try StoreLock.tryAcquire(path: path) }, { .acquired(try StoreLock.acquire(path: path)) }] as [() throws -> StoreLock.Attempt] {
            #expect(throws: StoreError.lockFailed(path: path, reason: "the lock file is a symbolic link; avance does not follow it (remove it)")) {
                _ = try attempt()
            }
        }
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep me\n")
    }

    @Test func aLockFileThatIsNotARegularFileIsRefused() throws {
        let dir = try TemporaryDirectory()
        let fifo = dir.path + "/fifo.lock"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: StoreError.lockFailed(path: fifo, reason: "the lock file is not a regular file; avance does not write into it (remove it)")) {
            _ = try StoreLock.tryAcquire(path: fifo)
        }
        let folder = dir.path + "/folder.lock"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        #expect(throws: StoreError.self) { _ = try StoreLock.tryAcquire(path: folder) }
    }
}
