import Foundation
import Testing

/// One command line: `-o/--output` and `-q/--quiet` wherever data is written, `-` for standard
/// input, `--format jsonl` for `check`, help text as ArgumentParser wraps it.
@Suite struct OneCommandLineTests {
    static let sample = Fixtures.repository.appendingPathComponent("Samples/sesaeqroo-2024-T3-F.P.C01.A01.txt").path

    @Test func parseAndCheckWriteToOutputAndReadStandardInput() throws {
        let scratch = try Scratch()
        let toStdout = try Child.run(["parse", Self.sample], in: scratch.path)
        #expect(toStdout.status == 0)

        let out = scratch.path + "/registros.jsonl"
        let toFile = try Child.run(["parse", Self.sample, "-o", out], in: scratch.path)
        #expect(toFile.status == 0, "\(toFile.stderr)")
        #expect(toFile.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == toStdout.stdout)

        // `-` reads standard input; `--output -` is standard output.
        let piped = try Child.run(
            ["parse", "-", "--output", "-"], in: scratch.path, input: try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        )
        #expect(piped.status == 0, "\(piped.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [String: Any])
        #expect((record["activity"] as? [String: Any])?["code"] as? String == "F.P.C01.A01")

        let findings = scratch.path + "/hallazgos.txt"
        let checked = try Child.run(["check", Self.sample, "--output", findings], in: scratch.path)
        #expect(checked.status == 1)
        #expect(checked.stdout.isEmpty)
        #expect(try String(contentsOfFile: findings, encoding: .utf8).contains("error [count-mismatch]"))
        #expect(checked.stderr == "avance: 1 record checked: 1 error, 2 warnings, 1 info\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".partial") }.isEmpty)

        // A folder as --output is refused before anything is read.
        let folder = try Child.run(["check", Self.sample, "--output", scratch.path], in: scratch.path)
        #expect(folder.status == 64)
        #expect(folder.stderr.contains("is a folder"), "\(folder.stderr)")
    }

    @Test func quietLeavesOnlyErrorsOnStandardError() throws {
        let scratch = try Scratch()
        let quiet = try Child.run(["check", "-q", Self.sample], in: scratch.path)
        #expect(quiet.status == 1)
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout.contains("[count-mismatch]"))
        let failing = try Child.run(["check", "--quiet", Self.sample, scratch.path + "/no-existe.txt"], in: scratch.path)
        #expect(failing.status == 2)
        #expect(failing.stderr.hasPrefix("avance: \(scratch.path)/no-existe.txt: "), "errors still show: \(failing.stderr)")
        #expect(!failing.stderr.contains("checked"))

        let folder = try scratch.sub("informes")
        try Fixtures.writeReports(0..<2, into: folder)
        let ingest = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0", "-q"], in: scratch.path)
        #expect(ingest.status == 0)
        #expect(ingest.stdout.isEmpty && ingest.stderr.isEmpty, "\(ingest.stdout)\(ingest.stderr)")
        let audit = try Child.run(["audit", "--db", scratch.database, "--format", "json", "-q", "-o", scratch.path + "/a.json"], in: scratch.path)
        #expect(audit.stderr.isEmpty, "\(audit.stderr)")
        let noFindings = try Child.run(["findings", "--db", scratch.database, "--rule", "spreadsheet-error", "-q"], in: scratch.path)
        #expect(noFindings.status == 0 && noFindings.stderr.isEmpty && noFindings.stdout.isEmpty)
        let export = try Child.run(["export", "--db", scratch.database, "--format", "jsonl", "-q", "-o", "-"], in: scratch.path)
        #expect(export.stdout.split(separator: "\n").count == 2)
    }

    @Test func checkWritesJSONLinesOneRecordALine() throws {
        let scratch = try Scratch()
        let array = try Child.run(["check", "--format", "json", Self.sample, Self.sample], in: scratch.path)
        let lines = try Child.run(["check", "--format", "jsonl", Self.sample, Self.sample], in: scratch.path)
        #expect(lines.status == 1)
        let elements = try #require(try JSONSerialization.jsonObject(with: Data(array.stdout.utf8)) as? [[String: Any]])
        let each = try lines.stdout.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(each.count == elements.count && elements.count == 2)
        #expect(each.map { ($0?["findings"] as? [Any])?.count } == elements.map { ($0["findings"] as? [Any])?.count })
        #expect(lines.stderr.isEmpty, "no count for programs: \(lines.stderr)")
    }

    /// ArgumentParser wraps the help text itself: no line of an overview or discussion ends
    /// before the next line's first word would have had room on it.
    @Test(arguments: ["extract", "parse", "check", "rules", "ingest", "export", "findings", "audit"])
    func helpTextIsNotBrokenMidSentence(_ command: String) throws {
        let scratch = try Scratch()
        let help = try Child.run([command, "--help"], in: scratch.path, environment: ["COLUMNS": "80"])
        #expect(help.status == 0)
        let text = try #require(help.stdout.components(separatedBy: "\nUSAGE:").first)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let word = next.split(separator: " ").first.map(String.init) ?? ""
            #expect(line.count + 1 + word.count >= 80, "\(command): \"\(line)\" is broken before \"\(word)\"")
        }
        // Every option shows at most one default.
        let options = help.stdout.components(separatedBy: "OPTIONS:").last ?? ""
        for option in options.components(separatedBy: "\n  -").dropFirst() {
            #expect(option.components(separatedBy: "default:").count <= 2, "\(command): \(option)")
        }
    }

    @Test func ingestJobsShowsItsDefaultOnce() throws {
        let help = try Child.run(["ingest", "--help"], in: NSTemporaryDirectory())
        let jobs = try #require(help.stdout.components(separatedBy: "--jobs").dropFirst().first)
        let entry = (jobs.components(separatedBy: "\n  --").first ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(entry.contains("default: the number of cores, \(ProcessInfo.processInfo.activeProcessorCount) here"), "\(entry)")
        #expect(entry.components(separatedBy: "default").count == 2, "\(entry)")
    }
}
