import AvanceCore

/// Turns the `-layout` text of one PDF page into blocks. Lines separated by blank
/// lines form groups; a group is read as
/// - a table when several of its lines break into three or more columns (runs of two or
///   more spaces between them): consecutive such groups make one table while their text
///   keeps to its columns, one row per group, or per line with a filled first column
///   when the rows are not spaced apart;
/// - label/value pairs when a line starts with `Label:` followed by a column gap, the
///   value running on over the lines indented to its column (Word's two-column tables);
/// - two texts side by side (signatures) when its lines hold two columns: left, then right;
/// - otherwise running text: headings (lines set larger than the body text), list items,
///   `Label: value` fields and paragraphs, hyphenation at line ends undone.
struct LayoutPageReader {
    let page: Int
    /// The height of body text in this document.
    let bodyHeight: Double?

    /// How much larger than body text a line must be to count as a heading.
    static let headingRatio = 1.15

    func blocks(_ lines: [LayoutLine]) -> [Block] {
        let groups = Self.groups(lines)
        var blocks: [Block] = []
        var i = 0
        while i < groups.count {
            // A header row set apart from the rows below it starts the table too.
            let header = groups[i].contains { $0.fragments.count >= 3 } && i + 1 < groups.count && Self.isTabular(groups[i + 1])
            if Self.isTabular(groups[i]) || header {
                var table = [groups[i]]
                i += 1
                while i < groups.count, Self.isTabular(groups[i]) || Self.continuesTable(groups[i]),
                      Self.fits(groups[i], Self.columns(table.joined().filter { $0.fragments.count >= 2 })) {
                    table.append(groups[i])
                    i += 1
                }
                blocks += tableBlocks(table)
                continue
            }
            blocks += groupBlocks(groups[i])
            i += 1
        }
        return blocks
    }

    // MARK: - Groups

    static func groups(_ lines: [LayoutLine]) -> [[LayoutLine]] {
        var groups: [[LayoutLine]] = []
        var current: [LayoutLine] = []
        for line in lines {
            if line.isBlank {
                if !current.isEmpty { groups.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    static func isTabular(_ group: [LayoutLine]) -> Bool {
        let wide = group.filter { $0.fragments.count >= 3 }.count
        let split = group.filter { $0.fragments.count >= 2 }.count
        // Running text never breaks into four columns; two lines in three is a table too.
        return group.contains { $0.fragments.count >= 4 } || wide >= 2 || (wide >= 1 && split >= 2 && !isFieldGroup(group))
    }

    /// A group right after a table whose lines all stand in the table's columns.
    static func continuesTable(_ group: [LayoutLine]) -> Bool {
        let split = group.filter { $0.fragments.count >= 2 }.count
        return split >= 1 && split * 2 >= group.count && !isFieldGroup(group)
    }

    /// A group stands in a table's columns when none of its runs of text spans two of them
    /// (a glossary or a paragraph after the table does).
    static func fits(_ group: [LayoutLine], _ columns: [Range<Int>]) -> Bool {
        group.allSatisfy { line in
            line.fragments.allSatisfy { f in columns.filter { $0.overlaps(f) }.count <= 1 }
        }
    }

    /// A line that starts with `Label:` and has its value beside it, past a column gap.
    static func isFieldLabel(_ line: LayoutLine) -> Bool {
        guard line.fragments.count >= 2 else { return false }
        return endsLabel(line.fragmentText(line.fragments[0]))
    }

    static func endsLabel(_ text: String) -> Bool {
        text.hasSuffix(":") && text.split(separator: " ").count <= TextExtractor.maxLabelWords
    }

    /// Label/value pairs in two columns: a label ending in a colon at the group's left
    /// edge (its first words may stand on the lines above), and a value column beside it.
    static func isFieldGroup(_ group: [LayoutLine]) -> Bool {
        valueColumn(group) != nil
    }

    static func valueColumn(_ group: [LayoutLine]) -> Int? {
        guard let left = group.map(\.indent).min() else { return nil }
        let labels = group.filter { $0.indent == left && endsLabel($0.fragmentText($0.fragments[0])) }
        guard let labelEnd = labels.map({ $0.fragments[0].upperBound }).max() else { return nil }
        let values = group.compactMap { line in
            line.fragments.count >= 2 && line.indent == left ? line.fragments[1].lowerBound : nil
        }
        guard let column = values.min(), column > labelEnd else { return nil }
        return column
    }

    private func groupBlocks(_ group: [LayoutLine]) -> [Block] {
        if Self.isFieldGroup(group) { return fieldGroupBlocks(group) }
        if let split = Self.sideBySideColumn(group) {
            let left = group.map { line in Self.cut(line, 0..<split) }
            let right = group.map { line in Self.cut(line, split..<max(split, line.chars.count)) }
            return Self.groups(left).flatMap(runningText) + Self.groups(right).flatMap(runningText)
        }
        return runningText(group)
    }

    /// The column where a second text starts on every line that has one, when the
    /// group holds two texts side by side.
    static func sideBySideColumn(_ group: [LayoutLine]) -> Int? {
        guard group.allSatisfy({ $0.fragments.count <= 2 }) else { return nil }
        // A bullet or number before its item's text is a list, not a second text.
        if group.contains(where: { listItemStart($0) != nil }) { return nil }
        let pairs = group.filter { $0.fragments.count == 2 }
        guard pairs.count >= 2 else { return nil }
        // The gutter: columns blank on every line that holds two texts.
        let lo = pairs.map { $0.fragments[0].upperBound }.max() ?? 0
        let hi = pairs.map { $0.fragments[1].lowerBound }.min() ?? 0
        guard hi - lo >= 2 else { return nil }
        let split = (lo + hi) / 2
        // Lines of one text alone must stand on one side.
        for line in group where line.fragments.count == 1 {
            let f = line.fragments[0]
            if f.lowerBound < split && f.upperBound > split { return nil }
        }
        return split
    }

    /// The same line with only the characters in `range` (positions kept).
    static func cut(_ line: LayoutLine, _ range: Range<Int>) -> LayoutLine {
        var copy = line
        copy.chars = line.chars.enumerated().map { range.contains($0.offset) ? $0.element : " " }
        copy.fragments = LayoutLine.fragments(of: copy.chars)
        return copy
    }

    // MARK: - Label/value pairs

    /// Label/value pairs in two columns. The label may wrap over several lines of its
    /// column (`Descripción del` / `indicador:`) and the value over more; a label ends
    /// at its colon, and the next text in the label column starts the next pair.
    private func fieldGroupBlocks(_ group: [LayoutLine]) -> [Block] {
        let valueColumn = Self.valueColumn(group) ?? 0
        var blocks: [Block] = []
        var rest: [LayoutLine] = []
        var label = SpannedTextBuilder(page: page)
        var value = SpannedTextBuilder(page: page)
        var open = false

        func endField() {
            guard open else { return }
            var l = label.spanned.trimmed()
            if l.text.hasSuffix(":") { l = l.slice(l.text.startIndex..<l.text.index(before: l.text.endIndex)).trimmed() }
            if l.text.first?.isUppercase ?? false {
                blocks.append(Block(kind: .field, text: value.spanned.trimmed(), label: l, links: Self.links(in: value.text)))
            } else {
                blocks.append(Block(kind: .paragraph, text: SpannedText.joined([l, value.spanned.trimmed()], separator: " ")))
            }
            label = SpannedTextBuilder(page: page)
            value = SpannedTextBuilder(page: page)
            open = false
        }
        for line in group {
            let labelPart = line.fragments.filter { $0.lowerBound < valueColumn - 1 }
            let valuePart = line.fragments.filter { $0.lowerBound >= valueColumn - 1 }
            if labelPart.contains(where: { $0.upperBound > valueColumn }) {
                // Text running across both columns: not part of the pairs.
                endField()
                rest.append(line)
                continue
            }
            if !labelPart.isEmpty {
                if !open || label.text.hasSuffix(":") {
                    endField()
                    blocks += runningText(rest)
                    rest = []
                    open = true
                }
                for f in labelPart { appendLine(line, f, to: &label, separator: " ") }
            } else if !open {
                rest.append(line)
                continue
            }
            if let first = valuePart.first, let last = valuePart.last {
                appendLine(line, first.lowerBound..<last.upperBound, to: &value)
            }
        }
        endField()
        blocks += runningText(rest)
        return blocks
    }

    // MARK: - Running text

    private func isLarge(_ line: LayoutLine) -> Bool {
        guard let h = line.height, let body = bodyHeight else { return false }
        return h >= body * Self.headingRatio
    }

    private func runningText(_ group: [LayoutLine]) -> [Block] {
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

    private func heading(_ run: [LayoutLine]) -> Block {
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
    private func paragraphs(_ run: [LayoutLine]) -> [Block] {
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
    private func appendLine(_ line: LayoutLine, _ range: Range<Int>, to b: inout SpannedTextBuilder, separator: Character = "\n") {
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

    // MARK: - Tables

    private func tableBlocks(_ groups: [[LayoutLine]]) -> [Block] {
        var blocks: [Block] = []
        var groups = groups
        // A title over the table (one run of text across several columns) is no row.
        let columns = Self.columns(groups.flatMap { $0 }.filter { $0.fragments.count >= 2 })
        // So is a caption set apart: larger than the text, or starting left of the table.
        while let first = groups.first?.first, first.fragments.count == 1, let firstColumn = columns.first,
              columns.filter({ $0.overlaps(first.fragments[0]) }).count >= 2 || isLarge(first)
                || first.indent < firstColumn.lowerBound {
            blocks += runningText([first])
            groups[0].removeFirst()
            if groups[0].isEmpty { groups.removeFirst() }
        }
        guard !columns.isEmpty else { return blocks }
        var rows: [[LayoutLine]] = []
        for group in groups {
            let starts = group.indices.filter { k in
                group[k].fragments.contains { f in f.overlaps(columns[0]) }
            }
            // Rows not spaced apart start where the first column is filled; a first
            // column filled once, mid-group, is a cell centred on a row of its own, and
            // twice in a table whose rows are spaced apart, a wrapped first cell.
            if starts.count >= 3 || (groups.count == 1 && starts.count >= 2) {
                if let first = starts.first, first > 0 { rows.append(Array(group[..<first])) }
                for (n, s) in starts.enumerated() {
                    let e = n + 1 < starts.count ? starts[n + 1] : group.count
                    rows.append(Array(group[s..<e]))
                }
            } else {
                rows.append(group)
            }
        }
        for row in rows {
            var cells = Array(repeating: SpannedTextBuilder(page: page), count: columns.count)
            for line in row {
                for f in line.fragments {
                    let c = Self.column(of: f, in: columns)
                    // A cell's lines are the lines of one paragraph.
                    if cells[c].isEmpty {
                        line.append(f, to: &cells[c])
                    } else if cells[c].lastLine == line.number {
                        appendLine(line, f, to: &cells[c], separator: " ")
                    } else {
                        appendLine(line, f, to: &cells[c])
                    }
                }
            }
            let texts = cells.map { $0.spanned.trimmed() }
            guard texts.contains(where: { !$0.isEmpty }) else { continue }
            let joined = SpannedText.joined(texts, separator: " | ")
            blocks.append(Block(kind: .tableRow, text: joined, cells: texts, links: Self.links(in: joined.text)))
        }
        return blocks
    }

    /// Column extents: the union of the text runs of the table's lines.
    static func columns(_ lines: [LayoutLine]) -> [Range<Int>] {
        let ranges = lines.flatMap(\.fragments).sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in ranges {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }

    /// The column a run of text overlaps most.
    static func column(of f: Range<Int>, in columns: [Range<Int>]) -> Int {
        var best = 0, bestOverlap = -1
        for (i, c) in columns.enumerated() {
            let overlap = min(c.upperBound, f.upperBound) - max(c.lowerBound, f.lowerBound)
            if overlap > bestOverlap { best = i; bestOverlap = overlap }
        }
        return best
    }
}
