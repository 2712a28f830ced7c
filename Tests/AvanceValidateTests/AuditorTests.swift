import AvanceCore
import AvanceValidate
import Testing

/// How the audit groups records into indicators and applies the settings to both kinds of finding.
@Suite struct AuditorTests {
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

    @Test func aCodeOfZerosIsNoCode() {
        let a = ExampleRecords.report("a.txt", quarter: 1, annual: 4, indicator: "0", indicatorName: "Talleres impartidos")
        let b = ExampleRecords.report("b.txt", quarter: 1, annual: 9, indicator: "00", indicatorName: "Visitas realizadas")
        let c = ExampleRecords.report("c.txt", quarter: 2, annual: 4, indicator: "", indicatorName: "Talleres impartidos")
        let groups = IndicatorMatcher.group([a, b, c]).map { Set($0.records.map(\.source.path)) }
        #expect(groups.count == 2)
        #expect(groups.contains(["a.txt", "c.txt"]), "the names decide")
        #expect(groups.contains(["b.txt"]))
    }

    @Test func eachUnitOfATableOfUnitsIsItsOwnSeries() {
        func row(_ path: String, quarter: Int, row: Int, unit: String?) -> IndicatorRecord {
            var r = ExampleRecords.report(path, quarter: quarter, annual: 10, indicator: nil, indicatorName: "Cursos", activity: nil)
            r.source.row = row
            r.responsibleUnit = unit.map { .init(name: $0, acronym: nil) }
            return r
        }
        let records = [
            row("poa-T1.pdf", quarter: 1, row: 1, unit: "ACCIÓN MÓVIL TUXTLA"),
            row("poa-T1.pdf", quarter: 1, row: 2, unit: "ACCIÓN MÓVIL TUXTLA CHICO"),
            row("poa-T2.pdf", quarter: 2, row: 1, unit: "Acción Móvil Tuxtla"),
            row("poa-T2.pdf", quarter: 2, row: 2, unit: "ACCIÓN MÓVIL TUXTLA CHICO"),
            row("poa-T3.pdf", quarter: 3, row: 1, unit: nil),
        ]
        let groups = IndicatorMatcher.group(records).map { Set($0.records.map { "\($0.source.path)#\($0.source.row!)" }) }
        #expect(groups.count == 2)
        // One document's two units stay apart though one name holds the other; a report that
        // names no unit joins the first series it matches.
        #expect(groups.contains(["poa-T1.pdf#1", "poa-T2.pdf#1", "poa-T3.pdf#1"]))
        #expect(groups.contains(["poa-T1.pdf#2", "poa-T2.pdf#2"]))
    }

    @Test func settingsChangeCrossReportSeveritiesAndTurnRulesOff() {
        let example = [
            ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
            ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
        ]
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

    @Test func revalidationChecksStoredRecordsWithTodaysRulesAndKeepsWhatItCannotCheck() {
        var record = ExampleRecords.report("a.txt", quarter: 3, annual: 4, period: 6)
        record.responsibleUnit = .init(name: "Dirección de Capacitación", acronym: nil)
        let notice = SourceSpan(line: 3, column: 1, text: "uso interno")
        let stale = Finding(rule: "percent-mismatch", severity: .error, message: "made by an older avance", evidence: [notice])
        let storedNotice = Finding(rule: "confidential-notice", severity: .warning, message: "m", evidence: [notice])
        let retired = Finding(rule: "a-rule-since-removed", severity: .info, message: "m", evidence: [])
        record.findings = [stale, storedNotice, retired]

        // Stored by an avance that did not record notices: that rule's finding stands.
        record.notices = nil
        let old = Validator().revalidate(record)
        #expect(old.map(\.rule) == ["period-exceeds-annual", "confidential-notice", "a-rule-since-removed"])
        #expect(!old.contains(stale), "a rule that can read the record checks it again")

        // A record that carries its notices is judged on them, not on the stored finding.
        record.notices = []
        #expect(Validator().revalidate(record).map(\.rule) == ["period-exceeds-annual", "a-rule-since-removed"])
        record.notices = [notice]
        let settings = RuleSettings(severity: ["confidential-notice": .error], disabled: ["period-exceeds-annual"])
        let now = Validator(settings: settings).revalidate(record)
        #expect(now.map(\.rule) == ["confidential-notice", "a-rule-since-removed"])
        #expect(now.first?.severity == .error)
    }
}
