import Foundation
import AvanceCore

/// Why a document yields no record.
public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text lacks the marks of an indicator report: what it holds of them (`found`) and
    /// what it lacks (`missing`), in the user's words.
    case notAReport(path: String, found: [String] = [], missing: [String] = [])
    /// A table of indicators with its header and no row below it (a format's empty template):
    /// `header` says where the header stands.
    case noRecords(path: String, header: String)

    public var reason: String {
        switch self {
        case .notAReport(let path, let found, let missing):
            let holds = found.isEmpty ? "" : "found \(found.joined(separator: ", ")); "
            let list = missing.count > 1 ? missing.dropLast().joined(separator: ", ") + " or " + missing.last! : missing.first ?? ""
            let lacks = missing.isEmpty ? "" : "no \(list) found"
            return "not an indicator report (\(holds)\(lacks)); `avance extract \(path)` shows what avance read"
        case .noRecords(_, let header):
            return "no records: the table of indicators has its header (\(header)) and no row of data, as an empty template"
        }
    }

    /// Read, and holding nothing to record (no report, or a report's empty table): not a failure of the file.
    public var isNotAReport: Bool { true }

    public var description: String {
        switch self {
        case .notAReport(let path, _, _), .noRecords(let path, _): "\(path): \(reason)"
        }
    }
}

/// How the parser reads what the text leaves open.
public struct ParseOptions: Sendable, Hashable {
    /// How a numeric date like `10/05/2024` is read first: Mexican usage is day/month.
    public enum NumericDateOrder: String, Sendable, Hashable, CaseIterable {
        case dayMonth = "day-month"
        case monthDay = "month-day"
    }

    /// An institution given by the user (`avance.yml`): its name is recognised word for word
    /// (case and accents aside) even where no head word starts it, and its acronym, used
    /// alone, stands for it.
    public struct KnownInstitution: Sendable, Hashable {
        public var name: String
        public var acronym: String?

        public init(name: String, acronym: String? = nil) {
            self.name = name
            self.acronym = acronym
        }
    }

    public var numericDateOrder: NumericDateOrder
    /// Institutions to recognise besides those the lexicon finds.
    public var institutions: [KnownInstitution]

    public init(numericDateOrder: NumericDateOrder = .dayMonth, institutions: [KnownInstitution] = []) {
        self.numericDateOrder = numericDateOrder
        self.institutions = institutions
    }
}

/// Builds indicator records from an extracted document with rules drawn from the
/// grammar of the reports (see the Lexicon folder).
public struct Parser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) {
        self.options = options
    }

    /// One record per indicator the document reports (a narrative report has one,
    /// a table of indicators one per row).
    public func parse(_ document: ExtractedDocument) throws(ParseError) -> [IndicatorRecord] {
        // A workbook's rows joined with the rows of the sheets they link to (`Tabla_221898`).
        var document = document
        document.blocks = LinkedSheets.joined(document.blocks)
        let reader = DocumentReader(document: document, options: options)
        var base = IndicatorRecord(source: IndicatorRecord.Source(
            path: document.path, sha256: document.sha256, format: document.format,
            declaredFormat: document.declaredFormat, pages: document.pages, ocrPages: document.ocrPages
        ))
        base.program = reader.field(.program).map { Self.codedName($0.text) }
            ?? reader.programFromTitle.map { IndicatorRecord.CodedName(code: nil, name: TextCleaning.clean($0.text), evidence: $0.span) }
        base.component = reader.field(.component).map { Self.codedName($0.text) }
        base.activity = reader.field(.activity).map { Self.codedName($0.text) }
        if let b = reader.field(.indicator) {
            let (code, name) = CodeSplitter.split(b.text.text)
            base.indicator = IndicatorRecord.Indicator(
                code: code, name: name, description: reader.field(.description).map { TextCleaning.clean($0.text.text) },
                evidence: b.text.trimmed().span
            )
        }
        base.period = reader.period
        base.responsibleUnit = reader.field(.responsibleUnit).map { Self.organization($0.text) }
        base.reportingInstitution = reader.institutions.reporting
        base.actions = reader.actions()
        base.dates = reader.dates
        base.periodMentions = reader.periodMentions
        base.institutions = reader.institutions.mentioned
        base.signatories = reader.signatories
        base.notices = NoticeReader.notices(in: document.blocks)
        base.spreadsheetErrors = document.blocks.flatMap { SpreadsheetErrors.cells(in: $0) }

        let tables = IndicatorTable.find(in: document.blocks)
        // A row's record carries the report's text about dates and quarters, not the dates
        // other rows hold as data.
        var rowBase = base
        rowBase.dates = reader.datesOutsideTables
        rowBase.periodMentions = reader.periodMentionsOutsideTables
        // The group headings, found once: each row looks up the nearest above it.
        let headings = document.blocks.indices.compactMap { b in Self.groupHeading(document.blocks[b]).map { (block: b, kind: $0.0, value: $0.1) } }
        let perTable = tables.filter(\.hasIndicatorColumn).map { table in
            let measure = table.subjectIsUnit ? table.measure(document.blocks) : nil
            // Found once per table, not per row (its headers are normalized to find it).
            let projectColumn = table.projectColumn
            var records: [(record: IndicatorRecord, objective: SourceSpan?)] = []
            let rows = table.dataRows(document.blocks)
            for row in rows {
                // A line of a name the PDF's layout set apart from its row is more of that name.
                if let last = records.indices.last, let more = Self.wrappedLine(row.cells, in: table, after: records[last].record) {
                    if let line = more.name, let name = records[last].record.indicator?.name {
                        records[last].record.indicator?.name = name + " " + line
                    }
                    if let lead = more.lead {
                        var component = records[last].record.component ?? IndicatorRecord.CodedName(code: nil, name: nil, evidence: lead.span)
                        component.name = [component.name, TextCleaning.clean(lead.text)].compactMap { $0 }.joined(separator: " ")
                        records[last].record.component = component
                        if records[last].record.notApplicable == nil { records[last].record.notApplicable = Self.saysNotApplicable(lead) }
                    }
                    continue
                }
                guard var record = rowRecord(
                    Self.inGroup(rowBase, at: row.block, headings), table: table, cells: row.cells, measure: measure, projectColumn: projectColumn
                )
                else { continue }
                // A project's cell left empty under it continues that project (the cell stands for the group).
                if projectColumn != nil, record.component == nil, let above = records.last?.record.component {
                    record.component = above
                }
                // Kept beside the record for a linked table's comparison (see `joiningLinkedTables`).
                records.append((record: record, objective: table.cell(.code, in: row.cells).map(\.span)))
            }
            records = Self.withComponentsAbove(records)
            // A project cited by reference is named by the document's list of projects.
            if projectColumn != nil {
                let projects = ProjectList(document.blocks)
                for i in records.indices where records[i].record.component?.name == nil {
                    if let code = records[i].record.component?.code, let name = projects.name(of: code) {
                        records[i].record.component?.name = name
                    }
                }
                // An action that names another project of its axis than the one it is filed under:
                // the project's cell and that project's place in the list, for the rules to compare.
                for i in records.indices {
                    guard let component = records[i].record.component, let code = component.code, let cell = component.evidence,
                          let action = records[i].record.indicator?.name,
                          let other = projects.otherProject(namedBy: action, filedUnder: code)
                    else { continue }
                    records[i].record.linkedValues = (records[i].record.linkedValues ?? [])
                        + [.init(field: "component.code", here: cell, there: other.evidence)]
                }
            }
            // A row that sets the total of what another row of its group counts, and that row.
            let withTotals = TotalsAndParts.linked(records.map(\.record))
            for i in records.indices { records[i].record = withTotals[i] }
            // The table's total and subtotal rows travel with its first record.
            let sums = table.sums(document.blocks, data: rows)
            if !sums.isEmpty, !records.isEmpty { records[0].record.tableSums = sums }
            // So do the spreadsheet errors those rows print (a `Total del Gasto` of `#REF!`).
            let sumErrors = (table.totalRows + table.subtotalRows).sorted().flatMap { SpreadsheetErrors.spans(of: document.blocks[$0].cells) }
            if !sumErrors.isEmpty, !records.isEmpty {
                records[0].record.spreadsheetErrors = (records[0].record.spreadsheetErrors ?? []) + sumErrors
            }
            return records
        }
        let rowRecords = Self.joiningLinkedTables(perTable).flatMap { $0 }
        if rowRecords.count >= 2 || (rowRecords.count == 1 && base.indicator == nil) {
            return rowRecords.enumerated().map { n, record in
                var r = Self.reportedByItsBody(record)
                r.source.row = n + 1
                return r
            }
        }
        var found = TargetReader.Found()
        for kind in Self.targetKinds {
            if let b = reader.field(kind) { TargetReader.take(kind, b.text, into: &found) }
        }
        // A small table of targets for the one indicator.
        for table in tables where !table.hasIndicatorColumn {
            if let row = table.dataRows(document.blocks).first {
                for kind in table.columns.compactMap({ $0 }) {
                    if let cell = table.cell(kind, in: row.cells) { TargetReader.take(kind, cell, into: &found) }
                }
            }
        }
        readProse(reader, into: &found)
        // A narrative that names no indicator and programs nothing counts what it did ("se
        // realizaron 61 publicaciones", "2 transmisiones"): none of its counts is an indicator's
        // figure, so none is taken as what was achieved.
        if base.indicator == nil, base.program == nil, found.annual == nil, found.period == nil, found.modified == nil {
            found.achieved = nil
            found.percent = nil
        }
        base.targets = found.targets
        // A labelled period, program, indicator, a stated target, or a quarter in a title
        // ("Informe de actividades abril / junio de 2019") makes a report; prose alone does not.
        let isReport = base.program != nil || base.indicator != nil || base.component != nil
            || base.activity != nil || !found.isEmpty || reader.periodBlock != nil || reader.periodFromTitle
        guard isReport else {
            // A table of indicators whose header has no row below it: an empty template.
            if let empty = IndicatorTable.find(in: document.blocks, keepingEmpty: true).first(where: { $0.hasIndicatorColumn && $0.rows.isEmpty && $0.firstRow == nil }),
               let h = empty.headerBlock, let at = document.blocks[h].cells.first?.span {
                let place = at.sheet.map { "sheet \($0), row \(at.line)" } ?? (at.page.map { "page \($0), line \(at.line)" } ?? "line \(at.line)")
                throw .noRecords(path: document.path, header: place)
            }
            throw .notAReport(path: document.path, missing: ["budget program", "indicator", "reported period", "target"])
        }
        return [Self.reportedByItsBody(base)]
    }

    /// A results matrix lists each component's activities under it: an activity that names no
    /// component belongs to the component of the nearest `Componente` row above it in its table
    /// (a `Fin` or `Propósito` row starts the matrix again).
    static func withComponentsAbove<T>(_ rows: [(record: IndicatorRecord, objective: T)]) -> [(record: IndicatorRecord, objective: T)] {
        var rows = rows
        var current: IndicatorRecord.CodedName?
        for i in rows.indices {
            switch rows[i].record.indicator?.level {
            case "Fin", "Propósito": current = nil
            case "Componente": current = rows[i].record.component
            case "Actividad" where rows[i].record.component == nil: rows[i].record.component = current
            default: break
            }
        }
        return rows
    }

    /// A project's cell: a reference (`Eje 3/ Proyecto B`, `P-03`: a few words with a figure or a
    /// letter standing alone) is its code, with its slashes spaced evenly; anything longer its name.
    static func project(_ cell: SpannedText) -> IndicatorRecord.CodedName {
        let text = TextCleaning.clean(cell.text)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "/" })
        let isReference = words.count <= 6
            && words.contains { w in w.contains(where: \.isNumber) || (w.count == 1 && w.first!.isUppercase) }
        guard isReference else { return IndicatorRecord.CodedName(code: nil, name: text, evidence: cell.span) }
        let code = text.split(separator: "/").map { $0.trimmingSpace() }.joined(separator: " / ")
        return IndicatorRecord.CodedName(code: code, name: nil, evidence: cell.span)
    }

    /// A summary cell as an objective's name: one line, without the bullet a list item opens with.
    static func summaryName(_ text: String) -> String {
        TextCleaning.clean(text.drop { "•·▪◦‣-–* ".contains($0) || $0.isWhitespace })
    }

    /// Where nothing else names who reports, a responsible "unit" that is a body in its own
    /// right (`Dependencia o Entidad Responsable: SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN`)
    /// is the body that reports; a unit inside one (`Dirección de ...`) is not.
    static func reportedByItsBody(_ record: IndicatorRecord) -> IndicatorRecord {
        // (A body known only by capitals never spelled out is the weaker evidence.)
        guard record.reportingInstitution?.name == nil, let unit = record.responsibleUnit, let name = unit.name,
              // A unit that names the body it belongs to (`Consejo ... del Parque Nacional El Chico SEMARNATH`).
              !(record.reportingInstitution?.acronym.map { name.split(separator: " ").contains(Substring($0)) } ?? false),
              let head = name.split(separator: " ").first, let requirement = InstitutionLexicon.heads[Folding.fold(String(head))],
              requirement == nil, name.split(separator: " ").count >= 3
        else { return record }
        var r = record
        r.reportingInstitution = unit
        return r
    }

    /// Targets stated in the prose before the first action (where reports state them),
    /// and in any paragraph that speaks of a "meta".
    private func readProse(_ reader: DocumentReader, into found: inout TargetReader.Found) {
        let firstAction = reader.sections.firstActionBlock ?? Int.max
        let quarters = QuarterRecognizer()
        let dates = DateRecognizer(reportYear: reader.reportYear, order: options.numericDateOrder)
        for segment in reader.segments {
            let block = reader.blocks[segment.block]
            guard block.kind == .paragraph || block.kind == .listItem || (block.kind == .field && Labels.kind(of: block.label?.text ?? "") == nil)
            else { continue }
            let speaksOfTargets = segment.text.tokens.contains { $0.folded == "meta" || $0.folded == "metas" }
            guard segment.block < firstAction || speaksOfTargets else { continue }
            var masked = Set<Int>()
            for m in quarters.matches(in: segment.text) { masked.formUnion(m.first...m.last) }
            for m in dates.matches(in: segment.text) { masked.formUnion(m.first...m.last) }
            TargetReader.read(segment.text, masked: masked, into: &found)
        }
    }

    /// `O002 - Fortalecimiento ...` as a code and a name, from a field's value or a table's cell.
    static func codedName(_ text: SpannedText) -> IndicatorRecord.CodedName {
        let (code, name) = CodeSplitter.split(text.text)
        return IndicatorRecord.CodedName(code: code, name: name, evidence: text.trimmed().span)
    }

    /// The record a table's row at `block` starts from: the program and the responsible unit
    /// that the nearest group heading above it names (`Programa Presupuestario: | 132 | Sistema
    /// de Evaluación del Desempeño`, `Dependencia o Entidad Responsable: | SECRETARÍA ...`), where
    /// a document reports several programs one after another; the document's own otherwise.
    /// `headings`: the document's group headings (`groupHeading`), in block order.
    static func inGroup(
        _ base: IndicatorRecord, at block: Int, _ headings: [(block: Int, kind: FieldKind, value: SpannedText)]
    ) -> IndicatorRecord {
        var record = base
        if let program = headings.last(where: { $0.block < block && $0.kind == .program }) {
            record.program = codedName(program.value)
        }
        if let unit = headings.last(where: { $0.block < block && $0.kind == .responsibleUnit }) {
            record.responsibleUnit = organization(unit.value)
        }
        return record
    }

    /// A table row that labels a group (`Programa Presupuestario:` in its first cell, the value in
    /// the next cells, up to another label such as `Gasto: 824,765.00`).
    static func groupHeading(_ block: Block) -> (FieldKind, SpannedText)? {
        guard block.kind == .tableRow, let k = block.cells.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
        let label = block.cells[k].trimmed().text
        guard label.hasSuffix(":"), let kind = Labels.kind(of: String(label.dropLast())),
              kind == .program || kind == .responsibleUnit
        else { return nil }
        let values = block.cells[(k + 1)...].prefix { !$0.text.contains(":") }.map { $0.trimmed() }.filter { !$0.text.isEmpty }
        guard let first = values.first else { return nil }
        // The cells from the first value to the last, as one text.
        let joined = values.dropFirst().reduce(first) { acc, cell in
            SpannedText(text: acc.text + " " + cell.text, anchors: acc.anchors + cell.anchors.map { $0.moved(to: $0.offset + acc.text.utf8.count + 1) })
        }
        return (kind, joined)
    }

    /// Tables of one document that speak of the same indicators by their codes (a MIR and its
    /// ficha técnica: `Clave Indicador` 01 to 19 in both) are one set of indicators: each
    /// record of the later table completes the earlier table's record of the same code (what
    /// the earlier one leaves unstated), and makes no record of its own. Where the rows print no
    /// code (a MIR and fichas técnicas that name each indicator), the indicator's name joins them,
    /// case, accents and punctuation aside.
    static func joiningLinkedTables(_ tables: [[(record: IndicatorRecord, objective: SourceSpan?)]]) -> [[IndicatorRecord]] {
        func key(_ r: (record: IndicatorRecord, objective: SourceSpan?)) -> String? {
            guard let code = r.record.indicator?.code else {
                let name = Folding.fold(r.record.indicator?.name ?? "").filter { $0.isLetter || $0.isNumber }
                return name.isEmpty ? nil : "name:" + name
            }
            let k = String(Codes.key(code).drop(while: { $0 == "0" }))
            return k.isEmpty ? nil : k
        }
        // A name (or code) printed twice in one table (`Porcentaje de personas capacitadas` as
        // a component and as an activity): its second row joins the other table's second.
        func keys(_ table: [(record: IndicatorRecord, objective: SourceSpan?)]) -> [String?] {
            var seen: [String: Int] = [:]
            return table.map { row in
                guard let k = key(row) else { return nil }
                seen[k, default: 0] += 1
                return seen[k]! == 1 ? k : k + "#\(seen[k]!)"
            }
        }
        var out: [[(record: IndicatorRecord, objective: SourceSpan?)]] = []
        for table in tables {
            let tableKeys = keys(table)
            let known = tableKeys.compactMap { $0 }
            guard known.count == table.count, known.count >= 2,
                  let target = out.firstIndex(where: { earlier in
                      let earlierKeys = keys(earlier).compactMap { $0 }
                      // (As many times in both, where a key repeats.)
                      return earlierKeys.count == earlier.count && Set(known).isSubset(of: Set(earlierKeys))
                          && Set(known.filter { $0.contains("#") }) == Set(earlierKeys.filter { $0.contains("#") })
                  })
            else {
                out.append(table)
                continue
            }
            var position: [String: Int] = [:]
            for (i, k) in keys(out[target]).enumerated() { if let k { position[k] = i } }
            for (row, k) in zip(table, tableKeys) {
                guard let k, let i = position[k] else { continue }
                var joined = out[target][i]
                joined.record = Self.completing(joined.record, with: row.record)
                // Both tables' words for what both state, for the rules to compare.
                var linked = joined.record.linkedValues ?? []
                // (Joined by their names, the two names agree: nothing to compare.)
                if !k.hasPrefix("name:"), let here = joined.record.indicator?.evidence, let there = row.record.indicator?.evidence {
                    linked.append(.init(field: "indicator.name", here: here, there: there))
                }
                if let here = joined.objective, let there = row.objective {
                    linked.append(.init(field: "objective.code", here: here, there: there))
                }
                joined.record.linkedValues = linked.isEmpty ? nil : linked
                out[target][i] = joined
            }
        }
        return out.map { $0.map(\.record) }
    }

    /// `record` with what it leaves unstated taken from `other`.
    static func completing(_ record: IndicatorRecord, with other: IndicatorRecord) -> IndicatorRecord {
        var r = record
        if r.program == nil { r.program = other.program } else if r.program?.code == nil, let code = other.program?.code {
            r.program?.code = code
        }
        r.component = r.component ?? other.component
        r.activity = r.activity ?? other.activity
        r.responsibleUnit = r.responsibleUnit ?? other.responsibleUnit
        if var i = r.indicator, let o = other.indicator {
            i.level = i.level ?? o.level
            i.frequency = i.frequency ?? o.frequency
            i.formula = i.formula ?? o.formula
            i.description = i.description ?? o.description
            r.indicator = i
        }
        r.targets = r.targets.filled(from: other.targets)
        r.spreadsheetErrors = (r.spreadsheetErrors ?? []) + (other.spreadsheetErrors ?? [])
        return r
    }

    /// `Sin indicador`, `Sin Indicador(es) de Actividad`, `No aplica indicador`.
    static func saysNoIndicator(_ text: String) -> Bool {
        let folded = Folding.fold(text).trimmingSpace()
        return folded.hasPrefix("sin indicador") || folded.hasPrefix("no aplica indicador") || folded.hasPrefix("sin indicadores")
    }

    /// `CURSOS` → `Cursos`: a heading's words as a name.
    static func sentenceCase(_ text: String) -> String {
        let lower = text.lowercased()
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }

    /// `Dirección de Vinculación Interinstitucional (DVI)` as a name and an acronym.
    static func organization(_ text: SpannedText) -> IndicatorRecord.Organization {
        let (name, acronym) = InstitutionIndex.nameAndAcronym(text.text)
        return IndicatorRecord.Organization(name: name, acronym: acronym, evidence: text.trimmed().span)
    }

    /// The columns a table's row states its targets in.
    static let targetKinds: [FieldKind] = [
        .unitOfMeasure, .annualTarget, .modifiedTarget, .periodTarget, .cumulativePeriodTarget, .achieved, .percent,
        .percentModified, .baseline,
    ]

    /// A cell's text, unless it is a placeholder for "not stated" (`NA`, `N/A`, `ND`, `S/D`,
    /// `-998`, `-999`, a dash): such a cell states nothing, and is never a number.
    static func stated(_ text: String) -> String? {
        let t = text.trimmingSpace()
        if SpreadsheetErrors.isError(t) { return nil }
        if let figure = CellFigure(t), MissingValueCode.isCode(figure.value) { return nil }
        return placeholders.contains(Folding.fold(t).filter { !$0.isWhitespace }) ? nil : t
    }

    /// Placeholders folded and without spaces (`No aplica` → `noaplica`).
    private static let placeholders: Set<String> = [
        "", "na", "n/a", "n.a.", "nd", "n/d", "n.d.", "s/d", "sd", "-", "--", "—", "–",
        "noaplica", "nodisponible", "sindato", "sindatos",
    ]

    /// Words a name does not end on: it goes on, on the next line.
    static let connectingWords: Set<String> = [
        "de", "del", "la", "las", "el", "los", "en", "y", "e", "o", "a", "al", "por", "para", "con", "que", "sus", "su",
    ]

    /// The text of a PDF table's row that is only the next line of the row above's indicator
    /// name: no figure, placeholder or code of its own, and a name that reads on (the line
    /// above ends on `de la`, or this one starts in lower case).
    ///
    /// Also the next line of the summary a results matrix prints in its first column under
    /// `Componente:` (`lead`): the row's first cell, before the indicator's column.
    static func wrappedLine(
        _ cells: [SpannedText], in table: IndicatorTable, after previous: IndicatorRecord
    ) -> (name: String?, lead: SpannedText?)? {
        guard cells.first(where: { !$0.text.isEmpty })?.span.page != nil else { return nil }
        guard !cells.contains(where: { IndicatorTable.isFigure($0.text) || (!$0.text.isEmpty && Self.stated($0.text) == nil) }),
              table.cell(.code, in: cells) == nil, table.cell(.indicatorCode, in: cells) == nil
        else { return nil }
        var name: String?
        if let prior = previous.indicator?.name, let line = table.cell(.indicator, in: cells).map({ TextCleaning.clean($0.text) }),
           let first = line.first {
            let lastWord = prior.split(separator: " ").last.map { Folding.fold(String($0)) } ?? ""
            if first.isLowercase || connectingWords.contains(lastWord) { name = line }
        }
        var lead: SpannedText?
        if previous.indicator?.level == "Componente", !table.columns.contains(.level), let c = table.columns.firstIndex(of: .indicator), c > 0,
           let k = cells.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }), k < c, !Levels.opensWithLevel(cells[k].text) {
            lead = cells[k].trimmed()
        }
        return name == nil && lead == nil ? nil : (name, lead)
    }

    /// The words of a cell that say the indicator does not apply (`No aplica en 2018`,
    /// `No aplica para 2018`), if it says so.
    static func saysNotApplicable(_ cell: SpannedText) -> SourceSpan? {
        let t = TokenizedText(cell)
        for i in t.tokens.indices where t.folded(i) == "no" && t.folded(i + 1) == "aplica" {
            var last = i + 1
            if ["en", "para", "durante"].contains(t.folded(last + 1)), t.tokens[safe: last + 2]?.kind == .number { last += 2 }
            return t.span(i, last)
        }
        return nil
    }

    /// A frequency cell's frequency: its first word where a known frequency opens a cell the
    /// layout ran into the next column's text (`Anual Registros administrativos. ...`).
    static func frequency(_ text: String) -> String {
        guard let first = text.split(separator: " ").first, Frequencies.names.contains(Folding.fold(String(first))),
              first.count < text.count else { return text }
        return String(first)
    }

    /// The record of one row of an indicator table.
    /// `measure`: what the targets of a table of units count (see `IndicatorTable.measure`);
    /// `projectColumn`: the table's `projectColumn`, found once for all its rows.
    private func rowRecord(
        _ base: IndicatorRecord, table: IndicatorTable, cells block: [SpannedText], measure: SpannedText? = nil,
        projectColumn: Int?
    ) -> IndicatorRecord? {
        // A work program's table names its indicators by the action they count.
        let named = table.nameColumn.flatMap { block[safe: $0] }.map { $0.trimmed() }.flatMap { $0.text.isEmpty ? nil : $0 }
        // (A row that says it has no indicator, `Sin Indicador(es) de Actividad`, is no data row
        // at all: see `IndicatorTable.find`.)
        guard let indicatorCell = table.cell(.indicator, in: block) ?? table.cell(.actionTitle, in: block) ?? named,
              // A figure under the indicator's header (`19,303`) is a row whose cells the layout
              // could not place: no indicator is named by a number.
              !IndicatorTable.isFigure(indicatorCell.text)
        else { return nil }
        var record = base
        record.actions = []
        record.spreadsheetErrors = SpreadsheetErrors.spans(of: block)
        var (code, name) = CodeSplitter.split(indicatorCell.text)
        var indicatorEvidence = indicatorCell.span
        // A work program's progress by unit (`UNIDAD DE CAPACITACIÓN TUXTLA`): the row's subject
        // is the unit that achieved the figures, and the indicator is what they count.
        let byUnit = table.cell(.indicator, in: block) == nil && table.cell(.actionTitle, in: block) == nil ? measure : nil
        if let byUnit {
            record.responsibleUnit = Self.organization(indicatorCell)
            (code, name) = (nil, Self.sentenceCase(TextCleaning.clean(byUnit.text)))
            indicatorEvidence = byUnit.span
        }
        let level = table.cell(.level, in: block).map { Folding.fold($0.text) } ?? ""
        let codeCell = table.cell(.code, in: block)
        let summary = table.cell(.summary, in: block)
        if let codeCell {
            // A "Clave" names the objective (C01, C01.A02) or the indicator (I03, 01): its shape says which.
            let clave = TextCleaning.clean(codeCell.text)
            let objective = IndicatorRecord.CodedName(
                code: clave, name: summary.map { TextCleaning.clean($0.text) }, evidence: codeCell.span
            )
            switch Codes.Shape.of(clave) {
            case .component where level.hasPrefix("componente") || level.isEmpty: record.component = objective
            case .activity where level.hasPrefix("actividad") || level.isEmpty: record.activity = objective
            // A unit's position in a table of units is no indicator's code.
            default: if code == nil && byUnit == nil { code = clave }
            }
        }
        if let indicatorCode = table.cell(.indicatorCode, in: block) { code = TextCleaning.clean(indicatorCode.text) }
        let indicatorColumn = table.columns.firstIndex(of: .indicator)
        // An unlabelled column of whole numbers just before the indicator's name is its key (`19,736`).
        if code == nil, byUnit == nil, let c = indicatorColumn, c > 0, table.headers[safe: c - 1]?.allSatisfy(\.isWhitespace) ?? false,
           let key = block[safe: c - 1]?.trimmed(), let figure = CellFigure(key.text), figure.decimals == 0, !figure.isPercent,
           figure.value >= 1 {
            code = key.text.filter(\.isNumber)
        }
        // Where no column gives the level, a cell before the indicator's that opens with one
        // (`Propósito`, `Componente:` and its summary, as a results matrix's first column prints it).
        var levelCell = table.cell(.level, in: block)
        var rowLevel = levelCell.flatMap { Levels.level(of: $0.text) }
        if rowLevel == nil, !table.columns.contains(.level), let c = indicatorColumn {
            for k in 0..<min(c, block.count) {
                let cell = block[k].trimmed()
                guard let found = Levels.level(of: cell.text), Levels.opensWithLevel(cell.text) || Levels.code(inLevelCell: cell.text) != nil
                else { continue }
                rowLevel = found
                levelCell = cell
                record.notApplicable = Self.saysNotApplicable(cell)
                // `Componente:` / `Programa anual de evaluación elaborado.`, its number in the next cell.
                if found == "Componente", record.component == nil, let colon = cell.text.firstIndex(of: ":") {
                    let summary = cell.slice(cell.text.index(after: colon)..<cell.text.endIndex).trimmed()
                    let number = block[safe: k + 1].map { TextCleaning.clean($0.text) }.flatMap { $0.count <= 3 && $0.allSatisfy(\.isNumber) ? $0 : nil }
                    if !summary.text.isEmpty || number != nil {
                        record.component = IndicatorRecord.CodedName(
                            code: number, name: summary.text.isEmpty ? nil : TextCleaning.clean(summary.text), evidence: cell.span
                        )
                    }
                }
                break
            }
        }
        // A component or an activity numbered beside its level (`Componente 1`, `Actividad 2`), named
        // by the row's summary (`Resumen narrativo`); an activity's component is the one above it
        // (see `withComponentsAbove`).
        if let levelCell, let number = Levels.code(inLevelCell: levelCell.text) {
            let named = IndicatorRecord.CodedName(code: number, name: summary.map { Self.summaryName($0.text) }, evidence: levelCell.trimmed().span)
            if rowLevel == "Componente", record.component == nil { record.component = named }
            if rowLevel == "Actividad", record.activity == nil { record.activity = named }
        }
        // A column of components or activities (`Componente`, `Actividad`: a code and a name).
        if let component = table.cell(.component, in: block), !component.text.allSatisfy(\.isWhitespace) {
            record.component = Self.codedName(component)
        }
        if let activity = table.cell(.activity, in: block), !activity.text.allSatisfy(\.isWhitespace) {
            record.activity = Self.codedName(activity)
        }
        if record.component == nil, let p = projectColumn, let cell = block[safe: p]?.trimmed(), !cell.text.isEmpty {
            record.component = Self.project(cell)
        }
        record.indicator = IndicatorRecord.Indicator(
            code: code, name: name, description: table.cell(.description, in: block).map { TextCleaning.clean($0.text) },
            level: rowLevel,
            frequency: table.cell(.frequency, in: block).map { Self.frequency(TextCleaning.clean($0.text)) }.flatMap(Self.stated),
            formula: table.cell(.formula, in: block).map { TextCleaning.clean($0.text) }.flatMap(Self.stated),
            evidence: indicatorEvidence
        )
        // A program, unit or period given in the row itself (a CONAC `PP` and `UR`, SIPOT's dates).
        if let program = table.cell(.program, in: block) {
            // Under `Clave Programa`, the whole cell is the code (`22-23`).
            let isKey = table.header(of: .program).map { Labels.normalize($0).hasPrefix("clave") } ?? false
            record.program = isKey
                ? IndicatorRecord.CodedName(code: TextCleaning.clean(program.text), name: base.program?.name, evidence: program.span)
                : Self.codedName(program)
        }
        if let unit = table.cell(.responsibleUnit, in: block) { record.responsibleUnit = Self.organization(unit) }
        // The body a row names as its own (SIPOT's `Sujeto obligado`, a CONAC `Ente público`).
        if let body = table.cell(.institution, in: block) { record.reportingInstitution = Self.organization(body) }
        // A row of another year than the document's (a workbook of several years, each row with
        // its `Ejercicio`): the same part of that row's year.
        if let yearCell = table.cell(.year, in: block), let period = record.period,
           let year = DocumentReader.year(in: yearCell), (1900...2100).contains(year), year != period.year {
            record.period = IndicatorRecord.Period(year: year, quarter: period.quarter, fromJanuary: period.isCumulative, evidence: yearCell.span)
        }
        // The part of the year the row's own `Periodo` names (`ene-dic`, `Tercer trimestre`, a
        // year alone: the whole year), in the row's `Ejercicio` or the document's year.
        if let cell = table.cell(.period, in: block) {
            let year = table.cell(.year, in: block).flatMap(DocumentReader.year(in:)).flatMap { (1900...2100).contains($0) ? $0 : nil }
            let text = TokenizedText(cell)
            if let m = QuarterRecognizer(inField: true).matches(in: text).first, let y = m.year ?? year ?? base.period?.year {
                record.period = IndicatorRecord.Period(year: y, quarter: m.quarter, fromJanuary: m.cumulative, evidence: cell.span)
            } else if let y = DocumentReader.year(in: cell), (1900...2100).contains(y), text.tokens.count == 1 {
                record.period = IndicatorRecord.Period(year: y, quarter: 4, fromJanuary: true, evidence: cell.span)
            }
        }
        // The period the row itself states (SIPOT's `Fecha de inicio` / `Fecha de término`).
        if let start = table.cell(.periodStart, in: block), let end = table.cell(.periodEnd, in: block) {
            let recognizer = DateRecognizer(reportYear: base.period?.year, order: options.numericDateOrder)
            if let first = recognizer.matches(in: TokenizedText(start)).first?.date,
               let last = recognizer.matches(in: TokenizedText(end)).first?.date,
               let p = DocumentReader.period(from: first, to: last) {
                record.period = IndicatorRecord.Period(year: p.year, quarter: p.quarter, fromJanuary: p.fromJanuary, evidence: start.span)
            }
        }
        var found = TargetReader.Found()
        for kind in Self.targetKinds {
            if let cell = table.cell(kind, in: block), Self.stated(cell.text) != nil {
                TargetReader.take(kind, cell, inRow: true, into: &found)
            }
        }
        // Columns of the year's parts (`I TRIMESTRE` … `III TRIMESTRE`): the figure under the
        // report's own part is what the row achieved, where no column says so; the others are
        // the row's figures for those parts.
        if !table.partColumns.isEmpty {
            var values: [IndicatorRecord.PeriodValue] = []
            for part in table.partColumns {
                guard let cell = block[safe: part.column]?.trimmed(), let text = Self.stated(cell.text),
                      let figure = CellFigure(text) else { continue }
                if let p = record.period, p.quarter == part.quarter, p.isCumulative == part.cumulative {
                    TargetReader.take(.achieved, cell, inRow: true, into: &found)
                    continue
                }
                values.append(IndicatorRecord.PeriodValue(
                    header: table.headers[safe: part.column] ?? "", quarter: part.quarter, isCumulative: part.cumulative,
                    value: figure.value, evidence: cell.span
                ))
            }
            record.periodValues = values
        }
        // The row says the indicator does not apply: as its target (`N/A`, `No aplica`), or in its name or summary.
        if record.notApplicable == nil, let target = table.cell(.annualTarget, in: block),
           ["na", "n/a", "n.a.", "noaplica"].contains(Folding.fold(target.text).filter { !$0.isWhitespace }) {
            record.notApplicable = target.span
        }
        if record.notApplicable == nil {
            record.notApplicable = ([indicatorCell] + [summary].compactMap { $0 }).lazy.compactMap(Self.saysNotApplicable).first
        }
        if record.period?.isCumulative == true { found.cumulative = true }
        record.targets = found.targets
        if let byUnit, record.targets.unit == nil { record.targets.unit = TextCleaning.clean(byUnit.text).lowercased() }
        return record
    }
}
