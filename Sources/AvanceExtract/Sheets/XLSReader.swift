import CFreeXL
import Foundation

/// A legacy Excel workbook (`.xls`, BIFF5 to BIFF8, as the transparency portal's formats were
/// published before about 2018) read with FreeXL into the same worksheets as an XLSX: every
/// sheet in order, each non-empty cell's text. FreeXL says nothing of merged ranges or of a
/// sheet's visibility, so every sheet is visible and no range is merged.
///
/// The only Swift file that touches FreeXL. FreeXL opens a path, not bytes: the workbook is
/// written to a private temporary file, removed as soon as it is read.
struct XLSReader {
    /// Non-empty cells in one workbook, at most.
    var maxCells: Int
    /// Sheets in one workbook, at most (as many as an XLSX's archive may hold parts): a damaged
    /// or crafted file may declare any number.
    var maxSheets = WorkbookArchive.maxParts

    enum Failure: Error, Sendable, Hashable {
        case damaged(String)
        case encrypted
        case tooManyCells(limit: Int)
        case tooManySheets(limit: Int)
    }

    func read(_ bytes: [UInt8]) throws(Failure) -> [XLSXReader.Worksheet] {
        // Records FreeXL would read past (see `BIFFCheck`): damaged before FreeXL sees them.
        if let problem = BIFFCheck.problem(in: bytes) { throw .damaged(problem) }
        guard let url = TemporaryFiles.copy(of: bytes, named: "workbook.xls") else {
            throw .damaged("the workbook could not be staged in \(FileManager.default.temporaryDirectory.path) to be read")
        }
        defer { try? FileManager.default.removeItem(at: url) }

        var handle: UnsafeRawPointer?
        let opened = freexl_open(url.path, &handle)
        defer { if let handle { freexl_close(handle) } }
        guard opened == FREEXL_OK, let handle else { throw .damaged("it does not read as a legacy Excel workbook (FreeXL error \(opened))") }
        // A workbook protected by a password is stored obfuscated.
        var protection: UInt32 = 0
        if freexl_get_info(handle, UInt16(FREEXL_BIFF_PASSWORD), &protection) == FREEXL_OK,
           protection == UInt32(FREEXL_BIFF_OBFUSCATED) {
            throw .encrypted
        }

        var count: UInt32 = 0
        guard freexl_get_info(handle, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK else {
            throw .damaged("FreeXL could not count its sheets")
        }
        // (A workbook stream that is no BIFF opens, and holds no sheet.)
        guard count > 0 else { throw .damaged("it holds no worksheet FreeXL can read") }
        // (FreeXL numbers sheets with 16 bits.)
        let limit = min(maxSheets, Int(UInt16.max))
        guard count <= limit else { throw .tooManySheets(limit: limit) }
        var sheets: [XLSXReader.Worksheet] = []
        var cells = 0
        for index in 0..<count {
            let i = UInt16(index)
            var namePointer: UnsafePointer<CChar>?
            let name = freexl_get_worksheet_name(handle, i, &namePointer) == FREEXL_OK
                ? namePointer.map { String(cString: $0) } ?? "Hoja\(index + 1)" : "Hoja\(index + 1)"
            guard freexl_select_active_worksheet(handle, i) == FREEXL_OK else {
                throw .damaged("FreeXL could not open its sheet \(name)")
            }
            var rows: UInt32 = 0
            var columns: UInt16 = 0
            guard freexl_worksheet_dimensions(handle, &rows, &columns) == FREEXL_OK else {
                throw .damaged("FreeXL could not size its sheet \(name)")
            }
            var sheet = XLSXReader.Worksheet(sheet: .init(name: name, index: Int(index) + 1, visibility: .visible))
            for row in 0..<rows {
                for column in 0..<columns {
                    var value = FreeXL_CellValue()
                    guard freexl_get_cell_value(handle, row, column, &value) == FREEXL_OK,
                          let text = Self.text(of: value), !text.isEmpty
                    else { continue }
                    cells += 1
                    if cells > maxCells { throw .tooManyCells(limit: maxCells) }
                    sheet.rows[Int(row) + 1, default: [:]][Int(column) + 1] = XLSXReader.Cell(text: text)
                }
            }
            sheets.append(sheet)
        }
        return sheets
    }

    /// A cell's value as text, numbers as a spreadsheet shows them in its General format; dates
    /// come from FreeXL as ISO text already.
    private static func text(of value: FreeXL_CellValue) -> String? {
        switch Int32(value.type) {
        case FREEXL_CELL_INT: return String(value.value.int_value)
        case FREEXL_CELL_DOUBLE: return CellText.number(String(value.value.double_value))
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            return value.value.text_value.map { String(cString: $0) }
        default: return nil
        }
    }
}
