import AvanceCore

/// An indicator the report says does not apply in the year must not report progress in it.
public struct NotApplicableWithProgressRule: Rule {
    public static let description = RuleDescription(
        id: "not-applicable-with-progress",
        title: LocalizedText(
            es: "Un indicador marcado como no aplicable reporta avance",
            en: "An indicator marked not applicable reports progress"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                El renglón dice que el indicador no aplica en el ejercicio (`No aplica en 2018` en su nombre \
                o resumen, `N/A` o `No aplica` como meta anual) y, sin embargo, hay una cifra distinta de \
                cero en una columna de lo alcanzado (el trimestre del informe, u otro trimestre o semestre \
                que la tabla presenta): o el indicador aplica, o la cifra pertenece a otro renglón.
                """,
            en: """
                The row says the indicator does not apply in the year (`No aplica en 2018` in its \
                name or summary, `N/A` or `No aplica` as its annual target), yet a figure other \
                than zero stands in a column of what it achieved (the report's quarter, or another \
                quarter or half-year the table prints): either the indicator applies, or the figure \
                belongs to another row.
                """
        ),
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
        var progress: [(header: LocalizedText, value: Double, evidence: SourceSpan)] = []
        if let achieved = t.achieved, achieved != 0,
           let quote = t.evidence.first(where: { Double($0.text.filter { $0.isNumber || $0 == "." || $0 == "-" }) == achieved }) {
            progress.append((LocalizedText(es: "el periodo del informe", en: "the report's period"), achieved, quote))
        }
        for v in record.periodValues ?? [] where v.value != 0 { progress.append((LocalizedText(v.header), v.value, v.evidence)) }
        guard !progress.isEmpty else { return [] }
        return [finding(
            Self.message(name: record.indicator?.name?.singleLine, said: said.text.singleLine, figures: progress.map { ($0.header, $0.value) }),
            [said] + progress.map(\.evidence)
        )]
    }

    static func message(name: String?, said: String, figures: [(header: LocalizedText, value: Double)]) -> LocalizedText {
        let es = figures.map { "\(NumberText.show($0.value)) (\($0.header.es))" }.joined(separator: ", ")
        let en = figures.map { "\(NumberText.show($0.value)) (\($0.header.en))" }.joined(separator: ", ")
        return LocalizedText(
            es: "\(name.map { "El indicador '\($0)'" } ?? "El indicador") figura como no aplicable ('\(said)'), pero reporta \(es).",
            en: "\(name.map { "'\($0)'" } ?? "The indicator") is said not to apply ('\(said)') yet reports \(en)."
        )
    }
}
