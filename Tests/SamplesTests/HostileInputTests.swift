import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `parse`, `check` and `extract` on inputs an attacker or an accident provides: what is not a
/// regular file is refused before it is opened, never waited on or read without end; the other
/// files are still read.
@Suite struct HostileInputTests {
    let original = Binary.packageRoot.appendingPathComponent("Samples/sesaeqroo-2024-T3-F.P.C01.A01.txt")

    /// A temporary folder, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avance-hostile-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// A FIFO nobody writes to and `/dev/zero`: opening the first waits forever, reading the second
    /// never ends. Each is one line on standard error naming it, exit status 2, and the good file
    /// is still read. The limit only turns a hang into a failure; nothing here waits on time.
    @Test(arguments: ["parse", "check", "extract"])
    func fifosAndDevicesAreRefusedBeforeTheyAreOpened(command: String) throws {
        let folder = try Folder()
        let fifo = folder.path("informe.txt")
        #expect(mkfifo(fifo, 0o600) == 0)
        let r = try Binary.run([command, fifo, "/dev/zero", original.path], limit: 60)
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("avance: \(fifo): not a regular file (a FIFO); not read\n"), "\(r.stderr)")
        #expect(r.stderr.contains("avance: /dev/zero: not a regular file (a device); not read\n"), "\(r.stderr)")
        #expect(String(decoding: r.stdout, as: UTF8.self).contains(command == "extract" ? "# \(original.path): text" : "sesaeqroo"), "the good file is still read")
    }

    /// `-` is standard input, read like a file (the record names it `-`).
    @Test func aDashReadsStandardInput() throws {
        let r = try Binary.run(["parse", "-"], input: original, limit: 60)
        #expect(r.status == 0, "\(r.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        #expect((record["source"] as? [String: Any])?["path"] as? String == "-")
        #expect((record["indicator"] as? [String: Any])?["code"] as? String == "01")
    }

    /// The reasons `ingest` gives, in the same words, and no Foundation error codes.
    @Test func linkLoopsAndProcFilesGetPlainReasons() throws {
        let folder = try Folder()
        let loop = folder.path("bucle.txt")
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let r = try Binary.run(["parse", loop, "/proc/self/status"], limit: 60)
        #expect(r.status == 2)
        #expect(r.stderr.contains("avance: \(loop): cannot be read: symbolic link loop"), "\(r.stderr)")
        #expect(r.stderr.contains("avance: /proc/self/status: not an indicator report"), "read like any text: \(r.stderr)")
        #expect(!r.stderr.contains("NSCocoaErrorDomain"))
        #expect(!r.stderr.contains("no such file"))
    }
}
