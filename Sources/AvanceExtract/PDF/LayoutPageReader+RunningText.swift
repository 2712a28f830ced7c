import AvanceCore

/// Running text: headings (lines set larger than the body text), list items, `Label: value`
/// fields and paragraphs, with hyphenation at line ends undone and broken addresses rejoined.
extension LayoutPageReader {
    func isLarge(_ line: LayoutLine) -> Bool {
        guard let h = line.height, let body = bodyHeight else { return false }
        return h >= body * Self.headingRatio
    }

    func runningText(_ group: [LayoutLine]) -> [Block] {
        guard !group.isEmpty else { return [] }
        var blocks: [Block] = []
        var start = 0
        while start < group.count {
            let large = isLarge(group[start])
            var end = start + 1
            while end < group.count, isLarge(group[end]) == large,
                  !large || abs((group[end].height ?? 0) - (group[start].height ?? 0)) < 0.5 { end += 1 }
            let run = Array(group[start..<end])
            let length = run.reduce(0) { $0 + $1.chars.count }
            if large && run.count <= 4 && length <= 400 {
                blocks.append(heading(run))
            } else {
                blocks += paragraphs(run)
            }
            start = end
        }
        return blocks
    }

    func heading(_ run: [LayoutLine]) -> Block {
        var b = SpannedTextBuilder(page: page)
        for line in run { appendLine(line, line.indent..<line.chars.count, to: &b, separator: " ") }
        let height = run.compactMap(\.height).max() ?? 0
        return Block(kind: .heading, text: b.spanned.trimmed(), level: Self.level(height: height, body: bodyHeight), links: Self.links(in: b.text), isStrong: true)
    }

    /// Heading level from how much larger than body text the heading is set, on the
    /// steps of word processors' heading styles (about 1.8, 1.45, 1.3 and 1.2 times).
    static func level(height: Double, body: Double?) -> Int {
        guard let body, body > 0 else { return 1 }
        let ratio = height / body
        if ratio >= 1.7 { return 1 }
        if ratio >= 1.38 { return 2 }
        if ratio >= 1.26 { return 3 }
        return 4
    }

    /// Paragraphs, list items and `Label: value` fields of a run of body lines.
    func paragraphs(_ run: [LayoutLine]) -> [Block] {
        var blocks: [Block] = []
        var kind = Block.Kind.paragraph
        var label: SpannedText?
        var b = SpannedTextBuilder(page: page)
        var itemIndent = 0

        func end() {
            if !b.isEmpty || label != nil {
                let text = b.spanned.trimmed()
                if let label, kind == .field {
                    blocks.append(Block(kind: .field, text: text, label: label, links: Self.links(in: text.text)))
                } else {
                    blocks.append(Block(kind: kind, text: text, links: Self.links(in: text.text)))
                }
            }
            b = SpannedTextBuilder(page: page)
            kind = .paragraph
            label = nil
        }

        for line in run {
            let range = line.indent..<line.chars.count
            if let itemStart = Self.listItemStart(line) {
                end()
                kind = .listItem
                itemIndent = itemStart
                line.append(itemStart..<line.chars.count, to: &b)
                continue
            }
            if kind == .listItem, line.indent >= itemIndent - 1 {
                appendLine(line, range, to: &b)
                continue
            }
            var probe = SpannedTextBuilder(page: page)
            line.append(range, to: &probe)
            let spanned = probe.spanned
            if let colon = TextExtractor.fieldSplit(spanned.text) {
                end()
                kind = .field
                label = spanned.slice(spanned.text.startIndex..<colon).trimmed()
                let value = spanned.slice(spanned.text.index(after: colon)..<spanned.text.endIndex).trimmed()
                b.append(value)
                continue
            }
            if kind == .listItem { end() }
            appendLine(line, range, to: &b)
        }
        end()
        return blocks.filter { !$0.text.isEmpty || $0.label != nil }
    }

    /// Appends a line to running text: after `\n` (or `separator`), or joined to the
    /// previous word where that one ended in a hyphen at the end of the line.
    func appendLine(_ line: LayoutLine, _ range: Range<Int>, to b: inout SpannedTextBuilder, separator: Character = "\n") {
        if !b.isEmpty {
            let first = line.chars[range].first { $0 != " " }
            if Self.endsHyphenated(b.text), let first, first.isLowercase {
                b.removeLast()
            } else if Self.continuesAddress(b.text, line.chars[range]) {
                // A long address broken at the margin goes on without a space.
            } else {
                b.appendSynthetic(separator)
            }
        }
        line.append(range, to: &b)
    }

    /// An address cut at the right margin: the text ends in a long `http` word and the
    /// next line starts with a word made of address characters, among them one no plain
    /// word has (`/`, `%`, `=`, `-`, ...).
    static func continuesAddress(_ text: String, _ next: ArraySlice<Character>) -> Bool {
        guard let lastWord = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).last,
              lastWord.contains("://") || lastWord.hasPrefix("www."), lastWord.count >= 30 else { return false }
        let word = next.drop(while: { $0 == " " }).prefix(while: { $0 != " " })
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._~:/?#[]@!$&'()*+,;=%".contains($0)) })
        else { return false }
        return word.contains { "/%=&?#_-".contains($0) }
    }

    /// A word broken at the line's end: a letter, then a hyphen (or soft hyphen).
    static func endsHyphenated(_ text: String) -> Bool {
        guard let last = text.last, last == "-" || last == "\u{00AD}" else { return false }
        let beforeLast = text.dropLast().last
        return beforeLast?.isLetter ?? false && beforeLast?.isLowercase ?? false
    }

    /// `•   item`, `-  item`, `1.  item`, `a) item`, `A) item`: the column where the item's text starts.
    static func listItemStart(_ line: LayoutLine) -> Int? {
        let chars = line.chars
        var i = line.indent
        guard i < chars.count else { return nil }
        var markerEnd: Int?
        if "•▪◦·‣○●■□–-*".contains(chars[i]) {
            markerEnd = i + 1
        } else {
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            if j > i, j - i <= 2, j < chars.count, chars[j] == "." || chars[j] == ")" {
                markerEnd = j + 1
            } else if chars[i].isASCII, chars[i].isLetter, i + 1 < chars.count, chars[i + 1] == ")" {
                markerEnd = i + 2
            }
        }
        guard let m = markerEnd, m < chars.count, chars[m] == " " else { return nil }
        i = m
        while i < chars.count, chars[i] == " " { i += 1 }
        return i < chars.count ? i : nil
    }

    static func links(in text: String) -> [String] {
        var links: [String] = []
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("www.") {
            let url = String(word).trimmingTrailing(while: { ".,;)".contains($0) })
            if !links.contains(url) { links.append(url) }
        }
        return links
    }
}
