import ArgumentParser
import AvanceCore
import AvanceValidate
import Foundation

/// `avance rules`: the catalogue, from the same descriptions the tests run, with the
/// severities avance.yml gives.
struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the validation rules with their id, scope, severity and description.",
        discussion: """
            Record rules check one report; cross-report rules (run by `avance audit`) check the \
            reports of one indicator together. The severity shown is the effective one: the \
            default, or what avance.yml sets; a rule turned off there is shown as off. Titles and \
            descriptions are in the language of --lang (the README's table: --lang en).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(help: "Output format: text, json or markdown (the README's table).")
    var format: Format = .text

    @OptionGroup var config: ConfigOptions
    @OptionGroup var lang: LanguageOptions

    struct Entry: Codable {
        var id: String
        var scope: String
        var title: String
        /// The effective severity; `off` when the configuration turns the rule off.
        var severity: String
        var defaultSeverity: String
        var enabled: Bool
        var description: String
    }

    func run() async throws {
        let settings = try config.load().rules
        let language = lang.language
        let entries = Catalogue.descriptions.map { r in
            let effective = settings.effectiveSeverity(of: r.id)
            return Entry(
                id: r.id, scope: r.scope.rawValue, title: r.title[language], severity: effective?.rawValue ?? "off",
                defaultSeverity: r.severity.rawValue, enabled: effective != nil, description: r.description[language]
            )
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(try encoder.encode(entries))
        case .text:
            let byDefault = LocalizedText(es: "por omisión", en: "default")[language]
            let several = LocalizedText(es: "varios informes", en: "cross-report")[language]
            for e in entries {
                let changed = e.severity != e.defaultSeverity ? " (\(byDefault) \(e.defaultSeverity))" : ""
                let scope = e.scope == RuleScope.crossReport.rawValue ? " [\(several)]" : ""
                Output.line("\(e.id) (\(e.severity)\(changed))\(scope): \(e.title)\n    \(e.description)\n")
            }
        case .markdown:
            Output.line(LocalizedText(
                es: "| id | revisa | severidad | qué encuentra |", en: "| id | checks | severity | what it finds |"
            )[language] + "\n|---|---|---|---|")
            let one = LocalizedText(es: "un informe", en: "one report")[language]
            let several = LocalizedText(es: "varios informes", en: "several reports")[language]
            for e in entries {
                let scope = e.scope == RuleScope.crossReport.rawValue ? several : one
                Output.line("| `\(e.id)` | \(scope) | \(e.severity) | \(e.description) |")
            }
        }
    }
}
