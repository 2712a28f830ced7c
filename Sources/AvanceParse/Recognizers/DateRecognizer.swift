import AvanceCore

/// A date found in a text, as token indices and its reading.
struct DateMatch: Sendable {
    var first: Int
    var last: Int
    var date: CalendarDate
    /// A numeric date that also reads as month/day.
    var ambiguous: Bool
    var alternatives: [CalendarDate]
}

/// Finds the days a text mentions, in every form docs/domain.md lists:
/// `09 de julio de 2024`, `9 de julio del 2024`, `1o. de julio`, `1° de julio`,
/// `14 de agosto del presente año`, `19 de julio del año en curso`, `julio 9, 2024`,
/// `09/07/2024`, `9-7-2024`, `2024-07-09`, `el cinco de mayo`, `el 4/7`, `31/10/74`.
/// Relative and missing years resolve to `reportYear`; a two-digit year to the century that
/// puts it at most ten years after the report's year.
struct DateRecognizer {
    var reportYear: Int?
    var order: ParseOptions.NumericDateOrder

    func matches(in t: TokenizedText) -> [DateMatch] {
        t.scan(last: \.last) { i in
            numeric(t, at: i) ?? dayFirst(t, at: i) ?? monthFirst(t, at: i) ?? dayAndMonth(t, at: i)
        }
    }

    /// A two-digit year in the century that puts it nearest before the report (`31/10/74` in
    /// a report of 2013 is 1974, `15/03/12` is 2012): at most ten years after the report's year.
    func fullYear(twoDigits yy: Int) -> Int {
        guard let r = reportYear else { return yy <= 50 ? 2000 + yy : 1900 + yy }
        var year = (r / 100) * 100 + yy
        if year > r + 10 { year -= 100 }
        return year
    }

    /// `el 4/7`, `el día 20/2`, `del 3-3`: a day and a month without a year, in the report's
    /// year, and only after a word that announces a day (a bare `3/4` is a fraction as often).
    private func dayAndMonth(_ t: TokenizedText, at i: Int) -> DateMatch? {
        let toks = t.tokens
        guard let reportYear, i >= 1, i + 2 < toks.count, toks[i].kind == .number, toks[i + 2].kind == .number,
              t.isWord(i - 1, ["el", "dia", "del", "al", "fecha", "desde", "hasta"]),
              toks[i + 1].kind == .punctuation, toks[i + 1].raw == "/" || toks[i + 1].raw == "-",
              t.adjacent(i + 1), t.adjacent(i + 2), toks[i].folded.count <= 2, toks[i + 2].folded.count <= 2,
              let a = toks[i].intValue, let b = toks[i + 2].intValue
        else { return nil }
        // Not a longer run (`4/7/2024` is read whole; `3/4/5` is no date).
        if i + 3 < toks.count, t.adjacent(i + 3), toks[i + 3].kind == .number || TokenizedText.holds("/-.", toks[i + 3].raw) {
            if !(toks[i + 3].raw == "." && !(i + 4 < toks.count && t.adjacent(i + 4) && toks[i + 4].kind == .number)) { return nil }
        }
        let (day, month) = order == .dayMonth ? (a, b) : (b, a)
        guard let date = CalendarDate(year: reportYear, month: month, day: day) else { return nil }
        let swapped = CalendarDate(year: reportYear, month: day, day: month)
        if let swapped, swapped != date {
            return DateMatch(first: i, last: i + 2, date: date, ambiguous: true, alternatives: [swapped])
        }
        return DateMatch(first: i, last: i + 2, date: date, ambiguous: false, alternatives: [])
    }

    // MARK: numeric dates

    private func numeric(_ t: TokenizedText, at i: Int) -> DateMatch? {
        let toks = t.tokens
        guard i + 4 < toks.count, toks[i].kind == .number,
              !(i > 0 && t.adjacent(i) && (toks[i - 1].kind == .number || t.isPunct(i - 1, "/-.")))
        else { return nil }
        let sep = toks[i + 1].raw
        guard toks[i + 1].kind == .punctuation, sep == "/" || sep == "-" || sep == ".",
              toks[i + 2].kind == .number, toks[i + 3].raw == sep, toks[i + 4].kind == .number,
              (1...4).allSatisfy({ t.adjacent(i + $0) })
        else { return nil }
        // Not part of a longer run such as a version number or a phone number.
        if i + 5 < toks.count, t.adjacent(i + 5), toks[i + 5].kind == .number || toks[i + 5].raw == sep {
            // A period after the date may end the sentence; one followed by more digits may not.
            let continues = i + 6 < toks.count && t.adjacent(i + 6) && toks[i + 6].kind == .number
            if sep != "." || toks[i + 5].kind == .number || continues { return nil }
        }
        let a = toks[i].folded, b = toks[i + 2].folded, c = toks[i + 4].folded
        guard let va = Int(a), let vb = Int(b), let vc = Int(c) else { return nil }
        if a.count == 4 {
            // ISO order: year-month-day.
            guard sep == "-", b.count <= 2, c.count <= 2, let d = CalendarDate(year: va, month: vb, day: vc) else { return nil }
            return DateMatch(first: i, last: i + 4, date: d, ambiguous: false, alternatives: [])
        }
        guard a.count <= 2, b.count <= 2, c.count == 4 || c.count == 2 else { return nil }
        if sep == "." && c.count != 4 { return nil }
        let year = c.count == 4 ? vc : fullYear(twoDigits: vc)
        guard (1900...2100).contains(year) else { return nil }
        let (firstDay, firstMonth) = order == .dayMonth ? (va, vb) : (vb, va)
        let primary = CalendarDate(year: year, month: firstMonth, day: firstDay)
        let swapped = CalendarDate(year: year, month: firstDay, day: firstMonth)
        switch (primary, swapped) {
        case let (p?, s?) where p != s:
            return DateMatch(first: i, last: i + 4, date: p, ambiguous: true, alternatives: [s])
        case let (p?, _):
            return DateMatch(first: i, last: i + 4, date: p, ambiguous: false, alternatives: [])
        case let (nil, s?):
            // Only the other order makes a date (`07/25/2024`): read it so, unambiguously.
            return DateMatch(first: i, last: i + 4, date: s, ambiguous: false, alternatives: [])
        default:
            return nil
        }
    }

    // MARK: textual dates

    /// `9 de julio del 2024`, `1o. de julio`, `1° de julio`, `primero de julio`.
    private func dayFirst(_ t: TokenizedText, at i: Int) -> DateMatch? {
        let toks = t.tokens
        var day: Int?
        var j = i
        if toks[i].kind == .number, toks[i].folded.count <= 2, let d = toks[i].intValue {
            day = d
            j = i + 1
            // Ordinal marks written after the day: 1o. 1° 1º 1ro 1er
            if j < toks.count, t.adjacent(j), ["o", "º", "°", "ro", "er"].contains(toks[j].folded) {
                j += 1
                if j < toks.count, t.adjacent(j), toks[j].raw == "." { j += 1 }
            }
        } else if toks[i].folded == "primero" {
            day = 1
            j = i + 1
        } else if toks[i].kind == .word, i == 0 || t.isWord(i - 1, ["el", "dia", "del", "al", "los", "desde", "hasta", "a"]) || t.isPunct(i - 1, ","),
                  let (value, count) = NumberWords.read((i..<min(i + 4, toks.count)).map { toks[$0].folded }, from: 0),
                  (1...31).contains(value), !["un", "una", "uno"].contains(toks[i].folded) || count > 1 {
            // A day in words: `el cinco de mayo`, `veintiuno de marzo`, `treinta y uno de julio`.
            day = value
            j = i + count
        }
        guard let dayValue = day, (1...31).contains(dayValue) else { return nil }
        if t.folded(j) == "de" { j += 1 }
        guard let month = month(t, at: j) else { return nil }
        var last = month.last
        var year: Int? = nil
        if let y = yearPhrase(t, after: month.last) {
            year = y.year
            last = y.last
        }
        guard let resolved = year ?? reportYear,
              let date = CalendarDate(year: resolved, month: month.value, day: dayValue)
        else { return nil }
        return DateMatch(first: i, last: last, date: date, ambiguous: false, alternatives: [])
    }

    /// `julio 9, 2024`, `julio 9 de 2024`: month first, and only with a year.
    private func monthFirst(_ t: TokenizedText, at i: Int) -> DateMatch? {
        let toks = t.tokens
        guard let month = month(t, at: i), month.last + 1 < toks.count else { return nil }
        let d = month.last + 1
        guard toks[d].kind == .number, toks[d].folded.count <= 2, let day = toks[d].intValue,
              let y = yearPhrase(t, after: d),
              let date = CalendarDate(year: y.year, month: month.value, day: day)
        else { return nil }
        return DateMatch(first: i, last: y.last, date: date, ambiguous: false, alternatives: [])
    }

    /// A month name at `i` (an abbreviation only with its period: `sept.`).
    private func month(_ t: TokenizedText, at i: Int) -> (value: Int, last: Int)? {
        guard let f = t.folded(i), t.tokens[i].kind == .word, let m = Months.month(f) else { return nil }
        if Months.isAbbreviation(f) {
            guard t.isPunct(i + 1, "."), t.adjacent(i + 1) else { return nil }
            return (m, i + 1)
        }
        return (m, i)
    }

    /// The year after a day and month: `de 2024`, `del 2024`, `, 2024`, `del año 2024`,
    /// `del año en curso`, `del presente año`, `del mismo año`, `de este año`, `del año pasado`.
    private func yearPhrase(_ t: TokenizedText, after k: Int) -> (year: Int, last: Int)? {
        var j = k + 1
        if t.isPunct(j, ",") { j += 1 }
        if t.isWord(j, ["de", "del"]) { j += 1 }
        if let y = fourDigitYear(t, j) { return (y, j) }
        if t.isWord(j, ["ano", "ejercicio"]) {
            if let y = fourDigitYear(t, j + 1) { return (y, j + 1) }
            if t.folded(j + 1) == "fiscal", let y = fourDigitYear(t, j + 2) { return (y, j + 2) }
            if t.folded(j + 1) == "en", t.folded(j + 2) == "curso", let r = reportYear { return (r, j + 2) }
            if t.isWord(j + 1, ["actual", "corriente"]), let r = reportYear { return (r, j + 1) }
            if t.isWord(j + 1, ["pasado", "anterior"]), let r = reportYear { return (r - 1, j + 1) }
            if t.isWord(j + 1, ["proximo", "siguiente", "entrante"]), let r = reportYear { return (r + 1, j + 1) }
        }
        if t.isWord(j, ["presente", "mismo", "este", "ese", "actual"]), t.isWord(j + 1, ["ano", "ejercicio"]),
           let r = reportYear {
            return (r, j + 1)
        }
        return nil
    }

    private func fourDigitYear(_ t: TokenizedText, _ j: Int) -> Int? {
        guard j < t.tokens.count, t.tokens[j].kind == .number, t.tokens[j].folded.count == 4,
              let y = t.tokens[j].intValue, (1900...2100).contains(y) else { return nil }
        // "2024" in "2024-2025" is a span of years, still a year: accept.
        return y
    }
}
