import AvanceCore

/// Finds the user's institutions (`ParseOptions.institutions`) by their exact words.
struct KnownNames {
    private let entries: [(words: [String], known: ParseOptions.KnownInstitution)]

    init(_ known: [ParseOptions.KnownInstitution]) {
        entries = known.map { (Tokenizer.tokens($0.name).map(\.folded), $0) }.filter { !$0.words.isEmpty }
    }

    /// `found` with the known names added: a known name replaces the matches inside it and
    /// gives way to a match it only overlaps.
    func merge(_ found: [InstitutionMatch], in t: TokenizedText) -> [InstitutionMatch] {
        var result = found
        for m in matches(in: t) {
            result.removeAll { $0.first >= m.first && $0.last <= m.last && ($0.first, $0.last) != (m.first, m.last) }
            if result.contains(where: { $0.first <= m.last && m.first <= $0.last }) { continue }
            result.append(m)
        }
        return result.sorted { $0.first < $1.first }
    }

    private func matches(in t: TokenizedText) -> [InstitutionMatch] {
        var out: [InstitutionMatch] = []
        var i = 0
        while i < t.tokens.count {
            // The longest known name starting here.
            let hit = entries.filter { e in
                i + e.words.count <= t.tokens.count && e.words.indices.allSatisfy { t.tokens[i + $0].folded == e.words[$0] }
            }.max { $0.words.count < $1.words.count }
            guard let hit else { i += 1; continue }
            let last = i + hit.words.count - 1
            var m = InstitutionMatch(
                first: i, last: last, name: TextCleaning.singleLine(t.string(i, last)), acronym: hit.known.acronym,
                nameFirst: i, nameLast: last
            )
            if let (acronym, end) = InstitutionRecognizer().acronymAfter(t, last) {
                m.acronym = acronym
                m.last = end
            }
            out.append(m)
            i = m.last + 1
        }
        return out
    }
}
