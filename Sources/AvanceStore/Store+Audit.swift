import AvanceCore
import Foundation
import GRDB

/// A current record as the audit reads it: the stored record, placed at the path where its
/// document is now, with the findings stored for it.
public struct AuditRecord: Sendable, Hashable {
    public var recordId: Int64
    public var documentId: Int64
    public var sha256: String
    /// A current path of the document (the first in order when several hold it).
    public var path: String
    /// The stored record with `source.path` set to `path` and `findings` set to the stored
    /// findings (those the run that stored it made).
    public var record: IndicatorRecord
}

extension Store {
    /// The records of current (not superseded) documents with their stored findings, in
    /// path order; only those of one year when `year` is given.
    public func currentRecordsForAudit(year: Int? = nil) throws(StoreError) -> [AuditRecord] {
        try perform("reading records for the audit") {
            try writer.read { db in
                let yearCondition = year == nil ? "" : "AND records.year = ?"
                let arguments: StatementArguments = year.map { [$0] } ?? []
                var findings: [Int64: [Finding]] = [:]
                let findingRows = try Row.fetchCursor(db, sql: """
                    SELECT findings.record_id, findings.rule, findings.severity, findings.message, findings.evidence
                    FROM findings
                    JOIN records ON records.id = findings.record_id
                    JOIN documents ON documents.id = findings.document_id
                    WHERE documents.superseded_by IS NULL \(yearCondition)
                    ORDER BY findings.id
                    """, arguments: arguments)
                while let row = try findingRows.next() {
                    let evidence = try JSONDecoder().decode([SourceSpan].self, from: Data((row[4] as String).utf8))
                    let severity = Severity(rawValue: row[2]) ?? .error
                    findings[row[0], default: []].append(Finding(rule: row[1], severity: severity, message: row[3], evidence: evidence))
                }
                var result: [AuditRecord] = []
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT records.id AS _id, records.document_id AS _document, records.json AS _json,
                        documents.sha256 AS _sha256,
                        COALESCE((SELECT MIN(path) FROM locations
                                  WHERE locations.document_id = documents.id AND locations.is_current = 1),
                                 (SELECT MIN(path) FROM locations WHERE locations.document_id = documents.id), '') AS _path
                    FROM records JOIN documents ON documents.id = records.document_id
                    WHERE documents.superseded_by IS NULL \(yearCondition)
                    ORDER BY _path, records.ordinal
                    """, arguments: arguments)
                while let row = try rows.next() {
                    let id: Int64 = row["_id"]
                    let path: String = row["_path"]
                    var record = try JSONDecoder().decode(IndicatorRecord.self, from: Data((row["_json"] as String).utf8))
                    record.source.path = path
                    record.findings = findings[id] ?? []
                    result.append(AuditRecord(recordId: id, documentId: row["_document"], sha256: row["_sha256"], path: path, record: record))
                }
                return result
            }
        }
    }
}
