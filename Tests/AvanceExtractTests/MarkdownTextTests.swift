import AvanceCore
@testable import AvanceExtract
import Testing

/// Text and Markdown with stray HTML tags into blocks, with exact provenance.
@Suite struct MarkdownTextTests {
    static func blocks(_ text: String) -> [Block] { TextExtractor().blocks(from: text) }

    @Test func boldLabelsBecomeFieldsAndColumnsSkipTheMarkup() throws {
        let b = Self.blocks("\n<b>Componente:</b>\t<b>F.P.C01.-</b> Acciones de acompañamiento.\n")
        let field = try #require(b.first)
        #expect(field.kind == .field)
        #expect(field.label?.text == "Componente")
        #expect(field.text.text == "F.P.C01.- Acciones de acompañamiento.")
        // "<b>Componente:</b>" is 18 characters, the tab the 19th, "<b>" 20-22: "F" is column 23.
        #expect(field.text.span == SourceSpan(line: 2, column: 23, text: "F.P.C01.- Acciones de acompañamiento."))
        let r = try #require(field.text.text.range(of: "Acciones"))
        #expect(field.text.span(of: r).column == 37)
    }

    @Test func headingsListsAndParagraphs() {
        let b = Self.blocks("### **Resultados alcanzados**\n\nPrimera línea  \nsegunda línea\n\n- un punto\n1. otro punto\n")
        #expect(b.map(\.kind) == [.heading, .paragraph, .listItem, .listItem])
        #expect(b[0].text.text == "Resultados alcanzados" && b[0].level == 3)
        #expect(b[1].text.text == "Primera línea\nsegunda línea")
        #expect(b[1].text.span(of: b[1].text.text.range(of: "segunda")!).line == 4)
        #expect(b[2].text.text == "un punto" && b[3].text.text == "otro punto")
    }

    @Test func listItemsKeepTheLetterOrNumberTheyAreCitedBy() {
        let b = Self.blocks("Eje 2\n\nA) Ampliación de la red\nb) Lanzamiento del padrón\n12. Difusión\n- un punto\nA. López firmó.\n")
        #expect(b.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .listItem, .paragraph])
        #expect(b[1...4].map(\.marker) == ["A)", "b)", "12.", nil])
        #expect(b[1].text.text == "Ampliación de la red" && b[1].text.span.column == 4)
        // A letter and a full stop is an initial more often than an item.
        #expect(b[5].text.text == "A. López firmó.")
    }

    @Test func aLetterAfterALineCutMidSentenceOpensNoItem() {
        let b = Self.blocks("Conforme al artículo 21, fracción II, inciso\na) de la Ley del Sistema Estatal.\nSe hizo lo siguiente.\na) Difusión\n")
        #expect(b.map(\.kind) == [.paragraph, .listItem])
        #expect(b[0].text.text.hasSuffix("inciso\na) de la Ley del Sistema Estatal.\nSe hizo lo siguiente."))
        #expect(b[1].marker == "a)")
    }

    @Test func aWrappedItemIsOneItem() throws {
        // pdftotext -layout's lines of a list whose items wrap, as in a Word document.
        let b = Self.blocks("Eje 3\n\n    A) Actualización del Programa\n    B) Implementación del Programa destinado a impulsar sistemas de integridad\n       en Micro, Pequeñas y Medianas Empresas\n    C) Apoyo al Programa Karewa\nOtro párrafo.\n")
        #expect(b.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .paragraph])
        #expect(b[2].text.text == "Implementación del Programa destinado a impulsar sistemas de integridad en Micro, Pequeñas y Medianas Empresas")
        let r = try #require(b[2].text.text.range(of: "Micro"))
        #expect(b[2].text.span(of: r).line == 5)
        #expect(b[3].marker == "C)")
    }

    @Test func linksAreKeptAndMarkupRemoved() {
        let b = Self.blocks("Nota: <https://sesaeqroo.gob.mx/?p=1377>\n\nVer [el portal](https://x.gob.mx/a) y https://y.gob.mx/b.\n")
        #expect(b[0].links == ["https://sesaeqroo.gob.mx/?p=1377"])
        #expect(b[1].text.text == "Ver el portal y https://y.gob.mx/b.")
        #expect(b[1].links == ["https://x.gob.mx/a", "https://y.gob.mx/b"])
    }

    @Test func scriptAndInPageLinksAreNoLinksInTextEither() {
        let b = Self.blocks("Ver <a href=\"javascript:abrir()\">ficha</a>, [nota](javascript:abrir) y [arriba](#inicio), <a href=\" https://x.gob.mx/a \">a</a>.\n")
        #expect(b.first?.text.text == "Ver ficha, nota y arriba, a.")
        #expect(b.first?.links == ["https://x.gob.mx/a"])
    }

    @Test func aWholeBoldLineIsStrongAndEntitiesDecode() {
        let b = Self.blocks("**Firma del Convenio.**\n\nA&amp;B&nbsp;C\n")
        #expect(b[0].isStrong && b[0].text.text == "Firma del Convenio.")
        #expect(b[1].text.text == "A&B C" && !b[1].isStrong)
    }

    @Test func aLabelAloneTakesTheNextLineAsValue() {
        let b = Self.blocks("Programa presupuestario:\nE001 - Programa\n")
        #expect(b.count == 1 && b[0].kind == .field && b[0].text.text == "E001 - Programa" && b[0].text.span.line == 2)
    }

    @Test func markdownAndTabbedTables() {
        let b = Self.blocks("| Nivel | Meta anual |\n|---|---:|\n| Actividad | 4 |\n\nA\tB\tC\n")
        #expect(b.map(\.kind) == [.tableRow, .tableRow, .tableRow])
        #expect(b[1].cells.map(\.text) == ["Actividad", "4"])
        #expect(b[1].cells[1].span.column == 15)
        #expect(b[2].cells.map(\.text) == ["A", "B", "C"])
    }

    @Test func aTableRowsTextPointsIntoEveryCell() throws {
        // The second cell's "4" stands at column 19, not where the joined text would put it
        // counting from the first cell (column 15).
        let b = Self.blocks("| **Nivel** | Meta |\n|---|---:|\n| Actividad |     4 |\n")
        let row = try #require(b.last)
        #expect(row.text.text == "Actividad | 4")
        let four = try #require(row.text.text.range(of: "4"))
        #expect(row.text.span(of: four) == SourceSpan(line: 3, column: 19, text: "4"))
        let meta = try #require(b.first?.text.text.range(of: "Meta"))
        #expect(b[0].text.span(of: meta).column == 15)
        #expect(row.text.span.column == 3)
    }

    @Test func sentencesWithColonsStayParagraphs() {
        let b = Self.blocks("Lo anterior, en apego a lo dispuesto en la línea de acción que a letra dice: texto.\n")
        #expect(b.map(\.kind) == [.paragraph])
    }

    @Test func decodingByBOMAndFallback() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("año".utf8)).text == "año")
        #expect(TextDecoding.decode([0xFF, 0xFE, 0xF1, 0x00]).text == "ñ")
        let cp1252 = TextDecoding.decode([0x41, 0xF1, 0x6F, 0x20, 0x93, 0x51, 0x94])
        #expect(cp1252.text == "Año “Q”" && cp1252.encoding == "windows-1252")
    }

    @Test func crlfAndCRLineEnds() {
        let b = Self.blocks("Trimestre: 3T-2024\r\nUnidad responsable: Dirección\rIndicador: 01\r\n")
        #expect(b.map { $0.label?.text } == ["Trimestre", "Unidad responsable", "Indicador"])
        #expect(b.map { $0.text.span.line } == [1, 2, 3])
    }
}
