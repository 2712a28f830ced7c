import AvanceCore

/// A table's total or subtotal row must follow from the rows it sums.
public struct TotalMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "total-mismatch",
        title: LocalizedText(
            es: "El total no corresponde a sus renglones",
            en: "Total does not follow from its rows"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                Un renglón de total o subtotal de una tabla (`Total`, `TOTALES`, `Total del Gasto`, el \
                subtotal de un grupo) consigna una cifra que no es la suma de los renglones que cierra, más \
                allá del redondeo que esas cifras traen (media unidad de su último decimal impreso cada \
                una); o, en una columna de porcentajes o razones, una cifra que no es la razón de los \
                propios totales del renglón (`% de cumplimiento` = alcanzado ÷ meta, `Dev. / Aprob.` = \
                Devengado ÷ Aprobado). La causa habitual es un porcentaje total que suma los porcentajes de \
                los renglones, y el mensaje lo dice; donde el encabezado no indica qué divide una razón, \
                solo se reporta ese caso. Los subtotales se leen solo donde la mayoría suma en un mismo \
                sentido (los renglones de arriba o los de abajo), de modo que una disposición inusual no da \
                hallazgo.
                """,
            en: """
                A total or subtotal row of a table (`Total`, `TOTALES`, `Total del Gasto`, a group's \
                subtotal) prints a figure that is not the sum of the rows it closes, beyond the \
                rounding those figures carry (half a unit of their last printed decimal each); or, in \
                a column of percentages or ratios, a figure that is not the ratio of the row's own \
                totals (`% de cumplimiento` = achieved ÷ target, `Dev. / Aprob.` = Devengado ÷ \
                Aprobado). A total percentage that is the sum of the rows' percentages is the usual \
                cause, and the message says so; where the header does not say what a ratio divides, \
                only that case is reported. Subtotals are read only where most of them add up one \
                way (the rows above them, or below), so an unusual layout gives no finding.
                """
        ),
        triggering: [
            RuleExample("""
                Periodo: enero-junio de 2018

                | Posición | Unidad de capacitación | Programado | Realizado | % de cumplimiento |
                |---|---|---|---|---|
                | 1 | Unidad Tuxtla | 237 | 216 | 91% |
                | 2 | Acción móvil Soyaló | 17 | 8 | 47% |
                |  | TOTALES | ↓264 | 224 | 85% |
                """, note: "a total that is not the sum of its rows (254)"),
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2019

                | PP | Denominación del Indicador | Programada | Alcanzada | Alc. / Prog. | Aprobado | Devengado | Dev. / Aprob. |
                |---|---|---|---|---|---|---|---|
                | E024 | Porcentaje de personas que no han concluido la primaria | 7.6 | 7.2 | 94.7 | 93,686,718.86 | 52,747,268.85 | 0.56 |
                | E024 | Porcentaje de personas que no saben leer ni escribir | 3.5 | 3.4 | 97.1 | 43,497,405.19 | 24,489,803.40 | 0.56 |
                | | Total del Gasto | | | | 137,184,124.05 | 77,237,072.25 | ↓1.12 |
                """, note: "a ratio of totals printed as the sum of the rows' ratios"),
            RuleExample("""
                Periodo: enero-junio de 2018

                | Posición | Unidad de capacitación | Programado | Realizado | % de cumplimiento |
                |---|---|---|---|---|
                | 1 | Unidad Tuxtla | 237 | 216 | 91% |
                | 2 | Acción móvil Soyaló | 17 | 8 | 47% |
                |  | Zona I | 254 | 224 | ↓83% |
                | 3 | Unidad Tapachula | 27 | 22 | 81% |
                | 4 | Acción móvil Motozintla | 12 | 6 | 50% |
                |  | Zona II | 39 | 28 | 72% |
                |  | TOTALES | 293 | 252 | 86% |
                """, note: "a subtotal's percentage that is not the ratio of its sums (88.2 %)"),
        ],
        nonTriggering: [
            RuleExample("""
                Periodo: enero-junio de 2018

                | Posición | Unidad de capacitación | Programado | Realizado | % de cumplimiento |
                |---|---|---|---|---|
                | 1 | Unidad Tuxtla | 237 | 216 | 91% |
                | 2 | Acción móvil Soyaló | 17 | 8 | 47% |
                |  | Zona I | 254 | 224 | 88% |
                | 3 | Unidad Tapachula | 27 | 22 | 81% |
                | 4 | Acción móvil Motozintla | 12 | 6 | 50% |
                |  | Zona II | 39 | 28 | 72% |
                |  | TOTALES | 293 | 252 | 86% |
                """, note: "subtotals and a total that add up, percentages that are ratios of the sums"),
            RuleExample("""
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2019

                | PP | Denominación del Indicador | Aprobado | Devengado | Dev. / Aprob. |
                |---|---|---|---|---|
                | E024 | Porcentaje de personas que no han concluido la primaria | 1,000.25 | 500.10 | 0.50 |
                | E024 | Porcentaje de personas que no saben leer ni escribir | 2,000.25 | 1,500.10 | 0.75 |
                | E024 | Porcentaje de personas que no han concluido la secundaria | 3,000.25 | 1,000.10 | 0.33 |
                | | Total | 6,000.76 | 3,000.31 | 0.50 |
                """, note: "amounts rounded to the cent, within the rounding each row carries; the ratio of the totals"),
            RuleExample("""
                Periodo: enero-junio de 2018

                | Clave | Indicador | Meta | Avance | % |
                |---|---|---|---|---|
                | I01 | Total de escuelas atendidas | 12 | 10 | 83% |
                | I02 | Total de docentes capacitados | 40 | 40 | 100% |
                """, note: "an indicator named \"Total de ...\" is a row like any other"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let sums = record.tableSums else { return [] }
        return sums.flatMap { sum in sum.columns.compactMap { column in check(column, of: sum) } }
    }

    private func check(_ column: IndicatorRecord.TableSum.Column, of sum: IndicatorRecord.TableSum) -> Finding? {
        let label = sum.label.text.singleLine
        let isPartsSum = column.isSumOfParts && column.parts.filter { $0 != 0 }.count >= 2
        if !column.isRatio {
            guard !column.isSumOfParts else { return nil }
            return finding(Self.sumMessage(label: label, column: column), [column.evidence, sum.label] + column.partsEvidence)
        }
        if let n = column.numerator, let d = column.denominator, n < sum.columns.count, d < sum.columns.count {
            let (num, den) = (sum.columns[n], sum.columns[d])
            guard den.stated != 0 else { return nil }
            let ratio = num.stated / den.stated
            if Self.agrees(column, ratio: ratio) { return nil }
            return finding(
                Self.ratioMessage(label: label, column: column, numerator: num, denominator: den, ratio: ratio, isPartsSum: isPartsSum),
                [column.evidence, sum.label, num.evidence, den.evidence]
            )
        }
        // What the ratio divides is unknown: a ratio of totals lies between the rows' own
        // ratios, and the sum of them lies above; only that case is certain.
        guard isPartsSum, let low = column.parts.min(), let high = column.parts.max(),
              column.stated >= high + Self.unit(of: column), low >= 0 else { return nil }
        return finding(
            Self.summedRatiosMessage(label: label, column: column, low: low, high: high),
            [column.evidence, sum.label] + column.partsEvidence
        )
    }

    /// A unit of the last decimal the figure prints.
    static func unit(of column: IndicatorRecord.TableSum.Column) -> Double {
        NumberText.unit(decimals: NumberText.decimals(in: column.evidence.text))
    }

    /// The stated figure is the ratio, as a percentage or a fraction, to its last printed
    /// decimal (rounded or cut); a percentage capped at 100 where more was achieved is accepted.
    static func agrees(_ column: IndicatorRecord.TableSum.Column, ratio: Double) -> Bool {
        let tolerance = unit(of: column) * 1.000001
        if abs(ratio * 100 - column.stated) < tolerance || abs(ratio - column.stated) < tolerance { return true }
        return ratio > 1 && column.stated == 100
    }


    static func printed(_ column: IndicatorRecord.TableSum.Column) -> String { column.evidence.text.singleLine }

    static func sumMessage(label: String, column: IndicatorRecord.TableSum.Column) -> LocalizedText {
        let total = NumberText.grouped(column.parts.reduce(0, +), decimals: column.partsDecimals)
        return LocalizedText(
            es: "El renglón \(label) consigna \(printed(column)) en \(column.header), pero sus \(column.parts.count) renglones suman \(total).",
            en: "The row \(label) states \(printed(column)) under \(column.header) but its \(column.parts.count) rows add up to \(total)."
        )
    }

    static func ratioMessage(
        label: String, column: IndicatorRecord.TableSum.Column, numerator: IndicatorRecord.TableSum.Column,
        denominator: IndicatorRecord.TableSum.Column, ratio: Double, isPartsSum: Bool
    ) -> LocalizedText {
        // The form the column prints its ratios in: percentages, or fractions (`0.56`).
        let asPercent = column.evidence.text.contains("%") || column.parts.contains { abs($0) > 1.5 }
        let computed = asPercent ? NumberText.grouped(ratio * 100, decimals: 1) + " %" : NumberText.grouped(ratio, decimals: 3)
        let (stated, division, n) = (printed(column), "\(printed(numerator)) / \(printed(denominator)) = \(computed)", column.parts.count)
        return LocalizedText(
            es: "El renglón \(label) consigna \(stated) en \(column.header), pero sus propias cifras dan \(division)"
                + (isPartsSum ? "; \(stated) es la suma de los valores de los \(n) renglones, no una razón de los totales." : "."),
            en: "The row \(label) states \(stated) under \(column.header) but its own figures give \(division)"
                + (isPartsSum ? "; \(stated) is the sum of the \(n) rows' values, not a ratio of the totals." : ".")
        )
    }

    static func summedRatiosMessage(label: String, column: IndicatorRecord.TableSum.Column, low: Double, high: Double) -> LocalizedText {
        let (stated, n, l, h) = (printed(column), column.parts.count, NumberText.show(low), NumberText.show(high))
        return LocalizedText(
            es: "El renglón \(label) consigna \(stated) en \(column.header), la suma de los valores de sus \(n) renglones; "
                + "una razón de los totales queda entre las de los renglones, de \(l) a \(h).",
            en: "The row \(label) states \(stated) under \(column.header), the sum of its \(n) rows' values; "
                + "a ratio of the totals lies between the rows' own, \(l) to \(h)."
        )
    }
}
