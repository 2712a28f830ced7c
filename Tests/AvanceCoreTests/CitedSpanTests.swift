import AvanceCore
import Foundation
import Testing

/// A span may name its file (cross-report evidence); a record's spans never do, and then the
/// key is not written, so the record format stays as documented.
@Suite struct CitedSpanTests {
    @Test func aPathIsWrittenOnlyWhenThereIsOne() throws {
        let span = SourceSpan(line: 3, column: 5, text: "20")
        let plain = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(span)) as? [String: Any])
        #expect(Set(plain.keys) == ["page", "line", "column", "text"])
        let cited = span.cited(in: "Samples/a.txt")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(cited)) as? [String: Any])
        #expect(json["path"] as? String == "Samples/a.txt")
        #expect(try JSONDecoder().decode(SourceSpan.self, from: JSONEncoder().encode(cited)) == cited)
        #expect(try JSONDecoder().decode(SourceSpan.self, from: JSONEncoder().encode(span)).path == nil)
    }

    @Test func aBoxIsWrittenOnlyWhenThereIsOne() throws {
        let span = SourceSpan(page: 2, line: 3, column: 5, text: "20", box: .init(x: 72, y: 100, width: 10.5, height: 9.5))
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(span)) as? [String: Any])
        #expect(json["box"] as? [String: Double] == ["x": 72, "y": 100, "width": 10.5, "height": 9.5])
        #expect(try JSONDecoder().decode(SourceSpan.self, from: JSONEncoder().encode(span)) == span)
    }

    @Test func aSpreadsheetCellIsCitedBySheetAndReference() throws {
        let span = SourceSpan(line: 12, column: 3, text: "41.1", sheet: "Hoja1", cell: "C12")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(span)) as? [String: Any])
        #expect(Set(json.keys) == ["page", "line", "column", "text", "sheet", "cell"])
        #expect(try JSONDecoder().decode(SourceSpan.self, from: JSONEncoder().encode(span)) == span)
        #expect(span.location == "Hoja1!C12")
        #expect(span.cited(in: "a.xlsx").place == "a.xlsx:Hoja1!C12")
        // Names that are not one plain word are quoted as spreadsheets quote them.
        #expect(SourceSpan(line: 7, column: 6, text: "x", sheet: "Reporte de Formatos", cell: "F7").location == "'Reporte de Formatos'!F7")
        #expect(SourceSpan.sheetReference("O'Higgins") == "'O''Higgins'")
        #expect(SourceSpan.sheetReference("2024") == "'2024'")
        // Other formats are cited as before.
        #expect(SourceSpan(page: 2, line: 14, column: 3, text: "x").location == "p. 2, line 14:3")
        #expect(SourceSpan(line: 14, column: 3, text: "x", path: "a.csv").place == "a.csv:14:3")
    }

    @Test func aCellsTextIsCitedAtTheCellWhateverPartIsQuoted() {
        let cell = SpannedText(text: "Tercer trimestre 2024", anchors: [
            SourceAnchor(offset: 0, line: 3, column: 2, sheet: "IR", cell: "B3"),
        ])
        let year = cell.span(of: cell.text.range(of: "2024")!)
        #expect((year.text, year.line, year.column, year.sheet, year.cell) == ("2024", 3, 2, "IR", "B3"))
        let slice = cell.slice(cell.text.range(of: "trimestre")!)
        #expect((slice.span.column, slice.span.cell) == (2, "B3"))
    }
}
