/// One page's text as poppler's library gives it, and its grouping into words.
///
/// `scalars` is the page's text in poppler's reading order: its words with a space between
/// two words of a line and a line break between lines; `boxes` has one rectangle per scalar
/// (a space or line break gets the gap it stands for); `fonts` names the font of each run
/// of scalars (inclusive indexes into `scalars`).
///
/// The text does not mark every word: where poppler's table reading puts two cells on one
/// output line it writes them with nothing between (`Dependencia:Instituto`), so a word also
/// ends where its characters stop touching, the way a word's own characters always do.
struct PageCharacters {
    struct FontRun {
        var first: Int
        var last: Int
        var name: String?
        var size: Double
    }

    var scalars: [Unicode.Scalar] = []
    var boxes: [PDFPageModel.Box] = []
    var fonts: [FontRun] = []

    /// The page's words in reading order, with poppler's line breaks as line hints and the
    /// lines stacked like a paragraph's as block hints. Each word's place in the page's text
    /// (`textLine`, `textColumn`) is where it starts in `scalars` itself: the line and the
    /// character of that line, as the page's text reads when all of it is selected and copied
    /// in a viewer built on poppler's library.
    func words() -> [PDFPageModel.Word] {
        let count = min(scalars.count, boxes.count)
        var fontOf = [Int](repeating: -1, count: count)
        for (k, run) in fonts.enumerated() where run.first <= run.last && run.first < count {
            for i in max(0, run.first)...min(run.last, count - 1) { fontOf[i] = k }
        }

        func size(_ run: Int) -> Double? { run >= 0 ? fonts[run].size : nil }
        // A font's name and weight, worked out once per font rather than once per run or word
        // (a page has hundreds of runs in a handful of fonts).
        var known: [String: FontStyle] = [:]
        let styles = fonts.map { run in
            guard let font = run.name else { return FontStyle(name: nil, bold: false, italic: false) }
            if let style = known[font] { return style }
            let name = PDFPageModel.Word.baseFontName(font)
            let weight = PDFPageModel.Word.style(ofFont: name)
            let style = FontStyle(name: name, bold: weight.bold, italic: weight.italic)
            known[font] = style
            return style
        }
        var words: [PDFPageModel.Word] = []
        var line = 0
        var start: Int?
        var lineBreak = false
        // The text's current line and, for each scalar, the character of that line it is part
        // of (counted as it goes: a combining mark belongs to the character before it).
        var textLine = 1, lineCharacters = 0
        var columns = [Int](repeating: 1, count: count)
        // The way the last word's characters run: left to right unless it says otherwise.
        var direction = Direction.right
        func close(_ end: Int) {
            guard let s = start else { return }
            var w = word(s..<end, line: line, fontOf: fontOf, styles: styles)
            w.textLine = textLine
            w.textColumn = columns[s]
            words.append(w)
            if end - s >= 2 { direction = Direction(from: boxes[s], to: boxes[end - 1]) }
            start = nil
        }
        for i in 0..<count {
            let scalar = scalars[i]
            if !Self.continuesCharacter(scalar) { lineCharacters += 1 }
            columns[i] = max(1, lineCharacters)
            if Self.isWhitespace(scalar) {
                close(i)
                if scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                    lineBreak = true
                    textLine += 1
                    lineCharacters = 0
                }
                continue
            }
            if let s = start {
                // poppler starts a new word where the size changes, even with no gap.
                guard size(fontOf[i]) != size(fontOf[i - 1]) || !Self.touching(boxes[i - 1], boxes[i]) else { continue }
                let sofar = boxes[s..<i].reduce(boxes[s], Self.union)
                close(i)
                if !direction.continues(sofar, with: boxes[i], glued: true) { line += 1 }
            } else if let last = words.last, lineBreak || !direction.continues(last.box, with: boxes[i], glued: false) {
                line += 1
            }
            lineBreak = false
            start = i
        }
        close(count)
        Self.assignBlocks(&words)
        return words
    }

    /// White space, ASCII first (nearly every scalar is): looking up Unicode's properties for
    /// every character of a page cost more than poppler's reading of it.
    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (0x09...0x0D).contains(s.value)) : s.properties.isWhitespace
    }

    /// A scalar that is part of the character before it: a combining mark, a joiner, a
    /// variation selector (how a line's characters are counted, as Swift counts them).
    static func continuesCharacter(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x300: false
        case 0x300...0x36F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x200D, 0xFE00...0xFE0F: true
        default: false
        }
    }

    private struct FontStyle {
        var name: String?
        var bold: Bool
        var italic: Bool
    }

    private func word(_ range: Range<Int>, line: Int, fontOf: [Int], styles: [FontStyle]) -> PDFPageModel.Word {
        // Encoded straight into a string of the exact length (one with up to 15 bytes, nearly
        // every word, needs no allocation): appending scalar by scalar to a string's scalar view
        // grew and checked it at every one.
        var length = 0
        for s in scalars[range] { length += UTF8.width(s) }
        let text = String(unsafeUninitializedCapacity: length) { buffer in
            var n = 0
            for s in scalars[range] {
                UTF8.encode(s) { unit in
                    buffer[n] = unit
                    n += 1
                }
            }
            return n
        }
        let box = boxes[range].dropFirst().reduce(boxes[range.lowerBound], Self.union)
        // The font most of its characters are set in (a bold word's trailing colon may not be).
        var run = fontOf[range.lowerBound]
        if range.contains(where: { fontOf[$0] != run }) {
            var tally: [Int: Int] = [:]
            for i in range where fontOf[i] >= 0 { tally[fontOf[i], default: 0] += 1 }
            run = tally.max { a, b in a.value < b.value || (a.value == b.value && a.key > b.key) }?.key ?? -1
        }
        let style = run >= 0 ? styles[run] : FontStyle(name: nil, bold: false, italic: false)
        return PDFPageModel.Word(
            text: text, box: box, font: style.name, size: run >= 0 ? fonts[run].size : nil,
            isBold: style.bold, isItalic: style.italic, block: 0, line: line
        )
    }

    static func union(_ a: PDFPageModel.Box, _ b: PDFPageModel.Box) -> PDFPageModel.Box {
        let x = min(a.x, b.x), y = min(a.y, b.y)
        return PDFPageModel.Box(x: x, y: y, width: max(a.maxX, b.maxX) - x, height: max(a.maxY, b.maxY) - y)
    }

    /// Two characters of one word: poppler sets each next to the one before, edge to edge,
    /// left to right (or top to bottom, right to left, bottom to top in turned text). Two words
    /// poppler did not join are further apart: at least a tenth of the font size, or overlapping.
    static func touching(_ a: PDFPageModel.Box, _ b: PDFPageModel.Box) -> Bool {
        let tolerance = 0.02 * max(1, min(a.height, a.width, b.height, b.width))
        func overlap(_ lo1: Double, _ hi1: Double, _ lo2: Double, _ hi2: Double) -> Bool {
            min(hi1, hi2) - max(lo1, lo2) > 0.5 * min(hi1 - lo1, hi2 - lo2)
        }
        let rows = overlap(a.y, a.maxY, b.y, b.maxY), columns = overlap(a.x, a.maxX, b.x, b.maxX)
        return (rows && (abs(b.x - a.maxX) <= tolerance || abs(a.x - b.maxX) <= tolerance))
            || (columns && (abs(b.y - a.maxY) <= tolerance || abs(a.y - b.maxY) <= tolerance))
    }

    /// The way text runs on the page as displayed: poppler reads turned text too.
    enum Direction {
        case right, down, left, up

        init(from first: PDFPageModel.Box, to last: PDFPageModel.Box) {
            let dx = (last.x + last.maxX - first.x - first.maxX) / 2, dy = (last.y + last.maxY - first.y - first.maxY) / 2
            self = abs(dx) >= abs(dy) ? (dx >= 0 ? .right : .left) : (dy >= 0 ? .down : .up)
        }

        /// Whether a word that follows `previous` (a word, or the characters of one so far) stays
        /// on its line: level with it (a raised or lowered word still overlaps it), further along,
        /// and (for words poppler wrote with no space between, cells of a table row) not a
        /// column away.
        func continues(_ previous: PDFPageModel.Box, with next: PDFPageModel.Box, glued: Bool) -> Bool {
            let horizontal = self == .right || self == .left
            let (lo1, hi1, lo2, hi2) = horizontal
                ? (previous.y, previous.maxY, next.y, next.maxY) : (previous.x, previous.maxX, next.x, next.maxX)
            let thickness = max(0.5, min(hi1 - lo1, hi2 - lo2))
            let level = min(hi1, hi2) - max(lo1, lo2) > 0.25 * thickness
            let along = switch self {
            case .right: next.x - previous.maxX
            case .left: previous.x - next.maxX
            case .down: next.y - previous.maxY
            case .up: previous.y - next.maxY
            }
            return level && along >= -0.5 * thickness && (!glued || along <= thickness)
        }
    }

    /// Block hints, as poppler grows a block: a line joins the block above when its baseline
    /// is at most 1.5 of the block's font size under the block's last line, it overlaps the
    /// block across, and it is set in the block's size (within 5%). Baselines are taken as the
    /// boxes' bottoms, which differ by as much within one font.
    static func assignBlocks(_ words: inout [PDFPageModel.Word]) {
        var block = -1
        var current: (extent: PDFPageModel.Box, bottom: Double, size: Double)?
        var i = 0
        while i < words.count {
            var j = i
            var box = words[i].box
            while j < words.count && words[j].line == words[i].line {
                box = union(box, words[j].box)
                j += 1
            }
            let first = words[i]
            let size = first.size ?? first.box.height
            if let c = current,
               first.box.maxY > c.bottom + 0.01, first.box.maxY <= c.bottom + 1.5 * c.size + 0.01,
               box.x < c.extent.maxX, box.maxX > c.extent.x,
               abs(size - c.size) < 0.05 * c.size + 0.01 {
                current = (union(c.extent, box), first.box.maxY, c.size)
            } else {
                block += 1
                current = (box, first.box.maxY, size)
            }
            for k in i..<j { words[k].block = block }
            i = j
        }
    }
}
