import AvanceCore

/// Two tables of one document must give an indicator's objective the same code.
public struct CodeMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "code-mismatch",
        title: LocalizedText(
            es: "Dos tablas dan claves distintas a un mismo objetivo",
            en: "Two tables give one objective different codes"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                Dos tablas de un mismo documento se refieren al mismo indicador por su clave (una matriz de \
                indicadores para resultados y su ficha técnica, unidas por `Clave Indicador`) y dan a su \
                objetivo (`Clave Objetivo`) claves distintas, sin contar ceros a la izquierda, mayúsculas y \
                puntos: un renglón se renumeró en una tabla y no en la otra.
                """,
            en: """
                Two tables of one document speak of the same indicator by its code (a results \
                matrix and its ficha técnica, joined by `Clave Indicador`) and give its objective \
                (`Clave Objetivo`) different codes, leading zeros, case and dots aside: a row was \
                renumbered in one table and not in the other.
                """
        ),
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
            return finding(Self.message(code: code, here: linked.here.text, there: linked.there.text), [linked.here, linked.there])
        }
    }

    static func message(code: String, here: String, there: String) -> LocalizedText {
        LocalizedText(
            es: "Una tabla da al objetivo del indicador\(code) la clave \(here); otra, la clave \(there).",
            en: "One table gives the objective of indicator\(code) the code \(here), another \(there)."
        )
    }

    static func key(_ code: String) -> String { String(Codes.key(code).drop(while: { $0 == "0" })) }
}
