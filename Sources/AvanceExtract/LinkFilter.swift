import AvanceCore

/// The one rule for which link targets a block keeps, whatever format they come from
/// (HTML running text, headings and cells, Markdown and tags in text).
enum LinkFilter {
    /// The address a link points to, without surrounding white space; `nil` for an empty
    /// one, an in-page anchor (`#inicio`) or a script (`javascript:`): none leads a reader
    /// to a page.
    static func target(_ href: String) -> String? {
        var s = Substring(href)
        while let c = s.first, c.isSpaceFast { s.removeFirst() }
        while let c = s.last, c.isSpaceFast { s.removeLast() }
        guard !s.isEmpty, !s.hasPrefix("#"), s.prefix(11).lowercased() != "javascript:" else { return nil }
        return String(s)
    }
}
