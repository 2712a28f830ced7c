import AvanceCore

/// One indicator, one quarter, one set of figures.
public struct ConflictingDuplicateRule: CrossReportRule {
    public static let description = RuleDescription(
        id: "conflicting-duplicate",
        title: LocalizedText(
            es: "Mismo indicador y periodo reportados con cifras distintas",
            en: "Same indicator and period reported with different figures"
        ),
        severity: .error,
        scope: .crossReport,
        description: LocalizedText(
            es: """
                Dos documentos vigentes reportan el mismo indicador y periodo con cifras distintas (meta \
                anual, meta del periodo, meta alcanzada o porcentaje, donde ambos la señalan). El primer \
                documento en orden de ruta se compara con cada uno de los demás; las copias con las mismas \
                cifras (el mismo informe en PDF y en HTML) no son hallazgos.
                """,
            en: """
                Two current documents report the same indicator and period with different figures \
                (annual target, period target, achieved or percentage, where both state it). The first \
                document in path order is compared with each of the others; copies with the same \
                figures (the same report as PDF and as HTML) are not findings.
                """
        ),
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
                var differences: [LocalizedText] = []
                for value in IndicatorRecord.Targets.Value.allCases {
                    guard let a = first.targets.value(value), let b = other.targets.value(value), !same(a, b) else { continue }
                    evidence += [first.cited(value), other.cited(value)]
                    differences.append(Self.difference(value, NumberText.show(a), first.fileName, NumberText.show(b), other.fileName))
                }
                guard !differences.isEmpty else { continue }
                findings.append(finding(Self.message(first, differences), evidence))
            }
        }
        return findings
    }

    static func name(_ value: IndicatorRecord.Targets.Value) -> LocalizedText {
        switch value {
        case .annual: LocalizedText(es: "meta anual", en: "annual target")
        case .period: LocalizedText(es: "meta del periodo", en: "period target")
        case .achieved: LocalizedText(es: "meta alcanzada", en: "achieved")
        case .percent: LocalizedText(es: "porcentaje", en: "percentage")
        case .modified: LocalizedText(es: "meta modificada", en: "modified target")
        case .percentModified: LocalizedText(es: "porcentaje respecto de la meta modificada", en: "percentage against the modified target")
        case .baseline: LocalizedText(es: "línea base", en: "baseline")
        }
    }

    static func difference(_ value: IndicatorRecord.Targets.Value, _ a: String, _ fileA: String, _ b: String, _ fileB: String) -> LocalizedText {
        LocalizedText(
            es: "\(name(value).es) \(a) en \(fileA), \(b) en \(fileB)",
            en: "\(name(value).en) \(a) in \(fileA), \(b) in \(fileB)"
        )
    }

    static func message(_ record: IndicatorRecord, _ differences: [LocalizedText]) -> LocalizedText {
        LocalizedText(
            es: "El \(record.periodName(.es)) se reporta dos veces con cifras distintas: \(differences.map(\.es).joined(separator: "; ")).",
            en: "\(record.periodName) is reported twice with different figures: \(differences.map(\.en).joined(separator: "; "))."
        )
    }
}
