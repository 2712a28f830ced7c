import AvanceCore
import Foundation

/// Walks the Swift copy of an HTML tree and turns it into blocks: headings, fields
/// (`<b>Label:</b> value`, two-cell label rows), paragraphs, list items and table
/// rows, with links and exact source positions.
struct HTMLBlockBuilder {
    private var map: HTMLSourceMap
    private var blocks: [Block] = []
    /// The lines of the block being read; `<br>` starts a new one.
    private var lines: [Line] = [Line()]
    private var strongDepth = 0
    /// A label whose value stands in the next block (`<p>Nota:</p><p>https://...</p>`).
    private var pendingLabel: Line?

    /// One line of running text being collected.
    struct Line {
        var builder = SpannedTextBuilder()
        var links: [String] = []
        var strongLetters = 0
        var plainLetters = 0
        /// Offset where the leading bold run ends, once plain text follows it.
        var strongPrefixEnd: Int?
        /// A space is owed before the next character (white space was folded).
        var pendingSpace = false

        var isEmpty: Bool { builder.isEmpty }
        var isStrong: Bool { strongLetters > 0 && plainLetters == 0 }
    }

    /// Elements whose content is never report text.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "head", "title", "svg", "math", "select", "option", "button", "iframe", "object"]
    /// Elements that end the running text before and after them.
    static let blockLevel: Set<String> = [
        "p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "blockquote",
        "pre", "address", "figure", "figcaption", "center", "form", "fieldset", "dl", "dt", "dd",
        "ol", "ul", "li", "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "body", "html",
    ]

    init(source: String) {
        map = HTMLSourceMap(source: source)
    }

    mutating func blocks(from nodes: [HTMLNode]) -> [Block] {
        for node in nodes { visit(node) }
        flush()
        if let label = pendingLabel {
            blocks.append(Block(kind: .paragraph, text: label.builder.spanned, isStrong: label.isStrong))
            pendingLabel = nil
        }
        return blocks
    }

    // MARK: - Walking

    private mutating func visit(_ node: HTMLNode) {
        switch node.kind {
        case .text(let text):
            appendText(text, fallbackLine: node.line)
        case .element(let name, _):
            if Self.skipped.contains(name) { return }
            switch name {
            case "br":
                lines.append(Line())
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                let level = Int(String(name.dropFirst())) ?? 1
                let line = inlineLine(of: node)
                if !line.isEmpty {
                    settlePendingLabel()
                    blocks.append(Block(kind: .heading, text: line.builder.spanned.trimmed(), level: level, links: line.links, isStrong: true))
                }
            case "li":
                flush()
                visitChildren(node)
                flush(as: .listItem)
            case "table":
                flush()
                table(node)
            case "b", "strong":
                strongDepth += 1
                visitChildren(node)
                strongDepth -= 1
            case "a":
                if let href = node.attribute("href").flatMap(LinkFilter.target) { current.links.append(href) }
                visitChildren(node)
            default:
                let isBlock = Self.blockLevel.contains(name)
                if isBlock { flush() }
                visitChildren(node)
                if isBlock { flush() }
            }
        }
    }

    private mutating func visitChildren(_ node: HTMLNode) {
        for child in node.children { visit(child) }
    }

    private var current: Line {
        get { lines[lines.count - 1] }
        set { lines[lines.count - 1] = newValue }
    }

    /// Appends a text node's characters, folding white space and placing each one.
    private mutating func appendText(_ text: String, fallbackLine: Int) {
        let positions = map.locate(text)
        var line = current
        for (c, position) in zip(text, positions) {
            // White space, and the invisible marks of word processors, by byte or scalar value
            // (a `Character` comparison goes through string comparison).
            let isSpace: Bool
            if let a = c.asciiValue {
                isSpace = a == 0x20 || (a >= 0x09 && a <= 0x0D)
            } else {
                let scalar = c.unicodeScalars.count == 1 ? c.unicodeScalars.first?.value : nil
                if scalar == 0x00AD { continue }
                isSpace = c.isWhitespace || scalar == 0x200B || scalar == 0xFEFF
            }
            if isSpace {
                if !line.isEmpty { line.pendingSpace = true }
                continue
            }
            let (l, col) = position.map { map.position(of: $0) } ?? (max(fallbackLine, 1), 1)
            if line.pendingSpace {
                line.builder.appendSynthetic(" ")
                line.pendingSpace = false
            }
            line.builder.append(c, line: l, column: col)
            if c.isWordFast {
                if strongDepth > 0 {
                    line.strongLetters += 1
                } else {
                    if line.strongLetters > 0 && line.plainLetters == 0 && line.strongPrefixEnd == nil {
                        line.strongPrefixEnd = line.builder.text.utf8.count - c.utf8.count
                    }
                    line.plainLetters += 1
                }
            }
        }
        current = line
    }

    /// The text of an element read as one line (`<br>` as a space), for headings and cells.
    private mutating func inlineLine(of node: HTMLNode) -> Line {
        let saved = lines
        lines = [Line()]
        visitInline(node)
        let result = lines[0]
        lines = saved
        return result
    }

    private mutating func visitInline(_ node: HTMLNode) {
        switch node.kind {
        case .text(let text):
            appendText(text, fallbackLine: node.line)
        case .element(let name, _):
            if Self.skipped.contains(name) { return }
            if name == "br" || Self.blockLevel.contains(name) {
                if !current.isEmpty { current.pendingSpace = true }
            }
            if name == "a", let href = node.attribute("href").flatMap(LinkFilter.target) { current.links.append(href) }
            let strong = name == "b" || name == "strong"
            if strong { strongDepth += 1 }
            for child in node.children { visitInline(child) }
            if strong { strongDepth -= 1 }
            if Self.blockLevel.contains(name), !current.isEmpty { current.pendingSpace = true }
        }
    }

    // MARK: - Blocks

    /// Ends the running text: each line becomes a field when it reads `Label: value`,
    /// the others one paragraph (lines joined by `\n`), or one list item.
    private mutating func flush(as kind: Block.Kind = .paragraph) {
        let collected = lines.filter { !$0.isEmpty }
        lines = [Line()]
        guard !collected.isEmpty else { return }
        if kind == .listItem {
            settlePendingLabel()
            let (text, links) = Self.join(collected)
            blocks.append(Block(kind: .listItem, text: text, links: links, isStrong: collected.allSatisfy(\.isStrong)))
            return
        }
        var paragraph: [Line] = []
        func endParagraph(_ blocks: inout [Block]) {
            guard !paragraph.isEmpty else { return }
            let (text, links) = Self.join(paragraph)
            blocks.append(Block(kind: .paragraph, text: text, links: links, isStrong: paragraph.allSatisfy(\.isStrong)))
            paragraph.removeAll()
        }
        for line in collected {
            if let label = pendingLabel {
                pendingLabel = nil
                if field(in: line) == nil {
                    blocks.append(Block(kind: .field, text: line.builder.spanned.trimmed(), label: label.builder.spanned.trimmed(), links: line.links))
                    continue
                }
                blocks.append(Block(kind: .paragraph, text: label.builder.spanned, isStrong: label.isStrong))
            }
            if let (label, value) = field(in: line) {
                endParagraph(&blocks)
                if value.isEmpty {
                    var pending = Line()
                    pending.builder.append(label)
                    pending.strongLetters = line.isStrong ? 1 : 0
                    pending.plainLetters = line.isStrong ? 0 : 1
                    pendingLabel = pending
                } else {
                    blocks.append(Block(kind: .field, text: value, label: label, links: line.links))
                }
                continue
            }
            paragraph.append(line)
        }
        endParagraph(&blocks)
    }

    /// A pending label followed by something that is no value stays a paragraph of its own.
    private mutating func settlePendingLabel() {
        if let label = pendingLabel {
            blocks.append(Block(kind: .paragraph, text: label.builder.spanned, isStrong: label.isStrong))
            pendingLabel = nil
        }
    }

    /// `Label: value` in a line: a bold lead ending in a colon, or the plain-text rule
    /// the text extractor uses.
    private func field(in line: Line) -> (label: SpannedText, value: SpannedText)? {
        let spanned = line.builder.spanned
        let text = spanned.text
        var colon: String.Index?
        if let end = line.strongPrefixEnd {
            let lead = text.utf8.index(text.startIndex, offsetBy: end)
            let boldLead = text[..<lead].trimmingSpace(lineBreaks: false)
            if boldLead.hasSuffix(":"), boldLead.split(separator: " ").count <= 15,
               let c = text[..<lead].lastIndex(of: ":") {
                colon = c
            }
        }
        if colon == nil { colon = TextExtractor.fieldSplit(text) }
        guard let colon else { return nil }
        let label = spanned.slice(text.startIndex..<colon).trimmed()
        let value = spanned.slice(text.index(after: colon)..<text.endIndex).trimmed()
        guard !label.isEmpty else { return nil }
        return (label, value)
    }

    private static func join(_ lines: [Line]) -> (SpannedText, [String]) {
        let text = SpannedText.joined(lines.map { $0.builder.spanned.trimmed() }, separator: "\n")
        var links: [String] = []
        for line in lines { for link in line.links where !links.contains(link) { links.append(link) } }
        return (text, links)
    }

    // MARK: - Tables

    /// A data table gives one `tableRow` per row; a row of a label cell and a value
    /// cell reads as a field. A table used for page layout (cells holding paragraphs,
    /// headings or other tables) is read as running content.
    private mutating func table(_ node: HTMLNode) {
        let rows = Self.rows(of: node)
        let isLayout = rows.contains { row in row.contains { cell in Self.containsBlocks(cell) } }
        if isLayout {
            visitChildren(node)
            flush()
            return
        }
        settlePendingLabel()
        for row in rows {
            // A row of one cell is a box of running text (`<b>Label:</b> value<br>...`).
            let filledCells = row.filter(Self.hasText)
            if filledCells.count == 1, let only = filledCells.first {
                flush()
                visitChildren(only)
                flush()
                continue
            }
            var cells: [(text: SpannedText, isHeader: Bool, links: [String])] = []
            for cell in row {
                let line = inlineLine(of: cell)
                cells.append((line.builder.spanned.trimmed(), cell.name == "th", line.links))
            }
            let filled = cells.filter { !$0.text.isEmpty }
            guard !filled.isEmpty else { continue }
            let links = cells.flatMap(\.links)
            if filled.count == 2, cells.count == 2, Self.isLabel(cells[0].text.text, header: cells[0].isHeader), !cells[1].isHeader {
                let label = cells[0].text
                var labelText = label
                if label.text.hasSuffix(":") {
                    labelText = label.slice(label.text.startIndex..<label.text.index(before: label.text.endIndex)).trimmed()
                }
                blocks.append(Block(kind: .field, text: cells[1].text, label: labelText, links: links))
                continue
            }
            blocks.append(Block(
                kind: .tableRow, text: SpannedText.joined(cells.map(\.text), separator: " | "),
                cells: cells.map(\.text), links: links
            ))
        }
    }

    private static func isLabel(_ text: String, header: Bool) -> Bool {
        let words = text.split(separator: " ").count
        return (text.hasSuffix(":") || header) && words <= 10
    }

    /// The cells of each row, in order, through `thead`/`tbody`/`tfoot`, not entering nested tables.
    private static func rows(of table: HTMLNode) -> [[HTMLNode]] {
        var rows: [[HTMLNode]] = []
        func walk(_ node: HTMLNode) {
            for child in node.children {
                switch child.name {
                case "tr": rows.append(child.children.filter { $0.name == "td" || $0.name == "th" })
                case "thead", "tbody", "tfoot": walk(child)
                default: break
                }
            }
        }
        walk(table)
        return rows
    }

    /// Whether a node holds any report text (without reading it: the source map moves
    /// forward only, so each text is located once).
    private static func hasText(_ node: HTMLNode) -> Bool {
        switch node.kind {
        case .text(let text): return text.contains { !$0.isSpaceFast && $0 != "\u{00A0}" }
        case .element(let name, _): return !skipped.contains(name) && node.children.contains(where: hasText)
        }
    }

    private static func containsBlocks(_ node: HTMLNode) -> Bool {
        node.children.contains { child in
            guard let name = child.name else { return false }
            if ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "section", "article"].contains(name) { return true }
            return containsBlocks(child)
        }
    }
}
