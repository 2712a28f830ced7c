import AvanceCore

/// Dated actions must fall inside the reported quarter.
public struct DateOutsidePeriodRule: Rule {
    public static let description = RuleDescription(
        id: "date-outside-period",
        title: LocalizedText(
            es: "Fecha fuera del periodo reportado",
            en: "Date outside the reported period"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                Una fecha en el apartado de una acción cae fuera del trimestre reportado (en una tabla de \
                indicadores, se reporta en el registro del primer renglón): la acción pertenece a otro \
                informe, o una nota informativa tiene fecha anterior al evento que reporta.
                """,
            en: """
                A date in an action's section falls outside the reported quarter (in a table of indicators, reported \
                on the first row's record): the action belongs to \
                another report, or a news note is dated before the event it reports.
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: 3er. Trimestre 2024

                ## Firma del convenio con el Instituto de la Mujer
                El ↓25 de junio de 2024 se firmó el convenio.
                """),
            RuleExample("""
                Trimestre: 3er. Trimestre 2024

                ## Firma del convenio con el Instituto de la Mujer
                El 9 de julio de 2024 se firmó el convenio.
                Nota publicada el
                ↓10/05/2024
                """, note: "a news note dated before the event"),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 3er. Trimestre 2024

                ## Firma del convenio con el Instituto de la Mujer
                El 9 de julio de 2024 se firmó el convenio, vigente desde el 1o. de julio.
                """),
            RuleExample("""
                Trimestre: 3er. Trimestre 2024
                El programa inició el 15 de enero de 2024.
                """, note: "a date outside any action's section"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let period = record.period, speaksForTheDocument(record) else { return [] }
        return record.dates.filter { $0.action != nil && !period.contains(iso: $0.value) }.map {
            finding(Self.message($0, period), [$0.evidence])
        }
    }

    static func message(_ d: IndicatorRecord.DateMention, _ p: IndicatorRecord.Period) -> LocalizedText {
        LocalizedText(
            es: "\"\(d.text)\" (\(d.value)) está fuera del periodo reportado, del \(p.start) al \(p.end).",
            en: "\"\(d.text)\" (\(d.value)) is outside the reported period \(p.start) to \(p.end)."
        )
    }
}
