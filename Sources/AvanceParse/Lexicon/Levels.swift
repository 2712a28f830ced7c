import AvanceCore

/// The levels of a results matrix (MIR), as tables write them: `FIN`, `Propósito`,
/// `Componente 1`, `C`, `Actividad 1.2`, `A`.
enum Levels {
    static let names: [(folded: String, name: String)] = [
        ("fin", "Fin"), ("proposito", "Propósito"), ("componente", "Componente"), ("actividad", "Actividad"),
    ]

    /// Whether a cell is a level's name alone or opens with it and a colon or a line break (`Propósito`,
    /// `Componente:` then its summary), as a results matrix's first column prints it.
    static func opensWithLevel(_ text: String) -> Bool {
        let words = Folding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        guard let first = words.first, names.contains(where: { $0.folded == first }) else { return false }
        if words.count == 1 { return true }
        let afterWord = text.drop { !$0.isLetter }.drop { $0.isLetter }
        return afterWord.first == ":" || afterWord.first == "\n"
    }

    /// The number a results matrix gives a component or an activity right after its level's name
    /// (`Componente 1`, `Actividad 2`, `Actividad 1.2:`, `Componente C01`); `nil` where the
    /// cell names the level alone (`Fin`, `Componente`) or goes on with words.
    static func code(inLevelCell text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count >= 2, let first = words.first,
              names.contains(where: { $0.folded == Folding.fold(first.filter(\.isLetter)) })
        else { return nil }
        var code = words[1]
        while let last = code.last, last == ":" || last == "." || last == ")" || last == "-" { code.removeLast() }
        // One letter at most, then digits in groups split by dots: `1`, `01`, `1.2`, `C01`, `A1.3`.
        let digits = code.first.map { $0.isLetter ? code.dropFirst() : code[...] } ?? ""
        let groups = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return String(code)
    }

    /// The level a cell names, in its usual spelling; `nil` for anything else.
    static func level(of text: String) -> String? {
        let words = Folding.fold(text).split(whereSeparator: { !$0.isLetter })
        guard let first = words.first.map(String.init) else { return nil }
        if let match = names.first(where: { $0.folded == first }) { return match.name }
        // The initial alone (`C`, `A`), as some matrices abbreviate.
        if words.count == 1, first.count == 1 {
            switch first {
            case "f": return "Fin"
            case "p": return "Propósito"
            case "c": return "Componente"
            case "a": return "Actividad"
            default: return nil
            }
        }
        return nil
    }
}
