import AvanceCore
import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `avance ingest` as users run it: the real binary over real folders into a real SQLite file.
@Suite struct IngestTests {
    static let isRoot = getuid() == 0

    func ingest(_ paths: [String], _ scratch: Scratch, _ extra: [String] = []) throws -> Child.Result {
        try Child.run(["ingest"] + paths + ["--db", scratch.database, "--settle", "0", "--log-format", "json"] + extra, in: scratch.path)
    }

    @Test func rerunsReadNothingAndChangesBecomeVersionsAndCopiesLocations() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        let paths = try Fixtures.writeReports(0..<5, into: folder)

        let first = try ingest([folder], scratch)
        #expect(first.status == 0, "\(first.stderr)")
        let s1 = try Summary(first.stdout)
        #expect((s1.new, s1.unchanged, s1.failed, s1.filesRead) == (5, 0, 0, 5))

        // Nothing new, and not one file read: the stamps decide.
        let second = try ingest([folder], scratch)
        let s2 = try Summary(second.stdout)
        #expect(second.status == 0)
        #expect((s2.new, s2.changed, s2.unchanged, s2.filesRead) == (0, 0, 5, 0))

        // One changed, one added, one copied under a second name.
        try Fixtures.write(Fixtures.report(0, revision: 1), to: paths[0])
        try Fixtures.write(Fixtures.report(5), to: folder + "/informe-005.txt")
        let copy = folder + "/subcarpeta/copia de informe-001.txt"
        try FileManager.default.createDirectory(atPath: folder + "/subcarpeta", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: paths[1], toPath: copy)
        let third = try ingest([folder], scratch)
        let s3 = try Summary(third.stdout)
        #expect(third.status == 0)
        #expect((s3.new, s3.changed, s3.duplicates, s3.unchanged, s3.filesRead) == (1, 1, 1, 4, 3))

        #expect(try scratch.count("SELECT COUNT(*) FROM documents") == 7)
        #expect(try scratch.count("SELECT COUNT(*) FROM documents WHERE superseded_by IS NOT NULL") == 1)
        // The changed path keeps its history: two locations, one current.
        let history = try scratch.open().read { db in
            try Row.fetchAll(db, sql: "SELECT is_current, replaced_at IS NOT NULL FROM locations WHERE path = ? ORDER BY id", arguments: [paths[0]])
                .map { [$0[0] as Int, $0[1] as Int] }
        }
        #expect(history == [[0, 1], [1, 0]])
        // The copy is a second current location of one document.
        let holders = try scratch.open().read { db in
            try String.fetchAll(db, sql: """
                SELECT path FROM locations WHERE is_current = 1 AND document_id =
                    (SELECT document_id FROM locations WHERE path = ?) ORDER BY path
                """, arguments: [paths[1]])
        }
        #expect(holders == [paths[1], copy].sorted())
        #expect(try scratch.count("SELECT COUNT(DISTINCT document_id) FROM current_records") == 6)

        // A touched file is read once, found the same, and counted unchanged.
        try Fixtures.setModified(paths[2], secondsAgo: 3600)
        let fourth = try Summary(try ingest([folder], scratch).stdout)
        #expect((fourth.new, fourth.changed, fourth.unchanged, fourth.filesRead) == (0, 0, 7, 1))
        #expect(try scratch.count("SELECT COUNT(*) FROM runs WHERE status = 'finished'") == 4)
        #expect(try scratch.count("SELECT COUNT(*) FROM runs WHERE avance_version = '\(AvanceVersionProbe.current)'") == 4)
    }

    @Test func aRunKilledMidwayLeavesAConsistentStoreAndTheNextStoresTheRest() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("lote")
        let total = 600
        try Fixtures.writeReports(0..<total, into: folder)

        let child = try Child(
            ["ingest", folder, "--db", scratch.database, "--settle", "0", "--jobs", "1", "--log-format", "json"],
            in: scratch.path
        )
        let storedSome = child.waitForStderr { LogLine.count("new", in: $0) >= 25 }
        child.signal(SIGKILL)
        let killed = child.finish()
        #expect(storedSome, "the run ended before storing 25 documents: \(killed.stderr.suffix(2000))")
        #expect(killed.killedBySignal, "the run finished before it could be killed")

        let before = try scratch.count("SELECT COUNT(*) FROM documents")
        #expect(before >= 25 && before < total)
        // Every stored document came with its record and its location, or not at all.
        #expect(try scratch.count("SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM records)") == 0)
        #expect(try scratch.count("SELECT COUNT(*) FROM documents WHERE id NOT IN (SELECT document_id FROM locations)") == 0)

        let rerun = try ingest([folder], scratch)
        #expect(rerun.status == 0, "\(rerun.stderr.suffix(2000))")
        let summary = try Summary(rerun.stdout)
        #expect(summary.new == total - before)
        #expect(summary.unchanged == before)
        #expect(summary.filesRead == total - before)

        #expect(try scratch.count("SELECT COUNT(*) FROM documents") == total)
        #expect(try scratch.count("SELECT COUNT(DISTINCT sha256) FROM documents") == total)
        #expect(try scratch.count("SELECT COUNT(*) FROM locations") == total)
        #expect(try scratch.count("SELECT COUNT(DISTINCT path) FROM locations WHERE is_current = 1") == total)
        #expect(try scratch.count("SELECT COUNT(*) FROM (SELECT document_id FROM records GROUP BY document_id, ordinal HAVING COUNT(*) > 1)") == 0)
        let integrity = try scratch.open().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let statuses = try scratch.open().read { db in try String.fetchAll(db, sql: "SELECT status FROM runs ORDER BY id") }
        #expect(statuses == ["interrupted", "finished"])
    }

    @Test func aSecondRunExits75NamingTheHolderOrWaitsWithWait() throws {
        let scratch = try Scratch()
        let big = try scratch.sub("grande")
        try Fixtures.writeReports(0..<300, into: big)
        let small = try scratch.sub("chica")
        try Fixtures.writeReports(300..<301, into: small)

        let holder = try Child(
            ["ingest", big, "--db", scratch.database, "--settle", "0", "--jobs", "1", "--log-format", "json"],
            in: scratch.path
        )
        #expect(holder.waitForStderr { LogLine.count("started", in: $0) == 1 })
        // Stopped, the holder keeps the lock for as long as the test needs, with no timing involved.
        holder.signal(SIGSTOP)
        #expect(holder.isRunning)

        let refused = try Child.run(["ingest", small, "--db", scratch.database, "--settle", "0"], in: scratch.path)
        #expect(refused.status == 75)
        #expect(refused.stderr.contains("pid \(holder.pid)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--wait"))
        #expect(refused.stdout.isEmpty)

        let waiter = try Child(
            ["ingest", small, "--db", scratch.database, "--settle", "0", "--wait", "--log-format", "json"],
            in: scratch.path
        )
        let waiting = waiter.waitForStderr { stderr in
            LogLine.all(stderr).contains { $0.message == "waiting for the lock" && $0.holder?.contains("pid \(holder.pid)") == true }
        }
        #expect(waiting, "\(waiter.stderr)")
        #expect(LogLine.count("started", in: waiter.stderr) == 0)
        holder.signal(SIGCONT)

        let held = holder.finish()
        let waited = waiter.finish()
        #expect(held.status == 0, "\(held.stderr.suffix(2000))")
        #expect(waited.status == 0, "\(waited.stderr.suffix(2000))")
        #expect(try Summary(waited.stdout).filesSeen == 1)
        let runs = try scratch.open().read { db in try Row.fetchAll(db, sql: "SELECT pid, status FROM runs ORDER BY id") }
        #expect(runs.map { $0[0] as Int32 } == [holder.pid, waiter.pid])
        #expect(runs.map { $0[1] as String } == ["finished", "finished"])
    }

    @Test func brokenAndUnreadableFilesAreRecordedAndEverythingElseIsStored() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("mixta")
        try Fixtures.writeReports(0..<3, into: folder)
        let bad = try BadEntries(in: folder)

        let run = try ingest([folder], scratch)
        #expect(run.status == 2)
        let summary = try Summary(run.stdout)
        #expect(summary.new == 3)
        #expect(summary.failed == bad.failing.count)
        #expect(summary.ignored == 1)
        let failures = try scratch.open().read { db in
            try String.fetchAll(db, sql: "SELECT path FROM failures WHERE resolved_at IS NULL ORDER BY path")
        }
        #expect(failures == bad.failing.sorted())
        #expect(try scratch.count("SELECT COUNT(*) FROM documents") == 3)

        // Known next run: the same files failing the same way are not read again and do not
        // make exit status 2; stored ones untouched.
        let again = try ingest([folder], scratch)
        #expect(again.status == 0, "\(again.stderr)")
        let second = try Summary(again.stdout)
        // Only the image is read again: it is no report format, ignored, not remembered.
        #expect((second.unchanged, second.failed, second.knownFailures, second.filesRead) == (3, 0, bad.failing.count, 1))
        #expect(try scratch.count("SELECT COUNT(*) FROM failures WHERE resolved_at IS NULL") == bad.failing.count)
    }

    /// A real PDF that keeps poppler busy far longer than a report does: a million glyphs
    /// scattered over one page (3.5 MB; pdftotext needs seconds for it).
    static func glyphStorm(glyphs: Int = 1_000_000) -> [UInt8] {
        var content = Array("BT /F1 4 Tf ".utf8)
        content.reserveCapacity(glyphs * 28)
        for i in 0..<glyphs {
            content += Array("1 0 0 1 \((i * 7919) % 600) \((i * 104_729) % 780) Tm (ab) Tj ".utf8)
        }
        content += Array("ET".utf8)
        return MiniPDF.make(contents: [content])
    }

    /// A folder `lote` of two reports and the glyph storm (`tormenta.pdf`).
    static func reportsAndStorm(in scratch: Scratch) throws -> (folder: String, storm: String) {
        let folder = try scratch.sub("lote")
        try Fixtures.writeReports(0..<2, into: folder)
        let storm = folder + "/tormenta.pdf"
        try Data(glyphStorm()).write(to: URL(fileURLWithPath: storm))
        return (folder, storm)
    }

    /// The reason stored for the failure at `path`.
    static func failureReason(of path: String, in scratch: Scratch) throws -> String? {
        try scratch.open().read { db in
            try String.fetchOne(db, sql: "SELECT reason FROM failures WHERE path = ?", arguments: [path])
        }
    }

    @Test func aPDFThatHoldsTheReaderPastItsTimeFailsAloneAndIsTriedAgain() throws {
        let scratch = try Scratch()
        let (folder, storm) = try Self.reportsAndStorm(in: scratch)
        try FileManager.default.copyItem(atPath: Fixtures.repository.appendingPathComponent("Samples/ipcen-2025-T3-C03.A02.pdf").path,
                                         toPath: folder + "/ipcen.pdf")

        // The PDF worker reading the storm is stopped at the limit; the worker after it reads the next PDF.
        let run = try ingest([folder], scratch, ["--pdf-timeout", "0.3", "--jobs", "1"])
        #expect(run.status == 2, "\(run.stderr)")
        let summary = try Summary(run.stdout)
        #expect((summary.new, summary.failed) == (3, 1))
        let reason = try Self.failureReason(of: storm, in: scratch)
        #expect(reason == "the PDF reader (poppler) did not finish within 0.3 s and was stopped")
        #expect(try scratch.count("SELECT COUNT(*) FROM documents") == 3)

        // The next run knows it and does not read it; --retry-failures tries it again, and only it:
        // the same reason, still known.
        let known = try ingest([folder], scratch, ["--pdf-timeout", "0.3"])
        #expect(known.status == 0)
        #expect(try Summary(known.stdout).knownFailures == 1 && Summary(known.stdout).filesRead == 0)
        let rerun = try ingest([folder], scratch, ["--pdf-timeout", "0.3", "--retry-failures"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let again = try Summary(rerun.stdout)
        #expect((again.unchanged, again.failed, again.knownFailures, again.filesRead) == (3, 0, 1, 1))
        #expect(try scratch.count("SELECT attempts FROM failures") == 2)
    }

    /// `--time-limit` holds for a PDF as for any file, although a PDF is waited for off the
    /// tasks' threads: the storm is given up at the limit, and with one job its slot is given
    /// back then, so the reports after it are read while its worker is still busy with it.
    @Test func aPDFPastTheTimeLimitIsGivenUpAndTheFilesAfterItAreRead() throws {
        let scratch = try Scratch()
        let (folder, storm) = try Self.reportsAndStorm(in: scratch)

        let run = try ingest([folder], scratch, ["--time-limit", "0.3", "--jobs", "1"])
        #expect(run.status == 2, "\(run.stderr)")
        let summary = try Summary(run.stdout)
        #expect((summary.new, summary.failed) == (2, 1))
        let reason = try Self.failureReason(of: storm, in: scratch)
        #expect(reason == "reading it took longer than 0.3 s and was given up (see --time-limit)")
        #expect(try scratch.count("SELECT COUNT(*) FROM documents") == 2)
    }

    @Test func linkLoopsFIFOsAndDanglingLinksAreFailuresAndTheRunGoesOn() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("rara")
        let bad = try BadEntries(in: folder)

        let run = try ingest([folder], scratch)
        #expect(run.status == 2)
        let reasons = Dictionary(
            LogLine.all(run.stderr).filter { $0.message == "failed" }.compactMap { line in line.path.map { ($0, line.reason ?? "") } },
            uniquingKeysWith: { a, _ in a }
        )
        #expect(Set(reasons.keys) == Set(bad.failing))
        #expect(reasons[bad.fifo] == "not a regular file (a FIFO); not read")
        #expect(reasons[bad.dangling]?.contains("dangling symbolic link") == true)
        #expect(reasons[bad.selfLoop]?.contains("symbolic link loop") == true)
        #expect(reasons[bad.dirLoop]?.contains("leads back to \(folder)") == true)
        #expect(reasons[bad.empty] == "the file is empty")
        #expect(reasons[bad.binaryPDF] == "binary data, not a PDF, HTML, text, CSV or spreadsheet (XLSX, XLS, ODS) report")
        #expect(reasons[bad.brokenPDF]?.isEmpty == false)
        if let unreadable = bad.unreadable { #expect(reasons[unreadable]?.contains("cannot be read") == true) }
        let summary = try Summary(run.stdout)
        #expect(summary.ignored == 1)
        #expect(summary.failed == bad.failing.count)

        // Met again the same way: known, one row per path still, and exit status 0.
        let rerun = try ingest([folder], scratch)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try Summary(rerun.stdout).knownFailures == bad.failing.count)
        #expect(try scratch.count("SELECT COUNT(*) FROM failures") == bad.failing.count)
    }

    @Test func hiddenTemporaryAndDatabaseFilesArePassedOverAndImagesIgnored() throws {
        let scratch = try Scratch()
        // The database lives inside the folder it ingests, as on a shared drive.
        try Fixtures.write("x", to: scratch.path + "/.oculto.txt")
        try Fixtures.write("x", to: scratch.path + "/~$informe.docx")
        try Fixtures.write("x", to: scratch.path + "/.git/config")
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: scratch.path + "/foto.jpg"))

        let first = try ingest([scratch.path], scratch)
        #expect(first.status == 0, "\(first.stderr)")
        let summary = try Summary(first.stdout)
        #expect((summary.filesSeen, summary.ignored, summary.failed) == (1, 1, 0))
        // The second run finds the database, its WAL and lock files beside it, and still sees one file.
        #expect(try Summary(try ingest([scratch.path], scratch).stdout).filesSeen == 1)

        // --exclude passes over names that match, files and whole folders alike.
        try Fixtures.write("{}", to: scratch.path + "/expected/a.json")
        try Fixtures.write("x", to: scratch.path + "/notas.json")
        try Fixtures.write("x", to: scratch.path + "/borradores/b.txt")
        let excluding = try Summary(try ingest([scratch.path], scratch, ["--exclude", "*.json", "--exclude", "borradores"]).stdout)
        #expect((excluding.filesSeen, excluding.failed) == (1, 0))
        #expect(try Summary(try ingest([scratch.path], scratch).stdout).filesSeen == 4)
    }

    @Test func filesStillBeingWrittenSettleFirst() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("llegando")
        let old = folder + "/viejo.bin"
        let fresh = folder + "/nuevo.bin"
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: old))
        try Data((0..<4096).map { UInt8($0 % 255) }).write(to: URL(fileURLWithPath: fresh))
        try Fixtures.setModified(old, secondsAgo: 7200)

        let run = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "3600", "--log-format", "json"], in: scratch.path)
        let summary = try Summary(run.stdout)
        #expect((summary.settling, summary.filesRead) == (1, 1))
        #expect(LogLine.all(run.stderr).first { $0.message == "settling" }?.path == fresh)

        try Fixtures.setModified(fresh, secondsAgo: 7200)
        let later = try Summary(try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "3600", "--log-format", "json"], in: scratch.path).stdout)
        #expect((later.settling, later.filesRead) == (0, 2))
    }

    /// Runs `avance ARGUMENTS` on a pseudo-terminal of `columns` columns (script(1)), as a
    /// person at a shell would; what the terminal received.
    static func onATerminal(_ arguments: [String], columns: Int, environment: [String: String] = [:]) throws -> String {
        let command = "stty cols \(columns); " + ([Child.binary] + arguments)
            .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        for key in ["NO_COLOR", "AVANCE_DB", "AVANCE_CONFIG"] { env.removeValue(forKey: key) }
        env["TERM"] = "xterm"
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let screen = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return screen
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func aTerminalGetsAProgressBarThatFitsAndTheSummary() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("terminal")
        try Fixtures.writeReports(0..<3, into: folder)
        let screen = try Self.onATerminal(["ingest", folder, "--db", scratch.database, "--settle", "0"], columns: 60)
        #expect(screen.contains("/3 files"), "\(screen)")
        #expect(screen.contains("ETA "), "\(screen)")
        #expect(screen.contains("\u{1B}[K"))
        #expect(screen.contains("ingest: "))
        #expect(!screen.contains(" info started"), "info lines stay off a terminal with a bar")
        // Every drawing of the bar fits in 59 columns: none wraps, so none is left behind.
        let drawings = screen.components(separatedBy: "\r\u{1B}[K").dropFirst().map { $0.prefix { $0 != "\r" && $0 != "\n" } }
        #expect(!drawings.isEmpty)
        for drawing in drawings where drawing.contains("/3 files") { #expect(drawing.count <= 59, "\(drawing)") }
        #expect(drawings.contains { $0.contains("/3 files") })
        // The widest terminals get the whole bar, rate included.
        let wide = try Self.onATerminal(["ingest", folder, "--db", scratch.database + "2", "--settle", "0"], columns: 200)
        #expect(wide.contains("files/s"), "\(wide)")

        // No bar for TERM=dumb, NO_COLOR or --quiet; --quiet prints nothing at all.
        for (extra, environment) in [([String](), ["TERM": "dumb"]), ([], ["NO_COLOR": "1"]), (["--quiet"], [:])] {
            let db = scratch.path + "/\(UUID().uuidString).sqlite"
            let plain = try Self.onATerminal(["ingest", folder, "--db", db, "--settle", "0"] + extra, columns: 80, environment: environment)
            #expect(!plain.contains("/3 files"), "\(extra) \(environment): \(plain)")
            #expect(plain.contains("ingest: 3 new") == extra.isEmpty, "\(plain)")
            if !extra.isEmpty { #expect(plain.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(plain)") }
        }
    }

    /// A scanned file's pages on the bar while OCR reads them.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a terminal"))
    func theBarShowsThePagesOCRReads() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("escaneados")
        try FileManager.default.copyItem(
            atPath: Fixtures.repository.appendingPathComponent("Samples/escaneados/ipcen-2025-T3-C03.A02-escaneado.pdf").path, toPath: folder + "/escaneado.pdf"
        )
        let screen = try Self.onATerminal(["ingest", folder, "--db", scratch.database, "--settle", "0"], columns: 120)
        #expect(screen.contains("OCR page 1/2") || screen.contains("OCR page 2/2"), "\(screen)")
        #expect(screen.contains("ingest: 1 new"), "\(screen)")
    }

    @Test func theDatabaseComesFromAVANCE_DBAndUsageErrorsExit64() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("vacia")
        let run = try Child.run(["ingest", folder, "--log-format", "json"], in: scratch.path, environment: ["AVANCE_DB": scratch.path + "/otra.sqlite"])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/otra.sqlite"))
        #expect(!FileManager.default.fileExists(atPath: scratch.database))

        // A file that is no SQLite database is refused, not overwritten.
        let notADatabase = scratch.path + "/notas.sqlite"
        try Fixtures.write("hola", to: notADatabase)
        let refused = try Child.run(["ingest", folder, "--db", notADatabase], in: scratch.path)
        #expect(refused.status == 74)
        #expect(refused.stderr.contains("avance: \(notADatabase): cannot open the database"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: notADatabase, encoding: .utf8) == "hola")

        #expect(try Child.run(["ingest"], in: scratch.path).status == 64)
        #expect(try Child.run(["ingest", folder, "--jobs", "0"], in: scratch.path).status == 64)
        #expect(try Child.run(["ingest", folder, "--settle", "-1"], in: scratch.path).status == 64)
        #expect(try Child.run(["export"], in: scratch.path).status == 64)
    }
}

/// Entries that cannot be stored: link loops, a dangling link, a FIFO, an empty file, a
/// truncated PDF, binary bytes under a .pdf name, and (when not root, who reads everything) a file without read permission. Plus an
/// image, which is no failure but is ignored.
struct BadEntries {
    var fifo: String
    var dangling: String
    var selfLoop: String
    var dirLoop: String
    var empty: String
    var brokenPDF: String
    var binaryPDF: String
    var unreadable: String?

    var failing: [String] {
        [fifo, dangling, selfLoop, dirLoop, empty, brokenPDF, binaryPDF] + (unreadable.map { [$0] } ?? [])
    }

    init(in folder: String) throws {
        let fm = FileManager.default
        fifo = folder + "/tuberia"
        #expect(mkfifo(fifo, 0o644) == 0)
        dangling = folder + "/enlace-roto.txt"
        try fm.createSymbolicLink(atPath: dangling, withDestinationPath: folder + "/no-existe.txt")
        selfLoop = folder + "/bucle"
        try fm.createSymbolicLink(atPath: selfLoop, withDestinationPath: selfLoop)
        try fm.createDirectory(atPath: folder + "/anidada", withIntermediateDirectories: true)
        dirLoop = folder + "/anidada/arriba"
        try fm.createSymbolicLink(atPath: dirLoop, withDestinationPath: "..")
        empty = folder + "/vacio.txt"
        try Data().write(to: URL(fileURLWithPath: empty))
        // A PDF cut off after its header, and bytes of no format under a .pdf name.
        brokenPDF = folder + "/truncado.pdf"
        try Data("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa".utf8)
            .write(to: URL(fileURLWithPath: brokenPDF))
        binaryPDF = folder + "/no-es.pdf"
        try Data((0..<2048).map { UInt8(($0 * 7) % 256) }).write(to: URL(fileURLWithPath: binaryPDF))
        try Data((0..<4096).map { UInt8($0 % 256) }).write(to: URL(fileURLWithPath: folder + "/foto.jpg"))
        if getuid() != 0 {
            let path = folder + "/sin-permiso.txt"
            try Fixtures.write(Fixtures.report(99), to: path)
            chmod(path, 0)
            unreadable = path
        }
        // As root (CI) permission bits do not stop reading; the FIFO and the dangling link
        // stand for the unreadable entries there.
    }
}

enum AvanceVersionProbe {
    /// The version the binary reports, as `avance --version` prints it.
    static let current: String = {
        guard let result = try? Child.run(["--version"], in: "/") else { return "" }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }()
}
