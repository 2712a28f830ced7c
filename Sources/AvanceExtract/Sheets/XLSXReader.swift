import Foundation
import AvanceCore

/// Reads an Office Open XML workbook (`.xlsx`, `.xlsm`) into its sheets' cells: the ZIP
/// container through `WorkbookArchive`, each XML part streamed through libxml2 (`XMLStream`).
///
/// What is read: the sheets in the workbook's order (`xl/workbook.xml`, found through the
/// package's relationships), hidden ones included and marked; shared strings (rich text runs
/// joined, phonetic guides left out), inline strings, numbers, booleans, the cached value of
/// every formula, error cells (their literal, `#REF!`, marked as an error), merged ranges, and
/// serial numbers under a date format (styles.xml) as ISO dates. Charts, drawings, comments and
/// the formulas themselves are not read.
struct XLSXReader {
    /// A cell's value as text.
    struct Cell: Sendable, Hashable {
        var text: String
        /// A spreadsheet error (`#REF!`, `#DIV/0!`, `#N/A`): `text` is its literal.
        var isError = false
    }

    /// One worksheet's non-empty cells, by row then column, and its merged ranges.
    struct Worksheet: Sendable {
        var sheet: Block.Sheet
        var rows: [Int: [Int: Cell]] = [:]
        var merges: [CellRange] = []
    }

    enum Failure: Error, Sendable, Hashable {
        case damaged(String)
        case tooLarge(limit: Int)
        case tooManyParts(limit: Int)
        case tooManyCells(limit: Int)
    }

    /// Decompressed bytes of XML read from one workbook, at most.
    var maxBytes: Int
    /// Non-empty cells in one workbook, at most.
    var maxCells: Int

    func read(_ bytes: [UInt8]) throws(Failure) -> [Worksheet] {
        var archive: WorkbookArchive
        do {
            archive = try WorkbookArchive(bytes: bytes, maxBytes: maxBytes)
        } catch {
            throw Self.failure(error)
        }
        var parts = Parts(archive: archive)
        let workbookPart = try parts.workbookPart()
        let workbook = try parts.workbook(at: workbookPart)
        let relationships = try parts.relationships(of: workbookPart)
        var sharedStrings: [String] = []
        if let r = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") }) {
            sharedStrings = try parts.sharedStrings(at: WorkbookArchive.resolve(r.target, from: workbookPart))
        }
        var styles = Styles()
        if let r = relationships.first(where: { $0.type.hasSuffix("/styles") }) {
            styles = try parts.styles(at: WorkbookArchive.resolve(r.target, from: workbookPart))
        }

        var sheets: [Worksheet] = []
        var cells = 0
        for (i, entry) in workbook.sheets.enumerated() {
            let sheet = Block.Sheet(name: entry.name, index: i + 1, visibility: entry.visibility)
            guard let relationship = relationships.first(where: { $0.id == entry.relationship }) else {
                throw .damaged("sheet \"\(entry.name)\" has no part (relationship \(entry.relationship) is missing)")
            }
            let path = WorkbookArchive.resolve(relationship.target, from: workbookPart)
            var worksheet = Worksheet(sheet: sheet)
            try parts.worksheet(
                at: path, into: &worksheet, sharedStrings: sharedStrings, styles: styles,
                date1904: workbook.date1904, cells: &cells, maxCells: maxCells
            )
            sheets.append(worksheet)
        }
        return sheets
    }

    static func failure(_ failure: WorkbookArchive.Failure) -> Failure {
        switch failure {
        case .unreadable: .damaged("the ZIP container cannot be read (truncated or damaged)")
        case .damaged(let detail): .damaged(detail)
        case .tooManyParts(let limit): .tooManyParts(limit: limit)
        case .tooLarge(let limit): .tooLarge(limit: limit)
        }
    }
}

// MARK: - The parts

extension XLSXReader {
    struct Relationship: Sendable {
        var id: String
        var type: String
        var target: String
    }

    struct Workbook: Sendable {
        struct SheetEntry: Sendable {
            var name: String
            var relationship: String
            var visibility: Block.Sheet.Visibility
        }

        var sheets: [SheetEntry] = []
        /// Dates counted from 1904-01-01 (old Mac workbooks) rather than from 1900.
        var date1904 = false
    }

    /// What the cell styles say about numbers: which styles show a date, and which a time too.
    struct Styles: Sendable {
        var dateStyles: [Bool] = []
        var timeStyles: [Bool] = []

        func isDate(_ style: Int) -> (date: Bool, time: Bool) {
            guard style >= 0, style < dateStyles.count else { return (false, false) }
            return (dateStyles[style], timeStyles[style])
        }
    }

    /// Reads the XML parts, through one archive so the decompression cap covers them all.
    struct Parts {
        var archive: WorkbookArchive

        mutating func bytes(_ path: String) throws(Failure) -> [UInt8]? {
            do {
                return try archive.read(path)
            } catch {
                throw XLSXReader.failure(error)
            }
        }

        /// Streams a part's XML to `body`; a part that is not well-formed is a damaged workbook.
        mutating func stream(_ path: String, required: Bool, _ body: (XMLEvent) throws -> Void) throws(Failure) {
            guard let data = try bytes(path) else {
                if required { throw .damaged("\(path) is missing") }
                return
            }
            do {
                try XMLStream.read(data, body)
            } catch let failure as Failure {
                throw failure
            } catch let error as XMLStreamError {
                throw .damaged("\(path) is not well-formed XML (line \(error.line): \(error.message))")
            } catch {
                throw .damaged("\(path): \(error)")
            }
        }

        /// The workbook part, as the package's root relationships name it (`xl/workbook.xml`).
        mutating func workbookPart() throws(Failure) -> String {
            let root = try relationships(of: "")
            if let office = root.first(where: { $0.type.hasSuffix("/officeDocument") }) {
                let path = WorkbookArchive.resolve(office.target, from: "")
                if archive.contains(path) { return path }
            }
            return WorkbookArchive.workbookPart
        }

        /// The relationships of a part (of the package itself for `""`), none when it has no
        /// relationships part. External targets are left out.
        mutating func relationships(of part: String) throws(Failure) -> [Relationship] {
            let path = part.isEmpty ? "_rels/.rels" : WorkbookArchive.relationshipsPart(of: part)
            var found: [Relationship] = []
            try stream(path, required: false) { event in
                guard case .start("Relationship", let a) = event, a["TargetMode"] != "External",
                      let id = a["Id"], let target = a["Target"] else { return }
                found.append(Relationship(id: id, type: a["Type"] ?? "", target: target))
            }
            return found
        }

        mutating func workbook(at path: String) throws(Failure) -> Workbook {
            var workbook = Workbook()
            try stream(path, required: true) { event in
                guard case .start(let name, let a) = event else { return }
                switch name {
                case "workbookPr":
                    workbook.date1904 = a["date1904"] == "1" || a["date1904"] == "true"
                case "sheet":
                    let visibility: Block.Sheet.Visibility = switch a["state"] {
                    case "hidden": .hidden
                    case "veryHidden": .veryHidden
                    default: .visible
                    }
                    workbook.sheets.append(.init(name: a["name"] ?? "", relationship: a["id"] ?? "", visibility: visibility))
                default:
                    break
                }
            }
            return workbook
        }

        /// The shared strings, in order: each item's text runs joined, phonetic runs left out.
        mutating func sharedStrings(at path: String) throws(Failure) -> [String] {
            var strings: [String] = []
            var current = "", inItem = false, inText = false, phonetic = 0
            try stream(path, required: false) { event in
                switch event {
                case .start("si", _): inItem = true; current = ""
                case .end("si"): inItem = false; strings.append(CellText.unescape(current))
                case .start("rPh", _): phonetic += 1
                case .end("rPh"): phonetic -= 1
                case .start("t", _): inText = inItem && phonetic == 0
                case .end("t"): inText = false
                case .text(let text) where inText: current += text
                default: break
                }
            }
            return strings
        }

        mutating func styles(at path: String) throws(Failure) -> Styles {
            var customFormats: [Int: String] = [:]
            var cellFormats: [Int] = []
            var inCellXfs = false
            try stream(path, required: false) { event in
                switch event {
                case .start("numFmt", let a):
                    if let id = a["numFmtId"].flatMap({ Int($0) }) { customFormats[id] = a["formatCode"] ?? "" }
                case .start("cellXfs", _): inCellXfs = true
                case .end("cellXfs"): inCellXfs = false
                case .start("xf", let a) where inCellXfs:
                    cellFormats.append(a["numFmtId"].flatMap { Int($0) } ?? 0)
                default: break
                }
            }
            var styles = Styles()
            for id in cellFormats {
                let kind: (isDate: Bool, hasTime: Bool)
                if let code = customFormats[id] {
                    kind = CellText.customFormat(code)
                } else {
                    kind = (CellText.builtInFormatIsDate(id), CellText.builtInFormatHasTime(id))
                }
                styles.dateStyles.append(kind.isDate)
                styles.timeStyles.append(kind.hasTime)
            }
            return styles
        }

        /// A worksheet's cells and merged ranges. A chart sheet has neither and stays empty.
        mutating func worksheet(
            at path: String, into sheet: inout Worksheet, sharedStrings: [String], styles: Styles,
            date1904: Bool, cells: inout Int, maxCells: Int
        ) throws(Failure) {
            var row = 0, column = 0
            var inSheetData = false
            // The cell being read: where, its type and style, and the text of its <v> or <is>.
            var place: CellReference?
            var type = "n", style = 0
            var value = "", inline = "", hasInline = false
            var inValue = false, inInlineText = false, inInline = false, phonetic = 0
            var rows: [Int: [Int: Cell]] = [:]
            var merges: [CellRange] = []
            try stream(path, required: true) { event in
                switch event {
                case .start("sheetData", _): inSheetData = true
                case .end("sheetData"): inSheetData = false
                case .start("row", let a) where inSheetData:
                    guard let r = a["r"].map({ Int($0) }) ?? (row + 1), (1...CellReference.maxRow).contains(r) else {
                        throw Failure.damaged("\(path): a row number is not valid (\(a["r"] ?? ""))")
                    }
                    row = r
                    column = 0
                case .start("c", let a) where inSheetData:
                    let reference: CellReference
                    if let r = a["r"] {
                        guard let given = CellReference(r) else { throw Failure.damaged("\(path): \"\(r)\" is no cell reference") }
                        reference = given
                    } else {
                        // Some writers leave the reference out: the cell after the previous one.
                        guard row > 0, column < CellReference.maxColumn else { throw Failure.damaged("\(path): a cell stands outside any row") }
                        reference = CellReference(row: row, column: column + 1)
                    }
                    place = reference
                    column = reference.column
                    type = a["t"] ?? "n"
                    style = a["s"].flatMap { Int($0) } ?? 0
                    value = ""; inline = ""; hasInline = false
                case .start("v", _) where place != nil: inValue = true
                case .end("v"): inValue = false
                case .start("is", _) where place != nil: inInline = true; hasInline = true
                case .end("is"): inInline = false
                case .start("rPh", _): phonetic += 1
                case .end("rPh"): phonetic -= 1
                case .start("t", _): inInlineText = inInline && phonetic == 0
                case .end("t"): inInlineText = false
                case .text(let text):
                    if inValue { value += text } else if inInlineText { inline += text }
                case .end("c"):
                    guard let at = place else { return }
                    place = nil
                    let cell = try Self.cell(
                        type: type, value: value, inline: hasInline ? inline : nil, style: style, styles: styles,
                        sharedStrings: sharedStrings, date1904: date1904, at: at, path: path
                    )
                    guard let cell, cell.text.contains(where: { !$0.isWhitespace }) else { return }
                    cells += 1
                    if cells > maxCells { throw Failure.tooManyCells(limit: maxCells) }
                    rows[at.row, default: [:]][at.column] = cell
                case .start("mergeCell", let a):
                    if let ref = a["ref"], let range = CellRange(ref) { merges.append(range) }
                default:
                    break
                }
            }
            sheet.rows = rows
            sheet.merges = merges
        }

        /// A cell's text by its type (`t`): a shared string, a formula's string result, an
        /// inline string, a boolean, an error, an ISO date, or a number (a date where its
        /// style shows one). `nil` for a cell with no value.
        static func cell(
            type: String, value: String, inline: String?, style: Int, styles: Styles, sharedStrings: [String],
            date1904: Bool, at place: CellReference, path: String
        ) throws(Failure) -> Cell? {
            switch type {
            case "s":
                guard !value.isEmpty else { return nil }
                guard let index = Int(value.trimmingSpace(lineBreaks: false)), sharedStrings.indices.contains(index) else {
                    throw .damaged("\(path): cell \(place.name) names shared string \(value), of \(sharedStrings.count)")
                }
                return Cell(text: sharedStrings[index])
            case "inlineStr":
                return Cell(text: CellText.unescape(inline ?? value))
            case "str":
                return Cell(text: CellText.unescape(value))
            case "b":
                guard !value.isEmpty else { return nil }
                return Cell(text: value.trimmingSpace(lineBreaks: false) == "1" ? "TRUE" : "FALSE")
            case "e":
                return Cell(text: value.trimmingSpace(lineBreaks: false), isError: true)
            case "d":
                // An ISO 8601 date (strict Open XML): its day, as other dates are shown.
                let text = value.trimmingSpace(lineBreaks: false)
                return Cell(text: text.count >= 10 && text.contains("T") ? String(text.prefix(10)) : text)
            default:
                if let inline { return Cell(text: CellText.unescape(inline)) }
                guard !value.isEmpty else { return nil }
                let kind = styles.isDate(style)
                if kind.date, let serial = Double(value.trimmingSpace(lineBreaks: false)),
                   let date = CellText.date(serial: serial, date1904: date1904, withTime: kind.time) {
                    return Cell(text: date)
                }
                return Cell(text: CellText.number(value))
            }
        }
    }
}
