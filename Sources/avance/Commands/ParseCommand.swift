import ArgumentParser
import AvanceCore
import Foundation

/// `avance parse FILE...`: the records of reports, as JSON Lines or a JSON array.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Print the indicator records of reports as JSON.",
        discussion: """
            Prints one record per line (JSON Lines) by default, or a JSON array with --format json. \
            A file that cannot be read, or holds no report, gets one line on standard error and exit \
            status 2; the other files are still processed.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, json
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: jsonl (one record per line) or json (an array).")
    var format: Format = .jsonl

    @OptionGroup var output: OutputOptions

    func validate() throws {
        _ = try output.destination()
    }

    func run() async throws {
        let pipeline = try inputs.pipeline()
        var records: [IndicatorRecord] = []
        var anyFailed = false
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let format = format
        // Encoding is part of handling the file: a record that cannot be written fails its file
        // only (named, with the reason), and the other files' records are still printed. A line
        // of JSON Lines is `CompactJSON`'s (JSONEncoder's bytes with sorted keys, at a fraction
        // of its cost); the array keeps JSONEncoder's pretty printing.
        let stage = { (path: String) throws(Pipeline.Failure) -> [(IndicatorRecord, String)] in
            let outcome = try pipeline.run(path: path)
            do {
                return try outcome.records.map { record in
                    if format == .jsonl { return (record, try CompactJSON.string(record)) }
                    _ = try encoder.encode(record)
                    return (record, "")
                }
            } catch {
                throw Pipeline.Failure(path: path, reason: "a record could not be written as JSON: \(Self.reason(error))")
            }
        }
        try await reportingStoreErrors {
            let sink = try output.sink()
            do {
                let failed = try Pipeline.each(inputs.files, stage) { encoded throws(OutputError) in
                    for (record, line) in encoded {
                        if format == .jsonl { try sink.write(line + "\n") } else { records.append(record) }
                    }
                }
                // Every record was encoded on its own above, so the array is too.
                if format == .json { try sink.write(String(decoding: try encoder.encode(records), as: UTF8.self) + "\n") }
                try sink.finish()
                anyFailed = failed
            } catch {
                sink.abandon()
                throw error
            }
        }
        let failed = anyFailed
        if failed { throw ExitCode(ExitStatus.inputFailed) }
    }

    private static func reason(_ error: any Error) -> String {
        if case EncodingError.invalidValue(_, let context) = error { return context.debugDescription }
        return "\(error)"
    }
}
