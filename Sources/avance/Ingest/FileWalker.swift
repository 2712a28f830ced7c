import AvanceCore
import AvanceExtract
import AvanceStore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks files and folders recursively, one directory listing in memory at a time,
/// following symbolic links. Problems (a link loop, a dangling link, a FIFO, a folder
/// that cannot be listed) come out as entries, never as thrown errors, so one bad
/// entry never stops a walk.
struct FileWalker: Sequence, IteratorProtocol {
    enum Entry: Sendable, Equatable {
        case file(path: String, stamp: FileStamp)
        case problem(path: String, reason: String)
        /// Passed over by name: hidden files, temporary office files, the database's own files.
        case skipped(path: String, reason: String)
    }

    private struct Identity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private struct Frame {
        var path: String
        var names: [String]
        var next = 0
        /// The directories from the root down to this one, to recognise a link that leads back up.
        var ancestors: [(identity: Identity, path: String)]
        /// The open directory, so that its entries are looked up by name (`fstatat`) instead
        /// of by whole path, which made the kernel walk every folder of the path again.
        var directory: DirectoryHandle
    }

    /// A directory opened for reading, closed when the last frame holding it goes.
    private final class DirectoryHandle {
        let fd: Int32
        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }
    }

    private var roots: [String]
    private var stack: [Frame] = []
    private let excludedPaths: Set<String>
    private let excludedIdentities: Set<Identity>
    private let excludedNames: [String]
    private let includedNames: [String]

    /// `roots` are absolute paths; `excluding` names files never to take (the database and its
    /// companions); `excludingNames` are shell patterns (`*.json`, `borradores`) matched against
    /// the name of every file and folder below the roots; when `includingNames` is not empty,
    /// a file below the roots is taken only if its name matches one of them (a file named as a
    /// root is always taken).
    init(roots: [String], excluding: [String] = [], excludingNames: [String] = [], includingNames: [String] = []) {
        self.roots = roots.reversed()
        excludedNames = excludingNames
        includedNames = includingNames
        excludedPaths = Set(excluding)
        excludedIdentities = Set(excluding.compactMap { path in
            var st = stat()
            return stat(FileName.system(path), &st) == 0 ? Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)) : nil
        })
    }

    /// Whether a name is passed over: hidden entries and the `~$` lock files office programs leave.
    static func isHidden(name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("~$")
    }

    mutating func next() -> Entry? {
        while true {
            if var frame = stack.popLast() {
                guard frame.next < frame.names.count else { continue }
                let name = frame.names[frame.next]
                frame.next += 1
                let ancestors = frame.ancestors
                let path = frame.path == "/" ? "/" + name : frame.path + "/" + name
                stack.append(frame)
                if Self.isHidden(name: name) { return .skipped(path: path, reason: "hidden or temporary file") }
                if excludedNames.contains(where: { fnmatch($0, FileName.system(name), 0) == 0 }) {
                    return .skipped(path: path, reason: "excluded (--exclude or avance.yml)")
                }
                if let entry = visit(path, in: frame.directory, name: name, ancestors: ancestors) {
                    if case .file = entry, !includedNames.isEmpty,
                       !includedNames.contains(where: { fnmatch($0, FileName.system(name), 0) == 0 }) {
                        return .skipped(path: path, reason: "not included (--include or avance.yml)")
                    }
                    return entry
                }
            } else if let root = roots.popLast() {
                if let entry = visit(root, in: nil, name: root, ancestors: []) { return entry }
            } else {
                return nil
            }
        }
    }

    /// Classifies one path (`name` inside the open `directory`, or a root); a directory is
    /// pushed (and yields nothing by itself).
    private mutating func visit(
        _ path: String, in directory: DirectoryHandle?, name: String, ancestors: [(identity: Identity, path: String)]
    ) -> Entry? {
        if excludedPaths.contains(path) { return .skipped(path: path, reason: "the database's own file") }
        var st = stat()
        let status = directory.map { fstatat($0.fd, FileName.system(name), &st, 0) } ?? stat(FileName.system(path), &st)
        guard status == 0 else { return .problem(path: path, reason: FileCheck.failure(path: path, code: errno)) }
        let identity = Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        switch st.st_mode & S_IFMT {
        case S_IFDIR:
            if let loop = ancestors.first(where: { $0.identity == identity }) {
                return .problem(path: path, reason: "symbolic link loop: leads back to \(loop.path)")
            }
            switch Self.list(path) {
            case .success(let (fd, names)):
                stack.append(Frame(
                    path: path, names: names, ancestors: ancestors + [(identity, path)], directory: DirectoryHandle(fd: fd)
                ))
                return nil
            case .failure(let reason):
                return .problem(path: path, reason: "cannot list the folder: \(reason.text)")
            }
        case S_IFREG:
            if excludedIdentities.contains(identity) { return .skipped(path: path, reason: "the database's own file") }
            let mtime = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
            return .file(path: path, stamp: FileStamp(size: Int64(st.st_size), mtimeNs: mtime))
        default:
            // Opening a FIFO would wait for a writer forever; the commands that name files refuse them alike.
            return .problem(path: path, reason: FileCheck.notRegular(kind: FileCheck.kind(mode: st.st_mode)))
        }
    }

    private struct ListingFailure: Error {
        var text: String
    }

    /// The names in a folder, sorted (without `.` and `..`), and the folder kept open.
    private static func list(_ path: String) -> Result<(Int32, [String]), ListingFailure> {
        let fd = open(FileName.system(path), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ListingFailure(text: listingFailure(errno))) }
        // fdopendir takes the descriptor over; a duplicate stays open for fstatat.
        let listing = dup(fd)
        guard listing >= 0, let dir = fdopendir(listing) else {
            let code = errno
            if listing >= 0 { close(listing) }
            close(fd)
            return .failure(ListingFailure(text: listingFailure(code)))
        }
        defer { closedir(dir) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                // Kept as the bytes they are, UTF-8 or not (`FileName`).
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { FileName.decode(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 {
            let code = errno
            close(fd)
            return .failure(ListingFailure(text: listingFailure(code)))
        }
        return .success((fd, names.sorted()))
    }

    /// What FileManager said when it could not list a folder.
    private static func listingFailure(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "permission denied" : String(cString: strerror(code))
    }
}
