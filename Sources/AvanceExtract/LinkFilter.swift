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

    /// Addresses written as text (`https://...`, `<https://...>`, `www....`), in order, without
    /// the punctuation around them: links as much as a marked-up one, in every format.
    static func bare(in text: String) -> [String] {
        guard mayHoldAddress(text) else { return [] }
        var out: [String] = []
        for word in text.split(whereSeparator: { $0.isSpaceFast }) {
            var w = word.drop { "<([{\"'«“".contains($0) }
            while let last = w.last, ">)]}.,;:\"'»”".contains(last) { w.removeLast() }
            let lower = w.lowercased()
            guard lower.hasPrefix("http://") || lower.hasPrefix("https://") || (lower.hasPrefix("www.") && w.count > 6) else { continue }
            let url = String(w)
            if !out.contains(url) { out.append(url) }
        }
        return out
    }

    /// Whether the text holds `http` or `www.` in any case: one pass over its UTF-8 bytes, so
    /// that the words of the many lines without an address are never split (splitting every
    /// line was a twelfth of a text ingest).
    static func mayHoldAddress(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i + 3 < bytes.count {
                let b = bytes[i] | 0x20
                if b == 0x68, bytes[i + 1] | 0x20 == 0x74, bytes[i + 2] | 0x20 == 0x74, bytes[i + 3] | 0x20 == 0x70 { return true }
                if b == 0x77, bytes[i + 1] | 0x20 == 0x77, bytes[i + 2] | 0x20 == 0x77, bytes[i + 3] == 0x2E { return true }
                i += 1
            }
            return false
        }
    }

    /// A block with the addresses its text writes out added to its links.
    static func withBareLinks(_ block: Block) -> Block {
        var b = block
        let texts = block.cells.isEmpty ? [block.text.text] : block.cells.map(\.text)
        for url in texts.flatMap(bare(in:)) where !b.links.contains(url) { b.links.append(url) }
        return b
    }
}
