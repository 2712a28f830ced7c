import AvanceCore

/// One indicator, one quarter, one set of figures.
public struct ConflictingDuplicateRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "conflicting-duplicate",
        title: "Same indicator and period reported with different figures",
        severity: .error,
        scope: .crossReport,
        description: """
            Two current documents report the same indicator and period with different figures \
            (annual target, period target, achieved or percentage, where both state it). The first \
            document in path order is compared with each of the others; copies with the same \
            figures (the same report as PDF and as HTML) are not findings.
            """,
        triggering: [
            RuleExample([
                ExampleRecords.report("T3.html", quarter: 3, annual: 12, period: 3, achieved: 3),
                ExampleRecords.report("T3-corregido.pdf", quarter: 3, annual: 12, period: 3, achieved: 2),
            ], expected: ["T3-corregido.pdf"], note: "the first in path order is compared with the other"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleRecords.report("T3.html", quarter: 3, annual: 12, period: 3, achieved: 3),
                ExampleRecords.report("T3.pdf", quarter: 3, annual: 12, period: 3, achieved: 3),
            ], note: "the same figures in two formats"),
            RuleExample([
                ExampleRecords.report("T3.html", quarter: 3, annual: 12, period: 3, achieved: 3),
                ExampleRecords.report("T3-resumen.txt", quarter: 3, annual: 12),
            ], note: "a figure one report leaves out is no conflict"),
        ]
    )

    public init() {}

    public func check(_ year: IndicatorYear) -> [Finding] {
        var findings: [Finding] = []
        for q in 1...4 {
            guard let records = year.quarters[q], let first = records.first else { continue }
            for other in records.dropFirst() where other.source.sha256 != first.source.sha256 {
                var evidence: [SourceSpan?] = []
                var differences: [String] = []
                for value in IndicatorRecord.Targets.Value.allCases {
                    guard let a = first.targets.value(value), let b = other.targets.value(value), !same(a, b) else { continue }
                    evidence += [first.cited(value), other.cited(value)]
                    differences.append("\(Self.name(value)) \(NumberText.show(a)) in \(first.fileName), \(NumberText.show(b)) in \(other.fileName)")
                }
                guard !differences.isEmpty else { continue }
                findings.append(finding(Self.message(first.periodName, differences), evidence))
            }
        }
        return findings
    }

    static func name(_ value: IndicatorRecord.Targets.Value) -> String {
        switch value {
        case .annual: "annual target"
        case .period: "period target"
        case .achieved: "achieved"
        case .percent: "percentage"
        case .modified: "modified target"
        case .percentModified: "percentage against the modified target"
        case .baseline: "baseline"
        }
    }

    static func message(_ period: String, _ differences: [String]) -> String {
        "\(period) is reported twice with different figures: \(differences.joined(separator: "; "))."
    }
}
