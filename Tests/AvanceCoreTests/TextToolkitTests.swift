import Foundation
import AvanceCore
import Testing

@Suite struct FoldingTests {
    @Test(arguments: [
        ("Período", "periodo"), ("AÑO", "ano"), ("Índice", "indice"), ("Razón", "razon"),
        ("Pingüino", "pinguino"), ("ÀÂÄÃÅ àâäãå", "aaaaa aaaaa"), ("Ça", "ca"), ("ÝÿÒÔÕ", "yyooo"),
        ("e\u{301}xito", "exito"), ("n\u{303}", "n"), ("ﬁscal", "fiscal"),
        ("uso\ninterno", "uso interno"), ("uso\r\ninterno", "uso interno"), ("uso\u{00A0}\tinterno", "uso  interno"),
        ("1º 2ª", "1º 2ª"), ("ÆØ ß", "æø ß"), ("ΣΑ", "σα"), ("meta", "meta"), ("", ""),
    ])
    func foldsCaseAccentsAndSpace(written: String, folded: String) {
        #expect(Folding.fold(written) == folded)
        #expect(Folding.fold(written[...]) == folded)
    }

    @Test func theFoldedTextFoldsAsTheStringDoes() {
        for s in ["Período", "AÑO 2024\r\nUSO  interno", "Acción — “cita” e\u{301} ﬁn 😀 Σ", ""] {
            #expect(String(decoding: FoldedText(s).bytes, as: UTF8.self) == Folding.fold(s))
        }
    }

    @Test func aMatchInTheFoldedTextQuotesTheSourceAsWritten() throws {
        let text = FoldedText("El documento es de CARÁCTER\nconfidencial, señor.")
        let start = try #require(Search.firstIndex(of: Array("caracter confidencial".utf8), in: text.bytes))
        let range = text.sourceRange(of: start..<(start + "caracter confidencial".utf8.count))
        #expect(text.source[range] == "CARÁCTER\nconfidencial")
        let senor = try #require(Search.firstIndex(of: Array("senor".utf8), in: text.bytes))
        #expect(text.source[text.sourceRange(of: senor..<(senor + 5))] == "señor")
    }

    @Test func aCombiningMarkBelongsToTheLetterBeforeIt() throws {
        let text = FoldedText("cafe\u{301} x")
        let e = try #require(Search.firstIndex(of: Array("cafe".utf8), in: text.bytes))
        #expect(text.source[text.sourceRange(of: e..<(e + 4))] == "cafe\u{301}")
    }

    @Test func wordStartsFollowNeitherLettersNorDigits() {
        let text = FoldedText("año xxxx ñxxxx 1xxxx ·xxxx")
        let starts = (0..<text.bytes.count).filter { text.bytes[$0] == UInt8(ascii: "x") && text.isWordStart($0) }
        // "xxxx" after a space and after "·" start words; after "n" (from "ñ") and "1" they do not.
        #expect(starts.map { text.offsets[$0] } == [5, 25])
    }
}

@Suite struct SearchTests {
    @Test func findsTheFirstOccurrenceFromAnIndex() {
        let hay = Array("abcabcab".utf8)
        #expect(Search.firstIndex(of: Array("cab".utf8), in: hay) == 2)
        #expect(Search.firstIndex(of: Array("cab".utf8), in: hay, from: 3) == 5)
        #expect(Search.firstIndex(of: Array("cab".utf8), in: hay, from: 6) == nil)
        #expect(Search.firstIndex(of: Array("abcd".utf8), in: hay) == nil)
        #expect(Search.firstIndex(of: [UInt8](), in: hay) == nil)
    }

    @Test func slicesKeepTheirIndices() {
        let bytes = Array("%PDF-1.4 ... %%EOF\n".utf8)
        let tail = bytes.suffix(6)
        #expect(Search.firstIndex(of: Array("%%EOF".utf8), in: tail) == 13)
        #expect(Search.firstIndex(of: Array("%PDF".utf8), in: tail) == nil)
        #expect(Search.matches(Array("EOF".utf8), in: tail, at: 15))
        #expect(!Search.matches(Array("EOF".utf8), in: tail, at: 2))
    }

    @Test func comparesByAGivenEquality() {
        let chars = Array("<p>x</SCRIPT>")
        #expect(Search.firstIndex(of: Array("</script"), in: chars, by: { $0.lowercasedASCII == $1 }) == 4)
        #expect(Search.firstIndex(of: Array("</script"), in: chars) == nil)
    }
}

@Suite struct CharacterClassTests {
    @Test func asciiAndBeyond() {
        #expect(Character("\t").isSpaceFast && Character("\u{00A0}").isSpaceFast && !Character("a").isSpaceFast)
        #expect(Character("\r\n").isNewlineFast && !Character(" ").isNewlineFast)
        #expect(Character("Z").isLetterFast && Character("ñ").isLetterFast && !Character("1").isLetterFast)
        #expect(Character("7").isWordFast && Character("é").isWordFast && !Character("-").isWordFast)
        #expect(Character("Q").lowercasedASCII == "q" && Character("É").lowercasedASCII == "É")
        #expect(UInt8(ascii: "M").lowercasedASCII == UInt8(ascii: "m") && UInt8(0xC9).lowercasedASCII == 0xC9)
    }
}

@Suite struct NumberTextTests {
    @Test(arguments: [
        (4.0, "4"), (96.5, "96.5"), (-2.0, "-2"), (33.333, "33.33"), (0.125, "0.13"), (99.999, "100"),
        (-0.001, "0"), (0.1 + 0.2, "0.3"), (0.0025, "0"),
    ])
    func roundsToTwoPlacesForReading(value: Double, text: String) {
        #expect(NumberText.show(value) == text)
    }

    @Test func keepsEveryDigitWhenAsked() {
        #expect(NumberText.show(4, decimals: nil) == "4")
        #expect(NumberText.show(12.345, decimals: nil) == "12.345")
        #expect(NumberText.show(96.5, decimals: 0) == "97")
    }
}

@Suite struct CodesTests {
    @Test func keysIgnoreCaseDotsDashesAndSpaces() {
        #expect(Codes.key("F.P.C01.a01") == "FPC01A01")
        #expect(Codes.key("C-01 ") == "C01")
        #expect(Codes.key("F.P.C01.-") == Codes.key("fpc01"))
        #expect(Codes.key(" .- ").isEmpty)
    }
}

@Suite struct TrimmingTests {
    static let texts = [
        "", " ", "\t\n", "meta", "  meta  ", "\u{00A0}Meta anual:\u{3000}", "\u{2028}línea\u{2029}", "\r\n 4 acciones \n",
        "\u{85}x\u{85}", " e\u{301} ", "\u{200B}cero\u{200B}", "\u{FEFF}bom", "a b\tc", "\t\u{2003}Σ😀\u{202F}", "\n\n",
    ]

    /// The same text as Foundation's trimming, on every kind of space Unicode has.
    @Test(arguments: texts)
    func trimsAsFoundationDoes(text: String) {
        #expect(text.trimmingSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(text.trimmingSpace(lineBreaks: false) == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingSpace() == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
