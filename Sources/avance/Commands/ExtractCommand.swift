import ArgumentParser
import AvanceCore
import AvanceExtract
import Foundation

/// `avance extract`: what the parser sees in each file, block by block, with page and
/// line: the view for a developer or a puzzled auditor.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the blocks read from report files (PDF, HTML, text) with their page and line.",
        discussion: """
            Text output: one line per block, `p.PAGE l.LINE:COLUMN KIND TEXT` (no page for HTML \
            and text). JSON output: the extracted document, or an array of them when several files are named. \
            A file that cannot be read is named on standard error with the reason; the others \
            are still read, and the exit status is 2.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The files to read.")
    var files: [String]

    @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: Format = .text

    @Option(name: .customLong("pdf-timeout"), help: "Seconds pdftotext may spend on one PDF.")
    var pdfTimeout: Double = 60

    func validate() throws {
        guard pdfTimeout > 0 else { throw ValidationError("--pdf-timeout must be more than 0 seconds") }
    }

    func run() async throws {
        let extractor = Extractor(options: Extractor.Options(pdfTimeout: pdfTimeout))
        var documents: [ExtractedDocument] = []
        var failed = false
        for file in files {
            do {
                let document = try extractor.extract(path: file)
                switch format {
                case .text: print(BlockPrinter.text(document))
                case .json: documents.append(document)
                }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            }
        }
        if format == .json, files.count > 1 || !documents.isEmpty {
            print(try BlockPrinter.json(documents, asArray: files.count > 1))
        }
        if failed { throw ExitCode(2) }
    }
}
