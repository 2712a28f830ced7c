import AvanceCore

/// Builds a `SpannedText` one character at a time, adding an anchor only where the
/// text stops following the source column by column.
struct SpannedTextBuilder: Sendable {
    var text = ""
    var anchors: [SourceAnchor] = []
    let page: Int?
    private var last: (line: Int, column: Int, box: SourceSpan.Box?)?

    /// A text in step with its source still gets an anchor every this many characters (but
    /// not within a PDF word, whose anchor carries its box): a span's column is counted from
    /// the anchor before it, so on a line of megabytes each span would otherwise count from
    /// the line's start, and a report's spans would take time in the square of its length.
    static let anchorInterval = 512

    init(page: Int? = nil) {
        self.page = page
    }

    var isEmpty: Bool { text.isEmpty }
    /// The source line of the last character appended, if it came from the source.
    var lastLine: Int? { last?.line }
    var spanned: SpannedText { SpannedText(text: text, anchors: anchors) }

    /// Appends a character of the source; `box` is the box of the PDF word it belongs to
    /// (a new box starts an anchor, so every word keeps its own), and `confidence` the word's
    /// OCR confidence where it was read from a scan.
    mutating func append(_ c: Character, line: Int, column: Int, box: SourceSpan.Box? = nil, confidence: Double? = nil) {
        if let last, last.line == line, last.column + 1 == column, last.box == box,
           box != nil || column - (anchors.last?.column ?? column) < Self.anchorInterval {
            // Still in step with the source: no anchor needed.
        } else {
            anchors.append(SourceAnchor(
                offset: text.utf8.count, page: page, line: line, column: column, box: box, confidence: confidence
            ))
        }
        text.append(c)
        last = (line, column, box)
    }

    /// Appends a PDF word as it stands in the source, character after character on one line
    /// within its box: the first character gets the word's anchor (as `append` gives it), the
    /// others follow it in step and are appended at once rather than one by one.
    mutating func append(word: String, line: Int, column: Int, box: SourceSpan.Box, confidence: Double? = nil) {
        guard let first = word.first else { return }
        append(first, line: line, column: column, box: box, confidence: confidence)
        let rest = word.dropFirst()
        guard !rest.isEmpty else { return }
        text += rest
        last = (line, column + rest.count, box)
    }

    /// Appends a character that stands for no source character (a joining space or line
    /// break); the next real character gets its own anchor.
    mutating func appendSynthetic(_ c: Character) {
        if anchors.isEmpty, let last {
            anchors.append(SourceAnchor(offset: 0, page: page, line: last.line, column: last.column, box: last.box))
        }
        text.append(c)
        last = nil
    }

    /// Drops the last character (a hyphen that only broke a word at a line's end).
    mutating func removeLast() {
        guard text.popLast() != nil else { return }
        let count = text.utf8.count
        anchors.removeAll { $0.offset >= count && $0.offset > 0 }
        last = nil
    }

    /// Appends a spanned text, keeping its anchors.
    mutating func append(_ other: SpannedText) {
        let base = text.utf8.count
        for a in other.anchors {
            anchors.append(a.moved(to: base + a.offset))
        }
        text += other.text
        last = nil
    }
}

extension SpannedText {
    /// Texts joined with a separator that stands for no source text (cells joined by ` | `).
    static func joined(_ parts: [SpannedText], separator: String) -> SpannedText {
        var b = SpannedTextBuilder()
        for (i, part) in parts.enumerated() {
            if i > 0 { for c in separator { b.appendSynthetic(c) } }
            // An empty part (an empty cell) adds no text, so no place either.
            if !part.isEmpty { b.append(part) }
        }
        if b.anchors.isEmpty, let first = parts.first { return SpannedText(text: b.text, anchors: first.anchors) }
        // Leading empty parts leave separators before the first anchor: the text starts there.
        if let first = b.anchors.first, first.offset > 0 {
            b.anchors.insert(first.moved(to: 0), at: 0)
        }
        return b.spanned
    }
}
