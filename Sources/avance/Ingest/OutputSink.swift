import ArgumentParser
import AvanceExtract
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Where `export`, `findings` and `audit` write: standard output, or a file that appears only
/// once complete. The file is written beside its destination under a hidden temporary name,
/// flushed to disk, then renamed over the destination in one `rename(2)`: a failed or killed
/// run leaves the previous file as it was, never half a file, and a reader sees either the old
/// file or the new one. A character device or a FIFO (`/dev/null`, a pipe to another program)
/// is written into as it is: renaming over it would replace the device, not feed it.
final class OutputSink {
    private let descriptor: Int32
    private let temporaryPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []
    /// Closed (and, for a file, renamed into place or removed).
    private var finished = false

    /// Standard output.
    convenience init() {
        self.init(descriptor: STDOUT_FILENO, temporaryPath: nil, finalPath: nil)
    }

    /// The destination `OutputPath.check` chose.
    convenience init(_ destination: OutputPath.Destination) throws(OutputError) {
        switch destination {
        case .standardOutput:
            self.init()
        case .stream(let path):
            let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard fd >= 0 else { throw .cannotWrite(path: path, reason: String(cString: strerror(errno))) }
            self.init(descriptor: fd, temporaryPath: nil, finalPath: path)
        case .file(let path):
            try self.init(replacing: path)
        }
    }

    private init(descriptor: Int32, temporaryPath: String?, finalPath: String?) {
        self.descriptor = descriptor
        self.temporaryPath = temporaryPath
        self.finalPath = finalPath
    }

    private init(replacing path: String) throws(OutputError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // Hidden, so that an ingest of the folder passes over it; unique and created exclusively,
        // so that nothing already there (a file, a planted link) is ever written through.
        let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).partial-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        // SIGINT or SIGTERM from the moment it exists until the rename removes it: a stopped
        // run leaves nothing behind. Registered first, so that no signal comes in between.
        Interruption.removeOnStop(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            Interruption.keep(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
        // A file replaced keeps its permissions; a new one gets the usual ones (umask applies).
        var existing = stat()
        if stat(path, &existing) == 0 { _ = fchmod(fd, existing.st_mode & 0o777) }
        descriptor = fd
        temporaryPath = temporary
        finalPath = path
    }

    deinit {
        abandon()
    }

    func write(_ text: String) throws(OutputError) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Bytes as they are (a workbook).
    func write(bytes: Data) throws(OutputError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    private func flush() throws(OutputError) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: finalPath ?? "standard output", reason: String(cString: strerror(errno)))
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and, for a file, puts it in place.
    func finish() throws(OutputError) {
        try flush()
        guard let temporaryPath, let finalPath else {
            if descriptor != STDOUT_FILENO, !finished {
                finished = true
                close(descriptor)
            }
            return
        }
        // On disk before the rename, so that a crash after it cannot leave an empty file.
        if fsync(descriptor) != 0 {
            throw .cannotWrite(path: finalPath, reason: String(cString: strerror(errno)))
        }
        close(descriptor)
        guard rename(temporaryPath, finalPath) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            Interruption.keep(temporaryPath)
            finished = true
            throw .cannotWrite(path: finalPath, reason: reason)
        }
        Interruption.keep(temporaryPath)
        finished = true
        // The rename itself on disk: the folder's entry.
        let folder = open((finalPath as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes a file left unfinished.
    func abandon() {
        guard descriptor != STDOUT_FILENO, !finished else { return }
        finished = true
        close(descriptor)
        if let temporaryPath {
            unlink(temporaryPath)
            Interruption.keep(temporaryPath)
        }
    }
}

/// The `--output` of `export` and `audit`, checked before anything is read or written.
enum OutputPath {
    enum Destination: Equatable {
        /// No `--output`, or `-`.
        case standardOutput
        /// A regular file (absolute), replaced in one rename, or a new one.
        case file(String)
        /// A character device or a FIFO, written into as it is (`/dev/null`, `/dev/stdout`).
        case stream(String)
    }

    /// Where to write. A folder, a block device or a socket, and the database or one of its
    /// companion files (`-wal`, `-shm`, `.lock`) under whatever name or link, are refused:
    /// writing there would destroy what is there.
    static func check(_ output: String?, database: String?) throws(ValidationError) -> Destination {
        guard let output, output != "-" else { return .standardOutput }
        guard !output.isEmpty else { throw ValidationError("--output needs a file name (or - for standard output).") }
        let path = AbsolutePath.make(output)
        var st = stat()
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFCHR, S_IFIFO: return .stream(path)
            case S_IFDIR:
                throw ValidationError("--output \(output): is a folder; name a file to write (nothing was written).")
            default:
                throw ValidationError("--output \(output): is \(FileCheck.kind(mode: st.st_mode)), not a file; name a file to write, or - for standard output.")
            }
        }
        let companions = database.map(Ingestor.databaseFiles) ?? []
        let resolved = resolve(path)
        for file in companions {
            var other = stat()
            let sameFile = stat(path, &st) == 0 && stat(file, &other) == 0 && st.st_dev == other.st_dev && st.st_ino == other.st_ino
            if sameFile || resolve(file) == resolved {
                throw ValidationError("--output \(output): is the database \(file == database ? "" : "file ")\(file); name another file (nothing was written).")
            }
        }
        // A link is written through: the file it leads to is replaced, the link kept.
        return .file(FileCheck.isSymbolicLink(path) ? resolved : path)
    }

    /// `path` with every symbolic link resolved (through its folder when the file does not exist yet).
    private static func resolve(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let folder = (path as NSString).deletingLastPathComponent
        guard let real = realpath(folder, nil) else { return path }
        defer { free(real) }
        return (String(cString: real) as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }
}

enum OutputError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot be written: \(reason)"
        }
    }
}
