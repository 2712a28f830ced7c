import AvanceCore
import Foundation
import Testing

/// `@NullEncoded` writes an absent value as `null` at every depth, and reading takes the key
/// with `null` or missing alike.
@Suite struct NullEncodedTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func nestedAbsentValuesAreNull() throws {
        var record = IndicatorRecord(source: .init(path: "a.txt", sha256: "s", format: .text))
        record.program = .init(code: "O002", name: nil, evidence: nil)
        record.indicator = .init(code: nil, name: "I", description: nil, evidence: SourceSpan(line: 2, column: 1, text: "I"))
        let json = try Self.json(record)
        #expect(json.contains(#""program":{"code":"O002","evidence":null,"name":null}"#))
        #expect(json.contains(#""indicator":{"code":null,"description":null,"evidence":{"column":1,"line":2,"page":null,"text":"I"},"formula":null,"frequency":null,"level":null,"name":"I"}"#))
        #expect(json.contains(#""source":{"declaredFormat":null,"format":"text","pages":null,"path":"a.txt","row":null,"sha256":"s"}"#))
        #expect(json.contains(#""targets":{"achieved":null,"annual":null,"baseline":null,"compliancePercent":null,"compliancePercentModified":null,"evidence":[],"modified":null,"period":null,"periodIsCumulative":false,"unit":null}"#))
        #expect(json.contains(#""component":null"#))
    }

    @Test func presentValuesAreWrittenAsThemselves() throws {
        let span = SourceSpan(page: 3, line: 2, column: 1, text: "x")
        #expect(try Self.json(IndicatorRecord.CodedName(code: "C01", name: "N", evidence: span))
            == #"{"code":"C01","evidence":{"column":1,"line":2,"page":3,"text":"x"},"name":"N"}"#)
        #expect(try Self.json(IndicatorRecord.Targets(annual: 4, achieved: 2.5))
            == #"{"achieved":2.5,"annual":4,"baseline":null,"compliancePercent":null,"compliancePercentModified":null,"evidence":[],"modified":null,"period":null,"periodIsCumulative":false,"unit":null}"#)
    }

    @Test func nullAndMissingKeysBothReadAsNil() throws {
        let withNulls = #"{"code":null,"name":"N","evidence":{"line":1,"column":2,"text":"t","page":null}}"#
        let missing = #"{"name":"N","evidence":{"line":1,"column":2,"text":"t"}}"#
        for text in [withNulls, missing] {
            let name = try JSONDecoder().decode(IndicatorRecord.CodedName.self, from: Data(text.utf8))
            #expect(name == IndicatorRecord.CodedName(code: nil, name: "N", evidence: SourceSpan(line: 1, column: 2, text: "t")))
        }
    }

    @Test func aRecordReadBackIsWrittenTheSame() throws {
        let full = try Self.json(SchemaTests.fullRecord())
        #expect(try Self.json(JSONDecoder().decode(IndicatorRecord.self, from: Data(full.utf8))) == full)
        let bare = try Self.json(IndicatorRecord(source: .init(path: "a.txt", sha256: "", format: .text)))
        #expect(try Self.json(JSONDecoder().decode(IndicatorRecord.self, from: Data(bare.utf8))) == bare)
    }
}
