import GRDB
import AvanceCore

/// One `avance ingest` run (table `runs`).
public struct RunRow: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "runs"

    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    /// `running` while it works; `finished`; `interrupted` when a later run finds it
    /// still `running` (killed); `failed` when it stopped on an error.
    public var status: String
    public var avanceVersion: String
    public var pid: Int64?
    public var host: String?
    /// The paths given on the command line, as a JSON array.
    public var paths: String
    public var counts: RunCounts
    public var exitCode: Int64?

    public init(
        id: Int64? = nil, startedAt: String, finishedAt: String? = nil, status: String = "running",
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

    enum CodingKeys: String, CodingKey {
        case id, startedAt = "started_at", finishedAt = "finished_at", status
        case avanceVersion = "avance_version", pid, host, paths, exitCode = "exit_code"
        case filesSeen = "files_seen", filesRead = "files_read", new, changed, unchanged, duplicates
        case failed, settling, ignored
        case findingsError = "findings_error", findingsWarning = "findings_warning", findingsInfo = "findings_info"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        startedAt = try c.decode(String.self, forKey: .startedAt)
        finishedAt = try c.decodeIfPresent(String.self, forKey: .finishedAt)
        status = try c.decode(String.self, forKey: .status)
        avanceVersion = try c.decode(String.self, forKey: .avanceVersion)
        pid = try c.decodeIfPresent(Int64.self, forKey: .pid)
        host = try c.decodeIfPresent(String.self, forKey: .host)
        paths = try c.decode(String.self, forKey: .paths)
        exitCode = try c.decodeIfPresent(Int64.self, forKey: .exitCode)
        counts = RunCounts(
            filesSeen: try c.decode(Int.self, forKey: .filesSeen),
            filesRead: try c.decode(Int.self, forKey: .filesRead),
            new: try c.decode(Int.self, forKey: .new),
            changed: try c.decode(Int.self, forKey: .changed),
            unchanged: try c.decode(Int.self, forKey: .unchanged),
            duplicates: try c.decode(Int.self, forKey: .duplicates),
            failed: try c.decode(Int.self, forKey: .failed),
            settling: try c.decode(Int.self, forKey: .settling),
            ignored: try c.decode(Int.self, forKey: .ignored),
            findingsError: try c.decode(Int.self, forKey: .findingsError),
            findingsWarning: try c.decode(Int.self, forKey: .findingsWarning),
            findingsInfo: try c.decode(Int.self, forKey: .findingsInfo)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(finishedAt, forKey: .finishedAt)
        try c.encode(status, forKey: .status)
        try c.encode(avanceVersion, forKey: .avanceVersion)
        try c.encode(pid, forKey: .pid)
        try c.encode(host, forKey: .host)
        try c.encode(paths, forKey: .paths)
        try c.encode(exitCode, forKey: .exitCode)
        try c.encode(counts.filesSeen, forKey: .filesSeen)
        try c.encode(counts.filesRead, forKey: .filesRead)
        try c.encode(counts.new, forKey: .new)
        try c.encode(counts.changed, forKey: .changed)
        try c.encode(counts.unchanged, forKey: .unchanged)
        try c.encode(counts.duplicates, forKey: .duplicates)
        try c.encode(counts.failed, forKey: .failed)
        try c.encode(counts.settling, forKey: .settling)
        try c.encode(counts.ignored, forKey: .ignored)
        try c.encode(counts.findingsError, forKey: .findingsError)
        try c.encode(counts.findingsWarning, forKey: .findingsWarning)
        try c.encode(counts.findingsInfo, forKey: .findingsInfo)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// What a run did with the files it met.
public struct RunCounts: Codable, Hashable, Sendable {
    /// Candidate files met by the walk (hidden and temporary files are not counted).
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
    public var failed = 0
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
        duplicates: Int = 0, failed: Int = 0, settling: Int = 0, ignored: Int = 0,
        findingsError: Int = 0, findingsWarning: Int = 0, findingsInfo: Int = 0
    ) {
        self.filesSeen = filesSeen
        self.filesRead = filesRead
        self.new = new
        self.changed = changed
        self.unchanged = unchanged
        self.duplicates = duplicates
        self.failed = failed
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
