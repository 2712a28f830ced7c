import AvanceStore
import Foundation
import GRDB
import Testing

/// `Scripts/nightly` as cron runs it: no terminal, settings from the environment, a log file.
@Suite struct NightlyTests {
    static let script = Fixtures.repository.appendingPathComponent("Scripts/nightly").path

    func nightly(_ arguments: [String], environment: [String: String], in directory: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.script)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for key in ["AVANCE_DB", "AVANCE_CONFIG", "AVANCE_LOG", "AVANCE_NIGHTLY_PATHS", "AVANCE_SETTLE"] { env.removeValue(forKey: key) }
        env["AVANCE_BIN"] = Child.binary
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func ingestsTheFoldersFromTheEnvironmentIntoTheDatabaseAndLogs() throws {
        let scratch = try Scratch()
        let shared = try scratch.sub("compartida")
        try Fixtures.write(Fixtures.report(1), to: shared + "/informe.txt")
        let db = scratch.path + "/var/avance.sqlite"
        let log = scratch.path + "/log/nightly.log"
        let env = ["AVANCE_NIGHTLY_PATHS": shared, "AVANCE_DB": db, "AVANCE_LOG": log, "AVANCE_SETTLE": "0"]

        let status = try nightly([], environment: env, in: scratch.path)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(status == 0, "\(text)")
        #expect(text.contains("nightly ingest: \(shared) -> \(db)"))
        #expect(text.contains("ingest: "))
        #expect(FileManager.default.fileExists(atPath: db))

        // A run that finds the database locked is skipped at once, and says so in the log.
        let lockPath = StoreLock.path(forDatabase: db)
        guard case .acquired(let lock) = try StoreLock.tryAcquire(path: lockPath) else {
            Issue.record("the lock was not free after the nightly run")
            return
        }
        let skipped = try nightly([], environment: env, in: scratch.path)
        withExtendedLifetime(lock) {}
        #expect(skipped == 75)
        let after = try String(contentsOfFile: log, encoding: .utf8)
        #expect(after.contains("=== skipped: another run holds \(db)"))
        #expect(after.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
    }

    @Test func withoutAFolderItIsAUsageError() throws {
        let scratch = try Scratch()
        #expect(try nightly([], environment: [:], in: scratch.path) == 64)
    }

    // MARK: - A shared folder over several nights

    /// `avance ingest` as the nightly job runs it on one folder, with the settle time kept.
    func night(_ folder: String, _ scratch: Scratch, _ extra: [String] = []) throws -> (Child.Result, Summary) {
        let run = try Child.run(["ingest", folder, "--db", scratch.database, "--log-format", "json"] + extra, in: scratch.path)
        return (run, try Summary(run.stdout))
    }

    static let readme = "# Carpeta de informes\n\nAquí se dejan los informes trimestrales de avance.\n"
    static let truncatedPDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"

    /// A README and a JSON file are no reports: remembered, not read again, no exit 2. A broken
    /// PDF fails once (exit 2), then is a known failure (exit 0); another broken PDF is a new
    /// failure (exit 2) the night it comes; a file still being written settles, with a hint,
    /// and is taken the next night; a changed README is read again.
    @Test func aSharedFolderOverSeveralNights() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        var files = try Fixtures.writeReports(0..<2, into: folder)
        try Fixtures.write(Self.readme, to: folder + "/README.md")
        try Fixtures.write("{\"archivos\": [\"a.txt\", \"b.txt\"], \"actualizado\": true}\n", to: folder + "/indice.json")
        try Fixtures.write(Self.truncatedPDF, to: folder + "/roto.pdf")
        files += [folder + "/README.md", folder + "/indice.json", folder + "/roto.pdf"]
        for file in files { try Fixtures.setModified(file, secondsAgo: 3600) }

        // Night 1: two reports, two files that are no reports, one new failure.
        let (first, one) = try night(folder, scratch)
        #expect(first.status == 2, "\(first.stderr)")
        #expect((one.new, one.notReports, one.failed, one.knownFailures, one.filesRead) == (2, 2, 1, 0, 5))
        let kinds = try scratch.open().read { db in
            try Row.fetchAll(db, sql: "SELECT path, kind, sha256 IS NOT NULL, avance_version FROM failures ORDER BY path")
        }
        #expect(kinds.map { [$0[0] as String, $0[1] as String] } == [
            [folder + "/README.md", "not-a-report"], [folder + "/indice.json", "not-a-report"], [folder + "/roto.pdf", "failure"],
        ])
        #expect(kinds.allSatisfy { ($0[2] as Bool) && ($0[3] as String?)?.isEmpty == false })

        // Night 2: nothing changed; nothing is read, and the known failure does not make exit 2.
        let (second, two) = try night(folder, scratch)
        #expect(second.status == 0, "\(second.stderr)")
        #expect((two.unchanged, two.notReports, two.failed, two.knownFailures, two.filesRead) == (2, 2, 0, 1, 0))
        #expect(LogLine.count("known failure", in: second.stderr) == 1)

        // Night 3: a new broken PDF, a report still being written, the old broken PDF touched
        // (same content: still known, after one read).
        try Fixtures.write(Self.truncatedPDF + "% otro\n", to: folder + "/otro.pdf")
        try Fixtures.setModified(folder + "/otro.pdf", secondsAgo: 3600)
        try Fixtures.write(Fixtures.report(7), to: folder + "/llegando.txt")
        try Fixtures.setModified(folder + "/roto.pdf", secondsAgo: 1800)
        let (third, three) = try night(folder, scratch)
        #expect(third.status == 2, "\(third.stderr)")
        #expect((three.failed, three.knownFailures, three.settling, three.notReports, three.filesRead) == (1, 1, 1, 2, 2))
        #expect(third.stderr.contains("ingest: 1 file was modified less than 60 s ago and may still be being written: it will be taken on the next run, or now with --settle 0"), "\(third.stderr)")

        // Night 4, with --settle 0: the settled report is taken; the README, edited, is read
        // again and is still no report; the new failure of last night is now known.
        try Fixtures.write(Self.readme + "\nActualizado.\n", to: folder + "/README.md")
        try Fixtures.setModified(folder + "/README.md", secondsAgo: 3600)
        let (fourth, four) = try night(folder, scratch, ["--settle", "0"])
        #expect(fourth.status == 0, "\(fourth.stderr)")
        #expect((four.new, four.notReports, four.failed, four.knownFailures, four.filesRead) == (1, 2, 0, 2, 2))
        #expect(!fourth.stderr.contains("settle 0"))

        // The failures table keeps the history: the README's first content, closed, then its second.
        let readmeRows = try scratch.open().read { db in
            try Row.fetchAll(db, sql: "SELECT kind, resolved_at IS NOT NULL FROM failures WHERE path = ? ORDER BY id", arguments: [folder + "/README.md"])
        }
        #expect(readmeRows.map { [$0[0] as String, String($0[1] as Bool)] } == [["not-a-report", "true"], ["not-a-report", "false"]])

        // findings --files and audit list them apart from the real failures.
        let listed = try Child.run(["findings", "--files", "--db", scratch.database, "--format", "jsonl"], in: scratch.path)
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ((($0["path"] as? String ?? "") as NSString).lastPathComponent, $0["kind"] as? String ?? "") }) == [
            "README.md": "not-a-report", "indice.json": "not-a-report", "roto.pdf": "failure", "otro.pdf": "failure",
        ])
        let audit = try Child.run(["audit", "--db", scratch.database, "--format", "json"], in: scratch.path)
        #expect(audit.status == 2, "two files could not be read")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
        let failed = (report["failures"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        let notReports = (report["notReports"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(Set(failed.map { ($0 as NSString).lastPathComponent }) == ["roto.pdf", "otro.pdf"])
        #expect(Set(notReports.map { ($0 as NSString).lastPathComponent }) == ["README.md", "indice.json"])
    }

    /// `--include` takes only the names that match; folders are still walked.
    @Test func includeTakesOnlyTheFilesThatMatch() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<2, into: folder + "/2024")
        try Fixtures.write(Self.readme, to: folder + "/README.md")
        try Fixtures.write(Self.truncatedPDF, to: folder + "/roto.pdf")
        let run = try Child.run(
            ["ingest", folder, "--db", scratch.database, "--settle", "0", "--log-format", "json", "--include", "*.txt"], in: scratch.path
        )
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try Summary(run.stdout)
        #expect((summary.filesSeen, summary.new, summary.failed, summary.notReports) == (2, 2, 0, 0))
    }

    /// `Scripts/nightly --config`, and `AVANCE_CONFIG` for avance itself: the configuration's
    /// `exclude` applies wherever cron runs it from.
    @Test func theConfigurationComesFromTheOptionOrTheEnvironment() throws {
        let scratch = try Scratch()
        let shared = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<1, into: shared)
        try Fixtures.write(Self.truncatedPDF, to: shared + "/borradores/roto.pdf")
        let config = scratch.path + "/etc/avance.yml"
        try Fixtures.write("exclude:\n  - borradores\n", to: config)
        let db = scratch.path + "/var/avance.sqlite"
        let log = scratch.path + "/nightly.log"
        let elsewhere = try scratch.sub("cron")
        let env = ["AVANCE_NIGHTLY_PATHS": shared, "AVANCE_DB": db, "AVANCE_LOG": log, "AVANCE_SETTLE": "0"]

        let status = try nightly(["--config", config], environment: env, in: elsewhere)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(status == 0, "\(text)")
        #expect(text.contains("(configuration \(config))"))
        #expect(text.contains("1 new") && text.contains("0 failed"), "\(text)")

        // The same through the environment, for avance alone.
        let other = scratch.path + "/otra.sqlite"
        let run = try Child.run(
            ["ingest", shared, "--db", other, "--settle", "0", "--log-format", "json"], in: elsewhere,
            environment: ["AVANCE_CONFIG": config]
        )
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Summary(run.stdout).filesSeen == 1)
        let without = try Child.run(["ingest", shared, "--db", other, "--settle", "0", "--log-format", "json"], in: elsewhere)
        #expect(without.status == 2, "without the configuration the draft is read, and fails")
        let missing = try Child.run(["ingest", shared, "--db", other], in: elsewhere, environment: ["AVANCE_CONFIG": scratch.path + "/no.yml"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("no.yml: cannot read the configuration: no such file"), "\(missing.stderr)")
    }
}
