import AvanceCore

/// A work program's projects listed by axis: a short title (`Eje 3`) followed by list items
/// lettered or numbered (`A) Actualización del Programa ...`, `B) ...`), as the program defines
/// the projects its table of indicators then cites by reference (`Eje 3/ Proyecto B`).
struct ProjectList {
    /// A listed project: its name on one line, where the list gives it, and its words folded.
    struct Item {
        var name: String
        var evidence: SourceSpan
        fileprivate var title: String
        fileprivate var words: String
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
                items[Key(title: title, item: item)] = Item(
                    name: name, evidence: block.text.span, title: title, words: Self.words(Tokenizer.tokens(name))
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

    /// The project of the same axis that an action filed under `reference` names instead of its
    /// own: the action holds a proper name of three capitalised words or more (`Padrón Digital
    /// Voluntario de Organizaciones Ciudadanas`) that the list gives to that one project alone,
    /// and that its own project's name does not hold; nor does the rest of the action speak of its
    /// own project (a word of its name, by its stem: `Invitación al Foro` under the Foro's project
    /// only cites the other one). `nil` when the action fits its own project, or names none of the
    /// list's.
    func otherProject(namedBy action: String, filedUnder reference: String) -> Item? {
        guard let own = project(reference) else { return nil }
        let tokens = Tokenizer.tokens(action)
        let phrases = Self.properNames(tokens).map { " \($0) " }
        // Any of its names in its own project's name, and the action is where it belongs.
        guard !phrases.contains(where: { own.words.contains($0) }) else { return nil }
        for phrase in phrases {
            let holders = items.values.filter { $0.words.contains(phrase) }
            guard holders.count == 1, let other = holders.first, other.title == own.title else { continue }
            let named = Set(phrase.split(separator: " ").map(String.init))
            let rest = Set(WordStems.stems(tokens.filter { !named.contains($0.folded) && !InstitutionLexicon.connectors.contains($0.folded) }))
            let ownStems = Set(WordStems.stems(own.name))
            return rest.isDisjoint(with: ownStems) ? other : nil
        }
        return nil
    }

    /// Folded words between single spaces, with a space at each end, for whole-word searches.
    private static func words(_ tokens: [Token]) -> String {
        " " + tokens.filter { $0.kind == .word || $0.kind == .number }.map(\.folded).joined(separator: " ") + " "
    }

    /// The text's proper names, folded: runs of capitalised words joined by connectors (`de`,
    /// `y`, `del`), and every part of a run from a capitalised word to a capitalised word that
    /// holds three of them (so that a sentence's first word, `Difusión del Padrón ...`, and two
    /// names joined by `y` are also tried apart), longest first.
    static func properNames(_ tokens: [Token]) -> [String] {
        var runs: [[Token]] = []
        var run: [Token] = []
        func close() {
            while let last = run.last, !last.isCapitalized { run.removeLast() }
            if run.filter(\.isCapitalized).count >= 3 { runs.append(run) }
            run = []
        }
        for token in tokens {
            if token.kind == .word, token.isCapitalized {
                run.append(token)
            } else if token.kind == .word, !run.isEmpty, InstitutionLexicon.connectors.contains(token.folded) {
                run.append(token)
            } else {
                close()
            }
        }
        close()
        var names: [(length: Int, name: String)] = []
        for run in runs {
            let capitals = run.indices.filter { run[$0].isCapitalized }
            for (a, start) in capitals.enumerated() where a + 2 < capitals.count {
                for end in capitals[(a + 2)...] {
                    names.append((end - start, run[start...end].map(\.folded).joined(separator: " ")))
                }
            }
        }
        return names.sorted { $0.length > $1.length }.map(\.name)
    }
}
