import AvanceCore

/// Two tables of one document must give an indicator's objective the same code.
public struct CodeMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "code-mismatch",
        title: "Two tables give one objective different codes",
        severity: .warning,
        description: """
            Two tables of one document speak of the same indicator by its code (a results \
            matrix and its ficha técnica, joined by `Clave Indicador`) and give its objective \
            (`Clave Objetivo`) different codes, leading zeros, case and dots aside: a row was \
            renumbered in one table and not in the other.
            """,
        triggering: [
            RuleExample("""
                MATRIZ DE INDICADORES PARA RESULTADOS

                | Nivel | Clave objetivo | Resumen narrativo | Clave indicador | Indicador |
                |---|---|---|---|---|
                | Actividad 2 | 03 | Impartir seminarios | 05 | Porcentaje de seminarios impartidos |
                | Actividad 3 | ↓04 | Realizar certámenes | 06 | Porcentaje de concursos realizados |

                FICHA TÉCNICA

                | Nivel MIR | Clave objetivo | Clave indicador | Denominación |
                |---|---|---|---|
                | Actividad 2 | 03 | 05 | Porcentaje de seminarios impartidos |
                | Actividad 3 | 05 | 06 | Porcentaje de concursos realizados |
                """),
        ],
        nonTriggering: [
            RuleExample("""
                MATRIZ DE INDICADORES PARA RESULTADOS

                | Nivel | Clave objetivo | Resumen narrativo | Clave indicador | Indicador |
                |---|---|---|---|---|
                | Actividad 2 | 03 | Impartir seminarios | 05 | Porcentaje de seminarios impartidos |
                | Actividad 3 | 04 | Realizar certámenes | 06 | Porcentaje de concursos realizados |

                FICHA TÉCNICA

                | Nivel MIR | Clave objetivo | Clave indicador | Denominación |
                |---|---|---|---|
                | Actividad 2 | 3 | 05 | Porcentaje de seminarios impartidos |
                | Actividad 3 | 04 | 06 | Porcentaje de concursos realizados |
                """, note: "03 and 3 are one code"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        (record.linkedValues ?? []).filter { $0.field == "objective.code" }.compactMap { linked in
            let (a, b) = (Self.key(linked.here.text), Self.key(linked.there.text))
            guard !a.isEmpty, !b.isEmpty, a != b else { return nil }
            let code = record.indicator?.code.map { " \($0)" } ?? ""
            return finding(
                "One table gives the objective of indicator\(code) the code \(linked.here.text), another \(linked.there.text).",
                [linked.here, linked.there]
            )
        }
    }

    static func key(_ code: String) -> String { String(Codes.key(code).drop(while: { $0 == "0" })) }
}
