import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate
import Testing

/// Every rule's examples, of both scopes, in one parameterized test: a report excerpt goes
/// through the real extractor and parser; a set of records through the audit's grouping. A
/// triggering example must give exactly the findings it marks (one at each `↓`, or one per
/// file listed) and no other; the others must stay silent. A failure names the example's
/// own file and line.
@Suite struct RuleExamplesTests {
    static let ids = Catalogue.descriptions.map(\.id)

    @Test(arguments: ids)
    func examplesFireExactlyWhereMarked(id: String) throws {
        let rule = try #require(Catalogue.description(id: id))
        #expect(!rule.triggering.isEmpty, "\(id): every rule shows at least one example that triggers it")
        #expect(!rule.nonTriggering.isEmpty, "\(id): every rule shows at least one example that must not trigger it")
        for example in rule.triggering + rule.nonTriggering {
            let triggering = rule.triggering.contains { $0.line == example.line && $0.fileID == example.fileID }
            for problem in try ExampleCheck.problems(rule, example, triggering: triggering) {
                Issue.record(Comment(rawValue: problem), sourceLocation: example.sourceLocation)
            }
        }
    }

    /// Every rule speaks both languages: its title, its description, and the message of every
    /// finding its triggering examples give, each written in Spanish and in English (not the
    /// same text twice, as a message stored by an older avance would be).
    @Test(arguments: ids)
    func everyRuleIsWrittenInSpanishAndEnglish(id: String) throws {
        let rule = try #require(Catalogue.description(id: id))
        for (what, text) in [("title", rule.title), ("description", rule.description)] {
            #expect(!text.es.isEmpty && !text.en.isEmpty && text.es != text.en, "\(id): its \(what) in both languages: \(text)")
        }
        var messages: [LocalizedText] = []
        for example in rule.triggering {
            switch example.input {
            case .report(let marked):
                messages += try ExampleCheck.findings(of: id, in: ExampleCheck.stripMarkers(marked).text).map(\.text)
            case .records(let records, _):
                messages += ExampleCheck.crossReportFindings(of: id, in: records).map(\.text)
            }
        }
        #expect(!messages.isEmpty, "\(id): its triggering examples give findings")
        for m in messages {
            #expect(!m.es.isEmpty && !m.en.isEmpty && m.es != m.en, "\(id): a message in both languages: \(m)")
        }
    }

    @Test func anExtraFindingFailsTheExampleAndNamesItsLine() throws {
        // Two ambiguous dates, one marker: the second finding is one the example does not expect.
        let rule = try #require(Catalogue.description(id: "ambiguous-date"))
        let example = RuleExample("""
            Trimestre: 2do. Trimestre 2024
            La sesión se celebró el ↓05/06/2024 y otra el 07/06/2024.
            """)
        let problems = try ExampleCheck.problems(rule, example, triggering: true)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("RuleExamplesTests.swift:\(example.line)") == true, "\(problems)")
        #expect(problems.first?.contains("line 2:46") == true, "the extra finding's place: \(problems)")
        let silent = try ExampleCheck.problems(rule, example, triggering: false)
        #expect(silent.count == 2, "a non-triggering example that fires fails, once per finding")
    }

    @Test func aMarkerWithoutItsFindingFailsTheExample() throws {
        let rule = try #require(Catalogue.description(id: "ambiguous-date"))
        let example = RuleExample("""
            Trimestre: 2do. Trimestre 2024
            La sesión se ↓celebró el 05/06/2024.
            """)
        let problems = try ExampleCheck.problems(rule, example, triggering: true)
        #expect(problems.contains { $0.contains("no finding at line 2:14") }, "\(problems)")
        #expect(problems.contains { $0.contains("unexpected finding at line 2:25") }, "\(problems)")
    }

    @Test func aCrossReportExampleMustCiteExactlyTheFilesListed() throws {
        let rule = try #require(Catalogue.description(id: "missing-quarter"))
        let example = RuleExample([
            ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
            ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 3),
        ], expected: ["T4.txt"])
        let problems = try ExampleCheck.problems(rule, example, triggering: true)
        #expect(problems.count == 1 && problems[0].contains("T4.txt, T4.txt"), "two quarters are missing, one finding listed: \(problems)")
    }

    @Test func catalogueIdsAreUniqueAndDescribed() {
        #expect(Set(Self.ids).count == Self.ids.count)
        for d in Catalogue.descriptions {
            #expect(!d.title.en.isEmpty && !d.description.en.isEmpty, "\(d.id) needs a title and a description")
        }
        #expect(Catalogue.descriptions.filter { $0.scope == .crossReport }.map(\.id) == Catalogue.crossReportRules.map { $0.description.id })
    }

    @Test func settingsOverrideSeverityAndDisableRules() throws {
        let rule = try #require(Catalogue.description(id: "ambiguous-date"))
        guard case .report(let marked) = try #require(rule.triggering.first).input else {
            Issue.record("ambiguous-date's first example is a report")
            return
        }
        let record = try #require(try ExampleCheck.records(ExampleCheck.stripMarkers(marked).text).first)
        let raised = Validator(settings: RuleSettings(severity: ["ambiguous-date": .error])).validate(record)
        #expect(raised.filter { $0.rule == "ambiguous-date" }.map(\.severity) == [.error])
        let off = Validator(settings: RuleSettings(disabled: ["ambiguous-date"])).validate(record)
        #expect(!off.contains { $0.rule == "ambiguous-date" })
    }
}

/// Runs one example and says, in words, everything about its findings that differs from
/// what it marks.
enum ExampleCheck {
    struct Marker: Hashable {
        var line: Int
        var column: Int
    }

    /// What is wrong with the rule's findings on the example; empty when they are exactly
    /// what it marks (or, for a non-triggering example, when there are none).
    static func problems(_ rule: RuleDescription, _ example: RuleExample, triggering: Bool) throws -> [String] {
        let name = "\(rule.id) example at \(example.place)\(example.note.isEmpty ? "" : " (\(example.note))")"
        switch example.input {
        case .report(let marked):
            let (text, markers) = stripMarkers(marked)
            let findings = try findings(of: rule.id, in: text)
            var problems = wrongRuleOrSeverity(findings, rule, name)
            let expected = triggering ? markers : []
            var unmatched = expected
            var unquoted = triggering ? example.unquoted : 0
            for f in findings {
                guard let first = f.evidence.first else {
                    if unquoted > 0 {
                        unquoted -= 1
                    } else {
                        problems.append("\(name): unexpected finding without a quote: \(f.message)")
                    }
                    continue
                }
                let at = Marker(line: first.line, column: first.column)
                if let i = unmatched.firstIndex(of: at) {
                    unmatched.remove(at: i)
                } else {
                    problems.append("\(name): unexpected finding at line \(at.line):\(at.column) \"\(first.text)\": \(f.message)")
                }
            }
            problems += unmatched.map { "\(name): no finding at line \($0.line):\($0.column), where ↓ marks one" }
            if unquoted > 0 { problems.append("\(name): \(unquoted) finding(s) without a quote expected, not made") }
            if triggering && markers.isEmpty && example.unquoted == 0 {
                problems.append("\(name): a triggering example marks its findings with ↓ (or counts those it cannot quote)")
            }
            return problems
        case .records(let records, let expectedFiles):
            let findings = crossReportFindings(of: rule.id, in: records)
            var problems = wrongRuleOrSeverity(findings, rule, name)
            let cited = findings.map { $0.evidence.first?.path ?? "(no evidence)" }
            let expected = triggering ? expectedFiles : []
            if cited != expected {
                problems.append("\(name): expected findings citing [\(expected.joined(separator: ", "))], got [\(cited.joined(separator: ", "))]: \(findings.map(\.message))")
            }
            let paths = Set(records.map(\.source.path))
            for f in findings where !f.evidence.allSatisfy({ $0.path.map(paths.contains) ?? false }) {
                problems.append("\(name): every quote must name one of the example's files: \(f.evidence.map(\.place))")
            }
            if triggering && expectedFiles.isEmpty { problems.append("\(name): a triggering example lists the files its findings cite") }
            return problems
        }
    }

    static func wrongRuleOrSeverity(_ findings: [Finding], _ rule: RuleDescription, _ name: String) -> [String] {
        findings.filter { $0.rule != rule.id || $0.severity != rule.severity }
            .map { "\(name): a finding of \($0.rule) (\($0.severity.rawValue)), expected \(rule.id) (\(rule.severity.rawValue))" }
    }

    /// Removes the `↓` markers, remembering the line and column each pointed at.
    static func stripMarkers(_ text: String) -> (text: String, markers: [Marker]) {
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

    static func records(_ text: String) throws -> [IndicatorRecord] {
        let document = ExtractedDocument(path: "example.txt", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
        return try Parser().parse(document)
    }

    /// One record rule alone, at its default severity, over the records of a report.
    static func findings(of id: String, in text: String) throws -> [Finding] {
        guard let rule = Catalogue.recordRule(id: id) else { return [] }
        return try records(text).flatMap { rule.init().check($0) }
    }

    /// One cross-report rule alone over a set of records, as `avance audit` groups them; a record
    /// rule shown on records built in code (what a scan's OCR gives cannot be typed as text) over
    /// each record, its quotes cited in the record's file.
    static func crossReportFindings(of id: String, in records: [IndicatorRecord]) -> [Finding] {
        if let rule = Catalogue.recordRule(id: id) {
            return records.flatMap { r in
                rule.init().check(r).map { f in
                    var f = f
                    f.evidence = f.evidence.map { $0.cited(in: r.source.path) }
                    return f
                }
            }
        }
        let others = Set(Catalogue.descriptions.map(\.id)).subtracting([id])
        return Auditor(settings: RuleSettings(disabled: others)).audit(records).flatMap(\.findings).map(\.finding)
    }
}

extension RuleExample {
    /// Where the example is written, for Swift Testing to point a failure at.
    var sourceLocation: SourceLocation {
        SourceLocation(fileID: fileID, filePath: filePath, line: line, column: column)
    }
}
