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

    /// A figure of 400 digits is beyond a Double: it is no number, so the field is null, and
    /// nothing stops the other files. (It became infinity, which JSON cannot hold: `parse` exited 1
    /// and printed nothing of the files after it.)
    @Test(arguments: ["jsonl", "json"])
    func aFigureOutOfRangeIsNoNumberAndTheOtherFilesArePrinted(format: String) throws {
        let folder = try Folder()
        let huge = folder.path("enorme.txt")
        let text = try String(contentsOf: original, encoding: .utf8)
        let replaced = text.replacingOccurrences(of: "es de 4 acciones", with: "es de \(String(repeating: "9", count: 400)) acciones")
        #expect(replaced != text)
        try replaced.write(toFile: huge, atomically: true, encoding: .utf8)

        let r = try Binary.run(["parse", "--format", format, original.path, huge, original.path], limit: 120)
        #expect(r.status == 0, "\(r.stderr)")
        let records: [[String: Any]]
        if format == "json" {
            records = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        } else {
            records = try String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        let sources = records.map { ($0["source"] as? [String: Any])?["path"] as? String }
        try #require(sources == [original.path, huge, original.path])
        let annual = records.map { ($0["targets"] as? [String: Any])?["annual"] }
        #expect(annual[0] as? Double == 4)
        #expect(annual[1] is NSNull, "an out-of-range figure is no number: \(String(describing: annual[1]))")
        #expect((records[1]["targets"] as? [String: Any])?["period"] as? Double == 2, "the rest of the report is still read")
    }
}
