import AvanceCore
import Foundation
import GRDB

/// The auditor's decisions about findings (table `waivers`): a finding, by its fingerprint,
/// waived with a reason. And which documents a run stored first, for "new since run N".
extension Store {
    /// Waives the findings of these fingerprints with `reason` (a second waiver of one replaces the first).
    public func waive(_ fingerprints: [String], reason: String, at time: String = Timestamp.now()) throws(StoreError) {
        try perform("writing waivers") {
            try writer.write { db in
            for f in fingerprints {
                try db.execute(
                    sql: "INSERT INTO waivers (fingerprint, reason, waived_at) VALUES (?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET reason = excluded.reason, waived_at = excluded.waived_at",
                    arguments: [f, reason, time]
                )
            }
            }
        }
    }

    /// Every waiver: the reason by fingerprint.
    public func waivers() throws(StoreError) -> [String: String] {
        try perform("reading waivers") {
            try writer.read { db in
                Dictionary(try Row.fetchAll(db, sql: "SELECT fingerprint, reason FROM waivers").map { ($0["fingerprint"], $0["reason"]) }) { a, _ in a }
            }
        }
    }

    /// The SHA-256 of the documents first stored by a run after `run` (new since it), and
    /// whether that run exists.
    public func documentsStored(after run: Int64) throws(StoreError) -> (documents: Set<String>, runExists: Bool) {
        try perform("reading runs") {
            try writer.read { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM runs WHERE id = ?)", arguments: [run]) ?? false
            let shas = try String.fetchAll(db, sql: "SELECT sha256 FROM documents WHERE first_run_id > ?", arguments: [run])
            return (Set(shas), exists)
            }
        }
    }
}
