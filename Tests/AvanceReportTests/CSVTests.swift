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

    /// OWASP "CSV Injection": a field that would run as a formula gets a single quote before it
    /// and is quoted, whatever else it holds.
    @Test(arguments: [
        ("=1+2", "\"'=1+2\""),
        ("=HYPERLINK(\"http://x.mx\",\"ver\")", "\"'=HYPERLINK(\"\"http://x.mx\"\",\"\"ver\"\")\""),
        ("+SUM(A1:A9)", "\"'+SUM(A1:A9)\""),
        ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
        ("@SUM(1,2)", "\"'@SUM(1,2)\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
        ("-", "\"'-\""),
        ("-3.5 acciones", "\"'-3.5 acciones\""),
        ("1e", "1e"),
    ])
    func formulasAreNeutralised(value: String, expected: String) {
        #expect(CSV.field(value) == expected)
    }

    /// A number is never a formula: the negative figures avance writes stay numbers.
    @Test(arguments: ["-3.5", "-2", "-0.25", "-1e+20", "-1E-7", "4", "96.5"])
    func numbersAreLeftAsNumbers(value: String) {
        #expect(CSV.field(value) == value)
    }

    @Test func aRowNeutralisesTextButNotItsNegativeFigures() {
        let row = CSV.row(["=cmd|'/C calc'!A0", CSV.number(-3.5), CSV.number(-2), "Secretaría"])
        #expect(row == "\"'=cmd|'/C calc'!A0\",-3.5,-2,Secretaría\r\n")
    }

    @Test func numbersPrintAsASpreadsheetReadsThem() {
        #expect(CSV.number(4) == "4")
        #expect(CSV.number(96.5) == "96.5")
        #expect(CSV.number(-2) == "-2")
        #expect(CSV.number(nil) == nil)
    }
}
