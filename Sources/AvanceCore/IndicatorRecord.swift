/// One indicator's report for one period: the record avance produces for each
/// indicator a document reports. Its JSON form is documented in the README and in
/// `docs/record.schema.json`; keys are stable, and absent values are `null`.
public struct IndicatorRecord: Codable, Hashable, Sendable {
    /// The version of this format. Bumped on any incompatible change.
    public static let currentSchemaVersion = 2

    public var schemaVersion: Int
    public var source: Source
    @NullEncoded public var program: CodedName?
    @NullEncoded public var component: CodedName?
    @NullEncoded public var activity: CodedName?
    @NullEncoded public var indicator: Indicator?
    @NullEncoded public var period: Period?
    @NullEncoded public var responsibleUnit: Organization?
    @NullEncoded public var reportingInstitution: Organization?
    public var targets: Targets
    public var actions: [Action]
    public var dates: [DateMention]
    /// Every quarter or period the text names, outside the header's own field.
    public var periodMentions: [PeriodMention]
    public var institutions: [InstitutionMention]
    public var signatories: [Signatory]
    /// Confidentiality notices and template residue in the text ("documento confidencial",
    /// "[Nombre]"), the first of each paragraph, cell or field. `nil` in a record stored by an
    /// avance that did not look for them (before 0.2), `[]` when there are none.
    @NullEncoded public var notices: [SourceSpan]?
    /// Cells that print a spreadsheet error instead of a value (`#¡REF!`, `#DIV/0!`, `#N/A`): a
    /// table row's own cells, or every such cell of a one-indicator report. `nil` in a record
    /// stored before avance 0.3, which did not look for them.
    @NullEncoded public var spreadsheetErrors: [SourceSpan]?
    /// The total and subtotal rows of the table this record's row opens, each with the figures
    /// it sums: on the first record of a table that prints such rows, `null` on every other
    /// record (and in records stored before avance 0.4, which did not read them).
    @NullEncoded public var tableSums: [TableSum]?
    /// What another table of the document states for the same indicator (a MIR's row and its
    /// ficha técnica's, joined by the indicator's code): each field both state, with both
    /// quotes. `null` where no other table speaks of the indicator (and before avance 0.4).
    @NullEncoded public var linkedValues: [LinkedValue]?
    /// The figures a table's row prints for other parts of the year than the report's own
    /// (`I TRIMESTRE`, `II TRIMESTRE`, `AVANCE I SEMESTRE` in a report of the third quarter),
    /// each under its column's header. `[]` where the row prints none, `null` outside tables
    /// (and before avance 0.5).
    @NullEncoded public var periodValues: [PeriodValue]?
    /// The words that say the indicator does not apply in the reported year (`No aplica en
    /// 2018` in the row, `N/A` as its target): `null` where nothing says so.
    @NullEncoded public var notApplicable: SourceSpan?
    public var findings: [Finding]

    public init(
        source: Source, program: CodedName? = nil, component: CodedName? = nil,
        activity: CodedName? = nil, indicator: Indicator? = nil, period: Period? = nil,
        responsibleUnit: Organization? = nil, reportingInstitution: Organization? = nil,
        targets: Targets = Targets(), actions: [Action] = [], dates: [DateMention] = [],
        periodMentions: [PeriodMention] = [], institutions: [InstitutionMention] = [],
        signatories: [Signatory] = [], notices: [SourceSpan]? = [], spreadsheetErrors: [SourceSpan]? = [],
        tableSums: [TableSum]? = nil, linkedValues: [LinkedValue]? = nil, periodValues: [PeriodValue]? = nil,
        notApplicable: SourceSpan? = nil, findings: [Finding] = []
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.source = source
        self.program = program
        self.component = component
        self.activity = activity
        self.indicator = indicator
        self.period = period
        self.responsibleUnit = responsibleUnit
        self.reportingInstitution = reportingInstitution
        self.targets = targets
        self.actions = actions
        self.dates = dates
        self.periodMentions = periodMentions
        self.institutions = institutions
        self.signatories = signatories
        self.notices = notices
        self.spreadsheetErrors = spreadsheetErrors
        self.tableSums = tableSums
        self.linkedValues = linkedValues
        self.periodValues = periodValues
        self.notApplicable = notApplicable
        self.findings = findings
    }

    /// Where the record came from.
    public struct Source: Codable, Hashable, Sendable {
        public var path: String
        public var sha256: String
        /// The format read from the content.
        public var format: SourceFormat
        /// The format the file name claims, where it differs from the content; else `null`.
        @NullEncoded public var declaredFormat: SourceFormat?
        /// Pages of a PDF; `null` for text and HTML.
        @NullEncoded public var pages: Int?
        /// For a document with several indicators (a table), this record's 1-based row; else `null`.
        @NullEncoded public var row: Int?
        /// The pages of a PDF read by OCR (scans with no text layer), when any was; else not
        /// written (a plain optional), so the records of other files do not change.
        public var ocrPages: [Int]?

        public init(
            path: String, sha256: String, format: SourceFormat,
            declaredFormat: SourceFormat? = nil, pages: Int? = nil, row: Int? = nil, ocrPages: [Int]? = nil
        ) {
            self.path = path
            self.sha256 = sha256
            self.format = format
            self.declaredFormat = declaredFormat
            self.pages = pages
            self.row = row
            self.ocrPages = ocrPages
        }
    }

    /// A program, component or activity: its code as written and its name.
    public struct CodedName: Codable, Hashable, Sendable {
        @NullEncoded public var code: String?
        @NullEncoded public var name: String?
        @NullEncoded public var evidence: SourceSpan?

        public init(code: String?, name: String?, evidence: SourceSpan?) {
            self.code = code
            self.name = name
            self.evidence = evidence
        }
    }

    public struct Indicator: Codable, Hashable, Sendable {
        @NullEncoded public var code: String?
        @NullEncoded public var name: String?
        @NullEncoded public var description: String?
        /// The level of the results matrix (MIR) the indicator measures: `Fin`, `Propósito`,
        /// `Componente` or `Actividad`.
        @NullEncoded public var level: String?
        /// How often it is measured, as written (`Trimestral`, `Anual`, `Semestral`).
        @NullEncoded public var frequency: String?
        /// The method of calculation, as written, on one line.
        @NullEncoded public var formula: String?
        @NullEncoded public var evidence: SourceSpan?

        public init(
            code: String?, name: String?, description: String?, level: String? = nil, frequency: String? = nil,
            formula: String? = nil, evidence: SourceSpan?
        ) {
            self.code = code
            self.name = name
            self.description = description
            self.level = level
            self.frequency = frequency
            self.formula = formula
            self.evidence = evidence
        }
    }

    /// The reported quarter.
    public struct Period: Codable, Hashable, Sendable {
        public var year: Int
        /// 1 to 4.
        public var quarter: Int
        /// ISO date of the quarter's first day (`2024-07-01`).
        public var start: String
        /// ISO date of the quarter's last day (`2024-09-30`).
        public var end: String
        @NullEncoded public var evidence: SourceSpan?

        /// `fromJanuary`: the report covers the year up to the quarter's end (`del 1 de enero al
        /// 30 de septiembre`, `enero-septiembre`): `start` is January 1.
        public init(year: Int, quarter: Int, fromJanuary: Bool = false, evidence: SourceSpan?) {
            self.year = year
            self.quarter = quarter
            let bounds = CalendarDate.quarterBounds(year: year, quarter: quarter)
            self.start = fromJanuary ? CalendarDate.quarterBounds(year: year, quarter: 1).start.iso : bounds.start.iso
            self.end = bounds.end.iso
            self.evidence = evidence
        }

        /// Whether the period runs from January 1 to the end of a later quarter.
        public var isCumulative: Bool { quarter > 1 && start.hasSuffix("-01-01") }

        /// Whether an ISO date falls inside the quarter.
        public func contains(iso date: String) -> Bool { date >= start && date <= end }
    }

    /// An institution or unit by name, with its acronym where the report gives one.
    public struct Organization: Codable, Hashable, Sendable {
        @NullEncoded public var name: String?
        @NullEncoded public var acronym: String?
        @NullEncoded public var evidence: SourceSpan?

        public init(name: String?, acronym: String?, evidence: SourceSpan? = nil) {
            self.name = name
            self.acronym = acronym
            self.evidence = evidence
        }
    }

    /// A figure under a column of a part of the year (`II TRIMESTRE`, `AVANCE I SEMESTRE`).
    public struct PeriodValue: Codable, Hashable, Sendable {
        /// The column's header, as printed.
        public var header: String
        /// The last quarter the column covers, and whether it covers the year from January.
        public var quarter: Int
        public var isCumulative: Bool
        public var value: Double
        public var evidence: SourceSpan

        public init(header: String, quarter: Int, isCumulative: Bool, value: Double, evidence: SourceSpan) {
            self.header = header
            self.quarter = quarter
            self.isCumulative = isCumulative
            self.value = value
            self.evidence = evidence
        }
    }

    /// One field as two tables of a document state it for the same indicator.
    public struct LinkedValue: Codable, Hashable, Sendable {
        /// `indicator.name`, `objective.code` (the `Clave Objetivo` of a results matrix),
        /// `component.code` (a work program's project cell, and the item of the document's list of
        /// projects that the row's action names instead: another project of the same axis), or
        /// `targets.annual` (a row's total, and the larger figure of a row of its group that counts
        /// the same thing in the same unit).
        public var field: String
        /// The quote in the table the record was made from, and in the other table (or list).
        public var here: SourceSpan
        public var there: SourceSpan

        public init(field: String, here: SourceSpan, there: SourceSpan) {
            self.field = field
            self.here = here
            self.there = there
        }
    }

    /// A row of a table that sums other rows (`TOTALES`, `Total del Gasto`, a zone's subtotal),
    /// with, column by column, the figure it prints and the figures of the rows it sums.
    public struct TableSum: Codable, Hashable, Sendable {
        /// The row's label as printed (`TOTALES`, `ZONA II TAPACHULA`).
        public var label: SourceSpan
        /// Whether it sums a group of the table's rows rather than all of them.
        public var isSubtotal: Bool
        public var columns: [Column]

        public init(label: SourceSpan, isSubtotal: Bool, columns: [Column]) {
            self.label = label
            self.isSubtotal = isSubtotal
            self.columns = columns
        }

        /// One column of the sum row.
        public struct Column: Codable, Hashable, Sendable {
            /// The column's header as printed, on one line.
            public var header: String
            /// The figure the sum row prints, and where.
            public var stated: Double
            public var evidence: SourceSpan
            /// The figures the same column prints in the rows summed (rows printing none left out).
            public var parts: [Double]
            /// The most decimals any of those figures prints (the rounding they carry).
            public var partsDecimals: Int
            /// The first and the last of those figures, to show which rows were summed.
            public var partsEvidence: [SourceSpan]
            /// A column of ratios (a percentage, `Dev. / Aprob.`): its total is a ratio of totals, never a sum.
            public var isRatio: Bool
            /// For a ratio column, the positions in `columns` of the figures it divides, where
            /// the header or the table says which (`Dev. / Aprob.`: Devengado over Aprobado).
            @NullEncoded public var numerator: Int?
            @NullEncoded public var denominator: Int?

            public init(
                header: String, stated: Double, evidence: SourceSpan, parts: [Double], partsDecimals: Int,
                partsEvidence: [SourceSpan], isRatio: Bool, numerator: Int? = nil, denominator: Int? = nil
            ) {
                self.header = header
                self.stated = stated
                self.evidence = evidence
                self.parts = parts
                self.partsDecimals = partsDecimals
                self.partsEvidence = partsEvidence
                self.isRatio = isRatio
                self.numerator = numerator
                self.denominator = denominator
            }

            /// How far the sum of `parts` may stand from `stated` by rounding alone: half a unit
            /// of the last printed decimal for each figure summed, and for the total.
            public var sumTolerance: Double {
                let half = { (d: Int) in NumberText.unit(decimals: d) / 2 }
                return (Double(parts.count) * half(partsDecimals) + half(NumberText.decimals(in: evidence.text))) * 1.000001
            }

            /// Whether `stated` is the sum of `parts`, within `sumTolerance`.
            public var isSumOfParts: Bool { abs(parts.reduce(0, +) - stated) <= sumTolerance }
        }
    }

    /// The targets and what was achieved, as the report states them.
    public struct Targets: Codable, Hashable, Sendable {
        /// What is counted (`acciones`, `porcentaje`, ...), singular or plural as written.
        @NullEncoded public var unit: String?
        @NullEncoded public var annual: Double?
        /// The annual target as modified during the year (`meta modificada`, `metas ajustadas`).
        @NullEncoded public var modified: Double?
        /// The target for the reported period.
        @NullEncoded public var period: Double?
        /// Whether the period target is cumulative from the start of the year
        /// (`meta acumulada al trimestre`).
        public var periodIsCumulative: Bool
        /// What was achieved; `null` when the report does not state it as a number.
        @NullEncoded public var achieved: Double?
        /// The percentage of compliance the report states (achieved against the period's or
        /// the programmed target).
        @NullEncoded public var compliancePercent: Double?
        /// The percentage the report states against the modified target, where it states both.
        @NullEncoded public var compliancePercentModified: Double?
        /// The baseline (`línea base`): where the indicator stood before.
        @NullEncoded public var baseline: Double?
        /// One span per stated value, in the order of `Value.allCases`.
        public var evidence: [SourceSpan]

        public init(
            unit: String? = nil, annual: Double? = nil, modified: Double? = nil, period: Double? = nil,
            periodIsCumulative: Bool = false, achieved: Double? = nil,
            compliancePercent: Double? = nil, compliancePercentModified: Double? = nil, baseline: Double? = nil,
            evidence: [SourceSpan] = []
        ) {
            self.unit = unit
            self.annual = annual
            self.modified = modified
            self.period = period
            self.periodIsCumulative = periodIsCumulative
            self.achieved = achieved
            self.compliancePercent = compliancePercent
            self.compliancePercentModified = compliancePercentModified
            self.baseline = baseline
            self.evidence = evidence
        }
    }

    /// One documented action: a section of the narrative or a row of a table.
    public struct Action: Codable, Hashable, Sendable {
        public var title: String
        /// The ISO date the action took place (not the date of a news note about it).
        @NullEncoded public var date: String?
        /// The counterpart institutions named in the section, the reporting one left out.
        public var institutions: [String]
        public var links: [String]
        public var evidence: SourceSpan

        public init(title: String, date: String?, institutions: [String], links: [String], evidence: SourceSpan) {
            self.title = title
            self.date = date
            self.institutions = institutions
            self.links = links
            self.evidence = evidence
        }
    }

    /// A date as the text writes it, resolved.
    public struct DateMention: Codable, Hashable, Sendable {
        public var text: String
        /// The ISO date as read (numeric dates day/month/year).
        public var value: String
        /// A numeric date that also reads as month/day.
        public var ambiguous: Bool
        /// The other readings of an ambiguous date, as ISO dates.
        public var alternatives: [String]
        /// The 0-based index in `actions` of the section the date stands in; `null` outside actions.
        @NullEncoded public var action: Int?
        public var evidence: SourceSpan

        public init(
            text: String, value: String, ambiguous: Bool = false, alternatives: [String] = [],
            action: Int? = nil, evidence: SourceSpan
        ) {
            self.text = text
            self.value = value
            self.ambiguous = ambiguous
            self.alternatives = alternatives
            self.action = action
            self.evidence = evidence
        }
    }

    /// A quarter or a year named in the narrative ("durante el tercer trimestre del año 2024").
    public struct PeriodMention: Codable, Hashable, Sendable {
        public var text: String
        @NullEncoded public var year: Int?
        @NullEncoded public var quarter: Int?
        public var evidence: SourceSpan

        public init(text: String, year: Int?, quarter: Int?, evidence: SourceSpan) {
            self.text = text
            self.year = year
            self.quarter = quarter
            self.evidence = evidence
        }
    }

    /// An institution named in the text; each distinct institution once, at its first mention.
    public struct InstitutionMention: Codable, Hashable, Sendable {
        public var name: String
        @NullEncoded public var acronym: String?
        public var evidence: SourceSpan

        public init(name: String, acronym: String?, evidence: SourceSpan) {
            self.name = name
            self.acronym = acronym
            self.evidence = evidence
        }
    }

    /// A person who signs the report.
    public struct Signatory: Codable, Hashable, Sendable {
        public var name: String
        /// The title written before the name (`Lic.`, `Mtra.`); `null` if none.
        @NullEncoded public var honorific: String?
        @NullEncoded public var role: String?
        public var evidence: SourceSpan

        public init(name: String, honorific: String?, role: String?, evidence: SourceSpan) {
            self.name = name
            self.honorific = honorific
            self.role = role
            self.evidence = evidence
        }
    }
}

extension IndicatorRecord.Targets {
    /// The stated values, each with the quote of it (`evidence` holds one span per stated
    /// value, in this order: annual, period, achieved, percent, then the values schema version
    /// 2 added, which a record of version 1 never states, so its spans keep their order).
    public enum Value: CaseIterable, Sendable {
        case annual, period, achieved, percent, modified, percentModified, baseline
    }

    public func value(_ v: Value) -> Double? {
        switch v {
        case .annual: annual
        case .period: period
        case .achieved: achieved
        case .percent: compliancePercent
        case .modified: modified
        case .percentModified: compliancePercentModified
        case .baseline: baseline
        }
    }

    /// These targets, with each value they leave unstated taken, with its quote, from `other`
    /// (the same indicator's row in another table of the document).
    public func filled(from other: IndicatorRecord.Targets) -> IndicatorRecord.Targets {
        var pairs: [(Value, Double, SourceSpan?)] = []
        for v in Value.allCases {
            if let x = value(v) { pairs.append((v, x, evidence(for: v))) } else if let x = other.value(v) { pairs.append((v, x, other.evidence(for: v))) }
        }
        func pick(_ v: Value) -> Double? { pairs.first { $0.0 == v }?.1 }
        var t = IndicatorRecord.Targets(
            unit: unit ?? other.unit, annual: pick(.annual), modified: pick(.modified), period: pick(.period),
            periodIsCumulative: period != nil ? periodIsCumulative : other.periodIsCumulative, achieved: pick(.achieved),
            compliancePercent: pick(.percent), compliancePercentModified: pick(.percentModified), baseline: pick(.baseline)
        )
        let spans = pairs.compactMap(\.2)
        t.evidence = spans.count == pairs.count ? spans : []
        return t
    }

    /// The quote of a stated value, if the record carries one for it.
    public func evidence(for v: Value) -> SourceSpan? {
        let present = Value.allCases.filter { value($0) != nil }
        guard present.count == evidence.count, let i = present.firstIndex(of: v) else { return nil }
        return evidence[i]
    }
}
