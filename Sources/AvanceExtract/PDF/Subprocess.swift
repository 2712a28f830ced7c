import Foundation

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
    static func run(_ executable: String, _ arguments: [String], errorFile: URL, deadline: DispatchTime) throws(Failure) -> Outcome {
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil),
              let err = FileHandle(forWritingAtPath: errorFile.path)
        else { throw .cannotStart("cannot create a temporary file in \(errorFile.deletingLastPathComponent().path)") }
        defer { try? err.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        if finished.wait(timeout: deadline) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            return .timedOut
        }
        // A damaged file can make poppler print thousands of lines; the first ones tell why.
        let head = (try? FileHandle(forReadingFrom: errorFile).read(upToCount: 16_384)) ?? nil
        let stderr = head.map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .exited(status: process.terminationStatus, stderr: stderr)
    }
}
