import AvanceCore
import Foundation
import Plot

/// The audit as one self-contained web page: no script, no external style, font or image;
/// readable on a phone (the layout narrows to one column, wide tables scroll inside their
/// box) and printable (no colours needed, sections kept whole where they fit).
///
/// It opens with what needs attention: institutions by their worst finding, each with its
/// indicators by theirs; an indicator without findings is folded (`<details>`). Every label
/// is in the report's language (`Words`).
///
/// Every text that comes from a document goes through Plot's `.text`, which escapes `<`,
/// `>` and `&`; such text is never put in an attribute, whose values Plot writes as they
/// are, except a file's link, which is percent-encoded (`FileLink`).
public enum HTMLReport {
    /// `links` makes each file's link; `context` finds the sentence around a quote.
    public static func render(_ report: AuditReport, links: FileLink = FileLink(), context: EvidenceContext? = nil) -> String {
        let w = Words(report.language)
        let page = Page(report: report, w: w, links: links, context: context)
        let html = HTML(
            .attribute(named: "lang", value: report.language.rawValue),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: w("Auditoría de avance de indicadores", "avance audit")),
                .style(css)
            ),
            .body(
                .header(
                    .h1(.text(w("Auditoría de informes de avance de indicadores", "Audit of indicator reports"))),
                    .p(.class("meta"), .text(page.metaLine))
                ),
                .main(
                    page.summary(),
                    .forEach(page.institutions.enumerated()) { k, group in page.institution(group, index: k) }
                ),
                .footer(.p(.text(w(
                    "Elaborado con avance. Cada hallazgo cita su evidencia con archivo, página y línea.",
                    "Made by avance. Each finding quotes its evidence with file, page and line."
                ))))
            )
        )
        // Not indented: white space between the parts of a quote in its sentence would show.
        return html.render() + "\n"
    }

    static func metaLine(_ report: AuditReport) -> String { Page(report: report, w: Words(report.language), links: FileLink(), context: nil).metaLine }
}

/// How the page links a file: a path relative to the page (`base` the way from the page's
/// folder to the current folder, empty when they are one) or absolute (`file://`), PDF
/// files at their page (`#page=N`). Every byte but letters, digits and `/-._~` is
/// percent-encoded, so a link can never close its attribute.
public struct FileLink: Sendable {
    public var base: String

    public init(base: String = "") { self.base = base }

    public func href(_ path: String, page: Int? = nil) -> String {
        let target = path.hasPrefix("/") ? "file://" + Self.encode(path) : base + Self.encode(path)
        guard let page, path.lowercased().hasSuffix(".pdf") else { return target }
        return target + "#page=\(page)"
    }

    /// `file:///srv/avances/`: the base of links from a page written elsewhere.
    public static func fileURL(folder: String) -> String {
        "file://" + encode(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func encode(_ s: String) -> String {
        var out = ""
        for byte in FileName.system(s).dropLast().map({ UInt8(bitPattern: $0) }) {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80 && (c.isLetter || c.isNumber || "/-._~".contains(c)) { out.append(c) } else { out += String(format: "%%%02X", byte) }
        }
        return out
    }
}

/// One rendering of a report: its groups and its words.
struct Page {
    let report: AuditReport
    let w: Words
    let links: FileLink
    let context: EvidenceContext?

    /// Indicators by institution, in the report's order (worst first).
    var institutions: [(name: String?, indicators: [(index: Int, section: IndicatorSection)])] {
        var groups: [(name: String?, indicators: [(index: Int, section: IndicatorSection)])] = []
        for (k, s) in report.indicators.enumerated() {
            if let last = groups.indices.last, groups[last].name == s.institution {
                groups[last].indicators.append((k, s))
            } else {
                groups.append((s.institution, [(k, s)]))
            }
        }
        return groups
    }

    var metaLine: String {
        var parts = [w("Generado el", "Generated") + " \(report.generatedAt)"]
        if let db = report.database { parts.append(w("base de datos", "database") + " \(db)") }
        if let year = report.year { parts.append(w("ejercicio fiscal", "year") + " \(year)") }
        if let program = report.program { parts.append(w("programa", "program") + " \(program)") }
        if let s = report.minimumSeverity, s != .info { parts.append(w("hallazgos desde", "findings from") + " \(w.severity(s))") }
        return parts.joined(separator: " · ")
    }

    func title(of rule: String) -> String? { report.title(of: rule) }

    // MARK: summary

    func summary() -> Node<HTML.BodyContext> {
        let s = report.summary
        let lights = TrafficLight.allCases.reversed().map { l in (l, report.indicators.filter { $0.light == l }.count) }
        return .section(
            .class("summary"),
            .h2(.text(w("Resumen", "Summary"))),
            .ul(
                .class("counts"),
                .li(.text(w.count(s.documents, "documento", "documentos", "document", "documents"))),
                .li(.text(w.count(s.records, "registro", "registros", "record", "records"))),
                .li(.text(w.count(s.indicators, "indicador", "indicadores", "indicator", "indicators"))),
                .forEach(s.findingsBySeverity) { c in .li(.class("sev-\(c.severity.rawValue)"), .text(w.severityCount(c.severity, c.count))) }
            ),
            .if(report.indicators.contains { !$0.waived.isEmpty } || report.allFindings.contains { $0.finding.isNew != nil }, .ul(
                .class("counts"),
                .li(.text(w.count(report.indicators.map(\.waived.count).reduce(0, +), "hallazgo dispensado", "hallazgos dispensados", "waived finding", "waived findings"))),
                .if(report.allFindings.contains { $0.finding.isNew != nil }, .li(.class("new"), .text(
                    w.count(report.allFindings.filter { $0.finding.isNew == true }.count, "hallazgo nuevo", "hallazgos nuevos", "new finding", "new findings")
                        + (report.sinceRun.map { w(" desde la ejecución \($0)", " since run \($0)") } ?? "")
                )))
            )),
            .ul(
                .class("counts lights"),
                .li(.text(w("Semáforo:", "Traffic light:"))),
                .forEach(lights) { l, n in .li(.class("light-\(l.rawValue)"), .text(w.lightCount(l, n))) }
            ),
            .if(!s.findingsByRule.isEmpty, .div(
                .class("scroll"),
                .table(
                    .class("rules"),
                    .caption(.text(w("Hallazgos por regla", "Findings by rule"))),
                    .thead(.tr(.th(.text(w("Regla", "Rule"))), .th(.text(w("Revisa", "Checks"))), .th(.class("num"), .text(w("Hallazgos", "Findings"))))),
                    .tbody(.forEach(s.findingsByRule) { r in
                        .tr(.td(.code(.text(r.rule)), .unwrap(title(of: r.rule)) { .span(.class("rule-title"), .text(" " + $0)) }),
                            .td(.text(w.scope(r.scope))), .td(.class("num"), .text(String(r.count))))
                    })
                )
            )),
            .if(!report.failures.isEmpty, .group(
                .h3(.text(w("Archivos no leídos", "Files not read") + " (\(report.failures.count))")),
                .ul(.class("failures"), .forEach(report.failures) { f in
                    .li(.code(.text(f.path)), .text(": \(f.reason)"))
                })
            )),
            .if(!report.notReports.isEmpty, .group(
                .h3(.text(w("Archivos que no son informes de indicadores", "Files that are not indicator reports") + " (\(report.notReports.count))")),
                .ul(.class("not-reports"), .forEach(report.notReports) { f in .li(.code(.text(f.path))) })
            )),
            .h3(.text(w("Por atender", "What needs attention"))),
            .ol(.class("toc"), .forEach(institutions) { group in
                .li(
                    .class("toc-institution"),
                    .strong(.text(group.name ?? w("Institución no identificada", "Institution not identified"))),
                    .ol(.forEach(group.indicators) { item in
                        .li(
                            .class(item.section.findings.isEmpty ? "toc-clean" : "toc-attention"),
                            .unwrap(item.section.light) { lightDot($0) },
                            .a(.href("#indicator-\(item.index + 1)"), .text(item.section.title)),
                            .text(" "),
                            badges(item.section)
                        )
                    })
                )
            })
        )
    }

    func lightDot(_ l: TrafficLight) -> Node<HTML.BodyContext> {
        .span(.class("light light-\(l.rawValue)"), .attribute(named: "title", value: w("Semáforo", "Traffic light") + ": " + w.light(l)), .text(w.light(l)))
    }

    func badges(_ section: IndicatorSection) -> Node<HTML.BodyContext> {
        let counts = Severity.allCases.reversed().map { ($0, section.count($0)) }.filter { $0.1 > 0 }
        if counts.isEmpty { return .span(.class("badge ok"), .text(w("sin hallazgos", "no findings"))) }
        return .forEach(counts) { severity, n in .span(.class("badge sev-\(severity.rawValue)"), .text(w.severityCount(severity, n))) }
    }

    // MARK: institutions and indicators

    func institution(_ group: (name: String?, indicators: [(index: Int, section: IndicatorSection)]), index: Int) -> Node<HTML.BodyContext> {
        .section(
            .class("institution"),
            .id("institution-\(index + 1)"),
            .h2(.text(group.name ?? w("Institución no identificada", "Institution not identified"))),
            .forEach(group.indicators) { item in
                item.section.findings.isEmpty ? folded(item.section, index: item.index) : indicator(item.section, index: item.index)
            }
        )
    }

    /// `Programa E001 Nombre › Actividad C01.A01 Nombre › Unidad`.
    func trail(_ s: IndicatorSection) -> [String] {
        var parts: [String] = []
        if let p = s.program, !p.label.isEmpty { parts.append(w("Programa", "Program") + " " + p.label) }
        if let c = s.component, !c.label.isEmpty { parts.append(w("Componente", "Component") + " " + c.label) }
        if let a = s.activity, !a.label.isEmpty { parts.append(w("Actividad", "Activity") + " " + a.label) }
        if let u = s.responsibleUnit { parts.append(w("Unidad responsable", "Responsible unit") + ": " + u) }
        return parts
    }

    func heading(_ s: IndicatorSection) -> [Node<HTML.BodyContext>] {
        [
            .p(.class("trail"), .text(([s.institution].compactMap { $0 } + trail(s)).joined(separator: " › "))),
            .h3(.class("indicator-title"), .unwrap(s.light) { lightDot($0) }, .text(" " + s.title), .text(" "), badges(s)),
        ]
    }

    func folded(_ s: IndicatorSection, index: Int) -> Node<HTML.BodyContext> {
        .element(named: "details", nodes: [
            .class("indicator clean"),
            .id("indicator-\(index + 1)"),
            .element(named: "summary", nodes: [
                .unwrap(s.light) { lightDot($0) },
                .text(" " + s.title + " · "),
                .span(.class("trail"), .text(([s.institution].compactMap { $0 } + trail(s)).joined(separator: " › "))),
                .text(" "),
                badges(s),
            ]),
            body(s),
        ])
    }

    func indicator(_ s: IndicatorSection, index: Int) -> Node<HTML.BodyContext> {
        .section(
            .class("indicator"),
            .id("indicator-\(index + 1)"),
            .group(heading(s)),
            body(s)
        )
    }

    func body(_ s: IndicatorSection) -> Node<HTML.BodyContext> {
        .group(
            .div(.class("charts"), .forEach(s.years.filter { Chart.hasFigures(s, year: $0) }) { year in
                Chart.figure(s, year: year, faults: faults(s, year: year), words: w)
            }),
            .div(
                .class("scroll"),
                .table(
                    .class("reports"),
                    .caption(.text(w("Informes", "Reports"))),
                    .thead(.tr(
                        .th(.text(w("Periodo", "Period"))), .th(.text(w("Archivo", "File"))), .th(.text(w("Indicador como se escribe", "Indicator as written"))),
                        .th(.class("num"), .text(w("Meta anual", "Annual"))), .th(.class("num"), .text(w("Meta programada", "Target"))),
                        .th(.class("num"), .text(w("Meta alcanzada", "Achieved"))), .th(.class("num"), .text("%")),
                        .th(.text(w("Semáforo", "Light"))), .th(.class("num"), .text(w("Hallazgos", "Findings")))
                    )),
                    .tbody(.forEach(s.reports) { r in
                        .tr(
                            .td(.class("period"), .text(r.periodName(w.language))),
                            .td(.class("file"), .a(.href(links.href(r.path)), .code(.text(r.path + (r.row.map { w(" (renglón \($0))", " (row \($0))") } ?? ""))))),
                            .td(.text(r.indicatorText ?? "–")),
                            .td(.class("num"), .text(show(r.annual))),
                            .td(.class("num"), .text(show(r.period) + (r.cumulative ? w(" (acumulada)", " (cumulative)") : ""))),
                            .td(.class("num"), .text(show(r.achieved))),
                            .td(.class("num"), .text(r.compliance.map { show(($0 * 10).rounded() / 10) + " %" } ?? "–")),
                            .td(.unwrap(r.light) { lightDot($0) }),
                            .td(.class("num"), .text(String(r.findings)))
                        )
                    })
                )
            ),
            .h4(.text(w("Hallazgos", "Findings") + " (\(s.findings.count))")),
            .if(s.findings.isEmpty, .p(.class("none"), .text(w("Sin hallazgos.", "No findings."))),
                else: .ol(.class("findings"), .forEach(s.findings) { f in finding(f) })),
            .if(!s.waived.isEmpty, .element(named: "details", nodes: [
                .class("waived"),
                .element(named: "summary", nodes: [.text(w("Hallazgos dispensados", "Waived findings") + " (\(s.waived.count))")]),
                .ol(.class("findings"), .forEach(s.waived) { f in finding(f) }),
            ]))
        )
    }

    /// The quarters of a year its findings are about: a record's own quarter, and each report a
    /// cross-report finding quotes.
    func faults(_ s: IndicatorSection, year: Int) -> Set<Int> {
        Set(s.reports.filter { r in r.year == year && s.findings.contains { s.finding($0, concerns: r) } }.compactMap(\.quarter))
    }

    func finding(_ f: ReportFinding) -> Node<HTML.ListContext> {
        .li(
            .class("finding sev-\(f.severity.rawValue)"),
            .p(
                .class("head"),
                .span(.class("badge sev-\(f.severity.rawValue)"), .text(w.severity(f.severity))),
                .text(" "),
                .code(.class("rule"), .text(f.rule)),
                .unwrap(title(of: f.rule)) { .span(.class("rule-title"), .text(" " + $0)) },
                .if(f.scope == .crossReport, .span(.class("scope"), .text(w(" · entre informes", " · across reports")))),
                .unwrap(f.quarter.flatMap { q in f.year.map { w.quarter($0, q) } }) { .span(.class("scope"), .text(" · " + $0)) },
                .if(f.isNew == true, .span(.class("badge new"), .text(w("nuevo", "new")))),
                .if(!f.fingerprint.isEmpty, .span(.class("fingerprint"), .text(w(" · huella ", " · fingerprint ")), .code(.text(f.fingerprint))))
            ),
            .unwrap(f.waiver) { .p(.class("waiver"), .text(w("Dispensado: ", "Waived: ") + $0)) },
            .p(.class("message"), .text(f.message)),
            .if(!f.evidence.isEmpty, .ul(.class("evidence"), .forEach(f.evidence) { e in
                .li(
                    quote(e),
                    .element(named: "cite", nodes: [
                        .a(.href(links.href(e.path ?? "", page: e.page)), .text(e.path ?? "")),
                        .text(", " + w.place(e)),
                    ])
                )
            }))
        )
    }

    /// The quote in its sentence, the quote itself marked; the quote alone where the sentence
    /// cannot be read.
    func quote(_ e: SourceSpan) -> Node<HTML.BodyContext> {
        guard let sentence = context?.sentence(e) else { return .element(named: "q", text: e.text) }
        return .element(named: "q", nodes: [
            .class("in-context"), .text(sentence.before), .element(named: "mark", text: sentence.quote), .text(sentence.after),
        ])
    }
}

extension HTMLReport {
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
        .lights li:first-child { border: none; padding-left: 0; }
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
        .trail { color: var(--muted); font-size: 0.88rem; margin: 0; overflow-wrap: anywhere; }
        h4 { font-size: 1rem; margin: 0.8rem 0 0.3rem; }
        .rule-title { color: #16181d; font-weight: 400; }
        .light { display: inline-block; min-width: 1.1rem; border-radius: 0.6rem; padding: 0 0.45rem; font-size: 0.78rem; color: #fff; }
        .light-green { background: #2e7d32; } .light-yellow { background: #c99700; color: #16181d; } .light-red { background: #c62828; }
        .lights li.light-green, .lights li.light-yellow, .lights li.light-red { background: none; color: inherit; }
        details.indicator { border-top: 1px solid var(--line); padding: 0.5rem 0; }
        details.indicator > summary { cursor: pointer; overflow-wrap: anywhere; }
        details.indicator > summary .trail { display: inline; }
        section.institution > h2 { font-size: 1.35rem; }
        section.indicator { border-top: 1px solid var(--line); }
        .toc .toc-institution { margin: 0.4rem 0; } .toc ol { padding-left: 1.2rem; }
        .toc-clean a { color: var(--muted); }
        .badge.new { background: #6a1b9a; margin-left: 0.3rem; } .fingerprint { color: var(--muted); font-size: 0.8rem; }
        .waiver { color: var(--ok); font-style: italic; } details.waived > summary { cursor: pointer; color: var(--muted); margin-top: 0.5rem; }
        .evidence q.in-context mark { background: #ffe08a; padding: 0 0.1rem; }
        .fault { fill: #fdecea; } .fault-mark { font-size: 11px; fill: var(--error); font-weight: 700; }
        .axis-title { font-size: 10px; fill: var(--muted); }
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
            details.indicator > summary { list-style: none; }
            figure, table, .finding { break-inside: avoid; }
            .scroll { overflow: visible; }
        }
        """
}
