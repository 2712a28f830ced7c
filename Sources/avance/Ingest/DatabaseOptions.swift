import ArgumentParser
import Foundation

/// `--db FILE`, shared by the commands that use the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp("The SQLite database (default: $AVANCE_DB, else ./avance.sqlite).", valueName: "file")
    )
    var database: String?

    /// The database path, absolute, from the option, the environment or the default.
    var path: String {
        let chosen = database
            ?? ProcessInfo.processInfo.environment["AVANCE_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "avance.sqlite"
        return AbsolutePath.make(chosen)
    }
}

enum AbsolutePath {
    /// `path` made absolute against the working directory, with `.` and `..` resolved
    /// lexically (symbolic links are kept: a link is another location).
    static func make(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
