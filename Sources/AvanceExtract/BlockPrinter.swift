import AvanceCore
import Foundation

/// Prints extracted blocks for people (`avance extract`, tests): one line per block
/// with its page, line and column, kind and text, e.g.
/// `p.2 l.14:1 field      Programa presupuestario: O002 - Fortalecimiento ...`; a
/// spreadsheet's blocks with their sheet and cell instead (`IR!B10 tableRow ...`).
/// Control characters in the text or the file name are shown escaped (`TerminalText`).
public enum BlockPrinter {
    public static func text(_ document: ExtractedDocument) -> String {
        var out = "# \(TerminalText.escaped(document.path)): \(document.format.rawValue)"
        if let declared = document.declaredFormat { out += " (named as \(declared.rawValue))" }
        if let pages = document.pages { out += ", \(pages) page\(pages == 1 ? "" : "s")" }
        out += ", \(document.encoding), \(document.blocks.count) block\(document.blocks.count == 1 ? "" : "s")\n"
        for block in document.blocks { out += line(block) + "\n" }
        return out
    }

    /// One block on one line; line breaks inside it shown as ` ⏎ `.
    public static func line(_ block: Block) -> String {
        let span = block.span
        var place = span.page.map { "p.\($0) " } ?? ""
        place += span.sheet != nil ? sheetPlace(block, span) : "l.\(span.line):\(span.column)"
        var kind = block.kind.rawValue
        if block.kind == .heading { kind += "(\(block.level))" }
        var text: String
        switch block.kind {
        case .field: text = "\(block.label?.text ?? ""): \(block.text.text)"
        case .tableRow: text = block.cells.map(\.text).joined(separator: " | ")
        default: text = block.text.text
        }
        text = text.replacingOccurrences(of: "\n", with: " ⏎ ")
        if block.kind == .heading, let sheet = block.sheet, sheet.isHidden {
            text += sheet.visibility == .veryHidden ? "  (very hidden sheet)" : "  (hidden sheet)"
        }
        if block.isStrong && block.kind != .heading { kind += "*" }
        var result = place.padding(toLength: max(place.count, 12), withPad: " ", startingAt: 0)
            + " " + kind.padding(toLength: max(kind.count, 11), withPad: " ", startingAt: 0) + " " + text
        if !block.links.isEmpty { result += "  → " + block.links.joined(separator: " ") }
        return TerminalText.escaped(result)
    }

    /// Where a spreadsheet's block stands: a sheet's heading by the sheet's name; a row by its
    /// first cell (`IR!B10`), which is the row's own even where a merged value above it (cited
    /// at its top-left cell) fills that cell.
    private static func sheetPlace(_ block: Block, _ span: SourceSpan) -> String {
        let spans = block.cells.map(\.span)
        guard block.kind == .tableRow, let sheet = span.sheet, let first = spans.first,
              let row = spans.map(\.line).max()
        else { return span.location }
        var place = span
        place.sheet = sheet
        place.cell = CellReference.columnName(first.column) + String(row)
        return place.location
    }

    /// The documents as JSON (sorted keys, indented), as `avance extract --format json`
    /// prints them: one object for one file asked for, an array when several were (the
    /// shape follows the question, not how many files could be read).
    public static func json(_ documents: [ExtractedDocument], asArray: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = asArray || documents.count != 1 ? try encoder.encode(documents) : try encoder.encode(documents[0])
        return String(decoding: data, as: UTF8.self)
    }
}
