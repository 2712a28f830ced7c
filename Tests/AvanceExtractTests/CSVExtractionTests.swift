import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// Delimited text: the delimiter and the encoding sniffed, RFC 4180 quoting, every field cited
/// at its line and column; and text reports that must stay text.
@Suite struct CSVExtractionTests {
    static func extract(_ bytes: [UInt8], named name: String = "tabla") throws(ExtractError) -> ExtractedDocument {
        try Extractor().extract(bytes: bytes, path: name)
    }

    @Test func semicolonsWindows1252AndAQuotedFieldOverTwoLines() throws {
        let text = "Ejercicio;Nombre del indicador;Meta;Avance\r\n"
            + "2024;\"Índice de \"\"calidad\"\"\r\ndel aire\";12;10\r\n"
            + ";;;\r\n"
            + "2024;Porcentaje de acciones;4;\r\n"
        let bytes = TextDecodingTests.windows1252(text)
        let document = try Self.extract(bytes)
        #expect(document.format == .csv)
        #expect(document.encoding == "windows-1252")
        let rows = document.blocks
        #expect(rows.allSatisfy { $0.kind == .tableRow })
        // The row of empty fields makes no block; an empty field keeps its place.
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Ejercicio", "Nombre del indicador", "Meta", "Avance"],
            ["2024", "Índice de \"calidad\"\ndel aire", "12", "10"],
            ["2024", "Porcentaje de acciones", "4", ""],
        ])
        // A quoted field is cited where its text starts, after the quote; the fields after a
        // field that ran over two lines on that second line.
        let quoted = rows[1].cells[1]
        #expect((quoted.span.line, quoted.span.column) == (2, 7))
        let lines = quoted.text.split(separator: "\n")
        let secondLine = quoted.span(of: quoted.text.range(of: String(lines[1]))!)
        #expect((secondLine.line, secondLine.column, secondLine.text) == (3, 1, "del aire"))
        #expect((rows[1].cells[2].span.line, rows[1].cells[2].span.column) == (3, 11))
        let empty = rows[2].cells[3].span
        #expect((empty.line, empty.column, empty.sheet, empty.cell) == (5, 31, nil, nil))
        #expect(BlockPrinter.line(rows[2]) == "l.5:1        tableRow    2024 | Porcentaje de acciones | 4 | ")
    }

    @Test func commaTabAndPipeAreSniffedByTheirConsistentWidth() throws {
        let comma = "\u{FEFF}Nivel,Indicador,Meta anual,Meta al periodo\nFin,\"Tasa de variación, anual\",10,5\nPropósito,Cobertura,80,40\n"
        let c = try Self.extract(Array(comma.utf8))
        #expect((c.format, c.encoding) == (.csv, "UTF-8"))
        #expect(c.blocks[1].cells.map(\.text) == ["Fin", "Tasa de variación, anual", "10", "5"])
        #expect(c.blocks[0].cells[0].span.column == 1)
        let tab = "Nivel\tIndicador\tMeta\nFin\tTasa\t10\nPropósito\tCobertura\t80\nComponente\tCursos\t12\n"
        #expect(try Self.extract(Array(tab.utf8)).blocks.map(\.cells.count) == [3, 3, 3, 3])
        let pipe = "Nivel|Indicador|Meta\nFin|Tasa|10\nPropósito|Cobertura|80\n"
        #expect(try Self.extract(Array(pipe.utf8)).format == .csv)
        // Title lines before the table are rows too; the table decides the delimiter.
        let titled = "Indicadores de resultados\nTabla Campos\nA;B;C;D\n1;2;3;4\n5;6;7;8\n9;10;11;12\n"
        let t = try Self.extract(Array(titled.utf8))
        #expect(t.format == .csv)
        #expect(t.blocks.map(\.cells.count) == [1, 1, 4, 4, 4, 4])
    }

    @Test func aNameEndingInCSVTipsADoubtfulCase() throws {
        let two = Array("Meta;Avance\n4;3\n".utf8)
        #expect(try Self.extract(two).format == .text)
        #expect(try Self.extract(two, named: "metas.csv").format == .csv)
        // Named .csv but plainly a one-column list: still text, the name said otherwise.
        let list = try Self.extract(Array("uno\ndos\ntres\n".utf8), named: "lista.csv")
        #expect((list.format, list.declaredFormat) == (.text, .csv))
    }

    @Test func narrativeReportsStayText() throws {
        let narrative = """
            Programa presupuestario: E024 - Educación para adultos
            Durante el trimestre se impartieron cuatro talleres, en coordinación con el Instituto, la Secretaría y el Ayuntamiento.
            El 9 de julio de 2024, se llevó a cabo la primera sesión; asistieron 1,250 personas.
            La meta anual es de 4 acciones, de las cuales se alcanzaron 3.
            """
        #expect(try Self.extract(Array(narrative.utf8)).format == .text)
        // A sentence with one comma on every line is prose, not two columns.
        let commas = "Se realizó la sesión, con éxito.\nSe firmó el convenio, con el Instituto.\nSe publicó la nota, en la página.\n"
        #expect(try Self.extract(Array(commas.utf8)).format == .text)
        // Label and value separated by a tab, as legacy text reports write them.
        let labelled = "Programa presupuestario:\tE024\nIndicador:\tPorcentaje de talleres\nTrimestre:\tTercero\nMeta anual:\t4\n"
        #expect(try Self.extract(Array(labelled.utf8)).format == .text)
        // A Markdown table, which the text extractor reads as a table.
        let markdown = "| Meta | Avance |\n|---|---|\n| 4 | 3 |\n| 2 | 2 |\n"
        #expect(try Self.extract(Array(markdown.utf8)).format == .text)
        // Every text and Markdown sample stays what it was.
        let samples = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        #expect(samples.count > 10)
        for name in samples {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixtures.sample(name))))
            #expect(FormatSniffer.sniff(bytes, path: name) == .format(.text), "\(name)")
        }
    }

    @Test func aCSVWithTooManyCellsIsRefused() throws {
        let rows = (1...30).map { "\($0);a;b;c" }.joined(separator: "\n")
        #expect(throws: ExtractError.tooManyCells(path: "t.csv", limit: 100)) {
            try Extractor(options: Extractor.Options(maxCells: 100)).extract(bytes: Array(rows.utf8), path: "t.csv")
        }
    }

    @Test func recordsFollowRFC4180() throws {
        let records = try DelimitedText.records("a,\"b,c\",\"d\"\"e\"\n\"\",x\"y,\n", delimiter: ",", maxCells: 100)
        #expect(records.map { $0.map(\.text) } == [["a", "b,c", "d\"e"], ["", "x\"y", ""]])
        // An unclosed quote runs to the end.
        #expect(try DelimitedText.records("a,\"b\nc", delimiter: ",", maxCells: 100).map { $0.map(\.text) } == [["a", "b\nc"]])
    }
}

enum TextDecodingTests {
    /// Windows-1252 bytes of text that has only Latin-1 letters.
    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { UInt8($0.value) }
    }
}
