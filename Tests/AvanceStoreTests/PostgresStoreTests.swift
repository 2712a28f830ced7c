import AvanceCore
import Foundation
import Synchronization
import GRDB
import StoreTestSupport
import Testing
@testable import AvanceStore

/// What only the PostgreSQL store has: the same schema from one definition, several writers
/// at once (claims, a dead worker's claims and runs), the copy of an SQLite store, readers
/// with a role that may only read. The rest of the store's suite runs on both backends.
@Suite(.enabled(if: TestPostgres.url != nil, "AVANCE_TEST_POSTGRES names no server (Scripts/test starts one)"))
struct PostgresStoreTests {
    /// Every table and view of SQLite's schema, with the same columns, and nothing else.
    @Test func theSchemaIsSQLitesInPostgreSQLsDialect() throws {
        let address = try TestPostgres.newDatabase().address
        let postgres = try Store.open(.postgres(address))
        let sqlite = try Make.memoryStore()
        func columns(_ store: Store, _ tableQuery: String, _ columnQuery: String) throws -> [String: Set<String>] {
            var result: [String: Set<String>] = [:]
            for table in try store.rows(tableQuery).map({ $0["name"] as String }) {
                result[table] = Set(try store.rows(columnQuery, [table.databaseValue]).map { $0["name"] as String })
            }
            return result
        }
        let inSQLite = try columns(
            sqlite,
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'",
            "SELECT name FROM pragma_table_info(?)"
        )
        let inPostgres = try columns(
            postgres,
            "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'avance_migrations'",
            "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
        )
        #expect(inSQLite.keys.sorted() == ["current_records", "documents", "failures", "findings", "locations", "records", "runs", "waivers"])
        #expect(inPostgres == inSQLite)
        // Opened again, every migration is found applied and none runs.
        let again = try Store.open(.postgres(address))
        #expect(try again.postgres?.appliedMigrations() == Schema.migrationNames)
        #expect(try again.rows("SELECT COUNT(*) AS n FROM avance_migrations").first?["n"] == Schema.migrationNames.count)
    }

    /// The same content, parsed by two workers at once and stored at two paths: one document.
    @Test func twoWorkersStoringTheSameContentAtOnceMakeOneDocument() throws {
        let address = try TestPostgres.newDatabase().address
        let workers = [try Store.open(.postgres(address)), try Store.open(.postgres(address))]
        let contents = 40
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { w in
            for n in 1...contents {
                let sha = Make.sha(n)
                do {
                    _ = try workers[w].store(
                        path: "/w\(w)/informe-\(n).txt", stamp: Make.stamp(),
                        content: Make.document(sha: sha, records: [Make.record(sha: sha, findings: [Make.finding("count-mismatch", .info)])]),
                        runId: nil
                    )
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let store = workers[0]
        #expect(try store.count("documents") == contents)
        #expect(try store.count("records") == contents)
        #expect(try store.count("findings") == contents)
        #expect(try store.count("locations", where: "is_current = 1") == 2 * contents)
        #expect(try store.currentLocations().count == 2 * contents)
    }

    /// A claimed path is no other worker's until it is released, or until the worker's
    /// session ends (a killed worker): then the next worker reads what the first one stored.
    @Test func aClaimHoldsUntilReleasedOrItsWorkerIsGone() throws {
        let address = try TestPostgres.newDatabase().address
        let first = try Store.open(.postgres(address))
        let second = try Store.open(.postgres(address))
        guard case .claimed(let state) = try first.claim(path: "/r/a.txt") else {
            Issue.record("a free path was not claimed")
            return
        }
        #expect(state == Store.PathState(location: nil, failure: nil))
        #expect(try second.claim(path: "/r/a.txt") == .busy)
        #expect(try second.claim(path: "/r/b.txt") != .busy, "another path is free")
        _ = try first.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: nil)
        try first.release(path: "/r/a.txt")
        guard case .claimed(let after) = try second.claim(path: "/r/a.txt") else {
            Issue.record("a released path stayed claimed")
            return
        }
        #expect(after?.location?.sha256 == Make.sha(1) && after?.location?.stamp == Make.stamp(), "the claim reads what the last holder stored")

        // A worker that dies holding a claim: its connection closes, and the claim with it.
        var doomed: Store? = try Store.open(.postgres(address))
        #expect(try doomed?.claim(path: "/r/c.txt") != .busy)
        #expect(try first.claim(path: "/r/c.txt") == .busy)
        doomed = nil
        #expect(try first.claim(path: "/r/c.txt", wait: true) != .busy)
    }

    /// Runs left `running` by a dead worker are marked interrupted by the next one; a live
    /// worker's run is left alone.
    @Test func onlyDeadWorkersRunsAreMarkedInterrupted() throws {
        let address = try TestPostgres.newDatabase().address
        let live = try Store.open(.postgres(address))
        var doomed: Store? = try Store.open(.postgres(address))
        let liveRun = try live.beginRun(version: "0.5.0", paths: ["/a"], pid: 1, host: "uno")
        let deadRun = try doomed?.beginRun(version: "0.5.0", paths: ["/b"], pid: 2, host: "dos")
        let next = try Store.open(.postgres(address))
        #expect(try next.markInterruptedRuns() == 0, "both workers live")
        doomed = nil
        // The server ends the closed session, and lets its locks go, a moment after the client
        // has closed it: wait until the dead run's lock is free (taken and let go at once), as
        // a later ingest would meet it.
        let dead = try #require(deadRun)
        let watcher = try Store.open(.postgres(address))
        try watcher.execute("SELECT pg_advisory_lock(\(PostgresStore.runLocks), \(dead))")
        try watcher.execute("SELECT pg_advisory_unlock(\(PostgresStore.runLocks), \(dead))")
        #expect(try next.markInterruptedRuns() == 1)
        let runs = try next.runs()
        #expect(runs.map(\.id) == [liveRun, deadRun])
        #expect(runs.map(\.status) == [.running, .interrupted])
        try live.finishRun(id: liveRun, counts: RunCounts(filesSeen: 1, new: 1), exitCode: 0)
        #expect(try next.runs().map(\.status) == [.finished, .interrupted])
    }

    /// An SQLite store copied: every row of every table with its id, the successor of a
    /// document with a lower id (a reverted file) included, and new ids after the highest.
    @Test func anSQLiteStoreIsCopiedWithItsIdsAndHistory() throws {
        let sqlite = try Make.memoryStore()
        let run = try sqlite.beginRun(version: "0.5.0", paths: ["/r"], pid: 1, host: "h")
        let a = Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1), findings: [Make.finding("count-mismatch", .error)])])
        let b = Make.document(sha: Make.sha(2), records: [Make.record(sha: Make.sha(2)), Make.record(sha: Make.sha(2), indicator: "02")])
        _ = try sqlite.store(path: "/r/a.txt", stamp: Make.stamp(1), content: a, runId: run)
        _ = try sqlite.store(path: "/r/a.txt", stamp: Make.stamp(2), content: b, runId: run)
        _ = try sqlite.store(path: "/r/a.txt", stamp: Make.stamp(3), content: .known(sha256: Make.sha(1)), runId: run)
        try sqlite.recordFailure(path: "/r/roto.pdf", stamp: Make.stamp(), reason: "damaged", runId: run)
        try sqlite.recordFailure(path: "/r/roto.pdf", stamp: Make.stamp(), reason: "damaged again", runId: run)
        try sqlite.finishRun(id: run, counts: RunCounts(filesSeen: 2, new: 2, failed: 1), exitCode: 2)
        try sqlite.waive(["0123456789abcdef"], reason: "revisado")

        let target = try Store.open(.postgres(TestPostgres.newDatabase().address))
        let copied = try sqlite.copy(into: target)
        #expect(copied.map(\.table) == Store.copiedTables)
        #expect(copied.map(\.rows) == [1, 2, 2, 3, 1, 2, 1])
        for table in Store.copiedTables {
            let order = table == "waivers" ? "fingerprint" : "id"
            let before = try sqlite.rows("SELECT * FROM \(table) ORDER BY \(order)")
            let after = try target.rows("SELECT * FROM \(table) ORDER BY \(order)")
            #expect(after.count == before.count, "\(table)")
            for (x, y) in zip(before, after) {
                for column in x.columnNames {
                    #expect(x[column] as DatabaseValue == y[column] as DatabaseValue, "\(table).\(column)")
                }
            }
        }
        #expect(try target.currentRecords().map(\.sha256) == [Make.sha(1)])
        #expect(try target.findings().map(\.row.rule) == ["count-mismatch"])
        #expect(try target.waivers() == ["0123456789abcdef": "revisado"])
        // The next ids follow the copied ones.
        let next = try target.store(path: "/r/c.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(3), records: [Make.record(sha: Make.sha(3))]), runId: nil)
        #expect(next.documentId == 3)
        // A second copy into a store that holds one is refused, and changes nothing.
        #expect(throws: StoreError.self) { _ = try sqlite.copy(into: target) }
        #expect(try target.count("documents") == 3)
    }

    /// `export`, `findings` and `audit` need a role that may read, no more; a database without
    /// avance's tables is no store.
    @Test func aReaderNeedsOnlyARoleThatMayRead() throws {
        let address = try TestPostgres.newDatabase().address
        let writer = try Store.open(.postgres(address))
        _ = try writer.store(path: "/r/a.txt", stamp: Make.stamp(), content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1))]), runId: nil)
        let role = address.database + "_reader"
        let password = UUID().uuidString
        try writer.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)'")
        defer { _ = try? writer.execute("DROP OWNED BY \(role)"); _ = try? writer.execute("DROP ROLE \(role)") }
        try writer.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(role)")
        var reading = address
        reading.user = role
        reading.password = password
        let reader = try Store.openForReading(.postgres(reading))
        #expect(try reader.currentRecords().map(\.path) == ["/r/a.txt"])
        #expect(try reader.findings().isEmpty)
        #expect(throws: StoreError.self) { try reader.waive(["0123456789abcdef"], reason: "no") }

        let empty = try TestPostgres.newDatabase().address
        #expect(throws: StoreError.noDatabase(path: empty.description)) { _ = try Store.openForReading(.postgres(empty)) }
    }

    @Test func aServerThatDoesNotAnswerIsAClearError() throws {
        let dir = try TemporaryDirectory()
        let address = try PostgresAddress.parse("postgresql://avance@\(dir.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)/avance")
        let error = #expect(throws: StoreError.self) { _ = try Store.open(.postgres(address)) }
        guard case .cannotOpen(let path, _) = error else {
            Issue.record("not a failure to open: \(String(describing: error))")
            return
        }
        #expect(path == address.description)
    }
}

/// libpq's URLs, defaults and password file, read without a server.
@Suite struct PostgresAddressTests {
    let environment = ["PGHOST": "", "PGPORT": "", "PGUSER": "", "PGDATABASE": "", "PGPASSWORD": ""]

    @Test func aURLNamesHostPortUserAndDatabase() throws {
        let a = try PostgresAddress.parse("postgresql://analista@db.example.org:6543/avance?sslmode=require", environment: environment, home: "/nonexistent")
        #expect(a.endpoint == .tcp(host: "db.example.org", port: 6543))
        #expect(a.user == "analista" && a.database == "avance" && a.tls == .require)
        #expect(a.description == "postgresql://analista@db.example.org:6543/avance")
        let socket = try PostgresAddress.parse("postgres://analista@%2Fvar%2Frun%2Fpostgresql/avance", environment: environment, home: "/nonexistent")
        #expect(socket.endpoint == .socket(folder: "/var/run/postgresql", port: 5432))
        let query = try PostgresAddress.parse("postgresql:///avance?host=/tmp/pg&port=5433&user=u&options=-c%20search_path%3Dx", environment: environment, home: "/nonexistent")
        #expect(query.endpoint == .socket(folder: "/tmp/pg", port: 5433) && query.user == "u" && query.settings == ["search_path": "x"])
        let defaults = try PostgresAddress.parse("postgresql://h", environment: ["PGUSER": "ana", "PGPORT": "7000"], home: "/nonexistent")
        #expect(defaults.endpoint == .tcp(host: "h", port: 7000) && defaults.user == "ana" && defaults.database == "ana")
    }

    @Test func aPasswordInTheURLIsRefused() {
        for url in ["postgresql://ana:secreto@h/db", "postgresql://ana@h/db?password=secreto"] {
            let error = #expect(throws: StoreError.self) { _ = try PostgresAddress.parse(url, environment: environment) }
            #expect(!"\(String(describing: error))".contains("secreto"), "the password is not repeated in the message")
            #expect("\(String(describing: error))".contains("PGPASSWORD"))
        }
        #expect(throws: StoreError.self) { _ = try PostgresAddress.parse("postgresql://h/db?colour=blue", environment: environment) }
    }

    @Test func thePasswordComesFromTheEnvironmentOrTheOwnersPasswordFile() throws {
        let dir = try TemporaryDirectory()
        let file = dir.path + "/.pgpass"
        try Data("""
            # host:port:database:user:password
            otro:5432:*:ana:no
            db.example.org:5432:avance:ana:con\\:dos\\\\puntos
            *:*:*:*:comodín

            """.utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
        let a = try PostgresAddress.parse("postgresql://ana@db.example.org/avance", environment: environment, home: dir.path)
        #expect(a.password == "con:dos\\puntos")
        let b = try PostgresAddress.parse("postgresql://luis@db.example.org/avance", environment: environment, home: dir.path)
        #expect(b.password == "comodín")
        let c = try PostgresAddress.parse("postgresql://ana@db.example.org/avance", environment: environment.merging(["PGPASSWORD": "del entorno"]) { $1 }, home: dir.path)
        #expect(c.password == "del entorno")
        // Readable by others: ignored, as libpq does.
        chmod(file, 0o644)
        #expect(try PostgresAddress.parse("postgresql://ana@db.example.org/avance", environment: environment, home: dir.path).password == nil)
    }
}
