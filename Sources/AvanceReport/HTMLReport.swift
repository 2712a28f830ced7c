import AvanceCore
import Plot

/// The audit as one self-contained web page: no script, no external style, font or image;
/// readable on a phone (the layout narrows to one column, wide tables scroll inside their
/// box) and printable (no colours needed, sections kept whole where they fit).
///
/// Every text that comes from a document goes through Plot's `.text`, which escapes `<`,
/// `>` and `&`; such text is never put in an attribute, whose values Plot writes as they are.
public enum HTMLReport {
    public static func render(_ report: AuditReport) -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: "avance audit"),
                .style(css)
            ),
            .body(
                .header(
                    .h1("Audit of indicator reports"),
                    .p(.class("meta"), .text(metaLine(report)))
                ),
                .main(
                    summary(report),
                    .forEach(report.indicators.enumerated()) { index, section in
                        indicator(section, index: index)
                    }
                ),
                .footer(.p(.text("Made by avance. Each finding quotes its evidence with file, page and line.")))
            )
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }

    static func metaLine(_ report: AuditReport) -> String {
        var parts = ["Generated \(report.generatedAt)"]
        if let db = report.database { parts.append("database \(db)") }
        if let year = report.year { parts.append("year \(year)") }
        if let program = report.program { parts.append("program \(program)") }
        return parts.joined(separator: " · ")
    }

    // MARK: summary

    static func summary(_ report: AuditReport) -> Node<HTML.BodyContext> {
        let s = report.summary
        return .section(
            .class("summary"),
            .h2("Summary"),
            .ul(
                .class("counts"),
                .li(.strong(.text(String(s.documents))), .text(s.documents == 1 ? " document" : " documents")),
                .li(.strong(.text(String(s.records))), .text(s.records == 1 ? " record" : " records")),
                .li(.strong(.text(String(s.indicators))), .text(s.indicators == 1 ? " indicator" : " indicators")),
                .forEach(s.findingsBySeverity) { c in
                    .li(.class("sev-\(c.severity.rawValue)"), .strong(.text(String(c.count))), .text(" \(c.severity.rawValue)\(c.count == 1 ? "" : "s")"))
                }
            ),
            .if(!s.findingsByRule.isEmpty, .div(
                .class("scroll"),
                .table(
                    .class("rules"),
                    .caption("Findings by rule"),
                    .thead(.tr(.th("Rule"), .th("Applies to"), .th(.class("num"), .text("Findings")))),
                    .tbody(.forEach(s.findingsByRule) { r in
                        .tr(.td(.code(.text(r.rule))), .td(.text(r.scope == .crossReport ? "several reports" : "one report")),
                            .td(.class("num"), .text(String(r.count))))
                    })
                )
            )),
            .if(!report.failures.isEmpty, .group(
                .h3(.text("Files not read (\(report.failures.count))")),
                .ul(.class("failures"), .forEach(report.failures) { f in
                    .li(.code(.text(f.path)), .text(": \(f.reason)"))
                })
            )),
            .if(!report.notReports.isEmpty, .group(
                .h3(.text("Files that are not indicator reports (\(report.notReports.count))")),
                .ul(.class("not-reports"), .forEach(report.notReports) { f in .li(.code(.text(f.path))) })
            )),
            .h3("Indicators"),
            .ol(.class("toc"), .forEach(report.indicators.enumerated()) { index, section in
                .li(
                    .a(.href("#indicator-\(index + 1)"), .text(section.title)),
                    .text(" "),
                    badges(section)
                )
            })
        )
    }

    static func badges(_ section: IndicatorSection) -> Node<HTML.BodyContext> {
        let counts = Severity.allCases.reversed().map { ($0, section.count($0)) }.filter { $0.1 > 0 }
        if counts.isEmpty { return .span(.class("badge ok"), .text("no findings")) }
        return .forEach(counts) { severity, n in
            .span(.class("badge sev-\(severity.rawValue)"), .text("\(n) \(severity.rawValue)\(n == 1 ? "" : "s")"))
        }
    }

    // MARK: one indicator

    static func indicator(_ s: IndicatorSection, index: Int) -> Node<HTML.BodyContext> {
        .section(
            .class("indicator"),
            .id("indicator-\(index + 1)"),
            .h2(.text(s.title)),
            .p(.class("place"), .text([s.institution, s.place.isEmpty ? nil : s.place].compactMap { $0 }.joined(separator: " · "))),
            .div(.class("levels"), .dl(
                .unwrap(s.program) { .group(.dt("Program"), .dd(.text($0.label))) },
                .unwrap(s.component) { .group(.dt("Component"), .dd(.text($0.label))) },
                .unwrap(s.activity) { .group(.dt("Activity"), .dd(.text($0.label))) },
                .unwrap(s.indicator) { .group(.dt("Indicator"), .dd(.text($0.label))) }
            )),
            .div(.class("charts"), .forEach(s.years.filter { Chart.hasFigures(s, year: $0) }) { year in Chart.figure(s, year: year) }),
            .div(
                .class("scroll"),
                .table(
                    .class("reports"),
                    .caption("Reports"),
                    .thead(.tr(
                        .th("Period"), .th("File"), .th("Indicator as written"), .th(.class("num"), .text("Annual")),
                        .th(.class("num"), .text("Target")), .th(.class("num"), .text("Achieved")),
                        .th(.class("num"), .text("%")), .th(.class("num"), .text("Findings"))
                    )),
                    .tbody(.forEach(s.reports) { r in
                        .tr(
                            .td(.class("period"), .text(r.periodName)),
                            .td(.class("file"), .code(.text(r.path + (r.row.map { " (row \($0))" } ?? "")))),
                            .td(.text(r.indicatorText ?? "–")),
                            .td(.class("num"), .text(show(r.annual))),
                            .td(.class("num"), .text(show(r.period) + (r.cumulative ? " (cumulative)" : ""))),
                            .td(.class("num"), .text(show(r.achieved))),
                            .td(.class("num"), .text(r.percent.map { show($0) + " %" } ?? "–")),
                            .td(.class("num"), .text(String(r.findings)))
                        )
                    })
                )
            ),
            .h3(.text("Findings (\(s.findings.count))")),
            .if(s.findings.isEmpty, .p(.class("none"), .text("No findings.")),
                else: .ol(.class("findings"), .forEach(s.findings) { f in finding(f) }))
        )
    }

    static func finding(_ f: ReportFinding) -> Node<HTML.ListContext> {
        .li(
            .class("finding sev-\(f.severity.rawValue)"),
            .p(
                .class("head"),
                .span(.class("badge sev-\(f.severity.rawValue)"), .text(f.severity.rawValue)),
                .text(" "),
                .code(.class("rule"), .text(f.rule)),
                .if(f.scope == .crossReport, .span(.class("scope"), .text(" across reports"))),
                .unwrap(f.quarter.flatMap { q in f.year.map { "\($0) Q\(q)" } }) { .span(.class("scope"), .text(" · " + $0)) }
            ),
            .p(.class("message"), .text(f.message)),
            .if(!f.evidence.isEmpty, .ul(.class("evidence"), .forEach(f.evidence) { e in
                .li(
                    .element(named: "q", text: e.text),
                    .element(named: "cite", nodes: [.text("\(e.path ?? ""), \(e.page.map { "p. \($0), " } ?? "")line \(e.line), column \(e.column)")])
                )
            }))
        )
    }

    // MARK: style

    static let css = """
        :root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fae; --ok: #2e6b30; --line: #d0d4da; --muted: #5b6470; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 62rem; padding: 1rem; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #16181d; background: #fff; }
        h1 { font-size: 1.6rem; margin: 0.2rem 0; }
        h2 { font-size: 1.25rem; margin: 0 0 0.3rem; overflow-wrap: anywhere; }
        h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
        .meta, .place, footer { color: var(--muted); font-size: 0.9rem; overflow-wrap: anywhere; }
        section { border-top: 2px solid var(--line); padding: 1rem 0; }
        .counts { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0; }
        .counts li { border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.3rem 0.7rem; }
        .counts li.sev-error { border-color: var(--error); } .counts li.sev-warning { border-color: var(--warning); } .counts li.sev-info { border-color: var(--info); }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.92rem; }
        caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        td code { overflow-wrap: anywhere; } td.file { min-width: 16rem; } td.period { white-space: nowrap; }
        .num { text-align: right; white-space: nowrap; }
        .badge { display: inline-block; border-radius: 0.7rem; padding: 0 0.5rem; font-size: 0.8rem; color: #fff; background: var(--muted); margin-right: 0.2rem; }
        .badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); } .badge.sev-info { background: var(--info); } .badge.ok { background: var(--ok); }
        .toc li { margin: 0.15rem 0; }
        .levels dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.4rem 0; font-size: 0.92rem; }
        .levels dt { color: var(--muted); } .levels dd { margin: 0; overflow-wrap: anywhere; }
        .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
        figure { margin: 0.5rem 0; width: 100%; max-width: 26rem; }
        figure svg { width: 100%; height: auto; display: block; }
        figcaption { font-size: 0.85rem; color: var(--muted); }
        .bar-target { fill: #c9d3e3; stroke: #50627e; stroke-width: 1; } .bar-achieved { fill: #2f5597; }
        .axis { stroke: #50627e; stroke-width: 1; } .grid { stroke: var(--line); stroke-dasharray: 3 3; } .goal { stroke: #8a5a00; stroke-width: 1.5; stroke-dasharray: 6 3; }
        .label { font-size: 11px; fill: #16181d; } .value { font-size: 10px; fill: #16181d; } .absent { font-size: 10px; fill: var(--muted); }
        .findings { padding-left: 1.3rem; }
        .finding { margin: 0.6rem 0; padding-left: 0.5rem; border-left: 4px solid var(--muted); break-inside: avoid; }
        .finding.sev-error { border-color: var(--error); } .finding.sev-warning { border-color: var(--warning); } .finding.sev-info { border-color: var(--info); }
        .finding p { margin: 0.15rem 0; }
        .rule { font-weight: 600; } .scope { color: var(--muted); font-size: 0.88rem; }
        .evidence { margin: 0.2rem 0; padding-left: 1rem; font-size: 0.92rem; }
        .evidence q { display: block; white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f5f8; padding: 0.1rem 0.4rem; quotes: "“" "”"; }
        .evidence cite { display: block; color: var(--muted); font-style: normal; font-size: 0.85rem; overflow-wrap: anywhere; }
        .none { color: var(--ok); }
        @media (max-width: 40rem) {
            body { padding: 0.6rem; font-size: 15px; }
            h1 { font-size: 1.3rem; }
            .levels dl { grid-template-columns: 1fr; } .levels dd { margin-bottom: 0.3rem; }
            td.file { min-width: 11rem; }
        }
        @media print {
            body { max-width: none; padding: 0; font-size: 11pt; }
            a { color: inherit; text-decoration: none; }
            section.indicator { break-before: auto; }
            figure, table, .finding { break-inside: avoid; }
            .scroll { overflow: visible; }
        }
        """
}
