import Foundation
import Testing

/// The built `avance` binary and the package's folders, for tests that run the real command.
enum Binary {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `avance` sits beside the test bundle in the build folder.
    static let url: URL? = {
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

    /// Runs `avance` with arguments (no shell), in `directory`, and waits for it.
    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        guard let url else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "avance binary not found beside the tests"]) }
        return try run(executable: url, arguments, in: directory)
    }

    /// Runs a program (no shell) and waits for it; past `limit` seconds it is stopped and the
    /// test fails instead of hanging.
    static func run(executable: URL, _ arguments: [String], in directory: URL = packageRoot, limit: TimeInterval = 300) throws -> Result {
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
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        if finished.wait(timeout: .now() + limit) == .timedOut {
            process.terminate()
            Issue.record("\(executable.lastPathComponent) did not finish within \(Int(limit)) s: \(arguments)")
        }
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
