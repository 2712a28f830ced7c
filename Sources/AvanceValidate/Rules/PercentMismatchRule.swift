import AvanceCore

/// The stated percentage must follow from the numbers.
public struct PercentMismatchRule: Rule {
    /// Percentage points of difference tolerated for rounding.
    static let tolerance = 0.5

    public static let description = RuleDescription(
        id: "percent-mismatch",
        title: "Percentage does not follow from the numbers",
        severity: .error,
        description: """
            The stated compliance percentage differs from achieved ÷ period target × 100 by more \
            than half a point. Checked only where the achieved figure is stated as a number. A \
            percentage capped at 100 % when more than the target was achieved is accepted.
            """,
        triggering: [
            RuleExample("""
                Trimestre: Tercer Trimestre de 2024
                Meta del trimestre: 4
                Meta alcanzada: 3
                Porcentaje de cumplimiento: ↓100%
                """),
            RuleExample("""
                Periodo: enero-marzo 2021
                Para el primer trimestre se programaron 8 visitas y se realizaron 6, con lo que se alcanzó un avance del ↓100 por ciento.
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: Tercer Trimestre de 2024
                Meta del trimestre: 4
                Meta alcanzada: 3
                Porcentaje de cumplimiento: 75 %
                """),
            RuleExample("""
                Trimestre: Tercer Trimestre de 2024
                Meta del trimestre: 2
                Porcentaje de cumplimiento: 100%
                """, note: "achieved not stated: nothing to compare"),
            RuleExample("""
                Trimestre: 2do. Trimestre 2024
                Meta del trimestre: 3
                Meta alcanzada: 4
                Porcentaje de cumplimiento: 100%
                """, note: "capped at 100 %"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        let t = record.targets
        guard let achieved = t.achieved, let period = t.period, period > 0, let stated = t.compliancePercent else { return [] }
        let computed = achieved / period * 100
        if abs(computed - stated) <= Self.tolerance { return [] }
        if computed > 100 && abs(stated - 100) <= Self.tolerance { return [] }
        let evidence = [t.evidence(for: .percent), t.evidence(for: .achieved), t.evidence(for: .period)].compactMap { $0 }
        return [finding(Self.message(stated: stated, achieved: achieved, period: period, computed: computed), evidence)]
    }

    static func message(stated: Double, achieved: Double, period: Double, computed: Double) -> String {
        "The report states \(NumberText.show(stated)) % but \(NumberText.show(achieved)) of \(NumberText.show(period)) is \(NumberText.show((computed * 10).rounded() / 10)) %."
    }
}
