import AvanceCore
import Foundation
import Testing

/// `CompactJSON` writes the bytes Foundation's `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`: compared here over records holding every key, every value set and
/// none, and the edge cases of strings and numbers. (`RecordJSONTests` in SamplesTests
/// compares them over every record of `Samples/`.)
@Suite struct CompactJSONTests {
    static func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    static func compact(_ value: some CompactJSONEncodable) throws -> [UInt8] {
        Array(try CompactJSON.string(value).utf8)
    }

    static func expectSame(_ record: IndicatorRecord, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try foundation(record)
        let actual = try compact(record)
        #expect(
            actual == expected,
            "CompactJSON:\n\(String(decoding: actual, as: UTF8.self))\nJSONEncoder:\n\(String(decoding: expected, as: UTF8.self))",
            sourceLocation: sourceLocation
        )
    }

    static func span(_ text: String, confidence: Double? = nil, box: SourceSpan.Box? = nil) -> SourceSpan {
        SourceSpan(page: nil, line: 1, column: 1, text: text, box: box, confidence: confidence)
    }

    /// Every key of the record with a value (no null anywhere), and every plain optional written.
    static func everyValue(text: String = "x", number: Double = 1.5) -> IndicatorRecord {
        let span = SourceSpan(
            page: 3, line: 2, column: 4, text: text, path: "otro/informe.pdf",
            box: .init(x: number, y: 90.5, width: 6.25, height: 9), sheet: "Hoja 1", cell: "C2", confidence: 91.5
        )
        return IndicatorRecord(
            source: .init(path: "a/b.pdf", sha256: String(repeating: "ab", count: 32), format: .pdf, declaredFormat: .html,
                          pages: 4, row: 2, ocrPages: [1, 3]),
            program: .init(code: "O002", name: text, evidence: span),
            component: .init(code: "C01", name: "Componente", evidence: span),
            activity: .init(code: "C01.A01", name: "Actividad", evidence: span),
            indicator: .init(code: "01", name: text, description: "D", level: "Propósito", frequency: "Trimestral",
                             formula: "(A / B) * 100", evidence: span),
            period: .init(year: 2024, quarter: 3, fromJanuary: true, evidence: span),
            responsibleUnit: .init(name: "Unidad", acronym: "UU", evidence: span),
            reportingInstitution: .init(name: "Secretaría", acronym: "SEC", evidence: span),
            targets: .init(unit: "acciones", annual: number, modified: 12, period: -3.25, periodIsCumulative: true, achieved: 0.1,
                           compliancePercent: 100, compliancePercentModified: 1e-7, baseline: 1e16, evidence: [span, span]),
            actions: [.init(title: text, date: "2024-07-09", institutions: ["I", text], links: ["https://x.mx/a?b=1&c=/d"], evidence: span)],
            dates: [.init(text: "09/07/2024", value: "2024-07-09", ambiguous: true, alternatives: ["2024-09-07"], action: 0, evidence: span)],
            periodMentions: [.init(text: "tercer trimestre", year: 2024, quarter: 3, evidence: span)],
            institutions: [.init(name: "I", acronym: "II", evidence: span)],
            signatories: [.init(name: "N", honorific: "Lic.", role: "R", evidence: span)],
            notices: [span],
            spreadsheetErrors: [span],
            tableSums: [.init(label: span, isSubtotal: true, columns: [
                .init(header: "Meta", stated: number, evidence: span, parts: [1, 2.5, -0.0, number], partsDecimals: 2,
                      partsEvidence: [span, span], isRatio: true, numerator: 0, denominator: 1),
            ])],
            linkedValues: [.init(field: "indicator.name", here: span, there: span)],
            periodValues: [.init(header: "II TRIMESTRE", quarter: 2, isCumulative: true, value: number, evidence: span)],
            notApplicable: span,
            findings: [Finding(rule: "r", severity: .warning, message: LocalizedText(es: "mensaje ñ", en: "message"), evidence: [span])]
        )
    }

    @Test func aRecordWithEveryValueSet() throws {
        try Self.expectSame(Self.everyValue())
    }

    @Test func theSchemasFullRecordAndABareOne() throws {
        try Self.expectSame(SchemaTests.fullRecord())
        // Every @NullEncoded value null, every plain optional absent, every array empty or null.
        try Self.expectSame(IndicatorRecord(source: .init(path: "", sha256: "", format: .text), notices: nil, spreadsheetErrors: nil))
        try Self.expectSame(IndicatorRecord(source: .init(path: "a.txt", sha256: "", format: .text), tableSums: [], linkedValues: [], periodValues: []))
        var empties = Self.everyValue()
        empties.program = .init(code: nil, name: nil, evidence: nil)
        empties.indicator = .init(code: nil, name: nil, description: nil, evidence: nil)
        empties.period?.evidence = nil
        empties.responsibleUnit = .init(name: nil, acronym: nil)
        empties.actions = [.init(title: "", date: nil, institutions: [], links: [], evidence: Self.span(""))]
        empties.dates = [.init(text: "", value: "", evidence: Self.span(""))]
        empties.periodMentions = [.init(text: "", year: nil, quarter: nil, evidence: Self.span(""))]
        empties.signatories = [.init(name: "", honorific: nil, role: nil, evidence: Self.span(""))]
        empties.tableSums?[0].columns[0].numerator = nil
        empties.tableSums?[0].columns[0].parts = []
        empties.source.ocrPages = []
        try Self.expectSame(empties)
    }

    /// Every ASCII character (the control characters, `"`, `\`, `/`, DEL), and characters beyond
    /// ASCII: accents, a combining accent, emoji, a flag, line and paragraph separators, a BOM.
    @Test func stringsOfEveryKind() throws {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let texts = [
            ascii, "", "\"", "\\", "/", "\\/", "\u{0}", "a\u{7F}b", "línea\r\nsiguiente\ttab", "\u{8}\u{C}\u{1B}\u{1F}",
            "Año ÑANDÚ €", "e\u{301}", "👩🏽‍💻 🇲🇽", "\u{2028}\u{2029}\u{FEFF}\u{FFFD}", "https://www.gob.mx/sep/acciones?id=1&x=\"y\"",
            "</script>", String(repeating: "a\"b\\c/", count: 300),
        ]
        for text in texts {
            try Self.expectSame(Self.everyValue(text: text))
            #expect(try Self.compact([text]) == Self.foundation([text]), "\(text.debugDescription)")
        }
    }

    /// Integral, negative, large, small, subnormal Doubles, and those whose shortest form is long.
    @Test func numbersOfEveryShape() throws {
        let numbers: [Double] = [
            0, -0.0, 1, -1, 100, 0.1, 0.2 + 0.1, 1e-7, 1e-5, 0.0001, 0.001, 123456.789, -1234.5, 99.99, 1.0 / 3, 2.0 / 3,
            1e15, 1e16, 9007199254740992, 9007199254740993, 1e21, 1e22, 1.5e300, .greatestFiniteMagnitude,
            .leastNonzeroMagnitude, .leastNormalMagnitude, -.greatestFiniteMagnitude, 12_345_678_901_234.5, 4.35, 91.5,
        ]
        for number in numbers {
            try Self.expectSame(Self.everyValue(number: number))
        }
        #expect(try Self.compact(numbers) == Self.foundation(numbers))
        let integers = [0, -1, 1, Int.max, Int.min, 2024]
        #expect(try Self.compact(integers) == Self.foundation(integers))
    }

    /// Strings and figures drawn from a fixed seed: any Unicode scalar, any Double's bits.
    @Test func drawnStringsAndNumbers() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for _ in 0..<300 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(next() % 40) {
                let r = next()
                let value: UInt32 = switch r % 4 {
                case 0: UInt32((r >> 8) % 128)
                case 1: UInt32((r >> 8) % 0x800)
                case 2: UInt32((r >> 8) % 0x1_0000)
                default: UInt32((r >> 8) % 0x11_0000)
                }
                scalars.append(Unicode.Scalar(value) ?? "?")
            }
            var number = Double(bitPattern: next())
            if !number.isFinite { number = Double(Int64(bitPattern: next())) / 1000 }
            try Self.expectSame(Self.everyValue(text: String(scalars), number: number))
        }
    }

    /// A figure JSON cannot hold fails both encoders, with the same message.
    @Test func aFigureThatIsNotFiniteIsRefused() throws {
        for bad in [Double.infinity, -.infinity, .nan] {
            let record = Self.everyValue(number: bad)
            var foundationReason = "", compactReason = ""
            do { _ = try Self.foundation(record) } catch let EncodingError.invalidValue(_, context) { foundationReason = context.debugDescription }
            do { _ = try Self.compact(record) } catch let EncodingError.invalidValue(_, context) { compactReason = context.debugDescription }
            #expect(!compactReason.isEmpty)
            #expect(compactReason == foundationReason)
        }
    }

    /// Evidence alone, as the store's `findings.evidence` column holds it, and a finding, whose
    /// message is English when no language is asked for.
    @Test func evidenceAndFindings() throws {
        let spans = Self.everyValue().notices ?? []
        #expect(try Self.compact(spans) == Self.foundation(spans))
        #expect(try Self.compact([SourceSpan]()) == Self.foundation([SourceSpan]()))
        let finding = Finding(rule: "count-mismatch", severity: .error, message: LocalizedText(es: "no coincide", en: "does not match"), evidence: spans)
        #expect(try Self.compact(finding) == Self.foundation(finding))
    }
}
