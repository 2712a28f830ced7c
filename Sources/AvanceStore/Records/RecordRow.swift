import AvanceCore
import Foundation
import GRDB

/// One indicator record of a document (table `records`): the key fields as columns
/// for queries, and the whole record as JSON in `json`.
public struct RecordRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "records"

    public var id: Int64?
    public var documentId: Int64
    /// 1-based position of the record in its document.
    public var ordinal: Int
    public var institution: String?
    public var institutionAcronym: String?
    public var responsibleUnit: String?
    public var programCode: String?
    public var programName: String?
    public var componentCode: String?
    public var componentName: String?
    public var activityCode: String?
    public var activityName: String?
    public var indicatorCode: String?
    public var indicatorName: String?
    public var year: Int?
    public var quarter: Int?
    public var unit: String?
    public var annualTarget: Double?
    public var periodTarget: Double?
    public var periodIsCumulative: Bool
    public var achieved: Double?
    public var compliancePercent: Double?
    public var actionCount: Int
    public var json: String

    public init(record: IndicatorRecord, documentId: Int64, ordinal: Int) throws {
        id = nil
        self.documentId = documentId
        self.ordinal = ordinal
        // The reporting institution where the report names one; the unit's own name otherwise.
        let institution = record.reportingInstitution
        self.institution = institution?.name
        institutionAcronym = institution?.acronym
        responsibleUnit = record.responsibleUnit?.name
        programCode = record.program?.code
        programName = record.program?.name
        componentCode = record.component?.code
        componentName = record.component?.name
        activityCode = record.activity?.code
        activityName = record.activity?.name
        indicatorCode = record.indicator?.code
        indicatorName = record.indicator?.name
        year = record.period?.year
        quarter = record.period?.quarter
        unit = record.targets.unit
        annualTarget = record.targets.annual
        periodTarget = record.targets.period
        periodIsCumulative = record.targets.periodIsCumulative
        achieved = record.targets.achieved
        compliancePercent = record.targets.compliancePercent
        actionCount = record.actions.count
        json = try JSONText.encode(record)
    }

    /// The record as it was stored.
    public func decodedRecord() throws -> IndicatorRecord {
        try JSONDecoder().decode(IndicatorRecord.self, from: Data(json.utf8))
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The values of `IngestSQL.insertRecord`, in its order of columns.
    var insertArguments: StatementArguments {
        [
            documentId, ordinal, institution, institutionAcronym, responsibleUnit, programCode, programName, componentCode,
            componentName, activityCode, activityName, indicatorCode, indicatorName, year, quarter, unit, annualTarget,
            periodTarget, periodIsCumulative, achieved, compliancePercent, actionCount, json,
        ]
    }
}

/// Compact JSON with sorted keys and slashes left alone (links stay readable in `sqlite3`):
/// `CompactJSON`, the bytes `JSONEncoder` writes with `.sortedKeys` and `.withoutEscapingSlashes`.
enum JSONText {
    static func encode(_ value: some CompactJSONEncodable) throws -> String {
        try CompactJSON.string(value)
    }
}
