import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// OpenDocument spreadsheets written in the test as LibreOffice writes them (a stored
/// `mimetype` first, `content.xml` with repeated rows and cells), zipped by ZIPFoundation and
/// read back through the real ZIPFoundation and libxml2.
@Suite struct ODSExtractionTests {
    static let namespaces = [
        #"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0""#,
        #"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0""#,
        #"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0""#,
        #"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3""#,
    ].joined(separator: " ")

    /// An ODS of the given `<table:table>` elements, with automatic styles (`hidden` is a table
    /// style that hides its sheet).
    static func make(_ tables: String, mimeType: String = ODSReader.mimeType) throws -> [UInt8] {
        let content = #"<?xml version="1.0" encoding="UTF-8"?>"#
            + "<office:document-content \(namespaces)><office:automatic-styles>"
            + #"<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>"#
            + #"<style:style style:name="hidden" style:family="table"><style:table-properties table:display="false"/></style:style>"#
            + "</office:automatic-styles><office:body><office:spreadsheet>\(tables)</office:spreadsheet></office:body></office:document-content>"
        let manifest = #"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="\#(mimeType)"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#
        return try MiniXLSX.zip([
            ("mimetype", Array(mimeType.utf8)),
            ("content.xml", Array(content.utf8)),
            ("META-INF/manifest.xml", Array(manifest.utf8)),
        ])
    }

    static func cell(_ text: String, _ attributes: String = #"office:value-type="string""#) -> String {
        "<table:table-cell \(attributes)><text:p>\(text)</text:p></table:table-cell>"
    }

    static func float(_ value: String, shown: String? = nil) -> String {
        cell(shown ?? value, #"office:value-type="float" office:value="\#(value)""#)
    }

    static var workbook: String { #"""
        <table:table table:name="Indicadores" table:style-name="ta1">
          <table:table-column table:number-columns-repeated="6"/>
          <table:table-row><table:table-cell table:number-columns-spanned="4" office:value-type="string"><text:p>INDICADORES DE RESULTADOS</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="3"/></table:table-row>
          <table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="6"/></table:table-row>
          <table:table-row>\#(cell("Indicador"))\#(cell("Meta<text:s text:c=\"2\"/>anual"))\#(cell("Alcanzado"))\#(cell("Fecha"))<table:table-cell table:number-columns-repeated="2"/></table:table-row>
          <table:table-row>\#(cell("Porcentaje de cursos<text:line-break/>impartidos"))\#(float("12", shown: "12.00"))\#(float("0.75", shown: "75%"))<table:table-cell office:value-type="date" office:date-value="2024-09-30T00:00:00"><text:p>30/09/24</text:p></table:table-cell><table:table-cell office:value-type="string"><office:annotation><text:p>revisar</text:p></office:annotation><text:p>ok</text:p></table:table-cell><table:table-cell table:formula="of:=1/0"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>
          <table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
        </table:table>
        <table:table table:name="hidden1" table:style-name="hidden">
          <table:table-row>\#(cell("Sí"))</table:table-row>
          <table:table-row>\#(cell("No"))</table:table-row>
        </table:table>
        """# }

    @Test func anODSIsSniffedByItsMimeType() throws {
        #expect(FormatSniffer.sniff(try Self.make(Self.workbook)) == .format(.ods))
        // A text document zipped the same way is no spreadsheet.
        #expect(FormatSniffer.sniff(try Self.make("", mimeType: "application/vnd.oasis.opendocument.text")) == .binary)
    }

    @Test func cellsAsAnXLSXShowsThem() throws {
        let document = try Extractor().extract(bytes: try Self.make(Self.workbook), path: "libro.ods")
        #expect(document.format == .ods)
        let rows = document.blocks.filter { $0.kind == .tableRow && $0.sheet?.name == "Indicadores" }
        let texts = rows.map { $0.cells.map(\.text) }
        #expect(texts.contains(["Indicador", "Meta  anual", "Alcanzado", "Fecha"]))
        // Stored values, not the display: 12 not 12.00, 0.75 not 75 %, the date's day; the
        // comment is no part of the cell; a formula's error stays its literal.
        #expect(texts.contains(["Porcentaje de cursos\nimpartidos", "12", "0.75", "2024-09-30", "ok", "#DIV/0!"]))
        let data = try #require(rows.first { $0.cells.first?.text.hasPrefix("Porcentaje") == true })
        // The repeated empty rows count: the data row is the sheet's fifth.
        #expect(data.cells[1].span.cell == "B5")
        #expect(data.cells[1].span.sheet == "Indicadores")
        #expect(data.errorCells == [5])
        // The catalog sheet is read, marked hidden.
        let hidden = document.blocks.first { $0.sheet?.name == "hidden1" }
        #expect(hidden?.sheet?.visibility == .hidden)
    }

    @Test func aBrokenODSIsOneNamedFailure() throws {
        let good = try Self.make(Self.workbook)
        // Truncated in the middle of its content.
        #expect(throws: ExtractError.self) { try Extractor().extract(bytes: Array(good.prefix(good.count / 2)), path: "corto.ods") }
        // Well zipped, but its content is not XML.
        let bad = try MiniXLSX.zip([("mimetype", Array(ODSReader.mimeType.utf8)), ("content.xml", Array("<office:document-content".utf8))])
        #expect(throws: ExtractError.self) { try Extractor().extract(bytes: bad, path: "malo.ods") }
    }

    @Test func repeatedCellsCountAgainstTheCellLimit() throws {
        let table = #"<table:table table:name="H"><table:table-row table:number-rows-repeated="1000">\#(Self.float("1"))<table:table-cell table:number-columns-repeated="50" office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell></table:table-row></table:table>"#
        var options = Extractor.Options()
        options.maxCells = 10_000
        #expect(throws: ExtractError.tooManyCells(path: "grande.ods", limit: 10_000)) {
            try Extractor(options: options).extract(bytes: try Self.make(table), path: "grande.ods")
        }
    }
}
