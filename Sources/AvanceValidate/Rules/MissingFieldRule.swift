import AvanceCore

/// The header fields an auditor cannot do without.
public struct MissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: "missing-field",
        title: LocalizedText(
            es: "Falta un dato obligatorio",
            en: "Required field missing"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                El informe no señala su programa presupuestario, su indicador, el periodo que reporta, la \
                unidad responsable o la meta anual. Un hallazgo por cada dato faltante, que cita el \
                encabezado del informe donde empieza (el primero de esos datos que sí señala). Solo se pide a \
                un informe de un indicador: una tabla de indicadores (CONAC, SIPOT, el avance de un programa \
                de trabajo) consigna lo que su formato prevé, y a un informe de actividades que no nombra \
                indicador, programa ni meta no se le piden.
                """,
            en: """
                The report does not state its budget program, its indicator, the period it reports, \
                the unit responsible for it, or the annual target. One finding per missing field, \
                citing the report's header where it starts (the first of those fields it does state). \
                Asked of a report on one indicator only: a table of indicators (CONAC, SIPOT, a \
                work program's progress) states what its format has, and an activity report that \
                names no indicator, program or target is not asked for them.
                """
        ),
        triggering: [
            RuleExample("""
                Indicador: ↓01 - Número de capacitaciones impartidas
                Trimestre: 2do. Trimestre 2023
                Unidad responsable: Dirección de Capacitación
                La meta anual es de 8 capacitaciones.
                """, note: "no program: the header is cited where it starts"),
            RuleExample("""
                Programa presupuestario: ↓E014 - Prevención
                Indicador: 02 - Porcentaje de quejas atendidas
                Periodo: Abril-Junio 2023
                Área responsable: Unidad de Quejas
                Se atendieron 12 quejas.
                """, note: "no annual target"),
        ],
        nonTriggering: [
            RuleExample("""
                Informe trimestral de actividades, abril a junio de 2019
                El Comité sesionó en tres ocasiones y realizó 12 eventos de vinculación.
                """, note: "an activity report: no indicator, program or target to ask for"),
            RuleExample("""
                PERIODO: Ene-Jun 2018

                | Nivel | Indicador | Total anual programado | Programado ene-jun | Realizado ene-jun | % de cumplimiento |
                |---|---|---|---|---|---|
                | Componente | Cursos de capacitación impartidos | 26 | 15 | 16 | 107% |
                | Actividad | Personas capacitadas | 320 | 170 | 80 | 47% |
                """, note: "a table of indicators: its rows are not asked for a program or a unit"),
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
        // A row of a table: the table's format decides what it states, not this list.
        guard record.source.row == nil else { return [] }
        let statesAny = record.indicator != nil || record.program != nil || record.component != nil
            || record.activity != nil || record.targets.annual != nil || record.targets.period != nil
        guard statesAny else { return [] }
        var missing: [Field] = []
        if record.program?.code == nil && record.program?.name == nil { missing.append(.program) }
        if record.indicator?.code == nil && record.indicator?.name == nil { missing.append(.indicator) }
        if record.period == nil { missing.append(.period) }
        if record.responsibleUnit?.name == nil && record.responsibleUnit?.acronym == nil { missing.append(.unit) }
        if record.targets.annual == nil { missing.append(.annual) }
        // Where it looked: the report's header, cited by the first field it does state.
        let header = [record.program?.evidence, record.component?.evidence, record.activity?.evidence, record.indicator?.evidence,
                      record.period?.evidence, record.responsibleUnit?.evidence]
            .compactMap { $0 }.min { ($0.page ?? 0, $0.line, $0.column) < ($1.page ?? 0, $1.line, $1.column) }
        return missing.map { finding(Self.message($0), header.map { [$0] } ?? []) }
    }

    enum Field { case program, indicator, period, unit, annual }

    static func message(_ field: Field) -> LocalizedText {
        switch field {
        case .program:
            LocalizedText(es: "El informe no señala su programa presupuestario.", en: "The report does not state its budget program (Programa presupuestario).")
        case .indicator:
            LocalizedText(es: "El informe no señala su indicador.", en: "The report does not state its indicator (Indicador).")
        case .period:
            LocalizedText(es: "El informe no señala el periodo que reporta (trimestre).", en: "The report does not state its reported period (Trimestre).")
        case .unit:
            LocalizedText(es: "El informe no señala su unidad responsable.", en: "The report does not state its responsible unit (Unidad responsable).")
        case .annual:
            LocalizedText(es: "El informe no señala su meta anual.", en: "The report does not state its annual target (Meta anual).")
        }
    }
}
