import AvanceCore
import Foundation

/// The errors a spreadsheet prints in a cell whose formula failed, in English and in the
/// Spanish of Excel's Mexican and Spanish editions (`#¡REF!`, `#¡DIV/0!`, `#¿NOMBRE?`), as
/// workbooks store them and as their PDF and CSV exports print them.
enum SpreadsheetErrors {
    static let literals: Set<String> = [
        "#ref!", "#¡ref!", "#div/0!", "#¡div/0!", "#n/a", "#n/d", "#value!", "#¡valor!", "#valor!", "#name?",
        "#¿nombre?", "#nombre?", "#num!", "#¡num!", "#null!", "#¡nulo!", "#nulo!", "#spill!", "#¡desbordamiento!",
        "#calc!", "#¡calc!", "#getting_data", "#field!", "#¡campo!",
    ]

    /// Whether a cell's whole text is a spreadsheet error.
    static func isError(_ text: String) -> Bool {
        let t = text.trimmingSpace()
        guard t.first == "#", t.count <= 24 else { return false }
        return literals.contains(t.lowercased())
    }

    /// The spans of the cells that print an error.
    static func spans(of cells: [SpannedText]) -> [SourceSpan] {
        cells.compactMap { isError($0.text) ? $0.trimmed().span : nil }
    }

    /// The spans of a table row's cells that print an error.
    static func cells(in block: Block) -> [SourceSpan] {
        block.kind == .tableRow ? spans(of: block.cells) : []
    }
}
