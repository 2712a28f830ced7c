import AvanceCore

/// An institution named in a text.
struct InstitutionMatch: Sendable {
    var first: Int
    var last: Int
    var name: String
    /// Defined in parentheses right after the name: `Instituto Quintanarroense de la Mujer (IQM)`.
    var acronym: String?
    /// Token index where the quoted name starts (after a dropped "Organización Internacional").
    var nameFirst: Int
    var nameLast: Int
}

/// Finds institutions by the words that head their names (`Secretaría`, `Instituto`,
/// `Tribunal`, `Poder Judicial`, ...), by English organisation names, and defined acronyms.
struct InstitutionRecognizer {
    func matches(in t: TokenizedText) -> [InstitutionMatch] {
        t.scan(last: \.last) { i in headed(t, at: i) ?? english(t, at: i) }
    }

    /// A name headed by one of the lexicon's head words.
    private func headed(_ t: TokenizedText, at i: Int) -> InstitutionMatch? {
        let toks = t.tokens
        let head = toks[i]
        guard head.kind == .word, head.isCapitalized, let requirement = InstitutionLexicon.heads[head.folded] else { return nil }
        if let required = requirement, !t.isWord(i + 1, required) { return nil }
        // "Dirección General de Servicios de Salud": a head word right after a bare "de" that
        // follows a capitalised word is part of another name (a unit's), not an institution.
        if t.folded(i - 1) == "de", let before = toks[safe: i - 2], before.kind == .word, before.isCapitalized { return nil }
        // "Secretaria Técnica" is a person's post; the institution is written "Secretaría".
        if head.folded == "secretaria", !head.raw.contains("í"), !head.raw.contains("Í"), !t.isWord(i + 1, ["de", "del"]) {
            return nil
        }
        // "Organización Internacional World Justice Project": the English name is the name.
        if head.folded == "organizacion" {
            var j = i + 1
            if t.isWord(j, ["internacional", "mundial", "no"]) { j += 1 }
            if let e = english(t, at: j) {
                return InstitutionMatch(first: i, last: e.last, name: e.name, acronym: e.acronym, nameFirst: e.nameFirst, nameLast: e.nameLast)
            }
        }
        var last = i
        var j = i + 1
        while j < toks.count, j - i < 24 {
            let tok = toks[j]
            // A name goes on over a line break where the text was wrapped (a long line, or one
            // ending in a connector); after a short line it ends (a letterhead's next line).
            if tok.newlineBefore && !InstitutionLexicon.connectors.contains(toks[j - 1].folded)
                && !InstitutionLexicon.connectors.contains(tok.folded)
                && (!Self.wrapped(t, before: j) || InstitutionLexicon.lineStarters.contains(tok.folded)) { break }
            if tok.kind == .word && (tok.isCapitalized || tok.isAllCaps) {
                last = j
                j += 1
                continue
            }
            guard tok.kind == .word, InstitutionLexicon.connectors.contains(tok.folded) else { break }
            // A connector continues the name only into a capitalised word ("de la Mujer"),
            // not into another body ("y la SESAEQROO", "y el Instituto ...").
            var k = j + 1
            while k < toks.count, toks[k].kind == .word, InstitutionLexicon.connectors.contains(toks[k].folded) { k += 1 }
            guard k < toks.count, toks[k].kind == .word, toks[k].isCapitalized, !toks[k].isAllCaps else { break }
            if (tok.folded == "y" || tok.folded == "e"), k > j + 1 { break }
            // "Órganos Internos de Control del Poder Ejecutivo": another head word starts another institution.
            if InstitutionLexicon.standaloneHeads.contains(toks[k].folded), isHead(t, at: k) { break }
            j = k
        }
        // Names end at a place: after "Estado de X Y" take only X Y.
        if let placeEnd = endAfterPlace(t, from: i, to: last) { last = placeEnd }
        // A head word alone ("el Ayuntamiento", "la Secretaría") names no particular institution.
        guard last > i else { return nil }
        var m = InstitutionMatch(first: i, last: last, name: name(t, i, last), acronym: nil, nameFirst: i, nameLast: last)
        if let (acr, end) = acronymAfter(t, last) {
            m.acronym = acr
            m.last = end
        }
        return m
    }

    /// Whether token `k` heads an institution's name (with the word its head word requires).
    private func isHead(_ t: TokenizedText, at k: Int) -> Bool {
        guard let requirement = InstitutionLexicon.heads[t.tokens[k].folded] else { return false }
        return requirement.map { t.isWord(k + 1, $0) } ?? true
    }

    /// The last token of a name that reaches a place (`del Estado de Quintana Roo`):
    /// the place's capitalised words, and nothing after them.
    private func endAfterPlace(_ t: TokenizedText, from i: Int, to last: Int) -> Int? {
        var k = i + 1
        while k <= last {
            if InstitutionLexicon.placeMarkers.contains(t.tokens[k].folded) {
                // "Estado" then "de" + capitalised run.
                if k + 1 <= last, t.tokens[k + 1].folded == "de", k + 2 <= last, t.tokens[k + 2].isCapitalized {
                    return placeEnd(t, from: k + 2, to: last)
                }
                return k
            }
            if (t.tokens[k].folded == "de" || t.tokens[k].folded == "del"), k + 1 <= last,
               InstitutionLexicon.states.contains(t.tokens[k + 1].folded) {
                return placeEnd(t, from: k + 1, to: last)
            }
            k += 1
        }
        return nil
    }

    /// The last word of a place's name ("Quintana Roo", "Baja California Sur"): capitalised
    /// words on the same line.
    private func placeEnd(_ t: TokenizedText, from first: Int, to last: Int) -> Int {
        var e = first
        func capitalisedRun() {
            while e + 1 <= last, t.tokens[e + 1].kind == .word, t.tokens[e + 1].isCapitalized, !t.tokens[e + 1].newlineBefore { e += 1 }
        }
        capitalisedRun()
        // A town named after a state goes on with `del`: `Hidalgo del Parral`, `Guerrero del Norte`
        // (not `del Estado de ...`, nor into another body).
        if e + 2 <= last, t.tokens[e + 1].folded == "del", !t.tokens[e + 2].newlineBefore, t.tokens[e + 2].isCapitalized,
           !InstitutionLexicon.placeMarkers.contains(t.tokens[e + 2].folded), !isHead(t, at: e + 2) {
            e += 2
            capitalisedRun()
        }
        return e
    }

    /// Characters a line must have to count as wrapped at the margin rather than ended.
    static let wrappedLineLength = 50

    /// Whether the line break before token `j` wraps a long line.
    static func wrapped(_ t: TokenizedText, before j: Int) -> Bool {
        let end = t.tokens[j - 1].range.upperBound
        let lineStart = t.text[..<end].lastIndex(of: "\n").map { t.text.index(after: $0) } ?? t.text.startIndex
        return t.text[lineStart..<end].count >= wrappedLineLength
    }

    /// `World Justice Project`, `Transparency International`: capitalised English words
    /// with at least one organisation word among them.
    private func english(_ t: TokenizedText, at i: Int) -> InstitutionMatch? {
        let toks = t.tokens
        guard i < toks.count, toks[i].kind == .word, toks[i].isCapitalized,
              !InstitutionLexicon.englishConnectors.contains(toks[i].folded) else { return nil }
        var last = i
        var j = i
        var hasMarker = false
        var words = 0
        while j < toks.count, toks[j].kind == .word {
            let f = toks[j].folded
            if toks[j].isCapitalized {
                if InstitutionLexicon.englishMarkers.contains(f) { hasMarker = true }
                // Spanish words with accents or Spanish connectors end an English name.
                // (A word in ASCII has none: most words, tested by byte.)
                if !toks[j].raw.utf8.allSatisfy({ $0 < 0x80 }), toks[j].raw.contains(where: { "áéíóúñÁÉÍÓÚÑ".contains($0) }) { break }
                last = j
                words += 1
            } else if !InstitutionLexicon.englishConnectors.contains(f) {
                break
            }
            j += 1
        }
        guard hasMarker, words >= 2 else { return nil }
        // Spanish names with an English-looking word ("Programa") are not English names.
        if (i...last).contains(where: { InstitutionLexicon.connectors.contains(toks[$0].folded) }) { return nil }
        var m = InstitutionMatch(first: i, last: last, name: name(t, i, last), acronym: nil, nameFirst: i, nameLast: last)
        if let (acr, end) = acronymAfter(t, last) {
            m.acronym = acr
            m.last = end
        }
        return m
    }

    /// `(IQM)` right after token `k`: the acronym and the index of `)`.
    func acronymAfter(_ t: TokenizedText, _ k: Int) -> (String, Int)? {
        guard t.isPunct(k + 1, "(") else { return nil }
        var j = k + 2
        var parts: [Token] = []
        while j < t.tokens.count, j < k + 8, !t.isPunct(j, ")") {
            parts.append(t.tokens[j])
            j += 1
        }
        guard t.isPunct(j, ")"), !parts.isEmpty else { return nil }
        let text = String(t.text[t.tokens[k + 2].range.lowerBound..<t.tokens[j - 1].range.upperBound])
        let upper = text.filter { $0.isUppercase }.count
        // One word with two capitals or more ("IQM", "UdeG", "ICHMujeres"), or capitals and marks ("PI- PAEQROO").
        let words = parts.filter { $0.kind == .word }
        let shapeOK = parts.count == 1 ? words.count == 1 : words.allSatisfy(\.isAllCaps)
        guard upper >= 2, text.count <= 16, shapeOK, parts.first?.kind == .word else { return nil }
        return (text, j)
    }

    /// The name as written, on one line, without a trailing connector.
    func name(_ t: TokenizedText, _ a: Int, _ b: Int) -> String {
        var last = b
        while last > a, InstitutionLexicon.connectors.contains(t.tokens[last].folded) { last -= 1 }
        return TextCleaning.singleLine(t.string(a, last))
    }
}
