import AvanceCore
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
        return "ingest: \(c.new) new, \(c.changed) changed, \(c.unchanged) unchanged, \(Plural.count(c.duplicates, "duplicate")), "
            + "\(c.failed) failed, \(Plural.count(c.knownFailures, "known failure")), "
            + "\(Plural.count(c.notReports, "not a report", plural: "not reports")), \(c.settling) settling, \(c.ignored) ignored; "
            + "\(Plural.count(c.filesSeen, "file")) seen, \(c.filesRead) read; "
            + "findings: \(Plural.severity(c.findingsError, .error)), \(Plural.severity(c.findingsWarning, .warning)), \(Plural.severity(c.findingsInfo, .info)); "
            + "run \(runId), \(String(format: "%.1f", seconds)) s"
    }

    /// What to do about files left to settle, when there are some.
    func settlingHint(settle: Double) -> String? {
        let n = counts.settling
        guard n > 0 else { return nil }
        let files = n == 1 ? "1 file was" : "\(n) files were"
        return "ingest: \(files) modified less than \(Ingestor.seconds(settle)) s ago and may still be being written: "
            + "\(n == 1 ? "it" : "they") will be taken on the next run, or now with --settle 0"
    }

    /// The same as one JSON object, keys stable.
    var json: String {
        let c = counts
        return "{\"run\":\(runId),\"new\":\(c.new),\"changed\":\(c.changed),\"unchanged\":\(c.unchanged),"
            + "\"duplicates\":\(c.duplicates),\"failed\":\(c.failed),\"knownFailures\":\(c.knownFailures),"
            + "\"notReports\":\(c.notReports),\"settling\":\(c.settling),\"ignored\":\(c.ignored),"
            + "\"filesSeen\":\(c.filesSeen),\"filesRead\":\(c.filesRead),"
            + "\"findings\":{\"error\":\(c.findingsError),\"warning\":\(c.findingsWarning),\"info\":\(c.findingsInfo)},"
            + "\"seconds\":\(String(format: "%.3f", seconds)),\"exitCode\":\(exitCode)}"
    }
}

/// "1 warning", "2 warnings", "0 errors": a count with its noun agreeing.
enum Plural {
    static func count(_ n: Int, _ singular: String, plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// "1 error", "2 warnings", "3 info" (info is a mass noun).
    static func severity(_ n: Int, _ severity: Severity) -> String {
        severity == .info ? "\(n) info" : count(n, severity.rawValue)
    }
}
