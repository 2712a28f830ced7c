import AvanceCore

/// Turns the auditor's findings into the report the renderers print.
extension AuditReport {
    /// The report of the auditor's findings, indicators ordered by institution, place and title.
    public init(
        _ audits: [IndicatorAudit], generatedAt: String, failures: [FailedFile] = [], notReports: [FailedFile] = [],
        database: String? = nil,
        year: Int? = nil, program: String? = nil
    ) {
        var sections = audits.map(IndicatorSection.init)
        // Indicators that share institution, place and name are told apart by their unit.
        let key = { (s: IndicatorSection) in [s.institution ?? "", s.place, s.name] }
        var count: [[String]: Int] = [:]
        for s in sections { count[key(s), default: 0] += 1 }
        for k in sections.indices where count[key(sections[k]), default: 0] > 1 { sections[k].titleNamesUnit = true }
        sections.sort { a, b in
            let ka = [a.institution ?? "", a.place, a.title], kb = [b.institution ?? "", b.place, b.title]
            return ka.lexicographicallyPrecedes(kb)
        }
        self.init(
            generatedAt: generatedAt, database: database, year: year, program: program, failures: failures,
            notReports: notReports, indicators: sections
        )
    }
}

extension IndicatorSection {
    /// One indicator's section: names as its latest report writes them, cross-report
    /// findings first, then each record's own.
    init(_ audit: IndicatorAudit) {
        let records = audit.records
        // Names as the latest report writes them.
        func level(_ pick: (IndicatorRecord) -> (code: String?, name: String?)?) -> IndicatorSection.Level? {
            records.reversed().lazy.compactMap(pick).first.map { IndicatorSection.Level(code: $0.code, name: $0.name) }
        }
        let institution = records.reversed().lazy.compactMap { r -> String? in
            guard let i = r.reportingInstitution else { return nil }
            switch (i.name, i.acronym) {
            case let (name?, acronym?): return "\(name) (\(acronym))"
            case let (name?, nil): return name
            case let (nil, acronym?): return acronym
            default: return nil
            }
        }.first
        let unit = records.reversed().lazy.compactMap { r -> String? in
            guard let u = r.responsibleUnit else { return nil }
            return u.name ?? u.acronym
        }.first
        var findings = audit.findings.map { yf in
            let fallback = records.first { $0.period?.year == yf.year }?.source.path ?? records.first?.source.path ?? ""
            return ReportFinding(yf.finding, scope: .crossReport, path: fallback, year: yf.year, quarter: nil)
        }
        for r in records {
            findings += r.findings.map {
                ReportFinding($0, scope: .record, path: r.source.path, year: r.period?.year, quarter: r.period?.quarter)
            }
        }
        let rows = records.map { r in
            ReportRow(
                path: r.source.path, row: r.source.row, year: r.period?.year, quarter: r.period?.quarter,
                indicatorText: r.indicator?.evidence?.text ?? r.indicator.map { [$0.code, $0.name].compactMap { $0 }.joined(separator: " ") },
                unit: r.targets.unit, annual: r.targets.annual, period: r.targets.period,
                cumulative: r.targets.periodIsCumulative, achieved: r.targets.achieved,
                percent: r.targets.compliancePercent, findings: r.findings.count
            )
        }
        self.init(
            institution: institution,
            program: level { $0.program.map { ($0.code, $0.name) } },
            component: level { $0.component.map { ($0.code, $0.name) } },
            activity: level { $0.activity.map { ($0.code, $0.name) } },
            indicator: level { $0.indicator.map { ($0.code, $0.name) } },
            responsibleUnit: unit, reports: rows, findings: findings
        )
    }
}
