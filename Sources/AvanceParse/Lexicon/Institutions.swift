import AvanceCore

/// The words that head an institution's name, and what a name is made of.
enum InstitutionLexicon {
    /// Folded head words. Some need a particular next word to be an institution
    /// (`Poder Judicial`, not "poder" the verb).
    static let heads: [String: Set<String>?] = [
        "secretaria": nil, "instituto": nil, "tribunal": nil, "poder": ["judicial", "ejecutivo", "legislativo"],
        "comision": nil, "comite": nil, "consejo": nil, "organo": ["interno", "superior", "garante"],
        "organos": ["internos"], "fiscalia": nil, "auditoria": ["superior"], "ayuntamiento": nil,
        "universidad": nil, "congreso": nil, "procuraduria": nil, "contraloria": nil, "organizacion": nil,
        "camara": ["de"], "suprema": ["corte"], "sistema": ["para", "dif"], "secretariado": ["ejecutivo"],
        "defensoria": nil,
    ]

    /// Head words of bodies that are never part of another institution's name: met after a
    /// connector they start a new institution ("Órganos Internos de Control del Poder Ejecutivo").
    static let standaloneHeads: Set<String> = ["poder", "auditoria", "suprema"]

    /// Words that join the parts of a name.
    static let connectors: Set<String> = ["de", "del", "la", "las", "los", "y", "e", "para", "en", "el", "a", "al", "sobre", "contra"]

    /// Words that start a letterhead's or a title's next line, never a wrapped name's.
    static let lineStarters: Set<String> = [
        "informe", "reporte", "avance", "avances", "programa", "direccion", "gerencia", "departamento", "unidad",
        "coordinacion", "subdireccion", "area", "oficina", "jefatura", "matriz", "ficha", "ejercicio", "trimestre",
    ]

    /// Words that name a place; a name ends after the place that follows them.
    static let placeMarkers: Set<String> = ["estado", "municipio", "ciudad", "entidad", "republica"]

    /// The Mexican states (folded, first word), so "Tribunal ... de Quintana Roo" ends there.
    static let states: Set<String> = [
        "aguascalientes", "baja", "campeche", "chiapas", "chihuahua", "coahuila", "colima", "durango",
        "guanajuato", "guerrero", "hidalgo", "jalisco", "mexico", "michoacan", "morelos", "nayarit",
        "nuevo", "oaxaca", "puebla", "queretaro", "quintana", "san", "sinaloa", "sonora", "tabasco",
        "tamaulipas", "tlaxcala", "veracruz", "yucatan", "zacatecas", "cdmx",
    ]

    /// English words that mark an international organisation named in English.
    static let englishMarkers: Set<String> = [
        "project", "foundation", "institute", "international", "organization", "fund", "bank", "program",
        "programme", "council", "forum", "agency", "association", "watch", "network", "alliance",
        "partnership", "transparency", "initiative", "group", "office", "nations", "university",
    ]
    static let englishConnectors: Set<String> = ["of", "for", "the", "and", "on"]

}

/// Titles written before a signatory's name.
enum Honorifics {
    /// Folded, without dots and spaces: "C.P." → "cp".
    static let all: Set<String> = [
        "lic", "licda", "lcda", "lcdo", "licenciada", "licenciado", "mtra", "mtro", "maestra", "maestro",
        "dra", "dr", "doctora", "doctor", "ing", "inga", "cp", "arq", "profr", "profra", "prof", "psic",
        "c", "mc", "lae", "abog", "mvz", "qfb", "med", "enf", "sra", "sr", "mtre",
    ]
    /// The length of the longest, in bytes: a longer word is none of them.
    static let longest = all.map(\.utf8.count).max() ?? 0
}

/// Section titles that are no action.
enum SectionTitles {
    enum Role { case structural, newsNote, closing, picture }

    /// Folded first words (or first two) of a title → its role.
    static func role(of title: String) -> Role? {
        let words = Self.words(Folding.fold(title))
        guard let first = words.first else { return .structural }
        let two = words.count > 1 ? first + " " + words[1] : first
        if closing.contains(first) || closing.contains(two) { return .closing }
        if newsNotes.contains(first) && words.count <= 3 { return .newsNote }
        if pictures.contains(first) { return .picture }
        if titles.contains(first) || (structural.contains(first) && words.count <= 4) { return .structural }
        return nil
    }

    /// The runs of letters of a folded title: by scalar from the bytes where each is a
    /// `Character` (see `PlainText`), by `Character` otherwise.
    static func words(_ folded: String) -> [String] {
        var folded = folded
        let read = folded.withUTF8 { bytes -> [String]? in
            var words: [String] = []
            var start: Int?
            let plain = PlainText.forEachScalar(bytes) { v, range in
                if PlainText.isLetter(v) {
                    if start == nil { start = range.lowerBound }
                } else if let s = start {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<range.lowerBound]), as: UTF8.self))
                    start = nil
                }
            }
            guard plain else { return nil }
            if let s = start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[s...]), as: UTF8.self)) }
            return words
        }
        return read ?? folded.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    static let structural: Set<String> = [
        "resultados", "resultado", "antecedentes", "introduccion", "resumen", "objetivo", "objetivos",
        "justificacion", "metas", "meta", "descripcion", "presentacion", "avance", "avances", "indice",
        "contenido", "datos", "informe", "reporte", "seguimiento", "logros", "acciones", "actividades",
    ]
    /// First words of a document's own title ("Informe de actividades abril / junio de 2019").
    static let titles: Set<String> = ["informe", "reporte", "avance", "avances", "matriz", "ficha", "programa"]
    static let newsNotes: Set<String> = ["noticia", "nota", "boletin", "comunicado", "publicacion"]
    static let closing: Set<String> = [
        "anexo", "anexos", "evidencia", "evidencias", "firmas", "conclusion", "conclusiones",
        "observaciones", "glosario", "fuentes", "fuente", "referencias", "bibliografia", "atentamente",
    ]
    static let pictures: Set<String> = ["imagen", "foto", "fotografia", "figura", "ilustracion", "grafica"]
}
