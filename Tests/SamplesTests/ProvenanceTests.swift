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
    static func originalLines(_ file: String) throws -> (Int?) -> [Substring]? {
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
            return { page in
                let index = (page ?? 1) - 1
                return pages.indices.contains(index) ? pages[index].split(separator: "\n", omittingEmptySubsequences: false) : nil
            }
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
            if let problem = try Self.problem(with: span, in: lines) { Issue.record("\(file):\(problem)") }
        }
    }

    /// What is wrong with a span, if its quote's first word does not stand at its place;
    /// a place outside the original is a problem too, never a crash of the whole run.
    static func problem(with span: [String: Any], in lines: (Int?) -> [Substring]?) throws -> String? {
        let line = try #require(span["line"] as? Int), column = try #require(span["column"] as? Int)
        let quote = try #require(span["text"] as? String)
        let page = span["page"] as? Int
        let place = "\(page.map { "p\($0):" } ?? "")\(line):\(column)"
        guard let firstWord = quote.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else { return nil }
        guard let pageLines = lines(page) else { return "\(place): the original has no page \(page ?? 1)" }
        guard pageLines.indices.contains(line - 1) else { return "\(place): the original has no line \(line)" }
        guard column >= 1 else { return "\(place): columns start at 1" }
        let original = Array(pageLines[line - 1])
        let at = String(original[min(column - 1, original.count)...].prefix(firstWord.count))
        return at == String(firstWord) ? nil : "\(place) should start \"\(firstWord)\", the line has \"\(at)\""
    }

    @Test func aSpanOutsideTheOriginalFailsInsteadOfCrashing() throws {
        let lines: (Int?) -> [Substring]? = { page in (page ?? 1) == 1 ? ["Trimestre: 3T-2024"] : nil }
        #expect(try Self.problem(with: ["line": 1, "column": 12, "text": "3T-2024"], in: lines) == nil)
        #expect(try Self.problem(with: ["line": 1, "column": 1, "text": "3T-2024"], in: lines) == "1:1 should start \"3T-2024\", the line has \"Trimest\"")
        #expect(try Self.problem(with: ["line": 9, "column": 1, "text": "x"], in: lines) == "9:1: the original has no line 9")
        #expect(try Self.problem(with: ["line": 1, "column": 0, "text": "x"], in: lines) == "1:0: columns start at 1")
        #expect(try Self.problem(with: ["page": 3, "line": 1, "column": 1, "text": "x"], in: lines) == "p3:1:1: the original has no page 3")
    }
}
