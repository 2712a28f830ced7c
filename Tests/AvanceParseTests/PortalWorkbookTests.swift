import AvanceCore
@testable import AvanceParse
import Testing

/// The transparency portal's workbooks: rows that leave their indicators to another sheet
/// (`Tabla_221898`), and a format's empty template, built here as the blocks their sheets give.
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

    static let linked = sheet("Tabla_221898", index: 2, [
        ["Id", "Nombre Del Indicador", "Unidad de Medida", "Metas Programadas", "Avance de Metas"],
        ["501", "Número de despensas entregadas", "Despensa", "1800", "924"],
        ["502", "Número de desayunos servidos", "Ración", "12500", "6113"],
        ["501", "Porcentaje de beneficiarios con seguimiento", "Porcentaje", "80", "76.5"],
    ])

    @Test func eachLinkedRowIsReadJoinedToTheRowThatNamesIt() throws {
        let main = Self.sheet("Informacion", index: 1, [
            ["", " Ejercicio", " Periodo", " Nombre Del Programa", " Indicadores Del Programa", " Nota"],
            ["501", "2017", "Enero-Junio", "Apoyo alimentario", "Tabla_221898", "Los indicadores están en la Tabla_221898"],
            ["502", "2017", "Enero-Junio", "Desayunos escolares", "Tabla_221898", ""],
            // A row no linked row names: it stays as it is, and names no indicator.
            ["503", "2017", "Enero-Junio", "Comedores comunitarios", "Tabla_221898", ""],
        ])
        let rs = try Self.parse(main + Self.linked)
        #expect(rs.map { $0.indicator?.name } == [
            "Número de despensas entregadas", "Porcentaje de beneficiarios con seguimiento", "Número de desayunos servidos",
        ])
        #expect(rs.map { $0.program?.name } == ["Apoyo alimentario", "Apoyo alimentario", "Desayunos escolares"])
        #expect(rs.map(\.targets.annual) == [1800, 80, 12500])
        // Each value cited where it stands: the program in the main sheet, the indicator and
        // its targets in the linked one.
        #expect(rs[1].program?.evidence?.sheet == "Informacion")
        #expect(rs[1].program?.evidence?.cell == "D2")
        #expect(rs[1].indicator?.evidence?.sheet == "Tabla_221898")
        #expect(rs[1].indicator?.evidence?.cell == "B4")
        #expect(rs[1].targets.evidence.first?.cell == "D4")
        // The period from the main row: January to June 2017, cumulative.
        #expect(rs.allSatisfy { $0.period?.year == 2017 && $0.period?.quarter == 2 && $0.targets.periodIsCumulative })
    }

    @Test func aHeaderThatNamesTheSheetHoldsIdsInItsColumn() throws {
        let main = Self.sheet("Reporte de Formatos", index: 1, [
            ["Ejercicio", "Nombre del programa", "Indicadores respecto de la ejecución del programa Tabla_221898"],
            ["2017", "Apoyo alimentario", "501"],
            ["2017", "Desayunos escolares", "502"],
        ])
        let rs = try Self.parse(main + Self.linked)
        #expect(rs.map { $0.program?.name } == ["Apoyo alimentario", "Apoyo alimentario", "Desayunos escolares"])
        #expect(rs.map { $0.targets.achieved } == [924, 76.5, 6113])
    }

    @Test func withoutALinkTheBlocksStayAsTheyAre() {
        let main = Self.sheet("Informacion", index: 1, [
            ["", " Nombre Del Programa", " Indicadores Del Programa"],
            ["501", "Apoyo alimentario", "Tabla_999999"],
        ])
        // A placeholder naming no sheet of the workbook, or no placeholder at all.
        #expect(LinkedSheets.joined(main + Self.linked) == main + Self.linked)
        #expect(LinkedSheets.joined(Self.linked) == Self.linked)
        #expect(LinkedSheets.placeholder("Tabla_221898") == "tabla221898")
        #expect(LinkedSheets.placeholder("Tabla de indicadores") == nil)
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
