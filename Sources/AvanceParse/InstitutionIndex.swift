import AvanceCore
import Foundation

/// Every institution a document names, by name and by acronym, where each is
/// mentioned, and which one reports.
struct InstitutionIndex {
    struct Entry {
        var name: String
        var acronym: String?
        /// The first mention by name: the institutions list quotes the name spelled out.
        var firstSpan: SourceSpan?
        var order: Int
        /// The first mention in any form, acronym included: where the reporting institution first appears.
        var firstAnySpan: SourceSpan?
        var firstAnyPosition = Int.max
        var mentions = 0
    }

    private(set) var entries: [Entry] = []
    private var byKey: [String: Int] = [:]
    private var byAcronym: [String: Int] = [:]
    /// The bytes of the longest acronym defined (see `isDefinedAcronym`).
    private var longestAcronym = 0
    private var otherAcronyms: Set<String> = []
    /// For each block, the entries mentioned in it with their reading-order positions.
    private var mentionsByBlock: [Int: [(position: Int, entry: Int)]] = [:]
    private var undefined: [String: (count: Int, span: SourceSpan, order: Int)] = [:]
    private(set) var reporting: IndicatorRecord.Organization?
    private var reportingEntry: Int?
    private var reportingFromFieldValue = false

    /// All-capital words that are no institution's acronym.
    static let notAcronyms: Set<String> = [
        "PDF", "URL", "MIR", "PP", "UR", "ID", "RFC", "CURP", "COVID", "SARS", "HTML", "WEB", "II", "III", "IV",
        "VI", "VII", "VIII", "IX", "XI", "XII", "N/A", "NA", "SN", "CP", "AM", "PM", "OK", "TV", "QR", "MX", "PI",
        // Words a table or a title prints in capitals: a report's own vocabulary, no body's name.
        "POA", "PEA", "PAT", "PBR", "PERIODO",
        // Plans and systems of planning, no bodies: Plan Estatal / Nacional / Municipal de Desarrollo.
        "PED", "PND", "PMD", "SED", "PAE", "ASM", "TOTAL", "TOTALES", "SUBTOTAL", "ZONA", "ANUAL", "META", "METAS",
        "AVANCE", "NOTA", "FIN", "SIN", "TRIMESTRE", "SEMESTRE", "ACUMULADO", "PROGRAMADO", "REALIZADO",
        // Standards, and the words of spreadsheet errors (`#REF!`, `#¡VALOR!`).
        "ISO", "NMX", "NOM", "REF", "DIV", "VALUE", "VALOR", "NAME", "NOMBRE", "NULL", "NULO", "NUM",
    ]

    /// Whether capitals are no acronym of a body: a word of the list above, or a month (`ENE-JUN`).
    static func isNotAnAcronym(_ word: String) -> Bool {
        notAcronyms.contains(word) || Months.month(Folding.fold(word)) != nil
    }

    /// Comparable form of a name: folded, with "del Estado de" reduced to "de".
    static func key(_ name: String) -> String {
        var k = " " + Folding.fold(name) + " "
        for long in [" del estado libre y soberano de ", " del estado de "] {
            k = k.replacingAll(long, with: " de ")
        }
        return String(k.dropFirst().dropLast())
    }

    mutating func noteOtherAcronyms(in t: TokenizedText, recognizer: InstitutionRecognizer) {
        for (k, tok) in t.tokens.enumerated() where tok.raw == "(" && k > 0 {
            if let (acr, _) = recognizer.acronymAfter(t, k - 1), byAcronym[acr] == nil { otherAcronyms.insert(acr) }
        }
    }

    mutating func mention(name: String, acronym: String?, block: Int, position: Int, span: SourceSpan) {
        let e = entry(for: name)
        if let acronym {
            if entries[e].acronym == nil { entries[e].acronym = acronym }
            byAcronym[acronym] = e
            longestAcronym = max(longestAcronym, acronym.utf8.count)
        }
        entries[e].mentions += 1
        if entries[e].firstSpan == nil {
            entries[e].firstSpan = span
            entries[e].order = position
        }
        if entries[e].firstAnySpan == nil || position < entries[e].firstAnyPosition {
            entries[e].firstAnySpan = span
            entries[e].firstAnyPosition = position
        }
        mentionsByBlock[block, default: []].append((position, e))
    }

    /// A word in ASCII longer than every acronym is none of them (most words of a text, asked
    /// about one by one): no string need be made and hashed. (An ASCII word is no longer than
    /// any string canonically equal to it; other words are looked up.)
    func isDefinedAcronym<S: StringProtocol>(_ s: S) -> Bool {
        if s.utf8.count > longestAcronym, s.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return byAcronym[String(s)] != nil
    }

    /// A user's institution: its acronym stands for it even where the text never spells it
    /// out (the entry is listed only once the text names it).
    mutating func know(name: String, acronym: String?) {
        guard let acronym, byAcronym[acronym] == nil else { return }
        let e = entry(for: name)
        if entries[e].acronym == nil { entries[e].acronym = acronym }
        byAcronym[acronym] = e
        longestAcronym = max(longestAcronym, acronym.utf8.count)
    }

    mutating func acronymUse(_ acronym: String, block: Int, position: Int, span: SourceSpan, isolated: Bool) {
        if let e = byAcronym[acronym] {
            entries[e].mentions += 1
            if entries[e].firstAnySpan == nil || position < entries[e].firstAnyPosition {
                entries[e].firstAnySpan = span
                entries[e].firstAnyPosition = position
            }
            mentionsByBlock[block, default: []].append((position, e))
        } else if isolated, acronym.count >= 3, !otherAcronyms.contains(acronym), !Self.isNotAnAcronym(acronym),
                  acronym.allSatisfy({ $0.isLetter }) {
            let earlier = undefined[acronym]
            undefined[acronym] = ((earlier?.count ?? 0) + 1, earlier?.span ?? span, earlier?.order ?? position)
        }
    }

    /// An `Institución:` field names the reporting institution outright.
    mutating func reportingFromField(_ value: SpannedText) {
        let (name, acronym) = Self.nameAndAcronym(value.text)
        if let acronym, let e = byAcronym[acronym] { reportingEntry = e }
        else if let name, let e = byKey[Self.key(name)] { reportingEntry = e }
        // Quoted, like every institution, where the text first names it (the field, or a letterhead before it).
        reporting = IndicatorRecord.Organization(
            name: name ?? reportingEntry.map { entries[$0].name }, acronym: acronym ?? reportingEntry.flatMap { entries[$0].acronym },
            evidence: reportingEntry.flatMap { entries[$0].firstAnySpan } ?? value.span
        )
        reportingFromFieldValue = true
    }

    /// How many blocks open a document (or a worksheet) as its letterhead and title.
    static let letterheadBlocks = 6

    /// Without a field, the institution the document names where a report says who reports:
    /// in its letterhead and title (of those named there, the one the whole text names most
    /// often), else the body its signatories sign for, else an institution of the user's list
    /// (`avance.yml`) the text names, else the body the opening paragraph starts a sentence
    /// with when the text names it most often (`El Comité ... (CPC) fue designado`), else
    /// capitals never spelled out that the text uses as a body's acronym (`por el ITSCH`) where
    /// the letterhead names no body. Where nothing names
    /// one, none: a body the text merely mentions most often is no evidence of who reports.
    mutating func chooseReporting(letterhead: Set<Int> = [], signatures: [String] = [], known: [String] = [], subjects: [String] = []) {
        guard !reportingFromFieldValue else { return }
        /// Of some entries, the one most mentioned, the first to appear among equals.
        func likeliest(_ candidates: Set<Int>) -> Int? {
            candidates.filter { entries[$0].mentions > 0 }.min { a, b in
                (entries[a].mentions, -entries[a].firstAnyPosition) > (entries[b].mentions, -entries[b].firstAnyPosition)
            }
        }
        let inLetterhead = Set(letterhead.flatMap { mentionsByBlock[$0] ?? [] }.map(\.entry))
        var chosen = likeliest(inLetterhead)
        if chosen == nil, !signatures.isEmpty {
            let roles = signatures.map { " " + Folding.fold($0) + " " }
            chosen = likeliest(Set(entries.indices.filter { e in
                let name = " " + Self.key(entries[e].name) + " "
                let acronym = entries[e].acronym.map { " " + Folding.fold($0) + " " }
                return roles.contains { role in role.contains(name) || acronym.map(role.contains) == true }
            }))
        }
        if chosen == nil, !known.isEmpty {
            let keys = Set(known.map(Self.key))
            chosen = likeliest(Set(entries.indices.filter { keys.contains(Self.key(entries[$0].name)) }))
        }
        // The subject of the report's opening sentence, when the whole text names it most often.
        if chosen == nil, !subjects.isEmpty {
            let most = entries.map(\.mentions).max() ?? 0
            chosen = likeliest(Set(subjects.compactMap { byKey[Self.key($0)] }).filter { entries[$0].mentions == most })
        }
        if let chosen {
            reportingEntry = chosen
            reporting = IndicatorRecord.Organization(
                name: entries[chosen].name, acronym: entries[chosen].acronym, evidence: entries[chosen].firstAnySpan
            )
            return
        }
        // Capitals never spelled out stand for a body only where the text names none in its
        // letterhead (its first blocks): a word a table prints in capitals (`PATRIMONIO`) is no
        // acronym, and the letterhead names who reports.
        let named = letterhead.contains { !(mentionsByBlock[$0] ?? []).isEmpty }
        var best: (count: Int, order: Int, acronym: String, span: SourceSpan)?
        for (acr, u) in undefined where u.count >= 2 && !named {
            if best == nil || u.count > best!.count || (u.count == best!.count && u.order < best!.order) {
                best = (u.count, u.order, acr, u.span)
            }
        }
        guard let best else { return }
        reporting = IndicatorRecord.Organization(name: nil, acronym: best.acronym, evidence: best.span)
    }

    /// The institutions of the document, in order of first mention.
    var mentioned: [IndicatorRecord.InstitutionMention] {
        entries.filter { $0.firstSpan != nil }.sorted { $0.order < $1.order }.map {
            IndicatorRecord.InstitutionMention(name: $0.name, acronym: $0.acronym, evidence: $0.firstSpan!)
        }
    }

    /// The institutions named in some blocks, the reporting one (under any of its names) left out.
    func counterparts(inBlocks blocks: Set<Int>) -> [String] {
        var seen: [Int] = []
        let mentions = blocks.flatMap { mentionsByBlock[$0] ?? [] }.sorted { $0.position < $1.position }
        for m in mentions where !seen.contains(m.entry) && !isReporting(m.entry) { seen.append(m.entry) }
        return seen.map { entries[$0].name }
    }

    private func isReporting(_ e: Int) -> Bool {
        if e == reportingEntry { return true }
        guard let reporting else { return false }
        if let name = reporting.name, Self.key(name) == Self.key(entries[e].name) { return true }
        if let acronym = reporting.acronym {
            if entries[e].acronym == acronym { return true }
            // "Secretaría Ejecutiva del SAEQROO" is the SESAEQROO under another name.
            if Self.initials(entries[e].name) == acronym { return true }
        }
        return false
    }

    /// Initials of a name, acronyms inside it kept whole: "Secretaría Ejecutiva del SAEQROO" → "SESAEQROO".
    static func initials(_ name: String) -> String {
        var out = ""
        for word in name.split(separator: " ") {
            if word.count >= 2 && word.allSatisfy({ !$0.isLetter || $0.isUppercase }) {
                out += word
            } else if let f = word.first, f.isUppercase {
                out += Folding.fold(String(f)).uppercased()
            }
        }
        return out
    }

    /// "Instituto X (IX)" → ("Instituto X", "IX"); "IX" → (nil, "IX").
    static func looksLikeAcronym(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 16 && !text.contains(where: \.isWhitespace) && text.filter(\.isUppercase).count >= 2
            && !text.contains(where: { "ÁÉÍÓÚáéíóú".contains($0) })
    }

    static func nameAndAcronym(_ value: String) -> (String?, String?) {
        let v = TextCleaning.clean(value)
        // A name's acronym in parentheses (`(SEMARNATH)`); words in parentheses are part of the
        // name (`ACCIÓN MÓVIL HUIXTLA (UNIÓN JUAREZ)`, `(U.COMITÁN)`): Spanish writes acronyms
        // without spaces or accents.
        if let open = v.lastIndex(of: "("), v.hasSuffix(")") {
            let acr = String(v[v.index(after: open)..<v.index(before: v.endIndex)])
            let name = TextCleaning.clean(v[..<open])
            if Self.looksLikeAcronym(acr) { return (name.isEmpty ? nil : name, acr) }
        }
        if v.count <= 16, !v.contains(" "), v.filter(\.isUppercase).count >= 2 { return (nil, v) }
        return (v.isEmpty ? nil : v, nil)
    }

    /// The entry for a name, merging a shorter form into a longer one
    /// ("Poder Judicial" and "Poder Judicial del Estado de Quintana Roo").
    private mutating func entry(for name: String) -> Int {
        let k = Self.key(name)
        if let e = byKey[k] { return e }
        // A shorter form met after the full name is the same institution ("Poder Judicial"
        // after "Poder Judicial del Estado de Quintana Roo"); a longer one may be another body.
        if k.split(separator: " ").count >= 2, let (_, e) = byKey.first(where: { $0.key.hasPrefix(k + " ") }) {
            byKey[k] = e
            return e
        }
        entries.append(Entry(name: name, acronym: nil, firstSpan: nil, order: Int.max))
        byKey[k] = entries.count - 1
        return entries.count - 1
    }
}

extension String {
    /// Every occurrence of `target` replaced, comparing bytes: for folded text (no accents to
    /// compose), where Foundation's `range(of:)` went through NSString for each name met.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard var hit = Search.firstIndex(of: needle, in: bytes) else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var from = 0
        while true {
            out += bytes[from..<hit]
            out += replacement.utf8
            from = hit + needle.count
            guard let next = Search.firstIndex(of: needle, in: bytes, from: from) else { break }
            hit = next
        }
        out += bytes[from...]
        return String(decoding: out, as: UTF8.self)
    }
}
