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
