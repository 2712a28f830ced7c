import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// Real libxml2 on the committed samples and on pages written here.
@Suite struct HTMLExtractionTests {
    let extractor = Extractor()

    func extract(_ html: String, encoding: String.Encoding = .utf8, name: String = "pagina.html") throws -> ExtractedDocument {
        try extract(bytes: [UInt8](try #require(html.data(using: encoding))), name: name)
    }

    func extract(bytes: [UInt8], name: String = "pagina.html") throws -> ExtractedDocument {
        try extractor.extract(bytes: bytes, path: name)
    }

    /// Every block's first words stand at the line and column its span names in the
    /// decoded source (entities aside, which the samples checked here do not use).
    func expectSpansPointAtTheText(_ document: ExtractedDocument, source: String) {
        let lines = TextExtractor.lines(of: source).map { Array($0) }
        for block in document.blocks {
            let parts = block.kind == .tableRow ? block.cells : [block.label, block.text].compactMap { $0 }
            for part in parts where !part.isEmpty {
                let span = part.span
                #expect(span.page == nil)
                let expected = Array(part.text.prefix(while: { $0 != "\n" && $0 != " " }))
                guard span.line >= 1, span.line <= lines.count, span.column >= 1, span.column - 1 + expected.count <= lines[span.line - 1].count else {
                    Issue.record("\(block.kind) span \(span.location) is outside the file")
                    continue
                }
                let found = Array(lines[span.line - 1][(span.column - 1)..<(span.column - 1 + expected.count)])
                #expect(found == expected, "\(block.kind) at \(span.location)")
            }
        }
    }

    @Test func originalReportAsHTMLReadsLikeTheText() throws {
        let path = Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.html")
        let html = try extractor.extract(path: path)
        let text = try extractor.extract(path: Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.txt"))
        #expect(html.format == .html)
        #expect(html.encoding == "UTF-8")
        // The same fields with the same values, in the same order.
        let fields = { (d: ExtractedDocument) in d.blocks(.field).map { [$0.label?.text ?? "", $0.text.text] } }
        #expect(fields(html) == fields(text))
        #expect(html.blocks(.heading).map(\.text.text) == text.blocks(.heading).map(\.text.text))
        #expect(html.blocks.flatMap(\.links) == text.blocks.flatMap(\.links))
        #expect(html.blocks(.paragraph).map(\.text.text) == text.blocks(.paragraph).map(\.text.text))
        #expect(html.blocks(.paragraph).map(\.isStrong) == text.blocks(.paragraph).map(\.isStrong))
        let source = try String(contentsOfFile: path, encoding: .utf8)
        expectSpansPointAtTheText(html, source: source)
    }

    @Test func indicatorTableGivesAHeaderRowAndOneRowPerIndicator() throws {
        let path = Fixtures.sample("avance-indicadores-2024-T3-tabla.html")
        let document = try extractor.extract(path: path)
        let rows = document.blocks(.tableRow).map { $0.cells.map(\.text) }
        #expect(rows.count == 4)
        #expect(rows.first == ["Nivel", "Indicador", "Unidad de medida", "Meta anual", "Meta al periodo", "Avance", "%"])
        #expect(rows[2] == ["Actividad", "I02 - Número de mesas de trabajo realizadas", "mesas", "8", "4", "3", "75%"])
        #expect(document.field("Periodo")?.text.text == "Julio-Septiembre 2024")
        // The script and the comment carry "999": neither is report text.
        #expect(!document.blocks.contains { $0.text.text.contains("999") })
        expectSpansPointAtTheText(document, source: try String(contentsOfFile: path, encoding: .utf8))
    }

    @Test func addressesWrittenAsTextAreLinks() throws {
        let doc = try extract("""
            <html><body><p>Consulte la nota en &lt;https://sesaeqroo.gob.mx/nota-1&gt; y el video en
            https://youtu.be/abc123. También www.qroo.gob.mx/transparencia, o <a href="https://x.mx/a">aquí</a>.</p></body></html>
            """)
        let links = doc.blocks.flatMap(\.links)
        #expect(links == ["https://x.mx/a", "https://sesaeqroo.gob.mx/nota-1", "https://youtu.be/abc123", "www.qroo.gob.mx/transparencia"])
    }

    @Test func bareAddressesKeepNoSurroundingPunctuation() {
        #expect(LinkFilter.bare(in: "(ver https://a.mx/b), «https://c.mx».") == ["https://a.mx/b", "https://c.mx"])
        #expect(LinkFilter.bare(in: "el sitio www. no es enlace, ni http:/mal") == [])
    }

    @Test func windows1252WithoutCharsetIsDecoded() throws {
        let path = Fixtures.sample("iqm-2024-T1-C01.A02-cp1252.html")
        let document = try extractor.extract(path: path)
        #expect(document.encoding == "windows-1252")
        #expect(document.field("Programa presupuestario")?.text.text == "E001 – Igualdad Sustantiva entre Mujeres y Hombres")
        #expect(document.blocks.contains { $0.text.text.contains("“Mujeres informadas, mujeres seguras”") })
        // A two-column table of labels and values reads as fields.
        #expect(document.blocks(.field).count == 6)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        expectSpansPointAtTheText(document, source: TextDecoding.windows1252(bytes))
    }

    @Test(arguments: [
        ("utf-8 without a charset", "<p><b>Unidad responsable:</b> Dirección de Planeación</p>", String.Encoding.utf8, "UTF-8"),
        ("cp1252 without a charset", "<p><b>Unidad responsable:</b> Dirección de Planeación</p>", .windowsCP1252, "windows-1252"),
        ("cp1252 with meta charset", "<meta charset=\"windows-1252\"><p><b>Unidad responsable:</b> Dirección de Planeación</p>", .windowsCP1252, "windows-1252"),
        ("latin-1 by http-equiv", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p><b>Unidad responsable:</b> Dirección de Planeación</p>", .isoLatin1, "windows-1252"),
        ("utf-16 with a BOM", "<p><b>Unidad responsable:</b> Dirección de Planeación</p>", .utf16LittleEndian, "UTF-16LE"),
    ])
    func encodings(_ name: String, _ html: String, _ encoding: String.Encoding, _ decodedAs: String) throws {
        var bytes = [UInt8](try #require(("<html><body>" + html + "</body></html>").data(using: encoding)))
        if encoding == .utf16LittleEndian { bytes = [0xFF, 0xFE] + bytes }
        let document = try extract(bytes: bytes)
        #expect(document.encoding == decodedAs, "\(name)")
        #expect(document.field("Unidad responsable")?.text.text == "Dirección de Planeación", "\(name)")
    }

    @Test func utf8MetaOverLegacyBytesFallsBackToWindows1252() throws {
        let html = "<html><head><meta charset=\"utf-8\"></head><body><p>Capacitación</p></body></html>"
        let document = try extract(html, encoding: .windowsCP1252)
        #expect(document.encoding == "windows-1252")
        #expect(document.blocks.first?.text.text == "Capacitación")
    }

    @Test func externalDTDsAndEntitiesAreNeverFetched() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "contenido-del-archivo-externo"
        let dtd = folder.appendingPathComponent("externo.dtd")
        try "<!ENTITY secreto \"\(secret)\">".write(to: dtd, atomically: true, encoding: .utf8)
        try secret.write(to: folder.appendingPathComponent("externo.txt"), atomically: true, encoding: .utf8)
        let html = """
            <!DOCTYPE html SYSTEM "\(dtd.absoluteString)" [
              <!ENTITY remoto SYSTEM "http://192.0.2.1/entidad.txt">
              <!ENTITY local SYSTEM "\(folder.appendingPathComponent("externo.txt").absoluteString)">
            ]>
            <html><body>
            <p><b>Trimestre:</b> 3er. Trimestre 2024</p>
            <p>Antes &secreto; &remoto; &local; después</p>
            </body></html>
            """
        let document = try extract(html)
        #expect(document.field("Trimestre")?.text.text == "3er. Trimestre 2024")
        let all = document.blocks.map(\.text.text).joined(separator: " ")
        #expect(!all.contains(secret))
        #expect(all.contains("Antes") && all.contains("después"))
    }

    @Test func phpLinesScriptsStylesAndCommentsAreDropped() throws {
        let html = """
            <html><head><style>p { color: red }</style></head><body>
            <?php require('../header.php');?>
            <!-- Meta anual: 40 -->
            <h2>Informe de actividades</h2>
            <script>var meta = "Meta anual: 50";</script>
            <p>Texto del informe.</p>
            <?php include'../footer.php';?>
            </body></html>
            """
        let document = try extract(html)
        #expect(document.blocks.map(\.text.text) == ["Informe de actividades", "Texto del informe."])
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.blocks.first?.level == 2)
    }

    @Test func blocksCarryExactLinesColumnsAndLinks() throws {
        let html = "<html><body>\n<div>\n  <p><b>Trimestre:</b>   3er. Trimestre 2024</p>\n  <ul>\n    <li>Primera\n      acción &amp; <a href=\"https://sesaeqroo.gob.mx/?p=1377\">nota</a></li>\n  </ul>\n</div></body></html>"
        let document = try extract(html)
        let field = try #require(document.field("Trimestre"))
        #expect(field.label?.span == SourceSpan(line: 3, column: 9, text: "Trimestre"))
        #expect(field.text.span == SourceSpan(line: 3, column: 26, text: "3er. Trimestre 2024"))
        let item = try #require(document.blocks(.listItem).first)
        #expect(item.text.text == "Primera acción & nota")
        #expect(item.links == ["https://sesaeqroo.gob.mx/?p=1377"])
        let r = try #require(item.text.text.range(of: "acción"))
        #expect(item.text.span(of: r) == SourceSpan(line: 6, column: 7, text: "acción"))
        let n = try #require(item.text.text.range(of: "nota"))
        #expect(item.text.span(of: n).column == 63)
    }

    @Test func headingsCellsAndRunningTextKeepTheSameLinks() throws {
        let html = """
            <html><body>
            <h2><a href="javascript:abrir()">Acciones</a> <a href=" https://x.gob.mx/h ">ver</a></h2>
            <p>Texto <a href="javascript:void(0)">aquí</a>, <a href="#arriba">arriba</a> y <a href=" https://x.gob.mx/p ">nota</a>.</p>
            <table><tr><td>Meta</td><td>Avance</td>
            <td><a href="JavaScript:abrir()">ficha</a> <a href="#c">c</a> <a href="https://x.gob.mx/t">t</a></td></tr></table>
            </body></html>
            """
        let document = try extract(html)
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .tableRow])
        #expect(document.blocks.map(\.links) == [["https://x.gob.mx/h"], ["https://x.gob.mx/p"], ["https://x.gob.mx/t"]])
    }

    @Test func labelValueTablesAndLayoutTables() throws {
        let html = """
            <table>
            <tr><th>Programa presupuestario</th><td>O002 - Fortalecimiento</td></tr>
            <tr><td><b>Trimestre:</b></td><td>3er. Trimestre 2024</td></tr>
            </table>
            <table><tr><td><h3>Acción uno</h3><p>El 9 de julio de 2024 se firmó.</p></td></tr></table>
            <table><tr><td><b>Meta anual:</b> 4<br><b>Meta del trimestre:</b> 2</td></tr></table>
            """
        let document = try extract("<html><body>" + html + "</body></html>")
        #expect(document.field("Programa presupuestario")?.text.text == "O002 - Fortalecimiento")
        #expect(document.field("Trimestre")?.text.text == "3er. Trimestre 2024")
        #expect(document.blocks(.heading).map(\.text.text) == ["Acción uno"])
        #expect(document.blocks(.paragraph).map(\.text.text) == ["El 9 de julio de 2024 se firmó."])
        #expect(document.field("Meta anual")?.text.text == "4")
        #expect(document.field("Meta del trimestre")?.text.text == "2")
        #expect(document.blocks(.tableRow).isEmpty)
    }

    @Test func aPageWithNoTextIsAnError() {
        #expect(throws: ExtractError.noText(path: "vacia.html")) {
            _ = try extractor.extract(bytes: Array("<html><head><title>x</title></head><body><script>1</script></body></html>".utf8), path: "vacia.html")
        }
    }
}
