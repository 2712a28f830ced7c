import AvanceCore

/// A row that sets the total of what another row of its group counts (`Número total de empresas
/// capacitadas: 10` under `Capacitación a micro, pequeñas y medianas empresas: 20 empresas`), in
/// the same unit: the total cannot be smaller than the part.
enum TotalsAndParts {
    /// Words that say a row is a total.
    static let totalWords: Set<String> = ["total", "totales"]
    /// Words that carry no subject: what is counted is said by the others.
    static let empty: Set<String> = ["numero", "cantidad", "total", "totales", "suma"]
    /// Units that are not counts of things (a total percentage is no sum of its parts).
    static let notCounts = ["%", "porcent", "por ciento", "tasa", "indice", "promedio", "razon", "proporcion"]

    /// `records` with, on each row that sets a total, a `targets.annual` link to every row of the
    /// same group (component) that counts the same thing in the same unit with a larger annual
    /// target: every word of the total's subject (by its stem, `WordStems`: `capacitadas` and
    /// `capacitación` agree) stands in that row's name.
    static func linked(_ records: [IndicatorRecord]) -> [IndicatorRecord] {
        var out = records
        for i in records.indices {
            let total = records[i]
            guard let name = total.indicator?.name, Self.isTotal(name), let group = Self.group(total),
                  let unit = Self.countUnit(total), let stated = total.targets.annual,
                  let here = total.targets.evidence(for: .annual)
            else { continue }
            let subject = Self.stems(name)
            guard subject.count >= 2 else { continue }
            for j in records.indices where j != i {
                let part = records[j]
                guard Self.group(part) == group, Self.countUnit(part) == unit, let figure = part.targets.annual, figure > stated,
                      let partName = part.indicator?.name, !Self.isTotal(partName),
                      let there = part.targets.evidence(for: .annual)
                else { continue }
                let theirs = Set(Self.stems(partName))
                guard subject.allSatisfy(theirs.contains) else { continue }
                out[i].linkedValues = (out[i].linkedValues ?? []) + [.init(field: "targets.annual", here: here, there: there)]
            }
        }
        return out
    }

    static func isTotal(_ name: String) -> Bool {
        Tokenizer.tokens(name).contains { $0.kind == .word && totalWords.contains($0.folded) }
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
