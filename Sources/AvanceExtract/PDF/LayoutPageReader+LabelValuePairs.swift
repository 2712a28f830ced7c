import AvanceCore

/// Label/value pairs set in two columns, as Word lays out a header table: which groups
/// are such pairs, and their fields.
extension LayoutPageReader {
    /// A line that starts with `Label:` and has its value beside it, past a column gap.
    static func isFieldLabel(_ line: LayoutLine) -> Bool {
        guard line.fragments.count >= 2 else { return false }
        return endsLabel(line.fragmentText(line.fragments[0]))
    }

    static func endsLabel(_ text: String) -> Bool {
        text.hasSuffix(":") && text.split(separator: " ").count <= TextExtractor.maxLabelWords
    }

    /// Label/value pairs in two columns: a label ending in a colon at the group's left
    /// edge (its first words may stand on the lines above), and a value column beside it.
    static func isFieldGroup(_ group: [LayoutLine]) -> Bool {
        valueColumn(group) != nil
    }

    static func valueColumn(_ group: [LayoutLine]) -> Int? {
        guard let left = group.map(\.indent).min() else { return nil }
        let labels = group.filter { $0.indent == left && endsLabel($0.fragmentText($0.fragments[0])) }
        guard let labelEnd = labels.map({ $0.fragments[0].upperBound }).max() else { return nil }
        let values = group.compactMap { line in
            line.fragments.count >= 2 && line.indent == left ? line.fragments[1].lowerBound : nil
        }
        guard let column = values.min(), column > labelEnd else { return nil }
        return column
    }

    /// Label/value pairs in two columns. The label may wrap over several lines of its
    /// column (`Descripción del` / `indicador:`) and the value over more; a label ends
    /// at its colon, and the next text in the label column starts the next pair.
    func fieldGroupBlocks(_ group: [LayoutLine]) -> [Block] {
        let valueColumn = Self.valueColumn(group) ?? 0
        var blocks: [Block] = []
        var rest: [LayoutLine] = []
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
        for line in group {
            let labelPart = line.fragments.filter { $0.lowerBound < valueColumn - 1 }
            let valuePart = line.fragments.filter { $0.lowerBound >= valueColumn - 1 }
            if labelPart.contains(where: { $0.upperBound > valueColumn }) {
                // Text running across both columns: not part of the pairs.
                endField()
                rest.append(line)
                continue
            }
            if !labelPart.isEmpty {
                if !open || label.text.hasSuffix(":") {
                    endField()
                    blocks += runningText(rest)
                    rest = []
                    open = true
                }
                for f in labelPart { appendLine(line, f, to: &label, separator: " ") }
            } else if !open {
                rest.append(line)
                continue
            }
            if let first = valuePart.first, let last = valuePart.last {
                appendLine(line, first.lowerBound..<last.upperBound, to: &value)
            }
        }
        endField()
        blocks += runningText(rest)
        return blocks
    }
}
