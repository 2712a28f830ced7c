import Foundation
import AvanceCore

/// A table with one indicator per row (the "avance de indicadores" shape).
struct IndicatorTable {
    var columns: [FieldKind?]
    /// Block indices of the data rows, in order.
    var rows: [Int]

    /// Kinds a header must show to be an indicator table: targets, or the indicator itself.
    static let targetKinds: Set<FieldKind> = [
        .annualTarget, .periodTarget, .cumulativePeriodTarget, .achieved, .percent, .modifiedTarget, .percentModified,
    ]

    /// The header's cells as printed, by column (for messages, and for ratio columns that
    /// name what they divide: `Dev. / Aprob.`).
    var headers: [String] = []
    /// Block indices of the rows that sum the rows above them: `TOTALES`, `Total del Gasto`
    /// (`totalRows`), and a group's subtotal (`subtotalRows`, `ZONA I TUXTLA ...`).
    var totalRows: [Int] = []
    var subtotalRows: [Int] = []

    /// The block of the header row.
    var headerBlock: Int?
    /// Where the table goes on, on the next page, with its other columns: the block of each
    /// row's continuation, in order (see `joiningContinuations`), and how many cells the rows
    /// of the first part take.
    var continuation: [Int]?
    var leftWidth = 0

    /// Words of a subject column's header that say its rows are units, places or offices
    /// (`UNIDAD DE CAPACITACIÓN / ESPECIALIDAD`, `Plantel`, `Zona`, `Municipio`): who or where
    /// the figures were achieved, not what they count.
    static let unitWords: Set<String> = [
        "unidad", "unidades", "plantel", "planteles", "zona", "zonas", "region", "regiones", "municipio", "municipios",
        "delegacion", "delegaciones", "oficina", "oficinas", "sede", "sedes", "coordinacion", "direccion", "area",
        "areas", "escuela", "escuelas", "centro", "centros", "dependencia", "dependencias", "jurisdiccion",
        "campus", "modulo", "modulos", "sucursal", "localidad", "localidades",
    ]

    /// Whether the subject column (`nameColumn`) names units, places or offices.
    var subjectIsUnit: Bool {
        guard let c = nameColumn else { return false }
        return !Set(Labels.normalize(headers[safe: c] ?? "").split(separator: " ").map(String.init)).isDisjoint(with: Self.unitWords)
    }

    /// What the targets count, where a target column's header says it in parentheses
    /// (`ANUAL (CURSOS) TOTAL ANUAL PROGRAMADO`, `Meta anual (viviendas)`): the words, as printed.
    func measure(_ blocks: [Block]) -> SpannedText? {
        guard let h = headerBlock else { return nil }
        let counted: Set<FieldKind> = [.annualTarget, .periodTarget, .cumulativePeriodTarget, .achieved, .modifiedTarget]
        for (c, kind) in columns.enumerated() where kind.map(counted.contains) ?? false {
            guard let cell = blocks[h].cells[safe: c], let open = cell.text.firstIndex(of: "("),
                  let close = cell.text[open...].firstIndex(of: ")") else { continue }
            let inside = cell.slice(cell.text.index(after: open)..<close).trimmed()
            let words = Labels.normalize(inside.text).split(separator: " ")
            guard (1...3).contains(words.count), inside.text.allSatisfy({ $0.isLetter || $0 == " " }),
                  words.allSatisfy({ $0.count >= 3 }), Set(words).isDisjoint(with: ["pesos", "mdp", "miles", "millones"])
            else { continue }
            return inside
        }
        return nil
    }

    /// Where a table with no indicator column names each row's subject (a work program's
    /// `UNIDAD DE CAPACITACIÓN / ESPECIALIDAD`, a zone, a unit): set by `find`.
    var nameColumn: Int?

    /// A work program's `Proyecto` column beside another that names each row (the action or
    /// indicator the project's row counts): the project is the row's component. Not the column
    /// that names the row itself (a table of projects).
    var projectColumn: Int? {
        guard let p = headers.firstIndex(where: { Labels.normalize($0) == "proyecto" }), p != nameColumn,
              columns.contains(.indicator) || columns.contains(.actionTitle) || nameColumn != nil
        else { return nil }
        return p
    }

    var hasIndicatorColumn: Bool {
        columns.contains(.indicator) || nameColumn != nil
            || (columns.contains(.actionTitle) && columns.contains { $0.map(Self.targetKinds.contains) ?? false })
    }

    /// A table of targets with no indicator or action column (a work program's progress by
    /// unit): its rows are measured subjects when two kinds of target head its columns, and one
    /// column the header does not name holds words (not figures) in most of its rows. That
    /// column names each row's subject.
    mutating func findNameColumn(_ blocks: [Block]) {
        guard !columns.contains(.indicator), !columns.contains(.actionTitle),
              Set(columns.compactMap { $0 }).intersection(Self.targetKinds).count >= 2, !rows.isEmpty
        else { return }
        nameColumn = columns.indices.first { c in
            columns[c] == nil && rows.filter { r in
                let text = blocks[r].cells[safe: c]?.text ?? ""
                return text.contains(where: \.isLetter) && !Self.isFigure(text)
            }.count * 10 >= rows.count * 6
        }
    }

    /// Rows that group or sum the rows above them: where most rows carry a code or position
    /// (`Posición`, `Clave`), a row without one that still prints figures (`ZONA I TUXTLA ...`).
    mutating func dropGroupRows(_ blocks: [Block]) {
        guard let code = columns.firstIndex(of: .code) else { return }
        func filled(_ r: Int) -> Bool { !(blocks[r].cells[safe: code]?.text.trimmingSpace(lineBreaks: false).isEmpty ?? true) }
        guard rows.filter(filled).count * 10 >= rows.count * 6 else { return }
        let groups = rows.filter { r in !filled(r) && blocks[r].cells.filter { Self.isFigure($0.text) }.count >= 2 }
        subtotalRows += groups
        rows.removeAll(where: Set(groups).contains)
    }

    /// Finds indicator tables: a header row naming target or indicator columns, then its data
    /// rows (a repeated header, as PDFs print on every page, is skipped).
    /// `keepingEmpty`: also the tables whose header has no row below it (an empty template).
    static func find(in blocks: [Block], keepingEmpty: Bool = false) -> [IndicatorTable] {
        var tables: [IndicatorTable] = []
        var current: IndicatorTable?
        // Text laid out between a PDF table's rows (a footnote set inside the table's area, a
        // page's running text) interrupts the table only if the rows after it are no more of it.
        var interrupted = false
        var afterNoIndicator = false
        for (i, block) in blocks.enumerated() {
            guard block.kind == .tableRow else {
                if current != nil, block.text.span.page != nil, block.kind == .paragraph || block.kind == .heading {
                    interrupted = true
                    continue
                }
                if let c = current { tables.append(c) }
                current = nil
                continue
            }
            // A row that says it has no indicator (`Sin Indicador(es) de Actividad`) is no
            // more of a table than a footnote: it neither continues nor ends one.
            // Nor are the lines of its cells the layout set on rows of their own (no figure in them).
            if current != nil, block.cells.contains(where: { Parser.saysNoIndicator($0.text) }) {
                afterNoIndicator = true
                continue
            }
            if afterNoIndicator, !block.cells.contains(where: { Self.isFigure($0.text) }) { continue }
            afterNoIndicator = false
            if interrupted, let c = current {
                interrupted = false
                // More of the table: as many cells as its columns, give or take one, or its
                // figures standing under the table's columns.
                if abs(block.cells.count - c.columns.count) > 1, c.placement(block.cells, blocks) == nil {
                    tables.append(c)
                    current = nil
                }
            }
            // Figures make a data row, whatever its labels say ("Componente" is a level's value):
            // only a row without them is read as a possible header.
            if block.cells.filter({ Self.isFigure($0.text) }).count < 2 {
                // Group headings in the rows just above (`METAS`, `Porcentaje de Cumplimiento`)
                // complete a column's label.
                let groups = (i >= 1 ? Self.groupLabels(blocks[..<i], columns: block.cells.count) : [])
                let header = block.cells.enumerated().map { k, cell in Self.headerCell(cell, group: groups[safe: k] ?? nil) }
                let kinds = header.map(\.kind)
                let known = kinds.compactMap { $0 }
                // A column of a part of the year (`III TRIMESTRE`) is a labelled column too.
                let parts = zip(kinds, block.cells).filter { $0.0 == nil && Self.partOfYear($0.1.text.singleLine) != nil }.count
                if known.count >= 2 && (known.count + parts) * 2 >= kinds.count
                    && (known.contains(where: targetKinds.contains) || known.contains(.indicator)) {
                    if let c = current, c.columns == kinds { continue }
                    if let c = current { tables.append(c) }
                    current = IndicatorTable(columns: kinds, rows: [])
                    current!.headers = block.cells.map(\.text.singleLine)
                    current!.headerBlock = i
                    // A PDF may run the header into the first row: the cells' remaining lines are data.
                    if header.contains(where: { $0.rest != nil }) { current!.firstRow = (i, header.map { $0.rest }) }
                    continue
                }
            }
            // A group's heading (`Programa Presupuestario: | 153 | Planeación`) heads the rows
            // below it (see `Parser.inGroup`); it is no indicator.
            if Parser.groupHeading(block) != nil { continue }
            if current != nil, block.cells.contains(where: { !$0.text.isEmpty }) {
                if Self.isTotalRow(block.cells, indicatorColumn: current!.columns.firstIndex(of: .indicator)) {
                    current!.totalRows.append(i)
                } else {
                    current!.rows.append(i)
                }
            }
        }
        if let c = current { tables.append(c) }
        tables = joiningContinuations(tables, blocks)
        for k in tables.indices {
            tables[k].aligningColumnsByContent(blocks)
            tables[k].dropGroupRows(blocks)
            tables[k].findNameColumn(blocks)
            tables[k].findPartColumns()
        }
        return keepingEmpty ? tables : tables.filter { !$0.rows.isEmpty || $0.firstRow != nil }
    }

    /// A row of sums under the indicators: its first filled cell (the key cell, or one label
    /// set across the key columns) says only `Total`, `Totales`, `Subtotal`, `Total general`;
    /// or it starts with such a word (`Total del Gasto`) where the row names no indicator
    /// (an indicator may well be called `Total de alumnos atendidos`). It makes no record.
    static func isTotalRow(_ cells: [SpannedText], indicatorColumn: Int? = nil) -> Bool {
        guard let k = cells.firstIndex(where: { $0.text.contains(where: { !$0.isWhitespace }) }) else { return false }
        let words = Folding.fold(cells[k].text)
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
        let key = words.joined(separator: " ")
        if ["total", "totales", "subtotal", "subtotales", "sub total", "sub totales", "total general", "gran total"].contains(key) {
            return true
        }
        guard let first = words.first, ["total", "totales", "subtotal", "subtotales"].contains(first) || key.hasPrefix("gran total"),
              let indicatorColumn
        else { return false }
        if k != indicatorColumn { return cells[safe: indicatorColumn]?.text.allSatisfy(\.isWhitespace) ?? true }
        // In the indicator's own column: a sum row leaves the key cells before it blank and
        // names nothing else.
        return k > 0 && cells.indices.allSatisfy { c in
            c == k || cells[c].text.allSatisfy(\.isWhitespace) || isFigure(cells[c].text)
        }
    }


    /// Columns headed by a part of the year and nothing else (`I TRIMESTRE`, `AVANCE I
    /// SEMESTRE`, `ENE-JUN`): what each row achieved in that part (set by `find`).
    var partColumns: [(column: Int, quarter: Int, cumulative: Bool)] = []
    /// The columns were matched to their headers by content (`aligningColumnsByContent`), so
    /// a row's cells no longer stand at their header cell's index.
    var realigned = false

    mutating func findPartColumns() {
        partColumns = columns.indices.compactMap { c in
            guard columns[c] == nil || columns[c] == .other, let header = headers[safe: c],
                  let part = Self.partOfYear(header) else { return nil }
            return (c, part.quarter, part.cumulative)
        }
    }

    /// The part of the year a header names, as the last quarter it covers: `III TRIMESTRE`
    /// (3), `AVANCE I SEMESTRE` and `ENE-JUN` (2, from January); a word for what was
    /// achieved may come first.
    static func partOfYear(_ header: String) -> (quarter: Int, cumulative: Bool)? {
        let words = header.split(whereSeparator: \.isWhitespace)
        let rest = words.drop { ["avance", "realizado", "alcanzado", "logro", "logrado"].contains(Folding.fold(String($0))) }
        let text = rest.joined(separator: " ")
        guard !text.isEmpty, namesPartOfYear(text) else { return nil }
        let folded = Folding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        if folded.contains("semestre") || folded.contains("sem") {
            // Only the first half is a part that ends a quarter counted from January.
            let first = folded.first { Ordinals.words[$0] != nil || Ordinals.roman[$0] != nil || $0.first?.isNumber == true }
            let n = first.flatMap { Ordinals.words[$0] ?? Ordinals.roman[$0] ?? Int($0.prefix { $0.isNumber }) }
            return n == 1 ? (2, true) : nil
        }
        guard let m = QuarterRecognizer().matches(in: TokenizedText(SpannedText(text: text, anchors: []))).first else { return nil }
        return (m.quarter, m.cumulative)
    }

    /// The data a header row carried after its labels, by column (see `find`).
    var firstRow: (block: Int, cells: [SpannedText?])?

    /// A header cell: its kind, and what follows the label when a PDF ran the first data row
    /// into the header ("Nivel\nFin", "B)\nClave\nIndicador\n01").
    static func headerCell(_ cell: SpannedText, group: String? = nil) -> (kind: FieldKind?, rest: SpannedText?) {
        if let kind = Labels.columnKind(of: cell.text, group: group) { return (kind, nil) }
        let text = cell.text
        var lineEnds = text.indices.filter { text[$0] == "\n" }
        guard !lineEnds.isEmpty else { return (nil, nil) }
        lineEnds.append(text.endIndex)
        // The longest run of first lines that reads as a label; a list letter ("B)") before it is dropped.
        for end in lineEnds.reversed() where end != text.endIndex {
            var label = String(text[..<end])
            if let paren = label.firstIndex(of: ")"), label.distance(from: label.startIndex, to: paren) <= 2 {
                label = String(label[label.index(after: paren)...])
            }
            if let kind = Labels.kind(of: label) {
                let rest = cell.slice(text.index(after: end)..<text.endIndex).trimmed()
                // `PROGRAMADO` / `I TRIM.`, `AVANCE` / `I SEMESTRE`: the lines name the part of the
                // year the column covers, not a first row's value.
                if Self.namesPartOfYear(rest.text) { return (nil, nil) }
                return (kind, rest)
            }
        }
        return (nil, nil)
    }

    /// Words that only name a part of the year: a quarter or half-year (`I TRIM.`, `2do.
    /// trimestre`, `I SEMESTRE`), months (`ENE-JUN`), a year.
    static func namesPartOfYear(_ text: String) -> Bool {
        let words = Folding.fold(text).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        guard words.contains(where: { ["trim", "trimestre", "sem", "semestre"].contains($0) || Months.month($0) != nil })
        else { return false }
        return words.allSatisfy { w in
            ["trim", "trimestre", "sem", "semestre", "al", "de", "del", "a"].contains(w) || Months.month(w) != nil
                || Ordinals.words[w] != nil || Ordinals.roman[w] != nil
                || (w.first?.isNumber == true && (w.count == 4 || Ordinals.suffixes.contains(String(w.drop(while: \.isNumber)))
                    || w.count == 1))
        }
    }

    /// A cell that holds a figure and nothing else: `1,200`, `16.3`, `91%`, `-21`, `$ 5,000.00`.
    static func isFigure(_ text: String) -> Bool {
        let t = text.trimmingSpace()
        guard t.contains(where: \.isNumber) else { return false }
        return t.allSatisfy { $0.isNumber || ",.%$- ".contains($0) }
    }

    /// For each column, the group heading printed over it in the one or two table rows just
    /// above (a merged cell read into each of its columns, or a heading in that very column),
    /// the nearest first; `nil` where there is none.
    static func groupLabels(_ above: ArraySlice<Block>, columns: Int) -> [String?] {
        var labels = [String?](repeating: nil, count: columns)
        for block in above.suffix(2).reversed() {
            guard block.kind == .tableRow else { break }
            for (k, cell) in block.cells.enumerated() where k < columns && labels[k] == nil {
                let text = cell.text.trimmingSpace()
                if !text.isEmpty { labels[k] = text }
            }
        }
        return labels
    }

    /// The cells of each data row, in order (the one a header carried first).
    ///
    /// `raw`: each row's cells as the layout gave them, before a short or shifted row is placed
    /// under its headers (what the table's own alignment reads).
    func dataRows(_ blocks: [Block], raw: Bool = false) -> [(block: Int, cells: [SpannedText])] {
        var rows: [(Int, [SpannedText])] = []
        if let first = firstRow {
            rows.append((first.block, first.cells.map { $0 ?? SpannedText(text: "", anchors: []) }))
        }
        if let continuation, continuation.count == self.rows.count {
            let pad = SpannedText(text: "", anchors: [])
            rows += zip(self.rows, continuation).map { r, c in
                let left = blocks[r].cells
                return (r, left + [SpannedText](repeating: pad, count: max(0, leftWidth - left.count)) + blocks[c].cells)
            }
        } else {
            if raw {
                rows += self.rows.map { ($0, blocks[$0].cells) }
            } else {
                let words = headers.map(Self.headerWords)
                rows += self.rows.map { r in (r, placement(blocks[r].cells, blocks) ?? rowAligned(blocks[r].cells, headerWords: words)) }
            }
        }
        return rows
    }

    /// A PDF row with fewer cells than the header (an empty cell its layout did not print, in
    /// the middle of the row): its last figures and placeholders go under the headers they
    /// stand below, by their boxes, and the cells before them from the left. Any other row,
    /// or one whose figures stand under no header, is read straight.
    func placed(_ cells: [SpannedText], _ blocks: [Block]) -> [SpannedText] {
        placement(cells, blocks) ?? cells
    }

    /// The cells of a short row placed under their headers (see `placed`), if its last figures
    /// stand under the header's columns.
    func placement(_ cells: [SpannedText], _ blocks: [Block]) -> [SpannedText]? {
        guard !realigned, let h = headerBlock, cells.count < columns.count else { return nil }
        let header = blocks[h].cells
        guard header.count == columns.count else { return nil }
        /// The horizontal extent of a cell's text, where the layout gave it one.
        func extent(_ cell: SpannedText) -> ClosedRange<Double>? {
            guard !cell.text.allSatisfy(\.isWhitespace), let box = cell.trimmed().span.box else { return nil }
            return box.x...(box.x + box.width)
        }
        var out = [SpannedText](repeating: SpannedText(text: "", anchors: []), count: columns.count)
        var free = columns.count
        var r = cells.count
        while r > 0 {
            let text = cells[r - 1].text.trimmingSpace()
            guard !text.isEmpty, Self.isFigure(text) || Parser.stated(text) == nil, let x = extent(cells[r - 1]) else { break }
            let centre = (x.lowerBound + x.upperBound) / 2
            guard let k = (0..<free).last(where: { c in
                extent(header[c]).map { $0.lowerBound - 2 <= centre && centre <= $0.upperBound + 2 } ?? false
            }) else { break }
            out[k] = cells[r - 1]
            free = k
            r -= 1
        }
        guard r < cells.count, r <= free else { return nil }
        for i in 0..<r { out[i] = cells[i] }
        return out
    }

    /// The header printed over the column of a kind.
    func header(of kind: FieldKind) -> String? {
        columns.firstIndex(of: kind).flatMap { headers[safe: $0] }
    }

    /// The cell of a row under the column of a kind.
    func cell(_ kind: FieldKind, in cells: [SpannedText]) -> SpannedText? {
        guard let c = columns.firstIndex(of: kind), let cell = cells[safe: c] else { return nil }
        let trimmed = cell.trimmed()
        return trimmed.text.isEmpty ? nil : trimmed
    }
}
