import AvanceCore

/// A run of words of one line that stand together: a piece of a sentence, a label, a cell's
/// line. Poppler's line is cut where a gap between two words is wider than a column gap.
struct Fragment: Sendable {
    /// Never empty. What the fragment's measures say is worked out whenever its words change:
    /// the layout asks for them far more often.
    var words: [LayoutWord] {
        didSet { measure() }
    }

    private(set) var x0 = 0.0, x1 = 0.0, y0 = 0.0, y1 = 0.0
    /// The size of its letters (its largest word with letters or digits).
    private(set) var size = 0.0
    private(set) var isBold = false
    /// The words as the text reads them, a space where they stand apart.
    private(set) var text = ""

    init(words: [LayoutWord]) {
        self.words = words
        measure()
    }

    private mutating func measure() {
        guard let first = words.first else { return }
        x0 = first.box.x
        x1 = words.map(\.box.maxX).max()!
        y0 = words.map(\.box.y).min()!
        y1 = words.map(\.box.maxY).max()!
        let lettered = words.filter(\.hasLetters)
        size = lettered.map(\.size).max() ?? words.map(\.size).max()!
        isBold = !lettered.isEmpty && lettered.allSatisfy(\.isBold)
        var out = ""
        for (i, w) in words.enumerated() {
            if i > 0, Self.spaced(words[i - 1], w) { out += " " }
            out += w.cleanText
        }
        text = out
    }

    /// Two words of a line stand apart (poppler cuts a word where its font changes).
    static func spaced(_ a: LayoutWord, _ b: LayoutWord) -> Bool {
        b.box.x - a.box.maxX > PlainTextPositions.spaceRatio * min(a.box.height, b.box.height)
    }

    /// Appends the words, joined by spaces where they stand apart.
    func append(to builder: inout SpannedTextBuilder) {
        for (i, w) in words.enumerated() {
            if i > 0, Self.spaced(words[i - 1], w), builder.text.last != " " { builder.appendSynthetic(" ") }
            w.append(to: &builder)
        }
    }

    /// Whether the fragment overlaps the x range `lo..<hi` by more than a sliver.
    func overlaps(_ lo: Double, _ hi: Double) -> Bool {
        min(x1, hi) - max(x0, lo) > 0.5
    }
}

/// The fragments that stand on one line of the page, left to right: what `-layout` text
/// would print on one line.
struct Row: Sendable {
    var fragments: [Fragment]

    var x0: Double { fragments.first!.x0 }
    var x1: Double { fragments.map(\.x1).max()! }
    var y0: Double { fragments.map(\.y0).min()! }
    var y1: Double { fragments.map(\.y1).max()! }
    /// The size of its letters (a bullet set in a larger symbol font says nothing).
    var size: Double {
        let lettered = fragments.filter { $0.words.contains(where: \.hasLetters) }
        return (lettered.isEmpty ? fragments : lettered).map(\.size).max()!
    }
    /// Every word with letters is bold.
    var isBold: Bool { fragments.allSatisfy { f in f.isBold || !f.words.contains(where: \.hasLetters) } && fragments.contains(where: \.isBold) }
    var text: String { fragments.map(\.text).joined(separator: " ") }
    var words: [LayoutWord] { fragments.flatMap(\.words) }
    var page: Int { fragments[0].words[0].page }
    /// The row's first cited line (where a block starting here starts).
    var line: Int { fragments[0].words[0].line }

    /// Characters, to weigh a row against a limit.
    var length: Int { fragments.reduce(0) { $0 + $1.text.count } }

    /// The row restricted to the fragments that satisfy `keep`; `nil` when none does.
    func filter(_ keep: (Fragment) -> Bool) -> Row? {
        let kept = fragments.filter(keep)
        return kept.isEmpty ? nil : Row(fragments: kept)
    }
}

enum Rows {
    /// A gap between two words of one poppler line separates two fragments (two cells, a label
    /// and its value) when it is wider than this many spaces between words of the page, and
    /// wider than `fragmentGap.min` times the words' size; one wider than `fragmentGap.max`
    /// times their size always does.
    static let spacesPerGap = 2.5
    static let fragmentGap = (min: 0.6, max: 1.0)

    /// The usual space between two words of a line, as a share of their size.
    static func wordSpace(_ words: [LayoutWord]) -> Double {
        var ratios: [Double] = []
        for (a, b) in zip(words, words.dropFirst()) where a.hintBlock == b.hintBlock && a.hintLine == b.hintLine {
            let size = max(a.size, b.size)
            let gap = b.box.x - a.box.maxX
            if size > 0, gap > PlainTextPositions.spaceRatio * size, gap < 1.5 * size { ratios.append(gap / size) }
        }
        guard !ratios.isEmpty else { return 0.3 }
        return ratios.sorted()[ratios.count / 2]
    }
    /// Two fragments stand on one row when they share this much of the lower one's height.
    static let sameRow = 0.6

    /// The rows of a page's words, top to bottom.
    static func rows(of words: [LayoutWord]) -> [Row] {
        let split = min(fragmentGap.max, max(fragmentGap.min, spacesPerGap * wordSpace(words)))
        let justified = justifiedBlocks(words)
        var fragments: [Fragment] = []
        var current: [LayoutWord] = []
        for w in words {
            if let last = current.last {
                let sameLine = last.hintBlock == w.hintBlock && last.hintLine == w.hintLine
                let gap = w.box.x - last.box.maxX
                let wide = gap > split * max(last.size, w.size) && !justified.contains(w.hintBlock)
                if !sameLine || wide || gap < -last.box.width {
                    fragments.append(Fragment(words: current))
                    current = []
                }
            }
            current.append(w)
        }
        if !current.isEmpty { fragments.append(Fragment(words: current)) }
        return joinJustifiedRuns(joinJustified(rows(of: fragments)))
    }

    /// The lines of a justified paragraph none of whose lines poppler left in one piece (a
    /// cell's paragraph whose spaces are all wider than a gap between cells): lines one under
    /// the other, each cut into three pieces of words or more that run from the same left edge
    /// to the same right edge, with spaces of one width along the line, and a line more below
    /// that starts at that edge (the paragraph's last line). Cells do not look like that: their
    /// columns start at the same place on every line, and a justified line's pieces start
    /// where no piece of the lines next to it starts. Each such line's pieces are one fragment
    /// again.
    static func joinJustifiedRuns(_ rows: [Row]) -> [Row] {
        struct Piece { var row: Int; var range: ClosedRange<Int>; var x0: Double; var x1: Double; var starts: [Double] }
        let tolerance = 1.5
        // Each row's runs of three pieces or more with words, spaced evenly and closer than
        // three times their letters' size.
        func runs(_ r: Int) -> [Piece] {
            let fragments = rows[r].fragments
            var found: [Piece] = []
            var a = 0
            while a + 1 < fragments.count {
                var b = a
                let size = fragments[a].size
                let first = fragments[a + 1].x0 - fragments[a].x1
                while b + 1 < fragments.count, fragments[b + 1].words.contains(where: \.hasLetters),
                      fragments[b + 1].x0 - fragments[b].x1 < 3 * size,
                      abs(fragments[b + 1].x0 - fragments[b].x1 - first) <= 1 {
                    b += 1
                }
                if b >= a + 2, fragments[a].words.contains(where: \.hasLetters) {
                    // (The last piece ends at the right edge: where it starts says nothing.)
                    found.append(Piece(row: r, range: a...b, x0: fragments[a].x0, x1: fragments[b].x1,
                                       starts: fragments[(a + 1)..<b].map(\.x0)))
                    a = b + 1
                } else {
                    a += 1
                }
            }
            return found
        }
        // The rows below a line, near enough to be its paragraph's next line (other columns'
        // lines may stand between).
        func below(_ row: Int) -> Range<Int> {
            rows.indices[(row + 1)...].prefix { rows[$0].y0 - rows[row].y0 <= 1.6 * rows[row].size }
        }
        let all = rows.indices.map(runs)
        var joined: [Int: [ClosedRange<Int>]] = [:]
        for r in rows.indices {
            for start in all[r] {
                // Not the first line of a longer run already joined.
                if joined[r]?.contains(start.range) ?? false { continue }
                var chain = [start]
                while let piece = below(chain.last!.row).lazy.compactMap({ k in
                    all[k].first { abs($0.x0 - start.x0) <= tolerance && abs($0.x1 - start.x1) <= tolerance }
                }).first {
                    chain.append(piece)
                }
                // The paragraph's last line, below, starts at its left edge and ends before its right.
                guard chain.count >= 2, below(chain.last!.row).contains(where: { k in
                    rows[k].fragments.contains { abs($0.x0 - start.x0) <= tolerance && $0.x1 < start.x1 - tolerance }
                }) else { continue }
                let starts = chain.map(\.starts)
                let aligned = starts.indices.contains { i in
                    starts.indices.contains { j in j != i && starts[i].contains { x in starts[j].contains { abs($0 - x) <= tolerance } } }
                }
                if aligned { continue }
                for piece in chain where !(joined[piece.row]?.contains(piece.range) ?? false) {
                    joined[piece.row, default: []].append(piece.range)
                }
            }
        }
        guard !joined.isEmpty else { return rows }
        var out = rows
        for (r, ranges) in joined {
            for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) {
                let words = out[r].fragments[range].flatMap(\.words)
                out[r].fragments.replaceSubrange(range, with: [Fragment(words: words)])
            }
        }
        return out
    }

    /// Pieces of a justified line: fragments of a row that run together from the left edge to
    /// the right edge of a one-piece line just above or below them, in a paragraph of three
    /// lines or more starting at that edge (a cell's paragraph whose widened spaces poppler
    /// took for gaps), are one fragment again.
    static func joinJustified(_ rows: [Row]) -> [Row] {
        var rows = rows
        let tolerance = 1.5
        for pass in [Array(rows.indices), Array(rows.indices.reversed())] {
            for i in pass {
                for j in [i - 1, i + 1] where rows.indices.contains(j) {
                    let (a, b) = (rows[i], rows[j])
                    guard abs(a.y0 - b.y0) <= 1.6 * max(a.size, b.size), a.fragments.count >= 2 else { continue }
                    for line in b.fragments {
                        // A third line of the paragraph, next to these two, starts at the same edge.
                        let third = [min(i, j) - 1, max(i, j) + 1].contains { k in
                            rows.indices.contains(k) && abs(rows[k].y0 - rows[k == min(i, j) - 1 ? min(i, j) : max(i, j)].y0) <= 1.6 * rows[k].size
                                && rows[k].fragments.contains { abs($0.x0 - line.x0) <= tolerance }
                        }
                        guard third,
                              let first = rows[i].fragments.firstIndex(where: { abs($0.x0 - line.x0) <= tolerance }),
                              let last = rows[i].fragments.lastIndex(where: { abs($0.x1 - line.x1) <= tolerance }),
                              last > first else { continue }
                        let pieces = rows[i].fragments[first...last]
                        rows[i].fragments.replaceSubrange(first...last, with: [Fragment(words: pieces.flatMap(\.words))])
                    }
                }
            }
        }
        return rows
    }

    /// Poppler blocks of justified text: three lines or more, each but the last running from
    /// the block's left edge to its right edge. Their wide spaces part no cells.
    static func justifiedBlocks(_ words: [LayoutWord]) -> Set<Int> {
        var lines: [Int: [Int: (x0: Double, x1: Double)]] = [:]
        for w in words {
            let extent = lines[w.hintBlock]?[w.hintLine]
            lines[w.hintBlock, default: [:]][w.hintLine] = (min(extent?.x0 ?? w.box.x, w.box.x), max(extent?.x1 ?? w.box.maxX, w.box.maxX))
        }
        var justified: Set<Int> = []
        for (block, byLine) in lines where byLine.count >= 3 {
            let ordered = byLine.sorted { $0.key < $1.key }.map(\.value)
            let left = ordered.map(\.x0).min()!, right = ordered.map(\.x1).max()!
            if ordered.dropLast().allSatisfy({ abs($0.x0 - left) <= 1.5 && abs($0.x1 - right) <= 1.5 }) { justified.insert(block) }
        }
        return justified
    }

    /// Fragments gathered into rows by the height they share.
    static func rows(of fragments: [Fragment]) -> [Row] {
        let sorted = fragments.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
        var rows: [(y0: Double, y1: Double, fragments: [Fragment])] = []
        for f in sorted {
            let (fy0, fy1) = (f.y0, f.y1)
            // The open row it shares most of its height with.
            var best: Int?
            var bestShare = 0.0
            for r in rows.indices.suffix(4) {
                let overlap = min(rows[r].y1, fy1) - max(rows[r].y0, fy0)
                let share = overlap / max(0.1, min(fy1 - fy0, rows[r].y1 - rows[r].y0))
                if share >= sameRow && share > bestShare && !rows[r].fragments.contains(where: { $0.overlaps(f.x0, f.x1) }) {
                    best = r
                    bestShare = share
                }
            }
            if let r = best {
                rows[r].fragments.append(f)
                rows[r].y0 = min(rows[r].y0, fy0)
                rows[r].y1 = max(rows[r].y1, fy1)
            } else {
                rows.append((fy0, fy1, [f]))
            }
        }
        return rows.map { Row(fragments: $0.fragments.sorted { $0.x0 < $1.x0 }) }
            .sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
    }

    /// Rows cut where the space between two of them is wider than a line's leading: the
    /// blank lines of the page.
    static func groups(_ rows: [Row]) -> [[Row]] {
        var groups: [[Row]] = []
        var current: [Row] = []
        for row in rows {
            if let last = current.last, row.y0 - last.y1 > blankLine * min(last.size, row.size) {
                groups.append(current)
                current = []
            }
            current.append(row)
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// The space between two rows, as a share of their size, that reads as a blank line.
    static let blankLine = 0.6
}
