import ArgumentParser
import AvanceCore
import AvanceReport
import AvanceValidate
import Foundation

extension Language: ExpressibleByArgument {}

/// `--lang es|en`: the language of what a command prints for people; else the locale's
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else Spanish.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("The language of texts and messages: es or en (default: the locale's, else es).", valueName: "language"))
    var explicit: Language?

    var language: Language { explicit ?? Language.fromLocale(ProcessInfo.processInfo.environment) }
}

extension Severity: ExpressibleByArgument {}

extension Catalogue {
    /// Every rule's title, by id, in both languages, for the reports.
    static var titles: [String: LocalizedText] {
        Dictionary(uniqueKeysWithValues: descriptions.map { ($0.id, $0.title) })
    }
}
