import AvanceCore

/// Quarterly reports of one indicator, built in code for the cross-report rules' examples:
/// the header on lines 1-5 and each stated target on a line of its own (annual on 10,
/// period on 11, achieved on 12, percent on 13), as a report written field by field.
public enum ExampleRecords {
    public static func report(
        _ path: String, year: Int = 2024, quarter: Int, annual: Double? = nil, period: Double? = nil,
        achieved: Double? = nil, percent: Double? = nil, cumulative: Bool = false,
        indicator: String? = "01", indicatorName: String = "Número de talleres impartidos",
        activity: String? = "C01.A01", institution: String = "Instituto de Capacitación del Estado",
        acronym: String? = "ICE"
    ) -> IndicatorRecord {
        let quarterNames = ["", "1er. Trimestre", "2do. Trimestre", "3er. Trimestre", "4to. Trimestre"]
        var record = IndicatorRecord(source: .init(path: path, sha256: path, format: .text))
        record.reportingInstitution = .init(name: institution, acronym: acronym, evidence: SourceSpan(line: 1, column: 1, text: institution))
        record.program = .init(code: "E001", name: "Capacitación institucional", evidence: SourceSpan(line: 2, column: 26, text: "E001 - Capacitación institucional"))
        if let activity {
            record.activity = .init(code: activity, name: "Impartición de talleres", evidence: SourceSpan(line: 3, column: 12, text: activity + " - Impartición de talleres"))
        }
        record.indicator = .init(code: indicator, name: indicatorName, description: nil, evidence: SourceSpan(line: 4, column: 12, text: indicatorName))
        let q = min(max(quarter, 1), 4)
        record.period = .init(year: year, quarter: q, evidence: SourceSpan(line: 5, column: 12, text: "\(quarterNames[q]) \(year)"))
        var evidence: [SourceSpan] = []
        for (line, value) in [(10, annual), (11, period), (12, achieved), (13, percent)] {
            if let value { evidence.append(SourceSpan(line: line, column: 14, text: NumberText.show(value))) }
        }
        record.targets = .init(
            unit: "talleres", annual: annual, period: period, periodIsCumulative: cumulative,
            achieved: achieved, compliancePercent: percent, evidence: evidence
        )
        return record
    }
}
