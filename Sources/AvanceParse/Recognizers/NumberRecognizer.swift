/// A quantity written in a text.
struct NumberMatch: Sendable {
    var first: Int
    var last: Int
    var value: Double
    var isPercent: Bool
}

/// Reads quantities: `4`, `1,250`, `1 250`, `3.5`, `96,5`, `cuatro`, `cuatro (4)`,
/// `veinte`, `treinta y dos`, `100%`, `100 %`, `cien por ciento`, `96.5 %`.
enum NumberRecognizer {
    /// The quantity starting at token `i`, if any. Bare `un`/`una` are articles and are
    /// only read as 1 when `allowArticleOne` is set.
    static func match(_ t: TokenizedText, at i: Int, allowArticleOne: Bool = false) -> NumberMatch? {
        let toks = t.tokens
        guard i < toks.count else { return nil }
        var value: Double
        var last: Int
        if toks[i].kind == .number {
            guard !(i > 0 && t.adjacent(i) && (toks[i - 1].kind == .number || toks[i - 1].kind == .word)) else { return nil }
            guard !continuesFigureOutOfRange(t, at: i) else { return nil }
            var digits = toks[i].folded
            last = i
            var decimals = ""
            // Thousands: 1,250 and 1,250,000 (in Mexico "." is the decimal point).
            while let sep = toks[safe: last + 1], sep.raw == ",", t.adjacent(last + 1),
                  let group = toks[safe: last + 2], group.kind == .number, group.folded.count == 3, t.adjacent(last + 2) {
                digits += group.folded
                last += 2
            }
            // "1 250": a space-separated group of exactly three digits after 1-3 digits.
            if last == i, digits.count <= 3, let group = toks[safe: i + 1], group.kind == .number,
               group.folded.count == 3, group.spaceBefore, !group.newlineBefore,
               !(toks[safe: i + 2].map { $0.kind == .number || $0.raw == "/" } ?? false) {
                digits += group.folded
                last = i + 1
            }
            if let sep = toks[safe: last + 1], sep.raw == "." || sep.raw == ",", t.adjacent(last + 1),
               let frac = toks[safe: last + 2], frac.kind == .number, t.adjacent(last + 2),
               sep.raw == "." || frac.folded.count != 3 {
                decimals = frac.folded
                last += 2
            }
            // A figure beyond a Double's range (309 digits or more) would read as infinity: it is
            // not a quantity a report can mean, so it is no number at all and its field stays null.
            guard let v = Double(decimals.isEmpty ? digits : digits + "." + decimals), v.isFinite else { return nil }
            value = v
        } else if toks[i].kind == .word {
            let words = (i..<min(toks.count, i + 8)).map { toks[$0].folded }
            guard let (v, count) = NumberWords.read(words, from: 0) else { return nil }
            if count == 1, ["un", "una", "uno"].contains(words[0]), !allowArticleOne { return nil }
            value = Double(v)
            last = i + count - 1
            // "cuatro (4)": the digits confirm the words; keep them in the quote.
            if t.isPunct(last + 1, "("), let d = toks[safe: last + 2], d.kind == .number, t.isPunct(last + 3, ")"),
               let dv = Double(d.folded), dv.isFinite {
                value = dv
                last += 3
            }
        } else {
            return nil
        }
        var isPercent = false
        if t.isPunct(last + 1, "%") {
            isPercent = true
            last += 1
        } else if t.folded(last + 1) == "por", t.folded(last + 2) == "ciento" {
            isPercent = true
            last += 2
        } else if t.folded(last + 1) == "porciento" {
            isPercent = true
            last += 1
        }
        return NumberMatch(first: i, last: last, value: value, isPercent: isPercent)
    }

    /// Whether the digits at `i` are the fraction or a thousands group of a figure out of range
    /// (`5` in `99…9.5`, `250` in `99…9,250`): no number either, so that what follows a figure
    /// the recognizer refused is not read in its place.
    private static func continuesFigureOutOfRange(_ t: TokenizedText, at i: Int) -> Bool {
        let toks = t.tokens
        var j = i
        while j >= 2, t.adjacent(j), toks[j - 1].raw == "." || toks[j - 1].raw == ",", t.adjacent(j - 1),
              toks[j - 2].kind == .number {
            j -= 2
            if !(Double(toks[j].folded)?.isFinite ?? false) { return true }
        }
        return false
    }
}
