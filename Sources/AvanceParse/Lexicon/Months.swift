/// Month names as Mexican reports write them (folded), with the few abbreviations
/// that cannot be mistaken for a word.
enum Months {
    static let byName: [String: Int] = [
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
        "ene": 1, "feb": 2, "abr": 4, "jun": 6, "jul": 7, "ago": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12,
    ]

    /// Full names only; abbreviations must be followed by a period or a number to count.
    static func month(_ folded: String) -> Int? { byName[folded] }

    static func isAbbreviation(_ folded: String) -> Bool { byName[folded] != nil && !fullNames.contains(folded) }

    static let fullNames: Set<String> = [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
    ]
}
