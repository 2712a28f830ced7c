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
        var result: [AuditRecord] = []
        try forEachCurrentRecord(year: year) { stored in
            var record = try stored.record()
            record.source.path = stored.path
            result.append(AuditRecord(
                recordId: stored.row.id ?? 0, documentId: stored.row.documentId, sha256: stored.sha256,
                path: stored.path, record: record
            ))
        }
        return result
    }
}
