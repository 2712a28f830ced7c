import ArgumentParser
import AvanceCore
import Foundation

/// `-o/--output FILE` and `-q/--quiet`, for every command that writes data.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write to this file instead of standard output (- for standard output). It is replaced in one step once complete; a folder or the database is refused.",
            valueName: "file"
        )
    )
    var output: String?

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but errors (no summary, no notes).")
    var quiet = false

    /// Whether the data goes to a file rather than standard output.
    var toFile: Bool { output != nil && output != "-" }

    /// Where to write, checked: `database` is the store a command reads, never to be written over.
    func destination(database: String? = nil) throws(ValidationError) -> OutputPath.Destination {
        let destination = try OutputPath.check(output, database: database)
        // A file written in place of another is removed by a stop: watch the signals from the start.
        if case .file = destination { Interruption.watch() }
        return destination
    }

    /// The place to write to, opened.
    func sink(database: String? = nil) throws -> OutputSink {
        try OutputSink(destination(database: database))
    }

    /// A note on standard error, unless quiet.
    func note(_ text: String) {
        if !quiet { Console.standardError.line(TerminalText.escaped(text)) }
    }
}

/// `--bom`, for every command that writes CSV.
struct CSVOptions: ParsableArguments {
    @Flag(help: "Start CSV output with a UTF-8 byte order mark, so that Excel reads the accents right.")
    var bom = false

    /// What a CSV output starts with.
    var prefix: String { bom ? "\u{FEFF}" : "" }
}
