import AvanceCore

/// A figure printed alone in a table's cell, as a spreadsheet prints it: `3,442`, `-224`,
/// `91%`, `$ 5,000.00`, `0.56`. Mexican usage: a comma groups thousands, a point starts the decimals.
struct CellFigure: Equatable {
    var value: Double
    /// Digits after the decimal point, as printed.
    var decimals: Int
    var isPercent: Bool

    init(value: Double, decimals: Int, isPercent: Bool) {
        self.value = value
        self.decimals = decimals
        self.isPercent = isPercent
    }

    init?(_ text: String) {
        // A letter, whatever marks follow it, is none of the marks a figure may hold: most
        // cells of text are turned down by their bytes, before they are trimmed and cut.
        guard !text.utf8.contains(where: \.isASCIILetter) else { return nil }
        var t = Substring(text.trimmingSpace())
        isPercent = t.hasSuffix("%")
        if isPercent { t = t.dropLast() }
        t = t.drop(while: { $0 == "$" || $0 == " " })
        var negative = false
        if t.hasPrefix("-") || t.hasPrefix("−") {
            negative = true
            t = t.dropFirst()
        }
        t = t.drop(while: { $0 == "$" || $0 == " " })
        let trimmed = t.trimmingSpace(lineBreaks: false)
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, parts.count <= 2, let whole = parts.first, !whole.isEmpty else { return nil }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups[0].count <= (groups.count > 1 ? 3 : 15)
        else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), parts.count == 1 || !fraction.isEmpty,
              let v = Double(groups.joined() + (fraction.isEmpty ? "" : "." + fraction)), v.isFinite
        else { return nil }
        value = negative ? -v : v
        decimals = fraction.count
    }
}

extension IndicatorTable {
    /// The total and subtotal rows of the table with what each sums, column by column.
    ///
    /// A total sums every row since the table's start (or the previous total); a subtotal sums
    /// its group, the rows between it and the previous subtotal when most of the table's
    /// subtotals add up that way, else the rows up to the next (a group row printed over its
    /// rows); where neither reading holds for most of them, subtotals are not read.
    ///
    /// `data`: the table's `dataRows`, which its records were made from (working them out again
    /// here aligned every row a second time: a tenth of a CSV's ingest).
    func sums(_ blocks: [Block], data: [(block: Int, cells: [SpannedText])]) -> [IndicatorRecord.TableSum] {
        /// The data rows strictly between two blocks.
        func rows(between a: Int, _ b: Int) -> [[SpannedText]] { data.filter { $0.block > a && $0.block < b }.map(\.cells) }
        var out: [(block: Int, sum: IndicatorRecord.TableSum)] = []
        var start = Int.min
        for t in totalRows.sorted() {
            if let sum = sum(blocks[t].cells, of: rows(between: start, t), isSubtotal: false) { out.append((t, sum)) }
            start = t
        }
        let subtotals = subtotalRows.sorted()
        if !subtotals.isEmpty {
            let bounds = subtotals + totalRows.sorted()
            let before = subtotals.map { s in
                sum(blocks[s].cells, of: rows(between: bounds.filter { $0 < s }.max() ?? Int.min, s), isSubtotal: true)
            }
            let after = subtotals.map { s in
                sum(blocks[s].cells, of: rows(between: s, bounds.filter { $0 > s }.min() ?? Int.max), isSubtotal: true)
            }
            func agreeing(_ sums: [IndicatorRecord.TableSum?]) -> Int {
                sums.filter { s in s.map { !$0.columns.isEmpty && $0.columns.allSatisfy { $0.isRatio || $0.isSumOfParts } } ?? false }.count
            }
            let (b, a) = (agreeing(before), agreeing(after))
            let chosen = b >= a ? before : after
            if max(a, b) * 2 > subtotals.count {
                out += zip(subtotals, chosen).compactMap { block, sum in sum.map { (block, $0) } }
            }
        }
        return out.sorted { $0.block < $1.block }.map(\.sum)
    }

    /// One sum row against the rows it sums: a column is read where the sum row prints a figure
    /// and at least two of its rows do, and none prints words there.
    private func sum(_ row: [SpannedText], of parts: [[SpannedText]], isSubtotal: Bool) -> IndicatorRecord.TableSum? {
        guard parts.count >= 2,
              let labelIndex = row.firstIndex(where: { $0.text.contains(where: \.isLetter) })
        else { return nil }
        var columns: [IndicatorRecord.TableSum.Column] = []
        var position: [Int: Int] = [:]
        for c in row.indices where c != labelIndex {
            let cell = row[c].trimmed()
            guard let stated = CellFigure(cell.text) else { continue }
            var figures: [(CellFigure, SourceSpan)] = []
            var words = false
            for p in parts {
                guard let text = p[safe: c]?.trimmed(), !text.text.isEmpty else { continue }
                if let f = CellFigure(text.text) { figures.append((f, text.span)) } else if Parser.stated(text.text) != nil { words = true }
            }
            guard !words, figures.count >= 2 else { continue }
            position[c] = columns.count
            columns.append(IndicatorRecord.TableSum.Column(
                header: headers[safe: c] ?? "", stated: stated.value, evidence: cell.span,
                parts: figures.map { $0.0.value }, partsDecimals: figures.map { $0.0.decimals }.max() ?? 0,
                partsEvidence: [figures.first!.1, figures.last!.1],
                isRatio: isRatioColumn(c, stated: stated, parts: figures.map(\.0))
            ))
        }
        // A ratio's numerator and denominator, where both are columns of this row.
        for c in position.keys {
            let k = position[c]!
            guard columns[k].isRatio, let (n, d) = ratioOperands(of: c), let pn = position[n], let pd = position[d] else { continue }
            columns[k].numerator = pn
            columns[k].denominator = pd
        }
        guard !columns.isEmpty else { return nil }
        return IndicatorRecord.TableSum(label: row[labelIndex].trimmed().span, isSubtotal: isSubtotal, columns: columns)
    }

    /// A column of percentages or ratios: its kind says so, its header (`%`, `porcentaje`,
    /// `Dev. / Aprob.`), or its figures carry `%`.
    private func isRatioColumn(_ c: Int, stated: CellFigure, parts: [CellFigure]) -> Bool {
        if columns[safe: c] == .percent || columns[safe: c] == .percentModified { return true }
        if stated.isPercent || parts.contains(where: \.isPercent) { return true }
        let header = headers[safe: c] ?? ""
        let words = Set(Labels.normalize(header).split(separator: " ").map(String.init))
        if header.contains("%") || !words.isDisjoint(with: ["porcentaje", "tasa", "promedio", "indice", "razon", "proporcion"]) {
            return true
        }
        return Self.quotientTerms(header) != nil
    }

    /// `Dev. / Aprob.` → (`dev`, `aprob`): a header that names a quotient of two columns.
    static func quotientTerms(_ header: String) -> (String, String)? {
        let sides = header.split(separator: "/", omittingEmptySubsequences: false)
        guard sides.count == 2 else { return nil }
        let terms = sides.map { side in Labels.normalize(String(side)).split(separator: " ").map(String.init) }
        guard terms.allSatisfy({ $0.count == 1 && $0[0].count >= 3 && $0[0].allSatisfy(\.isLetter) }) else { return nil }
        return (terms[0][0], terms[1][0])
    }

    /// The columns a ratio column divides: for a percentage of compliance, the achieved figure
    /// over the target nearest to its left (the period's, else the programmed one; the modified
    /// one for a percentage against it); for `A / B`, the nearest columns to its left whose
    /// headers start with those words.
    private func ratioOperands(of c: Int) -> (Int, Int)? {
        func nearest(_ test: (Int) -> Bool) -> Int? { (0..<c).reversed().first(where: test) }
        switch columns[safe: c] ?? nil {
        case .percent?:
            guard let n = nearest({ columns[$0] == .achieved }) else { return nil }
            let d = nearest({ [.periodTarget, .cumulativePeriodTarget].contains(columns[$0]) && $0 < n })
                ?? nearest({ columns[$0] == .annualTarget && $0 < n })
            return d.map { (n, $0) }
        case .percentModified?:
            guard let n = nearest({ columns[$0] == .achieved }), let d = nearest({ columns[$0] == .modifiedTarget && $0 < n })
            else { return nil }
            return (n, d)
        default:
            guard let (a, b) = Self.quotientTerms(headers[safe: c] ?? "") else { return nil }
            func starts(_ k: Int, _ term: String) -> Bool {
                Self.quotientTerms(headers[k]) == nil
                    && Labels.normalize(headers[k]).split(separator: " ").contains { $0.hasPrefix(term) }
            }
            guard let n = nearest({ starts($0, a) }), let d = nearest({ starts($0, b) }), n != d else { return nil }
            return (n, d)
        }
    }
}
