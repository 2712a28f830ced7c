/// One line of `pdftotext -layout` text, with its position on the page and the
/// pieces it falls into where runs of two or more spaces separate columns.
struct LayoutLine: Sendable {
    /// 1-based line within the page's text.
    var number: Int
    var chars: [Character]
    /// Height of the line's largest text, from `pdftotext -tsv` (the font size in
    /// points, roughly); `nil` when unknown.
    var height: Double?
    /// Column ranges (0-based, end exclusive) of the runs of text.
    var fragments: [Range<Int>]

    init(number: Int, text: Substring, height: Double? = nil) {
        self.number = number
        // Non-breaking and other fixed spaces are spaces for every purpose here.
        self.chars = text.map { c in
            switch c {
            case "\u{00A0}", "\u{2007}", "\u{202F}", "\t": return " "
            default: return c
            }
        }
        self.height = height
        self.fragments = Self.fragments(of: chars)
    }

    var isBlank: Bool { fragments.isEmpty }
    var indent: Int { fragments.first?.lowerBound ?? 0 }
    var text: String { String(chars) }

    func fragmentText(_ range: Range<Int>) -> String { String(chars[range]) }

    /// Runs of text separated by two or more spaces.
    static func fragments(of chars: [Character]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " || isInvisible(chars[i]) { i += 1 }
            guard i < chars.count else { break }
            let start = i
            var end = i
            while i < chars.count {
                if chars[i] == " " {
                    var j = i
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j - i >= 2 || j == chars.count { break }
                    i = j
                } else {
                    i += 1
                    end = i
                }
            }
            result.append(start..<end)
        }
        return result
    }

    static func isInvisible(_ c: Character) -> Bool {
        c == "\u{200B}" || c == "\u{FEFF}" || c == "\u{00AD}" || c == "\u{0C}"
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

    /// Appends `chars[range]` to `builder`: spaces folded, ligatures spelled out,
    /// invisible characters dropped; each character keeps its column.
    func append(_ range: Range<Int>, to builder: inout SpannedTextBuilder) {
        var pendingSpace = false
        for k in range {
            let c = chars[k]
            if c == " " {
                pendingSpace = !builder.isEmpty
                continue
            }
            if Self.isInvisible(c) { continue }
            if pendingSpace {
                if chars[k - 1] == " " && (k < 2 || chars[k - 2] != " ") && builder.text.last != " " {
                    builder.append(" ", line: number, column: k)
                } else {
                    builder.appendSynthetic(" ")
                }
                pendingSpace = false
            }
            if let expansion = Self.expand(c) {
                for e in expansion { builder.append(e, line: number, column: k + 1) }
            } else {
                builder.append(c, line: number, column: k + 1)
            }
        }
    }
}
