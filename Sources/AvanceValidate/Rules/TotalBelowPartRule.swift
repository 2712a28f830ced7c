import AvanceCore

/// A row that sets a total cannot set less than a row of its own group that counts the same thing.
public struct TotalBelowPartRule: Rule {
    public static let description = RuleDescription(
        id: "total-below-part",
        title: LocalizedText(
            es: "Un total menor que una de sus partes",
            en: "A total smaller than one of its parts"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                Un renglón que fija un total (`Número total de empresas capacitadas: 10`, `Total de ...`, `... en total`) fija menos que otro \
                renglón de su mismo grupo (proyecto o componente) que cuenta lo mismo en la misma unidad \
                (`Capacitación a micro, pequeñas y medianas empresas: 20 empresas`): cada palabra de lo que el \
                total cuenta está en el nombre del otro renglón (por sus cinco primeras letras: `capacitadas` y \
                `capacitación` coinciden), y ese renglón no cuenta más que ello (`mujeres y hombres` frente a un \
                total de mujeres). Un total no puede ser menor que una de sus partes; si el otro renglón \
                cuenta otra cosa (participaciones, no empresas distintas), el documento debe decirlo. No se \
                revisan porcentajes, tasas ni promedios.
                """,
            en: """
                A row that sets a total (`Número total de empresas capacitadas: 10`, `Total de ...`, `... en total`) sets less than another \
                row of its own group (project or component) that counts the same thing in the same unit \
                (`Capacitación a micro, pequeñas y medianas empresas: 20 empresas`): every word of what the \
                total counts stands in the other row's name (by its first five letters: `capacitadas` and \
                `capacitación` agree), and that row counts no more than it (`mujeres y hombres` against a total \
                of women). A total cannot be smaller than one of its parts; if the other row \
                counts something else (attendances, not distinct companies), the document should say so. \
                Percentages, rates and averages are not checked.
                """
        ),
        triggering: [
            RuleExample("""
                PROGRAMA DE TRABAJO 2022

                | Proyecto | Acción | Cantidad |
                |---|---|---|
                | Eje 3 / Proyecto B | Capacitación a micro, pequeñas y medianas empresas | 20 empresas en dos periodos |
                | Eje 3 / Proyecto B | Número total de empresas capacitadas | ↓10 empresas capacitadas en total |
                """, note: "the total of companies trained is below the row that trains 20 of them"),
        ],
        nonTriggering: [
            RuleExample("""
                PROGRAMA DE TRABAJO 2022

                | Proyecto | Acción | Cantidad |
                |---|---|---|
                | Eje 3 / Proyecto B | Capacitación a micro, pequeñas y medianas empresas | 20 empresas |
                | Eje 3 / Proyecto B | Visitas a empresas | 30 empresas |
                | Eje 3 / Proyecto B | Número total de empresas capacitadas | 20 empresas |
                | Eje 3 / Proyecto C | Capacitación a empresas de la región | 40 empresas |
                | Eje 3 / Proyecto B | Porcentaje del total de empresas capacitadas | 10 % |
                """, note: "a total equal to its part; a row that counts visits; another project's row; a percentage"),
            RuleExample("""
                PROGRAMA DE TRABAJO 2023

                | Proyecto | Acción | Cantidad |
                |---|---|---|
                | Eje 1 / Proyecto A | Rehabilitación parcial de aulas | 12 aulas |
                | Eje 1 / Proyecto A | Rehabilitación total de aulas | 3 aulas |
                | Eje 3 / Proyecto B | Capacitación a mujeres y hombres emprendedores | 120 personas |
                | Eje 3 / Proyecto B | Número total de mujeres capacitadas | 50 personas |
                """, note: "'total' as an adjective; a part that counts more than the total's subject (mujeres y hombres)"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let total = record.targets.annual, let name = record.indicator?.name else { return [] }
        return (record.linkedValues ?? []).filter { $0.field == "targets.annual" }.map { linked in
            let stated = NumberText.show(total) + (record.targets.unit.map { " \($0)" } ?? "")
            return finding(LocalizedText(
                es: "«\(name)» fija un total de \(stated), y otro renglón de su grupo que cuenta lo mismo en la misma unidad "
                    + "fija más: «\(linked.there.text)».",
                en: "“\(name)” sets a total of \(stated), and another row of its group that counts the same thing in the same "
                    + "unit sets more: “\(linked.there.text)”."
            ), [linked.here, linked.there])
        }
    }
}
