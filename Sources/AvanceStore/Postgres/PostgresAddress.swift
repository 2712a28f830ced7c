import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a PostgreSQL store is, from a libpq-style URL
/// (`postgresql://user@host:port/database?sslmode=require`), with libpq's defaults from the
/// environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`) and the password from
/// `PGPASSWORD` or the password file (`PGPASSFILE`, else `~/.pgpass`), never from the URL: a
/// password on the command line shows in `ps` and in the shell's history.
///
/// The host may be a folder holding the server's Unix socket, as in libpq: percent-encoded in
/// the URL (`postgresql://avance@%2Fvar%2Frun%2Fpostgresql/avance`) or as `?host=/path`.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public enum Endpoint: Sendable, Hashable {
        case tcp(host: String, port: Int)
        /// The folder of the socket `.s.PGSQL.<port>`.
        case socket(folder: String, port: Int)
    }

    /// libpq's `sslmode`, as far as a client without certificates of its own can honour it.
    public enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    public var endpoint: Endpoint
    public var user: String
    public var database: String
    public var tls: TLSMode
    /// Settings for the session (`?options=-c name=value`, `application_name`).
    public var settings: [String: String]
    /// From `PGPASSWORD` or the password file; never printed.
    var password: String?

    /// The URL without any password, for messages.
    public var description: String {
        let host: String
        switch endpoint {
        case .tcp(let name, let port):
            let bracketed = name.contains(":") ? "[\(name)]" : name
            host = port == 5432 ? bracketed : "\(bracketed):\(port)"
        case .socket(let folder, let port):
            let encoded = folder.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? folder
            host = port == 5432 ? encoded : "\(encoded):\(port)"
        }
        return "postgresql://\(user)@\(host)/\(database)"
    }

    /// Whether `text` names a PostgreSQL store rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Parses `url`, filling what it leaves out as libpq does.
    public static func parse(
        _ url: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = NSHomeDirectory()
    ) throws(StoreError) -> PostgresAddress {
        func invalid(_ reason: String) -> StoreError {
            .cannotOpen(path: redacted(url), reason: "not a PostgreSQL URL: \(reason)")
        }
        guard let schemeEnd = url.range(of: "://"), isURL(url) else {
            throw invalid("it must begin with postgresql://")
        }
        var rest = String(url[schemeEnd.upperBound...])
        var query = ""
        if let mark = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: mark)...])
            rest = String(rest[..<mark])
        }
        var authority = rest
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            authority = String(rest[..<slash])
            path = String(rest[rest.index(after: slash)...])
        }
        var user: String? = nil
        if let at = authority.lastIndex(of: "@") {
            let info = String(authority[..<at])
            authority = String(authority[authority.index(after: at)...])
            if info.contains(":") {
                throw invalid("a password in the URL would show in the process list and the shell's history; give it in PGPASSWORD or ~/.pgpass")
            }
            user = try decode(info, invalid)
        }
        var host: String? = nil
        var port: Int? = nil
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("an unclosed [ in the host") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) ?? -1 }
        } else if let colon = authority.lastIndex(of: ":") {
            host = try decode(String(authority[..<colon]), invalid)
            port = Int(authority[authority.index(after: colon)...]) ?? -1
        } else if !authority.isEmpty {
            host = try decode(authority, invalid)
        }
        if host?.contains(",") == true { throw invalid("several hosts are not supported") }
        var database = path.isEmpty ? nil : try decode(path, invalid)
        var tls: String? = nil
        var settings: [String: String] = [:]
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1)
            let key = try decode(String(parts[0]), invalid)
            let value = parts.count > 1 ? try decode(String(parts[1]), invalid) : ""
            switch key {
            case "host": host = value
            case "port": port = Int(value) ?? -1
            case "dbname": database = value
            case "user": user = value
            case "sslmode": tls = value
            case "application_name": settings["application_name"] = value
            case "connect_timeout": continue
            case "options":
                // libpq's `-c name=value` (or `--name=value`) settings for the session.
                let words = value.split(separator: " ")
                var i = 0
                while i < words.count {
                    var setting = String(words[i])
                    if setting == "-c", i + 1 < words.count {
                        i += 1
                        setting = String(words[i])
                    } else if setting.hasPrefix("-c") {
                        setting = String(setting.dropFirst(2))
                    } else if setting.hasPrefix("--") {
                        setting = String(setting.dropFirst(2))
                    } else {
                        throw invalid("options takes -c name=value settings, not \(setting)")
                    }
                    let nameValue = setting.split(separator: "=", maxSplits: 1)
                    guard nameValue.count == 2 else { throw invalid("options takes -c name=value settings, not \(setting)") }
                    settings[String(nameValue[0])] = String(nameValue[1])
                    i += 1
                }
            case "password":
                throw invalid("a password in the URL would show in the process list and the shell's history; give it in PGPASSWORD or ~/.pgpass")
            default:
                throw invalid("unknown parameter \(key) (avance reads host, port, dbname, user, sslmode, options, application_name)")
            }
        }
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let resolvedPort = port ?? env("PGPORT").flatMap { Int($0) } ?? 5432
        guard (1...65535).contains(resolvedPort) else { throw invalid("the port must be a number from 1 to 65535") }
        let resolvedUser = user.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? currentUser()
        let resolvedHost = host.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? defaultHost()
        let endpoint: Endpoint = resolvedHost.hasPrefix("/")
            ? .socket(folder: resolvedHost, port: resolvedPort) : .tcp(host: resolvedHost, port: resolvedPort)
        let mode: TLSMode
        switch tls ?? env("PGSSLMODE") ?? "prefer" {
        case "disable": mode = .disable
        case "prefer": mode = .prefer
        case "require": mode = .require
        case let other:
            throw invalid("sslmode \(other) is not supported (disable, prefer or require; avance does not check the server's certificate)")
        }
        var address = PostgresAddress(
            endpoint: endpoint, user: resolvedUser, database: database.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGDATABASE") ?? resolvedUser,
            tls: mode, settings: settings, password: nil
        )
        address.password = env("PGPASSWORD") ?? address.passwordFromFile(environment: environment, home: home)
        return address
    }

    /// The password file's line for this address, as libpq reads it: `host:port:database:user:password`,
    /// `*` matching anything, `\:` and `\\` escaped; ignored unless only its owner may read it.
    func passwordFromFile(environment: [String: String], home: String) -> String? {
        let file = environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.pgpass")
        var info = stat()
        guard stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              info.st_mode & (S_IRWXG | S_IRWXO) == 0,
              let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let hosts: [String]
        let port: Int
        switch endpoint {
        case .tcp(let host, let p):
            hosts = [host]
            port = p
        case .socket(let folder, let p):
            // libpq also looks for `localhost` when the socket is in its default folder.
            hosts = Self.defaultSocketFolders.contains(folder) ? [folder, "localhost"] : [folder]
            port = p
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFileFields(String(line))
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ values: [String]) -> Bool { field == "*" || values.contains(field) }
            if matches(fields[0], hosts), matches(fields[1], [String(port)]), matches(fields[2], [database]),
               matches(fields[3], [user]) {
                return fields[4]
            }
        }
        return nil
    }

    static func passwordFileFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for c in line {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        fields.append(current)
        return fields
    }

    static let defaultSocketFolders = ["/var/run/postgresql", "/run/postgresql", "/tmp"]

    private static func defaultHost() -> String {
        for folder in defaultSocketFolders.prefix(2) where FileManager.default.fileExists(atPath: folder) {
            return folder
        }
        return "localhost"
    }

    private static func currentUser() -> String {
        if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }

    private static func decode(_ text: String, _ invalid: (String) -> StoreError) throws(StoreError) -> String {
        guard let decoded = text.removingPercentEncoding else { throw invalid("a bad %-escape in \(text)") }
        return decoded
    }

    /// `url` with any password in it replaced by `***`, for a message about a bad URL.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var out = url
        if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
            out = String(url[..<colon]) + ":***" + String(url[at...])
        }
        if let range = out.range(of: #"password=[^&]*"#, options: .regularExpression) {
            out.replaceSubrange(range, with: "password=***")
        }
        return out
    }
}
