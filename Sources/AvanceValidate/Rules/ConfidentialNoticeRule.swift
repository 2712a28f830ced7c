import AvanceCore

/// A public report must not carry confidentiality notices or template residue.
public struct ConfidentialNoticeRule: Rule {
    public static let description = RuleDescription(
        id: "confidential-notice",
        title: LocalizedText(
            es: "Texto impropio de un informe público",
            en: "Text that does not belong in a public report"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                El informe contiene una leyenda de confidencialidad ("documento confidencial", "uso \
                interno", "no divulgar") o restos de plantilla y texto de relleno ("Lorem ipsum", \
                "[Nombre]", "Escriba aquí", "XXXX"). Un hallazgo por párrafo; en una tabla de indicadores, \
                en el registro del primer renglón.
                """,
            en: """
                The report carries a confidentiality notice ("documento confidencial", "uso interno", \
                "no divulgar") or template and placeholder residue ("Lorem ipsum", "[Nombre]", "Escriba \
                aquí", "XXXX"). One finding per paragraph; in a table of indicators, on the first row's record.
                """
        ),
        triggering: [
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                El presente ↓documento es confidencial y de uso exclusivo de la institución.
                """),
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                Responsable: ↓[Nombre del responsable]
                """),
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                ↓Lorem ipsum dolor sit amet.
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                Se capacitó al personal en la protección de datos personales y el manejo de la información pública.
                """),
        ]
    )

    public init() {}

    /// Records stored before avance 0.2 do not carry the notices.
    public func canCheck(_ record: IndicatorRecord) -> Bool { record.notices != nil }

    public func check(_ record: IndicatorRecord) -> [Finding] {
        // A record stored before avance recorded notices says nothing about them.
        guard speaksForTheDocument(record), let notices = record.notices else { return [] }
        return notices.map { finding(Self.message($0.text), [$0]) }
    }

    static func message(_ quote: String) -> LocalizedText {
        LocalizedText(
            es: "\"\(quote)\" no corresponde a un informe público (leyenda de confidencialidad o resto de plantilla).",
            en: "\"\(quote)\" does not belong in a public report (confidentiality notice or template residue)."
        )
    }
}
