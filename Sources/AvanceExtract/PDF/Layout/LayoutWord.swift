import AvanceCore

/// A word of the page model as the layout reads it: its text, box and size, and the place in
/// the page's plain text that a span cites.
struct LayoutWord: Sendable {
    var text: String
    var box: SourceSpan.Box
    /// The font size, or the box's height where the engine gives none.
    var size: Double
    var isBold: Bool
    var page: Int
    /// 1-based line and column of the word in the page's plain text (see `PDFPageModel.Word`).
    var line: Int
    var column: Int
    /// Poppler's block and line, as hints.
    var hintBlock: Int
    var hintLine: Int

    /// Words with letters or digits tell a line's size and weight; bullets and dashes set in a
    /// symbol font do not.
    var hasLetters: Bool { text.contains(where: \.isWordFast) }

    /// A page's words; where the engine did not say where a word stands in the plain text,
    /// poppler's lines are counted instead.
    static func words(of page: PDFPageModel.Page) -> [LayoutWord] {
        var words: [LayoutWord] = []
        words.reserveCapacity(page.words.count)
        var lineNumber = 0, column = 1
        var previous: PDFPageModel.Word?
        for w in page.words {
            if previous == nil || previous!.block != w.block || previous!.line != w.line {
                lineNumber += 1
                column = 1
            } else if let p = previous, w.box.x - p.box.maxX > PlainTextPositions.spaceRatio * min(p.box.height, w.box.height) {
                column += 1
            }
            words.append(LayoutWord(
                text: w.text, box: w.box, size: w.size ?? w.box.height, isBold: w.isBold, page: page.number,
                line: w.textLine ?? lineNumber, column: w.textColumn ?? column, hintBlock: w.block, hintLine: w.line
            ))
            column += w.text.count
            previous = w
        }
        return words
    }

    /// Appends the word: ligatures spelled out, invisible characters dropped, fixed spaces as
    /// spaces; each character keeps its column and every one the word's box.
    func append(to builder: inout SpannedTextBuilder) {
        for (k, c) in text.enumerated() {
            if Self.isInvisible(c) { continue }
            if let expansion = Self.expand(c) {
                for e in expansion { builder.append(e, line: line, column: column + k, box: box) }
            } else {
                builder.append(Self.isFixedSpace(c) ? " " : c, line: line, column: column + k, box: box)
            }
        }
    }

    /// The word as the text reads it (ligatures spelled out, invisible characters dropped).
    var cleanText: String {
        var out = ""
        for c in text where !Self.isInvisible(c) {
            if let e = Self.expand(c) { out += e } else { out.append(Self.isFixedSpace(c) ? " " : c) }
        }
        return out
    }

    static func isInvisible(_ c: Character) -> Bool {
        c == "\u{200B}" || c == "\u{FEFF}" || c == "\u{00AD}" || c == "\u{0C}"
    }

    static func isFixedSpace(_ c: Character) -> Bool {
        c == "\u{00A0}" || c == "\u{2007}" || c == "\u{202F}" || c == "\t"
    }

    /// Ligatures a PDF's fonts carry, spelled out.
    static func expand(_ c: Character) -> String? {
        switch c {
        case "\u{FB00}": "ff"
        case "\u{FB01}": "fi"
        case "\u{FB02}": "fl"
        case "\u{FB03}": "ffi"
        case "\u{FB04}": "ffl"
        case "\u{FB05}", "\u{FB06}": "st"
        default: nil
        }
    }
}
