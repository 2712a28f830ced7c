import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate
import Foundation
import Synchronization

/// read → extract → parse → validate for one file: the only place the stages meet.
///
/// Two steps, so that a caller can look at the content between them: `read` takes the
/// bytes once, with their hash and the format they show; `run` (or `extract`) takes what
/// was read. Ingest passes over content it already stores; the commands that name files
/// use `run(path:)` and `extract(path:)`, which do both steps.
struct Pipeline: Sendable {
    var extractor = Extractor()
    var parser = Parser()
    var validator = Validator()
    /// Seconds one file may take from its bytes to its records (`--time-limit`).
    var timeLimit: Double = 120

    init() {}

    /// The parser and validator as avance.yml sets them.
    init(configuration: Configuration) {
        parser = Parser(options: configuration.parseOptions())
        validator = Validator(settings: configuration.rules)
    }

    struct Outcome: Sendable {
        var document: ExtractedDocument
        var records: [IndicatorRecord]
    }

    /// A file that could not be read, or read but held no report.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var path: String
        var reason: String
        /// The content is no report format and the name claims none (an image, an office
        /// file): a walk of a folder passes over it; a file named on the command line is a failure.
        var ignorable = false
        /// Read, and found to be no indicator report (a README, a JSON file): remembered by
        /// `ingest` as such, not as a failure.
        var notAReport = false
        /// The content's SHA-256, when the bytes were read.
        var sha256: String?
        var description: String { "\(path): \(reason)" }

        /// This failure, of the content whose hash is `sha256`.
        func with(sha256: String) -> Failure {
            var failure = self
            failure.sha256 = sha256
            return failure
        }
    }

    /// Reads the file at `path` once: its bytes, their SHA-256 and the format they show.
    func read(path: String) throws(Failure) -> Extractor.Input {
        do {
            return try extractor.read(path: path)
        } catch {
            throw Failure(path: path, reason: error.reason)
        }
    }

    /// The blocks of a file read, as the parser would see them.
    func extract(_ input: Extractor.Input) throws(Failure) -> ExtractedDocument {
        try withinTimeLimit(input.path) { () throws(Failure) in try extractNow(input) }
    }

    private func extractNow(_ input: Extractor.Input) throws(Failure) -> ExtractedDocument {
        do {
            return try extractor.extract(input)
        } catch {
            let unclaimedBinary = error == .binary(path: input.path) && input.declaredFormat == nil
            throw Failure(path: input.path, reason: error.reason, ignorable: unclaimedBinary)
        }
    }

    /// The records of a file read, each with its findings.
    func run(_ input: Extractor.Input) throws(Failure) -> Outcome {
        do {
            return try withinTimeLimit(input.path) { () throws(Failure) in try runNow(input) }
        } catch {
            throw error.with(sha256: input.sha256)
        }
    }

    /// `run` for a caller that must not block (ingest's tasks): the file is read on a thread of
    /// its own, in one of the extractor's work slots if it has them (`WorkSlots`: waiting for
    /// one first), and the time limit counts from when it has one. A file given up at the limit
    /// gives its slot back then; its thread is left to end by itself (see `withinTimeLimit`).
    func runOnItsOwnThread(_ input: Extractor.Input) async throws(Failure) -> Outcome {
        let slots = extractor.options.workSlots
        let result: Result<Outcome, Failure> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                slots?.take()
                let answer = FirstAnswer(continuation)
                // The clock: a timer source, whose handler (and what it holds) goes when it is
                // cancelled, not when it would have fired; it holds the path, not the bytes.
                let path = input.path, seconds = timeLimit
                let limit = DispatchSource.makeTimerSource(queue: .global())
                limit.schedule(deadline: .now() + seconds)
                limit.setEventHandler {
                    let failure = Failure(path: path, reason: ExtractError.timedOut(path: path, seconds: seconds).reason)
                    if answer.give(.failure(failure)) { slots?.giveBack() }
                }
                limit.resume()
                let result = Result { () throws(Failure) in try runNow(input) }
                limit.cancel()
                if answer.give(result) { slots?.giveBack() }
            }
        }
        return try result.mapError { $0.with(sha256: input.sha256) }.get()
    }

    /// Resumes a waiting task once: with the work's result or with the time limit's failure,
    /// whichever comes first.
    private final class FirstAnswer: Sendable {
        private let waiting: Mutex<CheckedContinuation<Result<Outcome, Failure>, Never>?>

        init(_ continuation: CheckedContinuation<Result<Outcome, Failure>, Never>) {
            waiting = Mutex(continuation)
        }

        /// True if this was the first answer, the one the task gets.
        func give(_ result: Result<Outcome, Failure>) -> Bool {
            guard let continuation = waiting.withLock({ w in defer { w = nil }; return w }) else { return false }
            continuation.resume(returning: result)
            return true
        }
    }

    private func runNow(_ input: Extractor.Input) throws(Failure) -> Outcome {
        let document = try extractNow(input)
        do {
            var records = try parser.parse(document)
            for i in records.indices {
                records[i].findings = validator.validate(records[i])
            }
            return Outcome(document: document, records: records)
        } catch {
            throw Failure(path: document.path, reason: error.reason, notAReport: error.isNotAReport)
        }
    }

    /// Runs `work` on a thread of its own and waits for it until the time limit: past it the
    /// file fails with that reason and the caller goes on. A thread cannot be stopped from
    /// outside, so the work is left to end by itself, its result dropped; it does end, in time
    /// that grows with the file's length, which `--max-size` bounds. (A PDF's reader, a process,
    /// is killed at its own limit.) With work slots, the caller holds one while it waits.
    private func withinTimeLimit<T: Sendable>(_ path: String, _ work: @escaping @Sendable () throws(Failure) -> T) throws(Failure) -> T {
        let slots = extractor.options.workSlots
        slots?.take()
        defer { slots?.giveBack() }
        let outcome = Eventual<T>()
        Thread.detachNewThread {
            let result = Result { () throws(Failure) in try work() }
            outcome.set(result)
        }
        guard let result = outcome.wait(seconds: timeLimit) else {
            throw Failure(path: path, reason: ExtractError.timedOut(path: path, seconds: timeLimit).reason)
        }
        return try result.get()
    }

    /// The result of work on another thread, once there is one.
    private final class Eventual<T: Sendable>: @unchecked Sendable {
        // @unchecked: `result` is only touched under `lock`.
        private let lock = NSCondition()
        private var result: Result<T, Failure>?

        func set(_ value: Result<T, Failure>) {
            lock.lock()
            result = value
            lock.broadcast()
            lock.unlock()
        }

        func wait(seconds: Double) -> Result<T, Failure>? {
            let deadline = Date().addingTimeInterval(seconds)
            lock.lock()
            defer { lock.unlock() }
            while result == nil, lock.wait(until: deadline) {}
            return result
        }
    }

    /// `read` then `extract`.
    func extract(path: String) throws(Failure) -> ExtractedDocument {
        try extract(read(path: path))
    }

    /// `read` then `run`.
    func run(path: String) throws(Failure) -> Outcome {
        try run(read(path: path))
    }

    /// Takes each file through `stage` (`extract(path:)` or `run(path:)`) and hands the
    /// result to `body`; a file that fails is named on standard error with its reason and
    /// the others go on. Says whether any failed (the commands then exit 2).
    static func each<T, E: Error>(
        _ paths: [String], _ stage: (String) throws(Failure) -> T, _ body: (T) throws(E) -> Void
    ) throws(E) -> Bool {
        var failed = false
        for path in paths {
            let value: T
            do {
                value = try stage(path)
            } catch {
                failed = true
                Output.error(error.description)
                continue
            }
            try body(value)
        }
        return failed
    }
}
