import AvanceCore

/// The year's target should not move silently between quarters.
public struct AnnualTargetChangedRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "annual-target-changed",
        title: "Annual target changed between quarters",
        severity: .warning,
        scope: .crossReport,
        description: """
            The annual target of the same indicator and year differs between two quarters' reports \
            (each report is compared with the previous quarter that states one). A target may be \
            revised, but the revision should be explained, not slipped in.
            """,
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

    static func message(before: Double, after: Double, from: IndicatorRecord, to: IndicatorRecord) -> String {
        "The annual target changed from \(NumberText.show(before)) (\(from.periodName) report) to \(NumberText.show(after)) (\(to.periodName) report)."
    }
}
