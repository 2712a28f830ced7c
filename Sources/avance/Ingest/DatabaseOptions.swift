import ArgumentParser
import AvanceStore
import Foundation

/// `--db FILE` or `--db postgresql://...`, shared by the commands that use the store.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The SQLite database, or a PostgreSQL URL postgresql://user@host/database with the password in PGPASSWORD or ~/.pgpass (default: $AVANCE_DB, else ./avance.sqlite).",
            valueName: "file|url"
        )
    )
    var database: String?

    private var chosen: String {
        database
            ?? ProcessInfo.processInfo.environment["AVANCE_DB"].flatMap { $0.isEmpty ? nil : $0 }
            ?? "avance.sqlite"
    }

    /// Whether the store is a PostgreSQL database.
    var isPostgres: Bool { PostgresAddress.isURL(chosen) }

    /// The database path, absolute, from the option, the environment or the default; for a
    /// PostgreSQL store, the URL as given (no file of avance's output may be it).
    var path: String {
        isPostgres ? chosen : AbsolutePath.make(chosen)
    }

    /// The store: the SQLite file at `path`, or the PostgreSQL database of the URL.
    func address() throws(StoreError) -> StoreAddress {
        isPostgres ? try StoreAddress.parse(chosen) : .sqlite(path: path)
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
