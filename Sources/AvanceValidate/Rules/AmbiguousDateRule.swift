import AvanceCore

/// `10/05/2024`: the 10th of May in Mexico, the 5th of October elsewhere.
public struct AmbiguousDateRule: Rule {
    public static let description = RuleDescription(
        id: "ambiguous-date",
        title: LocalizedText(
            es: "Fecha numérica con dos lecturas",
            en: "Numeric date that reads two ways"
        ),
        severity: .info,
        description: LocalizedText(
            es: """
                Una fecha numérica cuyo día y mes son ambos 12 o menos se lee como día/mes (el orden \
                mexicano que avance usa) y también como mes/día. El registro conserva ambas lecturas. En una \
                tabla de indicadores, se reporta en el registro del primer renglón.
                """,
            en: """
                A numeric date whose day and month are both 12 or less reads both as day/month (the \
                Mexican order avance uses) and as month/day. The record keeps both readings. In a table of indicators, reported on the first row's record.
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: 2do. Trimestre 2024
                La sesión se celebró el ↓05/06/2024.
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 2do. Trimestre 2024
                La sesión se celebró el 25/06/2024 y el 2024-06-05, y el 06/06/2024.
                """, note: "day above 12, ISO order, and day equal to month"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard speaksForTheDocument(record) else { return [] }
        return record.dates.filter(\.ambiguous).map { finding(Self.message($0), [$0.evidence]) }
    }

    static func message(_ d: IndicatorRecord.DateMention) -> LocalizedText {
        LocalizedText(
            es: "\"\(d.text)\" se lee como \(d.value) (día/mes), pero también como \(d.alternatives.joined(separator: " o ")).",
            en: "\"\(d.text)\" reads as \(d.value) (day/month) but also as \(d.alternatives.joined(separator: " or "))."
        )
    }
}
