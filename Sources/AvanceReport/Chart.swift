import AvanceCore
import Plot

/// A small inline SVG chart of one indicator's year: for each quarter the target and what
/// was achieved, side by side, the quarters a finding is about marked. Drawn from numbers
/// only; the labels are the chart's own, in the report's language.
enum Chart {
    static let width = 360.0, height = 206.0
    static let left = 46.0, right = 8.0, top = 20.0, bottom = 52.0

    /// Whether a year's reports state any figure to draw (a target or what was achieved): an
    /// indicator without them gets no chart, rather than an empty one.
    static func hasFigures(_ s: IndicatorSection, year: Int) -> Bool {
        s.reports.contains { $0.year == year && ($0.period != nil || $0.achieved != nil || $0.annual != nil) }
    }

    static func figure(_ s: IndicatorSection, year: Int, faults: Set<Int> = [], words w: Words = Words(.en)) -> Node<HTML.BodyContext> {
        // The first report of each quarter speaks for it, as in the cross-report rules.
        let quarters: [ReportRow?] = (1...4).map { q in s.reports.first { $0.year == year && $0.quarter == q } }
        var values = quarters.compactMap { $0 }.flatMap { [$0.period, $0.achieved].compactMap { $0 } }
        let cumulative = quarters.contains { $0?.cumulative == true }
        let annual = quarters.compactMap { $0?.annual }.last
        // Cumulative figures climb towards the annual target: draw it as a line to reach.
        let goal = cumulative ? annual : nil
        if let goal { values.append(goal) }
        let top = niceCeiling(values.max() ?? 1)
        var caption = w(
            "\(year): \(cumulative ? "meta acumulada" : "meta programada") y meta alcanzada por trimestre",
            "\(year): \(cumulative ? "cumulative target" : "target") and achieved per quarter"
        )
        if let annual { caption += w("; meta anual ", "; annual target ") + show(annual) }
        if !faults.isEmpty {
            let named = faults.sorted().map { w.language.quarterShort($0) }.joined(separator: ", ")
            caption += w("; con hallazgos: ", "; with findings: ") + named
        }
        let unit = s.reports.lazy.compactMap(\.unit).first
        return .element(named: "figure", nodes: [
            svg(quarters: quarters, top: top, goal: goal, description: caption, faults: faults, unit: unit, words: w),
            .element(named: "figcaption", nodes: [.text(caption)]),
        ])
    }

    static func svg(
        quarters: [ReportRow?], top maxValue: Double, goal: Double?, description: String, faults: Set<Int> = [], unit: String? = nil,
        words w: Words = Words(.en)
    ) -> Node<HTML.BodyContext> {
        let plotHeight = height - top - bottom
        let slot = (width - left - right) / 4
        let bar = slot * 0.3
        func y(_ v: Double) -> Double { top + plotHeight - plotHeight * min(max(v, 0), maxValue) / maxValue }
        var nodes: [Node<HTML.BodyContext>] = [
            .attribute(named: "viewBox", value: "0 0 \(n(width)) \(n(height))"),
            .attribute(named: "role", value: "img"),
            .element(named: "title", nodes: [.text(description)]),
        ]
        // The quarters a finding is about, shaded behind their bars.
        for q in faults.sorted() where (1...4).contains(q) {
            nodes.append(rect(left + slot * Double(q - 1) + 2, top - 6, slot - 4, plotHeight + 6, "fault"))
        }
        nodes += [
            line(left, y(maxValue), width - right, y(maxValue), "grid"),
            text(left - 4, y(maxValue) + 4, show(maxValue), "label", anchor: "end"),
            text(left - 4, y(0) + 4, "0", "label", anchor: "end"),
            line(left, y(0), width - right, y(0), "axis"),
        ]
        if let goal {
            nodes.append(line(left, y(goal), width - right, y(goal), "goal"))
            nodes.append(text(left + 4, y(goal) - 3, w("anual ", "annual ") + show(goal), "value", anchor: "start"))
        }
        for (i, row) in quarters.enumerated() {
            let x0 = left + slot * Double(i)
            let center = x0 + slot / 2
            let fault = faults.contains(i + 1)
            nodes.append(text(center, height - bottom + 14, w.language.quarterShort(i + 1) + (fault ? " ⚠" : ""), fault ? "fault-mark" : "label", anchor: "middle"))
            guard let row else {
                nodes.append(text(center, y(0) - 6, w("sin informe", "no report"), "absent", anchor: "middle"))
                continue
            }
            for (k, (value, cls)) in [(row.period, "bar-target"), (row.achieved, "bar-achieved")].enumerated() {
                let x = center - bar - 1 + Double(k) * (bar + 2)
                guard let value else {
                    nodes.append(text(x + bar / 2, y(0) - 4, "–", "absent", anchor: "middle"))
                    continue
                }
                nodes.append(rect(x, y(value), bar, y(0) - y(value), cls))
                nodes.append(text(x + bar / 2, y(value) - 3, show(value), "value", anchor: "middle"))
            }
        }
        // The axes' titles: the quarters under their labels, the unit up the side.
        nodes.append(text(left + (width - left - right) / 2, height - bottom + 28, w("Trimestre", "Quarter"), "axis-title", anchor: "middle"))
        let yTitle = unit.map { w("Meta (\($0))", "Target (\($0))") } ?? w("Meta", "Target")
        let cy = top + plotHeight / 2
        nodes.append(.element(named: "text", nodes: [
            .attribute(named: "x", value: n(12)), .attribute(named: "y", value: n(cy)),
            .attribute(named: "text-anchor", value: "middle"), .attribute(named: "class", value: "axis-title"),
            .attribute(named: "transform", value: "rotate(-90 12 \(n(cy)))"),
            .text(String(yTitle.prefix(40))),
        ]))
        // The legend, under the axis title.
        let ly = height - 6
        let (target, achieved) = (w("meta programada", "target"), w("meta alcanzada", "achieved"))
        nodes += [
            rect(left, ly - 8, 10, 8, "bar-target"), text(left + 14, ly, target, "label", anchor: "start"),
            rect(left + 120, ly - 8, 10, 8, "bar-achieved"), text(left + 134, ly, achieved, "label", anchor: "start"),
        ]
        if !faults.isEmpty {
            nodes += [rect(left + 230, ly - 8, 10, 8, "fault"), text(left + 244, ly, w("con hallazgo", "finding"), "label", anchor: "start")]
        }
        return .element(named: "svg", nodes: [.attribute(named: "xmlns", value: "http://www.w3.org/2000/svg")] + nodes)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ cls: String) -> Node<HTML.BodyContext> {
        .element(named: "line", nodes: [
            .attribute(named: "x1", value: n(x1)), .attribute(named: "y1", value: n(y1)),
            .attribute(named: "x2", value: n(x2)), .attribute(named: "y2", value: n(y2)),
            .attribute(named: "class", value: cls),
        ])
    }

    static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, _ cls: String) -> Node<HTML.BodyContext> {
        .element(named: "rect", nodes: [
            .attribute(named: "x", value: n(x)), .attribute(named: "y", value: n(y)),
            .attribute(named: "width", value: n(w)), .attribute(named: "height", value: n(max(h, 0.5))),
            .attribute(named: "class", value: cls),
        ])
    }

    static func text(_ x: Double, _ y: Double, _ s: String, _ cls: String, anchor: String) -> Node<HTML.BodyContext> {
        .element(named: "text", nodes: [
            .attribute(named: "x", value: n(x)), .attribute(named: "y", value: n(y)),
            .attribute(named: "text-anchor", value: anchor), .attribute(named: "class", value: cls),
            .text(s),
        ])
    }

    /// A coordinate with one decimal at most.
    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// The scale's top: 1, 2 or 5 times a power of ten, at or above `v`.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        var p = 1.0
        while p * 10 <= v { p *= 10 }
        while p > v { p /= 10 }
        for m in [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] where m * p >= v { return m * p }
        return 10 * p
    }
}
