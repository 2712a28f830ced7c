import AvanceCore

/// What a labelled field or a table column holds, whatever its wording.
enum FieldKind: Hashable, Sendable {
    case program, component, activity, indicator, description, period, year
    case responsibleUnit, institution, unitOfMeasure
    case annualTarget, periodTarget, cumulativePeriodTarget, achieved, percent
    case level, code, summary, indicatorCode
    /// A column a table of indicators carries that the record does not use
    /// (method of calculation, means of verification, assumptions...): known, so the header is recognised.
    case other
    // Columns of a table of actions.
    case date, actionTitle
}

/// Label wordings → field kinds. Labels are folded (no case, no accents), stripped of
/// a parenthesised abbreviation (`Programa Presupuestario (Pp)`) and of punctuation.
enum Labels {
    static let table: [String: FieldKind] = {
        var t: [String: FieldKind] = [:]
        func add(_ kind: FieldKind, _ labels: String...) { for l in labels { t[l] = kind } }
        add(.program, "programa presupuestario", "programa presupuestal", "programa", "pp",
            "nombre del programa", "clave y nombre del programa", "nombre del programa presupuestario",
            "programa presupuestario pp", "clave del programa")
        add(.component, "componente", "nombre del componente", "clave y nombre del componente")
        add(.activity, "actividad", "nombre de la actividad", "clave y nombre de la actividad", "actividad institucional")
        add(.indicator, "indicador", "nombre del indicador", "clave y nombre del indicador",
            "indicador de desempeno", "nombre del indicador de desempeno", "denominacion del indicador")
        add(.description, "descripcion del indicador", "definicion del indicador", "definicion",
            "descripcion", "objetivo del indicador")
        add(.period, "trimestre", "periodo", "periodo que se reporta", "periodo de reporte", "periodo reportado",
            "trimestre que se reporta", "trimestre reportado", "periodo que se informa", "trimestre que se informa",
            "periodo de evaluacion", "corte", "fecha de corte", "periodo del informe")
        add(.year, "ejercicio", "ejercicio fiscal", "ano", "ano fiscal", "ejercicio presupuestal")
        add(.responsibleUnit, "unidad responsable", "area responsable", "unidad administrativa responsable",
            "ur", "responsable", "unidad ejecutora", "area ejecutora", "unidad administrativa",
            "direccion responsable", "area", "responsable del indicador", "unidad responsable ur")
        add(.institution, "institucion", "dependencia", "ente publico", "entidad", "dependencia o entidad",
            "organismo", "ente", "sujeto obligado", "ente responsable", "entidad o dependencia", "institucion que reporta")
        add(.unitOfMeasure, "unidad de medida", "unidad de medicion", "u de medida", "unidad")
        add(.annualTarget, "meta anual", "meta anual programada", "meta programada anual", "meta del ejercicio",
            "meta anual aprobada", "meta programada", "meta anual modificada", "programado anual")
        add(.periodTarget, "meta del trimestre", "meta al periodo", "meta trimestral", "meta programada al trimestre",
            "meta del periodo", "meta programada al periodo", "meta programada del periodo", "meta programada del trimestre",
            "programado al periodo", "programado en el trimestre", "meta periodo", "programado trimestral",
            "meta al trimestre", "programado")
        add(.cumulativePeriodTarget, "meta acumulada al trimestre", "meta acumulada al periodo", "meta acumulada",
            "programado acumulado", "meta programada acumulada")
        add(.achieved, "meta alcanzada", "avance", "avance al periodo", "realizado", "logro", "avance del trimestre",
            "resultado", "alcanzado", "meta realizada", "avance del periodo", "realizado al periodo",
            "realizado en el periodo", "avance trimestral", "meta lograda", "realizado acumulado", "avance acumulado")
        add(.percent, "porcentaje de cumplimiento", "% de cumplimiento", "% de avance", "porcentaje de avance",
            "cumplimiento", "avance porcentual", "%", "% cumplimiento", "% avance", "porcentaje", "% de logro",
            "porcentaje de logro", "cumplimiento %", "avance %")
        add(.level, "nivel", "nivel mir", "nivel de la mir", "nivel del objetivo")
        add(.code, "clave", "codigo", "no", "num", "numero")
        add(.summary, "resumen narrativo", "objetivo", "descripcion del objetivo")
        add(.indicatorCode, "clave indicador", "clave del indicador", "id indicador", "no de indicador")
        add(.code, "clave objetivo", "clave del objetivo", "clave de objetivo")
        add(.other, "medios de verificacion", "medio de verificacion", "supuestos", "supuesto", "metodo de calculo",
            "formula", "frecuencia", "frecuencia de medicion", "linea base", "responsable del objetivo",
            "semaforo", "sentido del indicador", "tipo", "dimension", "producto o evidencia", "evidencia", "proyecto",
            "observaciones")
        add(.annualTarget, "cantidad", "cantidad o porcentaje")
        add(.date, "fecha", "fecha de realizacion", "fecha del evento")
        add(.actionTitle, "accion", "acciones", "accion realizada", "acciones realizadas", "actividad realizada",
            "actividades realizadas", "evento", "descripcion de la accion")
        return t
    }()

    /// The kind of a label as written (`Programa Presupuestario (Pp):`), if known.
    static func kind(of label: String) -> FieldKind? {
        table[normalize(label)]
    }

    /// Folded, without parenthesised parts, without punctuation but `%`, single spaces.
    static func normalize(_ label: String) -> String {
        var out = ""
        var depth = 0
        var lastWasSpace = true
        for c in Folding.fold(label) {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if c.isLetter || c.isNumber || c == "%" {
                out.append(c)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        while out.last == " " { out.removeLast() }
        // "% de avance (%)" and "porcentaje de cumplimiento" both normalise; a bare "(%)" leaves "".
        if out.isEmpty && label.contains("%") { return "%" }
        return out
    }
}
