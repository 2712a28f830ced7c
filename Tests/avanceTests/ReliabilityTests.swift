import AvanceCore
import Foundation
import GRDB
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `ingest` against a hostile report and a planted lock file: one file never stops the run, and
/// the lock never writes through a link.
@Suite struct ReliabilityTests {
    func ingest(_ paths: [String], _ scratch: Scratch) throws -> Child.Result {
        try Child.run(["ingest"] + paths + ["--db", scratch.database, "--settle", "0", "--log-format", "json"], in: scratch.path)
    }

    /// A figure of 400 digits among good reports. (It became infinity; storing its record's JSON
    /// threw, and the whole run stopped with 74, this file not even recorded, every night alike.)
    @Test func aFigureOutOfRangeStopsNothing() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<2, into: folder)
        let huge = folder + "/informe-enorme.txt"
        let text = Fixtures.report(7).replacingOccurrences(of: "es de 4 acciones", with: "es de \(String(repeating: "9", count: 400)) acciones")
        #expect(text != Fixtures.report(7))
        try Fixtures.write(text, to: huge)
        try Fixtures.writeReports(3..<5, into: folder)

        let run = try ingest([folder], scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try Summary(run.stdout)
        #expect((summary.new, summary.failed) == (5, 0))
        #expect(try scratch.count("SELECT COUNT(*) FROM current_records") == 5)
        #expect(try scratch.count("SELECT COUNT(*) FROM failures") == 0)
        // Stored as what it is: a report whose annual target is no number (and so is missing).
        let stored = try scratch.open().read { db in
            try Row.fetchOne(db, sql: """
                SELECT r.annual_target, r.period_target, r.json FROM current_records r
                JOIN locations l ON l.document_id = r.document_id AND l.is_current = 1 WHERE l.path = ?
                """, arguments: [huge])
        }
        let row = try #require(stored)
        #expect(row[0] as Double? == nil)
        #expect(row[1] as Double? == 2)
        let record = try JSONDecoder().decode(IndicatorRecord.self, from: Data((row[2] as String).utf8))
        #expect(record.targets.annual == nil)
        #expect(try scratch.count("SELECT COUNT(*) FROM findings WHERE path = '\(huge)' AND rule = 'missing-field'") == 1)
    }

    /// `avance.sqlite.lock -> victim`: the holder's lines were written into the victim.
    /// The copies avance stages for pdftotext and the C readers live in one folder per process;
    /// one killed outright leaves its folder, and the next avance that stages a file removes it.
    /// A live process's folder is left alone, and a run that ends removes its own.
    @Test func temporaryCopiesOfAKilledRunAreRemovedByTheNext() throws {
        let scratch = try Scratch()
        let temporary = try scratch.sub("tmp")
        // A process that has ended: its pid names no process now.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let leftover = temporary + "/avance-\(gone.processIdentifier)"
        try FileManager.default.createDirectory(atPath: leftover, withIntermediateDirectories: true)
        try Fixtures.write("copia de un informe", to: leftover + "/input.pdf")
        // This test process is alive: its folder (as if it were an avance) stays.
        let alive = temporary + "/avance-\(getpid())"
        try FileManager.default.createDirectory(atPath: alive, withIntermediateDirectories: true)

        let pdf = Fixtures.repository.appendingPathComponent("Samples/ipcen-2025-T3-C03.A02.pdf").path
        let run = try Child.run(["extract", "--pdf-engine", "pdftotext", pdf], in: scratch.path, environment: ["TMPDIR": temporary])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(FileManager.default.fileExists(atPath: alive))
        // The run's own folder went with it.
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary)
        #expect(left == ["avance-\(getpid())"])
    }

    @Test func aLockFileThatIsALinkIsRefusedAndItsTargetKept() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<1, into: folder)
        let victim = scratch.path + "/víctima.txt"
        try Fixtures.write("contenido que debe sobrevivir\n", to: victim)
        try FileManager.default.createSymbolicLink(atPath: scratch.database + ".lock", withDestinationPath: victim)

        let run = try ingest([folder], scratch)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("\(scratch.database).lock: cannot lock: the lock file is a symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "contenido que debe sobrevivir\n")
        #expect(!FileManager.default.fileExists(atPath: scratch.database), "refused before the database is opened")
    }

    /// A FIFO planted as the lock file is refused at once: opening it never waits for a writer.
    @Test func aLockFileThatIsNotARegularFileIsRefused() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.database + ".lock", 0o644) == 0)
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<1, into: folder)
        let run = try ingest([folder], scratch)
        #expect(run.status == 74, "\(run.stderr)")
        #expect(run.stderr.contains("the lock file is not a regular file"), "\(run.stderr)")
    }

    /// What the walk met but could not read (a dangling link, a FIFO) is seen too: "files seen"
    /// left them out, so seen was less than the files that made up the counts.
    @Test func filesSeenCountsWhatTheWalkCouldNotRead() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<2, into: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/roto.txt", withDestinationPath: folder + "/no-existe.txt")
        #expect(mkfifo(folder + "/cola.txt", 0o644) == 0)
        let run = try ingest([folder], scratch)
        #expect(run.status == 2, "\(run.stderr)")
        let summary = try Summary(run.stdout)
        #expect((summary.new, summary.failed, summary.filesSeen) == (2, 2, 4))
        #expect(try scratch.count("SELECT files_seen FROM runs") == 4)
    }

    /// A full disk (here /dev/full, which answers every write with ENOSPC) is named as such.
    @Test func anOutputOnAFullDiskSaysWhy() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Fixtures.writeReports(0..<2, into: folder)
        #expect(try ingest([folder], scratch).status == 0)
        for command in [["audit"], ["audit", "--format", "html"], ["export", "--format", "csv"]] {
            let run = try Child.run(command + ["--db", scratch.database, "--output", "/dev/full"], in: scratch.path)
            #expect(run.status == 74, "\(command)")
            #expect(run.stderr == "avance: /dev/full: cannot be written: No space left on device\n", "\(command)")
        }
    }

    /// A PDF whose every page holds one line that differs from the others only in its figures
    /// ("Acción número 3 ..."): those lines are the text, not a running header. (Every line was
    /// removed as one, and the file had "no text".)
    @Test func pageLinesThatDifferOnlyInTheirFiguresAreKeptWhenTheyAreAllTheText() throws {
        let scratch = try Scratch()
        let pages = (1...4).map { n in
            [MiniPDF.Text(x: 72, y: 700, text: "Acción número \(n): sesión de trabajo con la Fiscalía General del Estado.")]
        }
        let path = scratch.path + "/acciones.pdf"
        try Data(MiniPDF.make(pages: pages)).write(to: URL(fileURLWithPath: path))
        for engine in ["poppler", "pdftotext"] {
            let run = try Child.run(["extract", "--pdf-engine", engine, path], in: scratch.path)
            #expect(run.status == 0, "\(engine): \(run.stderr)")
            for n in 1...4 {
                #expect(run.stdout.contains("Acción número \(n): sesión de trabajo con la Fiscalía General del Estado."), "\(engine): \(run.stdout)")
            }
        }
    }
}
