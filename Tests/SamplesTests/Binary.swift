import Foundation
import Testing

/// The built `avance` binary and the package's folders, for tests that run the real command.
enum Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `avance` sits beside the test bundle in the build folder (or `$AVANCE_BINARY` names it).
    static let url: URL? = {
        if let path = ProcessInfo.processInfo.environment["AVANCE_BINARY"] { return URL(fileURLWithPath: path) }
        var candidates: [URL] = []
        if let arg0 = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: arg0).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for dir in candidates {
            let u = dir.appendingPathComponent("avance")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        return nil
    }()

    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: String
    }

    /// Runs `avance` with arguments (no shell), in `directory`, and waits for it (at most `limit`
    /// seconds); `input` is a file given as standard input (else the null device).
    static func run(_ arguments: [String], in directory: URL = packageRoot, input: URL? = nil, limit: TimeInterval = 300) throws -> Result {
        guard let url else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "avance binary not found beside the tests"]) }
        return try run(executable: url, arguments, in: directory, input: input, limit: limit)
    }

    /// Runs a program (no shell) and waits for it; past `limit` seconds it is stopped and the
    /// test fails instead of hanging.
    static func run(
        executable: URL, _ arguments: [String], in directory: URL = packageRoot, input: URL? = nil, limit: TimeInterval = 300
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Standard error goes to a file, so reading one pipe to its end can never block the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("avance-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        // The watchdog waits while this thread reads standard output: a child that hangs without
        // closing it (blocked on a FIFO) is killed past `limit`, so the read ends and the test fails.
        let watchdog = Watchdog()
        Thread { watchdog.watch(process, finished, limit) }.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if watchdog.overstayed() {
            Issue.record("\(executable.lastPathComponent) did not finish within \(Int(limit)) s: \(arguments)")
        }
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}

/// Kills a child that overstays its time; says whether it had to.
private final class Watchdog: @unchecked Sendable {
    // @unchecked: `killed` is written before `decided` is signalled and read only after waiting on it.
    private var killed = false
    private let decided = DispatchSemaphore(value: 0)

    func watch(_ process: Process, _ finished: DispatchSemaphore, _ limit: TimeInterval) {
        if finished.wait(timeout: .now() + limit) == .timedOut {
            killed = true
            kill(process.processIdentifier, SIGKILL)
        }
        decided.signal()
    }

    func overstayed() -> Bool {
        decided.wait()
        return killed
    }
}
