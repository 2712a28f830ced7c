import AvanceCore

/// Formats of the transparency portal whose main rows leave some of their values to another
/// sheet: the main row holds a placeholder naming that sheet (`Tabla_221898`), and the sheet's
/// rows carry the values under an `Id` column that names the main row they belong to (the main
/// row's id: its unlabelled first column, or an `Id` column). Where the header names the sheet
/// (`Indicadores Tabla_221898`), the main row's cell is the id itself.
///
/// Each linked row is read joined to its main row, as one row: the main row's cells (the
/// placeholder's column left out) followed by the linked row's (its `Id` left out), each cell
/// cited where it stands, in its own sheet; the header likewise. A main row with several linked
/// rows gives a row for each; a main row with none stays as it is. The linked sheet's own rows
/// are no table of their own once joined.
enum LinkedSheets {
    /// `blocks` with every linked sheet joined into the rows that name it; the blocks unchanged
    /// where no row names a sheet of the workbook.
    static func joined(_ blocks: [Block]) -> [Block] {
        // Sheets by their blocks: a sheet's heading block, then its rows.
        var sheets: [(name: String, range: Range<Int>)] = []
        for (i, block) in blocks.enumerated() where block.kind == .heading && block.sheet != nil {
            if let last = sheets.indices.last { sheets[last].range = sheets[last].range.lowerBound..<i }
            sheets.append((block.sheet!.name, i..<blocks.count))
        }
        guard sheets.count >= 2 else { return blocks }
        let byKey = Dictionary(sheets.map { (key($0.name), $0.range) }, uniquingKeysWith: { first, _ in first })

        var consumed = Set<Range<Int>>()
        var replaced: [Int: [Block]] = [:]
        for sheet in sheets {
            guard let (h, link) = placeholderColumn(in: blocks, sheet.range),
                  let linked = byKey[link.sheetKey], linked != sheet.range, !consumed.contains(linked),
                  let table = linkedTable(blocks, linked)
            else { continue }
            // Joined only where some main row names rows of the linked sheet.
            let joined = join(blocks, header: h, main: sheet.range, column: link.column, idInCell: link.idInCell, linked: table)
            guard joined.count > 1 else { continue }
            consumed.insert(linked)
            replaced.merge(joined) { _, new in new }
        }
        guard !consumed.isEmpty else { return blocks }
        var out: [Block] = []
        for (i, block) in blocks.enumerated() {
            if consumed.contains(where: { $0.contains(i) }) { continue }
            out += replaced[i] ?? [block]
        }
        return out
    }

    /// `Tabla_221898`, `Tabla 221898` → `tabla221898`: a linked sheet's name as a key.
    static func key(_ name: String) -> String {
        Folding.fold(name).filter { $0.isLetter || $0.isNumber }
    }

    /// Whether a cell's whole text is a placeholder naming a sheet (`Tabla_221898`), and its key.
    static func placeholder(_ text: String) -> String? {
        // (Most cells are not: a cheap look first, as every cell of a workbook is asked.)
        guard text.utf8.count <= 24, let first = text.utf8.first(where: { $0 != UInt8(ascii: " ") }),
              first == UInt8(ascii: "T") || first == UInt8(ascii: "t")
        else { return nil }
        let k = key(text)
        guard k.hasPrefix("tabla"), k.count >= 8, k.dropFirst(5).allSatisfy(\.isNumber),
              text.trimmingSpace(lineBreaks: false).count <= 20 else { return nil }
        return k
    }

    /// A header's mention of a linked sheet (`Indicadores Tabla_221898`), its key.
    static func mentionedSheet(_ header: String) -> String? {
        guard header.contains("abla") else { return nil }
        return header.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ")" }).lazy.compactMap { placeholder(String($0)) }.first
    }

    private struct Link { var column: Int; var sheetKey: String; var idInCell: Bool }

    /// In one sheet: the header row's block and the column naming a linked sheet, found in the
    /// first row that holds a placeholder (the header is the nearest row above with a text in
    /// that column), or in a header cell that names the sheet (the rows below hold ids). One
    /// linked sheet per sheet.
    private static func placeholderColumn(in blocks: [Block], _ range: Range<Int>) -> (header: Int, link: Link)? {
        for i in range where blocks[i].kind == .tableRow {
            let cells = blocks[i].cells
            if let c = cells.firstIndex(where: { placeholder($0.text) != nil }), let k = placeholder(cells[c].text) {
                var h = i - 1
                while h >= range.lowerBound, blocks[h].kind == .tableRow {
                    let above = blocks[h].cells
                    if !(above[safe: c]?.text.allSatisfy(\.isWhitespace) ?? true), !above.contains(where: { placeholder($0.text) != nil }) {
                        return (h, Link(column: c, sheetKey: k, idInCell: false))
                    }
                    h -= 1
                }
                return nil
            }
            if let c = cells.firstIndex(where: { mentionedSheet($0.text) != nil }), let k = mentionedSheet(cells[c].text) {
                return (i, Link(column: c, sheetKey: k, idInCell: true))
            }
        }
        return nil
    }

    private struct LinkedTable { var header: [SpannedText]; var idColumn: Int; var rows: [[SpannedText]] }

    /// A linked sheet's header (the row whose first value is `Id`) and its rows below.
    private static func linkedTable(_ blocks: [Block], _ range: Range<Int>) -> LinkedTable? {
        for i in range where blocks[i].kind == .tableRow {
            let cells = blocks[i].cells
            guard let c = cells.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }),
                  Folding.fold(cells[c].text).trimmingSpace(lineBreaks: false) == "id" else { continue }
            let rows = range.filter { $0 > i && blocks[$0].kind == .tableRow }.map { blocks[$0].cells }
            return LinkedTable(header: cells, idColumn: c, rows: rows)
        }
        return nil
    }

    /// The header and the main rows below it joined with their linked rows, by block; only the
    /// header where no main row has linked rows.
    private static func join(
        _ blocks: [Block], header h: Int, main range: Range<Int>, column: Int, idInCell: Bool, linked: LinkedTable
    ) -> [Int: [Block]] {
        var replaced: [Int: [Block]] = [:]
        let mainHeader = blocks[h].cells
        // The main row's id: its cell in the first column the header leaves blank or calls `Id`.
        let idColumn = idInCell ? column : mainHeader.firstIndex { cell in
            let t = Folding.fold(cell.text).trimmingSpace(lineBreaks: false)
            return t.isEmpty || t == "id"
        }
        guard let idColumn else { return [:] }
        var byId: [String: [[SpannedText]]] = [:]
        for row in linked.rows {
            guard let id = row[safe: linked.idColumn].map({ $0.text.trimmingSpace(lineBreaks: false) }), !id.isEmpty else { continue }
            byId[id, default: []].append(row)
        }
        let width = mainHeader.count
        func without(_ cells: [SpannedText], _ k: Int) -> [SpannedText] {
            var c = cells
            if k < c.count { c.remove(at: k) }
            return c
        }
        func padded(_ cells: [SpannedText], to count: Int) -> [SpannedText] {
            guard cells.count < count, let first = cells.first?.anchors.first else { return cells }
            var c = cells
            while c.count < count {
                let column = first.column + c.count
                c.append(SpannedText(text: "", anchors: [SourceAnchor(
                    offset: 0, line: first.line, column: column, sheet: first.sheet, cell: first.sheet.map { _ in SheetColumn.name(column) + String(first.line) }
                )]))
            }
            return c
        }
        let linkedHeader = without(linked.header, linked.idColumn)
        var headerBlock = blocks[h]
        headerBlock.cells = without(padded(mainHeader, to: width), column) + linkedHeader
        headerBlock.text = joinedText(headerBlock.cells)
        headerBlock.errorCells = nil
        replaced[h] = [headerBlock]
        for i in range where i > h && blocks[i].kind == .tableRow {
            let cells = blocks[i].cells
            guard let id = cells[safe: idColumn].map({ $0.text.trimmingSpace(lineBreaks: false) }), !id.isEmpty,
                  let rows = byId[id] else { continue }
            let own = without(padded(cells, to: width), column)
            replaced[i] = rows.map { row in
                var block = blocks[i]
                block.cells = own + padded(without(row, linked.idColumn), to: linkedHeader.count)
                block.text = joinedText(block.cells)
                let errors = block.cells.indices.filter { SpreadsheetErrors.isError(block.cells[$0].text.trimmingSpace(lineBreaks: false)) }
                block.errorCells = errors.isEmpty ? nil : errors
                return block
            }
        }
        return replaced
    }

    /// Cells as one text, ` | ` between them, each part cited where it stands.
    private static func joinedText(_ cells: [SpannedText]) -> SpannedText {
        var text = ""
        var anchors: [SourceAnchor] = []
        for (k, cell) in cells.enumerated() {
            if k > 0 { text += " | " }
            let offset = text.utf8.count
            anchors += cell.anchors.map { $0.moved(to: $0.offset + offset) }
            text += cell.text
        }
        return SpannedText(text: text, anchors: anchors)
    }
}
