import AvanceCore

/// No block holds more than `maxBytes` of text: a longer paragraph (a report of one line of
/// megabytes, a CSV field of a whole book) is cut into paragraphs at spaces.
///
/// Reading a block costs the parser more than its length (it looks at the whole block for
/// every date it finds in it); with blocks of bounded length, a report's reading time grows
/// with its length, not with its square. A real report's paragraph is rarely a tenth of that long, and a piece ends with a sentence.
enum BlockBounds {
    /// The most UTF-8 bytes of text in one block.
    static let maxBytes = 4_096

    static func bounded(_ blocks: [Block]) -> [Block] {
        guard blocks.contains(where: isTooLong) else { return blocks }
        var result: [Block] = []
        result.reserveCapacity(blocks.count)
        for block in blocks {
            guard isTooLong(block) else {
                result.append(block)
                continue
            }
            var pieces = pieces(of: block.text)
            switch block.kind {
            case .field where block.label.map({ $0.text.utf8.count <= maxBytes }) ?? false:
                // The label keeps the value's first piece; the rest follows as paragraphs.
                var field = block
                field.text = pieces.removeFirst()
                result.append(field)
            case .heading, .listItem, .paragraph:
                var first = block
                first.text = pieces.removeFirst()
                result.append(first)
            default:
                // A table row of that length is no row of a table of indicators: its text is read
                // as prose (and a field's label too, when the label itself is that long).
                if let label = block.label { pieces = Self.pieces(of: label) + pieces }
            }
            for piece in pieces {
                result.append(Block(kind: .paragraph, text: piece, isStrong: block.isStrong, sheet: block.sheet))
            }
        }
        return result
    }

    private static func isTooLong(_ block: Block) -> Bool {
        block.text.text.utf8.count > maxBytes
            || block.cells.contains { $0.text.utf8.count > maxBytes }
            || (block.label?.text.utf8.count ?? 0) > maxBytes
    }

    /// `text` in pieces of at most `maxBytes`, each cut after the last space (or line break)
    /// before the limit, else at the last character boundary before it.
    static func pieces(of text: SpannedText) -> [SpannedText] {
        let string = text.text
        let utf8 = string.utf8
        var pieces: [SpannedText] = []
        var start = string.startIndex
        while utf8.distance(from: start, to: string.endIndex) > maxBytes {
            let limit = utf8.index(start, offsetBy: maxBytes)
            var cut = limit
            // After the last sentence in the second half of the window, else its last space.
            let floor = utf8.index(start, offsetBy: maxBytes / 2)
            var space: String.Index?
            var i = limit
            while i > floor {
                let before = utf8.index(before: i)
                if utf8[before] == 0x20 || utf8[before] == 0x0A, i.samePosition(in: string) != nil {
                    let end = utf8[utf8.index(before: before)]
                    if end == 0x2E || end == 0x0A || utf8[before] == 0x0A {
                        cut = i
                        break
                    }
                    if space == nil { space = i }
                }
                i = before
            }
            if cut == limit, let space { cut = space }
            if cut == limit {
                // No space: the last character boundary at or before the limit.
                while cut > start, cut.samePosition(in: string) == nil { cut = utf8.index(before: cut) }
                if cut == start { cut = string.index(after: start) }
            }
            pieces.append(text.slice(start..<cut).trimmed())
            start = cut
        }
        pieces.append(text.slice(start..<string.endIndex).trimmed())
        return pieces.filter { !$0.isEmpty }.isEmpty ? [text] : pieces.filter { !$0.isEmpty }
    }
}
