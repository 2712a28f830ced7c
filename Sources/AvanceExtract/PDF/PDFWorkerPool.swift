import Foundation
import Synchronization

/// Reads PDFs with poppler's library in worker processes avance supervises (`avance
/// pdf-worker`, see `PDFWorker`): a file that crashes or hangs the C library fails alone,
/// with its reason, and the next file goes to a fresh worker.
///
/// Up to `workers` processes, started when first needed and kept for the files that follow:
/// no process is started per file. A file is given to an idle worker; past `timeout` seconds
/// its worker is killed and the file fails (`pdfTimedOut`); a worker that dies on a file
/// fails that file (`pdfReaderStopped`, with the signal). Either way the worker is reaped
/// and forgotten, and the next file starts another. Safe to call from many threads at once;
/// a call waits while all workers are busy.
///
/// Workers die with avance (they ask the kernel to be killed when it goes) and with the pool:
/// `shutdown()`, also run when the pool is freed, kills them.
public final class PDFWorkerPool: PDFPageModelSource, Sendable {
    /// How errors name this engine.
    public static let engine = "the PDF reader (poppler)"

    /// The worker's program and arguments (an absolute path first; no shell).
    public let command: [String]
    public let workers: Int
    /// Seconds a worker may spend on one file.
    public let timeout: Double

    private let slots: DispatchSemaphore
    private let state = Mutex(State())

    private struct State {
        var idle: [Worker] = []
        var busy: [pid_t: Worker] = [:]
        var started = 0
        var isShutDown = false
    }

    /// `command` is run as is, e.g. `[PDFWorkerPool.currentExecutable, "pdf-worker"]`.
    public init(command: [String], workers: Int, timeout: Double) {
        precondition(!command.isEmpty && workers >= 1 && timeout > 0)
        self.command = command
        self.workers = workers
        self.timeout = timeout
        slots = DispatchSemaphore(value: workers)
    }

    deinit { shutdown() }

    /// This program's own file (`/proc/self/exe`), to run it again as a worker.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// How many worker processes the pool has started so far.
    public var workersStarted: Int { state.withLock { $0.started } }

    /// The process ids of the workers alive now, idle or busy.
    public var workerProcessIDs: [Int32] {
        state.withLock { s in s.idle.map(\.child.pid) + Array(s.busy.keys) }
    }

    /// Kills every worker; files being read fail, and later calls fail at once.
    public func shutdown() {
        let (idle, busy) = state.withLock { s in
            s.isShutDown = true
            defer { s.idle = [] }
            return (s.idle, Array(s.busy.values))
        }
        // A busy worker is reaped by the call that is waiting for it.
        for worker in busy { worker.child.signal(SIGKILL) }
        for worker in idle { _ = worker.retire(killing: true, until: .distantFuture) }
    }

    /// The calling thread only waits: a worker reads the file.
    var readsElsewhere: Bool { true }

    func pageModel(of bytes: [UInt8], path: String) throws(ExtractError) -> PDFPageModel {
        slots.wait()
        defer { slots.signal() }
        let worker = try checkOut(path: path)
        let deadline = DispatchTime.now() + timeout
        switch worker.exchange(PDFWorkerMessage.request(path: path, bytes: bytes), until: deadline) {
        case .answer(let answer):
            checkIn(worker)
            switch answer {
            case .model(let model): return model
            case .failure(let error): throw error
            }
        case .timedOut:
            _ = discard(worker, killing: true, until: .distantFuture)
            throw .pdfTimedOut(path: path, engine: Self.engine, seconds: timeout)
        case .garbled:
            _ = discard(worker, killing: true, until: .distantFuture)
            throw .pdfReaderStopped(path: path, detail: "its answer could not be read")
        case .closed:
            // It closed its end: it is dying. It gets what is left of the file's time to end
            // by itself (then it is killed), and its end is the reason.
            let detail = switch discard(worker, killing: false, until: deadline) {
            case .signalled(let signal): "signal \(signal)"
            case .exited(let code): "exit status \(code)"
            }
            throw .pdfReaderStopped(path: path, detail: detail)
        }
    }

    /// Forgets a busy worker that failed, and retires it.
    private func discard(_ worker: Worker, killing: Bool, until deadline: DispatchTime) -> ChildProcess.End {
        state.withLock { _ = $0.busy.removeValue(forKey: worker.child.pid) }
        return worker.retire(killing: killing, until: deadline)
    }

    /// An idle worker, or a new one; a worker found dead while idle is reaped and replaced.
    private func checkOut(path: String) throws(ExtractError) -> Worker {
        while true {
            let taken: Worker? = try state.withLock { (s: inout State) throws(ExtractError) -> Worker? in
                guard !s.isShutDown else { throw .pdfReaderUnavailable(path: path, detail: "the PDF workers were shut down") }
                guard let worker = s.idle.popLast() else {
                    s.started += 1
                    return nil
                }
                s.busy[worker.child.pid] = worker
                return worker
            }
            if let taken {
                guard taken.child.hasEnded else { return taken }
                _ = discard(taken, killing: false, until: .distantFuture)
                continue
            }
            let worker: Worker
            do {
                worker = try Worker.start(command)
            } catch {
                state.withLock { $0.started -= 1 }
                throw .pdfReaderUnavailable(path: path, detail: error.reason)
            }
            let isShutDown = state.withLock { s in
                if !s.isShutDown { s.busy[worker.child.pid] = worker }
                return s.isShutDown
            }
            if isShutDown {
                _ = worker.retire(killing: true, until: .distantFuture)
                throw .pdfReaderUnavailable(path: path, detail: "the PDF workers were shut down")
            }
            return worker
        }
    }

    private func checkIn(_ worker: Worker) {
        let kept = state.withLock { s in
            s.busy.removeValue(forKey: worker.child.pid)
            if !s.isShutDown { s.idle.append(worker) }
            return !s.isShutDown
        }
        if !kept { _ = worker.retire(killing: true, until: .distantFuture) }
    }
}

/// One worker process and avance's end of the socket that is its standard input and output.
private final class Worker: Sendable {
    let child: ChildProcess
    /// Non-blocking, so that every wait on it keeps to the file's deadline.
    let socket: Int32

    private init(child: ChildProcess, socket: Int32) {
        self.child = child
        self.socket = socket
    }

    struct StartFailure: Error {
        var reason: String
    }

    static func start(_ command: [String]) throws(StartFailure) -> Worker {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw StartFailure(reason: "no socket for it: \(String(cString: strerror(errno)))")
        }
        let child: ChildProcess
        do {
            // Its standard error is dropped: poppler's GLib build keeps quiet, and a crash's
            // report would only garble avance's own messages; the signal is what is reported.
            child = try ChildProcess.start(
                command[0], Array(command.dropFirst()), standardInput: ends[1], standardOutput: ends[1],
                environment: ["SWIFT_BACKTRACE=enable=no", "\(PDFWorker.parentVariable)=\(getpid())"]
            )
        } catch {
            close(ends[0])
            close(ends[1])
            switch error {
            case .cannotStart(let reason): throw StartFailure(reason: "\(command[0]): \(reason)")
            }
        }
        close(ends[1])
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        return Worker(child: child, socket: ends[0])
    }

    enum Exchange {
        case answer(PDFWorkerMessage.Answer)
        case timedOut
        /// The worker closed its end before the whole answer came.
        case closed
        /// It wrote something that is not an answer.
        case garbled
    }

    /// Sends a request and reads the whole answer, all before `deadline`.
    func exchange(_ request: [UInt8], until deadline: DispatchTime) -> Exchange {
        let sent = send(request, until: deadline)
        guard sent == .done else { return sent == .timedOut ? .timedOut : .closed }
        var header: [UInt8] = [], payload: [UInt8] = []
        let heard = receive(9, into: &header, until: deadline)
        guard heard == .done else { return heard == .timedOut ? .timedOut : .closed }
        guard let (kind, length) = PDFWorkerMessage.answerHeader(header) else { return .garbled }
        switch receive(length, into: &payload, until: deadline) {
        case .timedOut: return .timedOut
        case .closed: return .closed
        case .done: return PDFWorkerMessage.answer(kind: kind, payload: payload).map(Exchange.answer) ?? .garbled
        }
    }

    private func send(_ bytes: [UInt8], until deadline: DispatchTime) -> FileDescriptor.Progress {
        FileDescriptor.transfer(bytes.count, whenBlocked: { wait(for: Int16(POLLOUT), until: deadline) }) { done in
            bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
        }
    }

    private func receive(_ count: Int, into bytes: inout [UInt8], until deadline: DispatchTime) -> FileDescriptor.Progress {
        bytes = [UInt8](repeating: 0, count: count)
        return FileDescriptor.transfer(count, whenBlocked: { wait(for: Int16(POLLIN), until: deadline) }) { done in
            bytes.withUnsafeMutableBytes { Glibc.recv(socket, $0.baseAddress! + done, count - done, 0) }
        }
    }

    /// Waits until the socket can take or give bytes: true, or false if it failed; nil past the deadline.
    private func wait(for events: Int16, until deadline: DispatchTime) -> Bool? {
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline.uptimeNanoseconds else { return nil }
            let milliseconds = (deadline.uptimeNanoseconds - now + 999_999) / 1_000_000
            var entry = pollfd(fd: socket, events: events, revents: 0)
            let n = poll(&entry, 1, Int32(min(milliseconds, UInt64(Int32.max))))
            if n > 0 { return entry.revents & Int16(POLLERR | POLLNVAL) == 0 || entry.revents & events != 0 }
            if n < 0 && errno != EINTR { return false }
        }
    }

    /// Ends the worker's use: kills it first if asked, else gives it until `deadline` to end
    /// by itself (then kills it); reaps it and closes the socket.
    func retire(killing: Bool, until deadline: DispatchTime) -> ChildProcess.End {
        if killing || !child.waitForExit(until: deadline) {
            child.signal(SIGKILL)
            _ = child.waitForExit(until: .distantFuture)
        }
        close(socket)
        return child.reap()
    }
}
