import Foundation
import GRDB

extension Store {
    /// The tables a copy takes, in an order that keeps every reference satisfied.
    static let copiedTables = ["runs", "documents", "locations", "records", "findings", "failures", "waivers"]

    /// Copies every row of this SQLite store into `target`, an empty PostgreSQL store, in one
    /// transaction of the target: ids kept (so runs, versions and failures read as they did),
    /// the id counters set past the highest id SQLite ever gave. Returns the rows copied, by table.
    public func copy(into target: Store) throws(StoreError) -> [(table: String, rows: Int)] {
        guard let sqlite, let postgres = target.postgres else {
            throw .database(operation: "copying the store", reason: "avance copies an SQLite store into a PostgreSQL one")
        }
        return try perform("copying the store into \(postgres.address)") {
            try postgres.session.transaction {
                let held = try postgres.session.value(
                    Int64.self,
                    "SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM documents) + (SELECT COUNT(*) FROM failures) + (SELECT COUNT(*) FROM waivers)"
                ) ?? 0
                guard held == 0 else {
                    throw StoreError.database(
                        operation: "copying the store into \(postgres.address)",
                        reason: "the target holds a store already (\(held) rows of runs, documents, failures and waivers); avance migrate copies into an empty one"
                    )
                }
                return try sqlite.read { db in
                    var copied: [(table: String, rows: Int)] = []
                    for table in Self.copiedTables {
                        copied.append((table, try copy(table, from: db, into: postgres)))
                    }
                    return copied
                }
            }
        }
    }

    private func copy(_ table: String, from db: Database, into postgres: PostgresStore) throws -> Int {
        let targetColumns = Set(try postgres.session.rows(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1",
            [table.databaseValue]
        ).map { $0["column_name"] as String })
        let columns = try db.columns(in: table).map(\.name).filter { targetColumns.contains($0) }
        // A document may name as its successor one with a lower id (a file reverted to an older
        // content): successors are set once every document is in.
        let deferred = table == "documents" ? "superseded_by" : nil
        let perStatement = max(1, 60_000 / columns.count)
        let insert = "INSERT INTO \(table) (\(columns.map(PostgresStore.quoted).joined(separator: ", "))) VALUES "
        var count = 0
        var batch: [[DatabaseValue]] = []
        var successors: [(Int64, Int64)] = []
        func flush() throws {
            guard !batch.isEmpty else { return }
            var values: [DatabaseValue] = []
            var tuples: [String] = []
            for row in batch {
                tuples.append("(" + row.indices.map { "$\(values.count + $0 + 1)" }.joined(separator: ", ") + ")")
                values += row
            }
            try postgres.session.execute(insert + tuples.joined(separator: ", "), values)
            batch.removeAll(keepingCapacity: true)
        }
        let rows = try Row.fetchCursor(db, sql: "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \(table) ORDER BY 1")
        while let row = try rows.next() {
            var values: [DatabaseValue] = []
            for column in columns {
                let value: DatabaseValue = row[column]
                if column == deferred, let successor = Int64.fromDatabaseValue(value), let id = row["id"] as Int64? {
                    successors.append((id, successor))
                    values.append(.null)
                } else {
                    values.append(value)
                }
            }
            batch.append(values)
            count += 1
            if batch.count >= perStatement { try flush() }
        }
        try flush()
        for chunk in stride(from: 0, to: successors.count, by: 10_000) {
            let part = successors[chunk..<min(successors.count, chunk + 10_000)]
            let tuples = part.indices.map { i in "($\(2 * (i - chunk) + 1)::bigint, $\(2 * (i - chunk) + 2)::bigint)" }
            try postgres.session.execute(
                "UPDATE documents SET superseded_by = v.s FROM (VALUES \(tuples.joined(separator: ", "))) AS v(id, s) WHERE documents.id = v.id",
                part.flatMap { [$0.0.databaseValue, $0.1.databaseValue] }
            )
        }
        if columns.contains("id"), table != "waivers" {
            // Past both the highest id copied and the highest SQLite ever gave (AUTOINCREMENT).
            let given = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table]) ?? 0
            let highest = max(given, try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM \(table)") ?? 0)
            if highest > 0 {
                try postgres.session.execute(
                    "SELECT setval(pg_get_serial_sequence($1, 'id'), $2)", [table.databaseValue, highest.databaseValue]
                )
            }
        }
        return count
    }
}
