import ArgumentParser
import AvanceCore
import AvanceReport
import AvanceStore
import Foundation

/// `avance export`: the current (not superseded) records as CSV or JSON Lines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored records of current (not superseded) documents as CSV or JSON Lines.",
        discussion: """
            CSV: one row per record, the key fields as columns, UTF-8 with a header row, RFC 4180 \
            quoting and CRLF row ends (--bom for Excel). JSON Lines: one full record per line.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    @OptionGroup var database: DatabaseOptions

    @Option(help: "csv or jsonl.")
    var format: Format

    @OptionGroup var out: OutputOptions

    @OptionGroup var csv: CSVOptions

    func validate() throws {
        if csv.bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
        _ = try out.destination(database: database.path)
    }

    static let csvHeader = [
        "sha256", "path", "ordinal", "institution", "institution_acronym", "responsible_unit",
        "program_code", "program_name", "component_code", "component_name", "activity_code", "activity_name",
        "indicator_code", "indicator_name", "year", "quarter", "unit", "annual_target", "period_target",
        "period_is_cumulative", "achieved", "compliance_percent", "action_count", "finding_count",
    ]

    static func csvFields(_ stored: StoredRecord) -> [String?] {
        let r = stored.row
        return [
            stored.sha256, stored.path, String(r.ordinal), r.institution, r.institutionAcronym, r.responsibleUnit,
            r.programCode, r.programName, r.componentCode, r.componentName, r.activityCode, r.activityName,
            r.indicatorCode, r.indicatorName, r.year.map(String.init), r.quarter.map(String.init), r.unit,
            CSV.number(r.annualTarget), CSV.number(r.periodTarget), r.periodIsCumulative ? "true" : "false",
            CSV.number(r.achieved), CSV.number(r.compliancePercent), String(r.actionCount), String(stored.findings.count),
        ]
    }

    /// One record as JSON Lines writes it: compact, keys sorted, slashes as they are.
    static func jsonLine(_ record: IndicatorRecord) throws -> String {
        try CompactJSON.string(record) + "\n"
    }

    func run() async throws {
        try await reportingStoreErrors { try export() }
    }

    private func export() throws {
        let store = try Store.openForReading(try database.address())
        let sink = try out.sink(database: database.path)
        do {
            switch format {
            case .csv:
                try sink.write(csv.prefix + CSV.row(Self.csvHeader))
                var failure: (any Error)?
                try store.forEachCurrentRecord { stored in
                    do { try sink.write(CSV.row(Self.csvFields(stored))) } catch { failure = error }
                }
                if let failure { throw failure }
            case .jsonl:
                var failure: (any Error)?
                try store.forEachCurrentRecord { stored in
                    do { try sink.write(try Self.jsonLine(stored.record())) } catch { failure = error }
                }
                if let failure { throw failure }
            }
            try sink.finish()
        } catch {
            sink.abandon()
            throw error
        }
    }
}
