import AvanceCore

/// A PDF's page model read into blocks: rows of words per page, running headers and footers
/// removed (the first page's title kept), each page read by `PageReader`, then the pages
/// joined: a paragraph or a table row cut by a page break made whole again, a table's header
/// repeated on the next page dropped, a label whose value is not beside it given the next
/// paragraph.
enum DocumentLayout {
    /// A page with fewer letters than this takes the document's body size for its own.
    static let pageBodyLetters = 300

    static func blocks(of model: PDFPageModel) -> [Block] {
        var pages = model.pages.map { page in Rows.rows(of: LayoutWord.words(of: page)) }
        // The body is what stands between the pages' header and footer zones (a title repeated
        // on every page would outweigh a short report's text).
        let inner = pages.flatMap { page in
            page.indices.filter { !RunningLines.zoneIndices(page).contains($0) }.flatMap { page[$0].words }
        }
        let documentBody = bodySize(of: inner) ?? bodySize(of: pages.joined().flatMap(\.words)) ?? 10
        RunningLines.remove(from: &pages, bodySize: documentBody)
        var blocks: [Block] = []
        for (index, rows) in pages.enumerated() {
            let words = rows.flatMap(\.words)
            let letters = words.reduce(0) { $0 + ($1.hasLetters ? $1.text.count : 0) }
            let body = letters >= pageBodyLetters ? bodySize(of: words) ?? documentBody : documentBody
            let boldLetters = words.reduce(0) { $0 + ($1.hasLetters && $1.isBold ? $1.text.count : 0) }
            let reader = PageReader(page: model.pages[index].number, bodySize: body, bodyIsBold: boldLetters * 2 > letters)
            appendPage(reader.blocks(rows), to: &blocks)
        }
        return settleLabels(blocks)
    }

    /// The size most of the letters are set in (to half a point).
    static func bodySize(of words: [LayoutWord]) -> Double? {
        var weight: [Double: Int] = [:]
        for w in words where w.hasLetters {
            weight[(w.size * 2).rounded() / 2, default: 0] += w.text.count
        }
        return weight.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key
    }

    /// A label whose value is not beside it (`Presidente:` over the name) takes the
    /// paragraph that follows as its value; with none, it stays a paragraph of its own,
    /// as in text.
    static func settleLabels(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var i = 0
        while i < blocks.count {
            var block = blocks[i]
            if block.kind == .field, block.text.isEmpty, let label = block.label {
                if i + 1 < blocks.count, blocks[i + 1].kind == .paragraph {
                    block.text = blocks[i + 1].text
                    block.links = blocks[i + 1].links
                    i += 1
                } else {
                    block = Block(kind: .paragraph, text: label)
                }
            }
            result.append(block)
            i += 1
        }
        return result
    }

    /// Adds a page's blocks to the document's: a table continued under its repeated header
    /// loses the repetition; a table row cut by the page break (its continuation's first cell
    /// empty) and a paragraph cut mid-sentence (the next page starts in lower case) are
    /// joined back into one.
    static func appendPage(_ page: [Block], to blocks: inout [Block]) {
        var page = page[...]
        if let last = blocks.last, last.kind == .tableRow, let first = page.first, first.kind == .tableRow {
            var start = blocks.count - 1
            while start > 0, blocks[start - 1].kind == .tableRow { start -= 1 }
            // The header may be several rows (labels over several columns, then each column's).
            var k = start
            while k < blocks.count, let next = page.first, next.kind == .tableRow, sameRow(blocks[k], next) {
                page = page.dropFirst()
                k += 1
            }
        }
        if let last = blocks.last, last.kind == .tableRow, let first = page.first, first.kind == .tableRow,
           first.cells.count == last.cells.count, first.cells.first?.isEmpty ?? false {
            var merged = last
            merged.cells = zip(last.cells, first.cells).map { a, b in
                a.isEmpty ? b : b.isEmpty ? a : SpannedText.joined([a, b], separator: "\n")
            }
            merged.text = SpannedText.joined(merged.cells, separator: " | ")
            merged.links += first.links.filter { !merged.links.contains($0) }
            blocks[blocks.count - 1] = merged
            page = page.dropFirst()
        }
        // A row whose one long cell ran over the page break: the rest of that cell opens the next
        // page alone, within its column, read as a paragraph (`estándar de` / `competencia ...`).
        if let last = blocks.last, last.kind == .tableRow, let first = page.first, first.kind == .paragraph,
           let start = first.text.text.first, start.isLowercase,
           let k = cellContinued(by: first, tableEndingAt: blocks) {
            var merged = last
            merged.cells[k] = SpannedText.joined([last.cells[k], first.text], separator: "\n")
            merged.text = SpannedText.joined(merged.cells, separator: " | ")
            merged.links += first.links.filter { !merged.links.contains($0) }
            blocks[blocks.count - 1] = merged
            page = page.dropFirst()
        }
        if let last = blocks.last, last.kind == .paragraph, let first = page.first, first.kind == .paragraph,
           let end = last.text.text.last, !".:;!?".contains(end),
           let start = first.text.text.first, start.isLowercase {
            var b = SpannedTextBuilder()
            b.append(last.text)
            if PageReader.endsHyphenated(last.text.text) { b.removeLast() } else { b.appendSynthetic("\n") }
            b.append(first.text)
            var merged = last
            merged.text = b.spanned
            merged.links += first.links.filter { !merged.links.contains($0) }
            blocks[blocks.count - 1] = merged
            page = page.dropFirst()
        }
        blocks += page
    }

    /// The cell of the last table row in `blocks` that `paragraph` goes on with: the paragraph
    /// stands within that column's extent on the page (its rows' words) and beside no other,
    /// and the cell stops mid-sentence. `nil` otherwise.
    static func cellContinued(by paragraph: Block, tableEndingAt blocks: [Block]) -> Int? {
        guard let last = blocks.last, let (lo, hi) = extent(paragraph.text) else { return nil }
        var start = blocks.count - 1
        while start > 0, blocks[start - 1].kind == .tableRow, blocks[start - 1].cells.count == last.cells.count { start -= 1 }
        let columns: [(lo: Double, hi: Double)?] = last.cells.indices.map { k in
            blocks[start...].compactMap { extent($0.cells[k]) }
                .reduce(nil) { (acc: (lo: Double, hi: Double)?, e) in acc.map { (min($0.lo, e.lo), max($0.hi, e.hi)) } ?? e }
        }
        let tolerance = 6.0
        let within = columns.indices.filter { k in
            guard let c = columns[k] else { return false }
            return lo >= c.lo - tolerance && hi <= c.hi + tolerance
        }
        let touching = columns.indices.filter { k in
            guard let c = columns[k] else { return false }
            return min(hi, c.hi) - max(lo, c.lo) > 0
        }
        guard within.count == 1, touching == within, let k = within.first,
              let end = last.cells[k].text.last, !".:;!?".contains(end) else { return nil }
        return k
    }

    /// How far a text's words reach across the page (from their boxes), if they have boxes.
    static func extent(_ text: SpannedText) -> (lo: Double, hi: Double)? {
        let boxes = text.anchors.compactMap(\.box)
        guard let first = boxes.first else { return nil }
        return boxes.dropFirst().reduce((lo: first.x, hi: first.x + first.width)) { (min($0.lo, $1.x), max($0.hi, $1.x + $1.width)) }
    }

    /// Two table rows that say the same, digits aside (a header printed again on the next page).
    static func sameRow(_ a: Block, _ b: Block) -> Bool {
        func key(_ block: Block) -> [String] {
            block.cells.map { cell in
                RunningLines.key(text: cell.text)
            }
        }
        return a.cells.count == b.cells.count && key(a) == key(b) && a.cells.contains { !$0.isEmpty }
    }
}
