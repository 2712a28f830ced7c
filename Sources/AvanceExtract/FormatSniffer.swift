import AvanceCore

/// Decides a file's format from its first bytes, never from its name.
public enum FormatSniffer {
    public enum Verdict: Equatable, Sendable {
        case format(SourceFormat)
        case binary
    }

    /// How many leading bytes are enough to decide.
    public static let prefixLength = 8192

    public static func sniff<C: Collection>(_ bytes: C) -> Verdict where C.Element == UInt8 {
        let head = Array(bytes.prefix(prefixLength))
        // PDF readers accept the header anywhere in the first kilobyte.
        if find(Array("%PDF-".utf8), in: head.prefix(1024)) != nil {
            return .format(.pdf)
        }
        // UTF-16 text is full of NUL bytes; its byte-order mark says it is text.
        let hasBOM16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !hasBOM16 && looksBinary(head) { return .binary }
        return looksLikeHTML(TextDecoding.decode(head).text) ? .format(.html) : .format(.text)
    }

    /// The format a file name claims, if its extension says one.
    public static func declaredFormat(forPath path: String) -> SourceFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "pdf": return .pdf
        case "html", "htm", "xhtml", "php", "asp", "aspx": return .html
        case "txt", "text", "md", "markdown", "csv", "tsv": return .text
        default: return nil
        }
    }

    /// NUL bytes, or many control characters, mean the bytes are not text in any
    /// 8-bit encoding avance reads.
    static func looksBinary(_ head: [UInt8]) -> Bool {
        if head.isEmpty { return false }
        var controls = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
        }
        return controls * 20 > head.count
    }

    /// HTML shows itself by a document-level tag; a text with a few stray inline
    /// tags (`<b>`, as Markdown converters leave) is still text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let lower = text.prefix(prefixLength).lowercased()
        let documentTags = ["<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<table", "<div", "<h1", "<h2", "<h3", "<p>", "<p ", "<ul", "<article"]
        var hits = 0
        for tag in documentTags where lower.contains(tag) {
            if tag == "<!doctype html" || tag == "<html" || tag == "<body" || tag == "<head" { return true }
            hits += 1
        }
        return hits >= 2
    }

    private static func find<C: Collection>(_ needle: [UInt8], in hay: C) -> Int? where C.Element == UInt8 {
        let h = Array(hay)
        guard h.count >= needle.count else { return nil }
        for i in 0...(h.count - needle.count) where h[i] == needle[0] {
            if Array(h[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
