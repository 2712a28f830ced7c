import ArgumentParser
import AvanceCore
import Foundation

/// `avance parse FILE...`: the records of reports, as JSON Lines or a JSON array.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the indicator records of reports as JSON.",
        discussion: """
            Prints one record per line (JSON Lines) by default, or a JSON array with --format json.
            A file that cannot be read, or holds no report, gets one line on standard error and exit
            status 2; the other files are still processed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: jsonl (one record per line) or json (an array).")
    var format: Format = .jsonl

    func run() async throws {
        let pipeline = try inputs.pipeline()
        var records: [IndicatorRecord] = []
        var failed = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        for path in inputs.files {
            let outcome: Pipeline.Outcome
            do {
                outcome = try pipeline.run(path: path)
            } catch {
                failed = true
                Output.error(error.description)
                continue
            }
            if format == .jsonl {
                for record in outcome.records { try Output.line(encoder.encode(record)) }
            } else {
                records += outcome.records
            }
        }
        if format == .json { try Output.line(encoder.encode(records)) }
        if failed { throw ExitCode(ExitStatus.inputFailed) }
    }
}
