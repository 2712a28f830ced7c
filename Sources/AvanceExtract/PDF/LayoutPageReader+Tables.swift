import AvanceCore

/// Tables: the columns of a run of tabular groups, and one `tableRow` per row.
extension LayoutPageReader {
    func tableBlocks(_ groups: [[LayoutLine]]) -> [Block] {
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
