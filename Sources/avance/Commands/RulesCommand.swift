import ArgumentParser
import AvanceValidate
import Foundation

/// `avance rules`: the catalogue, from the same descriptions the tests run.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules with their id, severity and description."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(help: "Output format: text, json or markdown (the README's table).")
    var format: Format = .text

    struct Entry: Codable {
        var id: String
        var title: String
        var severity: String
        var description: String
    }

    func run() async throws {
        let entries = Catalogue.descriptions.map {
            Entry(id: $0.id, title: $0.title, severity: $0.severity.rawValue, description: $0.description)
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(try encoder.encode(entries))
        case .text:
            for e in entries {
                Output.line("\(e.id) (\(e.severity)): \(e.title)\n    \(e.description)\n")
            }
        case .markdown:
            Output.line("| id | severity | what it finds |\n|---|---|---|")
            for e in entries { Output.line("| `\(e.id)` | \(e.severity) | \(e.description) |") }
        }
    }
}
