import AvanceCore
import Foundation
import GRDB
import StoreTestSupport
import Testing
@testable import AvanceStore
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL store shared by several `avance ingest` processes at once, as workers on
/// several machines share it: the real binary, a real server (`AVANCE_TEST_POSTGRES`, which
/// `Scripts/test` points at a throwaway server of its own).
@Suite(.enabled(if: TestPostgres.url != nil, "AVANCE_TEST_POSTGRES names no server (Scripts/test starts one)"))
struct SharedStoreTests {
    /// Reports for three workers at once, besides copies, broken files and a file that is no
    /// report: 2,000 by default, in every `Scripts/test` (and so in `.ci/run`). With the debug
    /// build on a loaded 2-core machine the test takes about 5 minutes, nearly all of it avance
    /// reading every report twice (the three workers, then the single SQLite run): a profile
    /// showed extracting and parsing over half the samples, the PostgreSQL side under a fifth
    /// (the server itself 10 s of CPU). `AVANCE_SHARED_REPORTS=300` runs a smaller folder (about
    /// a minute) while working on something else.
    static let reports = Int(ProcessInfo.processInfo.environment["AVANCE_SHARED_REPORTS"] ?? "") ?? 2000

    /// Three workers at once over the same folder, one killed with SIGKILL midway, then a
    /// rerun: every file stored exactly once, the killed worker's files taken by the others,
    /// failures and runs consistent, and the same audit as one SQLite run over the same files.
    @Test func threeWorkersOneKilledStoreEveryFileOnce() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("informes")
        try Fixtures.writeReports(0..<Self.reports, into: folder)
        // Copies (the same content at a second path), broken files and a file that is no report.
        for n in 0..<20 {
            try FileManager.default.copyItem(atPath: folder + "/informe-\(String(format: "%03d", n)).txt", toPath: folder + "/copia-\(n).txt")
        }
        for n in 0..<5 { try Fixtures.write("%PDF-1.4\nroto \(n)\n", to: folder + "/roto-\(n).pdf") }
        try Fixtures.write("Carpeta de informes trimestrales.\n", to: folder + "/LEEME.txt")
        let files = Self.reports + 20 + 5 + 1
        let url = try TestPostgres.newDatabase().url

        func worker() throws -> Child {
            try Child(["ingest", folder, "--db", url, "--settle", "0", "--jobs", "2", "--log-format", "json"], in: scratch.path)
        }
        let workers = try [worker(), worker(), worker()]
        // Midway: once the second worker has stored a tenth of the reports itself.
        let stored = workers[1].waitForStderr { text in
            text.components(separatedBy: "\"message\":\"new\"").count - 1 >= Self.reports / 10
        }
        #expect(stored, "the second worker stored nothing: \(workers[1].stderr.suffix(2000))")
        workers[1].signal(SIGKILL)
        let killed = workers[1].finish()
        #expect(killed.killedBySignal)
        var survivors: [Summary] = []
        for child in [workers[0], workers[2]] {
            let result = child.finish()
            #expect([0, 2].contains(result.status), "\(result.stderr.suffix(2000))")
            survivors.append(try Summary(result.stdout))
        }

        let store = try Store.openForReading(.postgres(PostgresAddress.parse(url)))
        func count(_ sql: String) throws -> Int { try store.rows(sql).first?["n"] ?? -1 }

        // The rerun finds everything stored: nothing to read, nothing lost.
        let rerun = try Child.run(["ingest", folder, "--db", url, "--settle", "0", "--log-format", "json"], in: scratch.path)
        #expect(rerun.status == 0, "\(rerun.stderr.suffix(2000))")
        let again = try Summary(rerun.stdout)
        #expect(again.filesSeen == files && again.filesRead == 0)
        #expect((again.unchanged, again.knownFailures, again.notReports, again.new, again.failed) == (Self.reports + 20, 5, 1, 0, 0))

        #expect(try count("SELECT COUNT(*) AS n FROM documents") == Self.reports)
        #expect(try count("SELECT COUNT(*) AS n FROM locations") == Self.reports + 20, "one location per path, none twice")
        #expect(try count("SELECT COUNT(DISTINCT path) AS n FROM locations WHERE is_current = 1") == Self.reports + 20)
        #expect(try count("SELECT COUNT(*) AS n FROM records WHERE document_id NOT IN (SELECT id FROM documents)") == 0)
        #expect(try count("SELECT COUNT(*) AS n FROM failures WHERE resolved_at IS NULL AND kind = 'failure'") == 5)
        #expect(try count("SELECT COUNT(*) AS n FROM failures WHERE resolved_at IS NULL AND kind = 'not-a-report'") == 1)
        #expect(try count("SELECT COUNT(*) AS n FROM failures") == 6, "each broken file failed once: nobody read it twice")

        // Runs: the killed one interrupted (by the next ingest to start), the others finished;
        // every document counted as new by the run that stored it.
        let runs = try store.runs()
        #expect(runs.count == 4)
        let killedRun = try #require(runs.first { $0.pid == Int64(workers[1].pid) })
        #expect(killedRun.status == .interrupted)
        #expect(runs.filter { $0.id != killedRun.id }.map(\.status) == [.finished, .finished, .finished])
        for summary in survivors + [again] {
            #expect(try count("SELECT COUNT(*) AS n FROM documents WHERE first_run_id = \(summary.run)") == summary.new)
        }
        // No file read by two workers, but for those the killed worker was reading when it died
        // (at most its --jobs), which the others took after it: the files the survivors read and
        // those the killed worker stored (its run has no counts) are the files, give or take
        // the broken ones the killed worker may have failed on; and each broken file failed once.
        let storedByKilled = try count("SELECT COUNT(*) AS n FROM locations WHERE run_id = \(killedRun.id ?? 0)")
        let read = survivors.map(\.filesRead).reduce(0, +) + storedByKilled
        #expect(read >= files - 6 && read <= files + 2, "files read: \(survivors.map(\.filesRead)) by the survivors, \(storedByKilled) stored by the killed worker, for \(files) files")
        #expect(try count("SELECT COUNT(*) AS n FROM failures WHERE attempts = 1") == 6)
        #expect(survivors.map(\.new).reduce(0, +) + (try count("SELECT COUNT(*) AS n FROM documents WHERE first_run_id = \(killedRun.id ?? 0)")) == Self.reports)

        // The same audit as one SQLite run over the same files.
        let single = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0", "--log-format", "json"], in: scratch.path)
        #expect(single.status == 2, "\(single.stderr.suffix(2000))")
        let fromSQLite = try Child.run(["audit", "--db", scratch.database, "--format", "json"], in: scratch.path)
        let fromPostgres = try Child.run(["audit", "--db", url, "--format", "json"], in: scratch.path)
        #expect(fromPostgres.status == fromSQLite.status, "\(fromPostgres.stderr)")
        // Every field but the name of the database read.
        func audit(_ json: String) throws -> NSDictionary {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            object["database"] = nil
            object["generatedAt"] = nil
            return object as NSDictionary
        }
        let sqliteAudit = try audit(fromSQLite.stdout)
        #expect(sqliteAudit.count > 3)
        #expect(try audit(fromPostgres.stdout) == sqliteAudit)
        // The same records (CSV: each at its current path; the JSON keeps the path its content was
        // first read at, which of a report and its copy depends on which worker came first).
        let exportSQLite = try Child.run(["export", "--db", scratch.database, "--format", "csv"], in: scratch.path)
        let exportPostgres = try Child.run(["export", "--db", url, "--format", "csv"], in: scratch.path)
        #expect(exportSQLite.stdout.split(whereSeparator: \.isNewline).count > Self.reports)
        #expect(exportPostgres.status == 0 && exportPostgres.stdout == exportSQLite.stdout)
    }

    /// An analyst's SQLite store moved to the shared store by `avance migrate`: the same export,
    /// findings and runs; and a second copy into it refused.
    @Test func migrateCopiesAnSQLiteStore() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("informes")
        try Fixtures.writeReports(0..<12, into: folder)
        try Fixtures.write("%PDF-1.4\nroto\n", to: folder + "/roto.pdf")
        let first = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0"], in: scratch.path)
        #expect(first.status == 2)
        let url = try TestPostgres.newDatabase().url
        let migrate = try Child.run(["migrate", "--from", scratch.database, "--to", url], in: scratch.path)
        #expect(migrate.status == 0, "\(migrate.stderr)")
        #expect(migrate.stderr.contains("12 documents"), "\(migrate.stderr)")
        for arguments in [["export", "--format", "jsonl"], ["findings", "--format", "json"], ["findings", "--files", "--format", "json"]] {
            let a = try Child.run(arguments + ["--db", scratch.database], in: scratch.path)
            let b = try Child.run(arguments + ["--db", url], in: scratch.path)
            #expect(b.status == a.status && b.stdout == a.stdout, "\(arguments): \(b.stderr)")
        }
        // The next ingest into the shared store goes on from the copy: nothing new to read.
        let next = try Child.run(["ingest", folder, "--db", url, "--settle", "0", "--log-format", "json"], in: scratch.path)
        let summary = try Summary(next.stdout)
        #expect(next.status == 0 && summary.filesRead == 0 && summary.unchanged == 12 && summary.knownFailures == 1)
        #expect(summary.run == 2, "run ids go on from the copied ones")
        let twice = try Child.run(["migrate", "--from", scratch.database, "--to", url], in: scratch.path)
        #expect(twice.status == 74 && twice.stderr.contains("holds a store already"), "\(twice.stderr)")
    }

    @Test func aPasswordOnTheCommandLineIsRefused() throws {
        let scratch = try Scratch()
        let result = try Child.run(["export", "--format", "jsonl", "--db", "postgresql://ana:secreto@localhost/avance"], in: scratch.path)
        #expect(result.status == 74)
        #expect(result.stderr.contains("PGPASSWORD") && !result.stderr.contains("secreto"), "\(result.stderr)")
    }
}
