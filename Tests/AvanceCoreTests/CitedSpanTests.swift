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
}
