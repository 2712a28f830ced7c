import AvanceCore
import AvanceReport
import Foundation
import Testing

/// The renderers over a small report built by hand: every format carries the findings
/// and their evidence, and the page escapes what documents say.
@Suite struct RenderTests {
    static let hostile = "<script>alert(1)</script>"

    static func report() -> AuditReport {
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
        return AuditReport(generatedAt: "2024-10-01T00:00:00Z", failures: [FailedFile(path: "b/roto.pdf", reason: "truncated")], indicators: [section])
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
        #expect(html.contains("annual-target-changed") && html.contains("a/T3.html, line 9, column 14"))
        #expect(html.contains("a/T3.html, p. 2, line 4, column 1"))
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
        #expect(rows[0] == CSVReport.header.joined(separator: ","))
        #expect(rows[1].hasPrefix("warning,annual-target-changed,cross-report,"))
        #expect(rows[1].contains("\"Instituto \"\"de\"\" Prueba & Co.\""))
        #expect(CSVReport.render(Self.report(), byteOrderMark: true).hasPrefix("\u{FEFF}severity,"))
    }
}
