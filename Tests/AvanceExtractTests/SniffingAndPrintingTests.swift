import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

@Suite struct SniffingAndPrintingTests {
    @Test func formatIsDecidedByContent() {
        #expect(FormatSniffer.sniff(Array("%PDF-1.7\n%âãÏÓ\n".utf8)) == .format(.pdf))
        // Some writers put bytes before the header; readers accept it in the first kilobyte.
        #expect(FormatSniffer.sniff(Array("\u{0}\u{0}junk%PDF-1.4\n".utf8)) == .format(.pdf))
        #expect(FormatSniffer.sniff(Array("<!DOCTYPE html><html><body><p>Hola</p></body></html>".utf8)) == .format(.html))
        #expect(FormatSniffer.sniff(Array("  <html>\n<p>Informe</p>".utf8)) == .format(.html))
        // Stray inline tags, as Markdown converters leave, do not make a page.
        #expect(FormatSniffer.sniff(Array("<b>Trimestre:</b>\t3er. Trimestre 2024\n".utf8)) == .format(.text))
        #expect(FormatSniffer.sniff([0xFF, 0xFE] + Array("<\0h\0t\0m\0l\0>\0".utf8)) == .format(.html))
        #expect(FormatSniffer.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]) == .binary)
    }

    @Test func theNameOnlyDeclares() {
        #expect(FormatSniffer.declaredFormat(forPath: "a/b/informe.PDF") == .pdf)
        #expect(FormatSniffer.declaredFormat(forPath: "noticia.php") == .html)
        #expect(FormatSniffer.declaredFormat(forPath: "sin-extension") == nil)
        #expect(FormatSniffer.declaredFormat(forPath: "carpeta.v2/sin-extension") == nil)
    }

    @Test func charsetDeclarationsAreFoundInTheHead() {
        #expect(HTMLEncoding.declaredCharset(Array("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\">".utf8)) == "iso-8859-1")
        #expect(HTMLEncoding.declaredCharset(Array("<meta charset='UTF-8'/>".utf8)) == "utf-8")
        #expect(HTMLEncoding.declaredCharset(Array("<p>charset=utf-8 dicho en el texto</p>".utf8)) == nil)
    }

    @Test func printedLinesShowPageLineKindAndText() {
        let field = Block(
            kind: .field, text: SpannedText("O002 - Fortalecimiento", page: 2, line: 14, column: 27),
            label: SpannedText("Programa presupuestario", page: 2, line: 14, column: 1)
        )
        #expect(BlockPrinter.line(field) == "p.2 l.14:1   field       Programa presupuestario: O002 - Fortalecimiento")
        let paragraph = Block(kind: .paragraph, text: SpannedText("Primera línea\nsegunda", line: 3, column: 5), links: ["https://a.mx"])
        #expect(BlockPrinter.line(paragraph) == "l.3:5        paragraph   Primera línea ⏎ segunda  → https://a.mx")
        let heading = Block(kind: .heading, text: SpannedText("Resultados", line: 9), level: 3, isStrong: true)
        #expect(BlockPrinter.line(heading).hasPrefix("l.9:1        heading(3)  Resultados"))
    }

    @Test func jsonIsTheExtractedDocument() throws {
        let document = ExtractedDocument(
            path: "a.html", sha256: "00", format: .html, declaredFormat: .pdf,
            blocks: [Block(kind: .paragraph, text: SpannedText("Hola", line: 1))]
        )
        let json = try BlockPrinter.json([document], asArray: false)
        let decoded = try JSONDecoder().decode(ExtractedDocument.self, from: Data(json.utf8))
        #expect(decoded == document)
        #expect(try JSONDecoder().decode([ExtractedDocument].self, from: Data(BlockPrinter.json([document], asArray: true).utf8)) == [document])
        let two = try BlockPrinter.json([document, document], asArray: true)
        #expect(try JSONDecoder().decode([ExtractedDocument].self, from: Data(two.utf8)) == [document, document])
    }
}
