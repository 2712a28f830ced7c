import GRDB
import AvanceCore

/// One `avance ingest` run (table `runs`).
public struct RunRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, SnakeCaseColumns {
    public static let databaseTableName = "runs"

    /// `running` while it works; `finished`; `interrupted` when a later run finds it
    /// still `running` (killed); `failed` when it stopped on an error.
    public enum Status: String, Codable, Hashable, Sendable, DatabaseValueConvertible {
        case running, finished, interrupted, failed
    }

    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    public var status: Status
    public var avanceVersion: String
    public var pid: Int64?
    public var host: String?
    /// The paths given on the command line, as a JSON array.
    public var paths: String
    /// Columns of the row itself (`files_seen`, ...), not one column of JSON.
    @Flattened public var counts: RunCounts
    public var exitCode: Int64?

    public init(
        id: Int64? = nil, startedAt: String, finishedAt: String? = nil, status: Status = .running,
        avanceVersion: String, pid: Int64?, host: String?, paths: String, counts: RunCounts = RunCounts(),
        exitCode: Int64? = nil
    ) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.avanceVersion = avanceVersion
        self.pid = pid
        self.host = host
        self.paths = paths
        self.counts = counts
        self.exitCode = exitCode
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What a run did with the files it met.
public struct RunCounts: Codable, Hashable, Sendable {
    /// Candidate files met by the walk, those it could not read (a dangling link, a FIFO)
    /// included (hidden and temporary files are not counted).
    public var filesSeen = 0
    /// Files whose bytes were read; a rerun over unchanged files reads none.
    public var filesRead = 0
    /// Files at a new path with content never stored before.
    public var new = 0
    /// Files at a known path whose content changed: a new version.
    public var changed = 0
    /// Files at a known path with the same content (decided from size and
    /// modification time, or, after a touch, from the hash).
    public var unchanged = 0
    /// Files at a new path whose content is already stored: another location.
    public var duplicates = 0
    /// New failures: files that failed for the first time, or otherwise than last time.
    public var failed = 0
    /// Failures met again: same file, content, reason and avance version as before. Not read
    /// again, and no reason for exit status 2.
    public var knownFailures = 0
    /// Files that are not indicator reports (a README, a JSON file), remembered by content.
    public var notReports = 0
    /// Files modified too recently; taken on a later run.
    public var settling = 0
    /// Files whose content is no report format (images, office files).
    public var ignored = 0
    /// Findings of the documents stored by the run, by severity.
    public var findingsError = 0
    public var findingsWarning = 0
    public var findingsInfo = 0

    public init(
        filesSeen: Int = 0, filesRead: Int = 0, new: Int = 0, changed: Int = 0, unchanged: Int = 0,
        duplicates: Int = 0, failed: Int = 0, knownFailures: Int = 0, notReports: Int = 0, settling: Int = 0,
        ignored: Int = 0, findingsError: Int = 0, findingsWarning: Int = 0, findingsInfo: Int = 0
    ) {
        self.filesSeen = filesSeen
        self.filesRead = filesRead
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.duplicates = duplicates
        self.failed = failed
        self.knownFailures = knownFailures
        self.notReports = notReports
        self.settling = settling
        self.ignored = ignored
        self.findingsError = findingsError
        self.findingsWarning = findingsWarning
        self.findingsInfo = findingsInfo
    }

    public mutating func addFindings(_ counts: [Severity: Int]) {
        findingsError += counts[.error, default: 0]
        findingsWarning += counts[.warning, default: 0]
        findingsInfo += counts[.info, default: 0]
    }
}
