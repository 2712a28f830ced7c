import ArgumentParser
import AvanceCore
import Logging

@main
struct Avance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avance",
        abstract: "Turns quarterly indicator reports (PDF, HTML, text, XLSX, CSV) into validated indicator records.",
        version: AvanceVersion.current,
        subcommands: [
            ExtractCommand.self, ParseCommand.self, CheckCommand.self, RulesCommand.self,
            IngestCommand.self, ExportCommand.self, FindingsCommand.self, AuditCommand.self, WaiveCommand.self, MigrateCommand.self,
            PDFWorkerCommand.self,
        ]
    )

    /// The arguments as the system gives them: a file name that is not UTF-8 (a Latin-1 name
    /// from a Windows share) is kept byte for byte (`FileName`), where `CommandLine.arguments`
    /// would replace its bytes and name no file.
    static func main() async {
        let count = Int(CommandLine.argc)
        let arguments = (1..<max(count, 1)).compactMap { i in CommandLine.unsafeArgv[i].map { FileName.decode(cString: UnsafePointer($0)) } }
        await main(arguments)
    }
}

enum AvanceVersion {
    static let current = "0.5.0"
}
