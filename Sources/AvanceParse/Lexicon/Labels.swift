import AvanceCore

/// What a labelled field or a table column holds, whatever its wording.
enum FieldKind: Hashable, Sendable {
    case program, component, activity, indicator, description, period, year
    case responsibleUnit, institution, unitOfMeasure
    case annualTarget, periodTarget, cumulativePeriodTarget, achieved, percent
    /// The annual target as modified (`meta modificada`, `metas ajustadas`), and the percentage
    /// against it (`Alc. / Modif.`).
    case modifiedTarget, percentModified
    case baseline, frequency, formula
    /// The first and last day of the period a row reports (SIPOT's `Fecha de inicio del periodo
    /// que se informa`, `Fecha de término ...`).
    case periodStart, periodEnd
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
            "programa presupuestario pp", "clave del programa", "nombre del programa o concepto al que corresponde el indicador",
            "programa o concepto", "clave programa")
        add(.component, "componente", "nombre del componente", "clave y nombre del componente")
        add(.activity, "actividad", "nombre de la actividad", "clave y nombre de la actividad", "actividad institucional")
        add(.indicator, "indicador", "nombre del indicador", "clave y nombre del indicador",
            "indicador de desempeno", "nombre del indicador de desempeno", "denominacion del indicador",
            "nombre del del indicador", "denominacion")
        add(.description, "descripcion del indicador", "definicion del indicador", "definicion",
            "descripcion", "objetivo del indicador")
        add(.period, "trimestre", "periodo", "periodo que se reporta", "periodo de reporte", "periodo reportado",
            "trimestre que se reporta", "trimestre reportado", "periodo que se informa", "trimestre que se informa",
            "periodo de evaluacion", "corte", "fecha de corte", "periodo del informe")
        add(.year, "ejercicio", "ejercicio fiscal", "ano", "ano fiscal", "ejercicio presupuestal")
        add(.responsibleUnit, "unidad responsable", "area responsable", "unidad administrativa responsable",
            "ur", "responsable", "unidad ejecutora", "area ejecutora", "unidad administrativa",
            "direccion responsable", "area", "responsable del indicador", "unidad responsable ur",
            "responsable del objetivo", "dependencia o entidad responsable", "dependencia responsable", "entidad responsable")
        add(.institution, "institucion", "dependencia", "ente publico", "entidad", "dependencia o entidad",
            "organismo", "ente", "sujeto obligado", "ente responsable", "entidad o dependencia", "institucion que reporta")
        add(.unitOfMeasure, "unidad de medida", "unidad de medicion", "u de medida", "unidad")
        add(.annualTarget, "meta anual", "meta anual programada", "meta programada anual", "meta del ejercicio",
            "meta anual aprobada", "meta programada", "programado anual", "metas programadas", "programada",
            "meta programada anual", "meta original", "total anual programado", "anual programado", "meta aprobada",
            "meta")
        add(.periodTarget, "meta del trimestre", "meta al periodo", "meta trimestral", "meta programada al trimestre",
            "meta del periodo", "meta programada al periodo", "meta programada del periodo", "meta programada del trimestre",
            "programado al periodo", "programado en el trimestre", "meta periodo", "programado trimestral",
            "meta al trimestre", "programado")
        add(.cumulativePeriodTarget, "meta acumulada al trimestre", "meta acumulada al periodo", "meta acumulada",
            "programado acumulado", "meta programada acumulada")
        add(.achieved, "meta alcanzada", "avance", "avance al periodo", "realizado", "logro", "avance del trimestre",
            "resultado", "alcanzado", "meta realizada", "avance del periodo", "realizado al periodo",
            "realizado en el periodo", "avance trimestral", "meta lograda", "realizado acumulado", "avance acumulado",
            "alcanzada", "avance de metas", "avance de las metas", "metas alcanzadas", "avance de la meta")
        add(.percent, "porcentaje de cumplimiento", "% de cumplimiento", "% de avance", "porcentaje de avance",
            "cumplimiento", "avance porcentual", "%", "% cumplimiento", "% avance", "porcentaje", "% de logro",
            "porcentaje de logro", "cumplimiento %", "avance %", "alc prog", "alcanzado programado")
        add(.level, "nivel", "nivel mir", "nivel de la mir", "nivel del objetivo", "nivel de objetivo")
        add(.code, "clave", "codigo", "no", "num", "numero", "posicion", "consecutivo")
        add(.summary, "resumen narrativo", "objetivo", "descripcion del objetivo")
        add(.indicatorCode, "clave indicador", "clave del indicador", "id indicador", "no de indicador")
        add(.code, "clave objetivo", "clave del objetivo", "clave de objetivo")
        add(.other, "medios de verificacion", "medio de verificacion", "supuestos", "supuesto",
            "semaforo", "situacion inicial", "sentido del indicador", "sentido", "tipo", "dimension",
            "dimension a medir", "tipo de indicador", "producto o evidencia", "evidencia", "proyecto",
            "observaciones", "nota", "notas", "diferencia", "variacion", "fuente de informacion",
            "fuente de informacion de los datos", "objetivo institucional", "estrategia transversal", "eje",
            "fecha de validacion", "fecha de actualizacion", "meta sexenal",
            "metas sexenales", "aprobado", "devengado", "ejercido", "presupuesto")
        add(.formula, "metodo de calculo", "formula", "formula de calculo", "metodo de calculo con variables de la formula",
            "metodo de calculo del indicador", "algoritmo")
        add(.frequency, "frecuencia", "frecuencia de medicion", "frecuencia de medicion del indicador",
            "periodicidad", "frecuencia de calculo")
        add(.baseline, "linea base", "linea de base", "valor de linea base", "linea base valor")
        add(.modifiedTarget, "meta modificada", "metas modificadas", "meta ajustada", "metas ajustadas",
            "metas ajustadas en su caso", "meta anual modificada", "modificada", "modificado", "meta reprogramada",
            "reprogramado", "programado modificado")
        add(.percentModified, "alc modif", "alcanzado modificado", "avance modificado", "alc mod",
            "porcentaje de cumplimiento modificado", "% de cumplimiento modificado")
        add(.periodStart, "fecha de inicio del periodo que se informa", "fecha de inicio del periodo", "fecha de inicio",
            "inicio del periodo")
        add(.periodEnd, "fecha de termino del periodo que se informa", "fecha de termino del periodo", "fecha de termino",
            "termino del periodo", "fin del periodo", "fecha de fin del periodo")
        add(.annualTarget, "cantidad", "cantidad o porcentaje")
        // A ficha técnica's `Determinación de la meta`: where the indicator starts and the goal it ends at.
        add(.annualTarget, "situacion final")
        add(.date, "fecha", "fecha de realizacion", "fecha del evento", "fecha de la accion", "fecha de la actividad",
            "fecha de ejecucion", "fecha de celebracion", "fecha de la reunion", "fecha de la sesion")
        add(.actionTitle, "accion", "acciones", "accion realizada", "acciones realizadas", "actividad realizada",
            "actividades realizadas", "evento", "descripcion de la accion")
        return t
    }()

    /// The kind of a label as written (`Programa Presupuestario (Pp):`), if known.
    static func kind(of label: String) -> FieldKind? {
        table[normalize(label)]
    }

    /// The kind of a table's column from its header cell, which a table prints in more ways
    /// than a label: on several lines, even cut inside a word where the column is narrow
    /// (`Programad` / `a`), with the period it covers (`PROGRAMADO ENE-JUN`, `Meta al 30 de
    /// junio`), under a group heading that completes it (`Porcentaje de Cumplimiento` over
    /// `Alc. / Prog.`).
    static func columnKind(of header: String, group: String? = nil) -> FieldKind? {
        let lines = header.split(whereSeparator: \.isNewline).map(String.init)
        var candidates = [header]
        if lines.count > 1 {
            // A word cut by the column's edge: the lines joined without a space.
            candidates.append(lines.joined())
            // A unit or a group name over the label: its last lines (`ANUAL` / `(CURSOS)` /
            // `TOTAL ANUAL` / `PROGRAMADO`).
            for k in 1..<lines.count { candidates.append(lines[k...].joined(separator: " ")) }
        }
        // The same cut where the line break became a space (`Programad a`).
        let words = header.split(whereSeparator: \.isWhitespace)
        if words.count >= 2, let last = words.last, last.count <= 2, last.allSatisfy(\.isLetter) {
            candidates.append(words.dropLast().joined(separator: " ") + last)
        }
        for (k, candidate) in candidates.enumerated() {
            if let kind = kind(of: candidate) ?? kind(of: withoutPeriod(candidate)) { return refined(kind, header, group) }
            // A label the header goes on to qualify (`Área responsable de la información`,
            // `Unidad de medida del indicador`): a known label of two words or more, then a
            // connecting word. Before the header's last lines alone (`indicador`) are tried.
            if k == 0, let kind = qualifiedKind(normalize(header)) { return refined(kind, header, group) }
        }
        // A header cell left blank under a group heading set over it (`Nivel` over the column
        // of `Fin`, `Propósito`, ...): the heading is the label.
        if let group, !group.isEmpty, header.allSatisfy(\.isWhitespace), let kind = kind(of: group) {
            return refined(kind, header, group)
        }
        // A group heading completes a label, never a figure.
        if let group, !group.isEmpty, header.contains(where: \.isLetter) {
            for candidate in candidates {
                if let kind = kind(of: group + " " + candidate) ?? kind(of: withoutPeriod(group + " " + candidate)) {
                    return refined(kind, header, group)
                }
            }
        }
        return nil
    }

    /// Words that start a qualification of the label before them.
    private static let qualifiers: Set<String> = ["de", "del", "que", "en", "para", "al", "a"]

    /// The kind of the longest known label of two words or more that starts `normalized` and
    /// is followed by a qualifying word (`area responsable` + `de la informacion`).
    static func qualifiedKind(_ normalized: String) -> FieldKind? {
        let words = normalized.split(separator: " ")
        guard words.count >= 3 else { return nil }
        for n in stride(from: words.count - 1, through: 2, by: -1) where qualifiers.contains(String(words[n])) {
            if let kind = table[words[..<n].joined(separator: " ")] { return kind }
        }
        return nil
    }

    /// A programmed target named with a part of the year (`Programado ene-jun`) is the
    /// period's target, cumulative when it is said to be or runs from January; one named
    /// `anual` is the year's. Budget columns (under `Presupuesto`) are no targets.
    private static func refined(_ kind: FieldKind, _ header: String, _ group: String?) -> FieldKind {
        let groupWords = Set(normalize(group ?? "").split(separator: " ").map(String.init))
        if !groupWords.isDisjoint(with: ["presupuesto", "pesos", "financiero", "financiera"]) { return .other }
        guard kind == .annualTarget || kind == .periodTarget else { return kind }
        let words = Set(normalize(header).split(separator: " ").map(String.init)).union(groupWords)
        if words.contains("anual") { return .annualTarget }
        let months = words.compactMap(Months.month)
        if words.contains("acumulado") || words.contains("acumulada") || (months.contains(1) && months.count >= 2) {
            return .cumulativePeriodTarget
        }
        if !months.isEmpty || words.contains("trimestre") || words.contains("periodo") { return .periodTarget }
        return kind
    }

    /// The label without the period it covers: month names and abbreviations, years,
    /// `al`, `acumulado` (`REALIZADO ENE-JUN 2018` → `realizado`).
    static func withoutPeriod(_ label: String) -> String {
        let words = normalize(label).split(separator: " ").map(String.init)
        let namesDays = words.contains { Months.month($0) != nil }
        let kept = words.filter { w in
            if Months.month(w) != nil { return false }
            if w.allSatisfy(\.isNumber) && (w.count == 4 || (namesDays && w.count <= 2)) { return false }
            if namesDays && ["de", "del"].contains(w) { return false }
            return !["al", "acumulado", "acumulada", "a"].contains(w)
        }
        return kept.joined(separator: " ")
    }

    /// Folded, without parenthesised parts, without punctuation but `%`, single spaces.
    static func normalize(_ label: String) -> String {
        var folded = Folding.fold(label)
        // Read by scalar from the bytes where each is a `Character` (most labels); others below.
        if let out = folded.withUTF8({ bytes -> String? in
            var out: [UInt8] = []
            var depth = 0
            var lastWasSpace = true
            let plain = PlainText.forEachScalar(bytes) { v, range in
                if v == 0x28 { depth += 1; return }
                if v == 0x29 { depth = max(0, depth - 1); return }
                if depth > 0 { return }
                if PlainText.isLetter(v) || PlainText.isNumber(v) || v == 0x25 {
                    out += UnsafeBufferPointer(rebasing: bytes[range])
                    lastWasSpace = false
                } else if !lastWasSpace {
                    out.append(0x20)
                    lastWasSpace = true
                }
            }
            guard plain else { return nil }
            while out.last == 0x20 { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }) {
            if out.isEmpty && label.contains("%") { return "%" }
            return out
        }
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
