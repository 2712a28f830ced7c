import AvanceCore

/// Label/value pairs in two columns (Word's two-column tables): a label column at the left,
/// each label ending in a colon, and the values at a common x beside it. A label may wrap over
/// several rows of its column (`Programa` / `presupuestario:`) and a value over more; a label
/// ends at its colon, and the next text in the label column starts the next pair.
extension PageReader {
    /// Rows within this many points of the group's left edge stand in the label column.
    static let edgeTolerance = 2.0

    static func endsLabel(_ text: String) -> Bool {
        text.hasSuffix(":") && text.split(separator: " ").count <= TextExtractor.maxLabelWords
    }

    static func isLabelGroup(_ group: [Row]) -> Bool { valueColumn(group) != nil }

    /// Where the values start: the leftmost second fragment of a row that starts at the
    /// group's left edge, right of every label there.
    static func valueColumn(_ group: [Row]) -> Double? {
        guard let left = group.map(\.x0).min() else { return nil }
        let atLeft = group.filter { $0.x0 <= left + edgeTolerance }
        let labels = atLeft.filter { endsLabel($0.fragments[0].text) || isBoldLabel($0) }
        guard let labelEnd = labels.map({ $0.fragments[0].x1 }).max() else { return nil }
        let values = atLeft.compactMap { $0.fragments.count >= 2 ? $0.fragments[1].x0 : nil }
        guard let column = values.min(), column > labelEnd else { return nil }
        return column
    }

    /// A label set in bold beside a value that is not, without a colon (a Word table's label
    /// column): known only where the engine gives the weight.
    static func isBoldLabel(_ row: Row) -> Bool {
        row.fragments.count >= 2 && row.fragments[0].isBold && !row.fragments[1].isBold
            && row.fragments[0].text.split(separator: " ").count <= TextExtractor.maxLabelWords
    }

    func labelTableBlocks(_ group: [Row]) -> [Block] {
        let valueColumn = Self.valueColumn(group) ?? 0
        let edge = valueColumn - Self.edgeTolerance
        // Labels without colons end where the next starts: a label line in capitals.
        let colonless = !group.contains { Self.endsLabel($0.fragments[0].text) }
        var blocks: [Block] = []
        var rest: [Row] = []
        var label = SpannedTextBuilder(page: page)
        var value = SpannedTextBuilder(page: page)
        var open = false

        func endField() {
            guard open else { return }
            var l = label.spanned.trimmed()
            if l.text.hasSuffix(":") { l = l.slice(l.text.startIndex..<l.text.index(before: l.text.endIndex)).trimmed() }
            if l.text.first?.isUppercase ?? false {
                blocks.append(Block(kind: .field, text: value.spanned.trimmed(), label: l, links: Self.links(in: value.text)))
            } else {
                blocks.append(Block(kind: .paragraph, text: SpannedText.joined([l, value.spanned.trimmed()], separator: " ")))
            }
            label = SpannedTextBuilder(page: page)
            value = SpannedTextBuilder(page: page)
            open = false
        }
        for row in group {
            let labelPart = row.filter { $0.x0 < edge }
            let valuePart = row.filter { $0.x0 >= edge }
            if let labelPart, labelPart.fragments.contains(where: { $0.x1 > valueColumn }) {
                // Text running across both columns: not part of the pairs.
                endField()
                rest.append(row)
                continue
            }
            if let labelPart {
                let startsLabel = colonless && labelPart.fragments[0].words[0].cleanText.first?.isUppercase == true
                if !open || label.text.hasSuffix(":") || startsLabel {
                    endField()
                    blocks += runningText(rest)
                    rest = []
                    open = true
                }
                appendRow(labelPart, to: &label, separator: " ")
            } else if !open {
                rest.append(row)
                continue
            }
            if let valuePart { appendRow(valuePart, to: &value) }
        }
        endField()
        blocks += runningText(rest)
        return blocks
    }
}
