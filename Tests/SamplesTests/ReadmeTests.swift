import Foundation
import Testing

/// The README's rule table is what `avance rules --format markdown` prints.
@Suite struct ReadmeTests {
    @Test func ruleTableMatchesTheCatalogue() throws {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        let printed = String(decoding: try Binary.run(["rules", "--format", "markdown", "--lang", "en"]).stdout, as: UTF8.self)
        #expect(table == printed, "update the README's rule table with `avance rules --format markdown --lang en`")
    }
}

/// The README's `avance check` example is what `avance check` prints: its findings on standard
/// output, then the count on standard error.
@Suite struct ReadmeCheckExampleTests {
    @Test func theCheckExampleIsWhatCheckPrints() throws {
        let readme = try String(contentsOf: Binary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let prompt = "$ avance check "
        let start = try #require(readme.range(of: "```\n" + prompt))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let block = String(readme[readme.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
        let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        let arguments = lines[0].dropFirst(prompt.count).split(separator: " ").map(String.init)
        let file = arguments.joined(separator: " ")
        let run = try Binary.run(["check"] + arguments)
        let printed = String(decoding: run.stdout, as: UTF8.self) + run.stderr
        #expect(lines.dropFirst().joined(separator: "\n") + "\n" == printed, "update the README's check example with `avance check \(file)`")
    }
}
