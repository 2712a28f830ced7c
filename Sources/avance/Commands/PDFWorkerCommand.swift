import ArgumentParser
import AvanceExtract

/// `avance pdf-worker`: not for people. avance starts it to read PDFs with poppler's library
/// in a process of their own (see `PDFWorkerPool`); it reads requests on standard input and
/// answers on standard output until its input ends.
struct PDFWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf-worker",
        abstract: "Read PDFs for another avance process (started by avance itself).",
        shouldDisplay: false
    )

    func run() throws {
        let status = PDFWorker.run()
        if status != 0 { throw ExitCode(status) }
    }
}
