import AvanceCore
import Foundation
import Testing
import TestSupport

@testable import AvanceExtract

/// Real pdftotext on the committed samples and on PDFs written in a temporary folder.
@Suite struct PDFExtractionTests {
    let extractor = Extractor()

    /// Every block's text stands where its span says, by poppler's own readings: the words
    /// inside its box hold it, and its first word starts at its line and column of the page's
    /// plain text.
    func expectSpansPointAtTheText(_ document: ExtractedDocument, path: String) throws {
        #expect(!document.blocks.isEmpty)
        var pages: [Int: [Substring]] = [:]
        for block in document.blocks {
            let parts = block.kind == .tableRow ? block.cells.filter { !$0.isEmpty } : [block.label, block.text].compactMap { $0 }
            for part in parts where !part.isEmpty {
                let span = part.span
                let page = try #require(span.page)
                let box = try #require(span.box, "\(block.kind) at \(span.location) has no box")
                let inBox = PopplerOracle.normalised(try PopplerOracle.text(of: path, page: page, crop: box))
                // The part of the text on its first page (a paragraph may go on over the next).
                let firstPage = part.anchors.first { $0.page != page }.map { a in
                    String(decoding: part.text.utf8.prefix(a.offset), as: UTF8.self)
                } ?? part.text
                #expect(inBox.contains(PopplerOracle.normalised(firstPage)), "\(block.kind) at \(span.location): the box holds \"\(inBox)\", not \"\(firstPage)\"")
                if pages[page] == nil {
                    pages[page] = try PopplerOracle.text(of: path, page: page).split(separator: "\n", omittingEmptySubsequences: false)
                }
                // A word broken at the margin (an address) goes on over poppler's next line.
                let firstWord = PopplerOracle.normalised(String(part.text.prefix { !$0.isWhitespace }))
                let found = PopplerOracle.normalised(PopplerOracle.word(at: span, in: pages[page]!) ?? "")
                #expect(!found.isEmpty && (firstWord.hasPrefix(found) || found.hasPrefix(firstWord)),
                        "\(block.kind) at \(span.location): \(part.text.prefix(40)), the page's text has \"\(found)\"")
            }
        }
    }

    @Test func originalReportAsPDFKeepsPagesFieldsAndHeadings() throws {
        let path = Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf")
        let document = try extractor.extract(path: path)
        #expect(document.format == .pdf)
        #expect(document.declaredFormat == nil)
        #expect(document.pages == 5)
        let program = try #require(document.field("Programa presupuestario"))
        #expect(program.text.text == "O002 - Fortalecimiento de las Capacidades Institucionales en Materia\nAnticorrupción")
        #expect(program.span.page == 1)
        #expect(document.field("Descripción del indicador")?.text.text.hasSuffix("*Mesas de trabajo.") == true)
        #expect(document.field("Trimestre")?.text.text == "3er. Trimestre 2024")
        let headings = document.blocks(.heading).map(\.text.text)
        #expect(headings.contains("Firma del Convenio de Colaboración con el Instituto Quintanarroense de la Mujer (IQM)."))
        #expect(headings.contains { $0.hasPrefix("Arranque de los trabajos") })
        // The running header and the page numbers are gone; the body's own mentions stay.
        #expect(!document.blocks.contains { $0.text.text.contains("Página") || $0.text.text.contains("Informe de avance de indicadores") })
        // An address cut at the right margin is whole again.
        #expect(document.blocks.flatMap(\.links).contains(
            "https://www.facebook.com/people/Secretar%C3%ADa-Ejecutiva-del-Sistema-Anticorrupci%C3%B3n-del-Estado-de-Quintana-Roo/100069174370744/"))
        let pagesOfActions = document.blocks(.heading).compactMap(\.span.page)
        #expect(pagesOfActions == pagesOfActions.sorted())
        #expect(Set(pagesOfActions).count >= 3)
        try expectSpansPointAtTheText(document, path: path)
    }

    @Test func multiPageReportLosesRunningLinesAndKeepsItsTableAndSignatures() throws {
        let path = Fixtures.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        let document = try extractor.extract(path: path)
        #expect(document.pages == 2)
        let all = document.blocks.map { ($0.label?.text ?? "") + " " + $0.text.text }.joined(separator: "\n")
        #expect(!all.contains("Página"))
        #expect(!all.contains("Avance de indicadores para resultados"))
        // Hyphenation at a line's end, ligatures and non-breaking spaces undone.
        #expect(all.contains("fortalecer la coordinación con las dependencias"))
        #expect(all.contains("identificar") && all.contains("reflexión"))
        #expect(all.contains("a 35 personas"))
        // Word's label column wraps "Programa" / "presupuestario:".
        #expect(document.field("Programa presupuestario")?.text.text == "E001 - Igualdad Sustantiva entre Mujeres y Hombres")
        let rows = document.blocks(.tableRow)
        #expect(rows.map { $0.cells.map(\.oneLine) } == [
            ["Unidad de medida", "Meta anual", "Meta al periodo", "Avance al periodo", "% de cumplimiento"],
            ["talleres", "12", "3", "3", "100%"],
        ])
        // The section broken by the page: its heading on page 1, its second paragraph on page 2.
        let heading = try #require(document.blocks.firstIndex { $0.text.text == "Taller de sensibilización en el Ayuntamiento de Benito Juárez" })
        #expect(document.blocks[heading].span.page == 1)
        #expect(document.blocks[heading + 2].span.page == 2)
        #expect(document.blocks[heading + 2].text.text.hasPrefix("Las personas participantes"))
        // Signatures side by side come out one after the other.
        let paragraphs = document.blocks(.paragraph).map(\.text.text)
        #expect(paragraphs.contains("Mtra. Laura Méndez Castillo\nDirectora de Capacitación"))
        #expect(paragraphs.contains("Lic. Jorge Pérez Ramírez\nJefe del Departamento de Seguimiento"))
        try expectSpansPointAtTheText(document, path: path)
    }

    @Test func indicatorTableInAPDFGivesOneRowPerIndicator() throws {
        let path = Fixtures.sample("avance-indicadores-2024-T3-tabla.pdf")
        let document = try extractor.extract(path: path)
        let rows = document.blocks(.tableRow)
        #expect(rows.count == 4)
        #expect(rows.first?.cells.map(\.oneLine) == ["Nivel", "Indicador", "Unidad de medida", "Meta anual", "Meta al periodo", "Avance", "%"])
        #expect(rows.last?.cells.map(\.oneLine) == ["Actividad", "I03 - Número de capacitaciones impartidas", "capacitaciones", "12", "6", "5", "90%"])
        try expectSpansPointAtTheText(document, path: path)
    }

    @Test func runningHeadersFootersAndHyphenationInAPDFMadeHere() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [[MiniPDF.Text]] = []
        let body = [
            ("Trimestre: 2do. Trimestre 2024", "Unidad responsable: Dirección de Evaluación"),
            ("El segundo taller fortaleció la coordina-", "ción de las acciones del periodo."),
            ("El tercer taller se dedicó a la planea-", "ción del siguiente trimestre."),
        ]
        for n in 1...3 {
            pages.append([
                .init(x: 72, y: 750, size: 9, text: "Consejo Estatal de Evaluación"),
                .init(x: 72, y: 690, text: body[n - 1].0),
                .init(x: 72, y: 676, text: body[n - 1].1),
                .init(x: 480, y: 40, size: 9, text: "Página \(n) de 3"),
            ])
        }
        let path = try Fixtures.write(MiniPDF.make(pages: pages), named: "informe.pdf", in: folder)
        let document = try extractor.extract(path: path)
        #expect(document.pages == 3)
        let texts = document.blocks.map(\.text.text)
        #expect(!texts.contains { $0.contains("Consejo Estatal") || $0.contains("Página") })
        #expect(texts.contains("El segundo taller fortaleció la coordinación de las acciones del periodo."))
        let third = try #require(document.blocks.first { $0.text.text.hasPrefix("El tercer taller") })
        #expect(third.span.page == 3)
        #expect(third.text.text == "El tercer taller se dedicó a la planeación del siguiente trimestre.")
        #expect(document.field("Unidad responsable")?.text.span.page == 1)
        try expectSpansPointAtTheText(document, path: path)
    }

    @Test func aHTMLPageNamedPDFIsReadAsHTMLAndAPDFNamedTxtAsPDF() throws {
        let html = try extractor.extract(path: Fixtures.sample("informe-html-con-nombre.pdf"))
        #expect(html.format == .html)
        #expect(html.declaredFormat == .pdf)
        #expect(html.field("Trimestre")?.text.text == "4to. Trimestre 2023")

        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = MiniPDF.make(pages: [[.init(x: 72, y: 700, text: "Indicador: 01 - Acciones realizadas")]])
        let path = try Fixtures.write(bytes, named: "informe.txt", in: folder)
        let pdf = try extractor.extract(path: path)
        #expect(pdf.format == .pdf)
        #expect(pdf.declaredFormat == .text)
        #expect(pdf.field("Indicador")?.text.text == "01 - Acciones realizadas")
    }

    @Test func aWrappedCellKeepsItsLinesLikeAParagraph() throws {
        let document = try extractor.extract(path: Fixtures.sample("avance-indicadores-2024-T3-tabla.pdf"))
        let header = try #require(document.blocks(.tableRow).first)
        #expect(header.cells[2].text == "Unidad de\nmedida")
        let indicator = document.blocks(.tableRow)[1].cells[1]
        #expect(indicator.text == "I01 - Porcentaje de convenios\nde colaboración firmados")
        let r = try #require(indicator.text.range(of: "colaboración"))
        #expect(indicator.span(of: r).line == indicator.span.line + 1)
    }

    // MARK: - Broken PDFs: each its own error

    func error(_ path: String, options: Extractor.Options = Extractor.Options()) -> ExtractError? {
        do {
            _ = try Extractor(options: options).extract(path: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func encryptedPDFSaysSo() {
        let path = Fixtures.sample("cifrado-con-contrasena.pdf")
        #expect(error(path) == .pdfEncrypted(path: path))
        #expect(error(path)?.description.contains("encrypted") == true)
    }

    @Test func truncatedPDFSaysSo() {
        let path = Fixtures.sample("truncado.pdf")
        guard case .pdfDamaged(let p, let detail) = error(path) else {
            Issue.record("expected pdfDamaged, got \(String(describing: error(path)))")
            return
        }
        #expect(p == path)
        #expect(detail.contains("truncated"))
    }

    @Test func corruptPDFWithAnEndMarkerIsDamagedToo() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n%%EOF\n".utf8)
        let path = try Fixtures.write(bytes, named: "roto.pdf", in: folder)
        guard case .pdfDamaged(let p, _) = error(path) else {
            Issue.record("expected pdfDamaged, got \(String(describing: error(path)))")
            return
        }
        #expect(p == path)
    }

    @Test func scannedPDFWithNoWordsSaysOCRFoundNone() {
        let path = Fixtures.sample("escaneado-sin-texto.pdf")
        #expect(error(path) == .ocrFoundNoText(path: path, pages: 1))
        #expect(error(path)?.description.contains("no text layer") == true)
        var never = Extractor.Options()
        never.ocr = .never
        #expect(error(path, options: never) == .pdfNoTextLayer(path: path, pages: 1))
        #expect(error(path, options: never)?.description.contains("would need OCR") == true)
    }

    @Test func slowPdftotextIsStoppedAndReported() {
        let path = Fixtures.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        let options = Extractor.Options(pdfTimeout: 0.001)
        #expect(error(path, options: options) == .pdftotextTimedOut(path: path, seconds: 0.001))
    }

    @Test func missingPdftotextNamesThePackageToInstall() {
        let path = Fixtures.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        let options = Extractor.Options(pdftotextPath: "/nonexistent/bin/pdftotext")
        let failure = error(path, options: options)
        #expect(failure == .pdftotextMissing(path: path))
        #expect(failure?.description.contains("poppler-utils") == true)
    }

    @Test func theErrorsAreDistinct() {
        let reasons = ["cifrado-con-contrasena.pdf", "truncado.pdf", "escaneado-sin-texto.pdf"]
            .compactMap { error(Fixtures.sample($0))?.reason }
        #expect(reasons.count == 3)
        #expect(Set(reasons).count == 3)
    }

    @Test func pdftotextMessagesAreClassified() {
        #expect(PdftotextBBoxSource.classify(status: 1, stderr: "Command Line Error: Incorrect password\n", path: "a.pdf") == .pdfEncrypted(path: "a.pdf"))
        #expect(PdftotextBBoxSource.classify(status: 1, stderr: "Syntax Error: Couldn't find trailer dictionary\n", path: "a.pdf")
            == .pdfDamaged(path: "a.pdf", detail: "Syntax Error: Couldn't find trailer dictionary"))
        #expect(PdftotextBBoxSource.classify(status: 99, stderr: "", path: "a.pdf") == .pdftotextFailed(path: "a.pdf", status: 99, detail: ""))
    }
}
