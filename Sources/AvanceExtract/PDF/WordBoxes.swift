import AvanceCore

/// The word boxes of `pdftotext -tsv`, grouped into pdftotext's lines: enough to know
/// how large each line of the `-layout` text is set.
struct WordBoxes {
    struct Line {
        var page: Int
        var top: Double
        var left: Double
        var height: Double
        /// The words without spaces, to find the line in the layout text.
        var letters: String
    }

    var lines: [Line] = []
    /// The height most of the document's characters have: the body text.
    var bodyHeight: Double?

    init(tsv: String) {
        var byKey: [[UInt8]: Int] = [:]
        var weight: [Double: Int] = [:]
        // Read as bytes: splitting the whole text into characters, rows and cells was a
        // quarter of the time avance itself spent on a PDF. Rows end at "\n" (not inside
        // "\r\n", one character for String); cells end at tabs; empty rows count for nothing,
        // and the first row (the column names) is skipped.
        let bytes = Array(tsv.utf8)
        var rowStart = 0
        var sawHeader = false
        var i = 0
        while i <= bytes.count {
            guard i == bytes.count || (bytes[i] == 0x0A && !(i > 0 && bytes[i - 1] == 0x0D)) else {
                i += 1
                continue
            }
            let row = rowStart..<i
            rowStart = i + 1
            i += 1
            if row.isEmpty { continue }
            if !sawHeader {
                sawHeader = true
                continue
            }
            var cells: [Range<Int>] = []
            var cellStart = row.lowerBound
            for k in row where bytes[k] == 0x09 {
                cells.append(cellStart..<k)
                cellStart = k + 1
            }
            cells.append(cellStart..<row.upperBound)
            func string(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
            guard cells.count >= 12, bytes[cells[0]].elementsEqual([0x35]), let page = Int(string(cells[1])),
                  let left = Double(string(cells[6])), let top = Double(string(cells[7])), let height = Double(string(cells[9]))
            else { continue }
            let text = string(cells[11].lowerBound..<row.upperBound)
            // Bullets and dashes are often set in a larger symbol font: only words
            // with letters or digits tell the size of a line.
            guard text.contains(where: \.isWordFast) else { continue }
            var key = Array(bytes[cells[1]])
            for c in 2...4 {
                key.append(0x2E)
                key += bytes[cells[c]]
            }
            let rounded = (height * 2).rounded() / 2
            weight[rounded, default: 0] += text.count
            if let i = byKey[key] {
                lines[i].height = max(lines[i].height, height)
                lines[i].letters += text
            } else {
                byKey[key] = lines.count
                lines.append(Line(page: page, top: top, left: left, height: height, letters: text))
            }
        }
        bodyHeight = weight.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
    }

    /// Gives each layout line of `page` the height of the pdftotext lines it holds.
    /// Both list the page top to bottom, so one forward walk pairs them.
    func assignHeights(to layout: inout [LayoutLine], page: Int) {
        let onPage = lines.filter { $0.page == page }.sorted { ($0.top, $0.left) < ($1.top, $1.left) }
        let letters = layout.map { String($0.chars.filter { $0 != " " }) }
        var cursor = 0
        for line in onPage where !line.letters.isEmpty {
            let from = max(0, cursor - 3), to = min(layout.count, cursor + 12)
            guard from < to, let k = (from..<to).first(where: { letters[$0].contains(line.letters) }) else { continue }
            layout[k].height = max(layout[k].height ?? 0, line.height)
            cursor = k
        }
    }
}

/// Running headers and footers: lines at the top or bottom of the pages that repeat on
/// most of them (the institution's name, a title, `Página 2 de 5` once its numbers are
/// set aside), and page numbers on their own. They are blanked, keeping line numbers.
enum RunningLines {
    /// How many text lines at each end of a page count as its header or footer.
    static let zone = 3

    static func remove(from pages: inout [[LayoutLine]]) {
        var pagesWith: [String: Set<Int>] = [:]
        for (p, page) in pages.enumerated() {
            for k in zoneIndices(page) { pagesWith[key(page[k]), default: []].insert(p) }
        }
        let needed = max(2, (pages.count + 1) / 2)
        for p in pages.indices {
            let text = pages[p].indices.filter { !pages[p][$0].isBlank }
            let ends = [text.first, text.last].compactMap { $0 }
            for k in zoneIndices(pages[p]) {
                let key = key(pages[p][k])
                // A page number alone is only taken from the page's first or last line,
                // where a figure of a table would not stand by itself.
                if (pages.count >= 2 && (pagesWith[key]?.count ?? 0) >= needed) || (ends.contains(k) && isPageNumber(key)) {
                    pages[p][k] = LayoutLine(number: pages[p][k].number, text: "", height: nil)
                }
            }
        }
    }

    static func zoneIndices(_ page: [LayoutLine]) -> [Int] {
        let text = page.indices.filter { !page[$0].isBlank }
        return Array(Set(text.prefix(zone) + text.suffix(zone))).sorted()
    }

    /// The line with spaces folded, digits as `#`, in lower case.
    static func key(_ line: LayoutLine) -> String {
        var out = ""
        for c in line.chars {
            if c == " " {
                if !out.isEmpty && out.last != " " { out.append(" ") }
            } else if c.isNumber {
                if out.last != "#" { out.append("#") }
            } else {
                out += c.lowercased()
            }
        }
        while out.last == " " { out.removeLast() }
        return out
    }

    /// `Página 2 de 5`, `Page 2 of 5`, `2/5`, `- 2 -`, `2`.
    static func isPageNumber(_ key: String) -> Bool {
        let known: Set<String> = ["página", "pagina", "pág.", "pag.", "page", "hoja", "de", "of", "/", "#", "#/#", "-#-", "#."]
        let words = key.split(separator: " ").map(String.init).filter { $0 != "-" && $0 != "–" }
        return words.contains { $0.contains("#") } && words.allSatisfy { known.contains($0) }
    }
}
