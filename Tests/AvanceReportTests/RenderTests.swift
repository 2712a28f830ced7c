import AvanceCore
@testable import AvanceReport
import Foundation
import Testing

/// The renderers over a small report built by hand: every format carries the findings
/// and their evidence, and the page escapes what documents say.
@Suite struct RenderTests {
    static let hostile = "<script>alert(1)</script>"

    static func report(_ language: Language = .en) -> AuditReport {
        let rows = [
            ReportRow(path: "a/T1.txt", year: 2024, quarter: 1, indicatorText: "01 - Talleres", annual: 12, period: 3, achieved: 3, percent: 100),
            ReportRow(path: "a/T3.html", year: 2024, quarter: 3, indicatorText: "01 - Talleres " + hostile, annual: 10, period: 3, achieved: 2, percent: 66.7, findings: 1),
        ]
        let findings = [
            ReportFinding(rule: "annual-target-changed", scope: .crossReport, severity: .warning, message: "The annual target changed from 12 to 10.",
                          year: 2024, quarter: nil, evidence: [
                              SourceSpan(page: nil, line: 9, column: 14, text: "10", path: "a/T3.html"),
                              SourceSpan(page: nil, line: 8, column: 14, text: "12", path: "a/T1.txt"),
                          ]),
            ReportFinding(rule: "confidential-notice", scope: .record, severity: .error, message: "Template residue: " + hostile,
                          year: 2024, quarter: 3, evidence: [SourceSpan(page: 2, line: 4, column: 1, text: hostile, path: "a/T3.html")]),
        ]
        let section = IndicatorSection(
            institution: "Instituto \"de\" Prueba & Co.", program: .init(code: "E001", name: "Programa"), component: nil,
            activity: .init(code: "C01.A01", name: "Talleres"), indicator: .init(code: "01", name: "Talleres " + hostile),
            reports: rows, findings: findings
        )
        return AuditReport(
            generatedAt: "2024-10-01T00:00:00Z", language: language,
            ruleTitles: ["annual-target-changed": language == .es ? "La meta anual cambió entre trimestres" : "Annual target changed between quarters"],
            failures: [FailedFile(path: "b/roto.pdf", reason: "truncated")], indicators: [section]
        )
    }

    @Test func indicatorsOfOneNameAreToldApartByTheirUnit() {
        func audit(_ unit: String, row: Int) -> IndicatorAudit {
            var r = IndicatorRecord(source: .init(path: "poa.pdf", sha256: "0", format: .pdf, row: row))
            r.indicator = .init(code: nil, name: "Cursos", description: nil, evidence: nil)
            r.responsibleUnit = .init(name: unit, acronym: nil)
            return IndicatorAudit(records: [r], findings: [])
        }
        let single = AuditReport([audit("UNIDAD TUXTLA", row: 1)], generatedAt: "2024-10-01T00:00:00Z")
        #expect(single.indicators.map(\.title) == ["Cursos"])
        let two = AuditReport([audit("UNIDAD TUXTLA", row: 1), audit("ACCIÓN MÓVIL SOYALÓ", row: 2)], generatedAt: "2024-10-01T00:00:00Z")
        #expect(two.indicators.map(\.title) == ["Cursos — ACCIÓN MÓVIL SOYALÓ", "Cursos — UNIDAD TUXTLA"])
        // A report that names no indicator is titled by its file's name.
        let unnamed = IndicatorAudit(records: [IndicatorRecord(source: .init(path: "a/b/informe-abr-jun-2019.html", sha256: "0", format: .html))], findings: [])
        #expect(AuditReport([unnamed], generatedAt: "2024-10-01T00:00:00Z").indicators.map(\.title) == ["informe-abr-jun-2019.html"])
    }

    @Test func theSummaryCountsDocumentsRecordsAndFindings() {
        let s = Self.report().summary
        #expect((s.documents, s.records, s.indicators, s.failedFiles) == (2, 2, 1, 1))
        #expect(s.findingsBySeverity.map(\.count) == [1, 1, 0])
        #expect(Set(s.findingsByRule.map(\.rule)) == ["annual-target-changed", "confidential-notice"])
        #expect(Self.report().worstSeverity == .error)
    }

    @Test func thePageEscapesDocumentTextAndHoldsAChart() {
        let html = HTMLReport.render(Self.report())
        #expect(!html.contains(Self.hostile), "document text must never reach the page as markup")
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("<script"), "the page runs no script")
        #expect(!html.contains("src=") && !html.contains("href=\"http"), "nothing is loaded from elsewhere")
        #expect(!html.contains("<link") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("<svg") && html.contains("<rect"))
        #expect(html.contains("name=\"viewport\"") && html.contains("@media print"))
        #expect(html.contains("annual-target-changed") && html.contains("<a href=\"a/T3.html\">a/T3.html</a>, line 9, column 14"))
        #expect(html.contains("a/T3.html</a>, p. 2, line 4, column 1"))
        #expect(html.contains("b/roto.pdf"))
    }

    @Test func anIndicatorWithoutFiguresDrawsNoChart() {
        let rows = [ReportRow(path: "a/T2.html", year: 2019, quarter: 2, indicatorText: "Informe de actividades")]
        let section = IndicatorSection(institution: "CPC", program: nil, component: nil, activity: nil, indicator: nil, reports: rows, findings: [])
        let html = HTMLReport.render(AuditReport(generatedAt: "2024-10-01T00:00:00Z", indicators: [section]))
        #expect(!html.contains("<svg"), "no target and nothing achieved: nothing to draw")
    }

    @Test func textCitesEveryFileOfACrossReportFinding() {
        let text = TextReport.render(Self.report())
        #expect(text.contains("a/T3.html:9:14: warning [annual-target-changed] (cross-report) The annual target changed from 12 to 10."))
        #expect(text.contains("    a/T1.txt line 8:14: \"12\""))
        #expect(text.contains("a/T3.html:p2:4:1: error [confidential-notice]"))
    }

    @Test func jsonRoundTrips() throws {
        let json = try JSONReport.render(Self.report())
        let decoded = try JSONDecoder().decode(AuditReport.self, from: Data(json.utf8))
        #expect(decoded == Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object.keys.contains("year"), "absent values are null, not missing")
    }

    @Test func csvHasOneRowPerFindingQuotedAsRFC4180() {
        let csv = CSVReport.render(Self.report())
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 3)
        #expect(rows[0] == CSVReport.header(.en).joined(separator: ","))
        #expect(rows[1].hasPrefix("warning,annual-target-changed,Annual target changed between quarters,several reports,"))
        #expect(rows[1].contains("\"Instituto \"\"de\"\" Prueba & Co.\""))
        #expect(CSVReport.render(Self.report(), byteOrderMark: true).hasPrefix("\u{FEFF}severity,"))
        let spanish = CSVReport.render(Self.report(.es)).components(separatedBy: "\r\n")
        #expect(spanish[0].hasPrefix("severidad,regla,titulo_regla,alcance,mensaje,institucion,"))
        #expect(spanish[1].hasPrefix("advertencia,annual-target-changed,La meta anual cambió entre trimestres,varios informes,"))
    }

    @Test func thePageSpeaksTheReportsLanguage() {
        let es = HTMLReport.render(Self.report(.es))
        #expect(es.contains("lang=\"es\""))
        for words in ["Auditoría de informes de avance de indicadores", "Hallazgos por regla", "Meta programada", "Meta alcanzada", "advertencia", "Archivos no leídos", "La meta anual cambió entre trimestres", "</a>, pág. 2, línea 4, columna 1"] {
            #expect(es.contains(words), "\(words)")
        }
        for words in ["Findings by rule", "Annual target", ">Reports<", "no findings"] { #expect(!es.contains(words), "\(words)") }
        let en = HTMLReport.render(Self.report(.en))
        #expect(en.contains("lang=\"en\"") && en.contains("Findings by rule") && !en.contains("Hallazgos por regla"))
        let text = TextReport.render(Self.report(.es))
        #expect(text.contains("hallazgos: 1 error, 1 advertencia, 0 informativos"))
    }

    /// Institutions by their worst finding, each one's indicators by theirs; an indicator without
    /// findings folded; each titled by institution, program, activity and indicator.
    @Test func thePageOpensWithWhatNeedsAttention() throws {
        func audit(_ institution: String, _ name: String, _ findings: [Finding], percent: Double? = nil) -> IndicatorAudit {
            var r = IndicatorRecord(source: .init(path: "\(name).txt", sha256: name, format: .text))
            r.reportingInstitution = .init(name: institution, acronym: nil)
            r.program = .init(code: "E001", name: "Programa", evidence: nil)
            r.activity = .init(code: "C01.A01", name: "Talleres", evidence: nil)
            r.indicator = .init(code: nil, name: name, description: nil, evidence: nil)
            r.period = .init(year: 2024, quarter: 3, evidence: nil)
            r.targets.period = 10
            r.targets.achieved = percent.map { $0 / 10 }
            r.findings = findings
            return IndicatorAudit(records: [r], findings: [])
        }
        let error = Finding(rule: "percent-mismatch", severity: .error, message: LocalizedText(es: "mal", en: "wrong"), evidence: [])
        let info = Finding(rule: "ambiguous-date", severity: .info, message: LocalizedText(es: "dudosa", en: "doubtful"), evidence: [])
        let report = AuditReport([
            audit("Instituto A", "Alfa", [info], percent: 95),
            audit("Instituto B", "Beta limpio", [], percent: 50),
            audit("Instituto B", "Gamma", [error], percent: 75),
        ], generatedAt: "2024-10-01T00:00:00Z", options: .init(language: .es, ruleTitles: ["percent-mismatch": LocalizedText(es: "El porcentaje no corresponde a las cifras", en: "x")]))
        #expect(report.indicators.map(\.title) == ["Gamma", "Beta limpio", "Alfa"])
        #expect(report.indicators.map(\.light) == [.yellow, .red, .green])
        let html = HTMLReport.render(report)
        let gamma = try #require(html.range(of: "Gamma")), alfa = try #require(html.range(of: "Alfa"))
        #expect(gamma.lowerBound < alfa.lowerBound)
        #expect(html.contains("<details class=\"indicator clean\" id=\"indicator-2\">"), "the indicator without findings is folded")
        #expect(html.contains("<section class=\"indicator\" id=\"indicator-1\">"))
        #expect(html.contains("Instituto B › Programa E001 Programa › Actividad C01.A01 Talleres"))
        #expect(html.contains("percent-mismatch</code><span class=\"rule-title\"> El porcentaje no corresponde a las cifras"))
        let minimum = AuditReport([audit("Instituto A", "Alfa", [info])], generatedAt: "x", options: .init(minimumSeverity: .warning))
        #expect(minimum.allFindings.isEmpty, "--min-severity leaves out what is below it")
    }

    /// A finding's fingerprint is its rule, its documents' content and its quotes: the same
    /// wherever the document lies; a waived finding is shown apart with its reason, counted nowhere.
    @Test func waivedFindingsStandApartAndNewOnesAreMarked() {
        func audit(path: String, sha: String) -> IndicatorAudit {
            var r = IndicatorRecord(source: .init(path: path, sha256: sha, format: .text))
            r.indicator = .init(code: "01", name: "Talleres", description: nil, evidence: nil)
            r.findings = [
                Finding(rule: "ambiguous-date", severity: .info, message: LocalizedText(es: "dudosa", en: "doubtful"), evidence: [SourceSpan(line: 3, column: 1, text: "05/06/2024", path: nil)]),
                Finding(rule: "percent-mismatch", severity: .error, message: LocalizedText(es: "mal", en: "wrong"), evidence: [SourceSpan(line: 4, column: 1, text: "100%", path: nil)]),
            ]
            return IndicatorAudit(records: [r], findings: [])
        }
        let here = AuditReport([audit(path: "a/x.txt", sha: "s1")], generatedAt: "t")
        let there = AuditReport([audit(path: "b/y.txt", sha: "s1")], generatedAt: "t")
        let changed = AuditReport([audit(path: "a/x.txt", sha: "s2")], generatedAt: "t")
        let prints = { (r: AuditReport) in r.allFindings.map(\.finding.fingerprint) }
        #expect(prints(here) == prints(there) && prints(here) != prints(changed) && Set(prints(here)).count == 2)
        let waived = AuditReport(
            [audit(path: "a/x.txt", sha: "s1")], generatedAt: "t",
            options: .init(language: .es, waivers: [prints(here)[1]: "Revisado <b>con</b> la unidad"], newDocuments: ["s1"])
        )
        #expect(waived.allFindings.map(\.finding.rule) == ["ambiguous-date"] && waived.worstSeverity == .info)
        #expect(waived.indicators[0].waived.map(\.rule) == ["percent-mismatch"])
        #expect(waived.allFindings.allSatisfy { $0.finding.isNew == true })
        let html = HTMLReport.render(waived)
        #expect(html.contains("<details class=\"waived\"><summary>Hallazgos dispensados (1)</summary>"))
        #expect(html.contains("Dispensado: Revisado &lt;b&gt;con&lt;/b&gt; la unidad"))
        #expect(html.contains("<span class=\"badge new\">nuevo</span>"))
    }

    @Test func theTrafficLightFollowsTheThresholdsAndTheDirection() {
        let standard = TrafficLightThresholds()
        #expect([95, 110, 89.9, 70, 69.9, 131].map(standard.light) == [.green, .green, .yellow, .yellow, .red, .red])
        let descending = TrafficLightThresholds(descending: true)
        #expect([100, 105, 120, 140, 50].map(descending.light) == [.green, .green, .yellow, .red, .red])
        let settings = TrafficLightSettings(programs: ["E023": TrafficLightThresholds(green: 95...105, yellow: 80...120)])
        #expect(settings.thresholds(program: "e.023").light(92) == .yellow && settings.thresholds(program: "E001").light(92) == .green)
        #expect(TrafficLightSettings.compliance(percent: nil, achieved: 3, period: 4) == 75)
    }

    @Test func fileLinksAreEncodedAndPointAtThePage() {
        let links = FileLink()
        #expect(links.href("a b/\"x\"<y>.pdf", page: 3) == "a%20b/%22x%22%3Cy%3E.pdf#page=3")
        #expect(links.href("informe.html", page: 3) == "informe.html")
        #expect(links.href("/srv/año.txt") == "file:///srv/a%C3%B1o.txt")
        #expect(FileLink(base: FileLink.fileURL(folder: "/w")).href("a.pdf") == "file:///w/a.pdf")
    }
}

/// The workbook's XML: texts escaped for XML and for SpreadsheetML's own `_xHHHH_` escapes.
@Suite struct WorkbookTests {
    @Test func textsAreEscapedForXMLAndSpreadsheetML() {
        #expect(WorkbookReport.escaped("a < b & \"c\" > d") == "a &lt; b &amp; &quot;c&quot; &gt; d")
        #expect(WorkbookReport.escaped("_x0041_ y _x4_") == "_x005F_x0041_ y _x4_", "what a reader would decode is escaped itself")
        #expect(WorkbookReport.escaped("a\u{0B}b\u{1B}") == "a_x000B_b_x001B_", "control characters XML cannot hold")
        #expect(WorkbookReport.column(1) == "A" && WorkbookReport.column(26) == "Z" && WorkbookReport.column(27) == "AA")
    }

    @Test func theWorkbookIsAZipOfTheTwoSheets() throws {
        let data = try WorkbookReport.render(RenderTests.report(.es))
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(WorkbookReport.findings(RenderTests.report(.es)).name == "Hallazgos")
        #expect(WorkbookReport.indicators(RenderTests.report(.en)).name == "Indicators")
        let sheet = WorkbookReport.worksheet(WorkbookReport.findings(RenderTests.report(.es)))
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:V3\"/>"))
        #expect(!sheet.contains("<script>"), "document text is escaped")
    }
}
