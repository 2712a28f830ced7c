import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One ingest at a time per database: an exclusive `flock` on a file beside it
/// (`avance.sqlite.lock`). The kernel drops the lock when its process dies, however it
/// dies, so a lock left by a killed run never blocks the next one. The holder writes
/// its pid, host and start time into the file for the message a second run prints.
public final class StoreLock: Sendable {
    public let path: String
    private let descriptor: Int32

    /// Who holds a lock, as written in the lock file.
    public struct Holder: Sendable, Hashable, CustomStringConvertible {
        public var pid: Int?
        public var host: String?
        public var started: String?

        public init(pid: Int?, host: String?, started: String?) {
            self.pid = pid
            self.host = host
            self.started = started
        }

        /// The holder as this process.
        public static func current() -> Holder {
            Holder(
                pid: Int(ProcessInfo.processInfo.processIdentifier),
                host: ProcessInfo.processInfo.hostName, started: Timestamp.now()
            )
        }

        public var description: String {
            var parts: [String] = []
            if let pid { parts.append("pid \(pid)") }
            if let host { parts.append("on \(host)") }
            if let started { parts.append("since \(started)") }
            return parts.isEmpty ? "another process" : parts.joined(separator: " ")
        }

        var fileText: String {
            "pid=\(pid.map(String.init) ?? "")\nhost=\(host ?? "")\nstarted=\(started ?? "")\n"
        }

        init(fileText: String) {
            var fields: [String: String] = [:]
            for line in fileText.split(whereSeparator: \.isNewline) {
                guard let eq = line.firstIndex(of: "=") else { continue }
                let value = String(line[line.index(after: eq)...])
                if !value.isEmpty { fields[String(line[..<eq])] = value }
            }
            pid = fields["pid"].flatMap { Int($0) }
            host = fields["host"]
            started = fields["started"]
        }
    }

    public enum Attempt: Sendable {
        case acquired(StoreLock)
        /// Another process holds the lock; its holder as it described itself, if it did.
        case busy(Holder?)
    }

    /// The lock file of a database.
    public static func path(forDatabase database: String) -> String { database + ".lock" }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Takes the lock if it is free; otherwise says who holds it.
    public static func tryAcquire(path: String, holder: Holder = .current()) throws(StoreError) -> Attempt {
        let fd = try openFile(path)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            let current = readHolder(fd)
            close(fd)
            if code == EWOULDBLOCK { return .busy(current) }
            throw .lockFailed(path: path, reason: String(cString: strerror(code)))
        }
        return .acquired(try claim(fd, path: path, holder: holder))
    }

    /// Waits until the lock is free, then takes it.
    public static func acquire(path: String, holder: Holder = .current()) throws(StoreError) -> StoreLock {
        let fd = try openFile(path)
        while flock(fd, LOCK_EX) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(fd)
            throw .lockFailed(path: path, reason: String(cString: strerror(code)))
        }
        return try claim(fd, path: path, holder: holder)
    }

    /// Who holds the lock file now, as it describes itself (stale if nobody does).
    public static func describedHolder(path: String) -> Holder? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return readHolder(fd)
    }

    private static func openFile(_ path: String) throws(StoreError) -> Int32 {
        // Close-on-exec: a pdftotext child must not inherit the lock and keep it past our death.
        // No-follow: the holder's lines are written into the file, so a lock file planted as a
        // link to another file must not overwrite that file. Non-blocking: a FIFO planted there
        // must not hold the open (it is refused below; flock never blocks on this flag).
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP {
                throw .lockFailed(path: path, reason: "the lock file is a symbolic link; avance does not follow it (remove it)")
            }
            throw .lockFailed(path: path, reason: String(cString: strerror(code)))
        }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw .lockFailed(path: path, reason: "the lock file is not a regular file; avance does not write into it (remove it)")
        }
        return fd
    }

    private static func claim(_ fd: Int32, path: String, holder: Holder) throws(StoreError) -> StoreLock {
        let bytes = Array(holder.fileText.utf8)
        let written = bytes.withUnsafeBytes { buffer in
            ftruncate(fd, 0) == 0 ? pwrite(fd, buffer.baseAddress, buffer.count, 0) : -1
        }
        if written != bytes.count {
            let reason = String(cString: strerror(errno))
            flock(fd, LOCK_UN)
            close(fd)
            throw .lockFailed(path: path, reason: reason)
        }
        return StoreLock(path: path, descriptor: fd)
    }

    private static func readHolder(_ fd: Int32) -> Holder? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let holder = Holder(fileText: String(decoding: buffer[..<count], as: UTF8.self))
        return holder.pid == nil && holder.host == nil ? nil : holder
    }
}
