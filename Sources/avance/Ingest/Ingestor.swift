import AvanceCore
import AvanceExtract
import AvanceStore
import Foundation
import Logging
import Synchronization

/// One `avance ingest` run over files and folders: walks them, decides what is new
/// from the known locations, extracts and parses the rest in parallel, and stores what it
/// found from this task alone (one writer): in SQLite several files per transaction, each file
/// in a savepoint of its own (`PendingFiles`), in PostgreSQL each file in its own transaction.
struct Ingestor: Sendable {
    struct Options: Sendable {
        var roots: [String]
        var database: String
        /// Shell patterns of names to pass over.
        var excludes: [String]
        /// Shell patterns of file names to take; every file when empty.
        var includes: [String] = []
        var jobs: Int
        /// PDFs taken beyond `jobs`: as many as the workers that read them (none with the
        /// pdftotext engine). While the workers read some, as many others are laid out and
        /// parsed here (the pipeline's `WorkSlots` keep those to `jobs`); a file waiting for a
        /// slot holds only its bytes.
        var pdfWorkers = 0

        /// Whether a PDF worker will read `path`, told by its name since its bytes are not
        /// read yet (a PDF under another name is only paced like the other files).
        func readsElsewhere(_ path: String) -> Bool {
            pdfWorkers > 0 && path.lowercased().hasSuffix(".pdf")
        }

        /// How many files may be in flight when `path` is taken: `jobs`, and for a PDF as many
        /// more as there are workers.
        func filesInFlight(taking path: String) -> Int {
            readsElsewhere(path) ? jobs + pdfWorkers : jobs
        }

        /// Files modified less than this many seconds ago are left for a later run.
        var settleSeconds: Double
        /// Read again the files that failed before, even unchanged (`--retry-failures`).
        var retryFailures = false
        /// This avance's version: a failure of another version is not "known".
        var version = ""
        /// When the files found are committed (SQLite; PostgreSQL commits each file alone).
        var batching = PendingFiles.Limits()
    }

    let store: Store
    let options: Options
    let pipeline: Pipeline
    let logger: Logger
    let progress: ProgressBar?
    let runId: Int64

    /// What a worker found out about one file.
    enum Work: Sendable {
        case content(path: String, stamp: FileStamp, FileContent)
        case failed(path: String, stamp: FileStamp, reason: String, sha256: String?, notAReport: Bool)
        case ignored(path: String, reason: String)

        var path: String {
            switch self {
            case .content(let path, _, _), .failed(let path, _, _, _, _), .ignored(let path, _): path
            }
        }
    }

    /// The files beside the database that the walk passes over.
    static func databaseFiles(_ database: String) -> [String] {
        [database, database + "-wal", database + "-shm", database + "-journal", StoreLock.path(forDatabase: database)]
    }

    /// Walks, reads and stores; the counts are kept in `ledger`. Returns false when the run was
    /// stopped (the ledger closed by a signal's stop) before it ended: nothing was written after that.
    func run(_ ledger: RunLedger) async throws -> Bool {
        let known = try store.currentLocations()
        // The open failures: a path whose file is unchanged since it failed (or was found to be
        // no report) with this avance is not read again.
        let failures = Dictionary(try store.openFailures().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        // Contents known to be no report: a copy of one at another path is not parsed again.
        let notReports = Dictionary(
            failures.values.filter { $0.kind == .notAReport && $0.avanceVersion == options.version }
                .compactMap { f in f.sha256.map { ($0, f.reason) } },
            uniquingKeysWith: { a, _ in a }
        )
        // A file is settled once its last change is older than this instant.
        let settledBefore = Int64((Date().timeIntervalSince1970 - options.settleSeconds) * 1e9)
        let walker = FileWalker(
            roots: options.roots, excluding: Self.databaseFiles(options.database), excludingNames: options.excludes,
            includingNames: options.includes
        )

        /// What to do with a file, from what the store holds about its path.
        func decide(_ path: String, _ stamp: FileStamp, _ previous: KnownLocation?, _ failure: FailureRow?) -> Decision {
            if previous?.stamp == stamp { return .unchanged }
            if !options.retryFailures, let failure, failure.id != nil,
               failure.avanceVersion == options.version, failure.size == stamp.size, failure.mtimeNs == stamp.mtimeNs {
                return .knownFailure(failure)
            }
            if stamp.mtimeNs > settledBefore { return .settling }
            let remembered = options.retryFailures ? nil : failure.flatMap { $0.avanceVersion == options.version ? $0 : nil }
            return .read(Job(
                path: path, stamp: stamp, previousSha: previous?.sha256, failure: remembered,
                notReports: options.retryFailures ? [:] : notReports, store: store, pipeline: pipeline,
                readsElsewhere: options.readsElsewhere(path)
            ))
        }

        /// Counts a file that is not read; false when the ledger is closed.
        func count(_ path: String, _ decision: Decision) throws -> Bool {
            try ledger.update { counts in
                switch decision {
                case .unchanged:
                    counts.unchanged += 1
                    logger.debug("unchanged", metadata: ["path": "\(path)"])
                case .knownFailure(let failure):
                    if let id = failure.id { try store.sawFailure(id: id, runId: runId) }
                    if failure.kind == .notAReport {
                        counts.notReports += 1
                        logger.debug("not a report", metadata: ["path": "\(path)", "reason": "\(failure.reason)"])
                    } else {
                        counts.knownFailures += 1
                        logger.info("known failure", metadata: ["path": "\(path)", "reason": "\(failure.reason)"])
                    }
                case .settling:
                    counts.settling += 1
                    logger.info("settling", metadata: ["path": "\(path)", "reason": "modified less than \(Self.seconds(options.settleSeconds)) s ago; taken on a later run"])
                case .read:
                    return
                }
                progress?.advance(counts)
            }
        }

        // A shared store commits each file alone (see `Store.batch`).
        let limits = store.isShared ? PendingFiles.Limits.one : options.batching

        // A child is a file's work, or nil: a tick that commits the files found so far.
        return try await withThrowingTaskGroup(of: Work?.self) { group in
            defer { group.cancelAll() }
            var inFlight = 0
            // Whether a tick is on its way: every file found is committed within `limits.seconds`.
            var ticking = false
            // Files another worker held when this one met them (a shared store): taken after the walk.
            var deferred: [(path: String, stamp: FileStamp)] = []

            /// Records finished files until fewer than `limit` are in flight; false when the ledger is closed.
            func drain(below limit: Int) async throws -> Bool {
                while inFlight >= limit, let event = try await group.next() {
                    guard let done = event else {
                        ticking = false
                        guard try ledger.update({ counts, pending in try flush(&pending, into: &counts) }) else { return false }
                        continue
                    }
                    inFlight -= 1
                    var waiting = false
                    guard try ledger.update({ counts, pending in
                        pending.add(done)
                        if pending.isFull(limits) { try flush(&pending, into: &counts) }
                        waiting = !pending.isEmpty
                    }) else { return false }
                    if waiting, !ticking {
                        ticking = true
                        let nanoseconds = UInt64(limits.seconds * 1e9)
                        group.addTask {
                            try? await Task.sleep(nanoseconds: nanoseconds)
                            return nil
                        }
                    }
                }
                return true
            }

            /// Reads the file unless the store says it need not be; in a shared store, only once
            /// this worker holds the path (`wait`: waiting for another worker to let it go).
            /// Returns nil when the ledger is closed, false when the file is left for later.
            func offer(_ path: String, _ stamp: FileStamp, wait: Bool) async throws -> Bool? {
                var decision = decide(path, stamp, known[path], failures[path])
                if store.isShared, case .read = decision {
                    switch try store.claim(path: path, wait: wait) {
                    case .busy:
                        return false
                    case .claimed(let state):
                        // What the store holds now, after any worker that held the path before.
                        if let state { decision = decide(path, stamp, state.location, state.failure) }
                        if case .read = decision {} else { try store.release(path: path) }
                    }
                }
                guard case .read(let job) = decision else {
                    return try count(path, decision) ? true : nil
                }
                guard try await drain(below: options.filesInFlight(taking: path)) else { return nil }
                group.addTask { await job.run() }
                inFlight += 1
                return true
            }

            for entry in walker {
                let going = try ledger.update { counts, pending in
                    // A long walk of files not read commits what was found before.
                    if pending.isOld(limits) { try flush(&pending, into: &counts) }
                    switch entry {
                    case .skipped(let path, let reason):
                        logger.trace("passed over", metadata: ["path": "\(path)", "reason": "\(reason)"])
                        return
                    case .problem(let path, let reason):
                        // Met by the walk like any file, if it could not be read: it is seen.
                        counts.filesSeen += 1
                        try failure(path: path, stamp: nil, reason: reason, sha256: nil, kind: .failure, into: &counts)
                        progress?.advance(counts)
                    case .file:
                        counts.filesSeen += 1
                    }
                }
                guard going else { return false }
                guard case .file(let path, let stamp) = entry else { continue }
                guard let offered = try await offer(path, stamp, wait: false) else { return false }
                if !offered { deferred.append((path, stamp)) }
            }
            for (path, stamp) in deferred {
                guard let offered = try await offer(path, stamp, wait: false) else { return false }
                if offered { continue }
                // Wait for the other worker holding no claim of this one's, so that two workers
                // never wait for each other.
                guard try await drain(below: 1), try await offer(path, stamp, wait: true) != nil else { return false }
            }
            guard try await drain(below: 1) else { return false }
            return try ledger.update { counts, pending in try flush(&pending, into: &counts) }
        }
    }

    /// What a run does with a file it meets.
    enum Decision {
        case unchanged
        case knownFailure(FailureRow)
        case settling
        case read(Job)
    }

    /// Stores the files found and not yet stored, in one transaction (SQLite; each file in a
    /// savepoint of its own), then counts and logs them: the counts, the log and the progress
    /// only ever show files committed. Called by the run's own task, or by a signal's stop,
    /// inside the ledger's lock. The files are taken out of `pending` first: when the
    /// transaction fails, none of them is stored, none is counted, and the error ends the run.
    func flush(_ pending: inout PendingFiles, into counts: inout RunCounts) throws {
        guard !pending.isEmpty else { return }
        let works = pending.take()
        // In a shared store, the paths are let go once what was found is stored.
        defer { if store.isShared { for work in works { try? store.release(path: work.path) } } }
        let written = try store.batch { batch in try works.map { try write($0, batch) } }
        for (work, outcome) in zip(works, written) {
            account(work, outcome, into: &counts)
            progress?.advance(counts)
        }
    }

    /// What writing a file did.
    enum Written {
        case stored(StoreResult)
        /// The file failed (or is no report), or its content could not be stored: its failure was recorded.
        case failed(kind: FailureRow.Kind, reason: String, FailureNovelty)
        case ignored
    }

    typealias FailureNovelty = Store.FailureNovelty

    /// Writes what a worker found, in a savepoint of `batch`.
    private func write(_ work: Work, _ batch: Store.Batch) throws -> Written {
        switch work {
        case .content(let path, let stamp, let content):
            do {
                return .stored(try batch.store(path: path, stamp: stamp, content: content, runId: runId))
            } catch StoreError.unstorable(_, let reason) {
                // This file's content, not the database: it fails alone (its savepoint rolled
                // back) and the run goes on.
                let novelty = try batch.recordFailure(
                    path: path, stamp: stamp, reason: reason, kind: .failure, sha256: content.sha256,
                    version: options.version, runId: runId
                )
                return .failed(kind: .failure, reason: reason, novelty)
            }
        case .failed(let path, let stamp, let reason, let sha256, let notAReport):
            let kind: FailureRow.Kind = notAReport ? .notAReport : .failure
            let novelty = try batch.recordFailure(
                path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: options.version, runId: runId
            )
            return .failed(kind: kind, reason: reason, novelty)
        case .ignored:
            return .ignored
        }
    }

    /// Counts and logs a file once what was found is committed.
    private func account(_ work: Work, _ written: Written, into counts: inout RunCounts) {
        counts.filesRead += 1
        switch (work, written) {
        case (.content(let path, _, let content), .stored(let result)):
            var metadata: Logger.Metadata = ["path": "\(path)", "sha256": "\(content.sha256)"]
            switch result.outcome {
            case .new: counts.new += 1
            case .changed: counts.changed += 1
            case .unchanged: counts.unchanged += 1
            case .duplicate: counts.duplicates += 1
            }
            if case .new(let document) = content {
                metadata["records"] = .stringConvertible(document.records.count)
                for (severity, n) in result.findings { metadata[severity.rawValue] = .stringConvertible(n) }
            }
            counts.addFindings(result.findings)
            logger.info("\(result.outcome.rawValue)", metadata: metadata)
        case (_, .failed(let kind, let reason, let novelty)):
            countFailure(path: work.path, reason: reason, kind: kind, novelty: novelty, into: &counts)
        case (.ignored(let path, let reason), _):
            counts.ignored += 1
            logger.debug("ignored", metadata: ["path": "\(path)", "reason": "\(reason)"])
        case (_, .stored), (_, .ignored):
            preconditionFailure("a file's work and what writing it did disagree")
        }
    }

    /// Records a failure and counts it: a file that is no report apart, a failure met again
    /// as known, and only a new failure as `failed` (the one that makes exit status 2).
    private func failure(
        path: String, stamp: FileStamp?, reason: String, sha256: String?, kind: FailureRow.Kind, into counts: inout RunCounts
    ) throws {
        let novelty = try store.recordFailure(
            path: path, stamp: stamp, reason: reason, kind: kind, sha256: sha256, version: options.version, runId: runId
        )
        countFailure(path: path, reason: reason, kind: kind, novelty: novelty, into: &counts)
    }

    /// Counts and logs a failure recorded.
    private func countFailure(
        path: String, reason: String, kind: FailureRow.Kind, novelty: FailureNovelty, into counts: inout RunCounts
    ) {
        let metadata: Logger.Metadata = ["path": "\(path)", "reason": "\(reason)"]
        switch (kind, novelty) {
        case (.notAReport, _):
            counts.notReports += 1
            logger.info("not a report", metadata: metadata)
        case (.failure, .known):
            counts.knownFailures += 1
            logger.info("known failure", metadata: metadata)
        case (.failure, .new):
            counts.failed += 1
            logger.warning("failed", metadata: metadata)
        }
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// The work on one file that needs no writer: read, hash, extract, parse, validate.
struct Job: Sendable {
    let path: String
    let stamp: FileStamp
    /// The hash of the content the path held when last stored.
    let previousSha: String?
    /// The path's open failure, of this avance version: the same content fails the same way.
    let failure: FailureRow?
    /// Contents known to be no report, with the reason.
    let notReports: [String: String]
    let store: Store
    let pipeline: Pipeline
    /// A PDF worker reads it: it is waited for without holding a thread of the tasks' pool, which
    /// stays free for the writer and the other files. Any other file is waited for on the task's
    /// thread: for a small text file, the handing over and back costs more than it saves (about
    /// 12 % of a text ingest's time, measured).
    let readsElsewhere: Bool

    func run() async -> Ingestor.Work {
        do {
            let input = try pipeline.read(path: path)
            // Content already stored (a touched file, a copy) is not parsed again.
            if input.sha256 == previousSha || (try? store.hasDocument(sha256: input.sha256)) == true {
                return .content(path: path, stamp: stamp, .known(sha256: input.sha256))
            }
            // Content that failed before, here (a touched file) or as no report anywhere: not parsed again.
            if let failure, failure.sha256 == input.sha256 {
                return .failed(path: path, stamp: stamp, reason: failure.reason, sha256: input.sha256, notAReport: failure.kind == .notAReport)
            }
            if let reason = notReports[input.sha256] {
                return .failed(path: path, stamp: stamp, reason: reason, sha256: input.sha256, notAReport: true)
            }
            let outcome = readsElsewhere ? try await pipeline.runOnItsOwnThread(input) : try pipeline.run(input)
            return .content(path: path, stamp: stamp, .new(NewDocument(
                document: outcome.document, bytes: Int64(input.bytes.count), records: outcome.records
            )))
        } catch where error.ignorable {
            return .ignored(path: path, reason: error.reason)
        } catch {
            return .failed(path: path, stamp: stamp, reason: error.reason, sha256: error.sha256, notAReport: error.notAReport)
        }
    }
}

/// Files found by the workers and not yet stored: written together, one transaction for
/// several files, each file in a savepoint of its own (`Store.batch`). A run killed before
/// they are committed loses them whole, and the next run reads them again; a stop by a signal
/// commits them first.
struct PendingFiles: Sendable {
    /// When the files found are committed: once there are `files` of them, or `records`
    /// records, or `seconds` after one was found (a slow trickle of files is committed soon).
    struct Limits: Sendable {
        var files = 64
        var records = 2_000
        var seconds = 0.5

        /// Each file committed alone.
        static let one = Limits(files: 1, records: 1, seconds: 0)
    }

    private(set) var works: [Ingestor.Work] = []
    private var records = 0
    private var since: ContinuousClock.Instant?

    var isEmpty: Bool { works.isEmpty }

    mutating func add(_ work: Ingestor.Work) {
        if works.isEmpty { since = .now }
        works.append(work)
        if case .content(_, _, .new(let document)) = work { records += document.records.count }
    }

    func isFull(_ limits: Limits) -> Bool {
        works.count >= limits.files || records >= limits.records || isOld(limits)
    }

    /// Whether the first file found waits for longer than the limits allow.
    func isOld(_ limits: Limits) -> Bool {
        guard let since else { return false }
        return ContinuousClock.now - since >= .nanoseconds(Int64(limits.seconds * 1e9))
    }

    /// The files, in the order found; none is left pending.
    mutating func take() -> [Ingestor.Work] {
        defer { self = PendingFiles() }
        return works
    }
}

/// The counts of a run, the files found and not yet committed, and who may still write to the
/// store for it: the run's own task until the run ends or a signal's stop closes the ledger.
/// Every write of the run happens inside `update`, so the stop (which waits for the lock)
/// never records the run as interrupted in the middle of a transaction, and nothing is written
/// after it.
final class RunLedger: Sendable {
    private let state = Mutex<(counts: RunCounts, pending: PendingFiles, closed: Bool)>((RunCounts(), PendingFiles(), false))

    /// Runs `body` on the counts, unless the ledger is closed: false then, and `body` is not run.
    func update(_ body: (inout RunCounts) throws -> Void) throws -> Bool {
        try update { counts, _ in try body(&counts) }
    }

    /// Runs `body` on the counts and the files pending, unless the ledger is closed: false
    /// then, and `body` is not run.
    func update(_ body: (inout RunCounts, inout PendingFiles) throws -> Void) throws -> Bool {
        try state.withLock { s in
            guard !s.closed else { return false }
            try body(&s.counts, &s.pending)
            return true
        }
    }

    /// Closes the ledger and gives the counts, once `flush` has committed the files pending
    /// (its error is `flush`'s to report); nil if the ledger was already closed.
    func close(flushing flush: (inout PendingFiles, inout RunCounts) -> Void) -> RunCounts? {
        state.withLock { s in
            guard !s.closed else { return nil }
            s.closed = true
            flush(&s.pending, &s.counts)
            return s.counts
        }
    }
}
