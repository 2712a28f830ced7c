/// Where a piece of evidence stands in the original file: enough for an auditor
/// to open the file and find the quoted words.
public struct SourceSpan: Codable, Hashable, Sendable {
    /// 1-based page for paged formats (PDF); `nil` (written `null`) for text and HTML.
    @NullEncoded public var page: Int?
    /// 1-based line in the original file (in a PDF, the line within its page).
    public var line: Int
    /// 1-based column, counted in characters of the original line.
    public var column: Int
    /// The quoted words, cleaned of markup.
    public var text: String
    /// The file the words are in, for evidence that cites several files (a cross-report
    /// finding). `nil` in a record, whose spans all stand in its own source; then it is not
    /// written (a plain optional, not `@NullEncoded`), so the record format does not change.
    public var path: String?
    /// Where the quoted words stand on `page`, for a PDF: the union of their boxes, in points
    /// from the page's top-left corner as displayed. `nil` for text and HTML, and then not
    /// written (a plain optional, like `path`), so their records do not change.
    public var box: Box?
    /// The worksheet the quoted cell is on, for a spreadsheet (XLSX); `nil` elsewhere, and then
    /// not written (a plain optional, like `path`), so other formats' records do not change.
    /// In a spreadsheet, `line` is the cell's row and `column` its column number (both 1-based).
    public var sheet: String?
    /// The cell's reference (`C12`), for a spreadsheet; `nil` elsewhere, and then not written.
    public var cell: String?
    /// `true` when the quoted words were read by OCR from a scanned page (their text is what
    /// Tesseract made of the picture, not a text layer); `nil` elsewhere, and then not written.
    public var ocr: Bool?
    /// For OCR'd words, their mean confidence as Tesseract rates each word (0–100, one
    /// decimal); `nil` elsewhere, and then not written.
    public var confidence: Double?

    public init(
        page: Int? = nil, line: Int, column: Int, text: String, path: String? = nil, box: Box? = nil,
        sheet: String? = nil, cell: String? = nil, confidence: Double? = nil
    ) {
        self.page = page
        self.line = line
        self.column = column
        self.text = text
        self.path = path
        self.box = box
        self.sheet = sheet
        self.cell = cell
        self.ocr = confidence == nil ? nil : true
        self.confidence = confidence
    }

    /// Below this mean confidence (Tesseract's 0–100) OCR'd words are taken as possibly
    /// misread: the `low-confidence` rule names such a figure, and a rule that finds a figure
    /// does not add up says it may be a misreading. Tesseract rates cleanly printed words of a
    /// 300 dpi scan above 90; the misread ones of the scanned samples fell below 85.
    public static let lowConfidence = 85.0

    /// OCR'd words whose mean confidence is below `lowConfidence`.
    public var isLowConfidence: Bool { (confidence ?? 100) < Self.lowConfidence }

    /// A rectangle on a page, in PDF points, the origin at the top-left corner of the page as
    /// displayed (after its rotation), y growing downwards: what `pdftotext -x -y -W -H` crops.
    public struct Box: Codable, Hashable, Sendable {
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double

        public init(x: Double, y: Double, width: Double, height: Double) {
            self.x = x
            self.y = y
            self.width = width
            self.height = height
        }

        public var maxX: Double { x + width }
        public var maxY: Double { y + height }

        /// The smallest box holding both.
        public func union(_ other: Box) -> Box {
            let x0 = min(x, other.x), y0 = min(y, other.y)
            return Box(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
        }

        /// Rounded outwards to hundredths of a point, so records stay short and still hold the words.
        public var rounded: Box {
            let x0 = (x * 100).rounded(.down) / 100, y0 = (y * 100).rounded(.down) / 100
            let x1 = (maxX * 100).rounded(.up) / 100, y1 = (maxY * 100).rounded(.up) / 100
            return Box(x: x0, y: y0, width: ((x1 - x0) * 100).rounded() / 100, height: ((y1 - y0) * 100).rounded() / 100)
        }
    }

    /// The same span, cited in the file at `path`.
    public func cited(in path: String) -> SourceSpan {
        var s = self
        s.path = path
        return s
    }

    /// "p. 2, line 14:3", "line 14:3", or for a spreadsheet cell "Hoja1!C12" (a sheet name that
    /// is not one plain word quoted as spreadsheets write it: `'Reporte de Formatos'!F7`).
    public var location: String {
        if let sheet { return Self.sheetReference(sheet) + (cell.map { "!" + $0 } ?? "") }
        if let page { return "p. \(page), line \(line):\(column)" }
        return "line \(line):\(column)"
    }

    /// `file.pdf:p2:14:3`, as compilers cite (the file where the span names one); a spreadsheet
    /// cell as `file.xlsx:Hoja1!C12`.
    public var place: String {
        let file = path.map { $0 + ":" } ?? ""
        if sheet != nil { return file + location }
        return "\(file)\(page.map { "p\($0):" } ?? "")\(line):\(column)"
    }

    /// A sheet's name as a cell reference names it: bare when it is letters, digits, `_` and `.`
    /// and does not start with a digit, else in single quotes with inner quotes doubled.
    public static func sheetReference(_ name: String) -> String {
        let plain = !name.isEmpty && !(name.first?.isNumber ?? false)
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        return plain ? name : "'" + name.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }
}

/// Maps a UTF-8 offset of a cleaned text back to its position in the original file.
/// An extractor adds one wherever the cleaned text stops following the original
/// column by column: at every line start and after every piece of removed markup.
///
/// In a PDF every word starts an anchor that carries the word's box: the box stands for the
/// text from the anchor up to the next one (the word, and the space or line break that may
/// follow it), so a span of some words can name the box of exactly those words.
public struct SourceAnchor: Codable, Hashable, Sendable {
    public var offset: Int
    public var page: Int?
    public var line: Int
    public var column: Int
    /// The box of the word that starts here (PDF); `nil` elsewhere, and then not written.
    public var box: SourceSpan.Box?
    /// The worksheet and the cell (`C12`) the text from here on stands in (XLSX); `nil`
    /// elsewhere, and then not written. A cell is one place: every part of its text is cited
    /// at the cell, so the column does not advance within it.
    public var sheet: String?
    public var cell: String?
    /// The OCR confidence (Tesseract's 0–100) of the word that starts here, on a scanned page;
    /// `nil` for words of a text layer and elsewhere, and then not written.
    public var confidence: Double?

    public init(
        offset: Int, page: Int? = nil, line: Int, column: Int, box: SourceSpan.Box? = nil,
        sheet: String? = nil, cell: String? = nil, confidence: Double? = nil
    ) {
        self.offset = offset
        self.page = page
        self.line = line
        self.column = column
        self.box = box
        self.sheet = sheet
        self.cell = cell
        self.confidence = confidence
    }

    /// The same place, at another offset of a text.
    public func moved(to offset: Int) -> SourceAnchor {
        var a = self
        a.offset = offset
        return a
    }
}

/// A cleaned text that remembers where each part of it came from.
public struct SpannedText: Codable, Hashable, Sendable {
    public var text: String
    /// Sorted by offset; the first is at offset 0.
    public var anchors: [SourceAnchor]

    public init(text: String, anchors: [SourceAnchor]) {
        self.text = text
        self.anchors = anchors.isEmpty ? [SourceAnchor(offset: 0, line: 1, column: 1)] : anchors
    }

    /// A text at one position, for values built by hand (tests, examples).
    public init(_ text: String, page: Int? = nil, line: Int, column: Int = 1) {
        self.init(text: text, anchors: [SourceAnchor(offset: 0, page: page, line: line, column: column)])
    }

    public var isEmpty: Bool { text.isEmpty }

    /// The span of the whole text.
    public var span: SourceSpan { span(of: text.startIndex..<text.endIndex) }

    /// The span of a part of the text.
    public func span(of range: Range<String.Index>) -> SourceSpan {
        let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let anchor = self.anchor(at: start)
        let (box, confidence) = words(of: range, page: anchor.page)
        return SourceSpan(page: anchor.page, line: anchor.line, column: column(at: range.lowerBound, from: anchor),
                          text: String(text[range]), box: box, sheet: anchor.sheet, cell: anchor.cell,
                          confidence: confidence)
    }

    /// The column of the character at `index`, counted from the anchor it follows (a
    /// spreadsheet cell's column whatever part of its text).
    private func column(at index: String.Index, from anchor: SourceAnchor) -> Int {
        if anchor.sheet != nil { return anchor.column }
        let anchorIndex = text.utf8.index(text.startIndex, offsetBy: min(anchor.offset, text.utf8.count))
        return anchor.column + text[anchorIndex..<max(anchorIndex, index)].count
    }

    /// The union of the boxes of the words in `range` that stand on `page` (white space at
    /// its ends left out), `nil` when the text has no boxes; and the mean OCR confidence of
    /// those words (each counted once), `nil` when none was read by OCR.
    ///
    /// Only the anchors that reach into the range are looked at (found by binary search), so a
    /// span costs no more in a long text than in a short one.
    private func words(of range: Range<String.Index>, page: Int?) -> (box: SourceSpan.Box?, confidence: Double?) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower].isWhitespace { lower = text.index(after: lower) }
        while upper > lower, text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
        guard lower < upper else { return (nil, nil) }
        let from = text.utf8.distance(from: text.startIndex, to: lower)
        let to = text.utf8.distance(from: text.startIndex, to: upper)
        var result: SourceSpan.Box?
        var confidences = 0.0, counted = 0
        var lastCounted: SourceSpan.Box?
        var i = anchorIndex(at: from)
        while i < anchors.count, anchors[i].offset < to {
            let a = anchors[i]
            let end = i + 1 < anchors.count ? anchors[i + 1].offset : text.utf8.count
            if let box = a.box, a.page == page, end > from {
                result = result.map { $0.union(box) } ?? box
                // A word's box starts one anchor, or several in a row (a slice's first anchor).
                if let c = a.confidence, box != lastCounted {
                    confidences += c
                    counted += 1
                    lastCounted = box
                }
            }
            i += 1
        }
        let mean = counted == 0 ? nil : (confidences / Double(counted) * 10).rounded() / 10
        return (result?.rounded, mean)
    }

    /// The part of this text in `range`, keeping its anchors.
    public func slice(_ range: Range<String.Index>) -> SpannedText {
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        let first = anchor(at: lower)
        var head = first.moved(to: 0)
        head.column = column(at: range.lowerBound, from: first)
        var anchors = [head]
        var i = anchorIndex(at: lower) + 1
        while i < self.anchors.count, self.anchors[i].offset < upper {
            let a = self.anchors[i]
            if a.offset > lower { anchors.append(a.moved(to: a.offset - lower)) }
            i += 1
        }
        return SpannedText(text: String(text[range]), anchors: anchors)
    }

    /// The text without surrounding white space.
    public func trimmed() -> SpannedText {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return slice(text.endIndex..<text.endIndex) }
        return slice(first..<text.index(after: last))
    }

    func anchor(at offset: Int) -> SourceAnchor {
        anchors[anchorIndex(at: offset)]
    }

    /// The index of the last anchor at or before `offset` (binary search).
    private func anchorIndex(at offset: Int) -> Int {
        var lo = 0, hi = anchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].offset <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
