import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate

/// extract → parse → validate for one file: the only place the stages meet.
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
        var description: String { "\(path): \(reason)" }
    }

    func run(path: String) -> Result<Outcome, Failure> {
        do {
            let document = try extractor.extract(path: path)
            return run(document: document)
        } catch {
            return .failure(Failure(path: path, reason: error.reason))
        }
    }

    func run(document: ExtractedDocument) -> Result<Outcome, Failure> {
        do {
            var records = try parser.parse(document)
            for i in records.indices {
                records[i].findings = validator.validate(records[i])
            }
            return .success(Outcome(document: document, records: records))
        } catch {
            return .failure(Failure(path: document.path, reason: (error as ParseError).reason))
        }
    }
}
