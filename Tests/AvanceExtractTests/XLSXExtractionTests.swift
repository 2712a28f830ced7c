import AvanceCore
import Foundation
import Testing
import ZIPFoundation

@testable import AvanceExtract

/// XLSX workbooks written in the test with ZIPFoundation, read back through the real
/// ZIPFoundation and libxml2.
@Suite struct XLSXExtractionTests {
    static func extract(_ bytes: [UInt8], named name: String = "libro.xlsx", options: Extractor.Options = .init()) throws(ExtractError) -> ExtractedDocument {
        try Extractor(options: options).extract(bytes: bytes, path: name)
    }

    static func rows(_ document: ExtractedDocument, sheet: String) -> [Block] {
        document.blocks.filter { $0.kind == .tableRow && $0.sheet?.name == sheet }
    }

    /// numFmt 14 (a built-in date), 164 `dd/mm/yyyy`, 165 a number with a word in quotes that
    /// holds a `d`, 22 (date and time).
    static let styles = #"""
        <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0.00 &quot;días&quot;"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
        <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="22"/></cellXfs>
        """#

    static func everyKind() throws -> [UInt8] {
        let strings = [
            "Programa",
            // Rich text: two runs, and a phonetic guide that is no part of the text.
            #"<r><rPr><b/></rPr><t>Meta </t></r><r><t xml:space="preserve">anual</t></r><rPh sb="0" eb="1"><t>メタ</t></rPh>"#,
            "Línea_x000D_\nbase",
        ]
        let body = "<sheetData>"
            + MiniXLSX.row(1, [("A1", #"t="s""#, "<v>0</v>"), ("B1", #"t="s""#, "<v>1</v>"),
                               ("C1", #"t="inlineStr""#, MiniXLSX.inline("Avance")), ("D1", #"t="s""#, "<v>2</v>")])
            + MiniXLSX.row(12, [
                ("A12", "", "<v>41.1</v>"),
                ("B12", "", "<v>2.9999999999999999E-2</v>"),
                ("C12", "", "<f>SUM(A12:B12)</f><v>41.130000000000003</v>"),
                ("D12", #"t="str""#, #"<f>A1&amp;"!"</f><v>Programa!</v>"#),
                ("E12", #"t="b""#, "<v>1</v>"),
                ("F12", #"t="e""#, "<f>1/0</f><v>#DIV/0!</v>"),
                ("G12", #"s="1""#, "<v>45474</v>"),
                ("H12", #"s="2""#, "<v>45565</v>"),
                ("I12", #"s="3""#, "<v>1250.5</v>"),
                ("J12", #"s="4""#, "<v>45474.5</v>"),
                ("K12", "", "<f>NOW()</f>"),
                ("L12", #"t="e""#, "<v>#REF!</v>"),
            ])
            + "</sheetData>"
        return try MiniXLSX.make(sheets: [.init(name: "Hoja1", body: body)], sharedStrings: strings, styles: styles)
    }

    @Test func cellsOfEveryKindReadAsAPersonSeesThem() throws {
        let document = try Self.extract(Self.everyKind())
        #expect(document.format == .xlsx)
        #expect(document.declaredFormat == nil)
        let rows = Self.rows(document, sheet: "Hoja1")
        try #require(rows.count == 2)
        #expect(rows[0].cells.map(\.text) == ["Programa", "Meta anual", "Avance", "Línea\nbase"])
        #expect(rows[1].cells.map(\.text) == [
            "41.1", "0.03", "41.13", "Programa!", "TRUE", "#DIV/0!", "2024-07-01", "2024-09-30", "1250.5",
            "2024-07-01 12:00", "", "#REF!",
        ])
        #expect(rows[1].errorCells == [5, 11])
        #expect(rows[0].errorCells == nil)
    }

    @Test func everyCellIsCitedBySheetAndReference() throws {
        let document = try Self.extract(Self.everyKind())
        let row = Self.rows(document, sheet: "Hoja1")[1]
        let c12 = row.cells[2].span
        #expect((c12.sheet, c12.cell, c12.line, c12.column, c12.page) == ("Hoja1", "C12", 12, 3, nil))
        #expect(c12.location == "Hoja1!C12")
        #expect(c12.cited(in: "libro.xlsx").place == "libro.xlsx:Hoja1!C12")
        // An empty cell is cited at its own place.
        #expect(row.cells[10].span.cell == "K12")
        // Part of a cell's text is cited at the cell: the column does not advance within it.
        let text = row.cells[0].text
        let part = row.cells[0].span(of: text.index(after: text.startIndex)..<text.endIndex)
        #expect((part.text, part.cell, part.column) == ("1.1", "A12", 1))
        // The row's text joins its cells, each part keeping its cell.
        #expect(row.text.span.cell == "A12")
        // Spans of other formats do not write the new keys, so their records do not change.
        let json = String(decoding: try JSONEncoder().encode(SourceSpan(line: 3, column: 2, text: "x")), as: UTF8.self)
        #expect(!json.contains("sheet") && !json.contains("cell"))
    }

    @Test func sheetsComeInTheWorkbooksOrderHiddenOnesMarked() throws {
        let one = "<sheetData>" + MiniXLSX.row(1, [("A1", #"t="inlineStr""#, MiniXLSX.inline("uno"))]) + "</sheetData>"
        let bytes = try MiniXLSX.make(sheets: [
            .init(name: "Reporte de Formatos", body: one),
            .init(name: "Catálogo", state: "hidden", body: "<sheetData>" + MiniXLSX.row(1, [("A1", "", "<v>7</v>")]) + "</sheetData>"),
            .init(name: "Hidden_1", body: "<sheetData>" + MiniXLSX.row(1, [("A1", #"t="inlineStr""#, MiniXLSX.inline("Ascendente"))]) + "</sheetData>"),
            .init(name: "Macros", state: "veryHidden", body: "<sheetData/>"),
        ])
        let document = try Self.extract(bytes)
        let headings = document.blocks.filter { $0.kind == .heading }
        #expect(headings.map(\.text.text) == ["Reporte de Formatos", "Catálogo", "Hidden_1", "Macros"])
        #expect(headings.map { $0.sheet?.visibility } == [.visible, .hidden, .visible, .veryHidden])
        #expect(headings.map { $0.sheet?.index } == [1, 2, 3, 4])
        #expect(Self.rows(document, sheet: "Catálogo").map(\.text.text) == ["7"])
        #expect(Self.rows(document, sheet: "Catálogo").first?.sheet?.isHidden == true)
        let first = try #require(Self.rows(document, sheet: "Reporte de Formatos").first)
        #expect(first.cells.map(\.text) == ["uno"])
        // A sheet name that is not one word is quoted, as spreadsheets write references.
        #expect(first.cells[0].span.location == "'Reporte de Formatos'!A1")
        let printed = BlockPrinter.text(document)
        #expect(printed.contains("Catálogo     heading(1)  Catálogo  (hidden sheet)"))
        #expect(printed.contains("'Reporte de Formatos'!A1 tableRow    uno"))
    }

    @Test func mergedValuesRepeatDownTheirFirstColumnCitedAtTheirTopLeftCell() throws {
        func s(_ text: String) -> String { MiniXLSX.inline(text) }
        let t = #"t="inlineStr""#
        let body = "<sheetData>"
            + MiniXLSX.row(1, [("A1", t, s("Seguimiento 2024")), ("B1", #"s="0""#, ""), ("C1", #"s="0""#, "")])
            + MiniXLSX.row(2, [("A2", t, s("Programa")), ("B2", t, s("Indicador")), ("C2", t, s("Meta")), ("D2", t, s("Avance"))])
            + MiniXLSX.row(3, [("A3", t, s("E024 Educación")), ("B3", t, s("Indicador uno")), ("C3", "", "<v>4</v>"), ("D3", "", "<v>2</v>")])
            + MiniXLSX.row(4, [("A4", #"s="0""#, ""), ("B4", t, s("Indicador dos")), ("C4", "", "<v>8</v>"), ("D4", "", "<v>8</v>")])
            + MiniXLSX.row(5, [("B5", t, s("Indicador tres")), ("C5", "", "<v>1</v>"), ("D5", "", "<v>0</v>")])
            + MiniXLSX.row(6, [("A6", t, s("K025 Obra")), ("B6", t, s("Indicador cuatro")), ("C6", "", "<v>10</v>"), ("D6", "", "<v>5</v>")])
            + MiniXLSX.row(7, [("A7", #"s="0""#, ""), ("B7", #"s="0""#, ""), ("C7", #"s="0""#, ""), ("D7", #"s="0""#, "")])
            + MiniXLSX.row(8, [("A8", t, s("Total")), ("C8", "", "<v>23</v>")])
            + "</sheetData>"
            + #"<mergeCells count="6"><mergeCell ref="A1:D1"/><mergeCell ref="A3:A5"/><mergeCell ref="A6:A7"/><mergeCell ref="B6:B7"/><mergeCell ref="C6:C7"/><mergeCell ref="D6:D7"/></mergeCells>"#
        let document = try Self.extract(try MiniXLSX.make(sheets: [.init(name: "POA", body: body)]))
        let rows = Self.rows(document, sheet: "POA")
        // Row 7 holds only what rows 6's merged cells cover: it makes no block.
        #expect(rows.map { $0.cells.map(\.span.line).max() } == [1, 2, 3, 4, 5, 6, 8])
        // A title merged across the columns is not repeated in each.
        #expect(rows[0].cells.map(\.text) == ["Seguimiento 2024"])
        #expect(rows[3].cells.map(\.text) == ["E024 Educación", "Indicador dos", "8", "8"])
        #expect(rows[4].cells.map(\.text) == ["E024 Educación", "Indicador tres", "1", "0"])
        #expect(rows[4].cells[0].span.cell == "A3")
        #expect(rows[4].cells[1].span.cell == "B5")
        #expect(rows[6].cells.map(\.text) == ["Total", "", "23"])
        #expect(BlockPrinter.line(rows[4]).hasPrefix("POA!A5       tableRow    E024 Educación | Indicador tres"))
    }

    @Test func datesFollowThe1904SystemWhenTheWorkbookSaysSo() throws {
        let body = "<sheetData>" + MiniXLSX.row(1, [("A1", #"s="1""#, "<v>0</v>"), ("B1", #"s="1""#, "<v>43648</v>")]) + "</sheetData>"
        let bytes = try MiniXLSX.make(sheets: [.init(name: "Mac", body: body)], styles: Self.styles, date1904: true)
        #expect(Self.rows(try Self.extract(bytes), sheet: "Mac")[0].cells.map(\.text) == ["1904-01-01", "2023-07-03"])
        #expect(CellText.date(serial: 60, date1904: false, withTime: false) == "1900-02-29")
        #expect(CellText.date(serial: 59, date1904: false, withTime: false) == "1900-02-28")
        #expect(CellText.date(serial: 61, date1904: false, withTime: false) == "1900-03-01")
        #expect(CellText.date(serial: 0, date1904: false, withTime: false) == nil)
        #expect(CellText.customFormat("[$-80A]dddd, d \"de\" mmmm \"de\" yyyy") == (true, false))
        #expect(CellText.customFormat("0.0 \"días\"") == (false, false))
        #expect(CellText.customFormat("_-* #,##0.00_-;\\-* #,##0.00_-;_-* \"-\"??_-;_-@_-") == (false, false))
        #expect(CellText.customFormat("dd/mm/yyyy hh:mm") == (true, true))
    }

    @Test func cellsAndRowsWithoutReferencesFollowOneAnother() throws {
        // Some writers leave `r` out: a row follows the previous one, a cell the previous cell.
        let body = #"<sheetData><row r="3"><c><v>1</v></c><c r="C3"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row></sheetData>"#
        let rows = Self.rows(try Self.extract(try MiniXLSX.make(sheets: [.init(name: "S", body: body)])), sheet: "S")
        #expect(rows.map { $0.cells.map(\.text) } == [["1", "", "3", "4"], ["5"]])
        #expect(rows.map { $0.cells.map { $0.span.cell ?? "" } } == [["A3", "B3", "C3", "D3"], ["A4"]])
    }

    @Test func numbersShowAsTheirGeneralFormat() {
        #expect(CellText.number("2024") == "2024")
        #expect(CellText.number("1.0000000000000001E-5") == "0.00001")
        #expect(CellText.number("0.86499999999999999") == "0.865")
        #expect(CellText.number("-1.5E+16") == "-15000000000000000")
        #expect(CellText.number("-0") == "0")
        #expect(CellText.number("abc") == "abc")
        #expect(CellText.number("41.100") == "41.1")
        #expect(CellText.number("007") == "7")
        #expect(CellText.number("-0.50") == "-0.5")
        #expect(CellText.number("0.000") == "0")
        #expect(CellText.number("683.465146263085") == "683.465146263085")
        #expect(CellText.number("683.4651462630851") == "683.465146263085")
    }

    @Test func aZipBombIsRefusedByTheBytesThatComeOut() throws {
        // 8 MiB of white space inside <sheetData> deflates to a few kilobytes.
        let big = "<sheetData>" + String(repeating: " ", count: 8 << 20) + "</sheetData>"
        let bytes = try MiniXLSX.make(sheets: [.init(name: "Bomba", body: big)])
        #expect(bytes.count < 100_000)
        let small = Extractor.Options(maxWorkbookBytes: 1 << 20)
        #expect(throws: ExtractError.workbookTooLarge(
            path: "libro.xlsx", limit: 1 << 20, what: "its parts decompress to more than 1048576 bytes"
        )) { try Self.extract(bytes, options: small) }
        // Headers that understate the size do not help: what comes out of the decompressor counts.
        let lying = Self.claimingSize(1000, for: "xl/worksheets/sheet1.xml", in: bytes)
        #expect(throws: ExtractError.self) { try Self.extract(lying, options: small) }
        do {
            _ = try Self.extract(lying, options: small)
        } catch {
            guard case .workbookTooLarge = error else { Issue.record("refused for another reason: \(error)"); return }
        }
        // A workbook within the cap reads under the same options.
        #expect(try Self.extract(Self.everyKind(), options: small).blocks.count == 3)
    }

    @Test func tooManyCellsAreRefused() throws {
        let rows = (1...5).map { r in MiniXLSX.row(r, (1...4).map { c in ("\(CellReference.columnName(c))\(r)", "", "<v>\(r * c)</v>") }) }
        let bytes = try MiniXLSX.make(sheets: [.init(name: "Grande", body: "<sheetData>" + rows.joined() + "</sheetData>")])
        #expect(throws: ExtractError.tooManyCells(path: "libro.xlsx", limit: 10)) {
            try Self.extract(bytes, options: Extractor.Options(maxCells: 10))
        }
        #expect(try Self.rows(Self.extract(bytes, options: Extractor.Options(maxCells: 20)), sheet: "Grande").count == 5)
    }

    @Test func aZipThatIsNoWorkbookIsBinary() throws {
        let docx = try MiniXLSX.zip([("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", Array("<w:document/>".utf8))])
        #expect(FormatSniffer.sniff(docx) == .binary)
        #expect(throws: ExtractError.binary(path: "informe.docx")) { try Self.extract(docx, named: "informe.docx") }
        #expect(FormatSniffer.sniff(try Self.everyKind()) == .format(.xlsx))
    }

    @Test func aDamagedWorkbookSaysWhereItIsDamaged() throws {
        // Cut in half: the directory at the end is gone, the parts' names still show a workbook.
        let whole = try Self.everyKind()
        let cut = Array(whole.prefix(whole.count / 2))
        #expect(FormatSniffer.sniff(cut) == .format(.xlsx))
        #expect(throws: ExtractError.workbookDamaged(path: "libro.xlsx", detail: "the ZIP container cannot be read (truncated or damaged)")) {
            try Self.extract(cut)
        }
        let broken = try MiniXLSX.make(sheets: [.init(name: "Rota", body: #"<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>"#)])
        do {
            _ = try Self.extract(broken)
            Issue.record("a sheet that is not well-formed XML was read")
        } catch {
            guard case .workbookDamaged(_, let detail) = error else { Issue.record("\(error)"); return }
            #expect(detail.hasPrefix("xl/worksheets/sheet1.xml is not well-formed XML (line 1"))
        }
        let missing = try MiniXLSX.make(sheets: [.init(name: "Hoja1", body: "<sheetData/>")])
        let withoutSheet = try Self.rezip(missing, dropping: "xl/worksheets/sheet1.xml")
        #expect(throws: ExtractError.workbookDamaged(path: "libro.xlsx", detail: "xl/worksheets/sheet1.xml is missing")) {
            try Self.extract(withoutSheet)
        }
    }

    /// A directory entry that points past the end of the archive made ZIPFoundation's in-memory
    /// archive trap; a damaged workbook must be an error, never a crash. Then bytes changed at
    /// random over the whole workbook (a fixed seed, so a failure can be replayed).
    @Test func damagedBytesNeverCrash() throws {
        let whole = try Self.everyKind()
        var pointing = whole
        let central: [UInt8] = [0x50, 0x4B, 0x01, 0x02]
        let at = try #require(Search.firstIndex(of: central, in: whole))
        pointing.replaceSubrange(at + 42..<at + 46, with: [0xF0, 0xFF, 0xFF, 0x7F])
        #expect(throws: ExtractError.self) { try Self.extract(pointing) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<300 {
            var bytes = whole
            for _ in 0..<(1 + next() % 12) { bytes[next() % bytes.count] = UInt8(truncatingIfNeeded: next()) }
            do {
                _ = try Self.extract(bytes)
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
    }

    @Test func legacyAndEncryptedOfficeFilesAreNamed() throws {
        let header = LegacyOffice.signature + [UInt8](repeating: 0, count: 504)
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        let xls = header + utf16("Root Entry") + [0, 0] + utf16("Workbook") + [0, 0]
        // A compound file with a Workbook stream is a legacy workbook; this one holds no
        // workbook behind its directory, and says so (before FreeXL is asked, see `BIFFCheck`).
        #expect(FormatSniffer.sniff(xls) == .format(.xls))
        #expect(throws: ExtractError.workbookDamaged(
            path: "viejo.xls", detail: "its Office container does not lead to a whole Workbook stream"
        )) { try Self.extract(xls, named: "viejo.xls") }
        #expect(throws: ExtractError.encryptedOfficeFile(path: "c.xlsx")) {
            try Self.extract(header + utf16("EncryptionInfo") + [0, 0] + utf16("EncryptedPackage"), named: "c.xlsx")
        }
        #expect(throws: ExtractError.binary(path: "carta.doc")) { try Self.extract(header + utf16("WordDocument"), named: "carta.doc") }
    }

    // MARK: Helpers

    /// The archive with every header of `name` claiming `size` uncompressed bytes.
    static func claimingSize(_ size: UInt32, for name: String, in bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        let nameBytes = Array(name.utf8)
        let le = [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        var i = 0
        while i + 46 < out.count {
            if out[i..<i + 4].elementsEqual([0x50, 0x4B, 0x03, 0x04]), out[(i + 30)...].starts(with: nameBytes) {
                out.replaceSubrange(i + 22..<i + 26, with: le)
            } else if out[i..<i + 4].elementsEqual([0x50, 0x4B, 0x01, 0x02]), out[(i + 46)...].starts(with: nameBytes) {
                out.replaceSubrange(i + 24..<i + 28, with: le)
            }
            i += 1
        }
        return out
    }

    /// The same archive without one entry.
    static func rezip(_ bytes: [UInt8], dropping name: String) throws -> [UInt8] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var files: [(String, [UInt8])] = []
        for entry in archive where entry.path != name {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files.append((entry.path, [UInt8](data)))
        }
        return try MiniXLSX.zip(files)
    }
}
