import AvanceCore

/// One piece of text the recognizers read: a block's text, or one cell of a table row.
struct Segment {
    var block: Int
    var text: TokenizedText
}

/// What the parser learns from a whole document before it builds records: header
/// fields, sections, dates, institutions, signatories. Computed once per document.
struct DocumentReader {
    let document: ExtractedDocument
    let options: ParseOptions
    var blocks: [Block] { document.blocks }
    /// The blocks that open the document or each worksheet (see `letterhead(of:)`).
    let letterheadBlocks: Set<Int>

    /// First field of each kind in the document.
    var fields: [FieldKind: Int] = [:]
    /// Tokenized text of each block (cells for table rows).
    var segments: [Segment] = []
    var period: IndicatorRecord.Period?
    var periodBlock: Int?
    /// The period was read from a heading (the report's title), not from running text.
    var periodFromTitle = false
    /// Where the text states the report's own period when no field does: a segment and its tokens.
    private var periodWords: (segment: Int, tokens: ClosedRange<Int>)?
    var reportYear: Int?
    var sections = Sections()
    var dates: [IndicatorRecord.DateMention] = []
    /// For each date mention, whether it can be an action's date.
    var dateIsEventDate: [Bool] = []
    /// For each date mention, whether it is the value of a `Fecha:` field inside an action: that
    /// action's date, whatever else its narrative mentions.
    private var dateIsActionField: [Bool] = []
    var institutions = InstitutionIndex()
    var signatories: [IndicatorRecord.Signatory] = []
    var periodMentions: [IndicatorRecord.PeriodMention] = []
    /// Whether each date and period mention stands in a table's row: there it is a row's data
    /// (a SIPOT row's `Fecha de validación`), not the report's text about its period.
    private var dateIsInTable: [Bool] = []
    private var periodMentionIsInTable: [Bool] = []

    /// The dates and period mentions outside tables: what a table's row records carry.
    var datesOutsideTables: [IndicatorRecord.DateMention] { zip(dates, dateIsInTable).filter { !$0.1 }.map(\.0) }
    var periodMentionsOutsideTables: [IndicatorRecord.PeriodMention] {
        zip(periodMentions, periodMentionIsInTable).filter { !$0.1 }.map(\.0)
    }

    init(document: ExtractedDocument, options: ParseOptions) {
        self.document = document
        self.options = options
        letterheadBlocks = Self.letterhead(of: document.blocks)
        for (i, block) in document.blocks.enumerated() {
            if block.kind == .field, let label = block.label, let kind = Labels.kind(of: label.text), fields[kind] == nil,
               kind == .description || kind == .formula || !Self.isDefinition(block.text.text) {
                fields[kind] = i
            }
            if block.kind == .tableRow {
                for cell in block.cells where !cell.isEmpty { segments.append(Segment(block: i, text: TokenizedText(cell))) }
            } else {
                segments.append(Segment(block: i, text: TokenizedText(block.text)))
            }
        }
        readPeriod()
        sections = Sections(blocks: document.blocks, firstFieldBlock: fields.values.min())
        readDates()
        signatories = SignatureReader.read(document.blocks)
        readInstitutions()
        readPeriodMentions()
    }

    func field(_ kind: FieldKind) -> Block? { fields[kind].map { blocks[$0] } }

    /// The program a title names (`MATRIZ DE INDICADORES PARA RESULTADOS DEL PROGRAMA ANUAL DE
    /// TRABAJO DEL CPC 22-23`): from the word `Programa` to the end of the title's line, in one
    /// of the document's first blocks, or a heading after them (a cover's lines come first),
    /// before any table.
    var programFromTitle: SpannedText? {
        for (i, block) in blocks.prefix(12).enumerated() {
            guard block.kind == .heading || (block.kind == .paragraph && i < 4) else {
                if block.kind == .tableRow { break }
                continue
            }
            for line in block.text.text.split(separator: "\n", omittingEmptySubsequences: false) {
                let words = line.split(separator: " ")
                guard let k = words.firstIndex(where: { Folding.fold(String($0)) == "programa" }),
                      k == 0 || ["del", "el", "de"].contains(Folding.fold(String(words[k - 1]))),
                      words.count - k >= 3
                else { continue }
                return block.text.slice(words[k].startIndex..<line.endIndex).trimmed()
            }
        }
        return nil
    }

    /// A glossary's line defines a label rather than giving its value (`Clave Programa: Se
    /// refiere a la clave del Programa ...`, `Indicador: El nombre del indicador`); only a
    /// description or a formula is a definition by nature.
    static func isDefinition(_ value: String) -> Bool {
        let folded = Folding.fold(value).trimmingSpace(lineBreaks: false)
        return ["se refiere a", "se refiere al", "es la columna", "es el nombre", "el nombre del", "la descripcion del",
                "numero consecutivo", "corresponde a la", "corresponde al", "se anota", "se registra", "indica el", "indica la"]
            .contains { folded.hasPrefix($0) }
    }

    // MARK: period

    private mutating func readPeriod() {
        let yearFromField = field(.year).flatMap { Self.year(in: $0.text) }
        // A day without its year (`del 1 de enero al 30 de septiembre de 2019`) takes the document's.
        let dates = DateRecognizer(reportYear: yearFromField ?? firstYearInDocument(), order: options.numericDateOrder)
        if let index = fields[.period] {
            let value = TokenizedText(blocks[index].text)
            if let m = QuarterRecognizer(inField: true).matches(in: value).first {
                let year = m.year ?? yearFromField ?? firstYearInDocument()
                if let year {
                    period = IndicatorRecord.Period(
                        year: year, quarter: m.quarter, fromJanuary: m.cumulative, evidence: blocks[index].text.trimmed().span
                    )
                    periodBlock = index
                }
            } else if let range = Self.dateRange(in: value, dates) {
                period = IndicatorRecord.Period(
                    year: range.year, quarter: range.quarter, fromJanuary: range.fromJanuary, evidence: blocks[index].text.trimmed().span
                )
                periodBlock = index
            }
        }
        if period == nil {
            // No usable period field: the first quarter the text names with its year, or the
            // first span of days that is a quarter or the year up to a quarter's end. A title's
            // quarter without a year (`SEGUIMIENTO ... 2018` / `III TRIMESTRE`) takes the year the
            // title states, when it states one.
            let titleBlocks = titleBlockIndices()
            let titleYear = Self.singleYear(in: titleBlocks.map { blocks[$0].text })
            /// Whether a segment's token stands in the document's title: a heading or a strong
            /// line, or the short first line of a plain text.
            func isTitle(_ s: Int, at token: Int) -> Bool {
                let segment = segments[s]
                let block = blocks[segment.block]
                if titleBlocks.contains(segment.block) || block.kind == .heading || block.isStrong { return true }
                guard s == 0, block.kind == .paragraph else { return false }
                let toks = segment.text.tokens
                let firstLineEnd = toks.indices.dropFirst().first(where: { toks[$0].newlineBefore }) ?? toks.count
                return token < firstLineEnd && firstLineEnd <= 24
            }
            for (s, segment) in segments.enumerated() {
                let yearHere = yearFromField ?? (titleBlocks.contains(segment.block) ? titleYear : nil)
                if let m = QuarterRecognizer().matches(in: segment.text).first(where: { $0.year != nil || yearHere != nil }),
                   let year = m.year ?? yearHere {
                    period = IndicatorRecord.Period(
                        year: year, quarter: m.quarter, fromJanuary: m.cumulative, evidence: segment.text.span(m.first, m.last)
                    )
                    periodFromTitle = isTitle(s, at: m.first)
                    break
                }
                if let range = Self.dateRange(in: segment.text, dates) {
                    period = IndicatorRecord.Period(
                        year: range.year, quarter: range.quarter, fromJanuary: range.fromJanuary,
                        evidence: segment.text.span(range.first, range.last)
                    )
                    periodWords = (s, range.first...range.last)
                    periodFromTitle = isTitle(s, at: range.first)
                    break
                }
            }
        }
        reportYear = period?.year ?? yearFromField
    }

    /// A span of days that is a reporting period: `del 1 de enero al 30 de septiembre de 2019`,
    /// `01/04/2025 al 30/06/2025`, `1 de julio - 30 de septiembre de 2024`. It starts on the
    /// first day of a quarter or of the year, and ends on the last day of a quarter of the same
    /// year.
    static func dateRange(
        in t: TokenizedText, _ recognizer: DateRecognizer
    ) -> (year: Int, quarter: Int, fromJanuary: Bool, first: Int, last: Int)? {
        let found = recognizer.matches(in: t)
        for (a, b) in zip(found, found.dropFirst()) {
            // Only a joining word or dash between the two days.
            let between = (a.last + 1)..<b.first
            guard between.count <= 2, between.allSatisfy({ t.isWord($0, ["al", "a", "hasta", "y"]) || t.isPunct($0, "-–—") })
            else { continue }
            guard let p = period(from: a.date, to: b.date) else { continue }
            return (p.year, p.quarter, p.fromJanuary, a.first, b.last)
        }
        return nil
    }

    /// The reporting period two days bound: the first day of a quarter (or of the year) to the
    /// last day of that quarter (or of a later one).
    static func period(from start: CalendarDate, to end: CalendarDate) -> (year: Int, quarter: Int, fromJanuary: Bool)? {
        guard end.day == CalendarDate.daysIn(month: end.month, year: end.year), end.month % 3 == 0,
              start.day == 1, start.month <= end.month
        else { return nil }
        let quarter = end.month / 3
        guard start.month == (quarter - 1) * 3 + 1 || start.month == 1 else { return nil }
        return (end.year, quarter, start.month == 1 && quarter > 1)
    }

    /// The first number of four digits in a text (an `Ejercicio` field or cell).
    static func year(in text: SpannedText) -> Int? {
        TokenizedText(text).tokens.first(where: { $0.kind == .number && $0.folded.count == 4 }).flatMap(\.intValue)
    }

    /// The blocks that make a document's title: its first headings and strong lines, before
    /// any table or field.
    private func titleBlockIndices() -> Set<Int> {
        var found = Set<Int>()
        for (i, block) in blocks.prefix(6).enumerated() {
            guard block.kind == .heading || block.isStrong else { break }
            found.insert(i)
        }
        return found
    }

    /// The one year (1990–2100) the texts state, if they state exactly one.
    static func singleYear(in texts: [SpannedText]) -> Int? {
        var years = Set<Int>()
        for text in texts {
            for tok in TokenizedText(text).tokens where tok.kind == .number && tok.folded.count == 4 {
                if let y = tok.intValue, (1990...2100).contains(y) { years.insert(y) }
            }
        }
        return years.count == 1 ? years.first : nil
    }

    private func firstYearInDocument() -> Int? {
        for segment in segments {
            for tok in segment.text.tokens where tok.kind == .number && tok.folded.count == 4 {
                if let y = tok.intValue, (1990...2100).contains(y) { return y }
            }
        }
        return nil
    }

    // MARK: dates

    private mutating func readDates() {
        let recognizer = DateRecognizer(reportYear: reportYear, order: options.numericDateOrder)
        for (s, segment) in segments.enumerated() {
            let section = sections.action(ofBlock: segment.block)
            for m in recognizer.matches(in: segment.text) {
                // The days that state the report's own period (a title's "del 1 de enero al 30 de
                // septiembre de 2019" where no field does) are its header, not dates in its text.
                if let p = periodWords, p.segment == s, p.tokens.contains(m.first) { continue }
                let span = segment.text.span(m.first, m.last)
                dates.append(IndicatorRecord.DateMention(
                    text: span.text, value: m.date.iso, ambiguous: m.ambiguous,
                    alternatives: m.alternatives.map(\.iso), action: section, evidence: span
                ))
                let standalone = Self.standsAlone(segment.text, m)
                let block = blocks[segment.block]
                let eventDate = !standalone && !sections.isNewsNote(block: segment.block)
                    && !Sections.isCaption(block) && block.kind != .field
                dateIsEventDate.append(eventDate)
                dateIsInTable.append(block.kind == .tableRow)
                dateIsActionField.append(
                    section != nil && block.kind == .field && block.label.flatMap { Labels.kind(of: $0.text) } == .date
                )
            }
        }
    }

    /// A date alone on its line (a news note's or a letter's date), not a sentence about an event.
    /// Only the characters next to the date are looked at, up to the first word or line end, so
    /// a long line costs no more than a short one.
    static func standsAlone(_ t: TokenizedText, _ m: DateMatch) -> Bool {
        let text = t.text
        let range = t.range(m.first, m.last)
        func quiet(_ c: Character) -> Bool { c.isWhitespace || c.isPunctuation }
        var k = range.lowerBound
        while k > text.startIndex {
            let c = text[text.index(before: k)]
            if c.isNewline { break }
            if !quiet(c) { return false }
            k = text.index(before: k)
        }
        k = range.upperBound
        while k < text.endIndex {
            let c = text[k]
            if c.isNewline { break }
            if !quiet(c) { return false }
            k = text.index(after: k)
        }
        return true
    }

    // MARK: institutions

    private mutating func readInstitutions() {
        let recognizer = InstitutionRecognizer()
        // A unit is no institution: "Dirección de Asuntos Jurídicos y Secretariado Técnico".
        let unitBlock = fields[.responsibleUnit]
        var matches = segments.map { $0.block == unitBlock ? [] : recognizer.matches(in: $0.text) }
        if !options.institutions.isEmpty {
            let known = KnownNames(options.institutions)
            for s in segments.indices where segments[s].block != unitBlock {
                matches[s] = known.merge(matches[s], in: segments[s].text)
            }
            for k in options.institutions { institutions.know(name: k.name, acronym: k.acronym) }
        }
        // Names first, in document order, so a short form meets the full name it abbreviates;
        // an acronym defined in parentheses joins its name.
        for (s, segment) in segments.enumerated() {
            for m in matches[s] {
                institutions.mention(name: m.name, acronym: m.acronym, block: segment.block, position: Self.position(s, m.first),
                                     span: segment.text.span(m.nameFirst, m.nameLast))
            }
        }
        // Acronyms defined for things that are no institution ("Plataforma Digital Nacional (PDN)").
        for segment in segments {
            institutions.noteOtherAcronyms(in: segment.text, recognizer: recognizer)
        }
        // Then acronyms used alone, wherever they stand (also before their definition).
        for (s, segment) in segments.enumerated() {
            let covered = Set(matches[s].flatMap { Array($0.first...$0.last) })
            let tokens = segment.text.tokens
            for (k, tok) in tokens.enumerated() where tok.kind == .word && tok.hasTwoCharacters && !covered.contains(k)
                && (tok.isAllCaps || institutions.isDefinedAcronym(tok.raw)) {
                if Self.isFormulaVariable(tokens, k) || Self.isPartOfCode(tokens, k) { continue }
                // A word in a line set in capitals ("FIRMA DEL CONVENIO", "REALIZADO I TRIM.") is no acronym.
                func capitals(_ t: Token?) -> Bool {
                    guard let t, t.kind == .word else { return false }
                    return t.raw.allSatisfy { !$0.isLetter || $0.isUppercase }
                }
                let isolated = !capitals(tokens[safe: k - 1]) && !capitals(tokens[safe: k + 1])
                institutions.acronymUse(String(tok.raw), block: segment.block, position: Self.position(s, k),
                                        span: segment.text.span(k, k), isolated: isolated)
            }
        }
        if let b = field(.institution) {
            institutions.reportingFromField(b.text.trimmed())
        }
        institutions.chooseReporting(
            letterhead: letterheadBlocks, signatures: signatories.compactMap(\.role), known: options.institutions.map(\.name),
            subjects: openingSubjects(matches)
        )
    }

    /// The bodies the first paragraph after the letterhead opens a sentence with (`El Comité de
    /// Participación Ciudadana (CPC) ... fue designado`): the report's subject, where it has one.
    /// A body named inside a sentence (`con la Secretaría de Educación`) is a counterpart.
    private func openingSubjects(_ matches: [[InstitutionMatch]]) -> [String] {
        guard let s = segments.indices.first(where: { s in
            let block = blocks[segments[s].block]
            return !letterheadBlocks.contains(segments[s].block) && block.kind == .paragraph
        }) else { return [] }
        let t = segments[s].text
        return matches[s].filter { m in
            // Back from the name to its sentence's start: only an article may stand before it.
            var k = m.first - 1
            while k >= 0 {
                if t.isPunct(k, ".:;") || t.tokens[k + 1].newlineBefore { break }
                guard t.isWord(k, ["el", "la", "los", "las"]) else { return false }
                k -= 1
            }
            return true
        }.map(\.name)
    }

    /// The blocks that open the document (or each worksheet of a workbook): its letterhead and
    /// title, short lines before the body begins. The body begins at a field, a row of a table
    /// (a row of more than two cells), or a paragraph of more than one line.
    static func letterhead(of blocks: [Block]) -> Set<Int> {
        var seen: [String: Int] = [:]
        var ended: Set<String> = []
        var out = Set<Int>()
        for (i, block) in blocks.enumerated() {
            let key = block.sheet?.name ?? ""
            let n = seen[key, default: 0]
            seen[key] = n + 1
            guard n < InstitutionIndex.letterheadBlocks, !ended.contains(key) else { continue }
            let filledCells = block.cells.filter { !$0.text.allSatisfy(\.isWhitespace) }.count
            // A site's menu (links in a list) is neither letterhead nor body.
            if block.kind == .listItem, !block.links.isEmpty, block.text.text.count <= 60 {
                seen[key] = n
                continue
            }
            let isBody = block.kind == .field || (block.kind == .tableRow && filledCells > 2)
                || ((block.kind == .paragraph || block.kind == .listItem)
                    && (block.text.text.count > 160 || block.text.text.split(separator: "\n").count > 3))
            if isBody {
                ended.insert(key)
                continue
            }
            out.insert(i)
        }
        return out
    }

    /// Capitals that are part of a code (`FOR-RHC-01`, `SII.05`, `C1A1_2`): joined by a dash,
    /// a point, a slash or an underscore to more letters or digits.
    static func isPartOfCode(_ tokens: [Token], _ k: Int) -> Bool {
        let joiners: Set<Substring> = ["-", ".", "/", "_"]
        if let next = tokens[safe: k + 1], !next.spaceBefore, joiners.contains(next.raw),
           let after = tokens[safe: k + 2], !after.spaceBefore, after.kind == .word || after.kind == .number { return true }
        if k >= 2, !tokens[k].spaceBefore, joiners.contains(tokens[k - 1].raw), !tokens[k - 1].spaceBefore,
           tokens[k - 2].kind == .word || tokens[k - 2].kind == .number { return true }
        return false
    }

    /// Capitals that are a formula's variable, not an acronym (`PCAP= (HRSAP/THR) x 100`): a word
    /// joined to an operator.
    static func isFormulaVariable(_ tokens: [Token], _ k: Int) -> Bool {
        let operators: Set<Substring> = ["=", "/", "*", "^", "+"]
        if k > 0, !tokens[k].spaceBefore, operators.contains(tokens[k - 1].raw) { return true }
        if let next = tokens[safe: k + 1], !next.spaceBefore, operators.contains(next.raw) { return true }
        return false
    }

    /// A mention's place in reading order: segment, then token.
    static func position(_ segment: Int, _ token: Int) -> Int { segment &* 1_000_000 &+ token }

    // MARK: quarters named in the text

    private mutating func readPeriodMentions() {
        let recognizer = QuarterRecognizer()
        for segment in segments where segment.block != periodBlock {
            for m in recognizer.matches(in: segment.text) {
                let span = segment.text.span(m.first, m.last)
                // The words that state the report's own period (a title's "al tercer trimestre de
                // 2025" where no field does) are its header, not a mention in its text.
                if span == period?.evidence { continue }
                periodMentions.append(IndicatorRecord.PeriodMention(text: span.text, year: m.year, quarter: m.quarter, evidence: span))
                periodMentionIsInTable.append(blocks[segment.block].kind == .tableRow)
            }
        }
        // The fiscal year a title names (`Cuenta Pública 2020`, `Ejercicio Fiscal 2021`): a
        // mention of a year, which must be the period's.
        for segment in segments where letterheadBlocks.contains(segment.block) && segment.block != periodBlock
            && blocks[segment.block].kind != .tableRow && blocks[segment.block].kind != .field {
            let t = segment.text
            for i in t.tokens.indices {
                guard let cue = Self.fiscalYearCue(t, endingAt: i), let year = t.tokens[safe: i + 1]?.intValue,
                      t.tokens[i + 1].folded.count == 4, (1990...2100).contains(year),
                      // A span of years (`2021-2022`) names no one year.
                      !(t.isPunct(i + 2, "-–") && t.tokens[safe: i + 3]?.kind == .number)
                else { continue }
                let span = t.span(cue, i + 1)
                if span == period?.evidence || periodMentions.contains(where: { $0.evidence == span }) { continue }
                periodMentions.append(IndicatorRecord.PeriodMention(text: span.text, year: year, quarter: nil, evidence: span))
                periodMentionIsInTable.append(false)
            }
        }
    }

    /// Where the words before token `i + 1` name a fiscal year (`Cuenta Pública`, `Ejercicio
    /// Fiscal`, `Ejercicio`, `Año Fiscal`), the index of their first token.
    static func fiscalYearCue(_ t: TokenizedText, endingAt i: Int) -> Int? {
        let f = t.folded(i)
        if f == "publica", t.folded(i - 1) == "cuenta" { return i - 1 }
        if f == "fiscal", t.isWord(i - 1, ["ejercicio", "ano"]) { return i - 1 }
        if f == "ejercicio" { return i }
        return nil
    }

    // MARK: actions

    /// The actions of the narrative, with their dates, counterpart institutions and links.
    func actions() -> [IndicatorRecord.Action] {
        sections.actions.enumerated().map { index, draft in
            let members = sections.blocks(ofAction: index)
            var date = dates.indices.first { dates[$0].action == index && dateIsActionField[$0] }.map { dates[$0].value }
            for (k, mention) in dates.enumerated() where date == nil && mention.action == index && dateIsEventDate[k] {
                date = mention.value
                break
            }
            var links: [String] = []
            for b in [draft.block] + members {
                for link in blocks[b].links where !links.contains(link) { links.append(link) }
            }
            let names = institutions.counterparts(inBlocks: Set([draft.block] + members))
            return IndicatorRecord.Action(
                title: TextCleaning.clean(draft.title.text), date: date, institutions: names, links: links,
                evidence: draft.title.trimmed().span
            )
        }
    }
}
