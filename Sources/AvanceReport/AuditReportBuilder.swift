import AvanceCore

/// Turns the auditor's findings into the report the renderers print.
extension AuditReport {
    /// What the report needs beyond the findings: its language, the rules' titles in it, the
    /// least severity shown, and the semáforo's thresholds.
    public struct Options: Sendable {
        public var language: Language
        /// Each rule's title by id, in both languages (from the rule catalogue).
        public var ruleTitles: [String: LocalizedText]
        public var minimumSeverity: Severity?
        public var trafficLight: TrafficLightSettings
        /// The reason each waived finding was waived, by fingerprint.
        public var waivers: [String: String]
        /// With `--since-run N`: the SHA-256 of the documents first stored after run N.
        public var newDocuments: Set<String>?

        public init(
            language: Language = .es, ruleTitles: [String: LocalizedText] = [:], minimumSeverity: Severity? = nil,
            trafficLight: TrafficLightSettings = TrafficLightSettings(), waivers: [String: String] = [:],
            newDocuments: Set<String>? = nil
        ) {
            self.language = language
            self.ruleTitles = ruleTitles
            self.minimumSeverity = minimumSeverity
            self.trafficLight = trafficLight
            self.waivers = waivers
            self.newDocuments = newDocuments
        }
    }

    /// The report of the auditor's findings, what needs attention first: institutions by their
    /// worst finding, and within each its indicators by theirs (then by place and title).
    public init(
        _ audits: [IndicatorAudit], generatedAt: String, failures: [FailedFile] = [], notReports: [FailedFile] = [],
        database: String? = nil,
        year: Int? = nil, program: String? = nil, sinceRun: Int? = nil, options: Options = Options()
    ) {
        var sections = audits.map { IndicatorSection($0, options: options) }
        // Indicators that share institution, place and name are told apart by their unit.
        let key = { (s: IndicatorSection) in [s.institution ?? "", s.place, s.name] }
        var count: [[String]: Int] = [:]
        for s in sections { count[key(s), default: 0] += 1 }
        for k in sections.indices where count[key(sections[k]), default: 0] > 1 { sections[k].titleNamesUnit = true }
        var worstOfInstitution: [String: [Int]] = [:]
        for s in sections {
            let k = s.institution ?? ""
            let u = Self.urgency(s)
            if let known = worstOfInstitution[k], !known.lexicographicallyPrecedes(u) { continue }
            worstOfInstitution[k] = u
        }
        sections.sort { a, b in
            let (ia, ib) = (a.institution ?? "", b.institution ?? "")
            let (ua, ub) = (worstOfInstitution[ia] ?? [], worstOfInstitution[ib] ?? [])
            if ua != ub { return ub.lexicographicallyPrecedes(ua) }
            if ia != ib { return ia.lexicographicallyPrecedes(ib) }
            let (sa, sb) = (Self.urgency(a), Self.urgency(b))
            if sa != sb { return sb.lexicographicallyPrecedes(sa) }
            return [a.place, a.title].lexicographicallyPrecedes([b.place, b.title])
        }
        let used = Set(sections.flatMap { $0.findings.map(\.rule) })
        let titles = options.ruleTitles.filter { used.contains($0.key) }.mapValues { $0[options.language] }
        self.init(
            generatedAt: generatedAt, database: database, year: year, program: program, language: options.language,
            minimumSeverity: options.minimumSeverity, ruleTitles: titles, sinceRun: sinceRun, failures: failures, notReports: notReports,
            indicators: sections
        )
    }

    /// How urgently an indicator needs attention, to sort by (larger first): its worst
    /// finding, its errors, warnings and infos, then a red or yellow semáforo.
    static func urgency(_ s: IndicatorSection) -> [Int] {
        let worst = s.worstSeverity.flatMap { Severity.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        let light = s.light.flatMap { TrafficLight.allCases.firstIndex(of: $0) } ?? 0
        return [worst, s.count(.error), s.count(.warning), s.count(.info), light]
    }
}

extension IndicatorSection {
    /// One indicator's section: names as its latest report writes them, cross-report
    /// findings first, then each record's own.
    init(_ audit: IndicatorAudit, options: AuditReport.Options) {
        let records = audit.records
        let language = options.language
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
        let shown = { (f: Finding) in options.minimumSeverity.map { f.severity >= $0 } ?? true }
        // The documents a finding is about: its record's, or those its quotes cite.
        let shaOfPath = Dictionary(records.map { ($0.source.path, $0.source.sha256) }) { a, _ in a }
        func placed(_ f: ReportFinding, _ documents: [String], _ original: Finding) -> ReportFinding {
            var f = f
            f.fingerprint = Fingerprint.of(rule: original.rule, documents: documents, quotes: original.evidence.map(\.text))
            f.isNew = options.newDocuments.map { new in documents.contains { new.contains($0) } }
            f.waiver = options.waivers[f.fingerprint]
            return f
        }
        var findings = audit.findings.filter { shown($0.finding) }.map { yf in
            let fallback = records.first { $0.period?.year == yf.year }?.source.path ?? records.first?.source.path ?? ""
            let f = ReportFinding(yf.finding, scope: .crossReport, path: fallback, year: yf.year, quarter: nil, language: language)
            return placed(f, f.evidence.compactMap { $0.path.flatMap { shaOfPath[$0] } }, yf.finding)
        }
        for r in records {
            findings += r.findings.filter(shown).map {
                let f = ReportFinding($0, scope: .record, path: r.source.path, year: r.period?.year, quarter: r.period?.quarter, language: language)
                return placed(f, [r.source.sha256], $0)
            }
        }
        let waived = findings.filter { $0.waiver != nil }
        findings.removeAll { $0.waiver != nil }
        let program = level { $0.program.map { ($0.code, $0.name) } }
        let thresholds = options.trafficLight.thresholds(program: program?.code)
        var rows = records.map { r in
            let compliance = TrafficLightSettings.compliance(
                percent: r.targets.compliancePercent, achieved: r.targets.achieved, period: r.targets.period
            )
            return ReportRow(
                path: r.source.path, row: r.source.row, year: r.period?.year, quarter: r.period?.quarter,
                indicatorText: r.indicator?.evidence?.text ?? r.indicator.map { [$0.code, $0.name].compactMap { $0 }.joined(separator: " ") },
                unit: r.targets.unit, annual: r.targets.annual, period: r.targets.period,
                cumulative: r.targets.periodIsCumulative, achieved: r.targets.achieved,
                percent: r.targets.compliancePercent, compliance: compliance, light: compliance.map(thresholds.light),
                findings: r.findings.filter { f in
                    shown(f) && options.waivers[Fingerprint.of(rule: f.rule, documents: [r.source.sha256], quotes: f.evidence.map(\.text))] == nil
                }.count
            )
        }
        // A cross-report finding counts for every report it quotes.
        for k in rows.indices {
            rows[k].findings += findings.filter { f in f.scope == .crossReport && f.evidence.contains { $0.path == rows[k].path } }.count
        }
        self.init(
            institution: institution,
            program: program,
            component: level { $0.component.map { ($0.code, $0.name) } },
            activity: level { $0.activity.map { ($0.code, $0.name) } },
            indicator: level { $0.indicator.map { ($0.code, $0.name) } },
            responsibleUnit: unit, reports: rows, findings: findings
        )
        light = rows.last { $0.light != nil }?.light
        self.waived = waived
    }
}
