import Foundation
import Testing

/// Every span avance prints must point at its quoted words in the original file:
/// for each text sample, the first word of every quote stands at its line and column.
@Suite struct ProvenanceTests {
    static let textSamples = GoldenTests.files.filter { !$0.hasSuffix(".pdf") && !$0.hasSuffix(".html") && !$0.hasSuffix(".htm") }

    /// All spans in a JSON record.
    static func spans(_ value: Any) -> [[String: Any]] {
        if let d = value as? [String: Any] {
            if d["line"] is Int, d["column"] is Int, d["text"] is String { return [d] }
            return d.values.flatMap(spans)
        }
        if let a = value as? [Any] { return a.flatMap(spans) }
        return []
    }

    @Test(arguments: textSamples)
    func everyQuoteStandsWhereItsSpanSays(file: String) throws {
        let r = try Binary.run(["parse", "--format", "json", "Samples/" + file])
        guard r.status == 0 else { return } // broken samples are the golden test's business
        let records = try JSONSerialization.jsonObject(with: r.stdout)
        let bytes = try Data(contentsOf: GoldenTests.samples.appendingPathComponent(file))
        // Same decoding rule as avance: UTF-8, else Windows-1252 (Latin-1 for the letters that matter here).
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for span in Self.spans(records) {
            let line = span["line"] as! Int, column = span["column"] as! Int, quote = span["text"] as! String
            guard let firstWord = quote.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else { continue }
            let original = Array(lines[line - 1])
            let at = String(original[min(column - 1, original.count)...].prefix(firstWord.count))
            #expect(at == String(firstWord), "\(file):\(line):\(column) should start \"\(firstWord)\", the line has \"\(at)\"")
        }
    }
}
