import AvanceCore

/// A word read by OCR whose shape says it may be misread, and what it may be: a code outside
/// its field's shapes that one OCR confusion (or two) brings into them (`105` for the indicator
/// code `I05`, `£031` for the program `E031`), or a glyph that has no place in a word (`NT!`
/// with no `¡` to open it, `Tota|`). Built from the glyphs OCR takes for one another and the
/// shapes of the domain's codes (`Codes.Field`), never from one report's codes.
struct Misreading: Hashable, Sendable {
    /// The word as read.
    var read: String
    /// What it may be.
    var meant: String
    /// The confusions that turn one into the other, each once, in the order of the word.
    var confusions: [Confusion]

    /// Glyphs OCR takes for one another, as groups: a glyph read may stand for another of its group.
    enum Confusion: Hashable, Sendable, CaseIterable {
        /// The capital I, the lower-case l and the digit 1: straight strokes.
        case capitalIDigitOne, capitalILowerL, lowerLDigitOne
        /// A vertical bar or an exclamation mark for one of them.
        case verticalBar, exclamation
        case letterODigitZero, letterSDigitFive, letterSDollar, letterBDigitEight
        /// The E's bars blurred into a pound or euro sign.
        case letterECurrency

        /// Which confusion reads `read` for `meant`, if any.
        static func of(read: Character, meant: Character) -> Confusion? {
            let pair: Set<Character> = [read, meant]
            switch read {
            case "|": return "Il1".contains(meant) ? .verticalBar : nil
            case "!": return "Il1".contains(meant) ? .exclamation : nil
            case "£", "€": return meant == "E" ? .letterECurrency : nil
            case "$": return meant == "S" ? .letterSDollar : nil
            default: break
            }
            switch pair {
            case ["I", "1"]: return .capitalIDigitOne
            case ["I", "l"]: return .capitalILowerL
            case ["l", "1"]: return .lowerLDigitOne
            case ["O", "0"], ["o", "0"]: return .letterODigitZero
            case ["S", "5"]: return .letterSDigitFive
            case ["B", "8"]: return .letterBDigitEight
            default: return nil
            }
        }

        /// What OCR confuses, for the finding's message.
        var text: LocalizedText {
            switch self {
            case .capitalIDigitOne: LocalizedText(es: "la I mayúscula con el dígito 1", en: "the capital I with the digit 1")
            case .capitalILowerL: LocalizedText(es: "la I mayúscula con la l minúscula", en: "the capital I with the lower-case l")
            case .lowerLDigitOne: LocalizedText(es: "la l minúscula con el dígito 1", en: "the lower-case l with the digit 1")
            case .verticalBar:
                LocalizedText(es: "una I, una l o un 1 con una barra vertical (|)", en: "an I, an l or a 1 with a vertical bar (|)")
            case .exclamation:
                LocalizedText(es: "una I, una l o un 1 con un signo ! (que ningún ¡ abre)", en: "an I, an l or a 1 with an exclamation mark (which no ¡ opens)")
            case .letterODigitZero: LocalizedText(es: "la letra O con el cero", en: "the letter O with the digit 0")
            case .letterSDigitFive: LocalizedText(es: "la S con el 5", en: "the S with the 5")
            case .letterSDollar: LocalizedText(es: "la S con el signo $", en: "the S with the $ sign")
            case .letterBDigitEight: LocalizedText(es: "la B con el 8", en: "the B with the 8")
            case .letterECurrency:
                LocalizedText(es: "la E con un signo de moneda (£, €)", en: "the E with a currency sign (£, €)")
            }
        }
    }

    /// "OCR confuses the capital I with the digit 1", several joined.
    var explanation: LocalizedText {
        let texts = confusions.map(\.text)
        return LocalizedText(
            es: "el OCR confunde " + Self.joined(texts.map(\.es), "y"),
            en: "OCR confuses " + Self.joined(texts.map(\.en), "and")
        )
    }

    private static func joined(_ parts: [String], _ and: String) -> String {
        parts.count <= 1 ? parts.joined() : parts.dropLast().joined(separator: ", ") + " \(and) " + parts.last!
    }

    // MARK: Codes

    /// The characters of a code as the parser takes one (`CodeSplitter`): capital letters and
    /// digits, with dots, dashes and underscores between them.
    private static func isCodeCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isUppercase || c.isNumber || c == "." || c == "-" || c == "_")
    }

    /// What each glyph may stand for in a code: the letters and digits of its group. A digit
    /// read for a letter is looked at apart (`openingLetter`): a number is a code of its own.
    private static let inCode: [Character: [Character]] = [
        "I": ["1"], "l": ["I", "1"], "|": ["I", "1"], "!": ["I", "1"],
        "O": ["0"], "o": ["0", "O"],
        "S": ["5"], "$": ["S"],
        "B": ["8"],
        "£": ["E"], "€": ["E"],
    ]

    /// The letters a digit may be read for.
    private static let letterOfDigit: [Character: Character] = ["1": "I", "0": "O", "5": "S", "8": "B"]

    /// A code (or the word where a code was expected) that may be misread, and what it may be;
    /// `nil` for a code of a shape `field` takes as it stands (`I05`, `E031`, `01`, `132`) and
    /// for a word no confusion explains.
    ///
    /// - A word that is no code (`£031`, `EO31`, `l05`): one or two of its glyphs that are not
    ///   digits, read for a letter or a digit of their group, make it a code of the field's
    ///   shapes, in one way only (a lettered one preferred to a number: `l05` is `I05`).
    /// - A number (`105`): a code of its own (a key, an ordinal), unless its first digit may be
    ///   the letter the field's lettered codes open with and the rest is their zero-padded
    ///   number (`105` for `I05`, `5072` for `S072`), a shape no plain number has.
    static func code(_ word: String, field: Codes.Field) -> Misreading? {
        let chars = Array(word)
        guard !chars.isEmpty, chars.count <= 24, chars.contains(where: { $0.isASCII && $0.isNumber }) else { return nil }
        if chars.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard let opening = field.opening, chars.count == opening.digits + 1, chars[1] == "0",
                  let letter = letterOfDigit[chars[0]], opening.letters?.contains(letter) ?? true
            else { return nil }
            let meant = String(letter) + chars.dropFirst()
            guard field.lettered(meant), let c = Confusion.of(read: chars[0], meant: letter) else { return nil }
            return Misreading(read: word, meant: meant, confusions: [c])
        }
        guard !field.admits(word), chars.allSatisfy({ isCodeCharacter($0) || inCode[$0] != nil }) else { return nil }
        let places = chars.indices.filter { inCode[chars[$0]] != nil }
        for count in 1...2 {
            var found: Set<String> = []
            func choose(from start: Int, _ left: Int, _ current: [Character]) {
                if left == 0 {
                    if current.allSatisfy(isCodeCharacter), field.admits(String(current)) { found.insert(String(current)) }
                    return
                }
                guard start < places.count else { return }
                for k in start..<places.count {
                    let i = places[k]
                    for alternative in inCode[chars[i]] ?? [] {
                        var next = current
                        next[i] = alternative
                        choose(from: k + 1, left - 1, next)
                    }
                }
            }
            choose(from: 0, count, chars)
            if found.count > 1 { found = found.filter(field.lettered) }
            if found.count > 1 { return nil }
            if let meant = found.first.map(Array.init) {
                var confusions: [Confusion] = []
                for i in chars.indices where chars[i] != meant[i] {
                    if let c = Confusion.of(read: chars[i], meant: meant[i]), !confusions.contains(c) { confusions.append(c) }
                }
                return Misreading(read: word, meant: String(meant), confusions: confusions)
            }
        }
        return nil
    }

    // MARK: Words

    /// Words of a text with a glyph that has no place in a word: a `!` that no `¡` opens in its
    /// sentence, or a `|`, joined to a letter or a digit (`NT!`, `Tota|`, `20|5`). Each may be
    /// the I, l or 1 that OCR read so: a capital I among capitals, an l among small letters, a 1
    /// among digits. A bar standing alone (a table's rule) and an exclamation a `¡` opens are
    /// left alone.
    static func words(in text: String) -> [Misreading] {
        var out: [Misreading] = []
        for token in text.split(whereSeparator: \.isWhitespace) where token.contains(where: isStroke) {
            // The word without the punctuation around it (a bar or a `!` at its ends kept).
            guard let first = token.firstIndex(where: { isWordy($0) || isStroke($0) }),
                  let last = token.lastIndex(where: { isWordy($0) || isStroke($0) }) else { continue }
            let range = first..<token.index(after: last)
            let word = Array(token[range])
            guard word.contains(where: isWordy) else { continue }
            var meant = word
            var confusions: [Confusion] = []
            var offset = range.lowerBound
            for i in word.indices {
                defer { offset = token.index(after: offset) }
                guard isStroke(word[i]) else { continue }
                let before = i > 0 ? word[i - 1] : nil, after = i + 1 < word.count ? word[i + 1] : nil
                // Only a stroke that touches a letter or a digit.
                guard let neighbour = before.flatMap({ isWordy($0) ? $0 : nil }) ?? after.flatMap({ isWordy($0) ? $0 : nil })
                else { continue }
                if word[i] == "!", opened(text[..<offset]) { continue }
                // A capital I among capitals, a 1 among digits, an l among small letters; at the start
                // of a longer word before small letters, a capital (`|ndicador`; `|os` is `los`).
                let capital = neighbour.isUppercase || (i == 0 && word.count > 3)
                let stroke: Character = neighbour.isNumber ? "1" : capital ? "I" : "l"
                meant[i] = stroke
                if let c = Confusion.of(read: word[i], meant: stroke), !confusions.contains(c) { confusions.append(c) }
            }
            guard !confusions.isEmpty else { continue }
            out.append(Misreading(read: String(word), meant: String(meant), confusions: confusions))
        }
        return out
    }

    private static func isStroke(_ c: Character) -> Bool { c == "!" || c == "|" }
    private static func isWordy(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// Whether a `¡` opens the sentence that `head` (the text before a `!`) ends in: one stands
    /// after its last full stop, question or exclamation mark or line break.
    private static func opened(_ head: Substring) -> Bool {
        let start = head.lastIndex(where: { ".?!\n".contains($0) }).map { head.index(after: $0) } ?? head.startIndex
        return head[start...].contains("¡")
    }
}
