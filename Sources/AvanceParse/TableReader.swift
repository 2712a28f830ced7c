import AvanceCore

/// A table with one indicator per row (the "avance de indicadores" shape).
struct IndicatorTable {
    var columns: [FieldKind?]
    /// Block indices of the data rows, in order.
    var rows: [Int]

    /// Kinds a header must show to be an indicator table.
    static let targetKinds: Set<FieldKind> = [.annualTarget, .periodTarget, .cumulativePeriodTarget, .achieved, .percent]

    var hasIndicatorColumn: Bool { columns.contains(.indicator) }

    /// Finds indicator tables: a header row naming target columns, then its data rows
    /// (a repeated header, as PDFs print on every page, is skipped).
    static func find(in blocks: [Block]) -> [IndicatorTable] {
        var tables: [IndicatorTable] = []
        var current: IndicatorTable?
        for (i, block) in blocks.enumerated() {
            guard block.kind == .tableRow else {
                if let c = current { tables.append(c) }
                current = nil
                continue
            }
            let kinds = block.cells.map { Labels.kind(of: $0.text) }
            let known = kinds.compactMap { $0 }
            if known.count >= 2, known.contains(where: targetKinds.contains), known.count * 2 >= kinds.count {
                if let c = current, c.columns == kinds { continue }
                if let c = current { tables.append(c) }
                current = IndicatorTable(columns: kinds, rows: [])
                continue
            }
            if current != nil, block.cells.contains(where: { !$0.text.isEmpty }) {
                current!.rows.append(i)
            }
        }
        if let c = current { tables.append(c) }
        return tables.filter { !$0.rows.isEmpty }
    }

    /// The cell of a row under the column of a kind.
    func cell(_ kind: FieldKind, in block: Block) -> SpannedText? {
        guard let c = columns.firstIndex(of: kind), let cell = block.cells[safe: c] else { return nil }
        let trimmed = cell.trimmed()
        return trimmed.text.isEmpty ? nil : trimmed
    }
}
