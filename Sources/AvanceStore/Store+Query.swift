import AvanceCore
import GRDB

/// A stored record with the document it came from and its stored findings.
public struct StoredRecord: Sendable, Hashable {
    public var row: RecordRow
    public var sha256: String
    /// A current path of the document (the first in order when several hold it).
    public var path: String
    /// The findings stored for the record (table `findings`), in the order they were made.
    public var findings: [Finding]

    /// The record as stored, with its findings: the JSON column keeps the record, the
    /// `findings` table its findings (an older store's JSON may hold them too; the table wins).
    public func record() throws -> IndicatorRecord {
        var record = try row.decodedRecord()
        record.findings = findings
        return record
    }
}

/// A stored finding with the identity of the record it is about.
public struct StoredFinding: Sendable, Hashable {
    public var row: FindingRow
    /// The finding, read back from `row`.
    public var finding: Finding
    public var sha256: String
    public var institution: String?
    public var indicatorName: String?
    public var programCode: String?
    public var componentCode: String?
    public var activityCode: String?
    public var indicatorCode: String?
    public var year: Int?
    public var quarter: Int?
    /// Whether the finding belongs to a version replaced since.
    public var superseded: Bool
}

/// Which findings to list.
public struct FindingFilter: Sendable, Hashable {
    /// Findings at or above this severity.
    public var minimumSeverity: Severity
    /// Only these rules; every rule when empty.
    public var rules: [String]
    /// Also findings of superseded versions.
    public var includeSuperseded: Bool

    public init(minimumSeverity: Severity = .info, rules: [String] = [], includeSuperseded: Bool = false) {
        self.minimumSeverity = minimumSeverity
        self.rules = rules
        self.includeSuperseded = includeSuperseded
    }
}

extension Store {
    /// Calls `body` for each record of a current (not superseded) document, in path
    /// order, one row at a time so that memory stays flat on a large store; only those of
    /// one year when `year` is given.
    public func forEachCurrentRecord(year: Int? = nil, _ body: (StoredRecord) throws -> Void) throws(StoreError) {
        let yearCondition = year == nil ? "" : "AND records.year = ?"
        let sql = """
            SELECT records.*, documents.sha256 AS _sha256,
                COALESCE((SELECT MIN(path) FROM locations
                          WHERE locations.document_id = documents.id AND locations.is_current = 1),
                         (SELECT MIN(path) FROM locations WHERE locations.document_id = documents.id), '') AS _path
            FROM records JOIN documents ON documents.id = records.document_id
            WHERE documents.superseded_by IS NULL \(yearCondition)
            ORDER BY _path, records.ordinal
            """
        if let postgres {
            try perform("reading records") {
                // A batch of records at a time, and their findings in one query.
                var findings: [Int64: [Finding]] = [:]
                try postgres.forEachRow(numberedPlaceholders(sql), year.map { [$0.databaseValue] } ?? [], batch: { rows in
                    let ids = rows.map { ($0["id"] as Int64) }
                    findings = [:]
                    for row in try postgres.rows("SELECT * FROM findings WHERE record_id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY id") {
                        let finding = try FindingRow(row: row)
                        findings[finding.recordId, default: []].append(try finding.finding())
                    }
                }) { row in
                    let record = try RecordRow(row: row)
                    try body(StoredRecord(row: record, sha256: row["_sha256"], path: row["_path"], findings: findings[record.id ?? 0] ?? []))
                }
            }
            return
        }
        try perform("reading records") {
            try writer.read { db in
                let rows = try Row.fetchCursor(db, sql: sql, arguments: year.map { [$0] } ?? [])
                let findings = try db.cachedStatement(sql: "SELECT * FROM findings WHERE record_id = ? ORDER BY id")
                while let row = try rows.next() {
                    let record = try RecordRow(row: row)
                    let stored = try FindingRow.fetchAll(findings, arguments: [record.id]).map { try $0.finding() }
                    try body(StoredRecord(row: record, sha256: row["_sha256"], path: row["_path"], findings: stored))
                }
            }
        }
    }

    /// Every current record, in path order.
    public func currentRecords() throws(StoreError) -> [StoredRecord] {
        var result: [StoredRecord] = []
        try forEachCurrentRecord { result.append($0) }
        return result
    }

    /// Stored findings matching `filter`, by file and line.
    public func findings(_ filter: FindingFilter = FindingFilter()) throws(StoreError) -> [StoredFinding] {
        let severities = Severity.allCases.filter { $0 >= filter.minimumSeverity }.map(\.rawValue)
        var conditions = ["findings.severity IN (\(databaseQuestionMarks(count: severities.count)))"]
        var arguments = StatementArguments(severities)
        var values = severities.map(\.databaseValue)
        if !filter.rules.isEmpty {
            conditions.append("findings.rule IN (\(databaseQuestionMarks(count: filter.rules.count)))")
            arguments += StatementArguments(filter.rules)
            values += filter.rules.map(\.databaseValue)
        }
        if !filter.includeSuperseded {
            conditions.append("documents.superseded_by IS NULL")
        }
        // SQLite sorts NULL first, PostgreSQL last unless told.
        let nullsFirst = postgres == nil ? "" : " NULLS FIRST"
        let sql = """
            SELECT findings.*, documents.sha256 AS _sha256, documents.superseded_by IS NOT NULL AS _superseded,
                records.institution AS _institution, records.indicator_name AS _indicator_name,
                records.program_code AS _program, records.component_code AS _component,
                records.activity_code AS _activity, records.indicator_code AS _indicator,
                records.year AS _year, records.quarter AS _quarter
            FROM findings
            JOIN records ON records.id = findings.record_id
            JOIN documents ON documents.id = findings.document_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY findings.path, findings.page\(nullsFirst), findings.line\(nullsFirst), findings."column"\(nullsFirst), findings.id
            """
        return try perform("reading findings") {
            let rows: [Row]
            if let postgres {
                rows = try postgres.rows(sql, values)
            } else {
                rows = try writer.read { db in try Row.fetchAll(db, sql: sql, arguments: arguments) }
            }
            return try rows.map { row throws -> StoredFinding in
                    let finding = try FindingRow(row: row)
                    return StoredFinding(
                        row: finding, finding: try finding.finding(), sha256: row["_sha256"],
                        institution: row["_institution"], indicatorName: row["_indicator_name"], programCode: row["_program"],
                        componentCode: row["_component"], activityCode: row["_activity"],
                        indicatorCode: row["_indicator"], year: row["_year"], quarter: row["_quarter"],
                        superseded: row["_superseded"]
                    )
            }
        }
    }
}
