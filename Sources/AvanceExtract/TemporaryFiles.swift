import Foundation
import Synchronization

/// Where avance stages private copies of the files it hands to pdftotext and to the C readers
/// that read a path (FreeXL) or a file (ZIPFoundation): one folder per process,
/// `$TMPDIR/avance-<pid>`, mode 0700, removed when the process ends normally or is stopped by
/// SIGTERM or SIGINT (`removeAll`).
///
/// A process killed outright (`kill -9`, a power cut) cannot remove its folder: the first
/// process that stages a file after it removes the folders of processes that are gone (their
/// pid no longer names a process), so copies of reports never pile up in the temporary folder.
/// A folder whose pid is alive is another avance's, at work: it is left alone.
public enum TemporaryFiles {
    static let prefix = "avance-"

    /// Whether the folder was removed for good: nothing is staged after that. Files are made
    /// under this lock, so that the removal never races a file being written into the folder.
    private static let removed = Mutex(false)

    /// This process's folder, made (and the folders of dead processes swept) on first use.
    static var folder: URL {
        get throws { try made.get() }
    }

    struct Stopped: Error, CustomStringConvertible {
        var description: String { "avance is stopping" }
    }

    /// Runs `body` with a fresh path inside this process's folder, for it to make a file or a
    /// folder there; not once the folder has been removed for good (`removeAll`).
    static func making<T>(named suffix: String, _ body: (URL) throws -> T) throws -> T {
        let url = try folder.appendingPathComponent(UUID().uuidString + "-" + suffix)
        return try removed.withLock { gone in
            guard !gone else { throw Stopped() }
            return try body(url)
        }
    }

    /// A private copy (mode 0600) of `bytes` in this process's folder, for a reader that takes
    /// a path; the caller removes it. `nil` when it cannot be written.
    static func copy(of bytes: [UInt8], named suffix: String) -> URL? {
        try? making(named: suffix) { url in
            guard FileManager.default.createFile(atPath: url.path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
            else { throw CocoaError(.fileWriteUnknown) }
            return url
        }
    }

    /// Removes this process's folder and whatever is in it, for good: for a process that is
    /// stopping (the programs that write there must have been ended first: `stopPrograms`).
    public static func removeAll() {
        removed.withLock { gone in
            gone = true
            try? FileManager.default.removeItem(atPath: ownPath)
        }
    }

    /// Kills the programs avance has running (pdftotext) and waits for them, so that none
    /// writes into the folder once it is removed; none starts after this.
    public static func stopPrograms() {
        ChildProcess.stopAll()
    }

    private static let made: Result<URL, Error> = {
        let base = FileManager.default.temporaryDirectory
        sweep(base)
        let url = base.appendingPathComponent(prefix + String(getpid()))
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return .failure(error)
        }
        atexit { TemporaryFiles.removeAll() }
        return .success(url)
    }()

    private static let ownPath = FileManager.default.temporaryDirectory.appendingPathComponent(prefix + String(getpid())).path

    /// Removes `avance-<pid>` folders of processes that are gone (but never this one's).
    static func sweep(_ base: URL) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid > 0, pid != getpid() else { continue }
            // ESRCH: no such process. EPERM means it exists (another user's): not ours to judge.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: base.appendingPathComponent(name))
            }
        }
    }
}
