import Foundation
import GRDB
import StoreTestSupport
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
        case .postgres: try Store.open(.postgres(TestPostgres.newDatabase().address))
        }
    }
}
