import AvanceCore

/// A quarter named in a text.
struct QuarterMatch: Sendable {
    var first: Int
    var last: Int
    var quarter: Int
    var year: Int?
    /// The words name the months from January to the quarter's end (`enero-septiembre`,
    /// `Ene-Jun 2018`): the quarter, reported cumulatively.
    var cumulative = false
}

/// Finds quarter names in every form docs/domain.md lists: `3er. Trimestre 2024`,
/// `Tercer Trimestre de 2024`, `3T-2024`, `T3 2024`, `Julio-Septiembre 2024`,
/// `julio a septiembre de 2024`, `1er/2do/3er/4to`, `primer ... cuarto trimestre`,
/// `enero-marzo`, `Trimestre III`.
struct QuarterRecognizer {
    /// In a header field the value is a quarter even without the word "trimestre" (`T3`).
    var inField: Bool = false

    func matches(in t: TokenizedText) -> [QuarterMatch] {
        var result: [QuarterMatch] = t.scan(last: \.last) { i in ordinalTrimestre(t, at: i) ?? trimestreOrdinal(t, at: i) ?? tCode(t, at: i) ?? monthRange(t, at: i) }
        // "Trimestre: Segundo", "Trimestre: 2": in a period field a bare ordinal is the quarter.
        if inField, result.isEmpty, let (q, last) = ordinal(t, at: 0, romanAllowed: true)
            ?? t.tokens.first.flatMap({ $0.kind == .number && $0.folded.count == 1 ? $0.intValue : nil }).flatMap({ (1...4).contains($0) ? ($0, 0) : nil }) {
            let m = withYear(QuarterMatch(first: 0, last: last, quarter: q, year: nil), t)
            if m.last == t.tokens.count - 1 { result.append(m) }
        }
        return result
    }

    /// An ordinal at `i`: `tercer`, `3er.`, `3°`, `3o`, `III`; returns the quarter and its last token.
    private func ordinal(_ t: TokenizedText, at i: Int, romanAllowed: Bool) -> (Int, Int)? {
        guard i < t.tokens.count else { return nil }
        let tok = t.tokens[i]
        if tok.kind == .word, let q = Ordinals.words[tok.folded] { return (q, i) }
        if romanAllowed, tok.kind == .word, tok.isAllCaps || tok.isOneCharacter, let q = Ordinals.roman[tok.folded] { return (q, i) }
        if tok.kind == .number, let q = tok.intValue, (1...4).contains(q), tok.folded.count == 1 {
            var j = i
            if i + 1 < t.tokens.count, t.adjacent(i + 1), Ordinals.suffixes.contains(t.tokens[i + 1].folded) {
                j = i + 1
                if t.isPunct(j + 1, "."), t.adjacent(j + 1) { j += 1 }
                return (q, j)
            }
        }
        return nil
    }

    /// `tercer trimestre`, `3er. Trimestre`, `III Trimestre`, then an optional year.
    private func ordinalTrimestre(_ t: TokenizedText, at i: Int) -> QuarterMatch? {
        guard let (q, last) = ordinal(t, at: i, romanAllowed: true) else { return nil }
        var j = last + 1
        if t.isPunct(j, ".") { j += 1 }
        guard t.isWord(j, ["trimestre"]) else { return nil }
        return withYear(QuarterMatch(first: i, last: j, quarter: q, year: nil), t)
    }

    /// `Trimestre 3`, `Trimestre III`, `trimestre tercero`.
    private func trimestreOrdinal(_ t: TokenizedText, at i: Int) -> QuarterMatch? {
        guard t.isWord(i, ["trimestre"]) else { return nil }
        var j = i + 1
        if t.isPunct(j, ":") { j += 1 }
        if let tok = t.tokens[safe: j], tok.kind == .number, tok.folded.count == 1, let q = tok.intValue, (1...4).contains(q) {
            return withYear(QuarterMatch(first: i, last: j, quarter: q, year: nil), t)
        }
        if let (q, last) = ordinal(t, at: j, romanAllowed: true) {
            return withYear(QuarterMatch(first: i, last: last, quarter: q, year: nil), t)
        }
        return nil
    }

    /// `3T-2024`, `T3 2024`, `T3-2024`, `2024-T3`; without a year only in a field.
    private func tCode(_ t: TokenizedText, at i: Int) -> QuarterMatch? {
        let toks = t.tokens
        // 2024-T3 / 2024 T3
        if let y = year(t, i), i + 2 < toks.count {
            var j = i + 1
            if t.isPunct(j, "-/") { j += 1 }
            if let (q, last) = tNumber(t, at: j) { return QuarterMatch(first: i, last: last, quarter: q, year: y) }
        }
        guard let (q, last) = tNumber(t, at: i) else { return nil }
        var m = QuarterMatch(first: i, last: last, quarter: q, year: nil)
        var j = last + 1
        if t.isPunct(j, "-/") { j += 1 }
        if let y = year(t, j) {
            m.year = y
            m.last = j
            return m
        }
        return inField ? m : nil
    }

    /// `3T` or `T3` (letter and digit written together).
    private func tNumber(_ t: TokenizedText, at i: Int) -> (Int, Int)? {
        let toks = t.tokens
        guard i + 1 < toks.count, t.adjacent(i + 1) else { return nil }
        if toks[i].kind == .number, toks[i].folded.count == 1, let q = toks[i].intValue, (1...4).contains(q),
           toks[i + 1].raw == "T" || toks[i + 1].raw == "t" {
            if i + 2 < toks.count, t.adjacent(i + 2), toks[i + 2].kind == .word { return nil }
            return (q, i + 1)
        }
        if toks[i].raw == "T", toks[i + 1].kind == .number, toks[i + 1].folded.count == 1,
           let q = toks[i + 1].intValue, (1...4).contains(q) {
            if i > 0, t.adjacent(i), toks[i - 1].kind == .word { return nil }
            return (q, i + 1)
        }
        return nil
    }

    /// `julio-septiembre 2024`, `de julio a septiembre de 2024`, `enero a junio` (cumulative).
    /// `julio-septiembre`, `enero a junio de 2018`, and abbreviated (`Ene-Jun 2018`, `ENE-SEP`)
    /// where a year follows or the words stand in a period field: an abbreviation alone could
    /// be a word.
    private func monthRange(_ t: TokenizedText, at i: Int) -> QuarterMatch? {
        guard t.tokens[i].kind == .word, let m1 = Months.month(t.tokens[i].folded) else { return nil }
        var j = i + 1
        guard t.isPunct(j, "-–—/") || t.isWord(j, ["a", "al"]) else { return nil }
        j += 1
        guard let f = t.folded(j), let m2 = Months.month(f),
              m2 % 3 == 0, m1 <= m2, m1 == m2 - 2 || m1 == 1
        else { return nil }
        var match = QuarterMatch(first: i, last: j, quarter: m2 / 3, year: nil, cumulative: m1 == 1 && m2 > 3)
        match = withYear(match, t)
        let abbreviated = Months.isAbbreviation(t.tokens[i].folded) || Months.isAbbreviation(f)
        guard !abbreviated || match.year != nil || inField else { return nil }
        return match
    }

    /// Extends a match with the year that follows: `2024`, `de 2024`, `del año 2024`,
    /// `del ejercicio fiscal 2024`, `, 2024`, `-2024`.
    private func withYear(_ m: QuarterMatch, _ t: TokenizedText) -> QuarterMatch {
        var j = m.last + 1
        if t.isPunct(j, ",-") { j += 1 }
        if t.isWord(j, ["de", "del"]) { j += 1 }
        if t.isWord(j, ["ano", "ejercicio"]) {
            j += 1
            if t.isWord(j, ["fiscal", "presupuestal"]) { j += 1 }
        }
        guard let y = year(t, j) else { return m }
        var out = m
        out.year = y
        out.last = j
        return out
    }

    private func year(_ t: TokenizedText, _ j: Int) -> Int? {
        guard let tok = t.tokens[safe: j], tok.kind == .number, tok.folded.count == 4,
              let y = tok.intValue, (1900...2100).contains(y) else { return nil }
        return y
    }
}
