import AvanceCore

/// Two tables of one document must name the same indicator the same way.
public struct NameMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "name-mismatch",
        title: LocalizedText(
            es: "Dos tablas nombran distinto un mismo indicador",
            en: "Two tables name one indicator differently"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                Dos tablas de un mismo documento se refieren al mismo indicador por su clave (una matriz de \
                indicadores para resultados y su ficha técnica, unidas por `Clave Indicador`) y lo nombran \
                distinto: las palabras difieren más allá de mayúsculas, acentos, puntuación y espacios, y \
                ningún nombre contiene al otro. Uno de los dos se copió del renglón equivocado o no se \
                actualizó.
                """,
            en: """
                Two tables of one document speak of the same indicator by its code (a results \
                matrix and its ficha técnica, joined by `Clave Indicador`) and name it differently: \
                the words differ beyond case, accents, punctuation and spacing, and neither name holds \
                the other. One of them was copied from the wrong row or never updated.
                """
        ),
        triggering: [
            RuleExample("""
                MATRIZ DE INDICADORES PARA RESULTADOS

                | Nivel | Resumen narrativo | Clave indicador | Indicador |
                |---|---|---|---|
                | Componente 5 | Promover la colaboración | 16 | Promedio de participantes por institución |
                | Actividad 1 | Elaborar políticas públicas | 17 | ↓Porcentaje meta de políticas públicas elaboradas |

                FICHA TÉCNICA

                | Nivel MIR | Clave indicador | Denominación | Frecuencia de medición |
                |---|---|---|---|
                | Componente 5 | 16 | Promedio de participantes por institución. | Semestral |
                | Actividad 1 | 17 | Elaborar políticas públicas | Anual |
                """),
        ],
        nonTriggering: [
            RuleExample("""
                MATRIZ DE INDICADORES PARA RESULTADOS

                | Nivel | Resumen narrativo | Clave indicador | Indicador |
                |---|---|---|---|
                | Fin | Contribuir a reducir la corrupción | 01 | Porcentaje de organismos que implementan estrategias del CPC |
                | Propósito | La población se beneficia | 02 | Tasa de crecimiento de población beneficiada |

                FICHA TÉCNICA

                | Nivel MIR | Clave indicador | Denominación | Frecuencia de medición |
                |---|---|---|---|
                | Fin | 01 | PORCENTAJE DE ORGANISMOS QUE IMPLEMENTAN ESTRATEGIAS DEL CPC. | Anual |
                | Propósito | 02 | Tasa de crecimiento de población beneficiada por los programas | Anual |
                """, note: "case, punctuation, and a name the other holds"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        (record.linkedValues ?? []).filter { $0.field == "indicator.name" }.compactMap { linked in
            let (a, b) = (Self.words(linked.here.text), Self.words(linked.there.text))
            guard !a.isEmpty, !b.isEmpty, !a.contains(b), !b.contains(a) else { return nil }
            let code = record.indicator?.code.map { " \($0)" } ?? ""
            return finding(
                Self.message(code: code, here: linked.here.text.singleLine, there: linked.there.text.singleLine), [linked.here, linked.there]
            )
        }
    }

    static func message(code: String, here: String, there: String) -> LocalizedText {
        LocalizedText(
            es: "Una tabla nombra al indicador\(code) \"\(here)\"; otra, \"\(there)\".",
            en: "One table names indicator\(code) \"\(here)\", another \"\(there)\"."
        )
    }

    /// A name's words, folded, without punctuation.
    static func words(_ text: String) -> String {
        Folding.fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

}
