import AvanceCore

/// A table's rows: which words share a cell.
///
/// - Columns come from the rows that fill most of them (a header or data row), one column
///   per run of x covered by their fragments; a fragment of another row that covers no such
///   column adds one (a column seldom filled), unless it is a header's label over texts that
///   stand side by side; one that covers several (a header over two columns, a title) goes
///   to the column it covers most. A label centred apart from the words set at its column's
///   left edge joins their column; a cell's lines that stand alone on their lines widen it.
/// - Rows are bands of height: a cell's lines follow each other at the table's line spacing,
///   and a row's extent is the union of its cells' lines, so a one-line cell vertically centred
///   against a five-line cell belongs to that row. A wider space than a cell's leading between
///   two lines ends a row; where the rows are not spaced apart, a row starts where the first
///   column starts a text.
/// - A cell's lines are joined like a paragraph's (`\n`, a hyphen at a line's end undone).
enum TableLayout {
    struct Column: Equatable {
        var lo: Double
        var hi: Double
    }

    /// Column extents of the table's rows (see the type's description).
    static func columns(_ rows: [Row]) -> [Column] {
        // A stray bullet or dash makes no column.
        let rows = rows.compactMap { $0.filter { f in f.words.contains(where: \.hasLetters) } }
        guard let most = rows.map(\.fragments.count).max(), most >= 2 else {
            return union(rows.flatMap(\.fragments))
        }
        let full = rows.filter { Double($0.fragments.count) >= max(2, 0.7 * Double(most)) }
        var columns = union(full.flatMap(\.fragments))
        let others = rows.filter { Double($0.fragments.count) < max(2, 0.7 * Double(most)) }.flatMap(\.fragments)
        // A header's label over texts that stand side by side on some line (`PROGRAMA DE
        // GOBIERNO` over `Eje` and `Estrategia Transversal`) spans their columns: it makes none.
        // (The header: above the first line of figures that fills most columns.)
        let dataTop = rows.first { row in
            Double(row.fragments.count) >= 0.6 * Double(most) && row.fragments.contains { $0.text.contains(where: \.isNumber) }
        }?.y0 ?? .infinity
        let alone = others.filter { f in
            !columns.contains { f.overlaps($0.lo, $0.hi) } && !(f.y1 <= dataTop && spansSideBySide(f, rows))
        }
        if !alone.isEmpty {
            columns = (columns + union(alone)).sorted { $0.lo < $1.lo }
        }
        return joinedWhereSpanned(columns, rows)
    }

    /// Whether two fragments of one line stand both under `f` (on its own line, only `f`
    /// stands there).
    static func spansSideBySide(_ f: Fragment, _ rows: [Row]) -> Bool {
        rows.contains { row in row.fragments.lazy.filter { $0.overlaps(f.x0, f.x1) }.prefix(2).count == 2 }
    }

    /// Two neighbouring columns that no line fills both of are one column
    /// - where one holds only a label above a cell's text that, set at the first column's left
    ///   edge, runs under both: a label centred in its column stands apart from the words set
    ///   at the column's left edge (`Nivel` centred over `Fin`), and the longer of those words
    ///   (`Propósito`, `Componente`) reach under it;
    /// - or where both hold only figures and a label spans them: placeholders centred (`NA`)
    ///   beside figures set right (`100.00`) under one header (`III TRIMESTRE`).
    /// Columns that some line fills both of (the columns under `METAS`) stay apart, and so do
    /// two columns of text under a label that spans them (`PROGRAMA DE GOBIERNO` over `Eje`
    /// and `Estrategia`): their text stands below it, not at its left edge.
    static func joinedWhereSpanned(_ columns: [Column], _ rows: [Row]) -> [Column] {
        // Mostly no fragment runs from one column into the next: nothing to join.
        guard rows.contains(where: { $0.fragments.contains { covered(by: $0, in: columns).count >= 2 } }) else { return columns }
        var columns = columns
        var i = 0
        while i + 1 < columns.count {
            var spans: [Fragment] = []
            var bottom = (left: -Double.infinity, right: -Double.infinity)
            var shared = false
            var figures = true
            for row in rows where !shared {
                var left = false, right = false
                for f in row.fragments {
                    let c = covered(by: f, in: columns)
                    if c.contains(i) && c.contains(i + 1) {
                        spans.append(f)
                        continue
                    }
                    switch column(of: f, in: columns) {
                    case i: left = true; bottom.left = max(bottom.left, f.y1)
                    case i + 1: right = true; bottom.right = max(bottom.right, f.y1)
                    default: continue
                    }
                    figures = figures && isFigure(f)
                }
                shared = left && right
            }
            let leftSet = spans.contains { abs($0.x0 - columns[i].lo) <= 1.5 && $0.y0 >= min(bottom.left, bottom.right) }
            if !shared, leftSet || (figures && !spans.isEmpty) {
                columns[i].hi = max(columns[i].hi, columns[i + 1].hi)
                columns.remove(at: i + 1)
            } else {
                i += 1
            }
        }
        return columns
    }

    /// A figure or a placeholder for one (`98.00`, `-999.00`, `NA`, `ND`, `N/A`): no lower-case
    /// letter, and a digit or at most three letters.
    static func isFigure(_ f: Fragment) -> Bool {
        let text = f.text
        guard !text.contains(where: \.isLowercase), text.count <= 16 else { return false }
        return text.contains(where: \.isNumber) || text.filter(\.isLetter).count <= 3
    }

    /// The columns widened to the lines of their cells that stand on lines of their own,
    /// which the rows that make the columns leave out (`Porcentaje de documentos de datos
    /// abiertos` over `publicados`, in a column whose header `Indicador` is centred): a
    /// fragment that stands in one column only widens it, so long as it reaches no other.
    static func widened(_ columns: [Column], by rows: [Row]) -> [Column] {
        var columns = columns
        for f in rows.lazy.flatMap(\.fragments) where f.words.contains(where: \.hasLetters) {
            let over = columns.indices.filter { f.overlaps(columns[$0].lo, columns[$0].hi) }
            guard over.count == 1, let c = over.first else { continue }
            let lo = min(columns[c].lo, f.x0), hi = max(columns[c].hi, f.x1)
            if c > 0, lo <= columns[c - 1].hi { continue }
            if c + 1 < columns.count, hi >= columns[c + 1].lo { continue }
            columns[c] = Column(lo: lo, hi: hi)
        }
        return columns
    }

    /// The runs of x covered by the fragments.
    static func union(_ fragments: [Fragment]) -> [Column] {
        var merged: [Column] = []
        for f in fragments.sorted(by: { $0.x0 < $1.x0 }) {
            if let last = merged.last, f.x0 < last.hi - 0.5 {
                merged[merged.count - 1].hi = max(last.hi, f.x1)
            } else {
                merged.append(Column(lo: f.x0, hi: f.x1))
            }
        }
        return merged
    }

    /// The column a fragment stands in: the first of those it spans (a label over several
    /// columns starts where they start), else the one it covers most.
    static func column(of f: Fragment, in columns: [Column]) -> Int {
        let spanned = covered(by: f, in: columns)
        if spanned.count >= 2 { return spanned[0] }
        return mostCovered(by: f, in: columns)
    }

    /// The column a fragment covers most.
    static func mostCovered(by f: Fragment, in columns: [Column]) -> Int {
        var best = 0, bestOverlap = -Double.infinity
        for (i, c) in columns.enumerated() {
            let overlap = min(c.hi, f.x1) - max(c.lo, f.x0)
            if overlap > bestOverlap { best = i; bestOverlap = overlap }
        }
        return best
    }

    /// The table's rows, top to bottom, as the visual rows each holds.
    static func bands(_ rows: [Row], columns: [Column]) -> [[Row]] {
        guard !rows.isEmpty else { return [] }
        let leading = cellLeading(rows, columns: columns)
        var bands: [[Row]] = []
        var current: [Row] = []
        var bottom = -Double.infinity
        for row in rows {
            if !current.isEmpty, row.y0 - bottom > leading + 0.35 * row.size {
                bands.append(current)
                current = []
                bottom = -Double.infinity
            }
            current.append(row)
            bottom = max(bottom, row.y1)
        }
        bands.append(current)
        let spaced = bands.count > 1
        let key = keyColumn(bands, columns: columns)
        let most = rows.map(\.fragments.count).max() ?? 0
        let pitch = linePitch(rows, columns: columns)
        return bands.flatMap { band -> [[Row]] in
            if let key, let split = splitByKey(band, key: key, columns: columns, leading: leading) { return split }
            return splitByFirstColumn(band, columns: columns, spaced: spaced).flatMap { splitByFullRows($0, most: most) }
                .flatMap { part in splitBesideMergedKey(part, key: key ?? 0, columns: columns, pitch: pitch) ?? [part] }
        }
    }

    /// Rows not spaced apart start where the first column starts a text; a first column that
    /// starts once in a band is a cell centred on its row, or one wrapped cell.
    static func splitByFirstColumn(_ band: [Row], columns: [Column], spaced: Bool) -> [[Row]] {
        let starts = band.indices.filter { k in
            guard let f = band[k].fragments.first(where: { column(of: $0, in: columns) == 0 }) else { return false }
            let first = f.words.first?.cleanText.first
            return !(first?.isLowercase ?? false)
        }
        guard starts.count >= 3 || (starts.count == 2 && (!spaced || band.count == 2)) else { return [band] }
        var split: [[Row]] = []
        if let first = starts.first, first > 0 { split.append(Array(band[..<first])) }
        for (n, s) in starts.enumerated() {
            let e = n + 1 < starts.count ? starts[n + 1] : band.count
            split.append(Array(band[s..<e]))
        }
        return split
    }

    /// Two lines of figures that each fill the table's columns are two rows (a subtotal under
    /// a row, with no first cell), never one row's wrapped cells: figures do not wrap.
    static func splitByFullRows(_ band: [Row], most: Int) -> [[Row]] {
        func isFigures(_ row: Row) -> Bool {
            guard Double(row.fragments.count) >= max(3, 0.6 * Double(most)) else { return false }
            let figures = row.fragments.filter { f in
                f.text.contains(where: \.isNumber) && !f.text.contains(where: \.isLowercase)
            }
            return figures.count * 2 >= row.fragments.count
        }
        var split: [[Row]] = []
        var current: [Row] = []
        for row in band {
            if isFigures(row), current.contains(where: isFigures) {
                split.append(current)
                current = []
            }
            current.append(row)
        }
        if !current.isEmpty { split.append(current) }
        return split
    }

    // MARK: - Rows whose cells touch

    /// A column with one line in each row, its rows never wrapped (`Ejercicio`: `2025`), whose
    /// lines stand apart by more than a cell's line: where the rows of a table whose cells
    /// touch are. `nil` when no column is like that.
    static func keyColumn(_ bands: [[Row]], columns: [Column]) -> Int? {
        var best: (column: Int, count: Int)?
        for c in columns.indices {
            var count = 0
            var ok = true
            for band in bands {
                let lines = band.compactMap { row in row.fragments.first { column(of: $0, in: columns) == c } }
                for (a, b) in zip(lines, lines.dropFirst()) where b.y0 - a.y1 < 1.5 * max(a.size, b.size) {
                    ok = false
                }
                count += lines.count
            }
            if ok, count >= 3, count > (best?.count ?? 0) { best = (c, count) }
        }
        return best?.column
    }

    /// A band holding several rows whose cells touch, cut at the key column's lines: each of
    /// the other columns' cells (its lines that follow each other) is shared among the rows it
    /// spans so that each part stands where its row's key line stands, centred on it or at
    /// its top, as the table sets its cells.
    static func splitByKey(_ band: [Row], key: Int, columns: [Column], leading: Double) -> [[Row]]? {
        let keys = band.compactMap { row in row.fragments.first { column(of: $0, in: columns) == key } }
        guard keys.count >= 2 else { return nil }
        // Each column's cells: its lines, in runs that follow each other.
        var cells: [[Fragment]] = []
        for c in columns.indices where c != key {
            var run: [Fragment] = []
            for row in band {
                for f in row.fragments where column(of: f, in: columns) == c {
                    if let last = run.last, f.y0 - last.y1 > leading + 0.35 * f.size {
                        cells.append(run)
                        run = []
                    }
                    run.append(f)
                }
            }
            if !run.isEmpty { cells.append(run) }
        }
        // Centred or top-aligned: how the cells that hold one key line stand against it.
        var centred = 0.0, top = 0.0
        for cell in cells {
            let (y0, y1) = (cell.map(\.y0).min()!, cell.map(\.y1).max()!)
            let inside = keys.filter { ($0.y0 + $0.y1) / 2 > y0 && ($0.y0 + $0.y1) / 2 < y1 }
            guard inside.count == 1, let k = inside.first else { continue }
            centred += abs((y0 + y1) / 2 - (k.y0 + k.y1) / 2)
            top += abs(y0 - k.y0)
        }
        let byTop = top < centred
        func place(_ lines: ArraySlice<Fragment>) -> Double {
            byTop ? lines.first!.y0 : (lines.map(\.y0).min()! + lines.map(\.y1).max()!) / 2
        }
        let targets = keys.map { byTop ? $0.y0 : ($0.y0 + $0.y1) / 2 }
        let centres = keys.map { ($0.y0 + $0.y1) / 2 }
        var rows = keys.map { [$0] }
        // Cells set at the top of their rows: text above the first key line belongs to a row
        // before it (the end of a row cut by the page break, a header).
        var above: [Fragment] = []
        for cell in cells {
            var cell = cell
            if byTop {
                let limit = keys[0].y0 - 0.3 * keys[0].size
                above += cell.filter { ($0.y0 + $0.y1) / 2 < limit }
                cell.removeAll { ($0.y0 + $0.y1) / 2 < limit }
                if cell.isEmpty { continue }
            }
            for (k, part) in share(cell, among: targets, keyCentres: centres, place: place) { rows[k] += part }
        }
        let pitch = linePitch(band, columns: columns)
        let parted = rows.flatMap { fragments in
            rowsBesideMergedKey(fragments, key: key, columns: columns, pitch: pitch) ?? [fragments]
        }
        return (above.isEmpty ? [] : [Rows.rows(of: above)]) + parted.map { fragments in Rows.rows(of: fragments) }
    }

    /// A band with one key line, beside several rows (see `rowsBesideMergedKey`).
    static func splitBesideMergedKey(_ band: [Row], key: Int, columns: [Column], pitch: Double) -> [[Row]]? {
        let fragments = band.flatMap(\.fragments)
        let keys = fragments.filter { column(of: $0, in: columns) == key }
        guard keys.count == 1, let keyLine = keys.first else { return nil }
        let others = fragments.filter { column(of: $0, in: columns) != key }
        return rowsBesideMergedKey([keyLine] + others, key: key, columns: columns, pitch: pitch)?.map { Rows.rows(of: $0) }
    }

    /// One key's row whose other columns hold several cells each, one under the other and in
    /// step: a merged key cell beside several rows (`Eje 3 / Proyecto B` beside four actions,
    /// each with its evidence and its quantity). Each of those rows is a row of its own, with
    /// the key's words, as a person reads a merged cell. It takes two columns or more cut into
    /// the same number of cells at the same heights, a cell ending where a column's next line
    /// stands further down than the table's line pitch, and one of them with a figure in each
    /// cell; a column whose lines run on without such a gap (evidence listed line after line)
    /// is shared by those heights. `nil` for any other row.
    static func rowsBesideMergedKey(_ fragments: [Fragment], key: Int, columns: [Column], pitch: Double) -> [[Fragment]]? {
        guard let keyLine = fragments.first, column(of: keyLine, in: columns) == key else { return nil }
        var lines: [Int: [Fragment]] = [:]
        for f in fragments.dropFirst() { lines[column(of: f, in: columns), default: []].append(f) }
        var cells: [Int: [[Fragment]]] = [:]
        for (c, column) in lines where c != key {
            var runs: [[Fragment]] = []
            for f in column.sorted(by: { $0.y0 < $1.y0 }) {
                if let last = runs.last?.last, f.y0 - last.y0 <= pitch + 0.35 * max(f.size, last.size) {
                    runs[runs.count - 1].append(f)
                } else {
                    runs.append([f])
                }
            }
            cells[c] = runs
        }
        guard let k = cells.values.map(\.count).max(), k >= 2 else { return nil }
        let cut = cells.values.filter { $0.count == k }
        // Rows of their own have figures of their own: one cut column holds a figure in each
        // of its cells (a quantity, a target), which a header's lines or a cell's paragraphs do not.
        guard cut.count >= 2,
              cut.contains(where: { runs in runs.allSatisfy { run in run.contains { $0.text.contains(where: \.isNumber) } } })
        else { return nil }
        func extent(_ run: [Fragment]) -> (y0: Double, y1: Double) { (run.map(\.y0).min()!, run.map(\.y1).max()!) }
        // In step: each cell faces the same row's cell in every other cut column, and no other.
        for i in 0..<k {
            for a in cut {
                for b in cut {
                    let (p, q) = (extent(a[i]), extent(b[i]))
                    if min(p.y1, q.y1) - max(p.y0, q.y0) <= 0 { return nil }
                    if i + 1 < k, extent(b[i + 1]).y0 < (p.y0 + p.y1) / 2 { return nil }
                }
            }
        }
        // Where one row ends and the next begins: halfway between the cut cells.
        let bounds = (0..<(k - 1)).map { i in
            (cut.map { extent($0[i]).y1 }.max()! + cut.map { extent($0[i + 1]).y0 }.min()!) / 2
        }
        var parts = [[Fragment]](repeating: [keyLine], count: k)
        for f in fragments.dropFirst() {
            let centre = (f.y0 + f.y1) / 2
            parts[bounds.firstIndex { centre < $0 } ?? k - 1].append(f)
        }
        return parts
    }

    /// The usual step down from one line of a cell to the next: the smaller quartile of the
    /// steps between lines that follow each other in a column (a line's box may be taller than
    /// the step, so steps, not gaps, tell a cell's lines from the next cell's).
    static func linePitch(_ rows: [Row], columns: [Column]) -> Double {
        let steps = successiveLines(rows, columns: columns).compactMap { p, f -> Double? in
            let step = f.y0 - p.y0
            return step > 0.5 * f.size && step < 2 * f.size ? step : nil
        }
        guard !steps.isEmpty else { return 1.2 * (rows.first?.size ?? 10) }
        return steps.sorted()[steps.count / 4]
    }

    /// The lines of a cell in runs, each given to one of the rows (in order) so that the runs
    /// stand as near as they can to their rows' places; a run more costs half a line, and no
    /// run reaches the key line of the row before or after its own.
    static func share(_ lines: [Fragment], among targets: [Double], keyCentres: [Double],
                      place: (ArraySlice<Fragment>) -> Double) -> [(Int, [Fragment])] {
        let n = lines.count, m = targets.count
        let penalty = 0.5 * (lines.map(\.size).max() ?? 10)
        // cost[j][k]: lines before j shared among rows before k.
        var cost = Array(repeating: Array(repeating: Double.infinity, count: m + 1), count: n + 1)
        var from = Array(repeating: Array(repeating: (j: -1, k: -1, used: false), count: m + 1), count: n + 1)
        for k in 0...m { cost[0][k] = 0 }
        for j in 0...n {
            for k in 0..<m where cost[j][k] < .infinity {
                // Row k takes nothing.
                if cost[j][k] < cost[j][k + 1] { cost[j][k + 1] = cost[j][k]; from[j][k + 1] = (j, k, false) }
                // Row k takes lines j..<e.
                if j < n {
                    for e in (j + 1)...n {
                        // A row ends before the next row's key line and starts after the last one's.
                        let centres = lines[j..<e].map { ($0.y0 + $0.y1) / 2 }
                        if k + 1 < m, centres.contains(where: { $0 >= keyCentres[k + 1] }) { break }
                        if k > 0, centres.contains(where: { $0 <= keyCentres[k - 1] }) { continue }
                        let c = cost[j][k] + abs(place(lines[j..<e]) - targets[k]) + (j > 0 ? penalty : 0)
                        if c < cost[e][k + 1] { cost[e][k + 1] = c; from[e][k + 1] = (j, k, true) }
                    }
                }
            }
        }
        // Never reached (every line can go to the row whose key lines it stands between), but
        // no word is ever dropped: then the whole cell goes to the row it stands nearest.
        guard cost[n][m] < .infinity else {
            let centre = place(lines[...])
            return [(targets.indices.min { abs(targets[$0] - centre) < abs(targets[$1] - centre) } ?? 0, lines)]
        }
        var parts: [(Int, [Fragment])] = []
        var (j, k) = (n, m)
        while j > 0, k > 0 {
            let step = from[j][k]
            if step.used { parts.append((step.k, Array(lines[step.j..<j]))) }
            (j, k) = (step.j, step.k)
        }
        return parts.reversed()
    }

    /// The columns a fragment spans: those it covers half of, or more.
    static func covered(by f: Fragment, in columns: [Column]) -> [Int] {
        columns.indices.filter { c in
            let overlap = min(columns[c].hi, f.x1) - max(columns[c].lo, f.x0)
            return overlap > 0.5 && overlap >= 0.5 * min(columns[c].hi - columns[c].lo, f.x1 - f.x0)
        }
    }

    /// A header of two levels: labels spanning several columns (`METAS` over `Programada`,
    /// `Modificada`, `Alcanzada`) above the labels of each column. The spanning labels make a
    /// row of their own, each in the first column it spans; the rest of the band is the header.
    static func groupLabels(_ band: [Row], columns: [Column]) -> (labels: [Fragment], rest: [Row])? {
        let fragments = band.flatMap(\.fragments)
        let labels = fragments.filter { f in
            let spanned = covered(by: f, in: columns)
            guard spanned.count >= 2 else { return false }
            // Text of the columns it spans stands below it.
            return fragments.contains { g in
                g.y0 >= f.y1 - 1 && covered(by: g, in: columns).count < 2 && spanned.contains(column(of: g, in: columns))
            }
        }
        guard !labels.isEmpty else { return nil }
        let rest = band.compactMap { row in
            row.filter { f in !labels.contains { $0.x0 == f.x0 && $0.y0 == f.y0 && $0.words.count == f.words.count } }
        }
        return (labels, rest)
    }

    /// The space between two lines of one cell: the smallest usual space between lines
    /// that follow each other in a column.
    static func cellLeading(_ rows: [Row], columns: [Column]) -> Double {
        let gaps = successiveLines(rows, columns: columns).compactMap { p, f -> Double? in
            let gap = f.y0 - p.y1
            return gap > -0.5 * f.size && gap < 1.2 * f.size ? gap : nil
        }
        guard !gaps.isEmpty else { return 0.3 * (rows.first?.size ?? 10) }
        let sorted = gaps.sorted()
        return max(0, sorted[sorted.count / 4])
    }

    /// Each line of a column with the line of that column just above it, top to bottom.
    static func successiveLines(_ rows: [Row], columns: [Column]) -> [(above: Fragment, line: Fragment)] {
        var pairs: [(above: Fragment, line: Fragment)] = []
        var lastInColumn: [Int: Fragment] = [:]
        for row in rows {
            for f in row.fragments {
                let c = column(of: f, in: columns)
                if let p = lastInColumn[c] { pairs.append((p, f)) }
                lastInColumn[c] = f
            }
        }
        return pairs
    }
}

extension PageReader {
    func tableBlocks(_ rows: [Row]) -> [Block] {
        var blocks: [Block] = []
        var rows = rows
        var columns = TableLayout.columns(rows.filter { $0.fragments.count >= 2 })
        // A title over the table (one fragment across most of its columns) is no row, nor is a
        // caption set apart (larger than the text, or starting left of the table), nor a
        // `Label: value` line above it (`PERIODO: Ene-Jun 2018`). A label over some of the
        // columns (`METAS` over three) is the header's.
        while let first = rows.first, first.fragments.count == 1, let firstColumn = columns.first,
              columns.filter({ first.fragments[0].overlaps($0.lo, $0.hi) }).count * 2 > columns.count || isLarge(first)
                || first.x0 < firstColumn.lo - 1 || TextExtractor.fieldSplit(first.text) != nil {
            blocks += runningText([first])
            rows.removeFirst()
        }
        guard !columns.isEmpty else { return blocks + runningText(rows) }
        columns = TableLayout.widened(columns, by: rows)
        let bands = TableLayout.bands(rows, columns: columns)
        // The header: the bands above the first one that fills most columns with figures among them.
        let firstData = bands.firstIndex { band in
            band.contains { row in
                Double(row.fragments.count) >= 0.6 * Double(columns.count) && row.fragments.contains { $0.text.contains(where: \.isNumber) }
            }
        } ?? bands.count
        for (n, band) in bands.enumerated() {
            if n < firstData, let header = TableLayout.groupLabels(band, columns: columns) {
                let labels = Rows.rows(of: header.labels)
                blocks += tableRow(labels, columns: columns)
                blocks += tableRow(header.rest, columns: columns)
            } else {
                blocks += tableRow(band, columns: columns)
            }
        }
        return blocks
    }

    /// One table row of the visual rows of a band.
    private func tableRow(_ band: [Row], columns: [TableLayout.Column]) -> [Block] {
        var cells = Array(repeating: SpannedTextBuilder(page: page), count: columns.count)
        for row in band {
            var parts: [Int: Row] = [:]
            for f in row.fragments {
                parts[TableLayout.column(of: f, in: columns), default: Row(fragments: [])].fragments.append(f)
            }
            for (c, part) in parts.sorted(by: { $0.key < $1.key }) {
                appendRow(part, to: &cells[c])
            }
        }
        let texts = cells.map { $0.spanned.trimmed() }
        guard texts.contains(where: { !$0.isEmpty }) else { return [] }
        let joined = SpannedText.joined(texts, separator: " | ")
        return [Block(kind: .tableRow, text: joined, cells: texts, links: Self.links(in: joined.text))]
    }
}
