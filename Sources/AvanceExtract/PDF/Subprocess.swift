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
    /// Started with `posix_spawn` rather than Foundation's `Process`, which on Linux kept
    /// about 1.3 KB for every process it ran (two per PDF: 11 MB more at 3,300 PDFs).
    static func run(_ executable: String, _ arguments: [String], errorFile: URL, deadline: DispatchTime) throws(Failure) -> Outcome {
        let err = open(errorFile.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard err >= 0 else {
            throw .cannotStart("cannot create a temporary file in \(errorFile.deletingLastPathComponent().path)")
        }
        defer { close(err) }
        let pid = try spawn(executable, arguments, standardError: err)

        // The child is waited for without being reaped (WNOWAIT) until `done` is set, so a
        // signal sent on timeout never reaches a process that took over its id.
        let state = Mutex(WaitState())
        let exited = DispatchSemaphore(value: 0)
        // A thread of its own: on Linux, work sent to Dispatch's global queues waits for a
        // free worker, and the workers may all be blocked waiting for children like this one.
        Thread.detachNewThread {
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            state.withLock { $0.done = true }
            exited.signal()
        }
        var timedOut = false
        if exited.wait(timeout: deadline) == .timedOut {
            timedOut = true
            state.withLock { s in if !s.done { kill(pid, SIGTERM) } }
            if exited.wait(timeout: .now() + 2) == .timedOut {
                state.withLock { s in if !s.done { kill(pid, SIGKILL) } }
                exited.wait()
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        if timedOut { return .timedOut }
        // As Process reported it: the exit code, or the number of the signal that ended it.
        let signal = status & 0x7F
        let code = signal == 0 ? (status >> 8) & 0xFF : signal
        // A damaged file can make poppler print thousands of lines; the first ones tell why.
        let head = (try? FileHandle(forReadingFrom: errorFile).read(upToCount: 16_384)) ?? nil
        let stderr = head.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .exited(status: code, stderr: stderr)
    }

    private struct WaitState {
        var done = false
    }

    /// Starts the program with standard input and output on /dev/null, standard error on
    /// `standardError`, default signal handling, and no other descriptor of ours open.
    private static func spawn(_ executable: String, _ arguments: [String], standardError: Int32) throws(Failure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, standardError, 2)
        // Files other threads have open (FileHandle does not set close-on-exec) stay ours.
        for fd in openDescriptors() where fd > 2 && fd != standardError {
            posix_spawn_file_actions_addclose(&actions, fd)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw .cannotStart(String(cString: strerror(status))) }
        return pid
    }

    /// The descriptors this process has open, from /proc/self/fd.
    private static func openDescriptors() -> [Int32] {
        guard let dir = opendir("/proc/self/fd") else { return [] }
        defer { closedir(dir) }
        let own = dirfd(dir)
        var result: [Int32] = []
        while let entry = readdir(dir) {
            let fd = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { Int32(atoi($0)) }
            }
            if fd != own && (fd > 0 || entry.pointee.d_name.0 == 0x30) { result.append(fd) }
        }
        return result
    }
}
