import AvanceCore

/// Turns a workbook's sheets into blocks: per sheet, a heading (its name), then one table row
/// per row that has a value of its own, in row order.
///
/// A row's cells run from the sheet's first used column to the row's last value, an empty
/// string standing for each empty cell, so that positions line up down the sheet. Every cell
/// is cited at its own place (`sheet`, `cell`, `line` = row, `column` = column number), an
/// empty one too.
///
/// Merged cells: a spreadsheet keeps a merged range's value in its top-left cell only. Where a
/// range runs down several rows (a program or level set once beside the rows it groups), the
/// value is repeated in the range's first column on each row below that has values of its own,
/// cited at the top-left cell it comes from, so each row carries its group's label and the
/// citation points to where the value is written. Other covered cells stay empty (a title
/// merged across the columns is not repeated in each), and a row whose only values would come
/// from ranges above it (a record whose cells are merged down over several rows) makes no block.
enum SheetBlocks {
    struct TooManyCells: Error {}

    /// `cells` counts the cells made so far (repeated merged values and empty cells between
    /// values included); more than `maxCells` throws.
    static func blocks(_ sheet: XLSXReader.Worksheet, cells: inout Int, maxCells: Int) throws(TooManyCells) -> [Block] {
        let info = sheet.sheet
        let heading = Block(
            kind: .heading,
            text: SpannedText(text: info.name, anchors: [SourceAnchor(offset: 0, line: 1, column: 1, sheet: info.name)]),
            level: 1, sheet: info
        )
        var blocks = [heading]
        let rowNumbers = sheet.rows.keys.sorted()
        guard !rowNumbers.isEmpty else { return blocks }

        // Values repeated down merged ranges: row → column → the top-left cell's place and value.
        var inherited: [Int: [Int: (CellReference, XLSXReader.Cell)]] = [:]
        for range in sheet.merges where range.last.row > range.first.row {
            guard let value = sheet.rows[range.first.row]?[range.first.column] else { continue }
            var i = firstIndex(in: rowNumbers, after: range.first.row)
            while i < rowNumbers.count, rowNumbers[i] <= range.last.row {
                let row = rowNumbers[i]
                if sheet.rows[row]?[range.first.column] == nil {
                    inherited[row, default: [:]][range.first.column] = (range.first, value)
                    cells += 1
                    if cells > maxCells { throw TooManyCells() }
                }
                i += 1
            }
        }

        let firstColumn = sheet.rows.values.compactMap { $0.keys.min() }.min() ?? 1
        for row in rowNumbers {
            guard let own = sheet.rows[row], !own.isEmpty else { continue }
            let carried = inherited[row] ?? [:]
            let lastColumn = max(own.keys.max() ?? firstColumn, carried.keys.max() ?? firstColumn)
            var texts: [SpannedText] = []
            var errors: [Int] = []
            for column in firstColumn...lastColumn {
                let here = CellReference(row: row, column: column)
                let (place, cell): (CellReference, XLSXReader.Cell?) =
                    if let value = own[column] { (here, value) } else if let (from, value) = carried[column] { (from, value) } else { (here, nil) }
                if cell?.isError == true { errors.append(texts.count) }
                texts.append(SpannedText(text: cell?.text ?? "", anchors: [anchor(place, sheet: info.name)]))
            }
            cells += max(0, texts.count - own.count - carried.count)
            if cells > maxCells { throw TooManyCells() }
            blocks.append(Block(
                kind: .tableRow, text: .joined(texts, separator: " | "), cells: texts, sheet: info,
                errorCells: errors.isEmpty ? nil : errors
            ))
        }
        return blocks
    }

    /// Where a cell is cited: its row as the line, its column number as the column.
    static func anchor(_ place: CellReference, sheet: String) -> SourceAnchor {
        SourceAnchor(offset: 0, line: place.row, column: place.column, sheet: sheet, cell: place.name)
    }

    /// The index of the first element of `sorted` greater than `value`.
    private static func firstIndex(in sorted: [Int], after value: Int) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sorted[mid] <= value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
