import AvanceCore

/// The year's target should not move silently between quarters.
public struct AnnualTargetChangedRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "annual-target-changed",
        title: LocalizedText(
            es: "La meta anual cambió entre trimestres",
            en: "Annual target changed between quarters"
        ),
        severity: .warning,
        scope: .crossReport,
        description: LocalizedText(
            es: """
                La meta anual de un mismo indicador y ejercicio difiere entre los informes de dos trimestres \
                (cada informe se compara con el del trimestre anterior que la señala). Una meta puede \
                ajustarse, pero el ajuste debe explicarse, no pasar inadvertido.
                """,
            en: """
                The annual target of the same indicator and year differs between two quarters' reports \
                (each report is compared with the previous quarter that states one). A target may be \
                revised, but the revision should be explained, not slipped in.
                """
        ),
        triggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 10, period: 2),
            ], expected: ["T3.txt"]),
        ],
        nonTriggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3),
                ExampleRecords.report("T2.txt", quarter: 2, period: 3),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 3),
            ], note: "a report that does not state the annual target changes nothing"),
            RuleExample([
                ExampleRecords.report("T1.txt", year: 2023, quarter: 4, annual: 10, period: 2),
                ExampleRecords.report("T2.txt", year: 2024, quarter: 1, annual: 12, period: 3),
            ], note: "another year, another target"),
        ]
    )

    public init() {}

    public func check(_ year: IndicatorYear) -> [Finding] {
        var findings: [Finding] = []
        var previous: IndicatorRecord?
        for q in 1...4 {
            guard let r = year.record(q), let annual = r.targets.annual else { continue }
            if let p = previous, let before = p.targets.annual, !same(before, annual) {
                findings.append(finding(
                    Self.message(before: before, after: annual, from: p, to: r), [r.cited(.annual), p.cited(.annual)]
                ))
            }
            previous = r
        }
        return findings
    }

    static func message(before: Double, after: Double, from: IndicatorRecord, to: IndicatorRecord) -> LocalizedText {
        let (b, a) = (NumberText.show(before), NumberText.show(after))
        return LocalizedText(
            es: "La meta anual cambió de \(b) (informe del \(from.periodName(.es))) a \(a) (informe del \(to.periodName(.es))).",
            en: "The annual target changed from \(b) (\(from.periodName) report) to \(a) (\(to.periodName) report)."
        )
    }
}
