import AvanceCore

/// The narrative must speak of the quarter the header reports.
public struct QuarterMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "quarter-mismatch",
        title: LocalizedText(
            es: "La narrativa menciona otro trimestre o ejercicio",
            en: "Narrative names another quarter or year"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                El texto menciona un trimestre (o el trimestre de un año) distinto del que señala el \
                encabezado del informe, huella frecuente de un informe copiado de uno anterior; o el título \
                menciona un ejercicio fiscal (`Cuenta Pública 2020`, `Ejercicio Fiscal 2020`) distinto del \
                periodo. En una tabla de indicadores, se reporta en el registro del primer renglón.
                """,
            en: """
                The text names a quarter (or a quarter of a year) other than the one in the report's \
                header, a common trace of a report copied from an earlier one; or the title names a \
                fiscal year (`Cuenta Pública 2020`, `Ejercicio Fiscal 2020`) other than the period's. \
                In a table of indicators, reported on the first row's record.
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: 3er. Trimestre 2024
                Durante el ↓segundo trimestre del año 2024 se realizaron las acciones.
                """),
            RuleExample("""
                Periodo: Julio-Septiembre 2024
                Las acciones del ↓tercer trimestre de 2023 se detallan a continuación.
                """, note: "same quarter, another year"),
            RuleExample("""
                ↓Cuenta Pública 2020
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2021

                Programa presupuestario: E024 - Educación para adultos
                """, note: "a title's fiscal year that is not the period's"),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 3er. Trimestre 2024
                Durante el tercer trimestre del año 2024 se realizaron las acciones; de julio a septiembre de 2024 se atendió todo.
                """),
            RuleExample("""
                Cuenta Pública 2021
                INDICADORES PARA RESULTADOS del 1 de enero al 30 de septiembre de 2021
                Programa de Trabajo del Ejercicio 2021-2022

                Programa presupuestario: E024 - Educación para adultos
                """, note: "the period's own fiscal year, and a span of years"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let period = record.period, speaksForTheDocument(record) else { return [] }
        return record.periodMentions.compactMap { m in
            let otherQuarter = m.quarter.map { $0 != period.quarter } ?? false
            let otherYear = m.year.map { $0 != period.year } ?? false
            guard otherQuarter || otherYear else { return nil }
            return finding(Self.message(m, period), [m.evidence] + [period.evidence].compactMap { $0 })
        }
    }

    static func message(_ m: IndicatorRecord.PeriodMention, _ p: IndicatorRecord.Period) -> LocalizedText {
        LocalizedText(
            es: "El texto menciona \"\(m.text)\", pero el informe es del \(Language.es.quarter(p.quarter, of: p.year)).",
            en: "The text names \"\(m.text)\" but the report is for \(p.year) Q\(p.quarter)."
        )
    }
}
