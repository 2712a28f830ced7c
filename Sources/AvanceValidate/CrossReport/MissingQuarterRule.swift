import AvanceCore

/// A year's reports should not skip a quarter.
public struct MissingQuarterRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "missing-quarter",
        title: LocalizedText(
            es: "Falta el informe de un trimestre",
            en: "A quarter is not reported"
        ),
        severity: .info,
        scope: .crossReport,
        description: LocalizedText(
            es: """
                Un ejercicio tiene informes de algunos trimestres de un indicador (dos o más) pero ninguno \
                de un trimestre anterior (falta el segundo mientras se reportan el primero y el tercero). No \
                se cuentan los trimestres posteriores al último reportado, cuyos informes pueden no vencer \
                aún, ni un ejercicio con un solo informe, que dice muy poco de la serie. Un hallazgo por \
                trimestre faltante, que cita el periodo del informe siguiente.
                """,
            en: """
                A year has reports for some quarters of an indicator (two or more) but none for an \
                earlier quarter (the second is missing while the first and third are reported). \
                Quarters after the last one reported are not counted: their reports may not be due yet; \
                nor is a year with a single report, which says too little about the series. One finding \
                per missing quarter, quoting the period of the next report.
                """
        ),
        triggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
            ], expected: ["T3.txt"], note: "no second quarter"),
            RuleExample([
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 3),
            ], expected: ["T2.txt", "T4.txt"], note: "no first and no third quarter"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
            ], note: "the later quarters may not be due yet"),
            RuleExample([
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
            ], note: "a single report of the year"),
        ]
    )

    public init() {}

    public func check(_ year: IndicatorYear) -> [Finding] {
        let reported = (1...4).filter { year.record($0) != nil }
        guard reported.count >= 2, let last = reported.last else { return [] }
        return (1..<last).filter { !reported.contains($0) }.compactMap { q in
            guard let next = reported.first(where: { $0 > q }), let r = year.record(next) else { return nil }
            return finding(Self.message(year: year.year, missing: q, next: next), [r.citedPeriod])
        }
    }

    static func message(year: Int, missing: Int, next: Int) -> LocalizedText {
        LocalizedText(
            es: "El \(Language.es.quarter(missing, of: year)) no tiene informe de este indicador, aunque el \(Language.es.quarter(next, of: year)) sí se reporta.",
            en: "\(year) Q\(missing) has no report for this indicator, though Q\(next) is reported."
        )
    }
}
