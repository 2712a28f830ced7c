import AvanceCore

/// The header fields an auditor cannot do without.
public struct MissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: "missing-field",
        title: "Required field missing",
        severity: .error,
        description: """
            The report does not state its budget program, its indicator, the period it reports, \
            the unit responsible for it, or the annual target. One finding per missing field.
            """,
        triggering: [
            RuleExample("""
                Indicador: 01 - Número de capacitaciones impartidas
                Trimestre: 2do. Trimestre 2023
                Unidad responsable: Dirección de Capacitación
                La meta anual es de 8 capacitaciones.
                """, unquoted: 1, note: "no program"),
            RuleExample("""
                Programa presupuestario: E014 - Prevención
                Indicador: 02 - Porcentaje de quejas atendidas
                Periodo: Abril-Junio 2023
                Área responsable: Unidad de Quejas
                Se atendieron 12 quejas.
                """, unquoted: 1, note: "no annual target"),
        ],
        nonTriggering: [
            RuleExample("""
                Programa presupuestario: E014 - Prevención
                Indicador: 02 - Número de quejas atendidas
                Periodo: Abril-Junio 2023
                Área responsable: Unidad de Quejas
                La meta anual programada es de 40 quejas atendidas.
                """),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        var missing: [String] = []
        if record.program?.code == nil && record.program?.name == nil { missing.append("budget program (Programa presupuestario)") }
        if record.indicator?.code == nil && record.indicator?.name == nil { missing.append("indicator (Indicador)") }
        if record.period == nil { missing.append("reported period (Trimestre)") }
        if record.responsibleUnit?.name == nil && record.responsibleUnit?.acronym == nil {
            missing.append("responsible unit (Unidad responsable)")
        }
        if record.targets.annual == nil { missing.append("annual target (Meta anual)") }
        return missing.map { finding(Self.message($0), []) }
    }

    static func message(_ field: String) -> String { "The report does not state its \(field)." }
}
