import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// The committed samples agree with their expected files as far as extraction goes: a
/// broken file fails with the words its expected file names; a readable one is read as
/// the format, page count and bytes its records' `source` states.
@Suite struct SampleExpectationTests {
    static let expectedFolder = Fixtures.root.appendingPathComponent("Samples/expected")

    /// The expected files of the samples this module's script makes (PDF and HTML).
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: expectedFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".pdf.json") || $0.hasSuffix(".html.json") }.sorted()
    }()

    @Test func everyPDFAndHTMLSampleHasItsExpectedFile() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: Fixtures.root.appendingPathComponent("Samples").path)
            .filter { $0.hasSuffix(".pdf") || $0.hasSuffix(".html") }
        #expect(samples.count >= 10)
        #expect(Set(samples.map { $0 + ".json" }) == Set(Self.names))
    }

    @Test(arguments: names)
    func sampleMatchesItsExpectedFile(_ name: String) throws {
        let sample = String(name.dropLast(".json".count))
        let path = Fixtures.sample(sample)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.expectedFolder.appendingPathComponent(name)))
        if let object = json as? [String: Any] {
            let words = try #require(object["error"] as? String)
            #expect(throws: ExtractError.self) { _ = try Extractor().extract(path: path) }
            do {
                _ = try Extractor().extract(path: path)
            } catch {
                #expect(error.description.contains(words), "\(error.description)")
                #expect(error.description.contains(path))
            }
            return
        }
        let records = try #require(json as? [[String: Any]])
        #expect(!records.isEmpty)
        let document = try Extractor().extract(path: path)
        for record in records {
            let source = try #require(record["source"] as? [String: Any])
            #expect(source["path"] as? String == "Samples/\(sample)")
            #expect(source["sha256"] as? String == document.sha256)
            #expect(source["format"] as? String == document.format.rawValue)
            #expect((source["declaredFormat"] as? String) == document.declaredFormat?.rawValue)
            #expect((source["pages"] as? Int) == document.pages)
        }
    }
}
