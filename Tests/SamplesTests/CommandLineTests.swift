import Foundation
import Testing

/// The command-line contract of parse, check and rules: exit codes, pure JSON on
/// standard output, one clear line per bad file on standard error.
@Suite struct CommandLineTests {
    let original = "Samples/sesaeqroo-2024-T3-F.P.C01.A01.txt"

    /// A temporary folder with the given files.
    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avance-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func parsePrintsOneRecordPerLine() throws {
        let r = try Binary.run(["parse", original, original])
        #expect(r.status == 0)
        let lines = String(decoding: r.stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(record["schemaVersion"] as? Int == 2)
        }
    }

    @Test func parseJSONIsAnArrayEvenForOneFile() throws {
        let r = try Binary.run(["parse", "--format", "json", original])
        #expect(r.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(array.count == 1)
    }

    @Test func checkReportsTheOriginalsFindingsAndExitsOne() throws {
        let r = try Binary.run(["check", original])
        #expect(r.status == 1)
        let out = String(decoding: r.stdout, as: UTF8.self)
        for rule in ["count-mismatch", "date-outside-period", "ambiguous-date", "confidential-notice"] {
            #expect(out.contains("[\(rule)]"), "check should report \(rule)")
        }
        #expect(out.contains("\(original):36:2: warning [date-outside-period]"))
        #expect(out.contains("\"10/05/2024\""), "findings quote their evidence")
    }

    @Test func checkJSONAndThresholds() throws {
        let json = try Binary.run(["check", "--format", "json", original])
        #expect(json.status == 1)
        let reports = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [[String: Any]])
        let rules = (reports.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["count-mismatch", "date-outside-period", "ambiguous-date", "confidential-notice"])
        #expect(try Binary.run(["check", "--fail-on", "never", original]).status == 0)
    }

    @Test func rulesListsTheCatalogue() throws {
        let r = try Binary.run(["rules", "--format", "json"])
        #expect(r.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == [
            "missing-field", "code-hierarchy", "period-exceeds-annual", "percent-mismatch", "total-mismatch", "total-below-part",
            "count-mismatch",
            "quarter-mismatch", "date-outside-period", "ambiguous-date", "confidential-notice", "spreadsheet-error",
            "name-mismatch", "code-mismatch", "not-applicable-with-progress", "low-confidence",
            "quarterly-sum-mismatch", "annual-target-changed", "cumulative-decrease", "conflicting-duplicate",
            "missing-quarter",
        ])
        #expect(rules.compactMap { $0["scope"] as? String } == Array(repeating: "record", count: 16) + Array(repeating: "cross-report", count: 5))
        for rule in rules {
            for key in ["title", "severity", "defaultSeverity", "description"] { #expect(rule[key] is String) }
        }
    }

    @Test func badInputsGetOneLineEachAndTheOthersAreStillRead() throws {
        let dir = try Self.folder([
            "empty.txt": [],
            "binary.pdf.bin": [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02, 0x00, 0x00],
            "prose.txt": Array("Hoy llovió en la ciudad y nadie salió de casa.\n".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("missing.txt").path
        let args = ["parse", dir.appendingPathComponent("empty.txt").path, dir.path,
                    dir.appendingPathComponent("binary.pdf.bin").path, missing,
                    dir.appendingPathComponent("prose.txt").path, Binary.packageRoot.appendingPathComponent(original).path]
        let r = try Binary.run(args)
        #expect(r.status == 2)
        #expect(String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").count == 1, "the good file is still parsed")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("avance: ") }
        #expect(errors.count == 5, "one line per bad input: \(r.stderr)")
        #expect(r.stderr.contains("empty.txt: the file is empty"))
        #expect(r.stderr.contains("\(dir.path): is a directory"))
        #expect(r.stderr.contains("binary.pdf.bin: binary data"))
        #expect(r.stderr.contains("missing.txt: no such file"))
        #expect(r.stderr.contains("prose.txt: not an indicator report"))
    }

    @Test func extractNamesBadFilesLikeTheOtherCommands() throws {
        let dir = try Self.folder(["foto.png": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Binary.run(["extract", "--pdf-timeout", "30", dir.appendingPathComponent("foto.png").path, original])
        #expect(r.status == 2)
        #expect(String(decoding: r.stdout, as: UTF8.self).hasPrefix("# \(original): text"), "the good file is still read")
        #expect(r.stderr == "avance: \(dir.appendingPathComponent("foto.png").path): binary data, not a PDF, HTML, text, CSV or spreadsheet (XLSX, XLS, ODS) report\n")

        let json = try Binary.run(["extract", "--format", "json", original])
        #expect(json.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(document["format"] as? String == "text")
    }

    @Test func latin1WithCRLFKeepsItsAccents() throws {
        let text = "Programa presupuestario:\tE005 - Atención ciudadana\r\nIndicador:\t01 - Número de quejas atendidas\r\nTrimestre:\tSegundo Trimestre de 2023\r\nUnidad responsable:\tDirección de Atención\r\n"
        let bytes = Array(text.unicodeScalars.map { UInt8($0.value) })
        let dir = try Self.folder(["latin1.txt": bytes])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Binary.run(["parse", dir.appendingPathComponent("latin1.txt").path])
        #expect(r.status == 0, "\(r.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any])
        let program = record["program"] as? [String: Any]
        #expect(program?["name"] as? String == "Atención ciudadana")
        #expect((record["responsibleUnit"] as? [String: Any])?["name"] as? String == "Dirección de Atención")
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Binary.run(["parse"]).status == 64)
        #expect(try Binary.run(["check", "--fail-on", "sometimes", original]).status == 64)
        #expect(try Binary.run(["frobnicate"]).status == 64)
        let order = try Binary.run(["parse", "--date-order", "year-first", original])
        #expect(order.status == 64)
        #expect(order.stderr.contains("day-month") && order.stderr.contains("month-day"), "names the orders: \(order.stderr)")
    }
}
