import AvanceCore

/// A quarter cannot ask for more than the whole year.
public struct PeriodExceedsAnnualRule: Rule {
    public static let description = RuleDescription(
        id: "period-exceeds-annual",
        title: LocalizedText(
            es: "Meta del periodo mayor que la meta anual",
            en: "Period target above the annual target"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                La meta del periodo reportado (del trimestre o acumulada) es mayor que la meta anual: una de \
                las dos cifras está mal.
                """,
            en: """
                The target for the reported period (single or cumulative) is larger than the annual \
                target: one of the two figures is wrong.
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: Segundo Trimestre de 2023
                La meta anual programada es de 4 talleres, y la meta del segundo trimestre es de ↓6 talleres.
                """),
            RuleExample("""
                Periodo: 3T-2022
                Meta anual: 10
                Meta acumulada al trimestre: ↓12
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: Segundo Trimestre de 2023
                La meta anual programada es de 4 talleres, y la meta del segundo trimestre es de 2 talleres.
                """),
            RuleExample("""
                Periodo: 4T-2022
                Meta anual: 10
                Meta acumulada al trimestre: 10
                """, note: "the cumulative target of the last quarter equals the annual one"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        let t = record.targets
        guard let annual = t.annual, let period = t.period, period > annual else { return [] }
        let evidence = [t.evidence(for: .period), t.evidence(for: .annual)].compactMap { $0 }
        return [finding(Self.message(period: period, annual: annual, cumulative: t.periodIsCumulative), evidence)]
    }

    static func message(period: Double, annual: Double, cumulative: Bool) -> LocalizedText {
        LocalizedText(
            es: "La meta \(cumulative ? "acumulada " : "")del periodo (\(NumberText.show(period))) es mayor que la meta anual (\(NumberText.show(annual))).",
            en: "The \(cumulative ? "cumulative " : "")period target (\(NumberText.show(period))) is above the annual target (\(NumberText.show(annual)))."
        )
    }
}
