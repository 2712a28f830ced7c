import AvanceCore
import Foundation
import Testing

/// Every record `avance parse` makes from `Samples/` is written as JSON Lines by `CompactJSON`
/// (the store's `json` column too): byte for byte what Foundation's `JSONEncoder` writes for the
/// same record with `.sortedKeys` and `.withoutEscapingSlashes`.
@Suite struct RecordJSONTests {
    @Test func everySampleRecordIsWhatJSONEncoderWrites() throws {
        let result = try Binary.run(["parse", "--format", "jsonl"] + GoldenTests.files.map { "Samples/" + $0 })
        // The broken samples fail (exit 2), every other file's records are printed.
        #expect(result.status == 0 || result.status == 2, "\(result.stderr)")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines = 0
        for line in result.stdout.split(separator: UInt8(ascii: "\n")) {
            let record = try JSONDecoder().decode(IndicatorRecord.self, from: Data(line))
            let printed = [UInt8](line)
            let foundation = [UInt8](try encoder.encode(record))
            let compact = Array(try CompactJSON.string(record).utf8)
            #expect(printed == foundation, "\(record.source.path) row \(record.source.row ?? 1): the line printed is not JSONEncoder's")
            #expect(compact == foundation, "\(record.source.path) row \(record.source.row ?? 1): CompactJSON differs from JSONEncoder")
            lines += 1
        }
        #expect(lines >= GoldenTests.files.count, "a record per sample at least (tables give several)")
    }
}
