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

    /// A group that is no table: label/value pairs, two texts side by side, or running text.
    func groupBlocks(_ group: [LayoutLine]) -> [Block] {
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
}
