/// Test support for the store's suite and the command line's shared-store tests: nothing here
/// is part of avance.
import AvanceStore
import Foundation
import GRDB
import Synchronization

/// The PostgreSQL server the tests run against, `AVANCE_TEST_POSTGRES`
/// (`postgresql://user@host/database`, a role that may create databases), which `Scripts/test`
/// sets to a throwaway server of its own unless it is given; and a new database on it for each
/// test.
public enum TestPostgres {
    /// The server's URL, or nil when none is given (the PostgreSQL tests are then left out).
    public static var url: String? {
        ProcessInfo.processInfo.environment["AVANCE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A new database: its address for the store, and its URL for `avance --db`.
    public struct Database: Sendable {
        public var address: PostgresAddress
        public var url: String
    }

    private static let counter = Mutex(0)

    /// The test server's session, made once; databases left by earlier test processes are
    /// dropped first (those still in use are left alone).
    private static let admin: Result<(url: String, session: PostgresSession), any Error> = Result {
        guard let url else { throw StoreError.noDatabase(path: "AVANCE_TEST_POSTGRES") }
        let session = try PostgresSession.connect(PostgresAddress.parse(url))
        let mine = "avance_test_\(getpid())_"
        for row in try session.rows("SELECT datname FROM pg_database WHERE datname LIKE 'avance\\_test\\_%'") {
            let name: String = row["datname"]
            if !name.hasPrefix(mine) { _ = try? session.execute("DROP DATABASE IF EXISTS \"\(name)\"") }
        }
        return (url, session)
    }

    /// A new, empty database on the test server, named after this process (a later test
    /// process drops it).
    public static func newDatabase() throws -> Database {
        let (url, session) = try admin.get()
        let n = counter.withLock { n in
            n += 1
            return n
        }
        let name = "avance_test_\(getpid())_\(n)"
        try session.execute("CREATE DATABASE \"\(name)\"")
        var address = try PostgresAddress.parse(url)
        address.database = name
        return Database(address: address, url: Self.url(url, database: name))
    }

    /// The given URL with another database's name, whatever else it says (user, host, query).
    static func url(_ url: String, database name: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        return String(url[..<schemeEnd.upperBound]) + authority + "/" + name + query
    }
}
