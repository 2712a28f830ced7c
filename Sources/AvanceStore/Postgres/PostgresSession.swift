import Foundation
import GRDB
import Logging
import NIOCore
import NIOSSL
import PostgresNIO

/// One connection to a PostgreSQL server, used synchronously, as the store's SQLite side is:
/// each call waits for its answer on the calling thread. The answers come on a SwiftNIO
/// event loop, a thread of its own, so a wait never holds up what it waits for, even when
/// every thread of Swift's concurrency pool waits.
///
/// One caller at a time: a transaction holds the session from BEGIN to COMMIT, and the ingest's
/// workers asking whether a content is stored wait for it. The lock is recursive, so that a
/// call made inside a transaction on the same thread goes through.
///
/// Visible to the package (not to users of AvanceStore) for the tests' support, which makes a
/// database on the test server for each test.
package final class PostgresSession: @unchecked Sendable {
    let address: PostgresAddress
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    private let logger = Logger(label: "avance.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    private init(address: PostgresAddress, connection: PostgresConnection) {
        self.address = address
        self.connection = connection
    }

    deinit {
        try? connection.close().wait()
    }

    /// Connects to `address`.
    package static func connect(_ address: PostgresAddress) throws -> PostgresSession {
        var configuration: PostgresConnection.Configuration
        switch address.endpoint {
        case .socket(let folder, let port):
            configuration = .init(
                unixSocketPath: "\(folder)/.s.PGSQL.\(port)", username: address.user, password: address.password,
                database: address.database
            )
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS
            switch address.tls {
            case .disable:
                tls = .disable
            case .prefer, .require:
                // As libpq's prefer and require: encrypted, the server's certificate not checked.
                var settings = TLSConfiguration.makeClientConfiguration()
                settings.certificateVerification = .none
                let context = try NIOSSLContext(configuration: settings)
                tls = address.tls == .require ? .require(context) : .prefer(context)
            }
            configuration = .init(
                host: host, port: port, username: address.user, password: address.password, database: address.database,
                tls: tls
            )
        }
        configuration.options.connectTimeout = .seconds(30)
        configuration.options.additionalStartupParameters = address.settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        let logger = Logger(label: "avance.store.postgres", factory: { _ in SwiftLogNoOpLogHandler() })
        let connection = try PostgresConnection.connect(
            on: eventLoop, configuration: configuration, id: 1, logger: logger
        ).wait()
        return PostgresSession(address: address, connection: connection)
    }

    /// Runs `body` holding the session.
    func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws. A
    /// transaction PostgreSQL chose to abort to break a deadlock between two workers (two files
    /// swapping contents at once, say) is run again, a few times.
    func transaction<T>(readOnly: Bool = false, _ body: () throws -> T) throws -> T {
        try exclusively {
            var attempt = 1
            while true {
                try execute(readOnly ? "BEGIN READ ONLY" : "BEGIN")
                do {
                    let value = try body()
                    try execute("COMMIT")
                    return value
                } catch {
                    _ = try? execute("ROLLBACK")
                    let state = (error as? PSQLError)?.serverInfo?[.sqlState]
                    guard attempt < 5, state == "40P01" || state == "40001" else { throw error }
                    attempt += 1
                }
            }
        }
    }

    /// Runs one statement with `$1`, `$2`... bound to `arguments`.
    @discardableResult
    package func execute(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> PostgresQueryResult {
        var bindings = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value.storage {
            case .null: bindings.appendNull()
            case .int64(let n): bindings.append(n)
            case .double(let x): bindings.append(x)
            case .string(let s): bindings.append(s)
            case .blob(let data): bindings.append(ByteBuffer(bytes: data))
            }
        }
        return try exclusively {
            try connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger).wait()
        }
    }

    /// The rows of one statement, as GRDB rows, so that the store's row types decode them as
    /// they decode SQLite's: integers as `Int64`, reals as `Double`, text as `String`, booleans
    /// as GRDB stores them (1 and 0). Columns are read by name (a GRDB row made from a
    /// dictionary keeps no order).
    package func rows(_ sql: String, _ arguments: [DatabaseValue] = []) throws -> [Row] {
        try execute(sql, arguments).rows.map(Self.row)
    }

    /// The first column of the first row, if any.
    func value<T: DatabaseValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: [DatabaseValue] = []) throws -> T? {
        guard let first = try execute(sql, arguments).rows.first?.first else { return nil }
        return T.fromDatabaseValue(try Self.value(first)?.databaseValue ?? .null)
    }

    static func row(_ row: PostgresRow) throws -> Row {
        var columns: [String: (any DatabaseValueConvertible)?] = [:]
        for cell in row {
            columns[cell.columnName] = try value(cell)
        }
        return Row(columns)
    }

    private static func value(_ cell: PostgresCell) throws -> (any DatabaseValueConvertible)? {
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .int2, .int4, .int8: return try cell.decode(Int64.self)
        case .float4, .float8: return try cell.decode(Double.self)
        case .bool: return try cell.decode(Bool.self)
        case .bytea: return Data(buffer: try cell.decode(ByteBuffer.self))
        default: return try cell.decode(String.self)
        }
    }
}

/// Placeholders `?` of SQL shared with SQLite, numbered as PostgreSQL wants them (`$1`, `$2`...);
/// a `?` inside quotes is left alone.
func numberedPlaceholders(_ sql: String) -> String {
    var out = ""
    var n = 0
    var quote: Character? = nil
    for c in sql {
        if let q = quote {
            if c == q { quote = nil }
            out.append(c)
        } else if c == "'" || c == "\"" {
            quote = c
            out.append(c)
        } else if c == "?" {
            n += 1
            out += "$\(n)"
        } else {
            out.append(c)
        }
    }
    return out
}

extension PSQLError {
    /// What went wrong, in the server's words where it said something.
    var reason: String {
        if let info = serverInfo, let message = info[.message] {
            var text = message
            if let detail = info[.detail] { text += " (\(detail))" }
            return text
        }
        if let underlying {
            return "\(code): \(underlying)"
        }
        return "\(code)"
    }
}
