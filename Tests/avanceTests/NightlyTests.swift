import AvanceStore
import Foundation
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
        for key in ["AVANCE_DB", "AVANCE_LOG", "AVANCE_NIGHTLY_PATHS", "AVANCE_SETTLE"] { env.removeValue(forKey: key) }
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
}
