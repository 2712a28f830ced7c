import ArgumentParser
import Logging

@main
struct Avance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avance",
        abstract: "Turns quarterly indicator reports (PDF, HTML, text, XLSX, CSV) into validated indicator records.",
        version: AvanceVersion.current,
        subcommands: [
            ExtractCommand.self, ParseCommand.self, CheckCommand.self, RulesCommand.self,
            IngestCommand.self, ExportCommand.self, FindingsCommand.self, AuditCommand.self,
            PDFWorkerCommand.self,
        ]
    )
}

enum AvanceVersion {
    static let current = "0.4.0"
}
