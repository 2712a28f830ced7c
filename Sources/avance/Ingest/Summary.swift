import AvanceStore
import Foundation

/// The one line an ingest run ends with, on standard output.
struct IngestSummary: Sendable {
    var runId: Int64
    var counts: RunCounts
    var seconds: Double
    var exitCode: Int32

    var text: String {
        let c = counts
        return "ingest: \(c.new) new, \(c.changed) changed, \(c.unchanged) unchanged, \(c.duplicates) duplicate, "
            + "\(c.failed) failed, \(c.settling) settling, \(c.ignored) ignored; "
            + "\(c.filesSeen) files seen, \(c.filesRead) read; "
            + "findings: \(c.findingsError) error, \(c.findingsWarning) warning, \(c.findingsInfo) info; "
            + "run \(runId), \(String(format: "%.1f", seconds)) s"
    }

    /// The same as one JSON object, keys stable.
    var json: String {
        let c = counts
        return "{\"run\":\(runId),\"new\":\(c.new),\"changed\":\(c.changed),\"unchanged\":\(c.unchanged),"
            + "\"duplicates\":\(c.duplicates),\"failed\":\(c.failed),\"settling\":\(c.settling),\"ignored\":\(c.ignored),"
            + "\"filesSeen\":\(c.filesSeen),\"filesRead\":\(c.filesRead),"
            + "\"findings\":{\"error\":\(c.findingsError),\"warning\":\(c.findingsWarning),\"info\":\(c.findingsInfo)},"
            + "\"seconds\":\(String(format: "%.3f", seconds)),\"exitCode\":\(exitCode)}"
    }
}
