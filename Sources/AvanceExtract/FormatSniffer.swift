import AvanceCore

/// Decides a file's format from its content, never from its name alone: a name can only tip a
/// doubtful delimited text towards CSV.
public enum FormatSniffer {
    public enum Verdict: Equatable, Sendable {
        case format(SourceFormat)
        case binary
    }

    /// How many leading bytes are enough to decide.
    public static let prefixLength = 8192

    /// The format of a file's bytes (all of them: a ZIP archive's directory is at its end).
    /// `path`, when given, may tip a doubtful delimited text towards CSV (`.csv`, `.tsv`).
    public static func sniff<C: Collection>(_ bytes: C, path: String? = nil) -> Verdict where C.Element == UInt8 {
        let head = Array(bytes.prefix(prefixLength))
        // PDF readers accept the header anywhere in the first kilobyte.
        if Search.firstIndex(of: Array("%PDF-".utf8), in: head.prefix(1024)) != nil {
            return .format(.pdf)
        }
        // A ZIP archive is a workbook when its directory lists `xl/workbook.xml`, an
        // OpenDocument spreadsheet when its `mimetype` says so; any other (a Word document, an
        // archive of files) is binary.
        if head.starts(with: WorkbookArchive.signature) {
            let all = Array(bytes)
            if WorkbookArchive.isWorkbook(all) { return .format(.xlsx) }
            return ODSReader.isSpreadsheet(all) ? .format(.ods) : .binary
        }
        // An OLE2 compound file holding a `Workbook` stream: a legacy Excel workbook (an
        // encrypted Office file, or a Word document, is binary).
        if head.starts(with: LegacyOffice.signature) {
            return LegacyOffice.kind(of: Array(bytes)) == .workbook ? .format(.xls) : .binary
        }
        // UTF-16 text is full of NUL bytes; its byte-order mark says it is text.
        let hasBOM16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        if !hasBOM16 && looksBinary(head) { return .binary }
        let text = TextDecoding.decode(head).text
        if looksLikeHTML(text) { return .format(.html) }
        let named = path.map { declaredFormat(forPath: $0) == .csv } ?? false
        if DelimitedText.delimiter(in: text, truncated: bytes.count > head.count, named: named) != nil {
            return .format(.csv)
        }
        return .format(.text)
    }

    /// The format a file name claims, if its extension says one.
    public static func declaredFormat(forPath path: String) -> SourceFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "pdf": return .pdf
        case "html", "htm", "xhtml", "php", "asp", "aspx": return .html
        case "txt", "text", "md", "markdown": return .text
        case "xlsx", "xlsm": return .xlsx
        case "xls": return .xls
        case "ods": return .ods
        case "csv", "tsv": return .csv
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
        // A text of no more bytes than that has no more characters either: no need to count them.
        let head = text.utf8.count <= prefixLength ? text : String(text.prefix(prefixLength))
        // Lower-casing ASCII alone finds the same tags: the only other letters whose lower
        // case is ASCII are the Kelvin sign (k, in no tag) and İ (i and a combining dot).
        let lower = head.utf8.map(\.lowercasedASCII)
        var hits = 0
        for (tag, decisive) in documentTags where contains(lower, tag) {
            if decisive { return true }
            hits += 1
        }
        return hits >= 2
    }

    /// The tags that show a document, as bytes; a decisive one is enough by itself.
    private static let documentTags: [([UInt8], Bool)] = [
        "<!doctype html", "<html", "<head", "<body", "<meta ", "<title", "<table", "<div", "<h1", "<h2", "<h3",
        "<p>", "<p ", "<ul", "<article",
    ].map { (Array($0.utf8), ["<!doctype html", "<html", "<body", "<head"].contains($0)) }

    /// Whether `tag` occurs in the UTF-8 bytes `hay`, as a string search does: not where
    /// its last character is followed by a combining mark (U+0300-U+036F, bytes CC/CD).
    /// Compared byte by byte, as Foundation's `contains` on the lower-cased text took
    /// a sixth of the ingest of a text report.
    private static func contains(_ hay: [UInt8], _ tag: [UInt8]) -> Bool {
        var from = 0
        while let i = Search.firstIndex(of: tag, in: hay, from: from) {
            let next = i + tag.count < hay.count ? hay[i + tag.count] : 0
            let after = i + tag.count + 1 < hay.count ? hay[i + tag.count + 1] : 0
            if !(next == 0xCC || (next == 0xCD && after < 0xB0)) { return true }
            from = i + 1
        }
        return false
    }
}
