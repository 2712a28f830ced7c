import AvanceCore
import Foundation
import Synchronization
import Testing

@testable import AvanceExtract

/// OCR of scanned pages (issue 18): Tesseract's hOCR read into the page model, the rules of
/// tables taken out of the picture, and PDFs read page by page with the real pdftoppm and
/// tesseract.
@Suite struct OCRTests {
    /// A page of 1000 × 2000 pixels (a 500 × 1000 pt page at 144 dpi), as Tesseract writes it.
    static let hocr = """
        <?xml version="1.0" encoding="UTF-8"?>
        <html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
        <div class='ocr_page' id='page_1' title='image "p.pgm"; bbox 0 0 1000 2000; ppageno 0'>
         <div class='ocr_carea' id='block_1_1' title="bbox 100 100 900 140">
          <p class='ocr_par' id='par_1_1' lang='spa' title="bbox 100 100 900 140">
           <span class='ocr_line' id='line_1_1' title="bbox 100 100 900 140; baseline 0 -10; x_size 40; x_descenders 10; x_ascenders 10">
            <span class='ocrx_word' id='word_1_1' title='bbox 100 100 300 130; x_wconf 96'>Meta</span>
            <span class='ocrx_word' id='word_1_2' title='bbox 320 100 340 140; x_wconf 91'>|</span>
            <span class='ocrx_word' id='word_1_3' title='bbox 400 100 500 130; x_wconf 42'>12</span>
            <span class='ocrx_word' id='word_1_4' title='bbox 600 120 610 130; x_wconf 20'>.</span>
           </span>
          </p>
         </div>
         <div class='ocr_carea' id='block_1_2' title="bbox 100 300 900 340">
          <p class='ocr_par' id='par_1_2' lang='spa' title="bbox 100 300 900 340">
           <span class='ocr_line' id='line_1_2' title="bbox 100 300 900 340; baseline 0 -10; x_size 40; x_descenders 10; x_ascenders 10">
            <span class='ocrx_word' id='word_1_5' title='bbox 100 300 260 330; x_wconf 95'><strong>Avance</strong></span>
           </span>
          </p>
         </div>
        </div></body></html>
        """

    @Test func hOCRWordsBecomePageModelWordsInPoints() throws {
        let words = TesseractOCR.words(hocr: Array(Self.hocr.utf8), width: 500, height: 1000)
        // The rule read as `|` and the speck read as `.` with little confidence are left out.
        #expect(words.map(\.text) == ["Meta", "12", "Avance"])
        #expect(words.map(\.confidence) == [96, 42, 95])
        let meta = try #require(words.first)
        // Baseline at 140 − 10 = 130 px; the line's size 40 px with 10 below the baseline: the box
        // runs from 100 to 140 px, halved into points.
        #expect(meta.box == PDFPageModel.Box(x: 50, y: 50, width: 100, height: 20))
        #expect(meta.size == 20)
        #expect(words[0].line == words[1].line && words[1].line != words[2].line)
        #expect(words[0].block == 0 && words[2].block == 1)
        #expect(words.allSatisfy { $0.font == nil && !$0.isBold })
    }

    @Test func aPageScannedAskewHasItsWordsTurnedBack() {
        // Three words on a baseline sloping down 1 px every 50: the page is turned about 1.15°.
        let line = (0..<3).map { i in
            "<span class='ocrx_word' title='bbox \(100 + 300 * i) \(100 + 6 * i) \(300 + 300 * i) \(130 + 6 * i); x_wconf 95'>w\(i)</span>"
        }.joined()
        let hocr = """
            <html><body><div class='ocr_page' title='bbox 0 0 1000 1000'><div class='ocr_carea'>
            <span class='ocr_line' title="bbox 100 100 900 146; baseline 0.02 -16; x_size 40; x_descenders 10">\(line)</span>
            </div></div></body></html>
            """
        let words = TesseractOCR.words(hocr: Array(hocr.utf8), width: 1000, height: 1000)
        #expect(words.count == 3)
        let ys = words.map(\.box.y)
        #expect((ys.max() ?? 0) - (ys.min() ?? 0) < 0.5, "turned back, the words stand on one level: \(ys)")
    }

    @Test func rulesAreWhitenedAndLettersKept() throws {
        // 200 × 100 white; a rule across (row 50, 150 px), a rule down (column 20, 80 px), and a
        // letter's stroke (row 10, 12 px).
        let (w, h) = (200, 100)
        var pixels = [UInt8](repeating: 255, count: w * h)
        for x in 25..<175 { pixels[50 * w + x] = 0 }
        for y in 10..<90 { pixels[y * w + 20] = 30 }
        for x in 100..<112 { pixels[10 * w + x] = 0 }
        var image = try #require(GreyImage(pgm: Array("P5\n# pdftoppm\n\(w) \(h)\n255\n".utf8) + pixels))
        image.removeRules(minimumLength: 60)
        #expect(image.pixels[50 * w + 100] == 255 && image.pixels[40 * w + 20] == 255)
        #expect((100..<112).allSatisfy { image.pixels[10 * w + $0] == 0 }, "a letter's stroke stays")
        let back = try #require(GreyImage(pgm: image.pgm))
        #expect(back.pixels == image.pixels && back.width == w)
        #expect(GreyImage(pgm: Array("P6\n1 1\n255\n\u{0}\u{0}\u{0}".utf8)) == nil, "a colour picture is not one")
    }

    @Test func aSpanOfOCRWordsSaysSoWithTheirMeanConfidence() {
        var b = SpannedTextBuilder(page: 1)
        let one = SourceSpan.Box(x: 10, y: 10, width: 20, height: 10), two = SourceSpan.Box(x: 40, y: 10, width: 20, height: 10)
        for (k, c) in "Meta".enumerated() { b.append(c, line: 1, column: 1 + k, box: one, confidence: 96) }
        b.appendSynthetic(" ")
        for (k, c) in "12".enumerated() { b.append(c, line: 1, column: 6 + k, box: two, confidence: 41) }
        let text = b.spanned
        #expect(text.span.ocr == true && text.span.confidence == 68.5)
        let figure = text.span(of: text.text.range(of: "12")!)
        #expect(figure.confidence == 41 && figure.isLowConfidence)
        #expect(!text.span(of: text.text.range(of: "Meta")!).isLowConfidence)
        // A text layer's words: no key at all.
        let plain = SpannedText("Meta 12", page: 1, line: 1).span
        #expect(plain.ocr == nil && plain.confidence == nil && !plain.isLowConfidence)
    }

    /// The scanned samples with the real programs: only the scanned page of a mixed PDF is OCR'd.
    @Test func aMixedPDFIsReadPageByPage() throws {
        let path = Fixtures.sample("escaneados/ivecol-2025-T3-indicadores-pagina-2-escaneada.pdf")
        let document = try Extractor().extract(path: path)
        #expect(document.ocrPages == [2])
        let anchors = document.blocks.flatMap(\.text.anchors)
        #expect(anchors.contains { $0.page == 1 } && anchors.contains { $0.page == 2 })
        #expect(anchors.allSatisfy { ($0.confidence != nil) == ($0.page == 2) || $0.box == nil })
        var never = Extractor.Options()
        never.ocr = .never
        #expect(try Extractor(options: never).extract(path: path).ocrPages == nil)
    }

    @Test func tesseractMissingOrTooSlowIsTheFilesError() throws {
        let path = Fixtures.sample("escaneado-sin-texto.pdf")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let missing = PDFExtractor(source: PopplerReader(), ocr: TesseractOCR(tesseractPath: "/nonexistent/tesseract"))
        #expect(throws: ExtractError.self) { try missing.extract(bytes: bytes, path: path) }
        do {
            _ = try missing.extract(bytes: bytes, path: path)
        } catch {
            guard case .ocrUnavailable(let p, let detail) = error else {
                Issue.record("expected ocrUnavailable, got \(error)")
                return
            }
            #expect(p == path && detail.contains("/nonexistent/tesseract"))
        }
        let slow = PDFExtractor(source: PopplerReader(), timeout: 0.001)
        #expect(throws: ExtractError.pdfTimedOut(path: path, engine: TesseractOCR.engine, seconds: 0.001)) {
            try slow.extract(bytes: bytes, path: path)
        }
    }
}

extension OCRTests {
    @Test func aPictureTurnsAQuarterAndBack() throws {
        // 3 × 2: a b c / d e f
        var image = try #require(GreyImage(pgm: Array("P5\n3 2\n255\n".utf8) + [1, 2, 3, 4, 5, 6]))
        image.rotate(clockwise: 90)
        #expect(image.width == 2 && image.height == 3)
        #expect(image.pixels == [4, 1, 5, 2, 6, 3])
        image.rotate(clockwise: 270)
        #expect(image.pixels == [1, 2, 3, 4, 5, 6] && image.width == 3)
        image.rotate(clockwise: 180)
        #expect(image.pixels == [6, 5, 4, 3, 2, 1])
    }

    /// A landscape table fed sideways through the scanner: found turned, read upright.
    @Test func aPageScannedSidewaysIsReadUpright() throws {
        let path = Fixtures.sample("escaneados/conac-inepja-2023-T3-indicadores-resultados-de-lado.pdf")
        let document = try Extractor().extract(path: path)
        #expect(document.ocrPages == [1])
        #expect(document.blocks.contains { $0.text.text.contains("INDICADORES PARA RESULTADOS") })
        let boxes = document.blocks.flatMap(\.text.anchors).compactMap(\.box)
        // On the page turned upright (1008 × 612 points), the words stand across its width.
        #expect((boxes.map(\.maxX).max() ?? 0) > 700)
    }
}

/// Pictures on text pages (a scanned table pasted into a Word report): found by poppler, read
/// by OCR where they may hold text, their words put among the page's own.
extension OCRTests {
    static func word(_ text: String, x: Double, y: Double) -> PDFPageModel.Word {
        PDFPageModel.Word(
            text: text, box: PDFPageModel.Box(x: x, y: y, width: 40, height: 10), font: "Arial", size: 10,
            isBold: false, isItalic: false, block: 0, line: Int(y)
        )
    }

    @Test func onlyPicturesThatMayHoldTextAreRead() {
        let body = stride(from: 80.0, through: 200, by: 12).map { Self.word("texto", x: 72, y: $0) }
            + stride(from: 500.0, through: 700, by: 12).map { Self.word("texto", x: 72, y: $0) }
        var page = PDFPageModel.Page(number: 1, width: 612, height: 792, words: body, images: [
            // A table pasted between paragraphs: read.
            PDFPageModel.Box(x: 72, y: 220, width: 468, height: 260),
            // The same picture drawn again (its mask): once.
            PDFPageModel.Box(x: 72, y: 220, width: 468, height: 260),
            // A logo in the letterhead, 1.5 inches wide: not read.
            PDFPageModel.Box(x: 36, y: 20, width: 108, height: 50),
            // A band across the page, a third of an inch tall: not read.
            PDFPageModel.Box(x: 36, y: 740, width: 540, height: 24),
            // A scan under its own text layer: its words are already there.
            PDFPageModel.Box(x: 72, y: 480, width: 468, height: 230),
        ])
        #expect(PDFExtractor.picturesToRead(on: page) == [PDFPageModel.Box(x: 72, y: 220, width: 468, height: 260)])
        // The picture's words go between the paragraphs above and below it, as blocks and lines of their own.
        var read = Self.word("Meta", x: 80, y: 230)
        read.confidence = 93
        PDFExtractor.add([read], to: &page)
        let at = page.words.firstIndex { $0.text == "Meta" }
        #expect(at == body.firstIndex { $0.box.y >= 500 })
        #expect(page.words[at!].block > body.map(\.block).max()! && page.words[at!].line > body.map(\.line).max()!)
    }

    @Test func aPhotographsFragmentsAreNoText() {
        func read(_ confidences: [Double]) -> [PDFPageModel.Word] {
            confidences.map { c in
                var w = Self.word("x", x: 72, y: 72)
                w.confidence = c
                return w
            }
        }
        #expect(PDFExtractor.holdsText(read([96, 91, 88, 40])))
        #expect(!PDFExtractor.holdsText(read([31, 45, 62])))
        #expect(!PDFExtractor.holdsText([]))
    }

    @Test func popplerIsAskedWherePicturesAreOnlyWhereThereIsRoomForOne() {
        let full = stride(from: 72.0, through: 720, by: 12).map { Self.word("texto", x: 72, y: $0) }
        #expect(!PDFPageModel.Page.mayHoldPicture(words: full, height: 792))
        let gap = full.filter { $0.box.y < 300 || $0.box.y > 400 }
        #expect(PDFPageModel.Page.mayHoldPicture(words: gap, height: 792))
        // Text only down to the middle of the page: the rest may be a picture.
        #expect(PDFPageModel.Page.mayHoldPicture(words: full.filter { $0.box.y < 400 }, height: 792))
        // A scan, no words: read by OCR whole.
        #expect(!PDFPageModel.Page.mayHoldPicture(words: [], height: 792))
    }

    @Test func aFileNamesItsPicturesInItsBytes() {
        #expect(PDFExtractor.holdsImages(Array("<< /Type /XObject /Subtype /Image /Width 10 >>".utf8)))
        #expect(PDFExtractor.holdsImages(Array("<</Subtype/Image/Width 10>>".utf8)))
        #expect(PDFExtractor.holdsImages(Array("<< /Subtype\n/Image\n>>".utf8)))
        #expect(!PDFExtractor.holdsImages(Array("<< /ProcSet [/PDF /Text /ImageB /ImageC /ImageI] >>".utf8)))
        #expect(!PDFExtractor.holdsImages(Array("<< /Subtype /Form /Name /Image1 >>".utf8)))
        #expect(!PDFExtractor.holdsImages(Array("/Image".utf8)))
    }

    /// The sample whose indicator table was pasted as pictures: the pictures are OCR'd, the text
    /// layer is read as it is, and the picture's words stand where the text PDF has them.
    @Test func aTablePastedAsAPictureIsReadByOCR() throws {
        let path = Fixtures.sample("escaneados/ivecol-2025-T3-indicadores-tabla-pegada.pdf")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let model = try PopplerReader().pageModel(of: bytes, path: path)
        #expect(model.pages.map(\.images.count) == [1, 1])
        // Poppler's library says where pictures are; `pdftotext -bbox-layout` does not.
        var poppler = Extractor.Options()
        poppler.pdfPageSource = PopplerReader()
        let document = try Extractor(options: poppler).extract(path: path)
        #expect(document.ocrPages == [1, 2])
        let anchors = document.blocks.flatMap(\.text.anchors)
        #expect(anchors.contains { $0.confidence == nil && $0.page == 1 }, "the title and fields are the text layer's")
        let picture = try #require(model.pages[0].images.first)
        let read = anchors.filter { $0.confidence != nil }
        #expect(!read.isEmpty && read.allSatisfy { a in
            guard let box = a.box else { return true }
            return a.page != 1 || (box.x >= picture.x - 1 && box.maxX <= picture.maxX + 1 && box.y >= picture.y - 1 && box.maxY <= picture.maxY + 1)
        })
        poppler.ocr = .never
        #expect(try Extractor(options: poppler).extract(path: path).ocrPages == nil)
        // The text PDF it was made from names no picture: poppler is not asked where they are.
        let text = Fixtures.sample("ivecol-2025-T3-indicadores.pdf")
        #expect(!PDFExtractor.holdsImages([UInt8](try Data(contentsOf: URL(fileURLWithPath: text)))))
    }

    /// Pages read side by side in slots shared by the files: the same words as one at a time.
    @Test func pagesReadInParallelAreThePagesReadInTurn() throws {
        let path = Fixtures.sample("escaneados/ipcen-2025-T3-C03.A02-escaneado.pdf")
        var serial = Extractor.Options()
        serial.ocrSlots = nil
        var parallel = Extractor.Options()
        parallel.ocrSlots = OCRSlots(2)
        let told = Mutex<[Int]>([])
        parallel.ocrProgress = { _, done, total in told.withLock { $0.append(done * 10 + total) } }
        let one = try Extractor(options: serial).extract(path: path)
        let two = try Extractor(options: parallel).extract(path: path)
        #expect(one.ocrPages == [1, 2] && two.ocrPages == one.ocrPages)
        #expect(one.blocks.map(\.text.text) == two.blocks.map(\.text.text))
        #expect(told.withLock { $0.sorted() } == [2, 12, 22])
    }
}
