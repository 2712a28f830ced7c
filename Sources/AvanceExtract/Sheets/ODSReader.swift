import AvanceCore

/// Reads an OpenDocument spreadsheet (`.ods`) into the same sheets of cells as an XLSX's:
/// the ZIP container through `WorkbookArchive`, `content.xml` streamed through libxml2.
///
/// What is read: every `table:table` in order, with its name, hidden where its table style
/// says `table:display="false"`; each cell's value as XLSX shows it (a number's stored value, a
/// date's day, `TRUE` / `FALSE`, a string's paragraphs joined by line breaks, with `text:s`
/// spaces and tabs kept); repeated rows and cells (`number-rows-repeated`, how ODF writes a
/// column of equal cells and the empty rows to the sheet's end, counted but not stored when
/// empty); spanned cells as merged ranges; a formula's error (`#REF!`, `Err:502`) as an error
/// cell. Comments (`office:annotation`), drawings and the formulas themselves are not read.
struct ODSReader {
    /// The `mimetype` entry an OpenDocument spreadsheet starts with.
    static let mimeType = "application/vnd.oasis.opendocument.spreadsheet"

    /// Decompressed bytes of XML read from one workbook, at most.
    var maxBytes: Int
    /// Non-empty cells in one workbook, at most.
    var maxCells: Int

    /// Whether ZIP bytes are an OpenDocument spreadsheet: its `mimetype` entry says so (read
    /// from the archive, or, in a damaged archive, found where ODF stores it uncompressed).
    static func isSpreadsheet(_ bytes: [UInt8]) -> Bool {
        if var archive = try? WorkbookArchive(bytes: bytes, maxBytes: 256), let mime = try? archive.read("mimetype") {
            return String(decoding: mime, as: UTF8.self).trimmingSpace() == mimeType
        }
        return Search.firstIndex(of: Array(("mimetype" + mimeType).utf8), in: Array(bytes.prefix(512))) != nil
    }

    func read(_ bytes: [UInt8]) throws(XLSXReader.Failure) -> [XLSXReader.Worksheet] {
        let part: [UInt8]?
        do {
            var archive = try WorkbookArchive(bytes: bytes, maxBytes: maxBytes)
            part = try archive.read("content.xml")
        } catch {
            throw XLSXReader.failure(error)
        }
        guard let content = part else { throw .damaged("it has no content.xml") }
        var parser = ContentParser(maxCells: maxCells)
        do {
            try XMLStream.read(content) { event throws(XLSXReader.Failure) in try parser.take(event) }
        } catch let failure as XLSXReader.Failure {
            throw failure
        } catch let error as XMLStreamError {
            throw .damaged("content.xml, line \(error.line): \(error.message)")
        } catch {
            throw .damaged("content.xml: \(error)")
        }
        return parser.sheets.map { sheet in
            var s = sheet
            if parser.hiddenStyles.contains(sheet.styleName ?? "") {
                s.worksheet.sheet.visibility = .hidden
            }
            return s.worksheet
        }
    }

    /// The state of the reading of `content.xml`, one event at a time.
    private struct ContentParser {
        struct Sheet {
            var worksheet: XLSXReader.Worksheet
            var styleName: String?
        }

        let maxCells: Int
        var sheets: [Sheet] = []
        /// Table styles that hide their sheet (`<style:table-properties table:display="false"/>`).
        var hiddenStyles: Set<String> = []
        private var styleName: String?
        private var cells = 0

        // Where the reading is: row and column (1-based) of the next cell.
        private var inTable = false
        private var row = 0
        private var column = 1
        private var rowRepeat = 1
        private var rowCells: [Int: XLSXReader.Cell] = [:]

        // The cell being read.
        private var cell: (attributes: [String: String], repeat: Int)?
        private var paragraphs: [String] = []
        private var paragraph: String?
        private var annotation = 0

        init(maxCells: Int) { self.maxCells = maxCells }

        mutating func take(_ event: XMLEvent) throws(XLSXReader.Failure) {
            switch event {
            case .start("style", let a):
                styleName = a["family"] == "table" ? a["name"] : nil
            case .start("table-properties", let a) where styleName != nil:
                if a["display"] == "false", let name = styleName { hiddenStyles.insert(name) }
            case .end("style"):
                styleName = nil
            case .start("table", let a):
                let sheet = Block.Sheet(name: a["name"] ?? "Hoja\(sheets.count + 1)", index: sheets.count + 1)
                sheets.append(Sheet(worksheet: XLSXReader.Worksheet(sheet: sheet), styleName: a["style-name"]))
                inTable = true
                row = 0
            case .end("table"):
                inTable = false
            case .start("table-row", let a) where inTable:
                row += 1
                column = 1
                rowRepeat = max(1, Int(a["number-rows-repeated"] ?? "") ?? 1)
                rowCells = [:]
            case .end("table-row") where inTable:
                try endRow()
            case .start("table-cell", let a) where inTable, .start("covered-table-cell", let a) where inTable:
                cell = (a, max(1, Int(a["number-columns-repeated"] ?? "") ?? 1))
                paragraphs = []
            case .end("table-cell") where inTable, .end("covered-table-cell") where inTable:
                try endCell()
            case .start("annotation", _):
                annotation += 1
            case .end("annotation"):
                annotation -= 1
            case .start("p", _) where cell != nil && annotation == 0:
                paragraph = ""
            case .end("p") where paragraph != nil && annotation == 0:
                paragraphs.append(paragraph ?? "")
                paragraph = nil
            case .start("s", let a) where paragraph != nil && annotation == 0:
                paragraph! += String(repeating: " ", count: max(1, Int(a["c"] ?? "") ?? 1))
            case .start("tab", _) where paragraph != nil && annotation == 0:
                paragraph! += "\t"
            case .start("line-break", _) where paragraph != nil && annotation == 0:
                paragraph! += "\n"
            case .text(let text) where paragraph != nil && annotation == 0:
                paragraph! += text
            default:
                break
            }
        }

        private mutating func endCell() throws(XLSXReader.Failure) {
            guard let (attributes, repeats) = cell else { return }
            cell = nil
            defer { column += repeats }
            guard let value = Self.value(attributes, paragraphs) else { return }
            let spannedColumns = Int(attributes["number-columns-spanned"] ?? "") ?? 1
            let spannedRows = Int(attributes["number-rows-spanned"] ?? "") ?? 1
            if spannedColumns > 1 || spannedRows > 1, var sheet = sheets.popLast() {
                sheet.worksheet.merges.append(CellRange(
                    first: CellReference(row: row, column: column),
                    last: CellReference(row: row + spannedRows - 1, column: column + spannedColumns - 1)
                ))
                sheets.append(sheet)
            }
            for k in 0..<repeats {
                cells += 1
                if cells > maxCells { throw .tooManyCells(limit: maxCells) }
                rowCells[column + k] = value
            }
        }

        private mutating func endRow() throws(XLSXReader.Failure) {
            defer { row += rowRepeat - 1 }
            guard !rowCells.isEmpty, var sheet = sheets.popLast() else { return }
            for k in 0..<rowRepeat {
                if k > 0 {
                    cells += rowCells.count
                    if cells > maxCells { throw .tooManyCells(limit: maxCells) }
                }
                sheet.worksheet.rows[row + k] = rowCells
            }
            sheets.append(sheet)
        }

        /// A cell's value as an XLSX cell shows it; `nil` for an empty cell.
        static func value(_ a: [String: String], _ paragraphs: [String]) -> XLSXReader.Cell? {
            let text = paragraphs.joined(separator: "\n")
            switch a["value-type"] {
            case "float", "percentage", "currency":
                if let v = a["value"] { return XLSXReader.Cell(text: CellText.number(v)) }
            case "date":
                if let v = a["date-value"] { return XLSXReader.Cell(text: String(v.prefix(10))) }
            case "boolean":
                if let v = a["boolean-value"] { return XLSXReader.Cell(text: v == "true" ? "TRUE" : "FALSE") }
            case "string":
                if let v = a["string-value"] { return XLSXReader.Cell(text: v) }
            default:
                break
            }
            guard !text.isEmpty else { return nil }
            // A formula that failed shows its error in place of a value: `#REF!`, `#N/A`, `Err:502`.
            let isError = a["formula"] != nil && a["value-type"] == nil
                && ((text.hasPrefix("#") && (text.hasSuffix("!") || text.hasSuffix("?") || text == "#N/A")) || text.hasPrefix("Err:"))
            return XLSXReader.Cell(text: text, isError: isError)
        }
    }
}
