import ArgumentParser
import AvanceCore
import AvanceExtract

/// `avance extract`: what the parser sees in each file, block by block, with page and
/// line: the view for a developer or a puzzled auditor.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the blocks read from report files (PDF, HTML, text, XLSX, CSV) with their page and line.",
        discussion: """
            Text output: one line per block, `p.PAGE l.LINE:COLUMN KIND TEXT` (no page for HTML, \
            text and CSV; `SHEET!CELL` for a workbook's). JSON output: the extracted document, or an array of them when several files are named. \
            A file that cannot be read is named on standard error with the reason; the others \
            are still read, and the exit status is 2.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    func run() async throws {
        let pipeline = try inputs.pipeline()
        var documents: [ExtractedDocument] = []
        let failed = Pipeline.each(inputs.files, pipeline.extract(path:)) { document in
            switch format {
            case .text: Output.line(BlockPrinter.text(document))
            case .json: documents.append(document)
            }
        }
        if format == .json, inputs.files.count > 1 || !documents.isEmpty {
            Output.line(try BlockPrinter.json(documents, asArray: inputs.files.count > 1))
        }
        if failed { throw ExitCode(ExitStatus.inputFailed) }
    }
}
