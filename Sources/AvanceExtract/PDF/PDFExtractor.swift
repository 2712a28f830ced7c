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
        var model = try source.pageModel(of: bytes, path: path)
        let scanned = model.pages.indices.filter { i in
            switch ocrMode {
            case .never: false
            case .always: true
            case .auto: !Self.hasText(model.pages[i])
            }
        }
        if !scanned.isEmpty {
            let read = try ocrWords(bytes: bytes, pages: scanned.map { model.pages[$0] }, deadline: deadline, path: path)
            for i in scanned {
                guard let page = read[model.pages[i].number] else { continue }
                model.pages[i].words = page.words
                if page.rotation != 0 {
                    // Read turned upright: the page as the words stand on it.
                    if page.rotation != 180 { (model.pages[i].width, model.pages[i].height) = (model.pages[i].height, model.pages[i].width) }
                    model.pages[i].rotation = page.rotation
                }
            }
        }
        guard model.pages.contains(where: Self.hasText) else {
            if scanned.isEmpty { throw .pdfNoTextLayer(path: path, pages: max(model.pages.count, 1)) }
            throw .ocrFoundNoText(path: path, pages: max(model.pages.count, 1))
        }
        return Result(pages: model.pages.count, blocks: DocumentLayout.blocks(of: model), ocrPages: scanned.map { model.pages[$0].number })
    }

    static func hasText(_ page: PDFPageModel.Page) -> Bool {
        page.words.contains { !$0.text.allSatisfy(\.isWhitespace) }
    }

    /// OCR of `pages`, from a private copy of the file in a temporary folder removed after.
    private func ocrWords(
        bytes: [UInt8], pages: [PDFPageModel.Page], deadline: DispatchTime, path: String
    ) throws(ExtractError) -> [Int: (words: [PDFPageModel.Word], rotation: Int)] {
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
            pdf: folder.appendingPathComponent("input.pdf"), pages: pages.map { ($0.number, $0.width, $0.height) },
            folder: folder, deadline: deadline, timeout: timeout, path: path
        )
    }

    /// A complete PDF ends with `%%EOF` (followed at most by line ends or some padding);
    /// a file cut short by a failed download or copy does not.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        Search.firstIndex(of: Array("%%EOF".utf8), in: bytes.suffix(2048)) != nil
    }
}
