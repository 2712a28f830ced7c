import AvanceCore

/// The quarters of a year must add up to the year.
public struct QuarterlySumMismatchRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "quarterly-sum-mismatch",
        title: LocalizedText(
            es: "Las metas trimestrales no suman la meta anual",
            en: "Quarterly targets do not add up to the annual target"
        ),
        severity: .error,
        scope: .crossReport,
        description: LocalizedText(
            es: """
                Las cuatro metas trimestrales de un indicador en un ejercicio no suman su meta anual (la del \
                informe del cuarto trimestre, o la última señalada). Donde los informes dan metas \
                acumuladas, la meta acumulada del cuarto trimestre debe ser igual a la anual; la meta \
                acumulada de un trimestre anterior representa a los trimestres previos. Se verifica una vez \
                reportado el cuarto trimestre.
                """,
            en: """
                An indicator's four quarterly targets of one year do not add up to its annual target \
                (the fourth quarter's report's, or the latest stated). Where the reports give cumulative \
                targets, the fourth quarter's cumulative target must equal the annual one; a cumulative \
                target of an earlier quarter stands for the quarters before it. Checked once the fourth \
                quarter is reported.
                """
        ),
        triggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 2),
            ], expected: ["T4.txt"], note: "3 + 3 + 3 + 2 = 11, not 12"),
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3, cumulative: true),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 10, cumulative: true),
            ], expected: ["T4.txt"], note: "cumulative: the fourth quarter's 10 is not the year's 12"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 4),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 2),
            ]),
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 6, cumulative: true),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 3),
            ], note: "a cumulative second quarter carries the first: 6 + 3 + 3"),
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
            ], note: "the year is not complete yet"),
        ]
    )

    public init() {}

    public func check(_ year: IndicatorYear) -> [Finding] {
        guard year.record(4) != nil else { return [] }
        guard let annualRecord = (1...4).reversed().compactMap({ year.record($0) }).first(where: { $0.targets.annual != nil }),
              let annual = annualRecord.targets.annual else { return [] }
        // From the fourth quarter back to the first, or to the last cumulative figure, which
        // stands for every quarter before it.
        var parts: [IndicatorRecord] = []
        var total = 0.0
        for q in (1...4).reversed() {
            guard let r = year.record(q), let period = r.targets.period else { return [] }
            parts.insert(r, at: 0)
            total += period
            if r.targets.periodIsCumulative { break }
        }
        guard !same(total, annual) else { return [] }
        let message: LocalizedText
        if parts.count == 1 {
            message = Self.cumulativeMessage(year: year.year, cumulative: total, annual: annual)
        } else {
            message = Self.sumMessage(year: year.year, parts: parts.compactMap(\.targets.period), total: total, annual: annual)
        }
        return [finding(message, [annualRecord.cited(.annual)] + parts.map { $0.cited(.period) })]
    }

    static func sumMessage(year: Int, parts: [Double], total: Double, annual: Double) -> LocalizedText {
        let (t, sum, a) = (NumberText.show(total), parts.map { NumberText.show($0) }.joined(separator: " + "), NumberText.show(annual))
        return LocalizedText(
            es: "Las metas trimestrales del ejercicio \(year) suman \(t) (\(sum)), pero la meta anual es \(a).",
            en: "The quarterly targets of \(year) add up to \(t) (\(sum)), but the annual target is \(a)."
        )
    }

    static func cumulativeMessage(year: Int, cumulative: Double, annual: Double) -> LocalizedText {
        LocalizedText(
            es: "La meta acumulada al \(Language.es.quarter(4, of: year)) es \(NumberText.show(cumulative)), pero la meta anual es \(NumberText.show(annual)).",
            en: "The cumulative target of \(year) Q4 is \(NumberText.show(cumulative)), but the annual target is \(NumberText.show(annual))."
        )
    }
}
