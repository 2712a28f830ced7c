import AvanceCore
import Foundation
import GRDB

/// The auditor's decisions about findings (table `waivers`): a finding, by its fingerprint,
/// waived with a reason. And which documents a run stored first, for "new since run N".
extension Store {
    /// Waives the findings of these fingerprints with `reason` (a second waiver of one replaces the first).
    public func waive(_ fingerprints: [String], reason: String, at time: String = Timestamp.now()) throws(StoreError) {
        let sql = "INSERT INTO waivers (fingerprint, reason, waived_at) VALUES (?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET reason = excluded.reason, waived_at = excluded.waived_at"
        try perform("writing waivers") {
            if let postgres {
                try postgres.session.transaction {
                    for f in fingerprints { try postgres.execute(sql, [f, reason, time].map(\.databaseValue)) }
                }
                return
            }
            try writer.write { db in
            for f in fingerprints {
                try db.execute(sql: sql, arguments: [f, reason, time])
            }
            }
        }
    }

    /// Every waiver: the reason by fingerprint.
    public func waivers() throws(StoreError) -> [String: String] {
        try perform("reading waivers") {
            let sql = "SELECT fingerprint, reason FROM waivers"
            let rows = try postgres?.rows(sql) ?? writer.read { db in try Row.fetchAll(db, sql: sql) }
            return Dictionary(rows.map { ($0["fingerprint"], $0["reason"]) }) { a, _ in a }
        }
    }

    /// The SHA-256 of the documents first stored by a run after `run` (new since it), and
    /// whether that run exists.
    public func documentsStored(after run: Int64) throws(StoreError) -> (documents: Set<String>, runExists: Bool) {
        try perform("reading runs") {
            if let postgres {
                let exists = try postgres.rows("SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?) AS e", [run.databaseValue]).first?["e"] as Bool? ?? false
                let shas = try postgres.rows("SELECT sha256 FROM documents WHERE first_run_id > ?", [run.databaseValue]).map { $0["sha256"] as String }
                return (Set(shas), exists)
            }
            return try writer.read { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [run]) ?? false
            let shas = try String.fetchAll(db, sql: "SELECT sha256 FROM documents WHERE first_run_id > ?", arguments: [run])
            return (Set(shas), exists)
            }
        }
    }
}
