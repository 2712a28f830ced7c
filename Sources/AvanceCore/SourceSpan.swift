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

    public init(page: Int? = nil, line: Int, column: Int, text: String, path: String? = nil) {
        self.page = page
        self.line = line
        self.column = column
        self.text = text
        self.path = path
    }

    /// The same span, cited in the file at `path`.
    public func cited(in path: String) -> SourceSpan {
        var s = self
        s.path = path
        return s
    }

    /// "p. 2, line 14:3" or "line 14:3".
    public var location: String {
        if let page { return "p. \(page), line \(line):\(column)" }
        return "line \(line):\(column)"
    }

    /// `file.pdf:p2:14:3`, as compilers cite (the file where the span names one).
    public var place: String { "\(path.map { $0 + ":" } ?? "")\(page.map { "p\($0):" } ?? "")\(line):\(column)" }
}

/// Maps a UTF-8 offset of a cleaned text back to its position in the original file.
/// An extractor adds one wherever the cleaned text stops following the original
/// column by column: at every line start and after every piece of removed markup.
public struct SourceAnchor: Codable, Hashable, Sendable {
    public var offset: Int
    public var page: Int?
    public var line: Int
    public var column: Int

    public init(offset: Int, page: Int? = nil, line: Int, column: Int) {
        self.offset = offset
        self.page = page
        self.line = line
        self.column = column
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
        let anchorIndex = text.utf8.index(text.startIndex, offsetBy: min(anchor.offset, text.utf8.count))
        let column = anchor.column + text[anchorIndex..<max(anchorIndex, range.lowerBound)].count
        return SourceSpan(page: anchor.page, line: anchor.line, column: column, text: String(text[range]))
    }

    /// The part of this text in `range`, keeping its anchors.
    public func slice(_ range: Range<String.Index>) -> SpannedText {
        let lower = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        let upper = text.utf8.distance(from: text.startIndex, to: range.upperBound)
        let first = span(of: range.lowerBound..<range.lowerBound)
        var anchors = [SourceAnchor(offset: 0, page: first.page, line: first.line, column: first.column)]
        for a in self.anchors where a.offset > lower && a.offset < upper {
            anchors.append(SourceAnchor(offset: a.offset - lower, page: a.page, line: a.line, column: a.column))
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
        // Binary search for the last anchor at or before `offset`.
        var lo = 0, hi = anchors.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if anchors[mid].offset <= offset { lo = mid } else { hi = mid - 1 }
        }
        return anchors[lo]
    }
}
