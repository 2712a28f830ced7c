import AvanceCore

/// The audit for a terminal: a summary, then each indicator with its reports and its
/// findings, the findings written as compilers write diagnostics, in the report's language
/// (the severity keyword, `error`, `warning` or `info`, stays as editors read it). What it
/// returns has every control character a document or a file name brought shown escaped
/// (`TerminalText`).
public enum TextReport {
    public static func render(_ report: AuditReport) -> String {
        let w = Words(report.language)
        var out: [String] = []
        let s = report.summary
        let counts = s.findingsBySeverity.map { w.severityCount($0.severity, $0.count) }.joined(separator: ", ")
        out.append("avance audit: " + [
            w.count(s.documents, "documento", "documentos", "document", "documents"),
            w.count(s.records, "registro", "registros", "record", "records"),
            w.count(s.indicators, "indicador", "indicadores", "indicator", "indicators"),
        ].joined(separator: ", ") + w("; hallazgos: ", "; findings: ") + counts)
        let lights = TrafficLight.allCases.reversed().map { l in w.lightCount(l, report.indicators.filter { $0.light == l }.count) }
        out.append(w("semáforo: ", "traffic light: ") + lights.joined(separator: ", "))
        if !s.findingsByRule.isEmpty {
            out.append(w("por regla: ", "by rule: ") + s.findingsByRule.map { "\($0.rule) \($0.count)" }.joined(separator: ", "))
        }
        if !report.failures.isEmpty {
            out.append(w("archivos no leídos", "files not read") + " (\(report.failures.count)):")
            out += report.failures.map { "    \($0.path): \($0.reason)" }
        }
        if !report.notReports.isEmpty {
            out.append(w("archivos que no son informes de indicadores", "files that are not indicator reports") + " (\(report.notReports.count)):")
            out += report.notReports.map { "    \($0.path)" }
        }
        for section in report.indicators {
            out.append("")
            out.append("== " + heading(section) + (section.light.map { " [\(w("semáforo", "light")) \(w.light($0))]" } ?? ""))
            for r in section.reports {
                out.append("   \(r.periodName(w.language).padding(9))  \(figures(r, w))  \(r.path)\(r.row.map { w(" (renglón \($0))", " (row \($0))") } ?? "")")
            }
            for f in section.findings { out.append(render(f, fallback: section.reports.first?.path ?? "", language: report.language)) }
            for f in section.waived {
                out.append("   " + w("dispensado", "waived") + " [\(f.rule)] \(f.fingerprint): \(f.waiver ?? "")")
            }
        }
        return TerminalText.escaped(out.joined(separator: "\n") + "\n")
    }

    /// `Institution · E001 › C01 › C01.A01 · 01 Name`.
    static func heading(_ s: IndicatorSection) -> String {
        [s.institution, s.place.isEmpty ? nil : s.place, s.title].compactMap { $0 }.joined(separator: " · ")
    }

    static func figures(_ r: ReportRow, _ w: Words) -> String {
        var parts = [
            w("meta anual", "annual") + " \(show(r.annual))",
            (r.cumulative ? w("meta acumulada", "cumulative") : w("meta del periodo", "period")) + " \(show(r.period))",
            w("alcanzada", "achieved") + " \(show(r.achieved))",
        ]
        if let p = r.percent { parts.append("\(show(p)) %") }
        if let l = r.light { parts.append(w("semáforo", "light") + " " + w.light(l)) }
        return parts.joined(separator: ", ")
    }

    /// `file:line:column: severity [rule] message`, then each quote on its own line, as
    /// compilers print diagnostics. A quote in another file than the first names its file.
    /// `fallback` cites a finding without evidence (a missing field): the file, and its row.
    public static func render(_ f: ReportFinding, fallback: String, language: Language = .en) -> String {
        let w = Words(language)
        let place = f.evidence.first?.place ?? fallback
        let scope = f.scope == .crossReport ? w(" (entre informes)", " (cross-report)") : ""
        let new = f.isNew == true ? w(" (nuevo)", " (new)") : ""
        var lines = ["\(place): \(f.severity.rawValue) [\(f.rule)]\(scope)\(new) \(f.message)"]
        let home = f.evidence.first?.path
        for e in f.evidence.prefix(8) {
            let quote = e.text.count > 160 ? String(e.text.prefix(157)) + "..." : e.text
            let at = (e.path == home ? "" : (e.path ?? "") + " ") + w.location(e)
            lines.append("    \(at): \"\(quote.replacingOccurrences(of: "\n", with: " "))\"")
        }
        if f.evidence.count > 8 { lines.append("    ... " + w("\(f.evidence.count - 8) más", "\(f.evidence.count - 8) more")) }
        if !f.fingerprint.isEmpty { lines.append("    " + w("huella", "fingerprint") + " \(f.fingerprint)") }
        return TerminalText.escaped(lines.joined(separator: "\n"))
    }

    /// A record's finding, as `check` and `findings` print it.
    public static func render(_ f: Finding, path: String, row: Int?, language: Language = .en) -> String {
        let w = Words(language)
        return render(
            ReportFinding(f, scope: .record, path: path, year: nil, quarter: nil, language: language),
            fallback: path + (row.map { w(" (renglón \($0))", " (row \($0))") } ?? ""), language: language
        )
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
