import AvanceCore

/// A row that sets the total of what another row of its group counts (`Número total de empresas
/// capacitadas: 10` under `Capacitación a micro, pequeñas y medianas empresas: 20 empresas`), in
/// the same unit: the total cannot be smaller than the part.
enum TotalsAndParts {
    /// The words of a total.
    static let totalWords: Set<String> = ["total", "totales"]
    /// Words that carry no subject (a total's heads and words): what is counted is said by the others.
    static let empty: Set<String> = heads.union(totalWords)
    /// Units that are not counts of things (a total percentage is no sum of its parts).
    static let notCounts = ["%", "porcent", "por ciento", "tasa", "indice", "promedio", "razon", "proporcion"]

    /// `records` with, on each row that sets a total (`isTotal`), a `targets.annual` link to every
    /// row of the same group (component) that counts the same thing in the same unit with a larger
    /// annual target: every word of four letters or more of the total's subject (by its stem,
    /// `WordStems`: `capacitadas` and `capacitación` agree) stands in that row's name, and that
    /// row counts no more than the subject (`countsMore`).
    static func linked(_ records: [IndicatorRecord]) -> [IndicatorRecord] {
        // Each row read once: its name's words, whether it sets a total, its group and its unit.
        let rows = records.map { r in
            (name: r.indicator?.name, isTotal: r.indicator?.name.map(Self.isTotal) ?? false, group: Self.group(r), unit: Self.countUnit(r))
        }
        var out = records
        for i in records.indices where rows[i].isTotal {
            let total = records[i]
            guard let name = rows[i].name, let group = rows[i].group, let unit = rows[i].unit,
                  let stated = total.targets.annual, let here = total.targets.evidence(for: .annual)
            else { continue }
            let subject = Self.stems(name)
            guard subject.count >= 2 else { continue }
            for j in records.indices where j != i && !rows[j].isTotal && rows[j].group == group && rows[j].unit == unit {
                let part = records[j]
                guard let figure = part.targets.annual, figure > stated, let partName = rows[j].name,
                      let there = part.targets.evidence(for: .annual)
                else { continue }
                let theirs = Set(Self.stems(partName))
                guard subject.allSatisfy(theirs.contains), !Self.countsMore(partName, than: Set(subject)) else { continue }
                out[i].linkedValues = (out[i].linkedValues ?? []) + [.init(field: "targets.annual", here: here, there: there)]
            }
        }
        return out
    }

    /// A name that heads with a total: `Total de ...`, `Número (cantidad, suma) total de ...`, or
    /// that ends `en total`; not `total` as an adjective (`Rehabilitación total de aulas`).
    static func isTotal(_ name: String) -> Bool {
        let w = Tokenizer.tokens(name).filter { $0.kind == .word }.map(\.folded)
        let of: Set<String> = ["de", "del"]
        if let first = w.first, totalWords.contains(first), w.count > 1, of.contains(w[1]) { return true }
        if w.count >= 2, w[w.count - 2] == "en", totalWords.contains(w[w.count - 1]) { return true }
        return w.indices.dropLast(2).contains { i in
            heads.contains(w[i]) && totalWords.contains(w[i + 1]) && of.contains(w[i + 2])
        }
    }

    /// Nouns a total heads with (`número total de`).
    static let heads: Set<String> = ["numero", "cantidad", "suma"]

    /// Whether the part's name joins a word of the total's subject with one outside it (`mujeres
    /// y hombres` against a total of `mujeres`, `medio y superior` against one of `superior`): the
    /// part then counts more than the total does.
    static func countsMore(_ part: String, than subject: Set<String>) -> Bool {
        let t = Tokenizer.tokens(part).filter { $0.kind == .word }
        return t.indices.dropFirst().dropLast().contains { k in
            guard ["y", "e", "o", "u", "ni"].contains(t[k].folded) else { return false }
            let (a, b) = (subject.contains(WordStems.stem(t[k - 1].folded)), subject.contains(WordStems.stem(t[k + 1].folded)))
            return a != b
        }
    }

    /// The group a row belongs to: its component (a work program's project, a MIR's component).
    private static func group(_ record: IndicatorRecord) -> String? {
        record.component.flatMap { c in (c.code ?? c.name).map(Folding.fold) }
    }

    /// The row's unit, folded, where it names things counted.
    private static func countUnit(_ record: IndicatorRecord) -> String? {
        guard let unit = record.targets.unit.map(Folding.fold), !unit.isEmpty,
              !notCounts.contains(where: { unit.hasPrefix($0) })
        else { return nil }
        return unit
    }

    /// The stems of the words that say what is counted.
    static func stems(_ text: String) -> [String] { WordStems.stems(text, ignoring: empty) }
}
