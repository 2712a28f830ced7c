import ArgumentParser
import AvanceCore
import AvanceParse
import Foundation

/// The exit statuses avance documents, decided only here and in the commands.
enum ExitStatus {
    static let clean: Int32 = 0
    static let findings: Int32 = 1
    static let inputFailed: Int32 = 2
    static let usage: Int32 = 64
    static let busy: Int32 = 75
}

/// Options shared by the commands that read report files.
struct InputOptions: ParsableArguments {
    @Argument(help: "Report files (PDF, HTML, text, XLSX or CSV; the format is read from the content), or - for standard input. Only regular files are read: a FIFO or a device is refused.")
    var files: [String]

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var reading: ReadingOptions

    @Option(name: .customLong("date-order"), help: "How to read numeric dates like 10/05/2024: day-month (default, or as avance.yml says) or month-day.")
    var dateOrder: ParseOptions.NumericDateOrder?

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one report file.") }
    }

    /// The stages as the configuration (avance.yml) and the options set them.
    func pipeline() throws -> Pipeline {
        // A signal ends pdftotext and the workers with avance, and takes the temporary copies.
        Interruption.install()
        let configuration = try config.load()
        var p = Pipeline(configuration: configuration)
        // Files are read one after another: one worker is enough, and a scanned file's pages
        // may take every core.
        pdf.configure(&p.extractor.options, workers: 1, ocrJobs: ProcessInfo.processInfo.activeProcessorCount)
        reading.configure(&p.extractor.options)
        p.timeLimit = reading.timeLimit
        p.parser.options = configuration.parseOptions(dateOrder: dateOrder)
        return p
    }
}

/// `--date-order day-month|month-day`: the parser's own names for its orders.
extension ParseOptions.NumericDateOrder: ExpressibleByArgument {}

/// Standard output carries data only; messages go to standard error.
enum Output {
    static func line(_ data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A message names files and quotes reasons, either of which may hold control characters.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("avance: " + TerminalText.escaped(text) + "\n").utf8))
    }
}
