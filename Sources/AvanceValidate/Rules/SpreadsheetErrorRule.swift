import AvanceCore

/// A figure lost to a broken formula: the cell prints the spreadsheet's error instead.
public struct SpreadsheetErrorRule: Rule {
    public static let description = RuleDescription(
        id: "spreadsheet-error",
        title: LocalizedText(
            es: "Error de hoja de cálculo en lugar de una cifra",
            en: "Spreadsheet error instead of a figure"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                Una celda del informe muestra un error de hoja de cálculo (#¡REF!, #DIV/0!, #N/A, #¡VALOR!, \
                en inglés o en español) donde debería haber una cifra: la fórmula que la calcula se rompió y \
                el valor no se consigna. Un hallazgo por registro, que cita cada celda así de su renglón (de \
                todo el informe, en un informe de un indicador).
                """,
            en: """
                A cell of the report prints a spreadsheet error (#¡REF!, #DIV/0!, #N/A, #¡VALOR!, in \
                English or Spanish) where a figure should stand: the formula behind it broke, and the \
                value is not stated. One finding per record, citing every such cell of its row (of the \
                whole report, for a report on one indicator).
                """
        ),
        triggering: [
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2017

                | PP | Denominación del Indicador | Programada | Alcanzada | Alc. / Prog. | Aprobado | Devengado |
                |---|---|---|---|---|---|---|
                | E024 | Número de asesores capacitados | 120 | 90 | 75 | ↓#¡REF! | #¡REF! |
                | E024 | Número de círculos de estudio | 40 | 35 | ↓#DIV/0! | 5,000.00 | 4,000.00 |
                """),
        ],
        nonTriggering: [
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2017

                | PP | Denominación del Indicador | Programada | Alcanzada | Alc. / Prog. | Observaciones |
                |---|---|---|---|---|---|
                | E024 | Número de asesores capacitados | 120 | 90 | 75 | Ver nota #2 |
                | E024 | Número de círculos de estudio | 40 | 35 | 87.5 | N/A |
                """, note: "a hash in a note and a placeholder are no errors"),
        ]
    )

    public init() {}

    /// Records stored before avance 0.3 do not say which cells printed errors.
    public func canCheck(_ record: IndicatorRecord) -> Bool { record.spreadsheetErrors != nil }

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let cells = record.spreadsheetErrors, !cells.isEmpty else { return [] }
        var kinds: [String] = []
        for cell in cells where !kinds.contains(cell.text) { kinds.append(cell.text) }
        return [finding(Self.message(cells: cells.count, kinds: kinds), cells)]
    }

    static func message(cells: Int, kinds: [String]) -> LocalizedText {
        cells == 1
            ? LocalizedText(
                es: "Una celda muestra el error de hoja de cálculo \(kinds[0]) en lugar de una cifra.",
                en: "A cell prints the spreadsheet error \(kinds[0]) instead of a figure.")
            : LocalizedText(
                es: "\(cells) celdas muestran errores de hoja de cálculo (\(kinds.joined(separator: ", "))) en lugar de cifras.",
                en: "\(cells) cells print spreadsheet errors (\(kinds.joined(separator: ", "))) instead of figures.")
    }
}
