import CProcessControl
import Foundation
import Synchronization

/// Runs a program with an argument array (never through a shell) under a time limit.
/// It writes its results to a file named in its arguments; its standard output is
/// discarded and its standard error goes to a file, so no pipe can fill up and block
/// it, and a process that overstays is terminated, then killed.
struct Subprocess {
    enum Outcome: Equatable {
        case exited(status: Int32, stderr: String)
        case timedOut
    }

    enum Failure: Error {
        /// The program could not be started (missing, not executable).
        case cannotStart(String)
    }

    /// The first executable called `name` on `PATH` or in the usual system folders.
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for folder in path + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] where !folder.isEmpty {
            let candidate = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs `executable` with `arguments`, its standard error kept in `errorFile`.
    /// `deadline` is an absolute time (`DispatchTime`) shared by the runs of one file.
    ///
    /// Started by `spawn` rather than Foundation's `Process`, which on Linux kept about 1.3 KB
    /// for every process it ran (two per PDF: 11 MB more at 3,300 PDFs), and could not tie the
    /// program's life to avance's.
    /// `environment` entries (`NAME=value`) are added to this process's own.
    static func run(
        _ executable: String, _ arguments: [String], errorFile: URL, deadline: DispatchTime, environment: [String] = []
    ) throws(Failure) -> Outcome {
        let err = open(errorFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard err >= 0 else {
            throw .cannotStart("cannot create a temporary file in \(errorFile.deletingLastPathComponent().path)")
        }
        defer { close(err) }
        let child = try ChildProcess.start(executable, arguments, standardError: err, environment: environment)
        var timedOut = false
        if child.waitForExit(until: deadline) {
            // Ended, but past the limit: this thread may have been kept off the processor
            // (a loaded machine) while the program ran over its time.
            timedOut = child.endedAt.map { $0 > deadline } ?? false
        } else {
            timedOut = true
            child.signal(SIGTERM)
            if !child.waitForExit(until: .now() + 2) {
                child.signal(SIGKILL)
                _ = child.waitForExit(until: .distantFuture)
            }
        }
        let end = child.reap()
        if timedOut { return .timedOut }
        // As Process reported it: the exit code, or the number of the signal that ended it.
        let code = switch end {
        case .exited(let code): code
        case .signalled(let signal): signal
        }
        // A damaged file can make poppler print thousands of lines; the first ones tell why.
        let head = (try? FileHandle(forReadingFrom: errorFile).read(upToCount: 16_384)) ?? nil
        let stderr = head.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .exited(status: code, stderr: stderr)
    }

    /// Starts the program with standard input, output and error on the descriptors given (or
    /// /dev/null), default signal handling, and no other descriptor of ours open. `environment`
    /// entries (`NAME=value`) come before and win over this process's own.
    ///
    /// The program is killed by the kernel when the calling thread ends (PR_SET_PDEATHSIG,
    /// which posix_spawn cannot ask for): avance killed outright, by `kill -9` too, leaves no
    /// pdftotext or worker running. Call it from a thread that lives as long as the program
    /// (`ChildProcess.start` does).
    static func spawn(
        _ executable: String, _ arguments: [String],
        standardInput: Int32? = nil, standardOutput: Int32? = nil, standardError: Int32? = nil,
        environment: [String] = []
    ) throws(Failure) -> pid_t {
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        let own: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) }
        defer { for e in own { free(e) } }
        var envp = own
        var inherited = environ
        while let entry = inherited.pointee {
            envp.append(entry)
            inherited += 1
        }
        envp.append(nil)
        let pid = avance_spawn_dying_with_parent(
            executable, argv, envp, standardInput ?? -1, standardOutput ?? -1, standardError ?? -1
        )
        guard pid > 0 else { throw .cannotStart(String(cString: strerror(-pid))) }
        return pid
    }
}

/// A started program, watched by a thread of its own that waits for its end without reaping
/// it: until `reap()`, its process id cannot pass to another process, so a signal sent by
/// `signal(_:)` never reaches a stranger.
final class ChildProcess: Sendable {
    enum End: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    let pid: pid_t
    private let watch: Watch

    /// Set by the waiting thread when the program has ended, to the time it saw the end.
    private final class Watch: Sendable {
        let ended = Mutex<DispatchTime?>(nil)
        let signal = DispatchSemaphore(value: 0)
    }

    private init(pid: pid_t, watch: Watch) {
        self.pid = pid
        self.watch = watch
    }

    /// Starts the program (see `Subprocess.spawn`) from a new thread that then waits for it.
    /// The thread lives exactly as long as the program: a program that asks the kernel to be
    /// killed when its parent goes (PR_SET_PDEATHSIG) is tied to the thread that started it,
    /// and a thread of Swift's or Dispatch's pools may end long before the program should.
    /// A thread of its own also keeps the wait off Dispatch's pool, whose workers may all be
    /// blocked waiting for children like this one.
    static func start(
        _ executable: String, _ arguments: [String],
        standardInput: Int32? = nil, standardOutput: Int32? = nil, standardError: Int32? = nil,
        environment: [String] = []
    ) throws(Subprocess.Failure) -> ChildProcess {
        let watch = Watch()
        let started = DispatchSemaphore(value: 0)
        let box = StartBox()
        Thread.detachNewThread {
            let result = live.withLock { children in
                guard !children.stopped else {
                    return Result<pid_t, Subprocess.Failure>.failure(.cannotStart("avance is stopping"))
                }
                let result = Result { () throws(Subprocess.Failure) in
                    try Subprocess.spawn(
                        executable, arguments, standardInput: standardInput, standardOutput: standardOutput,
                        standardError: standardError, environment: environment
                    )
                }
                if case .success(let pid) = result { children.running[pid] = watch }
                return result
            }
            box.value.withLock { $0 = result }
            started.signal()
            guard case .success(let pid) = result else { return }
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            watch.ended.withLock { $0 = .now() }
            watch.signal.signal()
            live.withLock { _ = $0.running.removeValue(forKey: pid) }
        }
        started.wait()
        switch box.value.withLock({ $0 }) {
        case .success(let pid):
            return ChildProcess(pid: pid, watch: watch)
        case .failure(let failure):
            throw failure
        case nil:
            throw .cannotStart("the starting thread gave no answer")
        }
    }

    /// The programs avance has running, so that a stop (SIGTERM, Ctrl-C) can end them all before
    /// their files are removed. One per process, as the processes themselves are.
    private static let live = Mutex(Running())

    private struct Running {
        var running: [pid_t: Watch] = [:]
        /// Set by `stopAll`: no program starts after it.
        var stopped = false
    }

    /// Kills every program avance has running and waits for each to end; none starts after
    /// this (`start` then fails). For a stop: the files the programs write can then be
    /// removed without one being written again behind the removal.
    static func stopAll() {
        let running = live.withLock { children in
            children.stopped = true
            return children.running
        }
        for (pid, watch) in running {
            watch.ended.withLock { end in if end == nil { kill(pid, SIGKILL) } }
            watch.signal.wait()
            watch.signal.signal()
        }
    }

    private final class StartBox: Sendable {
        let value = Mutex<Result<pid_t, Subprocess.Failure>?>(nil)
    }

    var hasEnded: Bool { watch.ended.withLock { $0 != nil } }

    /// When the program was seen to end; nil while it runs.
    var endedAt: DispatchTime? { watch.ended.withLock { $0 } }

    /// Waits until the program has ended or `deadline` passes; true if it has ended.
    func waitForExit(until deadline: DispatchTime) -> Bool {
        if hasEnded { return true }
        guard watch.signal.wait(timeout: deadline) == .success else { return false }
        // Left for any later wait, which then returns at once.
        watch.signal.signal()
        return true
    }

    /// Sends `signal` unless the program has already ended.
    func signal(_ signal: Int32) {
        watch.ended.withLock { end in if end == nil { kill(pid, signal) } }
    }

    /// Collects the program's end (after `waitForExit` said it has ended): its exit code or signal.
    func reap() -> End {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
    }
}
