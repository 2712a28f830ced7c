import AvanceCore

/// Turns plain text and Markdown (with the stray HTML tags converters leave) into
/// blocks: headings, label/value fields, list items, table rows and paragraphs.
/// Also used for the text of each PDF page, where `page` is set.
public struct TextExtractor: Sendable {
    public var page: Int?
    /// Line number of the text's first line (a PDF page's text starts at 1).
    public var firstLine: Int

    public init(page: Int? = nil, firstLine: Int = 1) {
        self.page = page
        self.firstLine = firstLine
    }

    /// The longest label, in words, a `Label: value` line may have.
    static let maxLabelWords = 8

    public func blocks(from text: String) -> [Block] {
        var blocks: [Block] = []
        var paragraph: [LineCleaner.Cleaned] = []
        var pendingLabel: LineCleaner.Cleaned?
        let cleaner = LineCleaner(page: page)
        // The list item just read, and the column its text starts at: a line indented that far
        // is more of it (a wrapped item, a Markdown continuation).
        var openItem: (block: Int, textStart: Int)?

        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            var text = ""
            var anchors: [SourceAnchor] = []
            var links: [String] = []
            for (n, line) in paragraph.enumerated() {
                if n > 0 { text.append("\n") }
                let base = text.utf8.count
                anchors += line.anchors.map { SourceAnchor(offset: base + $0.offset, page: $0.page, line: $0.line, column: $0.column) }
                text += line.text
                links += line.links
            }
            blocks.append(Block(
                kind: .paragraph, text: SpannedText(text: text, anchors: anchors), links: links,
                isStrong: paragraph.allSatisfy(\.isStrong)
            ))
            paragraph.removeAll()
        }

        var lineNumber = firstLine - 1
        for rawLine in Self.lines(of: text) {
            lineNumber += 1
            let chars = Array(rawLine)
            let cleaned = cleaner.clean(chars[...], line: lineNumber)
            if cleaned.text.isEmpty {
                // A blank line ends a paragraph; markup-only lines (a lone `<br>`) count as blank.
                flushParagraph()
                openItem = nil
                continue
            }
            let item = openItem
            openItem = nil
            if let label = pendingLabel {
                pendingLabel = nil
                if Self.fieldSplit(cleaned.text) == nil && Self.headingLevel(chars) == nil {
                    blocks.append(Block(kind: .field, text: cleaned.spanned, label: label.spanned, links: cleaned.links))
                    continue
                }
                blocks.append(Block(kind: .paragraph, text: label.spanned, isStrong: label.isStrong))
            }
            if let (level, contentStart) = Self.headingLevel(chars) {
                flushParagraph()
                let c = cleaner.clean(chars[contentStart...], line: lineNumber, firstColumn: contentStart + 1)
                let text = Self.trimHeadingPunctuation(c)
                blocks.append(Block(kind: .heading, text: text, level: level, links: c.links, isStrong: true))
                continue
            }
            if let cells = tableCells(chars, line: lineNumber, cleaner: cleaner) {
                flushParagraph()
                if cells.isEmpty { continue } // a `|---|---|` separator
                blocks.append(Block(
                    kind: .tableRow,
                    text: SpannedText.joined(cells.map(\.spanned), separator: " | "),
                    cells: cells.map(\.spanned), links: cells.flatMap(\.links)
                ))
                continue
            }
            // A letter after a line that stops mid-sentence opens no item (`... inciso` / `a) de la Ley`).
            if let (itemStart, marker) = Self.listItemStart(chars),
               !marker.isLetter || paragraph.last.map({ Self.endsClause($0.text) }) ?? true {
                flushParagraph()
                let c = cleaner.clean(chars[itemStart...], line: lineNumber, firstColumn: itemStart + 1)
                // "- **Programa presupuestario:** E064 - ...": a header written as a list is still fields.
                if let colon = Self.fieldSplit(c.text), let field = Self.field(c, colon: colon) {
                    blocks.append(field)
                } else if !c.text.isEmpty {
                    blocks.append(Block(kind: .listItem, text: c.spanned, links: c.links, isStrong: c.isStrong, marker: marker.ordinal))
                    openItem = (blocks.count - 1, itemStart)
                }
                continue
            }
            if let item, Self.indent(chars) >= item.textStart {
                blocks[item.block].text = SpannedText.joined([blocks[item.block].text, cleaned.spanned], separator: " ")
                blocks[item.block].links += cleaned.links
                openItem = item
                continue
            }
            if let colon = Self.fieldSplit(cleaned.text) {
                flushParagraph()
                if let field = Self.field(cleaned, colon: colon) {
                    blocks.append(field)
                } else {
                    // The value may stand on the next line, as Word and PDF layouts often put it.
                    let label = cleaned.spanned.slice(cleaned.text.startIndex..<colon).trimmed()
                    pendingLabel = LineCleaner.Cleaned(text: label.text, anchors: label.anchors, links: [], isStrong: cleaned.isStrong)
                }
                continue
            }
            paragraph.append(cleaned)
        }
        if let label = pendingLabel {
            blocks.append(Block(kind: .paragraph, text: label.spanned, isStrong: label.isStrong))
        }
        flushParagraph()
        return blocks
    }

    /// Lines split on LF, CRLF or CR, without their ends.
    static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            // "\r\n" is one Character in Swift.
            if c == "\n" || c == "\r\n" || c == "\r" {
                result.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// `## Title` → (2, index of `T`).
    static func headingLevel(_ chars: [Character]) -> (Int, Int)? {
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        var level = 0
        while i < chars.count, chars[i] == "#" { level += 1; i += 1 }
        guard (1...6).contains(level), i < chars.count, chars[i] == " " || chars[i] == "\t" else { return nil }
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i < chars.count ? (level, i) : nil
    }

    /// A heading's text without the closing `#`s or a trailing `.-`.
    static func trimHeadingPunctuation(_ c: LineCleaner.Cleaned) -> SpannedText {
        var s = c.spanned
        var end = s.text.endIndex
        while end > s.text.startIndex {
            let prev = s.text.index(before: end)
            if s.text[prev] == "#" || s.text[prev] == " " { end = prev } else { break }
        }
        s = s.slice(s.text.startIndex..<end)
        return s.trimmed()
    }

    /// `- item`, `* item`, `• item`, `1. item`, `2) item`, `a) item`, `B) item` (`ListMarker`): the
    /// index where the item's text starts, and the marker.
    static func listItemStart(_ chars: [Character]) -> (start: Int, marker: ListMarker)? {
        var i = 0
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        var j = i
        while j < chars.count, chars[j] != " ", chars[j] != "\t", j - i <= 3 { j += 1 }
        // The marker, then a space or a tab, then the item.
        guard j > i, j + 1 < chars.count, chars[j] == " " || chars[j] == "\t", let marker = ListMarker(String(chars[i..<j])) else { return nil }
        return (j + 1, marker)
    }

    /// The spaces and tabs a line opens with.
    static func indent(_ chars: [Character]) -> Int {
        chars.firstIndex { $0 != " " && $0 != "\t" } ?? chars.count
    }

    /// A line that ends a clause (`:`, `;`, `.`), after which a line may open a lettered item.
    static func endsClause(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return last == ":" || last == ";" || last == "."
    }

    /// The field of a `Label: value` line; `nil` when the value is empty.
    static func field(_ line: LineCleaner.Cleaned, colon: String.Index) -> Block? {
        let spanned = line.spanned
        let label = spanned.slice(spanned.text.startIndex..<colon).trimmed()
        let value = spanned.slice(spanned.text.index(after: colon)..<spanned.text.endIndex).trimmed()
        guard !value.isEmpty else { return nil }
        return Block(kind: .field, text: value, label: label, links: line.links)
    }

    /// `Label: value`: a short label that starts with a capital letter, then a colon.
    /// Returns the colon's index.
    static func fieldSplit(_ text: String) -> String.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let label = text[..<colon]
        guard let first = label.first, first.isLetter, first.isUppercase || first == "%" else { return nil }
        let words = label.split(separator: " ")
        guard !words.isEmpty, words.count <= maxLabelWords else { return nil }
        // A URL's scheme is no label, nor a clause of a sentence.
        if label.hasSuffix("http") || label.hasSuffix("https") { return nil }
        if label.contains(where: { ",;\"“”".contains($0) }) { return nil }
        if label.hasSuffix(".") { return nil }
        return colon
    }

    /// Cells of a Markdown table row (`| a | b |`) or of a line with two or more tabs;
    /// an empty array for a separator row; `nil` when the line is no table row.
    func tableCells(_ chars: [Character], line: Int, cleaner: LineCleaner) -> [LineCleaner.Cleaned]? {
        var first = 0
        while first < chars.count, chars[first] == " " { first += 1 }
        let piped = first < chars.count && chars[first] == "|" && chars.filter({ $0 == "|" }).count >= 2
        let tabs = chars.filter({ $0 == "\t" }).count
        guard piped || tabs >= 2 else { return nil }
        let separator: Character = piped ? "|" : "\t"
        var bounds: [Range<Int>] = []
        var start = piped ? first + 1 : 0
        for k in start..<chars.count where chars[k] == separator {
            bounds.append(start..<k)
            start = k + 1
        }
        if start < chars.count { bounds.append(start..<chars.count) }
        if piped, chars[start...].allSatisfy({ $0 == " " }), let last = bounds.last, last.isEmpty { bounds.removeLast() }
        let isSeparatorRow = piped && bounds.allSatisfy { r in
            chars[r].allSatisfy { "-: ".contains($0) }
        }
        if isSeparatorRow { return [] }
        let cells = bounds.map { r in cleaner.clean(chars[r], line: line, firstColumn: r.lowerBound + 1) }
        if !piped && cells.filter({ !$0.text.isEmpty }).count < 3 { return nil }
        return cells
    }
}
