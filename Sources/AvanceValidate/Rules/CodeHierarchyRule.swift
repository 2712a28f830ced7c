import AvanceCore

/// Codes nest: `F.P.C01.A01` belongs to `F.P.C01`.
public struct CodeHierarchyRule: Rule {
    public static let description = RuleDescription(
        id: "code-hierarchy",
        title: LocalizedText(
            es: "Clave de actividad fuera de su componente",
            en: "Activity code outside its component"
        ),
        severity: .error,
        description: LocalizedText(
            es: """
                La clave de la actividad no prolonga la de su componente (actividad `C02.A01` bajo el \
                componente `C01`). Los puntos no cuentan al comparar (`C.01` y `C01` son una misma clave); \
                una actividad numerada por sí sola (`A01`) no puede verificarse y se deja como está.
                """,
            en: """
                The activity's code does not extend its component's code (activity `C02.A01` under \
                component `C01`). Dots are ignored when comparing (`C.01` and `C01` are one code); an \
                activity numbered on its own (`A01`) cannot be checked and is left alone.
                """
        ),
        triggering: [
            RuleExample("""
                Programa presupuestario: E001 - Programa de prueba
                Componente: C01 - Capacitaciones impartidas
                Actividad: ↓C02.A01 - Impartición de talleres
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Componente: F.P.C01.- Acciones de acompañamiento
                Actividad: F.P.C01.A01 - Ejecución de acciones
                """),
            RuleExample("""
                Componente: C.01 Capacitaciones
                Actividad: C01.A02 Talleres
                """, note: "dots differ, codes nest"),
            RuleExample("""
                Componente: C01 Capacitaciones
                Actividad: A01 Talleres
                """, note: "an activity numbered on its own"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        guard let component = record.component, let c = component.code,
              let activity = record.activity, let a = activity.code else { return [] }
        let cKey = Codes.key(c), aKey = Codes.key(a)
        // "A01" names no component: nothing to compare.
        guard Self.namesComponent(aKey) else { return [] }
        if aKey.hasPrefix(cKey), let next = aKey.dropFirst(cKey.count).first, next.isLetter { return [] }
        return [finding(Self.message(activity: a, component: c), [activity.evidence, component.evidence].compactMap { $0 })]
    }

    /// Whether an activity code carries a component part (a letter and digits before the activity's own).
    static func namesComponent(_ key: String) -> Bool {
        var groups = 0
        var inDigits = false
        for ch in key {
            if ch.isNumber { if !inDigits { groups += 1 }; inDigits = true } else { inDigits = false }
        }
        return groups >= 2
    }

    static func message(activity: String, component: String) -> LocalizedText {
        LocalizedText(
            es: "La actividad \(activity) no pertenece al componente \(component): su clave no prolonga la del componente.",
            en: "Activity \(activity) does not belong to component \(component): its code does not extend the component's."
        )
    }
}
