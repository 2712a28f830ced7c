import ArgumentParser
import AvanceStore
import Foundation

/// `avance migrate`: an SQLite store copied into an empty PostgreSQL store.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy an SQLite store into an empty PostgreSQL store, without ingesting again.",
        discussion: """
            Every table is copied (runs, documents and their versions, locations, records, findings, \
            failures with their history, waivers), ids kept, in one transaction: the target holds \
            all of it or nothing. The password comes from PGPASSWORD or ~/.pgpass.

            Exit status: 0 copied; 74 a store could not be opened, the target is not empty, or the \
            copy failed (nothing was written to the target).
            """
    )

    @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "file"))
    var from: String

    @Option(help: ArgumentHelp("The PostgreSQL store to copy it into: postgresql://user@host/database (empty, or made by avance with nothing stored).", valueName: "url"))
    var to: String

    func validate() throws {
        guard PostgresAddress.isURL(to) else { throw ValidationError("--to must be a PostgreSQL URL, postgresql://user@host/database") }
        guard !PostgresAddress.isURL(from) else { throw ValidationError("--from must be an SQLite file") }
    }

    func run() async throws {
        try await reportingStoreErrors {
            let source = try Store.openForReading(.sqlite(path: AbsolutePath.make(from)))
            let address = try StoreAddress.parse(to)
            let target = try Store.open(address)
            let copied = try source.copy(into: target)
            let counts = copied.map { "\($0.rows) \($0.table)" }.joined(separator: ", ")
            Console.standardError.line("copied \(counts) into \(address)")
        }
    }
}
