import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `export`, `findings` and `audit` read a database they may not write: owned by another user,
/// on a read-only mount, a 0444 copy in a folder they cannot write. (They opened it for writing
/// and exited 74, "attempt to write a readonly database".)
///
/// Root may write anything, so as root the readers run as `nobody` (through `setpriv`): the
/// folder and the file are then truly out of their reach, as for the auditor of a store that
/// the `avance` user writes.
@Suite struct ReadOnlyReaderTests {
    /// How to run avance as a user who cannot write the scratch folder; nil if there is no way.
    static let unprivileged: [String]? = {
        guard getuid() == 0 else { return [] }
        let setpriv = "/usr/bin/setpriv"
        return FileManager.default.isExecutableFile(atPath: setpriv)
            ? [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] : nil
    }()

    @Test(.enabled(if: unprivileged != nil, "running as root without /usr/bin/setpriv: root writes anything, so a read-only database cannot be made here"))
    func readersReadADatabaseTheyCannotWrite() throws {
        let through = try #require(Self.unprivileged)
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<4, into: folder)
        let ingest = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let commands = [
            ["export", "--format", "csv"], ["export", "--format", "jsonl"], ["findings"], ["findings", "--format", "json"],
            ["audit", "--format", "json"], ["audit", "--format", "csv"],
        ]
        let expected = try commands.map { try Child.run($0 + ["--db", scratch.database], in: scratch.path) }
        for result in expected { #expect(!result.stdout.isEmpty, "\(result.stderr)") }

        // A copy as a backup or a read-only mount holds it: every change in the file itself, no
        // write-ahead log or index beside it (the last connection to close removes them).
        let readOnly = try scratch.sub("solo-lectura")
        let copy = readOnly + "/avance.sqlite"
        try DatabaseQueue(path: scratch.database).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
        try FileManager.default.copyItem(atPath: scratch.database, toPath: copy)
        #expect(chmod(copy, 0o444) == 0 && chmod(readOnly, 0o555) == 0)
        defer { chmod(readOnly, 0o755) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly) == ["avance.sqlite"])
        let before = try Data(contentsOf: URL(fileURLWithPath: copy))

        for (command, want) in zip(commands, expected) {
            let got = try Child.run(command + ["--db", copy], in: scratch.path, through: through)
            #expect(got.status == want.status, "\(command): \(got.stderr)")
            #expect(got.stderr == want.stderr, "\(command)")
            // The same records and findings; only the database's path and the audit's time differ.
            func comparable(_ text: String) -> [Substring] {
                text.split(separator: "\n").filter { !$0.contains("\"generatedAt\"") }
            }
            #expect(comparable(got.stdout) == comparable(want.stdout.replacingOccurrences(of: scratch.database, with: copy)), "\(command)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: readOnly) == ["avance.sqlite"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == before)
    }
}
