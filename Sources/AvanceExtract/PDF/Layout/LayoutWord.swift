import AvanceCore

/// A word of the page model as the layout reads it: its text, box and size, and the place in
/// the page's plain text that a span cites.
struct LayoutWord: Sendable {
    var text: String {
        didSet { (cleanText, hasLetters) = Self.read(text) }
    }
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
    /// Tesseract's confidence in the word (0–100), for a word read by OCR; else `nil`.
    var confidence: Double? = nil

    /// The word as the text reads it (ligatures spelled out, invisible characters dropped),
    /// worked out once: the layout asks for it again and again.
    private(set) var cleanText: String
    /// Words with letters or digits tell a line's size and weight; bullets and dashes set in a
    /// symbol font do not.
    private(set) var hasLetters: Bool

    init(text: String, box: SourceSpan.Box, size: Double, isBold: Bool, page: Int, line: Int, column: Int,
         hintBlock: Int, hintLine: Int) {
        self.text = text
        self.box = box
        self.size = size
        self.isBold = isBold
        self.page = page
        self.line = line
        self.column = column
        self.hintBlock = hintBlock
        self.hintLine = hintLine
        (cleanText, hasLetters) = Self.read(text)
    }

    private static func read(_ text: String) -> (clean: String, hasLetters: Bool) {
        // Most words hold none of the characters cleaned: their text is their clean text.
        let plain = !text.unicodeScalars.contains { Self.special($0) }
        let clean = plain ? text : Self.clean(text)
        return (clean, clean.contains(where: \.isWordFast))
    }

    /// A character that `clean` drops, turns into a space or spells out.
    private static func special(_ s: Unicode.Scalar) -> Bool {
        isInvisible(s.value) || isFixedSpace(s.value) || expand(s.value) != nil
    }

    private static func clean(_ text: String) -> String {
        var out = ""
        for c in text where !Self.isInvisible(c) {
            if let e = Self.expand(c) { out += e } else { out.append(Self.isFixedSpace(c) ? " " : c) }
        }
        return out
    }

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
            words[words.count - 1].confidence = w.confidence
            column += w.text.count
            previous = w
        }
        return words
    }

    /// Appends the word: ligatures spelled out, invisible characters dropped, fixed spaces as
    /// spaces; each character keeps its column and every one the word's box.
    func append(to builder: inout SpannedTextBuilder) {
        if cleanText == text {
            builder.append(word: text, line: line, column: column, box: box, confidence: confidence)
            return
        }
        for (k, c) in text.enumerated() {
            if Self.isInvisible(c) { continue }
            if let expansion = Self.expand(c) {
                for e in expansion { builder.append(e, line: line, column: column + k, box: box, confidence: confidence) }
            } else {
                builder.append(Self.isFixedSpace(c) ? " " : c, line: line, column: column + k, box: box, confidence: confidence)
            }
        }
    }

    /// The character's one scalar, if it is one (compared by value: comparing `Character`s
    /// goes through string comparison, and the layout asks this of every character).
    private static func scalar(_ c: Character) -> UInt32? {
        let scalars = c.unicodeScalars
        return scalars.count == 1 ? scalars.first!.value : nil
    }

    static func isInvisible(_ c: Character) -> Bool { isInvisible(scalar(c)) }

    static func isFixedSpace(_ c: Character) -> Bool { isFixedSpace(scalar(c)) }

    /// Ligatures a PDF's fonts carry, spelled out.
    static func expand(_ c: Character) -> String? { expand(scalar(c)) }

    private static func isInvisible(_ scalar: UInt32?) -> Bool {
        switch scalar {
        case 0x200B, 0xFEFF, 0xAD, 0x0C: true
        default: false
        }
    }

    private static func isFixedSpace(_ scalar: UInt32?) -> Bool {
        switch scalar {
        case 0xA0, 0x2007, 0x202F, 0x09: true
        default: false
        }
    }

    private static func expand(_ scalar: UInt32?) -> String? {
        switch scalar {
        case 0xFB00: "ff"
        case 0xFB01: "fi"
        case 0xFB02: "fl"
        case 0xFB03: "ffi"
        case 0xFB04: "ffl"
        case 0xFB05, 0xFB06: "st"
        default: nil
        }
    }
}
