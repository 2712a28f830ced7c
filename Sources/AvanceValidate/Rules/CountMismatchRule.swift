import AvanceCore

/// The actions a report documents must match the number it claims.
public struct CountMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "count-mismatch",
        title: LocalizedText(
            es: "Las acciones documentadas no coinciden con la cifra reportada",
            en: "Documented actions differ from the claimed number"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                El número de acciones que la narrativa documenta con fecha dentro del periodo reportado \
                difiere del número que el informe declara: la meta alcanzada, donde se señala, o si no el \
                porcentaje × la meta del periodo. Se verifica donde el informe documenta acciones y las \
                cuenta (no en indicadores de porcentaje).
                """,
            en: """
                The number of actions the narrative documents with a date inside the reported period \
                differs from the number the report claims: the achieved figure where stated, else the \
                percentage × the period target. Checked where the report documents actions and counts \
                them (not for percentage indicators).
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: 1er. Trimestre 2025
                La meta del primer trimestre es de 2 reuniones, y se alcanzó el ↓100 %.

                ## Reunión con el Instituto Estatal Electoral
                El 15 de enero de 2025 se realizó la reunión.

                ## Reunión con la Fiscalía General del Estado
                El 20 de febrero de 2025 se realizó la reunión.

                ## Reunión con la Auditoría Superior del Estado
                El 3 de marzo de 2025 se realizó la reunión.
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 1er. Trimestre 2025
                La meta del primer trimestre es de 2 reuniones, y se alcanzó el 100 %.

                ## Reunión con el Instituto Estatal Electoral
                El 15 de enero de 2025 se realizó la reunión.

                ## Reunión con la Fiscalía General del Estado
                El 20 de febrero de 2025 se realizó la reunión.
                """),
            RuleExample("""
                Trimestre: 1er. Trimestre 2025
                Unidad de medida: Porcentaje
                Meta del trimestre: 80
                Porcentaje de cumplimiento: 100 %

                ## Atención de solicitudes
                El 15 de enero de 2025 se atendieron las solicitudes.
                """, note: "a percentage indicator counts no actions"),
            RuleExample("""
                Trimestre: 1er. Trimestre 2025
                Meta del trimestre: 4
                Meta alcanzada: 4

                ## Curso de carpintería
                Fecha: 27/01/25

                ## Curso de refrigeración
                En la reunión del 14 de enero de 2025 se acordó la sede.
                Fecha de realización: lunes, 17 de febrero de 2025

                ## Curso de confección
                Fecha de la acción: el 20/2

                ## Curso de conservas
                Fecha: primero de marzo
                """, note: "actions dated by their Fecha: fields, in day-level forms"),
        ]
    )

    public init() {}

    /// Units that measure a rate, not a count of actions (folded).
    static let rateUnits = ["porcentaje", "%", "tasa", "indice", "promedio", "razon", "proporcion"]

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let period = record.period, !record.actions.isEmpty else { return [] }
        let t = record.targets
        if let unit = t.unit.map(Folding.fold), Self.rateUnits.contains(where: unit.hasPrefix) { return [] }
        let claimed: Double
        var claimEvidence: [SourceSpan]
        if let achieved = t.achieved {
            claimed = achieved
            claimEvidence = [t.evidence(for: .achieved)].compactMap { $0 }
        } else if let percent = t.compliancePercent, let target = t.period {
            claimed = (percent * target / 100).rounded()
            claimEvidence = [t.evidence(for: .percent), t.evidence(for: .period)].compactMap { $0 }
        } else {
            return []
        }
        let inside = record.actions.filter { $0.date.map(period.contains(iso:)) ?? false }
        guard Double(inside.count) != claimed else { return [] }
        claimEvidence += inside.map(\.evidence)
        return [finding(Self.message(documented: inside.count, claimed: claimed, period: period), claimEvidence)]
    }

    static func message(documented: Int, claimed: Double, period: IndicatorRecord.Period) -> LocalizedText {
        LocalizedText(
            es: "El informe documenta \(documented) \(documented == 1 ? "acción fechada" : "acciones fechadas") en el \(Language.es.quarter(period.quarter, of: period.year)), pero declara \(NumberText.show(claimed)).",
            en: "The report documents \(documented) action\(documented == 1 ? "" : "s") dated in \(period.year) Q\(period.quarter) but claims \(NumberText.show(claimed))."
        )
    }
}
