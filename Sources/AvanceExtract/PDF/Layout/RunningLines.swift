import AvanceCore

/// Running headers and footers: rows at the top or bottom of the pages that repeat, at the
/// same height, on most of them (a letterhead, the report's name, `Página 2 de 5` once its
/// digits are set aside),
/// and page numbers on their own. They are removed, except the title lines at the top of the
/// first page: set at least as large as the body text (or in bold), they are the document's
/// title, kept once, even when every page repeats them.
enum RunningLines {
    /// How many rows at each end of a page count as its header or footer.
    static let zone = 4

    ///
    /// Rows repeat when they read the same once their digits are set aside (`Página 2 de 5`,
    /// a footer dated on each page). Where that would leave no text (every page holds
    /// one row, `Acción número 3 ...`, that differs from the others only in its figures), the
    /// figures are the text: rows repeat only when they read the same, digits and all.
    static func remove(from pages: inout [[Row]], bodySize: Double) {
        var result = pages
        remove(from: &result, bodySize: bodySize, repeating: { key($0) })
        // Nothing left but the first page's title, kept once (that first row too repeats).
        if result.dropFirst().allSatisfy(\.isEmpty), !pages.dropFirst().allSatisfy(\.isEmpty) || result.allSatisfy(\.isEmpty) {
            result = pages
            remove(from: &result, bodySize: bodySize, repeating: { exactKey($0) })
        }
        pages = result
    }

    private static func remove(from pages: inout [[Row]], bodySize: Double, repeating key: (Row) -> String) {
        // Where each text stands in the zones of each page; each zone row's text keyed once.
        var places: [String: [(page: Int, y: Double)]] = [:]
        var keys: [[Int: String]] = []
        for (p, page) in pages.enumerated() {
            var pageKeys: [Int: String] = [:]
            for k in zoneIndices(page) {
                let text = key(page[k])
                pageKeys[k] = text
                places[text, default: []].append((p, page[k].y0))
            }
            keys.append(pageKeys)
        }
        // The pages that repeat a row's text at its height (a letterhead, a footer stand still;
        // a note that opens one page and closes another is the body's).
        func pagesRepeating(_ row: Row, key: String) -> Int {
            let tolerance = max(2, 0.6 * row.size)
            return Set((places[key] ?? []).filter { abs($0.y - row.y0) <= tolerance }.map(\.page)).count
        }
        let needed = max(2, (pages.count + 1) / 2)
        for p in pages.indices {
            let page = pages[p]
            let ends = [page.indices.first, page.indices.last].compactMap { $0 }
            // A page number alone is only taken from the page's first or last row, where a
            // figure of a table would not stand by itself; other running rows stand together at
            // the page's top or bottom (a heading that happens to open two pages is the body's).
            func running(_ k: Int) -> Bool {
                (pages.count >= 2 && pagesRepeating(page[k], key: keys[p][k] ?? key(page[k])) >= needed)
                    || (ends.contains(k) && isPageNumber(Self.key(page[k])))
            }
            var drop: Set<Int> = []
            let zone = zoneIndices(page)
            for k in zone.filter({ $0 < page.count / 2 + 1 }) {
                guard running(k) else { break }
                drop.insert(k)
            }
            for k in zone.filter({ $0 >= page.count / 2 + 1 }).reversed() {
                guard running(k) else { break }
                drop.insert(k)
            }
            if p == 0 { drop = drop.filter { !isTitle(page, $0, bodySize: bodySize) || isPageNumber(Self.key(page[$0])) } }
            pages[p] = page.indices.filter { !drop.contains($0) }.map { page[$0] }
        }
    }

    /// A row of the first page's top that is no letterhead: set as large as the body or larger,
    /// or in bold, above any body text.
    static func isTitle(_ page: [Row], _ k: Int, bodySize: Double) -> Bool {
        guard k < zone, k < page.count else { return false }
        let row = page[k]
        return row.size >= bodySize * 0.97 || row.isBold
    }

    static func zoneIndices(_ page: [Row]) -> [Int] {
        Array(Set(page.indices.prefix(zone) + page.indices.suffix(zone))).sorted()
    }

    static func key(_ row: Row) -> String { key(text: row.text) }

    /// The text with white space folded, in lower case, its digits kept.
    static func exactKey(_ row: Row) -> String {
        row.text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    /// The text with white space folded, digits as `#`, in lower case.
    static func key(text: String) -> String {
        var out = ""
        // What was last appended: a space, a `#`, or anything else.
        var last: Character = "x"
        for c in text {
            if c.isSpaceFast {
                if !out.isEmpty && last != " " { out.append(" "); last = " " }
            } else if let a = c.asciiValue, !(a >= 0x30 && a <= 0x39) {
                out.append(Character(Unicode.Scalar(a.lowercasedASCII)))
                last = "x"
            } else if c.isNumber {
                if last != "#" { out.append("#"); last = "#" }
            } else {
                out += c.lowercased()
                last = "x"
            }
        }
        if last == " " { out.removeLast() }
        return out
    }

    /// `Página 2 de 5`, `Page 2 of 5`, `2/5`, `- 2 -`, `2`.
    static func isPageNumber(_ key: String) -> Bool {
        let known: Set<String> = ["página", "pagina", "pág.", "pag.", "page", "hoja", "de", "of", "/", "#", "#/#", "-#-", "#."]
        let words = key.split(separator: " ").map(String.init).filter { $0 != "-" && $0 != "–" }
        return words.contains { $0.contains("#") } && words.allSatisfy { known.contains($0) }
    }
}
