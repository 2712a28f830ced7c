import AvanceCore
@testable import AvanceExtract
@testable import AvanceParse
import Testing

/// Tables of indicators in the shapes real files have: a results matrix without targets, a
/// work program that counts actions, and a PDF header run into its first row.
@Suite struct TableTests {
    static func records(_ text: String) throws -> [IndicatorRecord] {
        try Parser().parse(ExtractedDocument(path: "t.md", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text)))
    }

    @Test func aResultsMatrixWithoutTargetsGivesOneRecordPerIndicator() throws {
        let rs = try Self.records("""
            | Nivel | Clave objetivo | Resumen narrativo | Clave indicador | Indicador | Medios de verificación |
            |---|---|---|---|---|---|
            | Fin | 01 | Contribuir a reducir la corrupción | 01 | Porcentaje de organismos que implementan estrategias | Portal |
            | Componente 1 | C01 | Cultura ciudadana | 03 | Porcentaje de ciudadanos capacitados | Listas |
            """)
        #expect(rs.map { $0.indicator?.code } == ["01", "03"])
        #expect(rs.map(\.source.row) == [1, 2])
        #expect(rs[1].component?.code == "C01")
    }

    @Test func aResultsMatrixNumbersItsComponentsAndActivitiesByLevel() throws {
        // `Componente 1`, `Actividad 2`: numbered by the level cell, named by the summary (its
        // bullet dropped); an activity belongs to the component above it, until the next `Fin`.
        let rs = try Self.records("""
            | Nivel | Clave objetivo | Resumen narrativo | Clave indicador | Indicador |
            |---|---|---|---|---|
            | Fin | 01 | Contribuir a reducir la corrupción | 01 | Porcentaje de organismos que implementan estrategias |
            | Componente 1 | 01 | Cultura ciudadana anticorrupción | 02 | Porcentaje de ciudadanos capacitados |
            | Actividad 1 | 02 | · Impartir cursos de ética | 03 | Porcentaje de cursos impartidos |
            | Actividad 2: | 03 | Realizar concursos | 04 | Porcentaje de concursos realizados |
            | Componente 2 | 01 | Participación ciudadana | 05 | Porcentaje de ciudadanos que participan |
            | Actividad 1.1 | 02 | Habilitar a la ciudadanía | 06 | Promedio de ciudadanos habilitados |
            """)
        #expect(rs.map { $0.component?.code } == [nil, "1", "1", "1", "2", "2"])
        #expect(rs.map { $0.component?.name } == [nil, "Cultura ciudadana anticorrupción", "Cultura ciudadana anticorrupción",
                                                  "Cultura ciudadana anticorrupción", "Participación ciudadana", "Participación ciudadana"])
        #expect(rs.map { $0.activity?.code } == [nil, nil, "1", "2", nil, "1.1"])
        #expect(rs[2].activity?.name == "Impartir cursos de ética")
        #expect(rs.map { $0.indicator?.code } == ["01", "02", "03", "04", "05", "06"])
    }

    @Test func aWorkProgramsProjectIsItsRowsComponent() throws {
        // `Proyecto` beside the action that names the row: a reference is the code (slashes
        // spaced evenly), an empty cell continues the project above; a project's long name is a name.
        let rs = try Self.records("""
            | Proyecto | Acción | Producto o evidencia | Cantidad o porcentaje |
            |---|---|---|---|
            | Eje 1/ Proyecto A | Entrevistas en medios sobre la política estatal | Testigos | 12 |
            | Eje 3/Proyecto B | Capacitación a pequeñas empresas | Listas | 20 empresas |
            |  | Número total de empresas capacitadas | Listas | 10 empresas |
            | Difusión de resultados del programa en las cinco regiones del estado | Reuniones regionales | Fotografías | 5 |
            """)
        #expect(rs.map { $0.component?.code } == ["Eje 1 / Proyecto A", "Eje 3 / Proyecto B", "Eje 3 / Proyecto B", nil])
        #expect(rs[3].component?.name == "Difusión de resultados del programa en las cinco regiones del estado")
        #expect(rs.map(\.targets.annual) == [12, 20, 10, 5])
    }

    @Test func aCONACTableOfResultsIndicators() throws {
        // The government-accounting format: a title with the days it covers, group headings
        // over the targets and the percentages, a narrow column whose header breaks inside a word,
        // budget columns whose "Modificado" is no target, a placeholder in a target cell.
        let rs = try Self.records("""
            INDICADORES PARA RESULTADOS del 1 de Enero al 30 de Septiembre de 2019

            |  |  |  |  |  | METAS |  |  | Porcentaje de Cumplimiento |  | PRESUPUESTO |  |
            |---|---|---|---|---|---|---|---|---|---|---|---|
            | PP | UR | Denominación del Indicador | Nivel | Frecuencia de Medición | Programad<br>a | Modificada | Alcanzada | Alc. / Prog. | Alc. / Modif. | Modificado | Devengado |
            | E024 | 3035 | Porcentaje de personas sin primaria | Propósito | Anual | 16.3 | N/A | 34.7 | 212.9 | | 188,514,814.94 | 111,146,030.80 |
            | E024 | 3035 | Número de asesores capacitados | Actividad 1.2 | Trimestral | 120 | 100 | 90 | 75 | 90 | 5,000.00 | 4,000.00 |
            """)
        #expect(rs.count == 2)
        #expect(rs.map { $0.indicator?.level } == ["Propósito", "Actividad"])
        #expect(rs.map { $0.indicator?.frequency } == ["Anual", "Trimestral"])
        #expect(rs.map { $0.program?.code } == ["E024", "E024"])
        #expect(rs.map(\.targets.annual) == [16.3, 120])
        #expect(rs.map(\.targets.modified) == [nil, 100])
        #expect(rs.map(\.targets.achieved) == [34.7, 90])
        #expect(rs.map(\.targets.compliancePercent) == [212.9, 75])
        #expect(rs.map(\.targets.compliancePercentModified) == [nil, 90])
        // January to the end of the third quarter: the third quarter, cumulative.
        #expect(rs[0].period?.quarter == 3 && rs[0].period?.start == "2019-01-01" && rs[0].period?.end == "2019-09-30")
        #expect(rs.map(\.targets.periodIsCumulative) == [true, true])
    }

    @Test func columnHeadersInTheirManyWordings() {
        #expect(Labels.columnKind(of: "Programad\na", group: "METAS") == .annualTarget)
        #expect(Labels.columnKind(of: "PROGRAMADO\nENE-JUN") == .cumulativePeriodTarget)
        #expect(Labels.columnKind(of: "REALIZADO ENE-\nJUN") == .achieved)
        #expect(Labels.columnKind(of: "ANUAL\n(CURSOS)\nTOTAL ANUAL\nPROGRAMADO") == .annualTarget)
        #expect(Labels.columnKind(of: "Meta al 30 de junio") == .periodTarget)
        #expect(Labels.columnKind(of: "Metas ajustadas, en su caso") == .modifiedTarget)
        #expect(Labels.columnKind(of: "Nombre(s) del(os) indicador(es)") == .indicator)
        #expect(Labels.columnKind(of: "Línea base") == .baseline)
        #expect(Labels.columnKind(of: "Método de cálculo con variables de la fórmula") == .formula)
        #expect(Labels.columnKind(of: "Fecha de término del\nperiodo que se informa") == .periodEnd)
        #expect(Labels.columnKind(of: "Aprobado", group: "PRESUPUESTO (PESOS)") == .other)
        #expect(Labels.columnKind(of: "Modificada", group: "PRESUPUESTO (PESOS)") == .other)
        // A known label the header goes on to qualify.
        #expect(Labels.columnKind(of: "Área Responsable de La Información") == .responsibleUnit)
        #expect(Labels.columnKind(of: "Área(s) responsable(s) que genera(n), posee(n),\npublica(n) y actualizan la información") == .responsibleUnit)
        #expect(Labels.columnKind(of: "Unidad de medida del indicador") == .unitOfMeasure)
        #expect(Labels.columnKind(of: "Meta de la unidad") == nil, "one word and a connector is too little to go on")
        #expect(Labels.columnKind(of: "Unidad de\nMedida del\nindicador") == .unitOfMeasure, "not its last line alone")
        #expect(Labels.columnKind(of: " ", group: "Nivel") == .level, "a blank header under its group heading")
        #expect(Labels.columnKind(of: "Situación Final", group: "Determinación Meta") == .annualTarget)
    }

    @Test func placeholdersStateNothing() {
        for placeholder in ["NA", "N/A", "nd", "S/D", "-998", "-999", "—", " - ", ""] {
            #expect(Parser.stated(placeholder) == nil, "\(placeholder)")
        }
        for figure in ["0", "-21", "16.3", "N/A 3"] { #expect(Parser.stated(figure) != nil) }
        #expect(Levels.level(of: "Componente 1") == "Componente")
        #expect(Levels.level(of: "PROPÓSITO") == "Propósito")
        #expect(Levels.level(of: "C") == "Componente")
        #expect(Levels.level(of: "Estratégico") == nil)
    }

    @Test func aRowStatesItsOwnPeriod() throws {
        // SIPOT's columns: the first and last day of the period each row reports.
        let rs = try Self.records("""
            | Ejercicio | Fecha de inicio del periodo que se informa | Fecha de término del periodo que se informa | Nombre del indicador | Metas programadas | Avance de las metas |
            |---|---|---|---|---|---|
            | 2024 | 01/07/2024 | 30/09/2024 | Porcentaje de denuncias atendidas | 80 | 75 |
            | 2024 | 01/01/2024 | 30/06/2024 | Número de inspecciones | 40 | 22 |
            """)
        #expect(rs.map { $0.period?.quarter } == [3, 2])
        #expect(rs.map { $0.period?.start } == ["2024-07-01", "2024-01-01"])
        #expect(rs.map(\.targets.periodIsCumulative) == [false, true])
    }

    @Test func aWorkProgramsProgressByUnitWithZoneSubtotals() throws {
        // A POA's progress: no indicator column, each row a unit measured against its targets,
        // zone rows (no position) that sum the units above them, and the totals.
        let rs = try Self.records("""
            PERIODO: Ene-Jun 2018

            | Posición | Unidad de capacitación / especialidad | Total anual programado | Programado ene-jun | Realizado ene-jun | Diferencia | % de cumplimiento |
            |---|---|---|---|---|---|---|
            | 1 | Unidad de capacitación Tuxtla | 527 | 237 | 216 | -21 | 91% |
            | 2 | Acción móvil Berriozabal | 26 | 15 | 16 | 1 | 107% |
            |  | ZONA I TUXTLA GUTIÉRREZ | 553 | 252 | 232 | -20 | 92% |
            | 3 | Acción móvil Las Rosas | 30 | 12 | 15 | 3 | 0% |
            |  | ZONA III COMITÁN | 30 | 12 | 15 | 3 | 125% |
            |  | TOTALES | 583 | 264 | 247 | -17 | 94% |
            """)
        #expect(rs.map { $0.indicator?.name } == ["Unidad de capacitación Tuxtla", "Acción móvil Berriozabal", "Acción móvil Las Rosas"])
        #expect(rs.map(\.targets.annual) == [527, 26, 30])
        #expect(rs.map(\.targets.period) == [237, 15, 12])
        #expect(rs.map(\.targets.achieved) == [216, 16, 15])
        #expect(rs.map(\.targets.compliancePercent) == [91, 107, 0])
        #expect(rs.map(\.targets.periodIsCumulative) == [true, true, true])
    }

    @Test func aTableOfUnitsCountsWhatItsHeaderSays() throws {
        // The subject column names units, and a target's header says what they count: each
        // row is that measure, achieved by that unit; a unit's position is no indicator code.
        let rs = try Self.records("""
            PERIODO: Ene-Jun 2018

            | Posición | Unidad de capacitación / especialidad | Total anual programado (cursos) | Programado ene-jun | Realizado ene-jun | % de cumplimiento |
            |---|---|---|---|---|---|
            | 1 | Unidad de capacitación Tuxtla | 527 | 237 | 216 | 91% |
            | 2 | Acción móvil Berriozabal | 26 | 15 | 16 | 107% |
            """)
        #expect(rs.map { $0.indicator?.name } == ["Cursos", "Cursos"])
        #expect(rs.map { $0.indicator?.code } == [nil, nil])
        #expect(rs.map { $0.indicator?.evidence?.text } == ["cursos", "cursos"])
        #expect(rs.map { $0.responsibleUnit?.name } == ["Unidad de capacitación Tuxtla", "Acción móvil Berriozabal"])
        #expect(rs.map(\.targets.unit) == ["cursos", "cursos"])
        // Where the subject column names no units, its rows stay the indicators.
        let named = try Self.records("""
            PERIODO: Ene-Jun 2018

            | Posición | Especialidad | Total anual programado (cursos) | Programado ene-jun | Realizado ene-jun |
            |---|---|---|---|---|
            | 1 | Cursos de computación básica | 50 | 20 | 18 |
            | 2 | Cursos de inglés | 30 | 12 | 12 |
            """)
        #expect(named.map { $0.indicator?.name } == ["Cursos de computación básica", "Cursos de inglés"])
        #expect(named.map { $0.responsibleUnit } == [nil, nil])
    }

    @Test func aTotalRowUnderTheIndicatorsMakesNoRecord() throws {
        let rs = try Self.records("""
            | Clave | Nivel | Indicador | Meta anual programada | Avance acumulado |
            |---|---|---|---|---|
            | I01 | Actividad | Número de talleres impartidos | 40 | 28 |
            | I02 | Actividad | Número de visitas realizadas | 3,600 | 2,655 |
            |  |  | Total | 3,640 | 2,683 |
            """)
        #expect(rs.map { $0.indicator?.code } == ["I01", "I02"])
        #expect(IndicatorTable.isTotalRow(["Subtotal:", "", "12"].map { SpannedText(text: $0, anchors: []) }))
        #expect(!IndicatorTable.isTotalRow(["I03", "Total de escuelas atendidas", "12"].map { SpannedText(text: $0, anchors: []) }))
        func cells(_ texts: String...) -> [SpannedText] { texts.map { SpannedText(text: $0, anchors: []) } }
        // A label that only starts with "Total", where the row names no indicator.
        #expect(IndicatorTable.isTotalRow(cells("", "Total del Gasto", "", "334,595,424.51"), indicatorColumn: 2))
        #expect(IndicatorTable.isTotalRow(cells("", "Total del Gasto", "334,595,424.51"), indicatorColumn: 1))
        #expect(!IndicatorTable.isTotalRow(cells("Total de escuelas atendidas", "12"), indicatorColumn: 0))
        #expect(!IndicatorTable.isTotalRow(cells("E024", "Total de escuelas atendidas", "Anual", "12"), indicatorColumn: 1))
    }

    @Test func totalAndSubtotalRowsKeepWhatTheySum() throws {
        let rs = try Self.records("""
            Periodo: enero-junio de 2018

            | Posición | Unidad de capacitación | Programado | Realizado | % de cumplimiento |
            |---|---|---|---|---|
            | 1 | Unidad Tuxtla | 237 | 216 | 91% |
            | 2 | Acción móvil Soyaló | 17 | 8 | 47% |
            |  | Zona I | 254 | 224 | 88% |
            | 3 | Unidad Tapachula | 27.5 | 22 | 80% |
            | 4 | Acción móvil Motozintla | 12 | 6 | 50% |
            |  | Zona II | 39.5 | 28 | 71% |
            |  | TOTALES | 293.5 | 252 | 86% |
            """)
        #expect(rs.map { $0.indicator?.name } == ["Unidad Tuxtla", "Acción móvil Soyaló", "Unidad Tapachula", "Acción móvil Motozintla"])
        #expect(rs.dropFirst().allSatisfy { $0.tableSums == nil })
        let sums = try #require(rs.first?.tableSums)
        // In the order printed: the zones (summing the rows above each), then the total.
        #expect(sums.map { $0.label.text } == ["Zona I", "Zona II", "TOTALES"])
        #expect(sums.map(\.isSubtotal) == [true, true, false])
        #expect(sums[1].columns.map(\.parts) == [[27.5, 12], [22, 6], [80, 50]])
        #expect(sums[2].columns.map(\.stated) == [293.5, 252, 86])
        #expect(sums[2].columns.map(\.parts.count) == [4, 4, 4])
        #expect(sums[2].columns.map(\.partsDecimals) == [1, 0, 0])
        #expect(sums[2].columns.map(\.isRatio) == [false, false, true])
        // The percentage divides what was achieved by the target to its left.
        #expect(sums[2].columns[2].numerator == 1 && sums[2].columns[2].denominator == 0)
        #expect(sums[2].columns.map(\.isSumOfParts) == [true, true, false])
    }

    /// A table row of a PDF page: its cells, each at `page`.
    static func pdfRow(_ cells: [String], page: Int, line: Int) -> Block {
        let spanned = cells.enumerated().map { k, t in SpannedText(t, page: page, line: line, column: 1 + 20 * k) }
        return Block(kind: .tableRow, text: SpannedText(cells.joined(separator: " | "), page: page, line: line), cells: spanned)
    }

    /// A lettered list item of a PDF's first page.
    static func listItem(_ marker: String, _ text: String, line: Int) -> Block {
        Block(kind: .listItem, text: SpannedText(text, page: 1, line: line), marker: marker)
    }

    @Test func aProjectCitedByReferenceIsNamedByTheDocumentsListOfProjects() throws {
        // `Eje 2 / Proyecto B`: the item lettered B) under the title `Eje 2`; a reference the
        // list does not hold keeps its code alone.
        let blocks = [
            Block(kind: .paragraph, text: SpannedText("Eje 2", page: 1, line: 1)),
            Self.listItem("A)", "Ampliación de la Red Ciudadana Anticorrupción", line: 2),
            Self.listItem("B)", "Lanzamiento del Padrón Digital Voluntario", line: 3),
            Block(kind: .paragraph, text: SpannedText("Indicadores de desempeño", page: 1, line: 4)),
            Self.pdfRow(["Proyecto", "Acción", "Cantidad o porcentaje"], page: 1, line: 5),
            Self.pdfRow(["Eje 2/ Proyecto B", "Diseño y publicación del Padrón", "1"], page: 1, line: 6),
            Self.pdfRow(["Eje 2/ Proyecto A", "Reuniones con organizaciones de la Red", "4"], page: 1, line: 7),
            Self.pdfRow(["Eje 4/ Proyecto A", "Aplicación del índice", "6"], page: 1, line: 8),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        #expect(rs.map { $0.component?.code } == ["Eje 2 / Proyecto B", "Eje 2 / Proyecto A", "Eje 4 / Proyecto A"])
        #expect(rs.map { $0.component?.name }
            == ["Lanzamiento del Padrón Digital Voluntario", "Ampliación de la Red Ciudadana Anticorrupción", nil])
    }

    @Test func anActionNamingAnotherProjectOfItsAxisIsLinkedToThatProjectsItem() throws {
        // The Padrón is project B of axis 2; an action about it filed under A is linked to B's item.
        // Its first word (`Difusión`, capitalised as a sentence opens) is no part of the name.
        let blocks = [
            Block(kind: .paragraph, text: SpannedText("Eje 2", page: 1, line: 1)),
            Self.listItem("A)", "Ampliación de la Red Ciudadana Anticorrupción", line: 2),
            Self.listItem("B)", "Lanzamiento del Padrón Digital Voluntario de Organizaciones", line: 3),
            Block(kind: .paragraph, text: SpannedText("Indicadores de desempeño", page: 1, line: 4)),
            Self.pdfRow(["Proyecto", "Acción", "Cantidad o porcentaje"], page: 1, line: 5),
            Self.pdfRow(["Eje 2/ Proyecto A", "Difusión del Padrón Digital Voluntario de Organizaciones", "24"], page: 1, line: 6),
            Self.pdfRow(["Eje 2/ Proyecto B", "Difusión del Padrón Digital Voluntario de Organizaciones", "24"], page: 1, line: 7),
            Self.pdfRow(["Eje 2/ Proyecto A", "Foro de la Red Ciudadana Anticorrupción y el Padrón Digital Voluntario", "1"], page: 1, line: 8),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        #expect(rs.count == 3)
        let linked = try #require(rs.first?.linkedValues)
        #expect(linked.map(\.field) == ["component.code"])
        #expect(linked.first?.here.text == "Eje 2/ Proyecto A" && linked.first?.here.line == 6)
        #expect(linked.first?.there.line == 3)
        // Filed under its own project; naming its own project beside the other one.
        #expect(rs.dropFirst().map(\.linkedValues) == [nil, nil])
    }

    @Test func aTableWiderThanThePageGoesOnWithItsOtherColumns() throws {
        // Page 1: the indicators; page 2: the same rows' targets, as the portal prints a SIPOT format.
        let blocks = [
            Self.pdfRow(["Ejercicio", "Nombre del indicador", "Método de cálculo"], page: 1, line: 1),
            Self.pdfRow(["2025", "Porcentaje de estudiantes titulados", "(Titulados / Egresados) * 100"], page: 1, line: 2),
            Self.pdfRow(["2025", "Matrícula en nivel licenciatura", "Total de estudiantes inscritos"], page: 1, line: 3),
            Block(kind: .heading, text: SpannedText("Indicadores de resultados", page: 2, line: 1)),
            Self.pdfRow(["Unidad de medida", "Línea base", "Metas programadas", "Avance de metas"], page: 2, line: 2),
            Self.pdfRow(["Porcentaje", "35", "40", "38"], page: 2, line: 3),
            Self.pdfRow(["Estudiantes", "1555", "1570", "1490"], page: 2, line: 4),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        #expect(rs.map { $0.indicator?.name } == ["Porcentaje de estudiantes titulados", "Matrícula en nivel licenciatura"])
        #expect(rs.map(\.targets.unit) == ["Porcentaje", "Estudiantes"])
        #expect(rs.map(\.targets.annual) == [40, 1570])
        #expect(rs.map(\.targets.achieved) == [38, 1490])
        #expect(rs.map(\.targets.baseline) == [35, 1555])
        #expect(rs.map { $0.targets.evidence(for: .achieved)?.page } == [2, 2])
    }

    @Test func aFollowUpTableOfTheYearsPartsAndItsPlaceholders() throws {
        // A state's follow-up format: the year in the title, the quarter on the next line; the
        // results matrix's first column opens with the level; an unlabelled column of keys before
        // the indicator; a missing-value code as target; one column per part of the year.
        let rs = try Self.records("""
            # SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018
            ## III TRIMESTRE

            | Resumen Narrativo | | | Indicador | Fórmula | Línea base | Meta | I TRIMESTRE | II TRIMESTRE | AVANCE I SEMESTRE | III TRIMESTRE |
            |---|---|---|---|---|---|---|---|---|---|---|
            | Componente: Informes de evaluación publicados. | 2 | 17,983 | Porcentaje de informes publicados | (B/C)*100 | 100.00<br>Porcentaje | 100.00 | NA | 50.50 | 50.50 | 75.00 |
            | Componente: Capacitaciones realizadas. No aplica en 2018. | 4 | 17,987 | Porcentaje de personas capacitadas | (B/C)*100 | -998.00<br>Porcentaje | -998.00 | NA | 100.00 | 100.00 | 0.00 |
            | Propósito | | 19,302 | Tasa de variación de la matrícula | ((B/C)-1)*100 | -0.0584 | 2.50 | ND | ND | ND | 1.20 |
            """)
        #expect(rs.map { $0.period?.start } == ["2018-07-01", "2018-07-01", "2018-07-01"])
        #expect(rs.map { $0.period?.isCumulative } == [false, false, false])
        #expect(rs.map { $0.indicator?.code } == ["17983", "17987", "19302"])
        #expect(rs.map { $0.indicator?.level } == ["Componente", "Componente", "Propósito"])
        #expect(rs.map { $0.component?.code } == ["2", "4", nil])
        #expect(rs.map { $0.component?.name } == ["Informes de evaluación publicados", "Capacitaciones realizadas. No aplica en 2018", nil])
        // -998.00 is a system's code for "no value"; a minus sign is a figure's own.
        #expect(rs.map(\.targets.annual) == [100, nil, 2.5])
        #expect(rs.map(\.targets.baseline) == [100, nil, -0.0584])
        #expect(rs.map(\.targets.unit) == ["Porcentaje", "Porcentaje", nil])
        // The report's own quarter is what was achieved; the other parts are kept as they are.
        #expect(rs.map(\.targets.achieved) == [75, 0, 1.2])
        #expect(rs[0].periodValues?.map(\.header) == ["II TRIMESTRE", "AVANCE I SEMESTRE"])
        #expect(rs[0].periodValues?.map(\.quarter) == [2, 2])
        #expect(rs[0].periodValues?.map(\.isCumulative) == [false, true])
        #expect(rs[2].periodValues == [])
        #expect(rs.map { $0.notApplicable?.text } == [nil, "No aplica en 2018", nil])
    }

    @Test func theLinesOfAPDFRowsCellsSetOnRowsOfTheirOwnJoinTheirRow() throws {
        let blocks = [
            Self.pdfRow(["Resumen Narrativo", "Indicador", "Meta", "III TRIMESTRE"], page: 1, line: 1),
            Self.pdfRow(["Componente:", "Porcentaje de proyectos con asignación en el Presupuesto de Egresos de la", "100.00", "80.00"], page: 1, line: 2),
            Self.pdfRow(["Asistencia técnica proporcionada.", "Federación", "", ""], page: 1, line: 3),
            Self.pdfRow(["Actividad: C1A1", "Sin Indicador(es) de Actividad", "0.00", "0.00"], page: 1, line: 4),
            Self.pdfRow(["Elaboración de la metodología.", "", "", ""], page: 1, line: 5),
            Self.pdfRow(["Componente:", "Porcentaje de programas publicados", "100.00", "100.00"], page: 1, line: 6),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        #expect(rs.map { $0.indicator?.name } == [
            "Porcentaje de proyectos con asignación en el Presupuesto de Egresos de la Federación", "Porcentaje de programas publicados",
        ])
        // The activity's own second line is the activity's, not the component's above it.
        #expect(rs.map { $0.component?.name } == ["Asistencia técnica proporcionada", nil])
    }

    @Test func anActivityReportsCountsAreNoIndicatorsFigures() throws {
        // No indicator, program or target: what it did is counted, but none of it is "achieved".
        let activities = try Self.records("""
            Informe de actividades abril / junio de 2019
            Se realizaron 61 publicaciones y 2 transmisiones en vivo.
            """)
        #expect(activities.map { $0.period?.start } == ["2019-04-01"])
        #expect(activities.map(\.targets.achieved) == [nil])
        // With an indicator, the same clause is its figure.
        let indicator = try Self.records("""
            Indicador: Número de publicaciones en redes sociales
            Periodo: abril a junio de 2019
            Se realizaron 61 publicaciones.
            """)
        #expect(indicator.map(\.targets.achieved) == [61])
    }

    @Test func aRowWhoseCellsStandOffTheColumnsIsReadByWhatEachValueIs() throws {
        // The first row's level and summary were printed as one cell, the gap made up by an
        // empty cell after the frequency: `Anual` stands under `Meta` until the row is re-read.
        let header = ["Resumen Narrativo", "", "", "Indicador", "Fórmula", "Línea base", "Meta", "Periodicidad", "Medios de verificación", "III TRIMESTRE"]
        let blocks = [
            Self.pdfRow(header, page: 1, line: 1),
            Self.pdfRow(["Propósito\nLas políticas son transparentes.", "19,302", "Lugar que ocupa la entidad en transparencia", "A", "7.00\nLugar", "5.00", "Anual", "", "", "6.00"], page: 1, line: 2),
            Self.pdfRow(["Componente:\nObservatorio implementado.", "1", "19,303", "Porcentaje de compromisos cumplidos", "(B/C)*100", "69.60", "100.00", "Anual", "Sitio del Observatorio", "80.00"], page: 1, line: 3),
            Self.pdfRow(["Componente:\nDiálogos realizados.", "2", "19,220", "Porcentaje de diálogos realizados", "(B/C)*100", "50.00", "90.00", "Trimestral", "Sistema de seguimiento", "45.00"], page: 1, line: 4),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        #expect(rs.map { $0.indicator?.name } == [
            "Lugar que ocupa la entidad en transparencia", "Porcentaje de compromisos cumplidos", "Porcentaje de diálogos realizados",
        ])
        #expect(rs.map { $0.indicator?.code } == ["19302", "19303", "19220"])
        #expect(rs.map { $0.indicator?.level } == ["Propósito", "Componente", "Componente"])
        #expect(rs.map { $0.indicator?.frequency } == ["Anual", "Anual", "Trimestral"])
        #expect(rs.map(\.targets.annual) == [5, 100, 90])
        #expect(rs.map(\.targets.baseline) == [7, 69.6, 50])
    }

    @Test func cellsAsThePortalsFormatsTypeThem() throws {
        // Several years in one file, each row's period from its own cells; a calculation as the
        // target; a baseline with its unit; an adjusted target of 0 or "Sin ajuste" is no adjustment.
        let rs = try Self.records("""
            | Ejercicio | Periodo | Nombre del indicador | Línea base | Metas programadas | Metas ajustadas | Avance de metas |
            |---|---|---|---|---|---|---|
            | 2023 | ene-dic | Tasa de variación de la matrícula | 2338 alumnos atendidos | (2520/2338)-1 | 0 | 118/169 |
            | 2022 | 2022 | Porcentaje de egresados titulados | nd | 80 | Sin ajuste de meta | 75 |
            | 2024 | Tercer trimestre | Porcentaje de docentes capacitados | 50 | 90 | 85 | 60 |
            """)
        #expect(rs.map { $0.period?.start } == ["2023-01-01", "2022-01-01", "2024-07-01"])
        #expect(rs.map { $0.period?.end } == ["2023-12-31", "2022-12-31", "2024-09-30"])
        #expect(rs.map { $0.targets.annual.map { ($0 * 1e6).rounded() / 1e6 } } == [0.077844, 80, 90])
        #expect(rs[0].targets.evidence.map(\.text).contains("(2520/2338)-1"))
        #expect(rs.map(\.targets.modified) == [nil, nil, 85])
        #expect(rs.map { $0.targets.achieved.map { ($0 * 1e4).rounded() / 1e4 } } == [0.6982, 75, 60])
        #expect(rs.map(\.targets.baseline) == [2338, nil, 50])
    }

    @Test func aFootnoteInsideAPDFTableDoesNotEndIt() throws {
        let blocks = [
            Self.pdfRow(["Nivel", "Clave", "Indicador", "Línea base", "Meta"], page: 1, line: 1),
            Self.pdfRow(["Propósito", "19,736", "Porcentaje de avance en la implementación", "98.30", "100.00"], page: 1, line: 2),
            Block(kind: .paragraph, text: SpannedText("Documento relativo al cumplimiento del artículo 80.", page: 1, line: 3)),
            Self.pdfRow(["Componente 1", "19,299", "Porcentaje de programas evaluados", "16.61", "4.68"], page: 1, line: 4),
            Self.pdfRow(["Actividad: C1A1", "0", "Sin Indicador(es) de Actividad", "0.00", "0.00"], page: 1, line: 5),
            Self.pdfRow(["Componente 2", "17,983", "Porcentaje de informes publicados", "100.00", "100.00"], page: 1, line: 6),
            Self.pdfRow(["Componente 3", "", "18,015", "50.00", "66.08"], page: 1, line: 7),
            Block(kind: .paragraph, text: SpannedText("Fuente: elaboración propia.", page: 1, line: 8)),
            Self.pdfRow(["Tema", "Descripción"], page: 1, line: 9),
        ]
        let rs = try Parser().parse(ExtractedDocument(path: "t.pdf", sha256: "", format: .pdf, blocks: blocks))
        // The placeholder row and the row with a number under `Indicador` make no record.
        #expect(rs.map { $0.indicator?.name } == [
            "Porcentaje de avance en la implementación", "Porcentaje de programas evaluados", "Porcentaje de informes publicados",
        ])
        #expect(rs.map(\.targets.annual) == [100, 4.68, 100])
    }

    @Test func valuesPrintedOneColumnOffTheirHeadersFindTheirHeaders() throws {
        // An empty column was dropped in printing: from `Objetivo` on, each value stands one
        // column left of its header, and an unlabelled figure follows `Avance`.
        let rs = try Self.records("""
            | Ejercicio | Programa | Objetivo institucional | Nombre del indicador | Dimensión | Frecuencia de medición | Línea base | Metas programadas | Metas ajustadas | Avance de metas | Sentido del indicador |
            |---|---|---|---|---|---|---|---|---|---|---|
            | 2025 | Coadyuvar a fortalecer la calidad de los servicios educativos | Porcentaje de profesores de tiempo completo con posgrado | Eficiencia | Anual | 100% | 100% | Sin ajuste | 73% | 26.7% | Ascendente |
            | 2025 | Contribuir a incrementar la cobertura y la equidad educativa | Matrícula en nivel licenciatura de la institución | Eficacia | Anual | 1555 | 1570 | Sin ajuste | 1490 | -80 | Ascendente |
            | 2025 | Contribuir a impulsar la ciencia, la tecnología y la innovación | Proyectos de investigación y desarrollo tecnológico realizados | Eficiencia | Semestral | 7 | 10 | Sin ajuste | 1 | 9 | Ascendente |
            """)
        #expect(rs.map { $0.indicator?.name } == [
            "Porcentaje de profesores de tiempo completo con posgrado", "Matrícula en nivel licenciatura de la institución",
            "Proyectos de investigación y desarrollo tecnológico realizados",
        ])
        #expect(rs.map { $0.program?.name } == [
            "Coadyuvar a fortalecer la calidad de los servicios educativos", "Contribuir a incrementar la cobertura y la equidad educativa",
            "Contribuir a impulsar la ciencia, la tecnología y la innovación",
        ])
        #expect(rs.map { $0.indicator?.frequency } == ["Anual", "Anual", "Semestral"])
        #expect(rs.map(\.targets.baseline) == [100, 1555, 7])
        #expect(rs.map(\.targets.annual) == [100, 1570, 10])
        #expect(rs.map(\.targets.modified) == [nil, nil, nil])
        #expect(rs.map(\.targets.achieved) == [73, 1490, 1])
    }

    @Test func aTableWhoseValuesStandUnderTheirHeadersIsReadStraight() throws {
        let rs = try Self.records("""
            | Clave | Indicador | Frecuencia | Meta anual | Avance |
            |---|---|---|---|---|
            | I01 | Número de talleres impartidos en los municipios | Trimestral | 40 | 28 |
            | I02 | Número de visitas de verificación realizadas | Anual | 12 | |
            | I03 | Porcentaje de quejas atendidas en tiempo | Mensual | 90 | 85 |
            """)
        #expect(rs.map { $0.indicator?.frequency } == ["Trimestral", "Anual", "Mensual"])
        #expect(rs.map(\.targets.annual) == [40, 12, 90])
        #expect(rs.map(\.targets.achieved) == [28, nil, 85])
    }

    @Test func aResultsMatrixAndItsFichaTecnicaAreOneSetOfIndicators() throws {
        // The MIR names the indicators; the ficha técnica, later, gives their frequency, formula,
        // unit, baseline and goal under the same `Clave Indicador`: one record per indicator.
        let rs = try Self.records("""
            MATRIZ DE INDICADORES PARA RESULTADOS DEL PROGRAMA ANUAL DE TRABAJO DEL CPC 22-23

            | Nivel | Clave objetivo | Resumen narrativo | Responsable del objetivo | Clave indicador | Indicador |
            |---|---|---|---|---|---|
            | Fin | 01 | Contribuir a reducir la corrupción | CPC | 01 | Porcentaje de organismos que implementan estrategias |
            | Componente 1 | 01 | Cultura ciudadana | CPC | 03 | Porcentaje de ciudadanos capacitados |

            Clave Programa: Se refiere a la clave del Programa Anual de Trabajo, conforme al catálogo.

            FICHA TÉCNICA DE INDICADORES

            | Clave Programa | Nivel MIR | Clave Indicador | Denominación | Unidad de medida del indicador | Método de cálculo | Frecuencia de medición | Línea base | Situación final |
            |---|---|---|---|---|---|---|---|---|
            | 22-23 | Componente 1 | 03 | Porcentaje de ciudadanos capacitados | Porcentaje | (Capacitados / Meta) * 100 | Trimestral | 0% | 100% |
            | 22-23 | Fin | 01 | Porcentaje de organismos que implementan estrategias | Porcentaje | (Organismos / Meta) * 100 | Anual | 0% | 5% |
            """)
        #expect(rs.map { $0.indicator?.code } == ["01", "03"])
        #expect(rs.map { $0.indicator?.level } == ["Fin", "Componente"])
        #expect(rs.map { $0.indicator?.frequency } == ["Anual", "Trimestral"])
        #expect(rs.map { $0.indicator?.formula } == ["(Organismos / Meta) * 100", "(Capacitados / Meta) * 100"])
        #expect(rs.map(\.targets.unit) == ["Porcentaje", "Porcentaje"])
        #expect(rs.map(\.targets.baseline) == [0, 0])
        #expect(rs.map(\.targets.annual) == [5, 100])
        #expect(rs.map { $0.responsibleUnit?.acronym ?? $0.responsibleUnit?.name } == ["CPC", "CPC"])
        // The program: its code from `Clave Programa`, its name from the title (the glossary's
        // line defines the label and names nothing).
        #expect(rs.map { $0.program?.code } == ["22-23", "22-23"])
        #expect(rs.map { $0.program?.name } == ["PROGRAMA ANUAL DE TRABAJO DEL CPC 22-23", "PROGRAMA ANUAL DE TRABAJO DEL CPC 22-23"])
    }

    @Test func capitalsNeverSpelledOutDoNotOutvoteTheLetterhead() throws {
        let rs = try Self.records("""
            INSTITUTO DE ALFABETIZACIÓN Y EDUCACIÓN BÁSICA PARA ADULTOS DEL ESTADO DE GTO
            del 1 de enero al 30 de septiembre de 2017

            | PP | Denominación del indicador | Programada | Alcanzada |
            |---|---|---|---|
            | E024 | Porcentaje de personas que concluyen la primaria | 16.3 | 14.2 |
            | E024 | Número de asesores capacitados | 120 | 90 |

            HACIENDA PÚBLICA / PATRIMONIO: PATRIMONIO CONTRIBUIDO, PATRIMONIO GENERADO, PATRIMONIO TOTAL.
            """)
        #expect(rs.map { $0.reportingInstitution?.name } == [
            "INSTITUTO DE ALFABETIZACIÓN Y EDUCACIÓN BÁSICA PARA ADULTOS DEL ESTADO DE GTO",
            "INSTITUTO DE ALFABETIZACIÓN Y EDUCACIÓN BÁSICA PARA ADULTOS DEL ESTADO DE GTO",
        ])
        #expect(rs.allSatisfy { $0.reportingInstitution?.acronym == nil })
    }

    @Test func aGroupHeadingRowGivesItsProgramToTheRowsBelow() throws {
        // A follow-up report of several programs, one after another, each under its heading rows.
        let rs = try Self.records("""
            SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018 III TRIMESTRE

            | Programa Presupuestario: | 132 | Sistema de Evaluación del Desempeño | Gasto: 824,765.00 |
            |---|---|---|---|
            | Dependencia o Entidad Responsable: | SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN. | | |

            | Nivel | Indicador | Línea base | Meta | III Trimestre |
            |---|---|---|---|---|
            | Propósito | Porcentaje de avance en la implementación del PbR-SED | 98.30 | 100.00 | 0.00 |

            | Programa Presupuestario: | 153 | Planeación | Gasto: 1,200.00 |
            |---|---|---|---|
            | Dependencia o Entidad Responsable: | SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN. | | |

            | Nivel | Indicador | Línea base | Meta | III Trimestre |
            |---|---|---|---|---|
            | Propósito | Porcentaje de avance en la categoría planeación | 84.1 | 89 | 85.9 |
            """)
        #expect(rs.map { $0.program?.code } == ["132", "153"])
        #expect(rs.map { $0.program?.name } == ["Sistema de Evaluación del Desempeño", "Planeación"])
        #expect(rs.map { $0.responsibleUnit?.name } == ["SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN", "SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN"])
    }

    @Test func aFigureInATableCell() {
        #expect(CellFigure("3,442") == CellFigure(value: 3442, decimals: 0, isPercent: false))
        #expect(CellFigure("$ 188,383,103.05") == CellFigure(value: 188_383_103.05, decimals: 2, isPercent: false))
        #expect(CellFigure("-224") == CellFigure(value: -224, decimals: 0, isPercent: false))
        #expect(CellFigure("91.5%") == CellFigure(value: 91.5, decimals: 1, isPercent: true))
        for text in ["", "1,23", "12,3456", "1.2.3", "Anual", "2 de 3", "-", "22-23", "10/4/22"] { #expect(CellFigure(text) == nil, "\(text)") }
    }

    @Test func aWorkProgramCountsItsActions() throws {
        let rs = try Self.records("""
            | Proyecto | Acción | Producto o evidencia | Cantidad o porcentaje |
            |---|---|---|---|
            | Eje 1 | Entrevistas en medios | Testigos | 12 (una al mes) |
            | Eje 2 | Talleres a docentes | Listas | 6 |
            """)
        #expect(rs.map { $0.indicator?.name } == ["Entrevistas en medios", "Talleres a docentes"])
        #expect(rs.map(\.targets.annual) == [12, 6])
    }

    @Test func aHeaderRunIntoItsFirstRowIsSplit() {
        let cell = SpannedText(text: "B)\nClave\nIndicador\n01", anchors: [SourceAnchor(offset: 0, line: 1, column: 1)])
        let (kind, rest) = IndicatorTable.headerCell(cell)
        #expect(kind == .indicatorCode)
        #expect(rest?.text == "01")
    }

    @Test func aQuarterInTheTitleMakesAReport() throws {
        let rs = try Self.records("## Informe de actividades abril / junio de 2019\n\nEl Comité sesionó 13 veces.\n")
        #expect(rs.first?.period?.quarter == 2 && rs.first?.period?.year == 2019)
        #expect(rs.first?.actions.isEmpty == true, "the title is no action")
    }
}
