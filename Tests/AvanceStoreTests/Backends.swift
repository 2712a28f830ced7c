import Foundation
import Synchronization
import GRDB
import Testing
@testable import AvanceStore

/// The store's two backends, as the tests' argument: every test that takes one runs on SQLite
/// and on PostgreSQL. PostgreSQL is the server of `AVANCE_TEST_POSTGRES`
/// (`postgresql://user@host/database`, a role that may create databases), which
/// `Scripts/test` sets to a throwaway server of its own unless it is given.
enum Backend: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var all: [Backend] { TestPostgres.url == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty store.
    func store() throws -> Store {
        switch self {
        case .sqlite: try Make.memoryStore()
        case .postgres: try Store.open(.postgres(TestPostgres.newDatabase()))
        }
    }
}

enum TestPostgres {
    static var url: String? {
        ProcessInfo.processInfo.environment["AVANCE_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    private static let counter = Mutex(0)

    /// The test server's session, made once; databases left by earlier test processes are
    /// dropped first (those still in use are left alone).
    private static let admin: Result<(PostgresAddress, PostgresSession), any Error> = Result {
        guard let url else { throw StoreError.noDatabase(path: "AVANCE_TEST_POSTGRES") }
        let address = try PostgresAddress.parse(url)
        let session = try PostgresSession.connect(address)
        let mine = "avance_test_\(getpid())_"
        for row in try session.rows("SELECT datname FROM pg_database WHERE datname LIKE 'avance\\_test\\_%'") {
            let name: String = row["datname"]
            if !name.hasPrefix(mine) { _ = try? session.execute("DROP DATABASE IF EXISTS \"\(name)\"") }
        }
        return (address, session)
    }

    /// A new, empty database on the test server.
    static func newDatabase() throws -> PostgresAddress {
        let (server, session) = try admin.get()
        let n = counter.withLock { n in
            n += 1
            return n
        }
        let name = "avance_test_\(getpid())_\(n)"
        try session.execute("CREATE DATABASE \"\(name)\"")
        var address = server
        address.database = name
        return address
    }
}
