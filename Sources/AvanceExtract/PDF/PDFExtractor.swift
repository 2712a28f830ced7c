import AvanceCore
import Foundation

/// PDF text read from a page model: every page's words with their boxes, from one pass of
/// poppler (`PDFPageModelSource`), laid out in Swift (`DocumentLayout`) into the blocks the
/// parser reads. Each block's text remembers, word by word, the page, the line and column in
/// the page's plain text (what `pdftotext -f P -l P file -` prints) and the box it came from.
///
/// Pages with no text layer (a scan) are read by OCR (`TesseractOCR`) into the same model,
/// page by page, within the file's time limit: a PDF of some text pages and some scanned
/// ones is read each page the right way.
struct PDFExtractor {
    /// Where the page model comes from.
    var source: any PDFPageModelSource
    /// Which pages are read by OCR.
    var ocrMode: OCRMode = .auto
    var ocr = TesseractOCR()
    /// Seconds the whole file may take, OCR included.
    var timeout: Double = 60
    /// The slot this file is read in, lent while another process reads its pages.
    var slots: WorkSlots?

    struct Result {
        var pages: Int
        var blocks: [Block]
        /// The pages read by OCR, in order.
        var ocrPages: [Int] = []
    }

    func extract(bytes: [UInt8], path: String) throws(ExtractError) -> Result {
        let deadline = DispatchTime.now() + timeout
        if !Self.hasEndMarker(bytes) {
            throw .pdfDamaged(path: path, detail: "truncated: the file stops before its end-of-file marker")
        }
        var model = try pageModel(bytes, path: path)
        let scanned = model.pages.indices.filter { i in
            switch ocrMode {
            case .never: false
            case .always: true
            case .auto: !Self.hasText(model.pages[i])
            }
        }
        // Pictures on a text page that may hold text of their own (a scanned table pasted into a
        // Word report): read by OCR too, their words added where the pictures stand.
        let pictures: [(page: Int, area: PDFPageModel.Box)] = ocrMode != .auto ? [] : model.pages.indices.flatMap { i in
            scanned.contains(i) ? [] : Self.picturesToRead(on: model.pages[i]).map { (i, $0) }
        }
        var ocrPages = Set(scanned)
        if !scanned.isEmpty || !pictures.isEmpty {
            let requests = scanned.map { i in
                TesseractOCR.Request(number: model.pages[i].number, width: model.pages[i].width, height: model.pages[i].height)
            } + pictures.map { p in
                TesseractOCR.Request(number: model.pages[p.page].number, width: model.pages[p.page].width,
                                     height: model.pages[p.page].height, area: p.area)
            }
            let read = try ocrWords(bytes: bytes, requests: requests, deadline: deadline, path: path)
            for (n, i) in scanned.enumerated() {
                let page = read[n]
                model.pages[i].words = page.words
                if page.rotation != 0 {
                    // Read turned upright: the page as the words stand on it.
                    if page.rotation != 180 { (model.pages[i].width, model.pages[i].height) = (model.pages[i].height, model.pages[i].width) }
                    model.pages[i].rotation = page.rotation
                }
            }
            for (n, picture) in pictures.enumerated() where Self.holdsText(read[scanned.count + n].words) {
                Self.add(read[scanned.count + n].words, to: &model.pages[picture.page])
                ocrPages.insert(picture.page)
            }
        }
        guard model.pages.contains(where: Self.hasText) else {
            if scanned.isEmpty { throw .pdfNoTextLayer(path: path, pages: max(model.pages.count, 1)) }
            throw .ocrFoundNoText(path: path, pages: max(model.pages.count, 1))
        }
        return Result(pages: model.pages.count, blocks: DocumentLayout.blocks(of: model),
                      ocrPages: ocrPages.sorted().map { model.pages[$0].number })
    }

    /// The page model from `source`; while another process makes it, this file's slot is lent.
    private func pageModel(_ bytes: [UInt8], path: String) throws(ExtractError) -> PDFPageModel {
        guard let slots, source.readsElsewhere else { return try source.pageModel(of: bytes, path: path) }
        return try slots.lending { () throws(ExtractError) in try source.pageModel(of: bytes, path: path) }
    }

    /// The pictures of a text page worth reading by OCR: at least a third of the page's width
    /// wide and an inch tall, with no word of the text layer on them. A table or a page of text
    /// pasted as a picture spans most of the text's width and several lines; a logo, a seal or a
    /// letterhead's band is narrower or shorter (the real reports' logos and seals are at most
    /// 2.1 inches wide, a third of a letter page 2.8, and their bands at most 2.5 inches wide and
    /// half an inch tall), and a scan under its own invisible text layer is already read. A picture is counted once however often the
    /// page draws it (a logo drawn twice, a picture and its mask).
    static func picturesToRead(on page: PDFPageModel.Page) -> [PDFPageModel.Box] {
        var result: [PDFPageModel.Box] = []
        for image in page.images {
            // Only the part of it on the page.
            let x0 = max(0, image.x), y0 = max(0, image.y)
            let x1 = min(page.width, image.maxX), y1 = min(page.height, image.maxY)
            guard x1 - x0 >= page.width / 3, y1 - y0 >= PDFPageModel.Page.pictureHeight else { continue }
            let area = PDFPageModel.Box(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
            let hasText = page.words.contains { w in
                let cx = w.box.x + w.box.width / 2, cy = w.box.y + w.box.height / 2
                return cx > x0 && cx < x1 && cy > y0 && cy < y1 && !w.text.allSatisfy(\.isWhitespace)
            }
            guard !hasText, !result.contains(where: { overlap($0, area) > 0.5 }) else { continue }
            result.append(area)
        }
        return result
    }

    /// Whether the words read from a picture are text and not what a photograph reads as (a
    /// few fragments Tesseract is unsure of): a mean confidence of 60 or more, the bar under
    /// which a whole page is taken to read poorly.
    static func holdsText(_ words: [PDFPageModel.Word]) -> Bool {
        !words.isEmpty && TesseractOCR.meanConfidence(words) >= 60
    }

    /// The share of the smaller box that the two have in common.
    private static func overlap(_ a: PDFPageModel.Box, _ b: PDFPageModel.Box) -> Double {
        let w = min(a.maxX, b.maxX) - max(a.x, b.x), h = min(a.maxY, b.maxY) - max(a.y, b.y)
        guard w > 0, h > 0 else { return 0 }
        return w * h / max(min(a.width * a.height, b.width * b.height), 1)
    }

    /// A picture's words put among the page's own in reading order: before the first word of
    /// the text layer that stands below the picture's top, as its own blocks and lines.
    static func add(_ words: [PDFPageModel.Word], to page: inout PDFPageModel.Page) {
        guard let top = words.map(\.box.y).min() else { return }
        let block = (page.words.map(\.block).max() ?? -1) + 1, line = (page.words.map(\.line).max() ?? -1) + 1
        let moved = words.map { w in
            var w = w
            w.block += block
            w.line += line
            return w
        }
        let at = page.words.firstIndex { $0.box.y + $0.box.height / 2 > top } ?? page.words.count
        page.words.insert(contentsOf: moved, at: at)
    }

    static func hasText(_ page: PDFPageModel.Page) -> Bool {
        page.words.contains { !$0.text.allSatisfy(\.isWhitespace) }
    }

    /// OCR of `requests`, from a private copy of the file in a temporary folder removed after.
    private func ocrWords(
        bytes: [UInt8], requests: [TesseractOCR.Request], deadline: DispatchTime, path: String
    ) throws(ExtractError) -> [(words: [PDFPageModel.Word], rotation: Int)] {
        let folder: URL
        do {
            folder = try TemporaryFiles.making(named: "ocr") { folder in
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: folder.appendingPathComponent("input.pdf").path, contents: Data(bytes)) else {
                    try? FileManager.default.removeItem(at: folder)
                    throw CocoaError(.fileWriteUnknown)
                }
                return folder
            }
        } catch {
            throw .unreadable(path: path, reason: "cannot write a temporary copy for OCR: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        return try ocr.words(
            pdf: folder.appendingPathComponent("input.pdf"), requests: requests, folder: folder, deadline: deadline,
            timeout: timeout, path: path
        )
    }

    /// Whether the file holds a picture: an image object's dictionary (`/Subtype /Image`). A
    /// stream's dictionary is never compressed (streams cannot sit in object streams, and
    /// encryption leaves names alone), so a file whose bytes name none draws no picture but an
    /// inline one (a few kilobytes at most: a bullet or a small logo, no table). One pass over the
    /// bytes, against poppler's pass over every page's content to find where pictures stand.
    static func holdsImages(_ bytes: [UInt8]) -> Bool {
        let image = Array("/Image".utf8), subtype = Array("/Subtype".utf8)
        var from = 0
        while let i = Search.firstIndex(of: image, in: bytes, from: from) {
            from = i + image.count
            // `/Image` itself, not `/ImageB` of a page's /ProcSet.
            if from < bytes.count, Self.isRegular(bytes[from]) { continue }
            var k = i - 1
            while k >= 0, [0, 9, 10, 12, 13, 32].contains(bytes[k]) { k -= 1 }
            if k + 1 >= subtype.count, Search.matches(subtype, in: bytes, at: k + 1 - subtype.count) { return true }
        }
        return false
    }

    /// A byte of a PDF name or number: neither white space nor a delimiter.
    private static func isRegular(_ byte: UInt8) -> Bool {
        ![0, 9, 10, 12, 13, 32].contains(byte) && !Array("()<>[]{}/%".utf8).contains(byte)
    }

    /// A complete PDF ends with `%%EOF` (followed at most by line ends or some padding);
    /// a file cut short by a failed download or copy does not.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        Search.firstIndex(of: Array("%%EOF".utf8), in: bytes.suffix(2048)) != nil
    }
}
