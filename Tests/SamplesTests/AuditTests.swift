import Foundation
import Testing

/// `avance audit` over the series in Samples/series/: the planted problems are found, exactly,
/// the clean series gives nothing, and the HTML page renders in a real browser.
@Suite struct AuditTests {
    static let planted = "Samples/series/planted"
    static let clean = "Samples/series/clean"

    /// A database in a fresh temporary folder, filled by `avance ingest` with `paths`.
    static func ingested(_ paths: [String]) throws -> (folder: URL, database: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avance-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("audit.sqlite").path
        // The scans in Samples/ are read by OCR, which the other tests running at once can slow past
        // the default minute per PDF: the limit is not what these tests check (IngestTests does).
        let r = try Binary.run(["ingest"] + paths + [
            "--db", database, "--settle", "0", "--exclude", "expected", "--exclude", "README.md", "--pdf-timeout", "600",
        ])
        #expect(r.status == 0 || r.status == 2, "ingest: \(r.stderr)")
        return (folder, database)
    }

    static func auditJSON(_ database: String, _ extra: [String] = []) throws -> (status: Int32, report: [String: Any]) {
        let r = try Binary.run(["audit", "--db", database, "--format", "json"] + extra)
        let report = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [String: Any], "audit printed no JSON: \(r.stderr)")
        return (r.status, report)
    }

    /// Every finding of a JSON report: (scope, rule, severity, first evidence's path).
    static func findings(_ report: [String: Any]) -> [(scope: String, rule: String, severity: String, paths: [String])] {
        let sections = report["indicators"] as? [[String: Any]] ?? []
        return sections.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.map { f in
            let evidence = f["evidence"] as? [[String: Any]] ?? []
            return (f["scope"] as? String ?? "", f["rule"] as? String ?? "", f["severity"] as? String ?? "",
                    evidence.compactMap { $0["path"] as? String })
        }
    }

    @Test func thePlantedSeriesGivesExactlyThePlantedFindings() throws {
        let (folder, database) = try Self.ingested([Self.planted])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.auditJSON(database)
        #expect(status == 1, "errors are found, and --fail-on is error by default")
        let found = Self.findings(report)
        #expect(found.allSatisfy { $0.scope == "cross-report" }, "the reports themselves are clean: \(found.map(\.rule))")
        #expect(found.map(\.rule).sorted() == [
            "annual-target-changed", "conflicting-duplicate", "cumulative-decrease", "missing-quarter", "quarterly-sum-mismatch",
        ])
        let file = "Samples/series/planted/icatey-2024-"
        let cited = Dictionary(uniqueKeysWithValues: found.map { ($0.rule, $0.paths) })
        #expect(cited["quarterly-sum-mismatch"] == [file + "T4-C01.A02.md", file + "T4-C01.A02.md"])
        #expect(cited["annual-target-changed"] == [file + "T4-C01.A02.md", file + "T3-C01.A02-corregido.pdf"])
        #expect(cited["cumulative-decrease"] == [file + "T4-C01.A02.md", file + "T3-C01.A02-corregido.pdf"])
        #expect(Set(cited["conflicting-duplicate"] ?? []) == [file + "T3-C01.A02-corregido.pdf", file + "T3-C01.A02.html"])
        #expect(cited["missing-quarter"] == [file + "T3-C01.A02-corregido.pdf"])
        #expect(Dictionary(uniqueKeysWithValues: found.map { ($0.rule, $0.severity) }) == [
            "quarterly-sum-mismatch": "error", "annual-target-changed": "warning", "cumulative-decrease": "error",
            "conflicting-duplicate": "error", "missing-quarter": "info",
        ])
        let sections = report["indicators"] as? [[String: Any]] ?? []
        #expect(sections.count == 1, "four files, one indicator")
        #expect((sections.first?["reports"] as? [Any])?.count == 4)
    }

    @Test func theCleanSeriesGivesNothing() throws {
        let (folder, database) = try Self.ingested([Self.clean])
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, report) = try Self.auditJSON(database, ["--fail-on", "info"])
        #expect(status == 0)
        #expect(Self.findings(report).isEmpty, "\(Self.findings(report).map(\.rule))")
        let sections = report["indicators"] as? [[String: Any]] ?? []
        #expect(sections.count == 1 && (sections.first?["reports"] as? [Any])?.count == 4)
    }

    @Test func filtersAndFormats() throws {
        let (folder, database) = try Self.ingested([Self.planted, Self.clean])
        defer { try? FileManager.default.removeItem(at: folder) }
        let year2023 = try Self.auditJSON(database, ["--year", "2023"])
        #expect(Self.findings(year2023.report).isEmpty && year2023.status == 0)
        let program = try Self.auditJSON(database, ["--program", "e023"])
        #expect(Self.findings(program.report).count == 5)
        #expect(((program.report["indicators"] as? [Any]) ?? []).count == 1)

        let text = try Binary.run(["audit", "--db", database, "--fail-on", "never", "--lang", "en"])
        #expect(text.status == 0)
        let out = String(decoding: text.stdout, as: UTF8.self)
        #expect(out.contains("Samples/series/planted/icatey-2024-T4-C01.A02.md:15:"))
        #expect(out.contains("[cumulative-decrease] (cross-report) The cumulative"))
        let spanish = String(decoding: try Binary.run(["audit", "--db", database, "--fail-on", "never", "--lang", "es"]).stdout, as: UTF8.self)
        #expect(spanish.contains("[cumulative-decrease] (entre informes) La meta alcanzada acumulada disminuye de 13"))
        #expect(spanish.contains("hallazgos: 3 errores, 1 advertencia, 1 informativo"))

        let csv = try Binary.run(["audit", "--db", database, "--format", "csv", "--fail-on", "never", "--lang", "en"])
        let rows = String(decoding: csv.stdout, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 6, "a header and one row per finding")
        #expect(rows.first?.hasPrefix("severity,rule,rule_title,scope,message,") == true)

        // Without --lang, the locale decides (LC_ALL, then LC_MESSAGES, then LANG), else Spanish.
        let binary = try #require(Binary.url)
        func header(_ environment: [String]) throws -> String {
            let r = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/env"), ["-i"] + environment + [binary.path, "audit", "--db", database, "--format", "csv", "--fail-on", "never"])
            return String(String(decoding: r.stdout, as: UTF8.self).prefix { $0 != "," })
        }
        #expect(try header(["LANG=en_US.UTF-8"]) == "severity")
        #expect(try header(["LANG=en_US.UTF-8", "LC_ALL=es_MX.UTF-8"]) == "severidad")
        #expect(try header(["LANG=C.UTF-8"]) == "severidad")
        #expect(try header([]) == "severidad")

        // --min-severity leaves out what is below it.
        let errors = try Self.auditJSON(database, ["--min-severity", "error"])
        #expect(Set(Self.findings(errors.report).map(\.severity)) == ["error"] && Self.findings(errors.report).count == 3)

        #expect(try Binary.run(["audit", "--db", folder.appendingPathComponent("none.sqlite").path]).status == 74)
        #expect(try Binary.run(["audit", "--db", database, "--format", "pdf"]).status == 64)
        #expect(try Binary.run(["audit", "--db", database, "--year", "24"]).status == 64)
        #expect(try Binary.run(["audit", "--db", database, "--lang", "fr"]).status == 64)
    }

    /// A waived finding (`avance waive`, or avance.yml) stays waived after a rerun and a
    /// re-ingest of the same documents, even copied elsewhere; a changed document's findings get
    /// new fingerprints and show as new since the run before (`--since-run`).
    @Test func waiversHoldAndAChangedDocumentsFindingsAreNew() throws {
        let (folder, database) = try Self.ingested([Self.planted])
        defer { try? FileManager.default.removeItem(at: folder) }
        func fingerprints(_ report: [String: Any], _ key: String = "findings") -> [String: [String: Any]] {
            let sections = report["indicators"] as? [[String: Any]] ?? []
            let all = sections.flatMap { $0[key] as? [[String: Any]] ?? [] }
            return Dictionary(all.map { ($0["rule"] as? String ?? "", $0) }) { a, _ in a }
        }
        let first = fingerprints(try Self.auditJSON(database).report)
        let changed = try #require(first["annual-target-changed"]?["fingerprint"] as? String)
        let missing = try #require(first["missing-quarter"]?["fingerprint"] as? String)
        #expect(changed.count == 16 && missing.count == 16 && changed != missing)
        #expect(first.values.allSatisfy { $0["isNew"] is NSNull }, "without --since-run, nothing is said new")

        #expect(try Binary.run(["waive", changed, "--reason", "Ajuste de meta autorizado por la SEFIPLAN", "--db", database]).status == 0)
        #expect(try Binary.run(["waive", "xyz", "--reason", "r", "--db", database]).status == 64)
        let config = folder.appendingPathComponent("avance.yml")
        try "waivers:\n  - fingerprint: \(missing)\n    reason: Informe del segundo trimestre en trámite\n".write(to: config, atomically: true, encoding: .utf8)

        // The same documents again, from another folder (run 2).
        let copy = folder.appendingPathComponent("copia")
        try FileManager.default.copyItem(at: Binary.packageRoot.appendingPathComponent(Self.planted), to: copy)
        #expect([0, 2].contains(try Binary.run(["ingest", copy.path, "--db", database, "--settle", "0"]).status))
        let (status, again) = try Self.auditJSON(database, ["--config", config.path])
        #expect(status == 1, "errors remain")
        #expect(fingerprints(again)["annual-target-changed"] == nil && fingerprints(again)["missing-quarter"] == nil)
        let waived = fingerprints(again, "waived")
        #expect(waived["annual-target-changed"]?["waiver"] as? String == "Ajuste de meta autorizado por la SEFIPLAN")
        #expect(waived["missing-quarter"]?["waiver"] as? String == "Informe del segundo trimestre en trámite")
        #expect(Set(fingerprints(again).compactMap { $0.value["fingerprint"] as? String }) ==
                Set(first.filter { !["annual-target-changed", "missing-quarter"].contains($0.key) }.compactMap { $0.value["fingerprint"] as? String }),
                "the other findings keep their fingerprints")
        let summary = again["summary"] as? [String: Any]
        #expect((summary?["findingsBySeverity"] as? [[String: Any]])?.first?["count"] as? Int == 3, "waived findings count nowhere")

        // The fourth quarter's report corrected in place (run 3): its findings are new since run 2.
        let t4 = copy.appendingPathComponent("icatey-2024-T4-C01.A02.md")
        let text = try String(contentsOf: t4, encoding: .utf8).replacingOccurrences(of: "| Cursos | 24 | 22 |", with: "| Cursos | 24 | 23 |")
        try text.write(to: t4, atomically: true, encoding: .utf8)
        #expect([0, 2].contains(try Binary.run(["ingest", copy.path, "--db", database, "--settle", "0"]).status))
        let (_, third) = try Self.auditJSON(database, ["--config", config.path, "--since-run", "2"])
        let latest = fingerprints(third)
        #expect(latest["quarterly-sum-mismatch"]?["isNew"] as? Bool == true, "it quotes the corrected report")
        #expect(latest["annual-target-changed"]?["isNew"] as? Bool == true, "a changed document: a new finding, no longer waived")
        #expect(latest["conflicting-duplicate"]?["isNew"] as? Bool == false, "about the third quarter's reports only")
        #expect(fingerprints(third, "waived")["missing-quarter"] != nil)
        let text3 = String(decoding: try Binary.run(["audit", "--db", database, "--config", config.path, "--since-run", "2", "--lang", "es"]).stdout, as: UTF8.self)
        #expect(text3.contains("[quarterly-sum-mismatch] (entre informes) (nuevo)") && text3.contains("huella "))
        #expect(text3.contains("dispensado [missing-quarter] \(missing): Informe del segundo trimestre en trámite"))
        #expect(try Binary.run(["audit", "--db", database, "--since-run", "99"]).status == 64)
        #expect(try Binary.run(["audit", "--db", database, "--config", config.path + "x"]).status == 64)
    }

    /// The semáforo's thresholds come from avance.yml, for every indicator or for a program;
    /// a mistake there is a usage error.
    @Test func theTrafficLightFollowsTheConfiguration() throws {
        let (folder, database) = try Self.ingested([Self.clean])
        defer { try? FileManager.default.removeItem(at: folder) }
        func lights(_ yaml: String?) throws -> (status: Int32, lights: [String]) {
            var extra: [String] = []
            if let yaml {
                let config = folder.appendingPathComponent("avance-\(UUID().uuidString).yml")
                try yaml.write(to: config, atomically: true, encoding: .utf8)
                extra = ["--config", config.path]
            }
            let r = try Binary.run(["audit", "--db", database, "--format", "json", "--fail-on", "never"] + extra)
            let report = try? JSONSerialization.jsonObject(with: r.stdout) as? [String: Any]
            let rows = (report?["indicators"] as? [[String: Any]] ?? []).flatMap { $0["reports"] as? [[String: Any]] ?? [] }
            return (r.status, rows.compactMap { $0["light"] as? String })
        }
        let standard = try lights(nil)
        #expect(standard.status == 0 && standard.lights.count == 4 && Set(standard.lights) == ["green"], "\(standard)")
        #expect(Set(try lights("traffic-light:\n  green: [150, 160]\n  yellow: [140, 170]\n").lights) == ["red"])
        #expect(Set(try lights("traffic-light:\n  programs:\n    e.031: {green: [150, 160], yellow: [0, 200]}\n    E023: {green: [0, 1], yellow: [0, 2]}\n").lights) == ["yellow"])
        #expect(Set(try lights("traffic-light:\n  direction: descending\n").lights) == ["green"], "100 % is 100 % either way")
        #expect(try lights("traffic-light:\n  green: [90]\n").status == 64)
        #expect(try lights("traffic-light:\n  green: [90, 110]\n  yellow: [95, 100]\n").status == 64)
        #expect(try lights("traffic-light:\n  verde: [90, 110]\n").status == 64)
    }

    /// `audit --format xlsx` read back by a real reader (Python's openpyxl): the sheets, their
    /// frozen and filtered header rows, numbers as numbers, a report's text as text.
    @Test func theWorkbookOpensInARealReader() throws {
        let (folder, database) = try Self.ingested([Self.planted])
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("auditoria.xlsx")
        let r = try Binary.run(["audit", "--db", database, "--format", "xlsx", "--output", book.path, "--fail-on", "never", "--lang", "es"])
        #expect(r.status == 0, "\(r.stderr)")
        let script = #"""
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": book.sheetnames}
            for ws in book.worksheets:
                rows = [[{"v": c.value, "t": c.data_type} for c in row] for row in ws.iter_rows()]
                out[ws.title] = {"freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "rows": rows}
            print(json.dumps(out, default=str))
            """#
        let python = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, book.path])
        #expect(python.status == 0, "openpyxl could not read the workbook (./Scripts/test installs python3-openpyxl): \(python.stderr)")
        let read = try #require(try JSONSerialization.jsonObject(with: python.stdout) as? [String: Any])
        #expect(read["sheets"] as? [String] == ["Hallazgos", "Indicadores"])
        func sheet(_ name: String) throws -> (freeze: String?, filter: String?, rows: [[(value: Any?, type: String)]]) {
            let s = try #require(read[name] as? [String: Any])
            let rows = (s["rows"] as? [[[String: Any]]] ?? []).map { $0.map { ($0["v"] is NSNull ? nil : $0["v"], $0["t"] as? String ?? "") } }
            return (s["freeze"] as? String, s["filter"] as? String, rows)
        }
        let findings = try sheet("Hallazgos"), indicators = try sheet("Indicadores")
        #expect(findings.freeze == "A2" && indicators.freeze == "A2", "the header row is frozen")
        #expect(findings.filter == "A1:V6" && indicators.filter?.hasPrefix("A1:T") == true, "an autofilter over the table")
        #expect(findings.rows.count == 6, "a header and one row per finding")
        let head = findings.rows[0].map { $0.value as? String ?? "" }
        #expect(Array(head.prefix(5)) == ["Severidad", "Regla", "Título de la regla", "Alcance", "Mensaje"])
        let rules = findings.rows.dropFirst().map { $0[1].value as? String ?? "" }
        #expect(Set(rules) == ["quarterly-sum-mismatch", "annual-target-changed", "cumulative-decrease", "conflicting-duplicate", "missing-quarter"])
        let year = try #require(head.firstIndex(of: "Ejercicio"))
        #expect(findings.rows.dropFirst().allSatisfy { $0[year].type == "n" && ($0[year].value as? NSNumber)?.intValue == 2024 })
        #expect(findings.rows.dropFirst().contains { ($0[4].value as? String)?.hasPrefix("La meta acumulada") == true })

        let columns = indicators.rows[0].map { $0.value as? String ?? "" }
        #expect(indicators.rows.count == 5, "a header and one row per report (four quarters, one of them twice)")
        let achieved = try #require(columns.firstIndex(of: "Meta alcanzada")), light = try #require(columns.firstIndex(of: "Semáforo"))
        #expect(indicators.rows.dropFirst().allSatisfy { $0[achieved].type == "n" }, "figures are numbers")
        #expect(indicators.rows.dropFirst().allSatisfy { ["verde", "amarillo", "rojo"].contains($0[light].value as? String ?? "") })
    }

    /// A workbook's texts stay texts: a report whose words a spreadsheet would run as a formula.
    @Test func aWorkbookTextIsNeverAFormula() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avance-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("=HYPERLINK(\"x\").txt")
        try """
            Programa presupuestario: E001 - =cmd|' /C calc'!A0
            Indicador: 01 - @SUM(1+1) talleres
            Trimestre: Tercer Trimestre de 2024
            Unidad responsable: Dirección
            Meta anual: 4
            Meta del trimestre: 5
            """.write(to: report, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("a.sqlite").path
        _ = try Binary.run(["ingest", folder.path, "--db", database, "--settle", "0"])
        let book = folder.appendingPathComponent("a.xlsx")
        #expect(try Binary.run(["audit", "--db", database, "--format", "xlsx", "--output", book.path, "--fail-on", "never"]).status == 0)
        let script = #"""
            import json, sys, openpyxl
            book = openpyxl.load_workbook(sys.argv[1])
            cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
            print(json.dumps({"formulas": [c.coordinate for c in cells if c.data_type == "f"],
                              "texts": [c.value for c in cells if c.data_type == "s"]}))
            """#
        let python = try Binary.run(executable: URL(fileURLWithPath: "/usr/bin/python3"), ["-c", script, book.path])
        let read = try #require(try JSONSerialization.jsonObject(with: python.stdout) as? [String: Any], "\(python.stderr)")
        #expect((read["formulas"] as? [Any])?.isEmpty == true, "no cell is a formula")
        let texts = read["texts"] as? [String] ?? []
        #expect(texts.contains { $0 == "E001 =cmd|' /C calc'!A0" }, "\(texts)")
        #expect(texts.contains { $0.hasSuffix("=HYPERLINK(\"x\").txt") }, "a file name that reads as a formula is text")
        #expect(texts.contains { $0 == "@SUM(1+1) talleres" }, "\(texts)")
    }

    /// The page over every sample, opened in a real browser at desktop and phone widths: in
    /// Spanish, what needs attention first, indicators without findings folded, evidence linked
    /// to its file (at its page for a PDF), and every text of a document escaped.
    @Test func theHTMLPageOverTheSamplesRendersInChromium() throws {
        let (folder, database) = try Self.ingested(["Samples"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("audit.html")
        let r = try Binary.run(["audit", "--db", database, "--format", "html", "--output", page.path, "--lang", "es"])
        #expect(r.status == 2, "the broken PDFs in Samples/ are input problems: \(r.stderr)")
        #expect(r.stderr.contains("3 files in the store could not be read"), "the three broken PDFs")
        let html = try String(contentsOf: page, encoding: .utf8)
        // The notes about reports and a format's empty template are no failure: the page lists
        // them apart, as files that are no report.
        #expect(html.contains("Archivos que no son informes de indicadores (2)") && html.contains("notas-reunion-enlaces-informes.txt")
            && html.contains("sipot-pnt-export-plantilla-vacia-indicadores-resultados.xls"))
        #expect(!html.contains("<script"), "no script on the page, and none let through from a report")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let (_, json) = try Self.auditJSON(database, ["--lang", "es"])
        let sections = json["indicators"] as? [[String: Any]] ?? []
        let clean = sections.filter { ($0["findings"] as? [Any] ?? []).isEmpty }.count

        let rendered = try Chromium.dom(of: page, profile: folder)
        for rule in ["quarterly-sum-mismatch", "annual-target-changed", "cumulative-decrease", "conflicting-duplicate", "missing-quarter"] {
            #expect(rendered.contains(rule), "\(rule) is on the page")
        }
        #expect(rendered.contains("<svg") && rendered.contains("<rect"), "a chart is on the page")
        #expect(rendered.contains("class=\"fault\""), "a chart marks the quarters at fault")
        #expect(rendered.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the report's script shows as text")
        #expect(!rendered.contains("<script"), "and never became an element")

        // Spanish, rule titles beside their ids.
        for words in ["<html lang=\"es\">", "Auditoría de informes de avance de indicadores", "Hallazgos por regla", "Por atender",
                      "Meta alcanzada", "Semáforo", "Trimestre", "Las metas trimestrales no suman la meta anual", "Una cifra acumulada disminuye"] {
            #expect(rendered.contains(words), "\(words) is on the page")
        }
        for words in ["Findings by rule", "Reports<", "no findings", "cumulative target"] { #expect(!rendered.contains(words), "\(words)") }

        // Triage: the first institution has an error; within each institution no indicator with
        // findings comes after one without; every indicator without findings is folded, closed.
        Self.expectTriage(rendered)
        let folded = rendered.components(separatedBy: "<details class=\"indicator clean\"").dropFirst()
        #expect(folded.count == clean && clean > 0, "\(folded.count) folded, \(clean) without findings")
        #expect(folded.allSatisfy { !$0.prefix { $0 != ">" }.contains("open") })
        #expect(folded.allSatisfy { !($0.components(separatedBy: "</details>").first ?? "").contains("class=\"finding ") })

        // Evidence: its file linked (absolute, the page is written elsewhere), a PDF at its page.
        let root = Binary.packageRoot.standardizedFileURL.path
        let pdfLink = "href=\"file://\(root)/Samples/series/planted/icatey-2024-T3-C01.A02-corregido.pdf#page=1\""
        #expect(rendered.contains(pdfLink), "a PDF's evidence links to its page")
        #expect(rendered.contains("icatey-2024-T4-C01.A02.md</a>, línea 15"), "evidence cites file and line")
        #expect(rendered.contains("<mark>"), "a quote stands in its sentence, marked")

        try Self.expectRenderedScreenshots(of: page, in: folder)
    }
}

extension AuditTests {
    /// The real documents public bodies published (`../shared/real`, kept out of git: CI has them).
    static let real = Binary.packageRoot.appendingPathComponent("../shared/real").standardizedFileURL

    /// The page over the real documents, as an auditor opens it: in Spanish, errors first, each
    /// indicator under its own name, the clean ones folded, nothing of the reports run as script,
    /// and a rendered page at desktop and phone widths.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: AuditTests.real.path), "../shared/real is absent: the real documents are not in git"))
    func thePageOverTheRealDocumentsRendersInChromium() throws {
        let (folder, database) = try Self.ingested([Self.real.path])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("audit.html")
        let r = try Binary.run(["audit", "--db", database, "--format", "html", "--output", page.path, "--lang", "es", "--fail-on", "never"])
        #expect(r.status == 0, "\(r.stderr)")
        let rendered = try Chromium.dom(of: page, profile: folder)
        #expect(!rendered.contains("<script"))
        for words in ["<html lang=\"es\">", "Auditoría de informes de avance de indicadores", "Por atender", "Semáforo"] {
            #expect(rendered.contains(words), "\(words) is on the page")
        }
        // Errors first: the real files hold percentages and totals that do not follow.
        Self.expectTriage(rendered)
        // Every indicator under a name: never a bare number or a lone stray word as its title.
        // (An indicator with findings is titled in its `h3`, a folded one in its `summary`, each
        // after its traffic light.)
        let heads = rendered.components(separatedBy: "class=\"indicator-title\">").dropFirst()
            + rendered.components(separatedBy: "<details class=\"indicator clean\"").dropFirst().compactMap { folded in
                folded.range(of: "<summary>").map { String(folded[$0.upperBound...]) }
            }
        let titles = heads.map { head -> String in
            var rest = Substring(head)
            if rest.hasPrefix("<span class=\"light"), let end = rest.range(of: "</span>") { rest = rest[end.upperBound...] }
            return String(rest.prefix { $0 != "<" }).replacingOccurrences(of: " · ", with: "").trimmingCharacters(in: .whitespaces)
        }
        #expect(titles.count >= 100, "\(titles.count) indicators on the page")
        for title in titles {
            let words = title.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            #expect(words.count >= 2 && words.contains { $0.contains(where: \.isLetter) }, "an indicator titled \"\(title)\"")
        }
        try Self.expectRenderedScreenshots(of: page, in: folder)
    }
}

extension AuditTests {
    /// Triage: the first institution has an error; within each institution no indicator with
    /// findings comes after one without.
    static func expectTriage(_ rendered: String) {
        let institutions = rendered.components(separatedBy: "<section class=\"institution\"").dropFirst()
        #expect(institutions.first?.contains("badge sev-error") == true, "the page opens with errors")
        for institution in institutions {
            let kinds = institution.components(separatedBy: "class=\"indicator").dropFirst().map { $0.hasPrefix(" clean") }
            #expect(kinds == kinds.sorted { !$0 && $1 }, "indicators with findings come first")
        }
    }

    /// The page at desktop and phone widths: a rendered page has text and colours, not one flat colour.
    static func expectRenderedScreenshots(of page: URL, in folder: URL) throws {
        for (width, height, name) in [(1280, 2400, "desktop"), (412, 1600, "phone")] {
            let shot = folder.appendingPathComponent("\(page.deletingPathExtension().lastPathComponent)-\(name).png")
            let screenshot = try Chromium.screenshot(of: page, width: width, height: height, to: shot, profile: folder)
            #expect(screenshot.status == 0, "chromium --screenshot: \(screenshot.stderr)")
            let pixels = try PNGPixels.measure(shot)
            #expect(pixels.width == width && pixels.height == height)
            #expect(pixels.colors >= 16, "\(name): \(pixels.colors) colours")
            #expect(pixels.inked > 0.02, "\(name): ink on at least 2% of the page (\(pixels.inked))")
        }
    }
}

/// The browser, run with a time limit so a stuck browser fails the test instead of hanging it.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let limit: TimeInterval = 120

    static func run(_ executable: String, _ arguments: [String]) throws -> Binary.Result {
        try Binary.run(executable: URL(fileURLWithPath: executable), arguments, limit: limit)
    }

    /// Headless, with a profile of its own in `profile`.
    static func options(profile: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + profile.appendingPathComponent("chromium-profile").path]
    }

    /// The page's DOM once the browser has rendered it.
    static func dom(of page: URL, profile: URL) throws -> String {
        let browser = try #require(path, "chromium is not installed: ./Scripts/test installs it")
        let dom = try run(browser, options(profile: profile) + ["--dump-dom", page.absoluteString])
        #expect(dom.status == 0, "chromium --dump-dom: \(dom.stderr)")
        return String(decoding: dom.stdout, as: UTF8.self)
    }

    static func screenshot(of page: URL, width: Int, height: Int, to shot: URL, profile: URL) throws -> Binary.Result {
        let browser = try #require(path, "chromium is not installed: ./Scripts/test installs it")
        return try run(browser, options(profile: profile) + ["--hide-scrollbars", "--window-size=\(width),\(height)", "--screenshot=" + shot.path, page.absoluteString])
    }
}

/// Decodes a PNG with python3's zlib (scanline filters undone) and measures it: size, the
/// number of distinct colours, and the share of pixels darker than the page's white.
enum PNGPixels {
    struct Measure { var width: Int; var height: Int; var colors: Int; var inked: Double }

    static let script = #"""
        import struct, sys, zlib
        data = open(sys.argv[1], "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
        pos, idat = 8, b""
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            if kind == b"IHDR":
                w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            elif kind == b"IDAT":
                idat += body
            pos += 12 + n
        assert depth == 8 and ctype in (2, 6), "8-bit RGB or RGBA expected"
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        prev, colors, inked = bytearray(stride), set(), 0
        for y in range(h):
            f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 2: line[i] = (line[i] + b) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            for x in range(0, stride, bpp):
                px = bytes(line[x:x + 3])
                colors.add(px)
                if sum(px) < 600: inked += 1
            prev = line
        print(w, h, len(colors), inked / (w * h))
        """#

    static func measure(_ png: URL) throws -> Measure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, png.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let parts = text.split(separator: " ").map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        guard process.terminationStatus == 0, parts.count == 4, let w = Int(parts[0]), let h = Int(parts[1]),
              let colors = Int(parts[2]), let inked = Double(parts[3]) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "cannot decode \(png.path): \(text)"])
        }
        return Measure(width: w, height: h, colors: colors, inked: inked)
    }
}
