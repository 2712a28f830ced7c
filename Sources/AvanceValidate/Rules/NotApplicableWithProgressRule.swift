import AvanceCore

/// An indicator the report says does not apply in the year must not report progress in it.
public struct NotApplicableWithProgressRule: Rule {
    public static let description = RuleDescription(
        id: "not-applicable-with-progress",
        title: "An indicator marked not applicable reports progress",
        severity: .warning,
        description: """
            The row says the indicator does not apply in the year (`No aplica en 2018` in its \
            name or summary, `N/A` or `No aplica` as its annual target), yet a figure other \
            than zero stands in a column of what it achieved (the report's quarter, or another \
            quarter or half-year the table prints): either the indicator applies, or the figure \
            belongs to another row.
            """,
        triggering: [
            RuleExample("""
                # SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018
                ## III TRIMESTRE

                | Resumen narrativo | Indicador | Línea base | Meta | I TRIMESTRE | II TRIMESTRE | III TRIMESTRE |
                |---|---|---|---|---|---|---|
                | Componente: Capacitaciones realizadas. ↓No aplica en 2018. | Porcentaje de personas capacitadas | -998.00 | -998.00 | NA | 100.00 | 0.00 |
                | Componente: Talleres impartidos. | Porcentaje de talleres impartidos | 80.00 | 90.00 | 20.00 | 45.00 | 70.00 |
                """),
            RuleExample("""
                Avance de indicadores, tercer trimestre de 2024

                | Indicador | Meta anual | Alcanzado |
                |---|---|---|
                | Porcentaje de convenios firmados | ↓N/A | 3 |
                | Porcentaje de cursos impartidos | 12 | 9 |
                """, note: "a target that does not apply, and a figure achieved"),
        ],
        nonTriggering: [
            RuleExample("""
                # SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018
                ## III TRIMESTRE

                | Resumen narrativo | Indicador | Línea base | Meta | I TRIMESTRE | II TRIMESTRE | III TRIMESTRE |
                |---|---|---|---|---|---|---|
                | Componente: Diálogos con el Gobernador. No aplica para 2018. | Porcentaje de diálogos realizados | -998.00 | -998.00 | NA | NA | 0.00 |
                | Componente: Talleres impartidos. | Porcentaje de talleres impartidos | 80.00 | 90.00 | 20.00 | 45.00 | 70.00 |
                """, note: "not applicable, and nothing achieved"),
            RuleExample("""
                Avance de indicadores, tercer trimestre de 2024

                | Indicador | Meta anual | Alcanzado | Observaciones |
                |---|---|---|---|
                | Porcentaje de convenios firmados | 10 | 3 | No aplica |
                | Porcentaje de cursos impartidos | 12 | 9 | |
                """, note: "\"No aplica\" in a remarks column says nothing of the indicator"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let said = record.notApplicable else { return [] }
        let t = record.targets
        var progress: [(header: String, value: Double, evidence: SourceSpan)] = []
        if let achieved = t.achieved, achieved != 0,
           let quote = t.evidence.first(where: { Double($0.text.filter { $0.isNumber || $0 == "." || $0 == "-" }) == achieved }) {
            progress.append(("the report's period", achieved, quote))
        }
        for v in record.periodValues ?? [] where v.value != 0 { progress.append((v.header, v.value, v.evidence)) }
        guard !progress.isEmpty else { return [] }
        let name = record.indicator?.name.map { "'\($0.singleLine)'" } ?? "The indicator"
        let figures = progress.map { "\(NumberText.show($0.value)) (\($0.header))" }.joined(separator: ", ")
        return [finding(
            "\(name) is said not to apply ('\(said.text.singleLine)') yet reports \(figures).",
            [said] + progress.map(\.evidence)
        )]
    }
}
