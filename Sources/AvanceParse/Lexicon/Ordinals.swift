/// How reports name the four quarters: ordinal words, abbreviated ordinals
/// (`3er.`, `4to`, `1°`), Roman numerals, and the three-month ranges.
enum Ordinals {
    /// Folded ordinal words → 1...4 (only the first four matter for quarters).
    static let words: [String: Int] = [
        "primer": 1, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2,
        "tercer": 3, "tercero": 3, "tercera": 3, "cuarto": 4, "cuarta": 4,
    ]
    /// Suffixes written after a digit to make an ordinal: 1er, 2do, 3ro, 4to, 1o, 1°, 1ª.
    static let suffixes: Set<String> = ["er", "ero", "ro", "do", "to", "o", "a", "°", "º", "ª", "avo", "no"]
    static let roman: [String: Int] = ["i": 1, "ii": 2, "iii": 3, "iv": 4]
}
