import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `avance` binary, run as a real child process. Its standard output and
/// error are drained by threads as they come, so a test can wait for a line (a run has
/// started, some documents are stored) and then act on the live process.
final class Child: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let process = Process()
    private let condition = NSCondition()
    private var stdoutBytes: [UInt8] = []
    private var stderrBytes: [UInt8] = []
    private var openStreams = 2

    /// `.build/<triple>/debug/avance`, beside the test bundle (or `$AVANCE_BINARY`).
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["AVANCE_BINARY"] { return path }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On some platforms the tests run from inside a bundle directory.
        while dir.path != "/" && !FileManager.default.isExecutableFile(atPath: dir.appendingPathComponent("avance").path) {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("avance").path
    }()

    /// `through`: a program that runs avance (`setpriv ... avance ARGS`), given as its program
    /// and arguments before avance's path.
    /// `input`: what the child reads on standard input (nothing when `nil`).
    init(_ arguments: [String], in directory: String, environment: [String: String] = [:], through: [String] = [], input: Data? = nil) throws {
        process.executableURL = URL(fileURLWithPath: through.first ?? Self.binary)
        process.arguments = through.isEmpty ? arguments : Array(through.dropFirst()) + [Self.binary] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "AVANCE_DB")
        env.removeValue(forKey: "AVANCE_CONFIG")
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            let writer = stdin.fileHandleForWriting
            Thread { writer.write(input); try? writer.close() }.start()
        }
        drain(out.fileHandleForReading, isError: false)
        drain(err.fileHandleForReading, isError: true)
    }

    private func drain(_ handle: FileHandle, isError: Bool) {
        let thread = Thread { [self] in
            while true {
                let data = handle.availableData
                condition.lock()
                if data.isEmpty {
                    openStreams -= 1
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                if isError { stderrBytes += data } else { stdoutBytes += data }
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    var stdout: String {
        condition.lock(); defer { condition.unlock() }
        return String(decoding: stdoutBytes, as: UTF8.self)
    }

    var stderr: String {
        condition.lock(); defer { condition.unlock() }
        return String(decoding: stderrBytes, as: UTF8.self)
    }

    /// Waits until standard error satisfies `predicate`; false if the child closed it first.
    /// The deadline only guards against a hung test; no assertion depends on timing.
    @discardableResult
    func waitForStderr(deadline: Date = Date().addingTimeInterval(300), _ predicate: (String) -> Bool) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while true {
            if predicate(String(decoding: stderrBytes, as: UTF8.self)) { return true }
            if openStreams == 0 || Date() > deadline { return false }
            _ = condition.wait(until: deadline)
        }
    }

    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    struct Result {
        var status: Int32
        var killedBySignal: Bool
        var stdout: String
        var stderr: String
    }

    /// Waits for the child to end and for both streams to close.
    func finish() -> Result {
        process.waitUntilExit()
        condition.lock()
        while openStreams > 0 { condition.wait() }
        condition.unlock()
        return Result(
            status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
            stdout: stdout, stderr: stderr
        )
    }

    /// Runs `avance` to the end.
    static func run(
        _ arguments: [String], in directory: String, environment: [String: String] = [:], through: [String] = [], input: Data? = nil
    ) throws -> Result {
        try Child(arguments, in: directory, environment: environment, through: through, input: input).finish()
    }
}

/// The JSON summary line `avance ingest --log-format json` prints on standard output.
struct Summary: Decodable, Equatable {
    struct Findings: Decodable, Equatable {
        var error: Int
        var warning: Int
        var info: Int
    }

    var run: Int
    var new: Int
    var changed: Int
    var unchanged: Int
    var duplicates: Int
    var failed: Int
    var knownFailures: Int
    var notReports: Int
    var settling: Int
    var ignored: Int
    var filesSeen: Int
    var filesRead: Int
    var findings: Findings
    var exitCode: Int

    init(_ stdout: String) throws {
        guard let line = stdout.split(separator: "\n").last else { throw SummaryMissing(stdout: stdout) }
        self = try JSONDecoder().decode(Summary.self, from: Data(line.utf8))
    }

    struct SummaryMissing: Error { var stdout: String }
}

/// The log lines of `--log-format json` on standard error.
struct LogLine: Decodable {
    var level: String
    var message: String
    var path: String?
    var reason: String?
    var holder: String?

    static func all(_ stderr: String) -> [LogLine] {
        stderr.split(separator: "\n").compactMap { try? JSONDecoder().decode(LogLine.self, from: Data($0.utf8)) }
    }

    static func count(_ message: String, in stderr: String) -> Int {
        all(stderr).filter { $0.message == message }.count
    }
}
