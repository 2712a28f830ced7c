import Foundation
import Testing

/// Every span avance prints must point at its quoted words in the original file:
/// for each text sample, the first word of every quote stands at its line and column.
@Suite struct ProvenanceTests {
    static let readable = GoldenTests.files.filter { file in
        // Broken samples have no records; their expected file says so.
        let expected = GoldenTests.expectedDir.appendingPathComponent(file + ".json")
        return (FileManager.default.contents(atPath: expected.path).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [Any]) != nil
    }

    /// The lines of the original as a person reads them: the text file itself, the HTML
    /// source, or for a PDF each page of `pdftotext -layout` (the text its spans count in).
    static func originalLines(_ file: String) throws -> (Int?) -> [Substring] {
        let url = GoldenTests.samples.appendingPathComponent(file)
        let bytes = try Data(contentsOf: url)
        if bytes.starts(with: Array("%PDF-".utf8)) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
            process.arguments = ["-layout", "-enc", "UTF-8", url.path, "-"]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let pages = String(decoding: data, as: UTF8.self).split(separator: "\u{0C}", omittingEmptySubsequences: false)
            return { page in pages[(page ?? 1) - 1].split(separator: "\n", omittingEmptySubsequences: false) }
        }
        // Same decoding rule as avance: UTF-8, else Windows-1252 (Latin-1 for the letters that matter here).
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return { _ in lines }
    }

    /// All spans in a JSON record.
    static func spans(_ value: Any) -> [[String: Any]] {
        if let d = value as? [String: Any] {
            if d["line"] is Int, d["column"] is Int, d["text"] is String { return [d] }
            return d.values.flatMap(spans)
        }
        if let a = value as? [Any] { return a.flatMap(spans) }
        return []
    }

    @Test(arguments: readable)
    func everyQuoteStandsWhereItsSpanSays(file: String) throws {
        let r = try Binary.run(["parse", "--format", "json", "Samples/" + file])
        #expect(r.status == 0, "\(r.stderr)")
        let records = try JSONSerialization.jsonObject(with: r.stdout)
        let lines = try Self.originalLines(file)
        for span in Self.spans(records) {
            let line = span["line"] as! Int, column = span["column"] as! Int, quote = span["text"] as! String
            let page = span["page"] as? Int
            guard let firstWord = quote.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else { continue }
            let pageLines = lines(page)
            let original = Array(pageLines[line - 1])
            let at = String(original[min(column - 1, original.count)...].prefix(firstWord.count))
            #expect(at == String(firstWord), "\(file):\(page.map { "p\($0):" } ?? "")\(line):\(column) should start \"\(firstWord)\", the line has \"\(at)\"")
        }
    }
}
