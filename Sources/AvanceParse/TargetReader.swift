import AvanceCore

/// Reads the targets a report states: in labelled fields (`Meta anual: 4`), in a table
/// row, or in prose ("La meta anual programada ... es de 4 acciones, de las cuales la meta
/// correspondiente al tercer trimestre ... es de 2", "se programaron 3 y se realizaron 3",
/// "se alcanzó un avance del 75%").
struct TargetReader {
    /// What has been found so far, with the quote of each value.
    struct Found {
        var unit: String?
        var annual: (Double, SourceSpan)?
        var period: (Double, SourceSpan)?
        var cumulative = false
        var achieved: (Double, SourceSpan)?
        var percent: (Double, SourceSpan)?
        var modified: (Double, SourceSpan)?
        var percentModified: (Double, SourceSpan)?
        var baseline: (Double, SourceSpan)?

        var isEmpty: Bool {
            annual == nil && period == nil && achieved == nil && percent == nil && modified == nil && percentModified == nil
        }

        var targets: IndicatorRecord.Targets {
            // In the order of `IndicatorRecord.Targets.Value`.
            IndicatorRecord.Targets(
                unit: unit, annual: annual?.0, modified: modified?.0, period: period?.0, periodIsCumulative: cumulative,
                achieved: achieved?.0, compliancePercent: percent?.0, compliancePercentModified: percentModified?.0,
                baseline: baseline?.0,
                evidence: [annual?.1, period?.1, achieved?.1, percent?.1, modified?.1, percentModified?.1, baseline?.1]
                    .compactMap { $0 }
            )
        }
    }

    enum Slot { case annual, period, cumulative, achieved, percent, modified, percentModified, baseline }

    // MARK: fields and cells

    /// A value from a labelled field or a table cell of a known kind. In a row of a table of
    /// indicators (`inRow`), a percentage under a target's column is that target (an indicator
    /// measured in percent: SIPOT's `Metas programadas` `100%`); in a field it is left to the
    /// percentage's own label, as prose says "un avance del 75 %".
    static func take(_ kind: FieldKind, _ value: SpannedText, inRow: Bool = false, into found: inout Found) {
        if kind == .unitOfMeasure {
            if found.unit == nil, !value.text.isEmpty { found.unit = TextCleaning.clean(value.text) }
            return
        }
        let slot: Slot
        switch kind {
        case .annualTarget: slot = .annual
        case .periodTarget: slot = .period
        case .cumulativePeriodTarget: slot = .cumulative
        case .achieved: slot = .achieved
        case .percent: slot = .percent
        case .modifiedTarget: slot = .modified
        case .percentModified: slot = .percentModified
        case .baseline: slot = .baseline
        default: return
        }
        // A cell typed as its calculation (`118/169`, `(2520/2338)-1`): its value, quoted whole.
        if inRow, slot != .percent, slot != .percentModified, let v = CellArithmetic.value(value.text) {
            assign(slot, v, value.trimmed().span, isPercent: false, into: &found)
            return
        }
        let t = TokenizedText(value)
        for i in t.tokens.indices {
            guard let m = NumberRecognizer.match(t, at: i, allowArticleOne: true) else { continue }
            // A minus sign opening the cell or field is the figure's sign (`-0.0584`, a rate that fell).
            let negative = i == 1 && t.isPunct(0, "-−") && t.adjacent(1)
            let figure = negative ? -m.value : m.value
            // A unit printed under the figure (`98.30` / `Porcentaje`), where no column names it;
            // a figure with its `%` is a percentage whatever words follow (`Al menos el 25%
            // implemente el sistema`).
            if found.unit == nil, slot == .annual || slot == .baseline {
                if m.isPercent {
                    found.unit = "%"
                } else if let next = t.tokens[safe: m.last + 1], next.kind == .word {
                    found.unit = String(next.raw)
                }
            }
            // `-998.00`: a system's code for "no value", not a figure (the unit under it still counts).
            guard !MissingValueCode.isCode(figure) else { return }
            // A table's adjusted target of 0 says no adjustment was made: no target is adjusted to nothing.
            if inRow, slot == .modified, figure == 0 { return }
            let isPercent = slot == .percent || slot == .percentModified || (m.isPercent && !inRow)
            assign(slot, figure, t.span(negative ? 0 : m.first, m.last), isPercent: isPercent, into: &found)
            return
        }
    }

    private static func assign(_ slot: Slot, _ value: Double, _ span: SourceSpan, isPercent: Bool, into found: inout Found) {
        switch slot {
        case .annual where found.annual == nil && !isPercent: found.annual = (value, span)
        case .period where found.period == nil && !isPercent: found.period = (value, span)
        case .cumulative where found.period == nil && !isPercent:
            found.period = (value, span)
            found.cumulative = true
        case .achieved where found.achieved == nil && !isPercent: found.achieved = (value, span)
        case .percent where found.percent == nil: found.percent = (value, span)
        case .modified where found.modified == nil && !isPercent: found.modified = (value, span)
        case .percentModified where found.percentModified == nil: found.percentModified = (value, span)
        // A baseline may be a percentage (an indicator measured in percent).
        case .baseline where found.baseline == nil: found.baseline = (value, span)
        default: break
        }
    }

    // MARK: prose

    static let achievedVerbs: Set<String> = [
        "realizaron", "realizo", "ejecutaron", "ejecuto", "alcanzaron", "lograron", "cumplieron",
        "atendieron", "concluyeron", "efectuaron", "impartieron", "celebraron", "entregaron", "registraron",
        "llevaron", "reportan", "reporto", "reportaron", "obtuvieron", "realizado", "realizadas", "realizados",
    ]
    static let achievedParticiples: Set<String> = [
        "realizadas", "realizados", "ejecutadas", "ejecutados", "concluidas", "concluidos", "alcanzadas",
        "alcanzados", "logradas", "logrados", "atendidas", "atendidos", "efectuadas", "efectuados",
        "impartidas", "impartidos", "celebradas", "celebrados", "entregadas", "entregados", "cumplidas",
    ]
    static let programmedVerbs: Set<String> = [
        "programaron", "programo", "programadas", "programados", "programado", "programada", "planearon", "planeo",
        "previeron", "previo", "proyectaron", "proyecto",
    ]
    static let percentCues: Set<String> = [
        "cumplimiento", "avance", "porcentaje", "logro", "alcanzo", "alcanzando", "represento", "representa",
        "equivalente", "equivale", "cumplio", "eficacia",
    ]

    /// Reads a sentence or paragraph of prose; `masked` tokens belong to dates and quarters.
    static func read(_ t: TokenizedText, masked: Set<Int>, into found: inout Found) {
        let toks = t.tokens
        var i = 0
        while i < toks.count {
            let f = toks[i].folded
            if masked.contains(i) { i += 1; continue }
            if f == "meta" || f == "metas", let slot = metaSlot(t, after: i, masked: masked) {
                if let m = nextNumber(t, after: i, masked: masked, percent: slot == .percent) {
                    assign(slot, m.value, t.span(m.first, m.last), isPercent: m.isPercent, into: &found)
                    if slot == .annual { takeUnit(t, after: m, into: &found) }
                    i = m.last + 1
                    continue
                }
            } else if achievedVerbs.contains(f) || (f == "llevaron" && t.folded(i + 1) == "a") {
                if let m = nextNumber(t, after: i, masked: masked, percent: false, within: 5) {
                    i = achieved(m, in: t, into: &found)
                    continue
                }
            } else if programmedVerbs.contains(f) {
                // "se programaron 3", "se tenía programado realizar quince": annual or for the
                // period as the clause says ("Para el ejercicio fiscal 2025 ..."), else the period's.
                if let m = nextNumber(t, after: i, masked: masked, percent: false, within: 5) {
                    let slot = contextSlot(t, around: i, masked: masked) ?? .period
                    assign(slot, m.value, t.span(m.first, m.last), isPercent: false, into: &found)
                    if slot == .annual { takeUnit(t, after: m, into: &found) }
                    i = m.last + 1
                    continue
                }
            } else if f == "se", let verb = toks[safe: i + 1], Self.isPastTense(verb.folded),
                      !achievedVerbs.contains(verb.folded), !programmedVerbs.contains(verb.folded),
                      let m = nextNumber(t, after: i + 1, masked: masked, percent: false, within: 3) {
                // "se habilitó 1", "se entregaron 20": what was done, whatever the verb.
                i = achieved(m, in: t, into: &found)
                continue
            } else if percentCues.contains(f) {
                if let m = nextNumber(t, after: i, masked: masked, percent: true, within: 8) {
                    assign(.percent, m.value, t.span(m.first, m.last), isPercent: true, into: &found)
                    i = m.last + 1
                    continue
                }
            } else if let m = NumberRecognizer.match(t, at: i, allowArticleOne: t.isWord(i - 1, ["cuales"])), !m.isPercent, !isYear(t, m) {
                let after = (m.last + 1)..<min(m.last + 5, toks.count)
                // "De los 6 eventos realizados ..., apuntamos": a set the text goes on to speak
                // of, not a figure it reports.
                let partitive = t.isWord(m.first - 2, ["de"]) && t.isWord(m.first - 1, ["los", "las"])
                if !partitive, after.contains(where: { achievedParticiples.contains(toks[$0].folded) }) {
                    // "3 acciones realizadas"
                    assign(.achieved, m.value, t.span(m.first, m.last), isPercent: false, into: &found)
                } else if let c = after.first(where: { toks[$0].folded.hasPrefix("correspond") }),
                          namesPeriod(t, from: c + 1, masked: masked) {
                    // "de las cuales 2 corresponden al cuarto trimestre"
                    assign(.period, m.value, t.span(m.first, m.last), isPercent: false, into: &found)
                }
                i = m.last + 1
                continue
            }
            i += 1
        }
    }

    /// Takes an achieved figure, and the target it is measured against when the text says
    /// "2 de las 2 ferias programadas (para el periodo)". Returns the index after what was read.
    private static func achieved(_ m: NumberMatch, in t: TokenizedText, into found: inout Found) -> Int {
        assign(.achieved, m.value, t.span(m.first, m.last), isPercent: false, into: &found)
        var j = m.last + 1
        guard t.folded(j) == "de" else { return j }
        j += 1
        if t.isWord(j, ["las", "los"]) { j += 1 }
        guard let target = NumberRecognizer.match(t, at: j), !target.isPercent, !isYear(t, target) else { return m.last + 1 }
        let annual = (target.last + 1..<min(target.last + 8, t.tokens.count)).contains {
            ["anual", "ano", "ejercicio"].contains(t.tokens[$0].folded)
        }
        assign(annual ? .annual : .period, target.value, t.span(target.first, target.last), isPercent: false, into: &found)
        return target.last + 1
    }

    /// A verb in the preterite, third person: "habilitó", "entregaron", "impartieron".
    static func isPastTense(_ folded: String) -> Bool {
        folded.count > 3 && (folded.hasSuffix("aron") || folded.hasSuffix("ieron") || folded.hasSuffix("o"))
            && !programmedVerbs.contains(folded)
    }

    /// Whether the words from `j` name the reported period ("al periodo que se informa", "al tercer trimestre").
    private static func namesPeriod(_ t: TokenizedText, from j: Int, masked: Set<Int>) -> Bool {
        var k = j
        while k < t.tokens.count, k <= j + 4 {
            let f = t.tokens[k].folded
            if f == "trimestre" || f == "periodo" || masked.contains(k) { return true }
            k += 1
        }
        return false
    }

    /// What a "meta" names, from the words after it: annual, for the period, cumulative, achieved.
    private static func metaSlot(_ t: TokenizedText, after i: Int, masked: Set<Int>) -> Slot? {
        var cumulative = false
        var j = i + 1
        while j < t.tokens.count, j <= i + 7 {
            let f = t.tokens[j].folded
            if t.tokens[j].kind == .number && !masked.contains(j) { break }
            if f.hasPrefix("acumulad") { cumulative = true }
            if f == "anual" || f == "ejercicio" || f == "ano" { return .annual }
            if f == "trimestre" || f == "trimestral" || f == "periodo" || masked.contains(j) {
                return cumulative ? .cumulative : .period
            }
            if f.hasPrefix("alcanzad") || f.hasPrefix("lograd") || f.hasPrefix("realizad") || f.hasPrefix("cumplid") {
                return .achieved
            }
            if f == "meta" || f == "metas" { break }
            j += 1
        }
        if cumulative { return .cumulative }
        // "Para el tercer trimestre la meta fue de 4": the period may be named just before.
        return contextSlot(t, around: i, masked: masked)
    }

    /// Annual or for the period, as the words before token `i` in its clause say.
    private static func contextSlot(_ t: TokenizedText, around i: Int, masked: Set<Int>) -> Slot? {
        var k = i - 1
        while k >= 0, k >= i - 10, t.tokens[k].raw != ".", t.tokens[k].raw != ";" {
            let f = t.tokens[k].folded
            if f == "trimestre" || f == "trimestral" || f == "periodo" || masked.contains(k) { return .period }
            if f == "anual" || f == "ano" || f == "ejercicio" { return .annual }
            k -= 1
        }
        return nil
    }

    /// The unit is the word after the annual target ("4 acciones", "quince jornadas").
    private static func takeUnit(_ t: TokenizedText, after m: NumberMatch, into found: inout Found) {
        guard found.unit == nil, let next = t.tokens[safe: m.last + 1], next.kind == .word,
              !InstitutionLexicon.connectors.contains(next.folded) else { return }
        found.unit = String(next.raw)
    }

    /// The first quantity after token `i`, within the sentence.
    private static func nextNumber(_ t: TokenizedText, after i: Int, masked: Set<Int>, percent: Bool, within: Int = 30) -> NumberMatch? {
        var j = i + 1
        while j < t.tokens.count, j <= i + within {
            let tok = t.tokens[j]
            if masked.contains(j) { j += 1; continue }
            // A sentence ends at a period followed by a capital; another "meta" starts another claim.
            if tok.raw == "." && (t.tokens[safe: j + 1]?.isCapitalized ?? true) { return nil }
            if tok.folded == "meta" || tok.folded == "metas" { return nil }
            let articleOne = t.isWord(j - 1, ["de", "es", "fue", "solo", "unicamente"])
            if let m = NumberRecognizer.match(t, at: j, allowArticleOne: articleOne) {
                if isYear(t, m) || isPartOfName(t, m, after: i) { j = m.last + 1; continue }
                if m.isPercent == percent { return m }
                j = m.last + 1
                continue
            }
            j += 1
        }
        return nil
    }

    /// A figure that belongs to a name (`el Reto 100 días`, `la Sesión 4`, `el Taller 2`):
    /// right after a capitalised word inside the sentence, it numbers or names, and counts nothing.
    private static func isPartOfName(_ t: TokenizedText, _ m: NumberMatch, after i: Int) -> Bool {
        let p = m.first - 1
        guard p > i, let word = t.tokens[safe: p], word.kind == .word, word.isCapitalized, !word.isAllCaps || word.raw.count <= 4,
              t.tokens[m.first].kind == .number
        else { return false }
        return true
    }

    private static func isYear(_ t: TokenizedText, _ m: NumberMatch) -> Bool {
        m.first == m.last && t.tokens[m.first].folded.count == 4 && (1990...2100).contains(Int(m.value)) && !m.isPercent
    }
}
