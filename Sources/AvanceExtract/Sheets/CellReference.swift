import AvanceCore

/// A cell's place on a worksheet, as spreadsheets write it (`C12`, `$C$12`): 1-based row and
/// column, within the largest sheet Excel makes (1,048,576 rows by 16,384 columns, `XFD`).
struct CellReference: Hashable, Sendable, Comparable {
    static let maxRow = 1_048_576
    static let maxColumn = 16_384

    var row: Int
    var column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Reads `C12` or `$C$12`; `nil` for anything else or a place off the largest sheet.
    init?<S: StringProtocol>(_ text: S) {
        var column = 0, row = 0, letters = 0, digits = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x24 where digits == 0: // `$` before the letters or before the digits
                continue
            case 0x41...0x5A where digits == 0, 0x61...0x7A where digits == 0:
                let value = Int(scalar.value | 0x20) - 0x61 + 1
                column = column * 26 + value
                letters += 1
                if letters > 3 { return nil }
            case 0x30...0x39 where letters > 0:
                row = row * 10 + Int(scalar.value - 0x30)
                digits += 1
                if digits > 7 { return nil }
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...Self.maxRow).contains(row), (1...Self.maxColumn).contains(column) else {
            return nil
        }
        self.init(row: row, column: column)
    }

    /// `C12`.
    var name: String { Self.columnName(column) + String(row) }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    static func columnName(_ column: Int) -> String { SheetColumn.name(column) }

    static func < (a: CellReference, b: CellReference) -> Bool {
        (a.row, a.column) < (b.row, b.column)
    }
}

/// A rectangle of cells (`A7:A23`), as `<mergeCell ref>` names one.
struct CellRange: Hashable, Sendable {
    var first: CellReference
    var last: CellReference

    init(first: CellReference, last: CellReference) {
        self.first = first
        self.last = last
    }

    /// Reads `A7:A23` (corners in any order) or a single `A7`.
    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
              let a = CellReference(parts[0]), let b = CellReference(parts[parts.count - 1])
        else { return nil }
        first = CellReference(row: min(a.row, b.row), column: min(a.column, b.column))
        last = CellReference(row: max(a.row, b.row), column: max(a.column, b.column))
    }

    var rows: ClosedRange<Int> { first.row...last.row }
}
