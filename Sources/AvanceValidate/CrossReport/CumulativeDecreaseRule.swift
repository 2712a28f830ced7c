import AvanceCore

/// What has been accumulated cannot shrink.
public struct CumulativeDecreaseRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "cumulative-decrease",
        title: LocalizedText(
            es: "Una cifra acumulada disminuye",
            en: "Cumulative figure goes down"
        ),
        severity: .error,
        scope: .crossReport,
        description: LocalizedText(
            es: """
                Una cifra acumulada disminuye del informe de un trimestre al del siguiente trimestre \
                reportado: la meta acumulada, o la meta alcanzada, en informes que presentan sus cifras como \
                acumuladas ("meta acumulada al trimestre", "acumulado al periodo").
                """,
            en: """
                A cumulative figure goes down from one quarter's report to the next reported quarter's: \
                the cumulative target, or what was achieved, in reports that state their figures as \
                cumulative ("meta acumulada al trimestre", "acumulado al periodo").
                """
        ),
        triggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3, achieved: 3, cumulative: true),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 6, achieved: 2, cumulative: true),
            ], expected: ["T2.txt"], note: "achieved 3, then 2"),
            RuleExample([
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 6, cumulative: true),
                ExampleRecords.report("T3.txt", quarter: 3, annual: 12, period: 5, cumulative: true),
            ], expected: ["T3.txt"], note: "cumulative target 6, then 5"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 3, achieved: 3, cumulative: true),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 6, achieved: 6, cumulative: true),
                ExampleRecords.report("T4.txt", quarter: 4, annual: 12, period: 12, achieved: 11, cumulative: true),
            ]),
            RuleExample([
                ExampleRecords.report("T1.txt", quarter: 1, annual: 12, period: 4, achieved: 4),
                ExampleRecords.report("T2.txt", quarter: 2, annual: 12, period: 2, achieved: 2),
            ], note: "quarterly figures, not cumulative, may go down"),
        ]
    )

    public init() {}

    public func check(_ year: IndicatorYear) -> [Finding] {
        var findings: [Finding] = []
        var previous: IndicatorRecord?
        for q in 1...4 {
            guard let r = year.record(q) else { continue }
            defer { previous = r }
            guard let p = previous, p.targets.periodIsCumulative, r.targets.periodIsCumulative else { continue }
            for value in [IndicatorRecord.Targets.Value.period, .achieved] {
                guard let before = p.targets.value(value), let after = r.targets.value(value),
                      after < before, !same(after, before) else { continue }
                findings.append(finding(
                    Self.message(value, before: before, after: after, from: p, to: r), [r.cited(value), p.cited(value)]
                ))
            }
        }
        return findings
    }

    static func message(_ value: IndicatorRecord.Targets.Value, before: Double, after: Double, from: IndicatorRecord, to: IndicatorRecord) -> LocalizedText {
        let (b, a) = (NumberText.show(before), NumberText.show(after))
        return LocalizedText(
            es: "La \(value == .period ? "meta acumulada" : "meta alcanzada acumulada") disminuye de \(b) (\(from.periodName(.es))) a \(a) (\(to.periodName(.es))).",
            en: "The \(value == .period ? "cumulative target" : "cumulative achieved figure") goes down from \(b) (\(from.periodName)) to \(a) (\(to.periodName))."
        )
    }
}
