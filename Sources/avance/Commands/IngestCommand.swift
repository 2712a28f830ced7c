import ArgumentParser
import AvanceExtract
import AvanceStore
import Foundation
import Logging
import Synchronization

/// `avance ingest`: files and folders into the store, idempotently, one run at a time.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store the reports found in files and folders in the SQLite or PostgreSQL database.",
        discussion: """
            Folders are walked recursively; hidden files, temporary office files (~$...) and the \
            database's own files are passed over. A file is stored once per content (SHA-256); a \
            rerun decides from path, size and modification time without reading unchanged files.

            With --db postgresql://user@host/database, any number of ingests may run at once, on \
            one machine or several, into the same store: each claims a file in the database before \
            reading it, so no file is read twice; a worker that dies lets its files go to the others.

            A file that is not an indicator report (a README, a JSON file) is remembered as such by \
            its content and not read again until it changes. A failure met again (same file, \
            content and reason, same avance) is "known": counted in the summary, not read again \
            (unless --retry-failures), and no reason for exit status 2.

            Exit status: 0 every file stored, unchanged, known or not a report; 2 new failures \
            (recorded in the `failures` table); 75 another ingest holds the SQLite database (see --wait); \
            64 usage error or a mistake in avance.yml; 74 the database could not be opened or \
            written; 130 or 143 stopped by SIGINT or SIGTERM (the run is recorded as interrupted; \
            what was stored stays).
            """
    )

    @Argument(help: ArgumentHelp("Files and folders to ingest.", valueName: "path"))
    var paths: [String]

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var config: ConfigOptions

    @Option(help: ArgumentHelp("Files extracted and parsed at once (default: the number of cores, \(ProcessInfo.processInfo.activeProcessorCount) here).", valueName: "n"))
    var jobs: Int?

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var reading: ReadingOptions

    @Option(help: ArgumentHelp("Pass over files modified less than this many seconds ago (may still be being written).", valueName: "seconds"))
    var settle: Double = 60

    @Option(name: .customLong("exclude"), help: ArgumentHelp("Pass over files and folders whose name matches this shell pattern (repeatable; e.g. '*.json', 'borradores').", valueName: "pattern"))
    var excludes: [String] = []

    @Option(name: .customLong("include"), help: ArgumentHelp("Take only the files whose name matches this shell pattern (repeatable; e.g. '*.pdf'); folders are still walked.", valueName: "pattern"))
    var includes: [String] = []

    @Flag(help: "Read again the files that failed before, even if unchanged (after raising --time-limit or --pdf-timeout, say).")
    var retryFailures = false

    @Flag(help: "SQLite: if another ingest holds the database, wait for it instead of exiting with status 75. PostgreSQL has no such lock (ingests run together, and a file another one is reading is waited for at the end of the walk anyway): there it changes nothing.")
    var wait = false

    @Option(help: "Log lines on standard error as text or JSON (one object per line).")
    var logFormat: LogFormat = .text

    @Flag(name: .shortAndLong, help: "Also log unchanged and passed-over files.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors: no progress bar, log lines or summary.")
    var quiet = false

    private var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        guard jobCount >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose contradict each other") }
        guard settle >= 0, settle.isFinite else { throw ValidationError("--settle must be zero or more seconds") }
    }

    func run() async throws {
        try await reportingStoreErrors { try await ingest() }
    }

    private func ingest() async throws {
        let configuration = try config.load()
        // Patterns from avance.yml and from the command line alike.
        let excludes = configuration.exclude + self.excludes
        let includes = configuration.include + self.includes
        let jobs = jobCount
        let console = Console.standardError
        let showBar = ProgressBar.wanted(console: console, quiet: quiet) && logFormat == .text && !verbose
        let level: Logger.Level = quiet ? .error : verbose ? .trace : (showBar ? .warning : .info)
        let format = logFormat
        let logger = Logger(label: "avance.ingest") { _ in ConsoleLogHandler(format: format, level: level) }
        let databasePath = database.path
        let roots = paths.map(AbsolutePath.make)

        let address = try database.address()
        // Until the run is recorded, a signal has nothing to record: it only ends avance.
        let stop = RunStop()
        Interruption.install { signal in stop.run(signal) }
        // SQLite: one ingest at a time, by a lock file beside the database. PostgreSQL: any
        // number at once, each claiming in the database the files it reads.
        var lock: StoreLock? = nil
        if case .sqlite = address {
            let folder = (databasePath as NSString).deletingLastPathComponent
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw StoreError.cannotOpen(path: databasePath, reason: "the folder \(folder) does not exist")
            }
            let lockPath = StoreLock.path(forDatabase: databasePath)
            switch try StoreLock.tryAcquire(path: lockPath) {
            case .acquired(let acquired):
                lock = acquired
            case .busy(let holder):
                let who = holder?.description ?? "another process"
                guard wait else {
                    Output.error("\(databasePath) is being ingested by \(who) (lock \(lockPath)); try again later, or pass --wait")
                    throw ExitCode(ExitStatus.busy)
                }
                logger.notice("waiting for the lock", metadata: ["holder": "\(who)", "lock": "\(lockPath)"])
                lock = try StoreLock.acquire(path: lockPath)
            }
        }

        let started = Date()
        let store = try Store.open(address)
        try store.markInterruptedRuns()
        let runId = try store.beginRun(
            version: AvanceVersion.current, paths: roots,
            pid: Int64(ProcessInfo.processInfo.processIdentifier), host: ProcessInfo.processInfo.hostName
        )
        logger.info("started", metadata: [
            "run": .stringConvertible(runId), "db": "\(address)",
            "pid": .stringConvertible(Int(ProcessInfo.processInfo.processIdentifier)),
            "jobs": .stringConvertible(jobs), "version": "\(AvanceVersion.current)",
        ])

        var progress: ProgressBar? = nil
        if showBar {
            // Counting first costs one more walk of the folders (no file is read) and buys a real bar.
            let total = FileWalker(
                roots: roots, excluding: Ingestor.databaseFiles(databasePath), excludingNames: excludes, includingNames: includes
            ).reduce(0) { n, entry in
                switch entry {
                case .file, .problem: n + 1
                case .skipped: n
                }
            }
            progress = ProgressBar(total: total)
        }

        var pipeline = Pipeline(configuration: configuration)
        // One pool for the run: `--jobs` PDFs read at once, each worker kept for the files that follow.
        pdf.configure(&pipeline.extractor.options, workers: jobs)
        reading.configure(&pipeline.extractor.options)
        if let bar = progress {
            // A scanned file's pages on the bar while OCR reads them.
            pipeline.extractor.options.ocrProgress = { path, done, total in bar.ocr(path: path, done: done, total: total) }
        }
        pipeline.timeLimit = reading.timeLimit
        // `--jobs` files taken apart here at once; a PDF lends its slot while a worker reads it.
        pipeline.extractor.options.workSlots = WorkSlots(jobs)
        let pool = pipeline.extractor.options.pdfWorkers
        defer { pool?.shutdown() }
        let ledger = RunLedger()
        let bar = progress
        let ingestor = Ingestor(
            store: store,
            options: .init(
                roots: roots, database: databasePath, excludes: excludes, includes: includes, jobs: jobs,
                pdfWorkers: pool?.workers ?? 0,
                settleSeconds: settle, retryFailures: retryFailures, version: AvanceVersion.current
            ),
            pipeline: pipeline, logger: logger, progress: progress, runId: runId
        )
        /// Commits the files found and not yet stored, when the run ends however it ends.
        let flush: @Sendable (inout PendingFiles, inout RunCounts) -> Void = { pending, counts in
            do {
                try ingestor.flush(&pending, into: &counts)
            } catch {
                Output.error("\(error)")
            }
        }
        // From here a signal stops the run: the files found are committed, each whole, the
        // files in progress are not stored, and the run is recorded as interrupted.
        stop.arm { signal in
            guard let counts = ledger.close(flushing: flush) else { return }
            pool?.shutdown()
            bar?.finish()
            let exitCode = Interruption.exitStatus(signal)
            do {
                try store.finishRun(id: runId, counts: counts, status: .interrupted, exitCode: exitCode)
            } catch {
                Output.error("\(error)")
            }
            Output.error("interrupted by \(Interruption.name(signal)): run \(runId) recorded as interrupted; the files stored so far stay, the next run takes the rest")
            let summary = IngestSummary(runId: runId, counts: counts, seconds: Date().timeIntervalSince(started), exitCode: exitCode)
            if !quiet { Output.line(format == .json ? summary.json : summary.text) }
        }
        let ended: Bool
        do {
            ended = try await ingestor.run(ledger)
        } catch {
            guard let counts = ledger.close(flushing: flush) else { Interruption.awaitStop() }
            progress?.finish()
            try? store.finishRun(id: runId, counts: counts, status: .failed, exitCode: ExitStatus.storeFailed)
            throw error
        }
        // Stopped by a signal: the stop records the run and ends avance.
        guard ended, let counts = ledger.close(flushing: flush) else { Interruption.awaitStop() }
        progress?.finish()
        let exitCode: Int32 = counts.failed > 0 ? ExitStatus.inputFailed : 0
        try store.finishRun(id: runId, counts: counts, exitCode: exitCode)
        withExtendedLifetime(lock) {}

        let summary = IngestSummary(runId: runId, counts: counts, seconds: Date().timeIntervalSince(started), exitCode: exitCode)
        if !quiet {
            print(logFormat == .json ? summary.json : summary.text)
            if let hint = summary.settlingHint(settle: settle) { Console.standardError.line(hint) }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

/// What a signal does to an ingest: nothing of its own until the run is recorded, then
/// record it as interrupted (`arm`).
final class RunStop: Sendable {
    private let action = Mutex<(@Sendable (Int32) -> Void)?>(nil)

    func arm(_ stop: @escaping @Sendable (Int32) -> Void) {
        action.withLock { $0 = stop }
    }

    func run(_ signal: Int32) {
        action.withLock { $0 }?(signal)
    }
}
