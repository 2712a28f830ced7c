import AvanceCore
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

@testable import AvanceExtract

/// `PDFWorkerPool` over real worker processes: the built `avance pdf-worker`, and shell scripts
/// standing in for a worker that crashes or hangs on a file (the pool's command is configurable
/// precisely for this).
@Suite struct PDFWorkerPoolTests {
    static let worker = [Child.binary, "pdf-worker"]

    static func sample(_ name: String) -> String { Fixtures.repository.appendingPathComponent("Samples/\(name)").path }

    static func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// What `source` makes of the file at `path`: the pool, or poppler in this process to compare.
    static func read(_ source: some PDFPageModelSource, _ path: String) -> Result<PDFPageModel, ExtractError> {
        guard let bytes = try? bytes(path) else { return .failure(.unreadable(path: path, reason: "test could not read it")) }
        do {
            return .success(try source.pageModel(of: bytes, path: path))
        } catch {
            return .failure(error)
        }
    }

    /// Whether a process id still names a process (a zombie counts: it has not been reaped).
    static func exists(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno != ESRCH }

    /// A worker script: on its first start it does `firstStart` with the first request, later
    /// starts are the real worker. It writes its process id to `pid` in `folder` first.
    static func script(in folder: String, firstStart: String) throws -> [String] {
        let path = folder + "/worker.sh"
        let text = """
            #!/bin/sh
            echo $$ >> '\(folder)/pids'
            if mkdir '\(folder)/started' 2>/dev/null; then
                \(firstStart)
            fi
            exec '\(Child.binary)' pdf-worker

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o755)
        return [path]
    }

    static func pids(in folder: String) throws -> [Int32] {
        try String(contentsOfFile: folder + "/pids", encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
    }

    @Test func onePoolOfOneWorkerReadsManyFilesWithOneProcess() throws {
        let pool = PDFWorkerPool(command: Self.worker, workers: 1, timeout: 60)
        defer { pool.shutdown() }
        let names = ["sesaeqroo-2024-T3-F.P.C01.A01.pdf", "iqm-2024-T2-C02.A01-multipagina.pdf", "avance-indicadores-2024-T3-tabla.pdf"]
        var pid: Int32?
        for name in names + names {
            let path = Self.sample(name)
            #expect(try Self.read(pool, path).get() == Self.read(PopplerReader(), path).get())
            let alive = pool.workerProcessIDs
            #expect(alive.count == 1)
            if pid == nil { pid = alive.first }
            #expect(alive.first == pid)
        }
        #expect(pool.workersStarted == 1)
        // The errors of broken files come from the worker as the library gives them, and the
        // worker stays.
        for name in ["cifrado-con-contrasena.pdf", "truncado.pdf"] {
            let path = Self.sample(name)
            let result = Self.read(pool, path)
            #expect(result == Self.read(PopplerReader(), path))
            #expect(throws: ExtractError.self) { try result.get() }
        }
        #expect(pool.workersStarted == 1)
        #expect(pool.workerProcessIDs == [try #require(pid)])
        // Nothing of the test process leaks into the worker: its only socket is the one to the
        // pool (standard input, and the copy it answers on), and it has no pipe or file of ours.
        let fds = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(try #require(pid))/fd")
        let targets = fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid!)/fd/\($0)") }
        #expect(Set(targets.filter { $0.hasPrefix("socket:") }).count == 1)
        #expect(targets.filter { $0.hasPrefix("socket:") }.count == 2)
        #expect(!targets.contains { $0.hasPrefix("pipe:") || $0.hasPrefix("/work") || $0.hasPrefix("/tmp") })
    }

    @Test func aWorkerThatCrashesFailsThatFileOnlyAndIsReplaced() throws {
        let scratch = try Scratch()
        // It reads the first byte of its first request, then ends itself with SIGSEGV.
        let command = try Self.script(in: scratch.path, firstStart: "head -c 1 >/dev/null; kill -SEGV $$")
        let pool = PDFWorkerPool(command: command, workers: 1, timeout: 60)
        defer { pool.shutdown() }
        let first = Self.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf"), second = Self.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        let failure = Self.read(pool, first)
        #expect(failure == .failure(.pdfReaderStopped(path: first, detail: "signal 11")))
        if case .failure(let error) = failure {
            #expect(error.description == "\(first): the PDF reader stopped on this file (signal 11)")
        }
        #expect(try Self.read(pool, second).get().pages.count == 2)
        #expect(try Self.read(pool, first).get().pages.count == 5)
        #expect(pool.workersStarted == 2)
        let pids = try Self.pids(in: scratch.path)
        #expect(pids.count == 2)
        #expect(!Self.exists(pids[0]))
    }

    @Test func aWorkerThatHangsIsKilledAtTheTimeLimitAndTheNextFileIsRead() throws {
        let scratch = try Scratch()
        // It takes its first request and never answers.
        let command = try Self.script(in: scratch.path, firstStart: "exec cat >/dev/null")
        let pool = PDFWorkerPool(command: command, workers: 1, timeout: 3)
        defer { pool.shutdown() }
        let path = Self.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf")
        let start = Date()
        let failure = Self.read(pool, path)
        let took = Date().timeIntervalSince(start)
        #expect(failure == .failure(.pdfTimedOut(path: path, engine: PDFWorkerPool.engine, seconds: 3)))
        if case .failure(let error) = failure {
            #expect(error.reason == "the PDF reader (poppler) did not finish within 3 s and was stopped")
        }
        #expect(took >= 3)
        // Killed and reaped: its process id names nothing any more, and no worker is left.
        let hung = try #require(try Self.pids(in: scratch.path).first)
        #expect(!Self.exists(hung))
        #expect(pool.workerProcessIDs.isEmpty)
        #expect(try Self.read(pool, path).get().pages.count == 5)
        #expect(pool.workersStarted == 2)
    }

    @Test func aCommandThatCannotStartFailsEveryFileWithTheReason() {
        let pool = PDFWorkerPool(command: ["/nonexistent/avance", "pdf-worker"], workers: 2, timeout: 5)
        let path = Self.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        #expect(Self.read(pool, path) == .failure(.pdfReaderUnavailable(path: path, detail: "/nonexistent/avance: No such file or directory")))
        #expect(pool.workersStarted == 0)
    }

    /// As ingest calls it: many files at once from many threads, never more workers than asked.
    @Test func manyFilesAtOnceShareTheWorkers() throws {
        let pool = PDFWorkerPool(command: Self.worker, workers: 3, timeout: 60)
        defer { pool.shutdown() }
        let names = ["sesaeqroo-2024-T3-F.P.C01.A01.pdf", "iqm-2024-T2-C02.A01-multipagina.pdf", "avance-indicadores-2024-T3-tabla.pdf", "truncado.pdf"]
        let paths = (0..<16).map { Self.sample(names[$0 % names.count]) }
        let results = Mutex<[Int: Result<PDFPageModel, ExtractError>]>([:])
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let result = Self.read(pool, paths[i])
            results.withLock { $0[i] = result }
        }
        let all = results.withLock { $0 }
        for (i, path) in paths.enumerated() {
            #expect(all[i] == Self.read(PopplerReader(), path), "\(path)")
        }
        #expect(pool.workersStarted >= 1 && pool.workersStarted <= 3)
    }

    /// A file whose PDF a worker is reading lends its work slot meanwhile (`WorkSlots`): with
    /// one slot, another file takes it while the worker reads; the first takes it back after.
    @Test func aPDFInAWorkersHandsLendsItsWorkSlot() throws {
        let scratch = try Scratch()
        // The worker waits until the test opens the gate (a FIFO), then reads as the real one.
        let gate = scratch.path + "/gate"
        #expect(mkfifo(gate, 0o600) == 0)
        let command = try Self.script(in: scratch.path, firstStart: "cat '\(gate)' >/dev/null")
        let pool = PDFWorkerPool(command: command, workers: 1, timeout: 120)
        defer { pool.shutdown() }
        let slots = WorkSlots(1)
        var options = Extractor.Options()
        options.pdfWorkers = pool
        options.workSlots = slots
        let extractor = Extractor(options: options)
        let path = Self.sample("iqm-2024-T2-C02.A01-multipagina.pdf")

        let read = DispatchSemaphore(value: 0)
        let result = Mutex<Result<ExtractedDocument, ExtractError>?>(nil)
        slots.take()
        Thread.detachNewThread {
            let outcome = Result { () throws(ExtractError) in try extractor.extract(path: path) }
            slots.giveBack()
            result.withLock { $0 = outcome }
            read.signal()
        }
        // Taken here while the worker holds the file: the reading thread lent it.
        let taken = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            slots.take()
            taken.signal()
        }
        let lent = taken.wait(timeout: .now() + 60) == .success
        #expect(lent, "the slot was not lent while the worker held the file")
        // The gate opens (once the worker waits at it): the worker answers, and the file is
        // read once its slot is back.
        let opened = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let fd = open(gate, O_WRONLY)
            if fd >= 0 { close(fd) }
            opened.signal()
        }
        #expect(opened.wait(timeout: .now() + 120) == .success)
        if lent { slots.giveBack() }
        #expect(read.wait(timeout: .now() + 120) == .success)
        // Not lent: taken once the file is read, and given back, so that the slots are whole
        // when freed (libdispatch stops a program that frees a semaphore still in use).
        if !lent, taken.wait(timeout: .now() + 120) == .success { slots.giveBack() }
        let document = try #require(try result.withLock { $0 }?.get())
        #expect(document.pages == 2)
    }

    @Test func shutdownKillsAndReapsTheWorkers() throws {
        let pool = PDFWorkerPool(command: Self.worker, workers: 2, timeout: 60)
        let path = Self.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        #expect(try Self.read(pool, path).get().pages.count == 2)
        let pids = pool.workerProcessIDs
        #expect(pids.count == 1)
        #expect(pids.allSatisfy(Self.exists))
        pool.shutdown()
        #expect(pool.workerProcessIDs.isEmpty)
        #expect(!pids.contains(where: Self.exists))
        #expect(Self.read(pool, path) == .failure(.pdfReaderUnavailable(path: path, detail: "the PDF workers were shut down")))
    }

    /// A worker whose parent is killed outright dies too, even though its input is still open
    /// (here the test holds the other end): the kernel kills it (PR_SET_PDEATHSIG).
    @Test func aWorkerDiesWithTheProcessThatStartedIt() throws {
        let scratch = try Scratch()
        let fifo = scratch.path + "/requests"
        #expect(mkfifo(fifo, 0o600) == 0)
        let requests = open(fifo, O_RDWR)
        #expect(requests >= 0)
        defer { close(requests) }
        // The parent: a shell that starts the worker in the background, says its id, and waits.
        let parent = Process()
        parent.executableURL = URL(fileURLWithPath: "/bin/sh")
        parent.arguments = ["-c", "\"$1\" pdf-worker < \"$2\" & echo $!; wait", "sh", Child.binary, fifo]
        let out = Pipe()
        parent.standardOutput = out
        parent.standardError = FileHandle.nullDevice
        try parent.run()
        let answers = out.fileHandleForReading.fileDescriptor
        var line = ""
        while !line.hasSuffix("\n"), let byte = FileDescriptor.read(1, from: answers) { line += String(decoding: byte, as: UTF8.self) }
        let worker = try #require(Int32(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        // One file read and answered: the worker is past its start, where it asks for the signal.
        let path = Self.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        #expect(FileDescriptor.writeAll(PDFWorkerMessage.request(path: path, bytes: try Self.bytes(path)), to: requests))
        let header = try #require(FileDescriptor.read(9, from: answers).flatMap(PDFWorkerMessage.answerHeader))
        #expect(header.kind == 0)
        #expect(FileDescriptor.read(header.length, from: answers) != nil)
        #expect(Self.exists(worker))

        kill(parent.processIdentifier, SIGKILL)
        parent.waitUntilExit()
        // The worker holds the pipe's writing end: the pipe ends when the worker is gone.
        var entry = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
        #expect(poll(&entry, 1, 60_000) == 1, "the worker \(worker) outlived its parent")
        #expect(FileDescriptor.read(1, from: answers) == nil)
    }

    /// What the CLI runs again as its workers: this program's own file, by absolute path.
    @Test func theCurrentExecutableIsThisProgram() {
        let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        #expect(PDFWorkerPool.currentExecutable == own)
        #expect(PDFWorkerPool.currentExecutable.hasPrefix("/"))
    }

    @Test func theWorkerCommandIsHiddenFromHelp() throws {
        let scratch = try Scratch()
        let help = try Child.run(["--help"], in: scratch.path)
        #expect(help.status == 0)
        #expect(help.stdout.contains("ingest"))
        #expect(!help.stdout.contains("pdf-worker"))
    }
}
