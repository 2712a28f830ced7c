import AvanceCore
import AvanceStore
import Foundation
import Testing

/// `avance export` and `avance findings` over a store written through AvanceStore,
/// with names that need CSV quoting and a superseded version that must not show.
@Suite struct ExportFindingsTests {
    static let awkwardPath = "/compartida/informe \"T3\", final.txt"
    static let awkwardName = "Fortalecimiento, \"institucional\"\ny más"

    static func record(_ sha: String, path: String, achieved: Double, findings: [Finding]) -> IndicatorRecord {
        IndicatorRecord(
            source: .init(path: path, sha256: sha, format: .text),
            program: .init(code: "O002", name: awkwardName, evidence: nil),
            activity: .init(code: "F.P.C01.A01", name: "Ejecución; acompañamiento", evidence: nil),
            indicator: .init(code: "01", name: "Número de acciones", description: nil, evidence: nil),
            period: .init(year: 2024, quarter: 3, evidence: nil),
            reportingInstitution: .init(name: "Secretaría Ejecutiva", acronym: "SESAEQROO"),
            targets: .init(unit: "acciones", annual: 4, period: 2, achieved: achieved, compliancePercent: 96.5),
            findings: findings
        )
    }

    static func finding(_ rule: String, _ severity: Severity, line: Int) -> Finding {
        Finding(rule: rule, severity: severity, message: "\(rule): \"cita\", con coma", evidence: [SourceSpan(page: 2, line: line, column: 4, text: "2 acciones")])
    }

    static func sha(_ c: Character) -> String { String(repeating: c, count: 64) }

    /// Two current documents (one of them a second version) and one superseded.
    func populated() throws -> (Scratch, [IndicatorRecord]) {
        let scratch = try Scratch()
        let store = try Store.open(path: scratch.database)
        let old = Self.record(Self.sha("a"), path: Self.awkwardPath, achieved: 1, findings: [Self.finding("old-rule", .error, line: 1)])
        let current = Self.record(Self.sha("b"), path: Self.awkwardPath, achieved: 2, findings: [Self.finding("count-mismatch", .warning, line: 30)])
        let other = Self.record(Self.sha("c"), path: "/compartida/b.txt", achieved: 3, findings: [
            Self.finding("period-above-annual", .error, line: 9), Self.finding("count-mismatch", .info, line: 12),
        ])
        for (record, mtime) in [(old, 1), (current, 2), (other, 3)] {
            _ = try store.store(
                path: record.source.path, stamp: FileStamp(size: 10, mtimeNs: Int64(mtime)),
                content: .new(NewDocument(sha256: record.source.sha256, format: .text, bytes: 10, records: [record])), runId: nil
            )
        }
        // In path order, as the exports list them.
        return (scratch, [other, current])
    }

    @Test func csvHasAHeaderQuotesWhatNeedsItAndLeavesSupersededVersionsOut() throws {
        let (scratch, current) = try populated()
        let result = try Child.run(["export", "--db", scratch.database, "--format", "csv"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try CSVReader.parse(result.stdout)
        #expect(rows.first?.first == "sha256")
        #expect(rows.first?.count == 24)
        let body = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(rows[0], $0)) }
        #expect(body.map { $0["sha256"] } == current.map(\.source.sha256))
        #expect(body.map { $0["path"] } == ["/compartida/b.txt", Self.awkwardPath])
        #expect(body.allSatisfy { $0["program_name"] == Self.awkwardName })
        #expect(body.map { $0["achieved"] } == ["3", "2"])
        #expect(body.map { $0["compliance_percent"] } == ["96.5", "96.5"])
        #expect(body.map { $0["finding_count"] } == ["2", "1"])
        #expect(result.stdout.hasSuffix("\r\n"))
        #expect(!result.stdout.hasPrefix("\u{FEFF}"))
    }

    @Test func bomAndOutputFileForExcel() throws {
        let (scratch, _) = try populated()
        let output = scratch.path + "/registros.csv"
        let result = try Child.run(["export", "--db", scratch.database, "--format", "csv", "--bom", "--output", output], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: output)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(try CSVReader.parse(String(decoding: bytes.dropFirst(3), as: UTF8.self)).count == 3)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".partial") }.isEmpty)
    }

    @Test func jsonLinesHoldTheWholeCurrentRecords() throws {
        let (scratch, current) = try populated()
        let result = try Child.run(["export", "--db", scratch.database, "--format", "jsonl"], in: scratch.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let records = try lines.map { try JSONDecoder().decode(IndicatorRecord.self, from: Data($0.utf8)) }
        #expect(records == current)
    }

    @Test func findingsFilterAndPrintAsJSONCSVAndText() throws {
        let (scratch, _) = try populated()
        func findings(_ args: [String]) throws -> Child.Result {
            try Child.run(["findings", "--db", scratch.database, "--lang", "en"] + args, in: scratch.path)
        }
        struct Listed: Decodable { var rule: String; var severity: String; var path: String; var line: Int?; var page: Int?; var superseded: Bool; var evidence: [SourceSpan] }

        let all = try findings(["--format", "json"])
        #expect(all.status == 0, "\(all.stderr)")
        let listed = try JSONDecoder().decode([Listed].self, from: Data(all.stdout.utf8))
        #expect(listed.map(\.rule) == ["period-above-annual", "count-mismatch", "count-mismatch"])
        #expect(listed.map(\.path) == ["/compartida/b.txt", "/compartida/b.txt", Self.awkwardPath])
        #expect(listed.map(\.line) == [9, 12, 30])
        #expect(listed.allSatisfy { !$0.superseded && $0.page == 2 && $0.evidence.first?.text == "2 acciones" })

        let errors = try JSONDecoder().decode([Listed].self, from: Data(try findings(["--format", "json", "--severity", "error"]).stdout.utf8))
        #expect(errors.map(\.rule) == ["period-above-annual"])
        let byRule = try JSONDecoder().decode([Listed].self, from: Data(try findings(["--format", "json", "--rule", "count-mismatch"]).stdout.utf8))
        #expect(byRule.map(\.severity).sorted() == ["info", "warning"])
        let history = try JSONDecoder().decode([Listed].self, from: Data(try findings(["--format", "json", "--include-superseded"]).stdout.utf8))
        #expect(history.filter(\.superseded).map(\.rule) == ["old-rule"])

        // The columns of the audit's CSV, in its order, with or without a byte order mark.
        let csv = try CSVReader.parse(try findings(["--format", "csv", "--severity", "warning"]).stdout)
        #expect(csv.first?.prefix(5) == ["severity", "rule", "rule_title", "scope", "message"])
        #expect(csv.dropFirst().map { $0[4] } == ["period-above-annual: \"cita\", con coma", "count-mismatch: \"cita\", con coma"])
        let audit = try Child.run(["audit", "--db", scratch.database, "--format", "csv", "--fail-on", "never", "--lang", "en"], in: scratch.path)
        #expect(try CSVReader.parse(audit.stdout).first == csv.first, "\(audit.stderr)")
        let withBOM = try findings(["--format", "csv", "--bom"])
        #expect(withBOM.stdout.hasPrefix("\u{FEFF}severity,rule,rule_title,scope,"))
        let auditBOM = try Child.run(["audit", "--db", scratch.database, "--format", "csv", "--bom", "--fail-on", "never", "--lang", "en"], in: scratch.path)
        #expect(auditBOM.stdout.hasPrefix("\u{FEFF}severity,rule,rule_title,scope,"))
        #expect(try findings(["--format", "json", "--bom"]).status == 64)

        // JSON Lines: the objects of the JSON array, one a line.
        let lines = try findings(["--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(try lines.map { try JSONDecoder().decode(Listed.self, from: Data($0.utf8)).rule } == listed.map(\.rule))

        // A rule not in the catalogue is a usage error, with the nearest id.
        let typo = try findings(["--rule", "count-mismach"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("--rule count-mismach: no such rule; did you mean \"count-mismatch\"?"), "\(typo.stderr)")

        // avance.yml: a rule raised to error is listed with --severity error; a rule turned off is not listed.
        try Fixtures.write("rules:\n  count-mismatch: error\n", to: scratch.path + "/avance.yml")
        let configured = try JSONDecoder().decode([Listed].self, from: Data(try findings(["--format", "json", "--severity", "error"]).stdout.utf8))
        #expect(configured.map(\.rule) == ["period-above-annual", "count-mismatch", "count-mismatch"])
        #expect(configured.allSatisfy { $0.severity == "error" })
        let elsewhere = scratch.path + "/otra.yml"
        try Fixtures.write("rules:\n  count-mismatch: off\n", to: elsewhere)
        let viaOption = try JSONDecoder().decode([Listed].self, from: Data(try findings(["--format", "json", "--config", elsewhere]).stdout.utf8))
        #expect(viaOption.map(\.rule) == ["period-above-annual"])
        try FileManager.default.removeItem(atPath: scratch.path + "/avance.yml")

        let text = try findings(["--severity", "error"])
        #expect(text.stdout.hasPrefix("/compartida/b.txt:p2:9:4: error [period-above-annual] period-above-annual: \"cita\", con coma\n    p. 2, line 9:4: \"2 acciones\"\n"), "\(text.stdout)")
        #expect(try findings(["--severity", "nonsense"]).status == 64)
    }

    /// A report's text that a spreadsheet would run as a formula is written as text (OWASP:
    /// a single quote before it, the field quoted), in export and findings alike; the negative
    /// figures avance writes stay numbers.
    @Test func formulasInReportTextAreNeutralisedAndNegativeFiguresStayNumbers() throws {
        let scratch = try Scratch()
        let store = try Store.open(path: scratch.database)
        var record = Self.record(Self.sha("d"), path: "/compartida/@informe.txt", achieved: -3.5, findings: [
            Finding(rule: "count-mismatch", severity: .error, message: "=1+1", evidence: [SourceSpan(line: 3, column: 1, text: "+cmd|' /C calc'!A0")]),
        ])
        record.indicator?.name = "=HYPERLINK(\"http://x.mx\",\"ver\")"
        record.targets.annual = -2
        _ = try store.store(
            path: record.source.path, stamp: FileStamp(size: 10, mtimeNs: 1),
            content: .new(NewDocument(sha256: record.source.sha256, format: .text, bytes: 10, records: [record])), runId: nil
        )

        let export = try Child.run(["export", "--db", scratch.database, "--format", "csv"], in: scratch.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains(",\"'=HYPERLINK(\"\"http://x.mx\"\",\"\"ver\"\")\","))
        let rows = try CSVReader.parse(export.stdout)
        try #require(rows.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["indicator_name"] == "'=HYPERLINK(\"http://x.mx\",\"ver\")")
        #expect(row["path"] == "/compartida/@informe.txt", "an @ inside a name is no formula")
        #expect(row["achieved"] == "-3.5")
        #expect(row["annual_target"] == "-2")

        let findings = try CSVReader.parse(try Child.run(["findings", "--db", scratch.database, "--format", "csv", "--lang", "en"], in: scratch.path).stdout)
        try #require(findings.count == 2)
        let finding = Dictionary(uniqueKeysWithValues: zip(findings[0], findings[1]))
        #expect(finding["message"] == "'=1+1")
        #expect(finding["quote"] == "'+cmd|' /C calc'!A0")
    }

    @Test func aMissingDatabaseIsAnErrorNotANewFile() throws {
        let scratch = try Scratch()
        let result = try Child.run(["export", "--db", scratch.database, "--format", "csv"], in: scratch.path)
        #expect(result.status == 74)
        #expect(result.stderr.hasPrefix("avance: \(scratch.database): no such database"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.database))
        #expect(try Child.run(["findings", "--db", scratch.database], in: scratch.path).status == 74)
    }
}

/// A strict RFC 4180 reader, to check what the exporter writes.
enum CSVReader {
    struct Malformed: Error { var at: Int }

    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var position = 0
        func take() -> Unicode.Scalar? {
            guard let s = scalars.popFirst() else { return nil }
            position += 1
            return s
        }
        while let s = take() {
            switch s {
            case "\"" where field.isEmpty:
                while true {
                    guard let q = take() else { throw Malformed(at: position) }
                    if q == "\"" {
                        if scalars.first == "\"" { _ = take(); field.unicodeScalars.append("\"") } else { break }
                    } else {
                        field.unicodeScalars.append(q)
                    }
                }
                guard let next = scalars.first, next == "," || next == "\r" else {
                    if scalars.isEmpty { continue }
                    throw Malformed(at: position)
                }
            case ",":
                row.append(field)
                field = ""
            case "\r":
                guard take() == "\n" else { throw Malformed(at: position) }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            case "\n":
                // A bare LF outside quotes is no row end in RFC 4180.
                throw Malformed(at: position)
            default:
                field.unicodeScalars.append(s)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
