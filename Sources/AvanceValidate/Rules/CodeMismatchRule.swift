import AvanceCore

/// Two tables of one document must give an indicator's objective the same code; a work
/// program's action must be filed under the project it names.
public struct CodeMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "code-mismatch",
        title: LocalizedText(
            es: "Clave que no corresponde al objetivo o al proyecto",
            en: "Code that does not match the objective or the project"
        ),
        severity: .warning,
        description: LocalizedText(
            es: """
                Dos tablas de un mismo documento se refieren al mismo indicador por su clave (una matriz de \
                indicadores para resultados y su ficha técnica, unidas por `Clave Indicador`) y dan a su \
                objetivo (`Clave Objetivo`) claves distintas, sin contar ceros a la izquierda, mayúsculas y \
                puntos: un renglón se renumeró en una tabla y no en la otra. También, en un programa de \
                trabajo, una acción registrada bajo un proyecto (`Eje 2 / Proyecto A`) cuyo objeto (lo que \
                sigue a sus sustantivos iniciales y a `de`/`del`: `Diseño y publicación del Padrón Digital \
                Voluntario`) es un nombre propio de tres palabras con mayúscula o más, no el de una institución, \
                que la lista de proyectos del documento da a otro proyecto del mismo eje y no al suyo, sin que \
                otra palabra de la acción hable de su propio proyecto: la acción está bajo el proyecto \
                equivocado. Un texto en mayúsculas o con cada palabra capitalizada no se revisa.
                """,
            en: """
                Two tables of one document speak of the same indicator by its code (a results \
                matrix and its ficha técnica, joined by `Clave Indicador`) and give its objective \
                (`Clave Objetivo`) different codes, leading zeros, case and dots aside: a row was \
                renumbered in one table and not in the other. Also, in a work program, an action filed \
                under one project (`Eje 2 / Proyecto A`) whose object (what follows its opening nouns and \
                `de`/`del`: `Diseño y publicación del Padrón Digital Voluntario`) is a proper name of three \
                capitalised words or more, not an institution's, that the document's list of projects gives \
                to another project of the same axis and not to its own, while no other word of the action \
                speaks of its own project: the action is filed under the wrong project. A text in capitals \
                or in Title Case is not checked.
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
            RuleExample("""
                \(Self.workProgram)

                ## Indicadores de desempeño

                | Proyecto | Acción | Producto o evidencia | Cantidad |
                |---|---|---|---|
                | ↓Eje 2 / Proyecto A | Publicación del Registro Estatal de Organizaciones Civiles | Capturas de pantalla | 1 |
                | Eje 2 / Proyecto B | Difusión del Registro Estatal de Organizaciones Civiles | Carteles | 12 |
                """, note: "the first action names project B, the Registro, and is filed under A"),
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
            RuleExample("""
                \(Self.workProgram)

                ## Eje 3

                A) Capacitación a la Red Ciudadana de Vigilancia

                ## Indicadores de desempeño

                | Proyecto | Acción | Producto o evidencia | Cantidad |
                |---|---|---|---|
                | Eje 2 / Proyecto A | Reuniones de la Red Ciudadana de Vigilancia con el Registro Estatal de Organizaciones Civiles | Minutas | 4 |
                | Eje 2 / Proyecto B | Difusión del Registro Estatal de Organizaciones Civiles | Carteles | 12 |
                | Eje 3 / Proyecto A | Talleres del Registro Estatal de Organizaciones Civiles | Listas de asistencia | 6 |
                | Eje 2 / Proyecto C | Publicación del Registro Estatal de Organizaciones Civiles | Capturas de pantalla | 1 |
                """, note: "an action that names its own project as well as another; another axis's project; a project the list does not hold"),
            RuleExample("""
                \(Self.workProgram)

                ## Indicadores de desempeño

                | Proyecto | Acción | Producto o evidencia | Cantidad |
                |---|---|---|---|
                | Eje 2 / Proyecto B | Presentación del registro ante la Red Ciudadana de Vigilancia | Minuta | 1 |
                """, note: "the action cites the other project's Red, but speaks of its own registro"),
            RuleExample("""
                PROGRAMA DE TRABAJO 2023

                ## Eje 1

                A) Seguimiento a la Política Estatal Anticorrupción
                B) Vinculación con el Comité Coordinador del Sistema Estatal Anticorrupción
                C) Publicación de la Convocatoria Estatal de Contraloría Social

                ## Indicadores de desempeño

                | Proyecto | Acción | Producto o evidencia | Cantidad |
                |---|---|---|---|
                | Eje 1 / Proyecto A | Presentación de informes al Comité Coordinador del Sistema Estatal Anticorrupción | Oficios | 4 |
                | Eje 1 / Proyecto B | Talleres sobre la Política Estatal Anticorrupción | Listas | 2 |
                | Eje 1 / Proyecto A | ENTREGA DE LA CONVOCATORIA ESTATAL DE CONTRALORÍA SOCIAL | OFICIOS | 38 |
                | Eje 1 / Proyecto A | Entrega De La Convocatoria Estatal De Contraloría Social | Oficios | 38 |
                """, note: "a body named, not a project; a policy as the topic, not the object; capitals and Title Case set no name apart"),
        ]
    )

    /// The opening of the work-program examples: a title and its second axis's list of projects.
    static let workProgram = """
        PROGRAMA DE TRABAJO 2022

        ## Eje 2

        A) Ampliación de la Red Ciudadana de Vigilancia
        B) Lanzamiento del Registro Estatal de Organizaciones Civiles
        """

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        (record.linkedValues ?? []).compactMap { linked in
            switch linked.field {
            case "objective.code":
                let (a, b) = (Self.key(linked.here.text), Self.key(linked.there.text))
                guard !a.isEmpty, !b.isEmpty, a != b else { return nil }
                let code = record.indicator?.code.map { " \($0)" } ?? ""
                return finding(Self.message(code: code, here: linked.here.text, there: linked.there.text), [linked.here, linked.there])
            case "component.code":
                guard let action = record.indicator?.name else { return nil }
                let evidence = [linked.here, record.indicator?.evidence, linked.there].compactMap { $0 }
                return finding(Self.misfiled(action: action, project: linked.here.text, named: record.component?.name, other: linked.there.text), evidence)
            default:
                return nil
            }
        }
    }

    static func misfiled(action: String, project: String, named: String?, other: String) -> LocalizedText {
        LocalizedText(
            es: "La acción «\(action)» está en \(project)\(named.map { " («\($0)» en la lista de proyectos)" } ?? ""), "
                + "pero nombra otro proyecto del mismo eje: «\(other)».",
            en: "The action “\(action)” is filed under \(project)\(named.map { " (“\($0)” in the list of projects)" } ?? ""), "
                + "but names another project of the same axis: “\(other)”."
        )
    }

    static func message(code: String, here: String, there: String) -> LocalizedText {
        LocalizedText(
            es: "Una tabla da al objetivo del indicador\(code) la clave \(here); otra, la clave \(there).",
            en: "One table gives the objective of indicator\(code) the code \(here), another \(there)."
        )
    }

    static func key(_ code: String) -> String { String(Codes.key(code).drop(while: { $0 == "0" })) }
}
