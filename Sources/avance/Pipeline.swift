import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate

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
        var description: String { "\(path): \(reason)" }
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
        do {
            return try extractor.extract(input)
        } catch {
            let unclaimedBinary = error == .binary(path: input.path) && input.declaredFormat == nil
            throw Failure(path: input.path, reason: error.reason, ignorable: unclaimedBinary)
        }
    }

    /// The records of a file read, each with its findings.
    func run(_ input: Extractor.Input) throws(Failure) -> Outcome {
        let document = try extract(input)
        do {
            var records = try parser.parse(document)
            for i in records.indices {
                records[i].findings = validator.validate(records[i])
            }
            return Outcome(document: document, records: records)
        } catch {
            throw Failure(path: document.path, reason: error.reason)
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
}
