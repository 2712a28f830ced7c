import AvanceCore

/// The audit for a terminal: a summary, then each indicator with its reports and its
/// findings, the findings written as compilers write diagnostics. What it returns has every
/// control character a document or a file name brought shown escaped (`TerminalText`).
public enum TextReport {
    public static func render(_ report: AuditReport) -> String {
        var out: [String] = []
        let s = report.summary
        let counts = s.findingsBySeverity.map { "\($0.count) \($0.severity.rawValue)" }.joined(separator: ", ")
        out.append("avance audit: \(s.documents) document\(s.documents == 1 ? "" : "s"), \(s.records) record\(s.records == 1 ? "" : "s"), \(s.indicators) indicator\(s.indicators == 1 ? "" : "s"); findings: \(counts)")
        if !s.findingsByRule.isEmpty {
            out.append("by rule: " + s.findingsByRule.map { "\($0.rule) \($0.count)" }.joined(separator: ", "))
        }
        if !report.failures.isEmpty {
            out.append("files not read (\(report.failures.count)):")
            out += report.failures.map { "    \($0.path): \($0.reason)" }
        }
        if !report.notReports.isEmpty {
            out.append("files that are not indicator reports (\(report.notReports.count)):")
            out += report.notReports.map { "    \($0.path)" }
        }
        for section in report.indicators {
            out.append("")
            out.append("== " + heading(section))
            for r in section.reports {
                out.append("   \(r.periodName.padding(9))  \(figures(r))  \(r.path)\(r.row.map { " (row \($0))" } ?? "")")
            }
            for f in section.findings { out.append(render(f, fallback: section.reports.first?.path ?? "")) }
        }
        return TerminalText.escaped(out.joined(separator: "\n") + "\n")
    }

    /// `Institution · E001 › C01 › C01.A01 · 01 Name`.
    static func heading(_ s: IndicatorSection) -> String {
        [s.institution, s.place.isEmpty ? nil : s.place, s.title].compactMap { $0 }.joined(separator: " · ")
    }

    static func figures(_ r: ReportRow) -> String {
        var parts = ["annual \(show(r.annual))", "\(r.cumulative ? "cumulative" : "period") \(show(r.period))", "achieved \(show(r.achieved))"]
        if let p = r.percent { parts.append("\(show(p)) %") }
        return parts.joined(separator: ", ")
    }

    /// `file:line:column: severity [rule] message`, then each quote on its own line, as
    /// compilers print diagnostics. A quote in another file than the first names its file.
    /// `fallback` cites a finding without evidence (a missing field): the file, and its row.
    public static func render(_ f: ReportFinding, fallback: String) -> String {
        let place = f.evidence.first?.place ?? fallback
        let scope = f.scope == .crossReport ? " (cross-report)" : ""
        var lines = ["\(place): \(f.severity.rawValue) [\(f.rule)]\(scope) \(f.message)"]
        let home = f.evidence.first?.path
        for e in f.evidence.prefix(8) {
            let quote = e.text.count > 160 ? String(e.text.prefix(157)) + "..." : e.text
            let at = (e.path == home ? "" : (e.path ?? "") + " ") + e.location
            lines.append("    \(at): \"\(quote.replacingOccurrences(of: "\n", with: " "))\"")
        }
        if f.evidence.count > 8 { lines.append("    ... \(f.evidence.count - 8) more") }
        return TerminalText.escaped(lines.joined(separator: "\n"))
    }

    /// A record's finding, as `check` and `findings` print it.
    public static func render(_ f: Finding, path: String, row: Int?) -> String {
        render(ReportFinding(f, scope: .record, path: path, year: nil, quarter: nil), fallback: path + (row.map { " (row \($0))" } ?? ""))
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
