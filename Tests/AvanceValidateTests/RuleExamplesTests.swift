import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate
import Testing

/// Every rule's examples, run through the real extractor and parser: the triggering ones
/// must fire with evidence where `↓` points, the others must stay silent.
@Suite struct RuleExamplesTests {
    static let ids = Catalogue.descriptions.map(\.id)

    @Test(arguments: ids)
    func triggeringExamplesFire(id: String) throws {
        let rule = try #require(Catalogue.rule(id: id))
        #expect(!rule.description.triggering.isEmpty, "every rule shows at least one example that triggers it")
        for (n, example) in rule.description.triggering.enumerated() {
            let (text, markers) = Self.stripMarkers(example.text)
            let findings = try Self.findings(of: rule, in: text)
            #expect(!findings.isEmpty, "\(id) triggering example \(n + 1) (\(example.note)) did not fire")
            for marker in markers {
                let hit = findings.contains { $0.evidence.first.map { ($0.line, $0.column) == (marker.line, marker.column) } ?? false }
                #expect(hit, "\(id) example \(n + 1): no finding quotes line \(marker.line):\(marker.column); got \(findings.map { $0.evidence.first.map { "\($0.line):\($0.column) \($0.text)" } ?? "-" })")
            }
            #expect(findings.allSatisfy { $0.rule == id && $0.severity == rule.description.severity })
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesStaySilent(id: String) throws {
        let rule = try #require(Catalogue.rule(id: id))
        #expect(!rule.description.nonTriggering.isEmpty, "every rule shows at least one example that must not trigger it")
        for (n, example) in rule.description.nonTriggering.enumerated() {
            let findings = try Self.findings(of: rule, in: example.text)
            #expect(findings.isEmpty, "\(id) non-triggering example \(n + 1) (\(example.note)) fired: \(findings.map(\.message))")
        }
    }

    @Test func catalogueIdsAreUniqueAndDescribed() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for d in Catalogue.descriptions {
            #expect(!d.title.isEmpty && !d.description.isEmpty, "\(d.id) needs a title and a description")
        }
    }

    @Test func settingsOverrideSeverityAndDisableRules() throws {
        let text = Self.stripMarkers(AmbiguousDateRule.description.triggering[0].text).0
        let document = Self.document(text)
        let record = try #require(try Parser().parse(document).first)
        let raised = Validator(settings: RuleSettings(severity: ["ambiguous-date": .error])).validate(record, in: document)
        #expect(raised.filter { $0.rule == "ambiguous-date" }.map(\.severity) == [.error])
        let off = Validator(settings: RuleSettings(disabled: ["ambiguous-date"])).validate(record, in: document)
        #expect(!off.contains { $0.rule == "ambiguous-date" })
    }

    // MARK: helpers

    struct Marker { var line: Int; var column: Int }

    /// Removes the `↓` markers, remembering the line and column each pointed at.
    static func stripMarkers(_ text: String) -> (String, [Marker]) {
        var out = ""
        var markers: [Marker] = []
        var line = 1, column = 1
        for c in text {
            if c == RuleExample.marker {
                markers.append(Marker(line: line, column: column))
                continue
            }
            out.append(c)
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (out, markers)
    }

    static func document(_ text: String) -> ExtractedDocument {
        ExtractedDocument(path: "example.txt", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
    }

    static func findings(of rule: any Rule.Type, in text: String) throws -> [Finding] {
        let document = document(text)
        return try Parser().parse(document).flatMap { rule.init().check($0, in: document) }
    }
}
