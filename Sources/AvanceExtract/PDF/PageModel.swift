import AvanceCore

/// A PDF as its pages' words: what one pass of poppler gives, before any layout is
/// decided. Every reading of a PDF (headings, label tables, tables with wrapped cells,
/// running headers) is made in Swift over this model, whichever engine filled it.
///
/// Coordinates are PDF points with the origin at the top-left of the page as displayed
/// (after the page's rotation), y growing downwards: what a viewer highlights, and what
/// `pdftotext -x -y -W -H` crops.
struct PDFPageModel: Codable, Hashable, Sendable {
    var pages: [Page]

    struct Page: Codable, Hashable, Sendable {
        /// 1-based page number.
        var number: Int
        var width: Double
        var height: Double
        /// The page's /Rotate, in degrees (0, 90, 180, 270), when the engine says; poppler's GLib
        /// library does not (its sizes and boxes are already as displayed, which is what counts).
        var rotation: Int? = nil
        /// In the order the engine reads them (poppler's reading order).
        var words: [Word]
        /// Where the page draws pictures (a logo, a scanned table pasted into a Word report),
        /// when the engine says (poppler's library does; `pdftotext -bbox-layout` does not).
        var images: [Box] = []
    }

    struct Word: Codable, Hashable, Sendable {
        var text: String
        var box: Box
        /// The font's name as the PDF gives it, subset prefix removed (`Arial,Bold`, `Calibri-Bold`);
        /// `nil` when the engine does not say (pdftotext's `-bbox-layout`).
        var font: String?
        /// The font size in points; `nil` when unknown (then the box's height stands for it).
        var size: Double?
        var isBold: Bool
        var isItalic: Bool
        /// Poppler's own grouping, kept as hints: the block and line the word belongs to.
        var block: Int
        var line: Int
        /// Where the word starts in the page's plain text as `pdftotext -f P -l P file -` prints
        /// it (poppler's reading order, one line of text per line, a hyphenated line end joined to
        /// the next): 1-based line and column, the place a span cites. `nil` when the engine cannot
        /// say; the layout then counts poppler's lines itself.
        var textLine: Int? = nil
        var textColumn: Int? = nil
        /// How sure Tesseract is of the word (0–100), for a word read by OCR from a scanned
        /// page; `nil` for a word of the PDF's text layer.
        var confidence: Double? = nil
    }

    /// A word's box: the same rectangle a span cites (`SourceSpan.Box`).
    typealias Box = SourceSpan.Box
}

extension PDFPageModel.Page {
    /// The least height (points) of a picture that OCR reads on a text page: an inch, three
    /// lines of body text (`PDFExtractor.picturesToRead`).
    static let pictureHeight = 72.0

    /// Whether a text page with these words leaves room for a picture worth reading by OCR: a
    /// band across the page at least `pictureHeight` tall with no word's middle in it (an inch
    /// more from the page's top and bottom edges, for the margins). Asking poppler where a page's
    /// pictures are costs it another pass over the page's content (about 40 % of reading its
    /// text, measured on the samples and the real reports), so a page full of text is not
    /// asked; a page with no words at all is read by OCR whole.
    static func mayHoldPicture(words: [PDFPageModel.Word], height: Double) -> Bool {
        guard !words.isEmpty else { return false }
        var middles = words.map { $0.box.y + $0.box.height / 2 }
        middles.sort()
        let margin = 72.0
        if middles[0] - margin >= pictureHeight || height - margin - middles[middles.count - 1] >= pictureHeight { return true }
        return zip(middles, middles.dropFirst()).contains { $1 - $0 >= pictureHeight }
    }
}

extension PDFPageModel.Word {
    /// Bold and italic as a font's name spells them (`Arial,Bold`, `TimesNewRomanPS-BoldItalicMT`,
    /// `Calibri-Semibold`, `Helvetica-Oblique`): PDFs rarely carry the weight any other way.
    static func style(ofFont name: String) -> (bold: Bool, italic: Bool) {
        let lower = name.lowercased()
        let bold = ["bold", "black", "heavy", "semibold", "demi"].contains { lower.contains($0) }
        let italic = lower.contains("italic") || lower.contains("oblique")
        return (bold, italic)
    }

    /// `ABCDEF+Calibri-Bold` → `Calibri-Bold`: a subset font's six-letter tag says nothing.
    static func baseFontName(_ name: String) -> String {
        let parts = name.split(separator: "+", maxSplits: 1)
        if parts.count == 2, parts[0].count == 6, parts[0].allSatisfy({ $0.isUppercase && $0.isASCII }) {
            return String(parts[1])
        }
        return name
    }
}

/// Where a PDF's page model comes from: poppler's library in worker processes avance
/// supervises, or one `pdftotext -bbox-layout` run where the library is absent. Given the
/// bytes already read (and hashed) by the pipeline, never the path again.
protocol PDFPageModelSource: Sendable {
    func pageModel(of bytes: [UInt8], path: String) throws(ExtractError) -> PDFPageModel
    /// Whether another process makes the model, the calling thread only waiting for it.
    var readsElsewhere: Bool { get }
}

extension PDFPageModelSource {
    var readsElsewhere: Bool { false }
}
