import AvanceCore
@testable import AvanceParse
import Testing

/// The transparency portal's workbooks: a format's empty template, built here as the blocks its
/// sheets give.
@Suite struct PortalWorkbookTests {
    /// A sheet's blocks: its name as a heading, then a row per list of texts (row 1 first), each
    /// cell cited at its place.
    static func sheet(_ name: String, index: Int, _ rows: [[String]]) -> [Block] {
        let info = Block.Sheet(name: name, index: index, visibility: .visible)
        var blocks = [Block(kind: .heading, text: SpannedText(text: name, anchors: [SourceAnchor(offset: 0, line: 1, column: 1, sheet: name)]),
                            level: 1, sheet: info)]
        for (r, texts) in rows.enumerated() {
            let cells = texts.enumerated().map { c, text in
                SpannedText(text: text, anchors: [SourceAnchor(offset: 0, line: r + 1, column: c + 1, sheet: name,
                                                               cell: String(UnicodeScalar(UInt8(65 + c))) + String(r + 1))])
            }
            blocks.append(Block(kind: .tableRow, text: SpannedText(text: texts.joined(separator: " | "), anchors: cells[0].anchors),
                                cells: cells, sheet: info))
        }
        return blocks
    }

    static func parse(_ blocks: [Block]) throws(ParseError) -> [IndicatorRecord] {
        try Parser().parse(ExtractedDocument(path: "libro.xls", sha256: "", format: .xls, blocks: blocks))
    }

    @Test func anEmptyTemplateGivesNoRecordsAndSaysWhy() {
        let template = Self.sheet("Reporte de Formatos", index: 1, [
            ["59187"],
            ["TÍTULO", "", "", "NOMBRE CORTO"],
            ["Indicadores de resultados", "", "", "a69_f6"],
            ["1", "4", "4", "2", "1", "2", "2"],
            ["402313", "402316", "402319", "402322", "402325", "402328", "402331"],
            ["Tabla Campos"],
            ["Ejercicio", "Fecha de inicio del periodo que se informa", "Fecha de término del periodo que se informa",
             "Nombre del programa", "Nombre(s) del(os) indicador(es)", "Metas programadas", "Avance de metas"],
        ]) + Self.sheet("Hidden_1", index: 2, [["Ascendente"], ["Descendente"]])
        #expect(throws: ParseError.noRecords(path: "libro.xls", header: "sheet Reporte de Formatos, row 7")) {
            try Self.parse(template)
        }
    }
}
