import Foundation

/// Which store a command works on: an SQLite file, or a PostgreSQL database named by a
/// libpq-style URL (`postgresql://user@host/database`).
public enum StoreAddress: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// A PostgreSQL URL, or else a file's path (taken as given).
    public static func parse(_ text: String) throws(StoreError) -> StoreAddress {
        PostgresAddress.isURL(text) ? .postgres(try PostgresAddress.parse(text)) : .sqlite(path: text)
    }

    /// The file's path, or the URL without a password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}

extension Store {
    /// Opens (creating and migrating if needed) the store at `address`.
    public static func open(_ address: StoreAddress) throws(StoreError) -> Store {
        switch address {
        case .sqlite(let path):
            return try open(path: path)
        case .postgres(let address):
            let store = try connect(address, readOnly: false)
            do {
                try store.migrate()
            } catch {
                throw .cannotOpen(path: address.description, reason: reason(error))
            }
            return Store(postgres: store)
        }
    }

    /// Opens an existing store for reading only (`export`, `findings`, `audit`). A PostgreSQL
    /// session is made read-only (`default_transaction_read_only`), so a role that may only
    /// read is enough; a database without avance's tables is no store.
    public static func openForReading(_ address: StoreAddress) throws(StoreError) -> Store {
        switch address {
        case .sqlite(let path):
            return try openForReading(path: path)
        case .postgres(let address):
            let store = try connect(address, readOnly: true)
            let applied: [String]?
            do {
                applied = try store.appliedMigrations()
            } catch {
                throw .cannotOpen(path: address.description, reason: reason(error))
            }
            guard let applied else { throw .noDatabase(path: address.description) }
            if applied != Schema.migrationNames {
                // Written by an older avance: upgraded as an ingest would, if this role may.
                do {
                    try connect(address, readOnly: false).migrate()
                } catch {
                    throw .cannotOpen(path: address.description, reason: "it was written by an older avance and must be upgraded, which needs a role that may change the schema: run `avance ingest` on it once (\(reason(error)))")
                }
            }
            return Store(postgres: store)
        }
    }

    static func connect(_ address: PostgresAddress, readOnly: Bool) throws(StoreError) -> PostgresStore {
        do {
            let session = try PostgresSession.connect(address)
            if readOnly {
                try session.execute("SET default_transaction_read_only = on")
            } else {
                // The server notices within about two minutes that a worker's machine vanished
                // (no TCP answer), and frees its claims for the other workers.
                try session.execute("SET tcp_keepalives_idle = 60")
                try session.execute("SET tcp_keepalives_interval = 10")
                try session.execute("SET tcp_keepalives_count = 6")
            }
            return PostgresStore(session: session)
        } catch {
            throw .cannotOpen(path: address.description, reason: reason(error))
        }
    }
}
