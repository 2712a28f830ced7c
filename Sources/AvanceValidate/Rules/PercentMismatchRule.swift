import AvanceCore

/// The stated percentage must follow from the numbers.
public struct PercentMismatchRule: Rule {
    /// Percentage points of difference tolerated for rounding.
    static let tolerance = 0.5

    public static let description = RuleDescription(
        id: "percent-mismatch",
        title: LocalizedText(
            es: "El porcentaje no corresponde a las cifras",
            en: "Percentage does not follow from the numbers"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                El porcentaje de cumplimiento reportado difiere en más de medio punto de meta alcanzada ÷ \
                meta del periodo × 100. En una tabla de indicadores que no señala meta del periodo (Alc. / \
                Prog. del CONAC), la base es la meta programada; un porcentaje respecto de la meta \
                modificada (Alc. / Modif.) se compara con esta. Solo se verifica donde la meta alcanzada \
                está expresada como cifra. Se acepta un porcentaje topado en 100 % cuando se alcanzó más que \
                la meta, y también uno escrito como fracción (0.865 por 86.5 %).
                """,
            en: """
                The stated compliance percentage differs from achieved ÷ period target × 100 by more \
                than half a point. In a table of indicators that states no period target (CONAC's \
                Alc. / Prog.), the programmed target is the base; a percentage against the modified \
                target (Alc. / Modif.) is checked against it. Checked only where the achieved figure \
                is stated as a number. A percentage capped at 100 % when more than the target was \
                achieved is accepted, and so is one written as a fraction (0.865 for 86.5 %).
                """
        ),
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
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2019

                | PP | Denominación del Indicador | Programada | Modificada | Alcanzada | Alc. / Prog. | Alc. / Modif. |
                |---|---|---|---|---|---|---|
                | E024 | Porcentaje de personas que concluyen la primaria | 16.3 | | 34.7 | ↓161 | |
                | E024 | Número de asesores capacitados | 120 | 100 | 90 | 75 | ↓100 |
                """, note: "a table: against the programmed target, and against the modified one"),
        ],
        nonTriggering: [
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2019

                | PP | Denominación del Indicador | Programada | Modificada | Alcanzada | Alc. / Prog. | Alc. / Modif. |
                |---|---|---|---|---|---|---|
                | E024 | Número de asesores capacitados | 120 | 100 | 90 | 75 | 90 |
                | E024 | Número de círculos de estudio | 40 | | 35 | 0.875 | |
                """, note: "right, and a percentage written as a fraction"),
            RuleExample("""
                Trimestre: Tercer Trimestre de 2024
                Meta anual: 12
                Meta alcanzada: 3
                Porcentaje de cumplimiento: 100%
                """, note: "a single report's percentage may be against a quarter target it does not state: no base"),
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
        guard let achieved = t.achieved else { return [] }
        var findings: [Finding] = []
        // The period's target; in a table's row that states none, the programmed one (a single
        // report's percentage may be against a quarter target it leaves unstated).
        let base: (target: Double, value: IndicatorRecord.Targets.Value)? =
            t.period.map { ($0, .period) } ?? (record.source.row != nil ? t.annual.map { ($0, .annual) } : nil)
        if let stated = t.compliancePercent, let base,
           let finding = mismatch(stated: stated, .percent, achieved: achieved, target: base.target, base.value, in: t) {
            findings.append(finding)
        }
        if let stated = t.compliancePercentModified, let modified = t.modified,
           let finding = mismatch(stated: stated, .percentModified, achieved: achieved, target: modified, .modified, in: t) {
            findings.append(finding)
        }
        return findings
    }

    private func mismatch(
        stated: Double, _ percent: IndicatorRecord.Targets.Value, achieved: Double, target: Double,
        _ base: IndicatorRecord.Targets.Value, in t: IndicatorRecord.Targets
    ) -> Finding? {
        guard target > 0 else { return nil }
        let computed = achieved / target * 100
        if abs(computed - stated) <= Self.tolerance { return nil }
        // A fraction in a percentage's column (0.865 for 86.5 %).
        if stated <= 1.5, abs(computed / 100 - stated) <= Self.tolerance / 100 { return nil }
        if computed > 100 && abs(stated - 100) <= Self.tolerance { return nil }
        let evidence = [t.evidence(for: percent), t.evidence(for: .achieved), t.evidence(for: base)].compactMap { $0 }
        var message = Self.message(stated: stated, achieved: achieved, target: target, computed: computed, modified: base == .modified)
        if let note = misreadingNote(evidence) {
            message = LocalizedText(es: message.es + note.es, en: message.en + note.en)
        }
        return finding(message, evidence)
    }

    static func message(stated: Double, achieved: Double, target: Double, computed: Double, modified: Bool = false) -> LocalizedText {
        let (s, a, t, c) = (NumberText.show(stated), NumberText.show(achieved), NumberText.show(target), NumberText.show((computed * 10).rounded() / 10))
        return LocalizedText(
            es: "El informe señala \(s) %\(modified ? " respecto de la meta modificada" : ""), pero \(a) de \(t) es \(c) %.",
            en: "The report states \(s) %\(modified ? " against the modified target" : "") but \(a) of \(t) is \(c) %."
        )
    }
}
