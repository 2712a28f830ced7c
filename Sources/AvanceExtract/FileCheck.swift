import AvanceCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path names, decided from `stat` before anything opens it: the one check of every
/// command that reads report files (`parse`, `check`, `extract` through `Extractor.read`, and
/// `ingest`'s walk). Only regular files are read: opening a FIFO waits for a writer forever,
/// and a device such as `/dev/zero` never ends.
public enum FileCheck {
    /// What a file that is neither a regular file nor a folder is, for a message: `a FIFO`,
    /// `a socket`, `a device`.
    public static func kind(mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        default: "not a file"
        }
    }

    /// The reason given for a file that is not a regular file: `not a regular file (a FIFO); not read`.
    public static func notRegular(kind: String) -> String {
        "not a regular file (\(kind)); not read"
    }

    /// Why `stat` (or `open`) failed on `path`, in plain words: a link loop, a dangling link,
    /// a missing file, a permission.
    public static func failure(path: String, code: Int32) -> String {
        switch code {
        case ELOOP:
            return "symbolic link loop (too many levels of symbolic links)"
        case ENOENT:
            return isSymbolicLink(path) ? "dangling symbolic link (its target does not exist)" : "no such file or folder"
        case EACCES, EPERM:
            return "permission denied"
        default:
            return String(cString: strerror(code))
        }
    }

    /// Whether `path` itself is a symbolic link (not followed).
    public static func isSymbolicLink(_ path: String) -> Bool {
        var st = stat()
        return lstat(FileName.system(path), &st) == 0 && st.st_mode & S_IFMT == S_IFLNK
    }
}
