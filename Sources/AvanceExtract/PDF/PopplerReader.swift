import CPoppler
import Foundation
import Synchronization

/// A PDF's page model from poppler's GLib library, in this process: per page its size, its
/// text in poppler's reading order with one rectangle per character, and the font of every
/// run of characters; `PageCharacters` groups them into words, lines and blocks.
///
/// The only Swift file that touches poppler. Every C value is copied into Swift values and
/// freed before a page is done, so nothing of poppler's outlives a call. A hostile file can
/// still crash or hang the C library: in avance it runs inside a `PDFWorker` process.
struct PopplerReader: PDFPageModelSource {
    func pageModel(of bytes: [UInt8], path: String) throws(ExtractError) -> PDFPageModel {
        // As with pdftotext: poppler rebuilds a file cut short and reads what is left, but a
        // report missing its end is better refused than half read.
        if !PDFExtractor.hasEndMarker(bytes) {
            throw .pdfDamaged(path: path, detail: "truncated: the file stops before its end-of-file marker")
        }
        _ = Self.keptOpen
        let (opened, messages) = PopplerLog.collecting { Self.open(bytes) }
        let document: OpaquePointer
        switch opened {
        case .success(let d):
            document = d
        case .failure(let failure):
            if failure.encrypted { throw .pdfEncrypted(path: path) }
            throw .pdfDamaged(path: path, detail: messages.first ?? failure.message)
        }
        defer { avance_g_object_unref(UnsafeMutableRawPointer(document)) }

        // pdftotext refuses a file whose owner forbids copying its text (and avance has
        // reported it as protected); the library would read it, so the refusal is kept here.
        if poppler_document_get_permissions(document).rawValue & POPPLER_PERMISSIONS_OK_TO_COPY.rawValue == 0 {
            throw .pdfEncrypted(path: path)
        }

        let count = Int(poppler_document_get_n_pages(document))
        let holdsImages = PDFExtractor.holdsImages(bytes)
        var pages: [PDFPageModel.Page] = []
        pages.reserveCapacity(count)
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else {
                throw .pdfDamaged(path: path, detail: "page \(index + 1) cannot be read")
            }
            defer { avance_g_object_unref(UnsafeMutableRawPointer(page)) }
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            let words = Self.characters(of: page).words()
            pages.append(PDFPageModel.Page(
                number: index + 1, width: width, height: height, words: words,
                images: holdsImages && PDFPageModel.Page.mayHoldPicture(words: words, height: height) ? Self.images(of: page) : []
            ))
        }
        // Pages with no words (a scan) are kept with their sizes: they are read by OCR.
        return PDFPageModel(pages: pages)
    }

    /// poppler's GLib library sets up its global parameters (character maps, font tables) when
    /// a document is opened while none is, and tears them down when the last one is freed: a
    /// worker reading one file after another built them again for every file, a sixth of its
    /// time (perf, 100 corpus PDFs). A one-page empty document, opened once and never freed,
    /// keeps them for the process's life; nothing of it is read.
    private static let keptOpen: Bool = {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 1] >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets {
            let digits = String(offset)
            pdf += String(repeating: "0", count: 10 - digits.count) + digits + " 00000 n \n"
        }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        let (opened, _) = PopplerLog.collecting { open(Array(pdf.utf8)) }
        // Never unreferenced: the point is that it stays.
        return (try? opened.get()) != nil
    }()

    private struct OpenFailure: Error {
        var encrypted: Bool
        var message: String
    }

    /// The document, or why poppler would not open it (no password is ever tried).
    private static func open(_ bytes: [UInt8]) -> Result<OpaquePointer, OpenFailure> {
        // GBytes takes a copy; the document keeps its own reference to it.
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { avance_g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        if let document = poppler_document_new_from_bytes(data, nil, &error) {
            if let error { avance_g_error_free(error) }
            return .success(document)
        }
        guard let error else { return .failure(OpenFailure(encrypted: false, message: "poppler could not open it")) }
        defer { avance_g_error_free(error) }
        let encrypted = error.pointee.domain == avance_poppler_error_quark()
            && error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue)
        let message = error.pointee.message.map { String(cString: $0) } ?? "poppler could not open it"
        return .failure(OpenFailure(encrypted: encrypted, message: message))
    }

    /// Where the page draws pictures, in points from its top-left corner as displayed.
    private static func images(of page: OpaquePointer) -> [PDFPageModel.Box] {
        guard let mapping = poppler_page_get_image_mapping(page) else { return [] }
        defer { poppler_page_free_image_mapping(mapping) }
        var boxes: [PDFPageModel.Box] = []
        var node: UnsafeMutablePointer<GList>? = mapping
        while let item = node {
            if let data = item.pointee.data {
                let r = data.assumingMemoryBound(to: PopplerImageMapping.self).pointee.area
                boxes.append(PDFPageModel.Box(
                    x: min(r.x1, r.x2), y: min(r.y1, r.y2), width: abs(r.x2 - r.x1), height: abs(r.y2 - r.y1)
                ))
            }
            node = item.pointee.next
        }
        return boxes
    }

    /// The page's text, its characters' rectangles and its font runs, copied out of poppler.
    private static func characters(of page: OpaquePointer) -> PageCharacters {
        var result = PageCharacters()
        if let text = poppler_page_get_text(page) {
            result.scalars = Array(String(cString: text).unicodeScalars)
            avance_g_free(text)
        }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        if poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
            result.boxes = (0..<Int(count)).map { i in
                let r = rectangles[i]
                return PDFPageModel.Box(x: r.x1, y: r.y1, width: r.x2 - r.x1, height: r.y2 - r.y1)
            }
        }
        if let rectangles { avance_g_free(rectangles) }
        if let attributes = poppler_page_get_text_attributes(page) {
            var node: UnsafeMutablePointer<GList>? = attributes
            while let item = node {
                if let data = item.pointee.data {
                    let a = data.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                    result.fonts.append(PageCharacters.FontRun(
                        first: Int(a.start_index), last: Int(a.end_index),
                        name: a.font_name.map { String(cString: $0) }, size: a.font_size
                    ))
                }
                node = item.pointee.next
            }
            poppler_page_free_text_attributes(attributes)
        }
        return result
    }
}

/// What poppler says about a damaged file (`Syntax error at position 0: Couldn't find trailer
/// dictionary`) goes to GLib's log; the first lines are kept for the thread that opened it,
/// as pdftotext's first lines of standard error were.
private enum PopplerLog {
    private static let byThread = Mutex<[UInt: [String]]>([:])

    private static let handler: Void = {
        _ = g_log_set_handler("Poppler", avance_poppler_log_levels(), { _, _, message, _ in
            if let message { PopplerLog.record(String(cString: message)) }
        }, nil)
    }()

    static func collecting<T>(_ body: () -> T) -> (T, [String]) {
        _ = handler
        let thread = UInt(pthread_self())
        byThread.withLock { $0[thread] = [] }
        let value = body()
        let messages = byThread.withLock { $0.removeValue(forKey: thread) } ?? []
        return (value, messages)
    }

    private static func record(_ message: String) {
        // `Syntax error at position -1: Couldn't read xref table` → `Syntax error: Couldn't read xref table`
        var line = message.split(separator: "\n").first.map(String.init) ?? message
        if let at = line.range(of: #" at position -?[0-9]+"#, options: .regularExpression) {
            line.removeSubrange(at)
        }
        let thread = UInt(pthread_self())
        byThread.withLock { all in
            if let kept = all[thread], kept.count < 3 { all[thread] = kept + [line] }
        }
    }
}
