/// What opens a list item, in a text line or a PDF row: a bullet, or the number or letter the
/// item is cited by (`1.`, `12)`, `a)`, `B)`; a letter only with a parenthesis, since `A.` is
/// more often an initial). One grammar for the text and the PDF extractors.
enum ListMarker: Equatable {
    case bullet
    /// The marker as printed (`B)`), which a list of projects or objectives is cited by.
    case ordinal(String)

    static let bullets: Set<Character> = ["-", "*", "+", "•", "▪", "◦", "·", "‣", "○", "●", "■", "□", "–"]

    /// The marker a word is, if any.
    init?(_ word: some StringProtocol) {
        guard let last = word.last else { return nil }
        if word.count == 1 {
            guard Self.bullets.contains(last) else { return nil }
            self = .bullet
            return
        }
        guard last == "." || last == ")" else { return nil }
        let body = word.dropLast()
        let isNumber = body.count <= 2 && body.allSatisfy { $0.isASCII && $0.isNumber }
        let isLetter = last == ")" && body.count == 1 && body.first!.isASCII && body.first!.isLetter
        guard isNumber || isLetter else { return nil }
        self = .ordinal(String(word))
    }

    var ordinal: String? {
        if case .ordinal(let o) = self { return o }
        return nil
    }

    /// A single letter (`a)`), which a sentence cut by a line break can also open (`inciso` /
    /// `a) de la Ley`).
    var isLetter: Bool { ordinal.map { $0.first?.isLetter ?? false } ?? false }
}
