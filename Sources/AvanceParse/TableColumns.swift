import AvanceCore

/// Two repairs of a table's columns that printing to PDF calls for.
///
/// - A table wider than the page goes on, on the next page, with its other columns for the
///   same rows (the portal's SIPOT exports do): the two are one table, row by row.
/// - Cells that stand one column off their headers (an empty column dropped, a header set over
///   the wrong values): the values of a column have a shape (years, dates, frequencies,
///   figures, long sentences, `Ascendente`), and so does what a header asks for, so headers are
///   matched to value columns in order by that shape. Only a clear gain over reading them
///   straight changes anything.
extension IndicatorTable {
    /// The page a block starts on.
    private static func page(_ block: Block) -> Int? { block.text.span.page ?? block.cells.first?.span.page }

    /// Joins each table with the next when the next is its continuation to the right: on the
    /// following page, as many rows, and none of the same columns (beyond ones the record does not use).
    static func joiningContinuations(_ tables: [IndicatorTable], _ blocks: [Block]) -> [IndicatorTable] {
        var out: [IndicatorTable] = []
        for table in tables {
            if var last = out.last, last.continuation == nil, last.firstRow == nil, table.firstRow == nil,
               let lastRow = last.rows.last, let header = table.headerBlock, header > lastRow,
               let p = page(blocks[lastRow]), page(blocks[header]) == p + 1,
               table.rows.count == last.rows.count, last.rows.count >= 2,
               last.columns.contains(.indicator), !table.columns.contains(.indicator),
               Set(last.columns.compactMap { $0 }).subtracting([.other]).isDisjoint(with: table.columns.compactMap { $0 }),
               blocks[(lastRow + 1)..<header].allSatisfy({ $0.kind != .tableRow }) {
                let width = max(last.columns.count, last.rows.map { blocks[$0].cells.count }.max() ?? 0)
                last.leftWidth = width
                last.columns += [FieldKind?](repeating: nil, count: width - last.columns.count) + table.columns
                last.headers += [String](repeating: "", count: width - last.headers.count) + table.headers
                last.continuation = table.rows
                out[out.count - 1] = last
                continue
            }
            out.append(table)
        }
        return out
    }

    /// What the values of one column look like, as shares of its filled cells.
    struct ColumnShape {
        var year = 0.0, date = 0.0, figure = 0.0, frequency = 0.0, dimension = 0.0, direction = 0.0
        var sentence = 0.0, formula = 0.0, shortText = 0.0
        /// `Sin ajuste`, `Sin modificación`: what a column of adjusted targets prints when none was made.
        var noAdjustment = 0.0
        var filled = 0

        static let dimensions: Set<String> = ["eficacia", "eficiencia", "calidad", "economia"]
        static let directions: Set<String> = ["ascendente", "descendente", "regular", "nominal", "constante"]

        init(_ values: [String]) {
            var n = 0.0
            for value in values {
                let t = value.trimmingSpace()
                guard !t.isEmpty else { continue }
                n += 1
                // Four digits are four bytes (a `Character` count walked every long value).
                if t.utf8.count == 4, let y = Int(t), (1990...2100).contains(y) { year += 1; continue }
                if Self.isDate(t) { date += 1; continue }
                if CellFigure(t) != nil { figure += 1; continue }
                let folded = Folding.fold(t)
                if folded.hasPrefix("sin ajuste") || folded.hasPrefix("sin modificacion") || folded.hasPrefix("no hubo ajuste") {
                    noAdjustment += 1
                    continue
                }
                // Cut into words only here, where the words are read.
                let words = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                if words.count == 1, let w = words.first {
                    if Frequencies.names.contains(String(w)) { frequency += 1; continue }
                    if Self.dimensions.contains(String(w)) { dimension += 1; continue }
                    if Self.directions.contains(String(w)) { direction += 1; continue }
                }
                if t.contains("/") && (t.contains("100") || t.contains("(")) || folded.contains("*100") || folded.contains("x 100") {
                    formula += 1
                } else if words.count >= 5 {
                    sentence += 1
                } else {
                    shortText += 1
                }
            }
            filled = Int(n)
            guard n > 0 else { return }
            for k in [\ColumnShape.year, \.date, \.figure, \.frequency, \.dimension, \.direction, \.sentence, \.formula, \.shortText, \.noAdjustment] {
                self[keyPath: k] /= n
            }
        }

        /// `30/06/2025`, `10/4/22`, `2025-06-30`.
        static func isDate(_ t: String) -> Bool {
            // Only digits and the two separators can make one (most values hold a letter or a space).
            guard t.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2F || $0 == 0x2D }) else { return false }
            let parts = t.split(whereSeparator: { $0 == "/" || $0 == "-" })
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
            let lengths = parts.map(\.count)
            return (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) || (lengths[0] <= 2 && lengths[1] <= 2 && [2, 4].contains(lengths[2]))
        }

        var words: Double { sentence + formula + shortText }
    }

    /// How well a header fits a column of values: positive where the values have the shape the
    /// header asks for, negative where they plainly have another; 0 where nothing is known.
    static func fit(_ kind: FieldKind?, header: String, _ s: ColumnShape) -> Double {
        fit(kind, headerWords: headerWords(header), s)
    }

    /// A header's words, as `fit` reads them.
    static func headerWords(_ header: String) -> Set<String> {
        Set(Labels.normalize(header).split(separator: " ").map(String.init))
    }

    static func fit(_ kind: FieldKind?, headerWords h: Set<String>, _ s: ColumnShape) -> Double {
        guard s.filled > 0 else { return 0 }
        let categorical = s.frequency + s.dimension + s.direction
        if h.contains("dimension") { return 3 * s.dimension - 2 * (s.figure + s.frequency + s.direction + s.sentence) }
        if h.contains("sentido") { return 3 * s.direction - 2 * (s.figure + s.frequency + s.dimension) }
        if h.contains("fecha") || kind == .periodStart || kind == .periodEnd { return 3 * s.date - 2 * (1 - s.date) }
        switch kind {
        case .year?: return 3 * s.year - 2 * (1 - s.year - s.date)
        case .frequency?: return 3 * s.frequency - 2 * (s.figure + s.dimension + s.direction + s.sentence)
        case .modifiedTarget?:
            return 3 * s.noAdjustment + 2 * s.figure - 2 * (s.sentence + s.formula + categorical + s.date + s.year)
        case .annualTarget?, .periodTarget?, .cumulativePeriodTarget?, .achieved?, .percent?, .percentModified?, .baseline?:
            return 2 * s.figure - 2 * (s.sentence + s.formula + categorical + s.date + s.year + s.noAdjustment)
        case .formula?: return 2 * s.formula + s.sentence - 2 * (s.figure + categorical + s.date)
        case .indicator?, .description?, .summary?:
            return s.sentence + s.formula * 0.5 + s.shortText * 0.5 - 2 * (s.figure + categorical + s.date + s.year)
        case .program?:
            // A program is named, or given by its code (`E024`, `22-23`).
            return s.sentence + s.shortText * 0.5 - 2 * (categorical + s.date)
        case .unitOfMeasure?: return s.shortText - 2 * (s.figure + categorical + s.date + s.year)
        case .responsibleUnit?: return 0.5 * s.words - 2 * (s.figure + categorical + s.date)
        default:
            // A little less than a field the record keeps, which wins a tie.
            if h.contains("objetivo") || h.contains("definicion") {
                return 0.9 * (s.sentence + s.formula * 0.5) - 2 * (s.figure + categorical + s.date + s.year)
            }
            return 0
        }
    }

    /// The best in-order match of `m` headers to `n` values: `fit[i][j]` scores header `i` over
    /// value `j`; leaving header `i` without a value costs `skipHeader`, passing value `j` over
    /// costs `skipValue(j)`. Returns the score and, for each value, its header (or none).
    static func monotoneMatch(
        _ fit: [[Double]], m: Int, n: Int, skipHeader: Double, skipValue: (Int) -> Double
    ) -> (score: Double, headerOf: [Int?]) {
        var best = [[Double]](repeating: [Double](repeating: -.infinity, count: n + 1), count: m + 1)
        var step = [[UInt8]](repeating: [UInt8](repeating: 0, count: n + 1), count: m + 1)
        best[0][0] = 0
        for i in 0...m {
            for j in 0...n where i + j > 0 {
                if i > 0, j > 0, best[i - 1][j - 1] + fit[i - 1][j - 1] > best[i][j] {
                    best[i][j] = best[i - 1][j - 1] + fit[i - 1][j - 1]
                    step[i][j] = 1
                }
                if i > 0, best[i - 1][j] - skipHeader > best[i][j] { best[i][j] = best[i - 1][j] - skipHeader; step[i][j] = 2 }
                if j > 0, best[i][j - 1] - skipValue(j - 1) > best[i][j] { best[i][j] = best[i][j - 1] - skipValue(j - 1); step[i][j] = 3 }
            }
        }
        var headerOf = [Int?](repeating: nil, count: n)
        var (i, j) = (m, n)
        while i > 0 || j > 0 {
            switch step[i][j] {
            case 1: headerOf[j - 1] = i - 1; i -= 1; j -= 1
            case 2: i -= 1
            default: j -= 1
            }
        }
        return (best[m][n], headerOf)
    }

    /// A row whose cells stand off the table's columns where the others' do not (a PDF row
    /// whose first two cells were printed as one, `Propósito` with its summary, the gap made up
    /// by an empty cell further on): its cells matched to the columns in order by the shape of
    /// each value, where a value plainly stands under the wrong header and the match reads the
    /// row clearly better. An empty cell may be passed over and a column left without a value;
    /// a cell with text is never dropped.
    func rowAligned(_ cells: [SpannedText], headerWords: [Set<String>]) -> [SpannedText] {
        let m = columns.count, n = cells.count
        guard m >= 4, n >= 4, headerWords.count == m else { return cells }
        let shapes = cells.map { ColumnShape([$0.text]) }
        // A figure fits every target's column alike, so it counts only against a column that
        // wants words: what moves a row is a word where a figure belongs (`Anual` under `Meta`).
        func fit(_ i: Int, _ j: Int) -> Double {
            let f = Self.fit(columns[i], headerWords: headerWords[i], shapes[j])
            return shapes[j].figure > 0 ? min(0, f) : f
        }
        // Only a row with a value plainly out of place is read again (most rows are not: the
        // straight reading is scored before the whole matrix is).
        guard (0..<min(m, n)).contains(where: { fit($0, $0) <= -1.5 }) else { return cells }
        let fits = (0..<m).map { i in (0..<n).map { j in fit(i, j) } }
        let straight = (0..<min(m, n)).reduce(0.0) { $0 + fits[$1][$1] }
        let match = Self.monotoneMatch(fits, m: m, n: n, skipHeader: 0.25) { j in
            cells[j].text.allSatisfy(\.isWhitespace) ? 0 : 5
        }
        guard match.score >= straight + 3 else { return cells }
        var out = [SpannedText](repeating: SpannedText(text: "", anchors: []), count: m)
        for (j, i) in match.headerOf.enumerated() { if let i { out[i] = cells[j] } }
        return out
    }

    /// Matches headers to value columns, in order, by the shape of their values (see the type's
    /// note); keeps the straight reading unless another is better by a clear margin.
    mutating func aligningColumnsByContent(_ blocks: [Block]) {
        let data = dataRows(blocks, raw: true).map(\.cells)
        guard data.count >= 2, firstRow == nil else { return }
        let n = data.map(\.count).max() ?? 0
        let m = columns.count
        guard n >= 4, m >= 4 else { return }
        let shapes = (0..<n).map { j in ColumnShape(data.map { $0[safe: j]?.text ?? "" }) }
        // Of columns that fit a header equally, the first is its own (a column the header does
        // not name follows the named ones: `Avance de metas` 39%, then an unlabelled 61.0%).
        let words = (0..<m).map { Self.headerWords(headers[safe: $0] ?? "") }
        let fit = (0..<m).map { i in
            (0..<n).map { j in Self.fit(columns[i], headerWords: words[i], shapes[j]) - 0.001 * Double(j) }
        }
        // A header left without values, or values left without a header, costs a little.
        let gap = 0.5
        let match = Self.monotoneMatch(fit, m: m, n: n, skipHeader: gap) { _ in gap }
        let straight = (0..<min(m, n)).reduce(0.0) { $0 + fit[$1][$1] } - gap * Double(abs(m - n))
        // A clear gain: a few strong signals, and a good share of what the straight reading scores.
        guard match.score >= straight + max(4, abs(straight) / 2) else { return }
        let assigned = match.headerOf
        realigned = true
        columns = assigned.map { $0.map { columns[$0] } ?? nil }
        headers = assigned.map { $0.map { headers[safe: $0] ?? "" } ?? "" }
    }
}
