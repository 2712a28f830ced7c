import AvanceCore
import Foundation
import Testing

/// Text and HTML of many megabytes: read in time that grows with their length (a 10 MB line
/// took 60 s and a 200 MB text never ended: every span's column was counted from the line's
/// start, and the parser looked at a whole block for every date in it), within a size limit
/// per format and a time limit per file.
@Suite struct LargeInputTests {
    /// The sample report, then a narrative of `sentences` sentences on one line, each with a
    /// date; the last names the quarter's last day. What the line's last date must be cited at.
    static func report(sentences: Int) -> (text: String, lastDateLine: Int, lastDateColumn: Int) {
        var text = Fixtures.sample
        if !text.hasSuffix("\n") { text += "\n" }
        text += "\n"
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var narrative = ""
        for i in 0..<sentences {
            let day = i % 28 + 1
            narrative += "El \(day) de agosto de 2024 se realizó la sesión de trabajo número \(i + 1) con las áreas de la Secretaría, según consta en la minuta correspondiente. "
        }
        let column = narrative.count + 1 + "El ".count
        narrative += "El 30 de septiembre de 2024 concluyó el trimestre."
        text += narrative + "\n"
        return (text, line, column)
    }

    struct Record: Decodable {
        struct Code: Decodable { var code: String? }
        struct Period: Decodable { var year: Int?; var quarter: Int? }
        struct Targets: Decodable { var annual: Double?; var period: Double? }
        struct Span: Decodable { var line: Int; var column: Int; var text: String }
        struct DateMention: Decodable { var value: String?; var evidence: Span }
        var program: Code
        var activity: Code
        var period: Period
        var targets: Targets
        var dates: [DateMention]
    }

    /// 16 MB on one line (issue 13's size; about 75 s in the tests' debug build, a few seconds
    /// in release, see `Scripts/bench --large`): every date found, the last one cited at its
    /// exact column.
    @Test func aReportOfOneLongLineIsReadWhole() throws {
        let scratch = try Scratch()
        let sentences = 107_000
        let (text, line, column) = Self.report(sentences: sentences)
        #expect(text.utf8.count > 16_000_000)
        let path = scratch.path + "/informe-largo.txt"
        try Fixtures.write(text, to: path)

        let started = Date()
        // The time limit is raised for a debug build on a busy machine; the guard below is the measure.
        let run = try Child.run(["parse", "--time-limit", "900", path], in: scratch.path)
        #expect(run.status == 0, "\(run.stderr)")
        let records = run.stdout.split(separator: "\n").compactMap { try? JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(records.count == 1)
        let record = try #require(records.first)
        #expect(record.program.code == "O002")
        #expect(record.activity.code == "F.P.C01.A01")
        #expect((record.period.year, record.period.quarter) == (2024, 3))
        #expect((record.targets.annual, record.targets.period) == (4, 2))
        let onTheLine = record.dates.filter { $0.evidence.line == line }
        #expect(onTheLine.count == sentences + 1)
        let last = try #require(onTheLine.last)
        #expect(last.value == "2024-09-30")
        #expect(last.evidence.column == column)
        #expect(last.evidence.text == "30 de septiembre de 2024")
        // Not a measure, a guard: before, 16 MB took 41 s in release and a 200 MB text never ended.
        #expect(Date().timeIntervalSince(started) < 600)
    }

    /// `--max-size` per format, and the defaults named in the refusal.
    @Test func sizeLimitsArePerFormat() throws {
        let scratch = try Scratch()
        let text = scratch.path + "/informe.txt", html = scratch.path + "/informe.html"
        try Fixtures.write(Fixtures.sample + String(repeating: "Relleno de prueba. ", count: 6_000), to: text)
        try Fixtures.write("<html><body><p>" + Fixtures.sample + "</p></body></html>", to: html)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: text)[.size] as? Int)

        let refused = try Child.run(["parse", "--max-size", "text=64K", text, html], in: scratch.path)
        #expect(refused.status == 2)
        #expect(refused.stderr == "avance: \(text): too large for a text report (\(size) bytes; the limit for text is 64 KiB, see --max-size)\n")
        #expect(refused.stdout.split(separator: "\n").count == 1, "the HTML page is still read")

        let all = try Child.run(["parse", "--max-size", "1K", html], in: scratch.path)
        #expect(all.status == 2)
        #expect(all.stderr.contains("see --max-size"), "\(all.stderr)")
        #expect(try Child.run(["parse", text, html], in: scratch.path).status == 0)

        let bad = try Child.run(["parse", "--max-size", "texto=1M", text], in: scratch.path)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("unknown format \"texto\""), "\(bad.stderr)")
    }

    /// A file that takes longer than `--time-limit` fails alone, with the reason.
    @Test func aFilePastTheTimeLimitFailsAlone() throws {
        let scratch = try Scratch()
        let long = scratch.path + "/informe-largo.txt", short = scratch.path + "/informe.txt"
        try Fixtures.write(Self.report(sentences: 16_000).text, to: long)
        try Fixtures.write(Fixtures.sample, to: short)
        // The tests' debug build reads 2.4 MB in tens of seconds, the sample report in a fraction of one.
        let run = try Child.run(["parse", "--time-limit", "3", long, short, "--format", "json"], in: scratch.path)
        #expect(run.status == 2)
        #expect(run.stderr == "avance: \(long): reading it took longer than 3 s and was given up (see --time-limit)\n")
        let records = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [Any]
        #expect(records?.count == 1)
    }
}
