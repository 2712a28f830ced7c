import AvanceCore

/// Running text: headings (rows set larger than the body, or a short run of bold rows), list
/// items, `Label: value` fields and paragraphs, with words broken by a hyphen at a line's end
/// joined again.
extension PageReader {
    /// How much larger than body text a row must be to count as a heading.
    static let headingRatio = 1.15
    /// A heading holds at most this many rows and characters; more is text set large.
    static let headingRows = 4
    static let headingLength = 400

    func isLarge(_ row: Row) -> Bool { row.size >= bodySize * Self.headingRatio }

    /// `sideBySide`: the group is one of two texts set side by side (signatures), where
    /// lines set large but broken by hand (see `brokenByHand`) are lines of their own, no
    /// heading.
    func runningText(_ group: [Row], sideBySide: Bool = false) -> [Block] {
        guard !group.isEmpty else { return [] }
        let bold = strongRows(group)
        var blocks: [Block] = []
        var start = 0
        while start < group.count {
            let large = isLarge(group[start])
            let isBold = !large && bold[start]
            var end = start + 1
            while end < group.count, isLarge(group[end]) == large,
                  large ? abs(group[end].size - group[start].size) < 0.5 : bold[end] == isBold { end += 1 }
            let bold = isBold
            let run = Array(group[start..<end])
            let length = run.reduce(0) { $0 + $1.length }
            // Bold lines broken by hand (a name over a role, as signatures are set) are lines
            // of bold text, no heading, wherever they stand.
            let byHand = Self.brokenByHand(run)
            if (large || bold) && run.count <= Self.headingRows && length <= Self.headingLength
                && !((sideBySide || bold) && byHand)
                && !(bold && run.count == 1 && TextExtractor.fieldSplit(run[0].text) != nil) {
                blocks.append(heading(run, large: large))
            } else if bold && byHand {
                blocks += paragraphs(run).map { var b = $0; b.isStrong = true; return b }
            } else {
                blocks += paragraphs(run)
            }
            start = end
        }
        return blocks
    }

    /// Which rows are set in bold against the body, as a heading would be. Words set in bold
    /// within a paragraph are not: a bold row that follows a line the text wrapped (one that
    /// reaches the right edge of the text and does not end a sentence) goes on with that
    /// paragraph, and so does the bold row after it.
    func strongRows(_ group: [Row]) -> [Bool] {
        guard !bodyIsBold else { return group.map { _ in false } }
        let right = group.map(\.x1).max() ?? 0
        var strong: [Bool] = []
        strong.reserveCapacity(group.count)
        for (i, row) in group.enumerated() {
            let midParagraph = i > 0 && !strong[i - 1] && Self.wraps(group[i - 1], before: row, right: right)
            strong.append(row.isBold && !midParagraph)
        }
        return strong
    }

    /// A line the text wrapped: the next line's first word would not have fitted after it
    /// within the text's right edge, and it does not end a sentence or a label.
    static func wraps(_ row: Row, before next: Row, right: Double) -> Bool {
        guard let last = row.text.last(where: { !$0.isWhitespace }) else { return false }
        return row.x1 + 0.25 * row.size + next.words[0].box.width > right && !".:;!?".contains(last)
    }

    /// Lines broken by hand, not wrapped: some line but the last would have taken the next
    /// line's first word within the widest line's width (`Elaboró` over a name and a role).
    static func brokenByHand(_ run: [Row]) -> Bool {
        guard run.count >= 2 else { return false }
        let widest = run.map { $0.x1 - $0.x0 }.max()!
        return zip(run, run.dropFirst()).contains { a, b in
            let next = b.words[0]
            return (a.x1 - a.x0) + a.size + next.box.width < widest
        }
    }

    /// Rows set large make a heading; a run of bold rows at body size, a bold paragraph of one
    /// line, as text and HTML give them (the parser decides whether it opens a section).
    private func heading(_ run: [Row], large: Bool) -> Block {
        var b = SpannedTextBuilder(page: page)
        for row in run { appendRow(row, to: &b, separator: " ") }
        let text = b.spanned.trimmed()
        guard large else { return Block(kind: .paragraph, text: text, links: Self.links(in: text.text), isStrong: true) }
        let size = run.map(\.size).max() ?? 0
        return Block(kind: .heading, text: text, level: Self.level(size: size, body: bodySize), links: Self.links(in: text.text), isStrong: true)
    }

    /// Heading level from how much larger than body text the heading is set, on the
    /// steps of word processors' heading styles (about 1.8, 1.45, 1.3 and 1.2 times).
    static func level(size: Double, body: Double) -> Int {
        guard body > 0 else { return 1 }
        let ratio = size / body
        if ratio >= 1.7 { return 1 }
        if ratio >= 1.38 { return 2 }
        if ratio >= 1.26 { return 3 }
        return 4
    }

    /// Paragraphs, list items and `Label: value` fields of a run of body rows.
    func paragraphs(_ run: [Row]) -> [Block] {
        var blocks: [Block] = []
        var kind = Block.Kind.paragraph
        var label: SpannedText?
        var b = SpannedTextBuilder(page: page)
        var itemIndent = 0.0
        var marker: String?

        func end() {
            if !b.isEmpty || label != nil {
                let text = b.spanned.trimmed()
                if let label, kind == .field {
                    blocks.append(Block(kind: .field, text: text, label: label, links: Self.links(in: text.text)))
                } else {
                    blocks.append(Block(kind: kind, text: text, links: Self.links(in: text.text), marker: kind == .listItem ? marker : nil))
                }
            }
            b = SpannedTextBuilder(page: page)
            kind = .paragraph
            label = nil
            marker = nil
        }

        for row in run {
            if let item = Self.listItem(row) {
                end()
                kind = .listItem
                itemIndent = item.indent
                marker = item.marker
                appendRow(item.row, to: &b)
                continue
            }
            if kind == .listItem, row.x0 >= itemIndent - 1 {
                appendRow(row, to: &b)
                continue
            }
            var probe = SpannedTextBuilder(page: page)
            appendRow(row, to: &probe)
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
            appendRow(row, to: &b)
        }
        end()
        return blocks.filter { !$0.text.isEmpty || $0.label != nil }
    }

    /// Appends a row to running text: after `\n` (or `separator`), or joined to the previous
    /// word where that one ended in a hyphen at the end of the line.
    func appendRow(_ row: Row, to b: inout SpannedTextBuilder, separator: Character = "\n") {
        if !b.isEmpty {
            let first = row.fragments.first?.words.first?.cleanText.first
            if Self.endsHyphenated(b.text), let first, first.isLowercase {
                b.removeLast()
            } else if Self.continuesAddress(b.text, row.fragments.first?.words.first?.cleanText ?? "") {
                // A long address broken at the margin goes on without a space.
            } else {
                b.appendSynthetic(separator)
            }
        }
        for (i, f) in row.fragments.enumerated() {
            if i > 0 { b.appendSynthetic(" ") }
            f.append(to: &b)
        }
    }

    /// An address cut at the right margin: the text ends in a long `http` word and the
    /// next line starts with a word made of address characters, among them one no plain
    /// word has (`/`, `%`, `=`, `-`, ...).
    static func continuesAddress(_ text: String, _ next: String) -> Bool {
        // The last word, found from the end (splitting every paragraph's words was a hundredth
        // of a PDF's ingest).
        let bytes = text.utf8
        func separates(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A }
        guard let last = bytes.lastIndex(where: { !separates($0) }) else { return false }
        let end = bytes.index(after: last)
        let start = bytes[..<end].lastIndex(where: separates).map { bytes.index(after: $0) } ?? bytes.startIndex
        let lastWord = text[start..<end]
        guard
              lastWord.contains("://") || lastWord.hasPrefix("www."), lastWord.count >= 30 else { return false }
        let word = next
        guard !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._~:/?#[]@!$&'()*+,;=%".contains($0)) })
        else { return false }
        return word.contains { "/%=&?#_-".contains($0) }
    }

    /// A word broken at the line's end: a lower-case letter, then a hyphen.
    static func endsHyphenated(_ text: String) -> Bool {
        guard let last = text.last, last == "-" || last == "\u{00AD}" else { return false }
        let beforeLast = text.dropLast().last
        return beforeLast?.isLetter ?? false && beforeLast?.isLowercase ?? false
    }

    /// `•  item`, `-  item`, `1.  item`, `a) item`, `A) item`: the row without its marker, where
    /// the item's text starts, and the marker where it is a letter or a number (`A)`, `1.`).
    static func listItem(_ row: Row) -> (row: Row, indent: Double, marker: String?)? {
        let words = row.words
        guard words.count >= 2, let first = words.first?.cleanText, let marker = ListMarker(first),
              Fragment.spaced(words[0], words[1])
        else { return nil }
        var rest = row
        if rest.fragments[0].words.count == 1 {
            rest.fragments.removeFirst()
        } else {
            rest.fragments[0].words.removeFirst()
        }
        return (rest, words[1].box.x, marker.ordinal)
    }

    static func links(in text: String) -> [String] {
        var links: [String] = []
        guard LinkFilter.mayHoldAddress(text) else { return links }
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("www.") {
            let url = String(word).trimmingTrailing(while: { ".,;)".contains($0) })
            if !links.contains(url) { links.append(url) }
        }
        return links
    }
}
