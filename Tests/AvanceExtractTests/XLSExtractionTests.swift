import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// Legacy Excel workbooks (`.xls`, BIFF8) read through the real FreeXL: the samples that
/// `Scripts/make-samples` writes with xlwt, and the same bytes damaged in the ways a legacy
/// folder holds them (cut short, another Office file under the name, a stream that is no BIFF,
/// more sheets than a workbook may declare).
@Suite struct XLSExtractionTests {
    static let legacy = "sipot-legacy-cecytez-indicadores-resultados-2015-2017.xls"
    static let export = "sipot-pnt-export-ssh-indicadores-interes-publico-1s-2019.xls"

    static func bytes(_ sample: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.sample(sample))))
    }

    static func rows(_ document: ExtractedDocument, sheet: String) -> [Block] {
        document.blocks.filter { $0.kind == .tableRow && $0.sheet?.name == sheet }
    }

    @Test func aLegacyWorkbookIsSniffedByItsContainer() throws {
        let bytes = try Self.bytes(Self.legacy)
        #expect(FormatSniffer.sniff(bytes) == .format(.xls))
        // Whatever its name says.
        let document = try Extractor().extract(bytes: bytes, path: "indicadores.dat")
        #expect(document.format == .xls)
    }

    @Test func textCellsAsStoredEachCitedByItsSheetAndCell() throws {
        let document = try Extractor().extract(bytes: try Self.bytes(Self.legacy), path: Self.legacy)
        let rows = Self.rows(document, sheet: "Informacion")
        let header = try #require(rows.first)
        // The header as the portal wrote it: a leading space, Title Case, a trailing colon; the
        // id column's header left blank (its cell is there, empty, so positions line up).
        #expect(header.cells.first?.text == "")
        #expect(header.cells.first?.span.cell == "A1")
        #expect(header.cells[8].text == " Definición Del Indicador:")
        #expect(header.cells[8].span.cell == "I1")
        // Every cell stored as text stays the text typed: a calculation, a figure with its unit.
        let becas = try #require(rows.first { $0.cells.count > 6 && $0.cells[6].text == "Porcentaje de alumnos becados" })
        #expect(becas.cells[13].text == "90/120")
        #expect(becas.cells[13].span == SourceSpan(page: nil, line: 5, column: 14, text: "90/120", sheet: "Informacion", cell: "N5"))
        let convenios = try #require(rows.first { $0.cells.first?.text == "2204135" })
        #expect(convenios.cells[12].text == "14 convenios firmados")
        // The catalogue sheet is read too (FreeXL says nothing of a sheet's visibility).
        #expect(Self.rows(document, sheet: "hidden1").map { $0.cells.map(\.text) } == [["Descendente"], ["Ascendente"]])
    }

    @Test func numbersAndDatesOfTheExportLayout() throws {
        let document = try Extractor().extract(bytes: try Self.bytes(Self.export), path: Self.export)
        let rows = Self.rows(document, sheet: "Reporte de Formatos")
        let first = try #require(rows.first { $0.cells.first?.span.line == 8 })
        // A number as a spreadsheet's General format shows it; a date as its day.
        #expect(first.cells[0].text == "2019")
        #expect(first.cells[1].text == "2019-01-01")
        #expect(first.cells[2].text == "2019-06-30")
        #expect(first.cells[1].span.cell == "B8")
        // The rows above the header: the format's id, the title block, type codes, field ids.
        #expect(rows.first?.cells.first?.text == "48971")
    }

    @Test func aDamagedLegacyWorkbookIsOneNamedFailure() throws {
        let good = try Self.bytes(Self.legacy)
        func failure(_ bytes: [UInt8], _ name: String) -> ExtractError? {
            do {
                _ = try Extractor().extract(bytes: bytes, path: name)
                return nil
            } catch {
                return error
            }
        }
        func isDamaged(_ error: ExtractError?, _ name: String) -> Bool {
            if case .workbookDamaged(let path, _) = error { return path == name }
            return false
        }
        // Cut short: the container's directory, at its end, is gone.
        #expect(isDamaged(failure(Array(good.prefix(good.count / 2)), "corto.xls"), "corto.xls"))
        #expect(isDamaged(failure(Array(good.prefix(600)), "cabecera.xls"), "cabecera.xls"))
        // A compound file with no workbook in it (its stream renamed, as a Word file's would be).
        let name = Array("Workbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let at = try #require(Search.firstIndex(of: name, in: good))
        var other = good
        other.replaceSubrange(at..<(at + name.count), with: Array("Wordbook".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }))
        #expect(isDamaged(failure(other, "otro.xls"), "otro.xls"))
        // Not named as a workbook, such a file is binary data, as a Word document is.
        #expect(failure(other, "otro.bin") == .binary(path: "otro.bin"))
        // The Workbook stream is there, and holds no BIFF (its first sector overwritten).
        var garbage = good
        let bof = try #require(Search.firstIndex(of: [0x09, 0x08, 0x10, 0x00], in: good))
        garbage.replaceSubrange(bof..<(bof + 512), with: [UInt8](repeating: 0xAB, count: 512))
        #expect(isDamaged(failure(garbage, "basura.xls"), "basura.xls"))
        // Records longer or strings longer than they can be, which FreeXL would read past (and
        // crash on): found by mutating the samples. (xlwt writes the Workbook stream in
        // consecutive sectors, so its records are walked here in the file's bytes.)
        func record(_ type: UInt8, in bytes: [UInt8]) -> Int? {
            var at = bof
            while at + 4 <= bytes.count {
                if bytes[at] == type, bytes[at + 1] == 0 { return at }
                at += 4 + (Int(bytes[at + 2]) | Int(bytes[at + 3]) << 8)
            }
            return nil
        }
        var longCell = good
        let labelSST = try #require(record(0xFD, in: good))
        longCell[labelSST + 2] = 0xC3
        #expect(isDamaged(failure(longCell, "celda.xls"), "celda.xls"))
        var longString = good
        let sst = try #require(record(0xFC, in: good))
        // The first shared string's character count, past the SST's 8-byte header: 0xFF00 more.
        longString[sst + 4 + 8 + 1] = 0xFF
        #expect(isDamaged(failure(longString, "cadena.xls"), "cadena.xls"))
    }

    @Test func sheetsAndCellsAreCapped() throws {
        let bytes = try Self.bytes(Self.legacy)
        // More sheets than the reader takes (the sample has two).
        #expect(throws: XLSReader.Failure.tooManySheets(limit: 1)) { try XLSReader(maxCells: 1_000, maxSheets: 1).read(bytes) }
        #expect(try XLSReader(maxCells: 1_000, maxSheets: 2).read(bytes).map(\.sheet.name) == ["Informacion", "hidden1"])
        var options = Extractor.Options()
        options.maxCells = 50
        #expect(throws: ExtractError.tooManyCells(path: "grande.xls", limit: 50)) {
            try Extractor(options: options).extract(bytes: bytes, path: "grande.xls")
        }
    }
}
