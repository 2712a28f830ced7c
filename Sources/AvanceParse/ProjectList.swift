import AvanceCore

/// A work program's projects listed by axis: a short title (`Eje 3`) followed by list items
/// lettered or numbered (`A) Actualización del Programa ...`, `B) ...`), as the program defines
/// the projects its table of indicators then cites by reference (`Eje 3/ Proyecto B`).
struct ProjectList {
    /// A listed project: its name (the item's text, its lines joined), where the list gives it,
    /// its words folded, and the proper names it holds (`padron digital voluntario de ...`).
    struct Item {
        var name: String
        var evidence: SourceSpan
        fileprivate var title: String
        fileprivate var words: String
        fileprivate var properNames: [String]
    }

    /// The folded title and the marker's letter or number (`eje 3`, `b`) → the item.
    private var items: [Key: Item] = [:]

    private struct Key: Hashable {
        var title: String
        var item: String
    }

    init(_ blocks: [Block]) {
        var title: String?
        for block in blocks {
            switch block.kind {
            case .listItem:
                guard let title, let item = block.marker.flatMap(Self.item) else { continue }
                let name = TextCleaning.clean(block.text.text)
                let tokens = Tokenizer.tokens(name)
                items[Key(title: title, item: item)] = Item(
                    name: name, evidence: block.text.span, title: title, words: Self.words(tokens),
                    properNames: Self.properNames(tokens).map { " \($0.name) " }
                )
            case .heading, .paragraph:
                // A title of a few words (`Eje 3`, `Proyectos del eje 2`) opens a list; a sentence does not.
                let words = Folding.fold(block.text.text).split(whereSeparator: \.isWhitespace)
                title = (1...4).contains(words.count) ? words.joined(separator: " ") : nil
            default:
                title = nil
            }
        }
    }

    var isEmpty: Bool { items.isEmpty }

    /// `A)` → `a`, `2.` → `2`.
    private static func item(_ marker: String) -> String? {
        let body = marker.filter { $0.isLetter || $0.isNumber }
        return body.isEmpty ? nil : Folding.fold(body)
    }

    /// The project a reference names (`Eje 3 / Proyecto B`: the item `B)` under the title
    /// `Eje 3`), where the document lists it.
    func project(_ reference: String) -> Item? {
        let parts = reference.split(separator: "/").map { Folding.fold($0.trimmingSpace()) }
        guard parts.count >= 2, let item = parts.last?.split(separator: " ").last else { return nil }
        return items[Key(title: parts[0], item: String(item))]
    }

    func name(of reference: String) -> String? { project(reference)?.name }

    /// The project of the same axis that an action filed under `reference` is about instead of
    /// its own. The action's object (the words after its opening nouns and `de`/`del`: `Diseño y
    /// publicación del` **Padrón Digital Voluntario de Organizaciones Ciudadanas**) is a proper
    /// name (three capitalised words or more, not an institution's) that the list's items
    /// capitalise in that one project alone, and that its own project's name does not hold; nor
    /// does the rest of the action speak of its own project (a word of its name, by its stem).
    /// `nil` when the action fits its own project, names none of the list's, or is written in
    /// capitals (no proper name stands out then).
    func otherProject(namedBy action: String, filedUnder reference: String) -> Item? {
        guard let own = project(reference) else { return nil }
        let tokens = Tokenizer.tokens(action)
        let names = Self.properNames(tokens)
        // Any of its names in its own project's name, and the action is where it belongs.
        guard !names.contains(where: { own.words.contains(" \($0.name) ") }) else { return nil }
        for name in names where Self.isObject(tokens, from: name.range.lowerBound) {
            let phrase = " \(name.name) "
            let holders = items.values.filter { item in item.properNames.contains { $0.contains(phrase) } }
            guard holders.count == 1, let other = holders.first, other.title == own.title else { continue }
            let rest = tokens.indices.filter { !name.range.contains($0) }.map { tokens[$0] }
                .filter { !InstitutionLexicon.connectors.contains($0.folded) }
            let ownStems = Set(WordStems.stems(own.name, minimumLength: 3))
            return Set(WordStems.stems(rest, minimumLength: 3)).isDisjoint(with: ownStems) ? other : nil
        }
        return nil
    }

    /// Folded words between single spaces, with a space at each end, for whole-word searches.
    private static func words(_ tokens: [Token]) -> String {
        " " + tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.folded).joined(separator: " ") + " "
    }

    /// Whether the words from token `start` on are the action's object: only its opening noun, a
    /// second one joined by `y` (`Diseño y publicación`), and `de`/`del` with an article stand before.
    static func isObject(_ tokens: [Token], from start: Int) -> Bool {
        guard start > 0, tokens[0].kind == .word else { return false }
        var k = 1
        while k + 1 < start, tokens[k].kind == .word, ["y", "e"].contains(tokens[k].folded), tokens[k + 1].kind == .word {
            k += 2
        }
        if k < start, ["de", "del"].contains(tokens[k].folded) { k += 1 }
        if k < start, ["la", "las", "los", "el"].contains(tokens[k].folded) { k += 1 }
        return k == start
    }

    /// A word that counts as a capital in a proper name: capitalised, and no connector (`DE`, `La`).
    private static func isCapital(_ t: Token) -> Bool {
        t.kind == .word && t.isCapitalized && !InstitutionLexicon.connectors.contains(t.folded)
    }

    /// The text's proper names, folded, with the range of their tokens: runs of capitalised
    /// words joined by connectors (`de`, `y`, `del`), and every part of a run from a capital to a
    /// capital that holds three of them (so that a sentence's first word, `Difusión del Padrón
    /// ...`, and two names joined by `y` are also tried apart), longest first. None in a text
    /// written mostly in capitals or in Title Case (its connectors capitalised), nor one opening
    /// with the word that heads an institution's name (`Comité Coordinador del ...`: a body, not a
    /// project).
    static func properNames(_ tokens: [Token]) -> [(range: ClosedRange<Int>, name: String)] {
        // Capitals (`ENTREGA DE LA CONVOCATORIA`) or Title Case (`Entrega De La Convocatoria`, its
        // connectors capitalised) set no name apart from the other words.
        let words = tokens.filter { $0.kind == .word }
        guard words.filter(\.isAllCaps).count * 2 <= words.count,
              !words.dropFirst().contains(where: { $0.isCapitalized && InstitutionLexicon.connectors.contains($0.folded) })
        else { return [] }
        var runs: [ClosedRange<Int>] = []
        var run: [Int] = []
        func close() {
            while let last = run.last, !isCapital(tokens[last]) { run.removeLast() }
            if run.filter({ isCapital(tokens[$0]) }).count >= 3, let first = run.first, let last = run.last { runs.append(first...last) }
            run = []
        }
        for (i, token) in tokens.enumerated() {
            if isCapital(token) {
                run.append(i)
            } else if token.kind == .word, !run.isEmpty, InstitutionLexicon.connectors.contains(token.folded) {
                run.append(i)
            } else {
                close()
            }
        }
        close()
        var names: [(range: ClosedRange<Int>, name: String)] = []
        for run in runs {
            let capitals = run.filter { isCapital(tokens[$0]) }
            for (a, start) in capitals.enumerated() where a + 2 < capitals.count && InstitutionLexicon.heads[tokens[start].folded] == nil {
                for end in capitals[(a + 2)...] {
                    names.append((start...end, (start...end).map { tokens[$0].folded }.joined(separator: " ")))
                }
            }
        }
        return names.sorted { $0.range.count > $1.range.count }
    }
}
