import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `avance ingest` stopped in the middle of a PDF: SIGTERM and SIGINT stop it cleanly, and
/// nothing it started outlives it, even when it is killed outright.
///
/// A stand-in `pdftotext` (first on `PATH`, with `--pdf-engine pdftotext`) says its process id
/// through a FIFO the test reads, and then hangs holding the FIFO open: the test knows avance
/// is in the middle of a file without sleeping, and sees the FIFO end when that program is gone.
@Suite struct InterruptionTests {
    /// A folder of reports with a PDF among them, the stand-in, and the FIFO it answers on.
    struct Setup {
        let scratch: Scratch
        let folder: String
        let temporary: String
        let fifo: String
        let environment: [String: String]

        init() throws {
            scratch = try Scratch()
            folder = try scratch.sub("compartida")
            try Fixtures.writeReports(0..<3, into: folder)
            let pdf = Fixtures.repository.appendingPathComponent("Samples/ipcen-2025-T3-C03.A02.pdf").path
            try FileManager.default.copyItem(atPath: pdf, toPath: folder + "/informe.pdf")
            temporary = try scratch.sub("tmp")
            let bin = try scratch.sub("bin")
            fifo = scratch.path + "/pdftotext-pid"
            #expect(mkfifo(fifo, 0o600) == 0)
            let script = """
                #!/bin/sh
                # Says who it is on the FIFO, then hangs holding it open (as pdftotext on a
                # compression bomb would run on).
                exec 3>"$AVANCE_TEST_FIFO"
                echo $$ >&3
                exec sleep 100000

                """
            try Fixtures.write(script, to: bin + "/pdftotext")
            chmod(bin + "/pdftotext", 0o755)
            environment = [
                "PATH": bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
                "TMPDIR": temporary, "AVANCE_TEST_FIFO": fifo,
            ]
        }

        func start() throws -> Child {
            try Child(
                ["ingest", folder, "--db", scratch.database, "--settle", "0", "--pdf-engine", "pdftotext",
                 "--jobs", "1", "--log-format", "json"],
                in: scratch.path, environment: environment
            )
        }
    }

    /// The FIFO's reading end, opened before avance starts (without waiting for a writer).
    struct Listener {
        let fd: Int32

        init(_ fifo: String) {
            fd = open(fifo, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        }

        /// Waits for the stand-in's process id. (The timeout only guards against a hung test.)
        func pid() -> Int32? {
            var line = ""
            while !line.hasSuffix("\n") {
                var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                guard poll(&entry, 1, 120_000) == 1 else { return nil }
                var byte: UInt8 = 0
                let n = read(fd, &byte, 1)
                if n == 1 { line.append(Character(UnicodeScalar(byte))) } else if n == 0 { return nil }
            }
            return Int32(line.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// True once every writer is gone, that is once the stand-in has ended.
        func writersGone() -> Bool {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 60_000) == 1 else { return false }
            var byte: UInt8 = 0
            return read(fd, &byte, 1) == 0
        }
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalStopsAnIngestCleanly(signal: Int32) throws {
        let setup = try Setup()
        let listener = Listener(setup.fifo)
        #expect(listener.fd >= 0)
        defer { close(listener.fd) }
        let child = try setup.start()
        let pid = try #require(listener.pid(), "the stand-in pdftotext never started: \(child.stderr)")
        // avance is in the middle of the PDF: its copy is staged in its temporary folder.
        #expect(FileManager.default.fileExists(atPath: setup.temporary + "/avance-\(child.pid)"))

        child.signal(signal)
        let result = child.finish()
        let expected: Int32 = signal == SIGINT ? 130 : 143
        #expect(!result.killedBySignal)
        #expect(result.status == expected, "\(result.stderr)")
        #expect(listener.writersGone(), "pdftotext (\(pid)) outlived avance")
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.temporary).isEmpty)
        let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
        #expect(result.stderr.contains("avance: interrupted by \(name): run 1 recorded as interrupted"), "\(result.stderr)")
        #expect(try Summary(result.stdout).exitCode == Int(expected))

        // The run is recorded as interrupted, and what was stored is whole.
        let run = try setup.scratch.open().read { db in
            try Row.fetchOne(db, sql: "SELECT status, exit_code, finished_at FROM runs WHERE id = 1")
        }
        #expect(run?[0] as String? == "interrupted")
        #expect(run?[1] as Int? == Int(expected))
        #expect(run?[2] as String? != nil)
        #expect(try setup.scratch.count("""
            SELECT COUNT(*) FROM documents d
            WHERE d.record_count != (SELECT COUNT(*) FROM records r WHERE r.document_id = d.id)
            """) == 0)
        #expect(try setup.scratch.count("SELECT COUNT(*) FROM failures") == 0, "the file in progress is no failure")

        // The next run (with the real pdftotext) takes the rest.
        let again = try Child.run(
            ["ingest", setup.folder, "--db", setup.scratch.database, "--settle", "0", "--pdf-engine", "pdftotext", "--log-format", "json"],
            in: setup.scratch.path, environment: ["TMPDIR": setup.temporary]
        )
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try setup.scratch.count("SELECT COUNT(*) FROM locations WHERE is_current = 1") == 4)
        #expect(try setup.scratch.count("SELECT COUNT(*) FROM runs WHERE status = 'interrupted'") == 1)
    }

    /// `kill -9`: avance cannot do anything, but the kernel kills its pdftotext with it.
    @Test func pdftotextDiesWithAvanceKilledOutright() throws {
        let setup = try Setup()
        let listener = Listener(setup.fifo)
        #expect(listener.fd >= 0)
        defer { close(listener.fd) }
        let child = try setup.start()
        let pid = try #require(listener.pid(), "the stand-in pdftotext never started: \(child.stderr)")
        child.signal(SIGKILL)
        let result = child.finish()
        #expect(result.killedBySignal)
        #expect(listener.writersGone(), "pdftotext (\(pid)) outlived avance")
    }
}
