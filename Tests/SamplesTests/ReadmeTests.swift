import Foundation
import Testing

/// The README's rule table is what `avance rules --format markdown` prints.
@Suite struct ReadmeTests {
    @Test func ruleTableMatchesTheCatalogue() throws {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        let printed = String(decoding: try Binary.run(["rules", "--format", "markdown"]).stdout, as: UTF8.self)
        #expect(table == printed, "update the README's rule table with `avance rules --format markdown`")
    }
}
