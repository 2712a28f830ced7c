import AvanceCore
import AvanceValidate
import Testing

/// Every cross-report rule's examples, through the same grouping the audit uses: the
/// triggering sets must give exactly the findings listed, citing the files listed; the
/// others must give none.
@Suite struct CrossReportExamplesTests {
    static let ids = CrossReportCatalogue.descriptions.map(\.id)

    /// The findings of one rule over a set of records, as `avance audit` groups them.
    static func findings(of id: String, in records: [IndicatorRecord]) -> [Finding] {
        let others = Set(Catalogue.all.map(\.id)).subtracting([id])
        let auditor = Auditor(settings: RuleSettings(disabled: others))
        return auditor.audit(records).flatMap(\.findings).map(\.finding)
    }

    @Test(arguments: ids)
    func triggeringExamplesFire(id: String) throws {
        let rule = try #require(CrossReportCatalogue.rule(id: id))
        #expect(!rule.description.triggering.isEmpty, "every rule shows at least one example that triggers it")
        for (n, example) in rule.description.triggering.enumerated() {
            let findings = Self.findings(of: id, in: example.records)
            #expect(findings.map { $0.evidence.first?.path } == example.expected.map { Optional($0) },
                    "\(id) triggering example \(n + 1) (\(example.note)): \(findings.map(\.message))")
            let paths = Set(example.records.map(\.source.path))
            for f in findings {
                #expect(f.rule == id && f.severity == rule.description.severity)
                #expect(!f.evidence.isEmpty, "\(id): a finding cites its evidence")
                #expect(f.evidence.allSatisfy { $0.path.map(paths.contains) ?? false }, "\(id): every span names one of the example's files")
            }
        }
    }

    @Test(arguments: ids)
    func nonTriggeringExamplesStaySilent(id: String) throws {
        let rule = try #require(CrossReportCatalogue.rule(id: id))
        #expect(!rule.description.nonTriggering.isEmpty, "every rule shows at least one example that must not trigger it")
        for (n, example) in rule.description.nonTriggering.enumerated() {
            let findings = Self.findings(of: id, in: example.records)
            #expect(findings.isEmpty, "\(id) non-triggering example \(n + 1) (\(example.note)) fired: \(findings.map(\.message))")
        }
    }

    @Test func idsAreUniqueAcrossBothCatalogues() {
        let all = Catalogue.all.map(\.id)
        #expect(Set(all).count == all.count)
        #expect(Catalogue.all.filter { $0.scope == .crossReport }.map(\.id) == Self.ids)
    }

    @Test func recordsMatchByCodeOrByNameWhereTheCodeIsMissing() {
        let a = ExampleRecords.report("a.txt", quarter: 1, annual: 4, indicator: "01", indicatorName: "Talleres")
        let b = ExampleRecords.report("b.txt", quarter: 2, annual: 4, indicator: "01", indicatorName: "Número de talleres")
        let c = ExampleRecords.report("c.txt", quarter: 1, annual: 4, indicator: nil, indicatorName: "Número de Talleres.")
        let d = ExampleRecords.report("d.txt", quarter: 2, annual: 4, indicator: nil, indicatorName: "numero de talleres")
        let e = ExampleRecords.report("e.txt", quarter: 3, annual: 4, activity: "C01.A02")
        let f = ExampleRecords.report("f.txt", quarter: 3, annual: 4, institution: "Otro Instituto", acronym: "OI")
        let g = ExampleRecords.report("g.txt", quarter: 4, annual: 4, institution: "Instituto de Capacitación del Estado", acronym: nil)
        let groups = IndicatorMatcher.group([a, b, c, d, e, f, g]).map { Set($0.records.map(\.source.path)) }
        #expect(groups.contains(["a.txt", "b.txt", "g.txt"]), "the same code; the institution by name where one report gives no acronym")
        #expect(groups.contains(["c.txt", "d.txt"]), "no code: the names, case, accents and the final dot ignored")
        #expect(groups.contains(["e.txt"]), "another activity")
        #expect(groups.contains(["f.txt"]), "another institution")
    }

    @Test func settingsChangeCrossReportSeveritiesAndTurnRulesOff() {
        let example = MissingQuarterRule.description.triggering[0].records
        let raised = Auditor(settings: RuleSettings(severity: ["missing-quarter": .warning])).audit(example).flatMap(\.findings).map(\.finding)
        #expect(raised.filter { $0.rule == "missing-quarter" }.map(\.severity) == [.warning])
        let off = Auditor(settings: RuleSettings(disabled: ["missing-quarter"])).audit(example).flatMap(\.findings).map(\.finding)
        #expect(!off.contains { $0.rule == "missing-quarter" })
    }

    @Test func storedFindingsFollowTheSettings() {
        var record = ExampleRecords.report("a.txt", quarter: 1, annual: 4)
        let span = SourceSpan(line: 7, column: 1, text: "10/05/2024")
        record.findings = [
            Finding(rule: "ambiguous-date", severity: .info, message: "m", evidence: [span]),
            Finding(rule: "date-outside-period", severity: .warning, message: "m", evidence: [span]),
        ]
        let audited = Auditor(settings: RuleSettings(severity: ["ambiguous-date": .error], disabled: ["date-outside-period"]))
            .audit([record]).flatMap(\.records).flatMap(\.findings)
        #expect(audited.map(\.rule) == ["ambiguous-date"])
        #expect(audited.map(\.severity) == [.error])
    }
}
