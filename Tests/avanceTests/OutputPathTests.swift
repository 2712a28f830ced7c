import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--output` of `export` and `audit`: what is there already is never destroyed by mistake, and
/// a file replaced is replaced in one step.
@Suite struct OutputPathTests {
    func populated() throws -> Scratch {
        try ExportFindingsTests().populated().0
    }

    func bytes(_ path: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// (`OutputSink.finish()` removed the destination recursively: `export --output .` deleted
    /// the current folder.)
    @Test(arguments: ["export", "audit"])
    func aFolderIsRefusedAndKept(command: String) throws {
        let scratch = try populated()
        let folder = try scratch.sub("informes")
        try Fixtures.write("no borrar", to: folder + "/a.txt")
        try Fixtures.write("tampoco", to: folder + "/sub/b.txt")
        let format = command == "export" ? ["--format", "csv"] : ["--format", "csv", "--fail-on", "never"]
        for output in [folder, "informes", "."] {
            let r = try Child.run([command, "--db", scratch.database] + format + ["--output", output], in: scratch.path)
            #expect(r.status == 64, "\(output): \(r.stderr)")
            #expect(r.stderr.contains("is a folder"), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
        #expect(try String(contentsOfFile: folder + "/a.txt", encoding: .utf8) == "no borrar")
        #expect(try String(contentsOfFile: folder + "/sub/b.txt", encoding: .utf8) == "tampoco")
        #expect(FileManager.default.fileExists(atPath: scratch.database))
    }

    /// (`export --db X --output X` replaced the database with a CSV.) Under its own name, another
    /// spelling, a link to it, or one of its companion files.
    @Test func theDatabaseIsRefusedUnderAnyName() throws {
        let scratch = try populated()
        let before = try bytes(scratch.database)
        let walBefore = FileManager.default.fileExists(atPath: scratch.database + "-wal")
        try FileManager.default.createSymbolicLink(atPath: scratch.path + "/enlace.sqlite", withDestinationPath: scratch.database)
        _ = try scratch.sub("sub")
        for output in [scratch.database, "avance.sqlite", "sub/../avance.sqlite", "enlace.sqlite", "avance.sqlite-wal", "avance.sqlite.lock"] {
            for command in [["export", "--format", "csv"], ["audit", "--format", "json"]] {
                let r = try Child.run(command + ["--db", scratch.database, "--output", output], in: scratch.path)
                #expect(r.status == 64, "\(command[0]) --output \(output): \(r.stderr)")
                #expect(r.stderr.contains("is the database"), "\(r.stderr)")
            }
        }
        #expect(try bytes(scratch.database) == before)
        #expect(FileManager.default.fileExists(atPath: scratch.database + "-wal") == walBefore)
        #expect(!FileManager.default.fileExists(atPath: scratch.database + ".lock"))
        #expect(try scratch.count("SELECT COUNT(*) FROM records") == 3)
    }

    /// (`--output -` created a file named `-`.)
    @Test(arguments: ["export", "audit"])
    func aDashIsStandardOutput(command: String) throws {
        let scratch = try populated()
        let args = command == "export" ? ["export", "--format", "csv"] : ["audit", "--format", "csv", "--fail-on", "never", "--lang", "en"]
        let r = try Child.run(args + ["--db", scratch.database, "--output", "-"], in: scratch.path)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try CSVReader.parse(r.stdout)
        #expect(rows.first?.first == (command == "export" ? "sha256" : "severity"))
        #expect(rows.count > 1)
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/-"))
    }

    /// Written beside it and renamed over it: a hard link to the old file still holds the old
    /// content (it was not truncated and rewritten in place), the permissions stay, and no
    /// temporary file is left.
    @Test func anExistingFileIsReplacedInOneRename() throws {
        let scratch = try populated()
        let output = scratch.path + "/registros.csv"
        try Fixtures.write("versión anterior", to: output)
        #expect(chmod(output, 0o640) == 0)
        #expect(link(output, scratch.path + "/copia-anterior.csv") == 0)
        var old = stat()
        #expect(stat(output, &old) == 0)

        let r = try Child.run(["export", "--db", scratch.database, "--format", "csv", "--output", output], in: scratch.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(try CSVReader.parse(String(contentsOfFile: output, encoding: .utf8)).count == 3)
        #expect(try String(contentsOfFile: scratch.path + "/copia-anterior.csv", encoding: .utf8) == "versión anterior")
        var new = stat()
        #expect(stat(output, &new) == 0)
        #expect(new.st_ino != old.st_ino, "a new file renamed into place")
        #expect(new.st_mode & 0o777 == 0o640)
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        #expect(names.filter { $0.contains("partial") }.isEmpty, "\(names)")
    }

    /// A FIFO (or a character device such as `/dev/null`) is written into as it is: a rename
    /// would put a regular file in its place and leave its reader waiting.
    @Test func aFIFOIsWrittenIntoNotReplaced() throws {
        let scratch = try populated()
        let fifo = scratch.path + "/tubo.csv"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = FIFOReader(fifo)
        let r = try Child.run(["export", "--db", scratch.database, "--format", "csv", "--output", fifo], in: scratch.path)
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO, "still the FIFO")
        let received = try #require(reader.wait(seconds: 60), "nothing was written into the FIFO")
        #expect(try CSVReader.parse(String(decoding: received, as: UTF8.self)).count == 3)
    }

    /// A link to a report file is written through: the file it leads to is replaced, the link kept.
    @Test func aLinkIsWrittenThrough() throws {
        let scratch = try populated()
        let target = try scratch.sub("destino") + "/hallazgos.csv"
        try Fixtures.write("antes", to: target)
        let link = scratch.path + "/hallazgos.csv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let r = try Child.run(["audit", "--db", scratch.database, "--format", "csv", "--fail-on", "never", "--lang", "en", "--output", link], in: scratch.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("severity,rule,"))
    }
}

/// Reads a FIFO to its end on a thread of its own (opening it waits for a writer).
private final class FIFOReader: @unchecked Sendable {
    // @unchecked: `data` is written before `done` is signalled and read only after waiting on it.
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ path: String) {
        Thread { [self] in
            if let handle = FileHandle(forReadingAtPath: path) {
                data = handle.readDataToEndOfFile()
                try? handle.close()
            }
            done.signal()
        }.start()
    }

    /// What was read, or nil if no writer came within the time (a guard against a hung test).
    func wait(seconds: Double) -> Data? {
        done.wait(timeout: .now() + seconds) == .success ? data : nil
    }
}
