import AvanceCore
import Testing

@testable import AvanceExtract

/// The reading of `-layout` text, on page texts written out here as pdftotext prints them.
@Suite struct LayoutPageReaderTests {
    func read(_ text: String, page: Int = 1) -> [Block] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            LayoutLine(number: $0.offset + 1, text: $0.element)
        }
        return LayoutPageReader(page: page, bodyHeight: nil).blocks(lines)
    }

    @Test func wrappedLabelsAndValuesOfWordsTwoColumnTable() {
        let blocks = read("""
               Programa                     O002 - Fortalecimiento de las Capacidades
               presupuestario:              Institucionales en Materia Anticorrupción

               Trimestre:                   3er. Trimestre 2024
            """)
        #expect(blocks.map(\.kind) == [.field, .field])
        #expect(blocks[0].label?.text == "Programa presupuestario")
        #expect(blocks[0].text.text == "O002 - Fortalecimiento de las Capacidades\nInstitucionales en Materia Anticorrupción")
        #expect(blocks[0].text.span == SourceSpan(page: 1, line: 1, column: 33, text: blocks[0].text.text))
        #expect(blocks[1].text.span.line == 4)
    }

    @Test func rowsNotSpacedApartStartWhereTheFirstColumnIsFilled() {
        let blocks = read("""
               Proyecto          Acción                 Cantidad
               Eje 1 / A         Entrevistas en         12 (una
                                 medios                 al mes)
               Eje 1 / B         Reuniones con          10
                                 organizaciones
            """)
        #expect(blocks.map { $0.cells.map(\.text) } == [
            ["Proyecto", "Acción", "Cantidad"],
            ["Eje 1 / A", "Entrevistas en\nmedios", "12 (una\nal mes)"],
            ["Eje 1 / B", "Reuniones con\norganizaciones", "10"],
        ])
    }

    @Test func aCellCentredInItsRowDoesNotSplitIt() {
        let blocks = read("""
               Nivel        Resumen narrativo                 Indicador

                            Contribuir a la reducción del     Porcentaje de
               Fin          problema de la corrupción         organismos
                            mediante estrategias.

                            La población se beneficia         Tasa de
               Propósito    de los programas.                 crecimiento
            """)
        #expect(blocks.map { $0.cells.first?.text } == ["Nivel", "Fin", "Propósito"])
        #expect(blocks[1].cells[1].text == "Contribuir a la reducción del\nproblema de la corrupción\nmediante estrategias.")
        #expect(blocks[1].span.line == 4)
    }

    @Test func textAcrossTheColumnsAfterATableIsNoRow() {
        let blocks = read("""
               Nivel        Indicador        Meta        Avance
               Fin          I01 - Tasa       4           4

               Nota: las cifras de este cuadro son preliminares y se revisarán en el trimestre.
            """)
        #expect(blocks.map(\.kind) == [.tableRow, .tableRow, .field])
        #expect(blocks[2].label?.text == "Nota")
    }

    @Test func textsSideBySideAreReadLeftThenRight() {
        let blocks = read("""
                 Mtra. Laura Méndez Castillo              Lic. Jorge Pérez Ramírez
                  Directora de Capacitación         Jefe del Departamento de Seguimiento
            """)
        #expect(blocks.map(\.text.text) == [
            "Mtra. Laura Méndez Castillo\nDirectora de Capacitación",
            "Lic. Jorge Pérez Ramírez\nJefe del Departamento de Seguimiento",
        ])
        #expect(blocks[1].span.column == 47)
    }

    @Test func listItemsParagraphsAndHyphenation() {
        let blocks = read("""
            Considerando que:

                •   La Política Estatal ha sido aprobada y se encuentra en fa-
                    se de implementación
                •   Se han diseñado proyectos

            El Comité trabaja en la coordina-
            ción de las acciones (PI- PAEQROO) del periodo.
            """)
        #expect(blocks.map(\.kind) == [.field, .listItem, .listItem, .paragraph])
        #expect(blocks[1].text.text == "La Política Estatal ha sido aprobada y se encuentra en fase de implementación")
        #expect(blocks[3].text.text == "El Comité trabaja en la coordinación de las acciones (PI- PAEQROO) del periodo.")
        let r = blocks[3].text.text.range(of: "ción de")!
        #expect(blocks[3].text.span(of: r).line == 8)
    }

    @Test func headingsAreTheLinesSetLarger() {
        var lines = ["Resultados alcanzados", "", "El 9 de julio se firmó el convenio.", "Segunda línea del párrafo."]
            .enumerated().map { LayoutLine(number: $0.offset + 1, text: Substring($0.element)) }
        lines[0].height = 13.5
        lines[2].height = 9.5
        lines[3].height = 9.5
        let blocks = LayoutPageReader(page: 2, bodyHeight: 9.5).blocks(lines)
        #expect(blocks.map(\.kind) == [.heading, .paragraph])
        #expect(blocks[0].level == 2)
        #expect(blocks[0].span.page == 2)
    }

    @Test func runningLinesAndPageNumbersAreBlanked() {
        func page(_ n: Int, _ body: String) -> [LayoutLine] {
            ["Consejo Estatal de Evaluación", "", body, "", "                    Página \(n) de 3"]
                .enumerated().map { LayoutLine(number: $0.offset + 1, text: Substring($0.element)) }
        }
        var pages = [page(1, "Primera página."), page(2, "Segunda página."), page(3, "Tercera página.")]
        RunningLines.remove(from: &pages)
        #expect(pages.map { $0.filter { !$0.isBlank }.map(\.text) } == [["Primera página."], ["Segunda página."], ["Tercera página."]])
        #expect(pages[1][2].number == 3)
    }
}
