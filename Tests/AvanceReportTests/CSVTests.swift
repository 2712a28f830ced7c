import AvanceReport
import Testing

/// The one CSV writer (audit, findings, export).
@Suite struct CSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("dice \"hola\"", "\"dice \"\"hola\"\"\""),
        ("línea\nsiguiente", "\"línea\nsiguiente\""),
        ("crlf\r\nend", "\"crlf\r\nend\""),
        ("Secretaría; Q. Roo", "Secretaría; Q. Roo"),
    ])
    func fieldsAreQuotedOnlyWhenTheyMustBe(value: String, expected: String) {
        #expect(CSV.field(value) == expected)
    }

    @Test func rowsEndInCRLFAndNilIsEmpty() {
        #expect(CSV.row(["a", nil, "b,c"]) == "a,,\"b,c\"\r\n")
    }

    @Test func numbersPrintAsASpreadsheetReadsThem() {
        #expect(CSV.number(4) == "4")
        #expect(CSV.number(96.5) == "96.5")
        #expect(CSV.number(-2) == "-2")
        #expect(CSV.number(nil) == nil)
    }
}
