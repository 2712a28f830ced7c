import AvanceCore

/// Reads one page's rows into blocks. Rows separated by a blank line's height form groups; a
/// group is read as
/// - a table when several of its rows break into three or more fragments: consecutive such
///   groups make one table while their text keeps to its columns (`TableLayout`);
/// - label/value pairs when a row starts with `Label:` and its value stands beside it, past a
///   column gap (`LabelTable`);
/// - two texts side by side (signatures, two columns) when its rows hold two fragments with
///   a common gutter: left, then right;
/// - otherwise running text (`RunningText`).
struct PageReader {
    let page: Int
    /// The size of body text: most of the page's (or the document's) letters.
    let bodySize: Double
    /// Most of the body's letters are bold: then bold tells no heading.
    var bodyIsBold = false

    func blocks(_ rows: [Row]) -> [Block] {
        var groups = Rows.groups(rows)
        var blocks: [Block] = []
        var i = 0
        while i < groups.count {
            // A header row set apart from the rows below it starts the table too.
            let header = groups[i].contains { $0.fragments.count >= 3 } && i + 1 < groups.count
                && (Self.isTabular(groups[i + 1]) || Self.standsInColumns(groups[i + 1], of: groups[i]))
            if Self.isTabular(groups[i]) || header {
                var table = [groups[i]]
                i += 1
                while i < groups.count {
                    let above = Array(table.joined())
                    let columns = TableLayout.columns(above.filter { $0.fragments.count >= 2 })
                    func continues(_ g: [Row]) -> Bool {
                        Self.isTabular(g) || Self.continuesTable(g) || Self.standsInColumns(g, of: above)
                    }
                    if continues(groups[i]) && (Self.fits(groups[i], columns) || Self.fitsWidened(groups[i], table: above)) {
                        table.append(groups[i])
                        i += 1
                        continue
                    }
                    // The rows that still keep to the table's columns before text across them
                    // (a totals row, then a note under the table).
                    let fitting = Array(groups[i].prefix { Self.fits([$0], columns) })
                    guard !fitting.isEmpty, fitting.count < groups[i].count, continues(fitting),
                          !Self.isTabular(Array(groups[i].dropFirst(fitting.count))) else { break }
                    table.append(fitting)
                    groups[i].removeFirst(fitting.count)
                }
                blocks += tableBlocks(Array(table.joined()))
                continue
            }
            // Two columns of text: every following group that keeps to the same gutter (or to
            // one side of it) is read with it, the left column first.
            if !Self.isLabelGroup(groups[i]), let split = Self.sideBySideSplit(groups[i]) {
                var run = [groups[i]]
                i += 1
                while i < groups.count, !Self.isTabular(groups[i]), !Self.isLabelGroup(groups[i]),
                      Self.sideBySideSplit(groups[i]).map({ abs($0 - split) <= 2 * bodySize }) ?? Self.keepsToOneSide(groups[i], of: split) {
                    run.append(groups[i])
                    i += 1
                }
                let rows = run.joined()
                let left = rows.compactMap { $0.filter { $0.x1 <= split } }
                let right = rows.compactMap { $0.filter { $0.x0 >= split } }
                blocks += Rows.groups(left).flatMap { runningText($0, sideBySide: true) }
                    + Rows.groups(right).flatMap { runningText($0, sideBySide: true) }
                continue
            }
            blocks += groupBlocks(groups[i])
            i += 1
        }
        return blocks
    }

    static func isTabular(_ group: [Row]) -> Bool {
        let wide = group.filter { $0.fragments.count >= 3 }.count
        let split = group.filter { $0.fragments.count >= 2 }.count
        // Running text never breaks into four columns; two rows in three is a table too.
        return group.contains { $0.fragments.count >= 4 } || wide >= 2 || (wide >= 1 && split >= 2 && !isLabelGroup(group))
    }

    /// A group right after a table whose rows mostly stand in the table's columns.
    static func continuesTable(_ group: [Row]) -> Bool {
        let split = group.filter { $0.fragments.count >= 2 }.count
        return split >= 1 && split * 2 >= group.count && !isLabelGroup(group)
    }

    /// A group whose text keeps to two or more of the columns of the table above it: rows of
    /// cells wrapped over several lines, where a row may show one fragment per line.
    static func standsInColumns(_ group: [Row], of table: [Row]) -> Bool {
        guard !isLabelGroup(group) else { return false }
        let columns = TableLayout.columns(table.filter { $0.fragments.count >= 2 })
        guard columns.count >= 3, fits(group, columns) else { return false }
        let used = Set(group.flatMap(\.fragments).map { TableLayout.column(of: $0, in: columns) })
        return used.count >= 2
    }

    /// A group stands in a table's columns when none of its fragments spans two of them
    /// (a glossary or a paragraph after the table does).
    static func fits(_ group: [Row], _ columns: [TableLayout.Column]) -> Bool {
        group.allSatisfy { row in
            row.fragments.allSatisfy { f in columns.filter { f.overlaps($0.lo, $0.hi) }.count <= 1 }
        }
    }

    /// A table of few rows knows its columns only roughly: a header label centred over
    /// figures set to the right, a short figure, make columns narrower than the table's
    /// (`programada` beside `40`, where `3,600` spans both). A tabular group that keeps to the
    /// columns the table has once the group's own rows are counted goes on with it, so long
    /// as counting them joins none of the table's cells (no fewer columns than a row of the
    /// table fills).
    static func fitsWidened(_ group: [Row], table: [Row]) -> Bool {
        guard isTabular(group) else { return false }
        let widened = TableLayout.columns((table + group).filter { $0.fragments.count >= 2 })
        let most = table.map(\.fragments.count).max() ?? 0
        return widened.count >= most && fits(group, widened)
    }

    private func groupBlocks(_ group: [Row]) -> [Block] {
        if Self.isLabelGroup(group) { return labelTableBlocks(group) }
        return runningText(group)
    }

    /// A group with all its text on one side of a gutter (one column going on alone).
    static func keepsToOneSide(_ group: [Row], of split: Double) -> Bool {
        group.allSatisfy { $0.x1 <= split } || group.allSatisfy { $0.x0 >= split }
    }

    /// Where two texts side by side part, when every row of the group that holds two
    /// fragments leaves a common gutter and no row of one fragment crosses it.
    static func sideBySideSplit(_ group: [Row]) -> Double? {
        guard group.allSatisfy({ $0.fragments.count <= 2 }) else { return nil }
        // A bullet or number before its item's text is a list, not a second text.
        if group.contains(where: { listItem($0) != nil }) { return nil }
        let pairs = group.filter { $0.fragments.count == 2 }
        guard pairs.count >= 2 else { return nil }
        let lo = pairs.map { $0.fragments[0].x1 }.max() ?? 0
        let hi = pairs.map { $0.fragments[1].x0 }.min() ?? 0
        let size = group.map(\.size).min() ?? 0
        guard hi - lo >= size else { return nil }
        let split = (lo + hi) / 2
        for row in group where row.fragments.count == 1 {
            if row.x0 < split && row.x1 > split { return nil }
        }
        return split
    }
}
