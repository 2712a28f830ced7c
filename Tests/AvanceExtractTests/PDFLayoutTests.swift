import AvanceCore
import Testing
import TestSupport

@testable import AvanceExtract

/// The layout of PDF pages, on page models drawn as text (`PageSketch`).
@Suite struct PDFLayoutTests {
    @Test func wrappedLabelsAndValuesOfWordsTwoColumnTable() {
        let blocks = PageSketch.blocks("""
               Programa                     O002 - Fortalecimiento de las Capacidades
               presupuestario:              Institucionales en Materia Anticorrupción

               Trimestre:                   3er. Trimestre 2024
            """)
        #expect(blocks.map(\.kind) == [.field, .field])
        #expect(blocks[0].label?.text == "Programa presupuestario")
        #expect(blocks[0].text.text == "O002 - Fortalecimiento de las Capacidades\nInstitucionales en Materia Anticorrupción")
        #expect(blocks[0].text.span.line == 1)
        #expect(blocks[0].text.span.column == 33)
        #expect(blocks[1].text.span.line == 4)
    }

    @Test func boldLabelsWithoutColonsWrappedInTheirColumn() {
        // A Word table's label column in bold, no colons, "Programa" / "presupuestario" wrapped.
        var page = PageSketch.page("""
               Programa                     E001 - Igualdad Sustantiva entre Mujeres
               presupuestario               y Hombres
               Componente                   C02 - Capacitaciones impartidas
               Unidad responsable           Dirección de Capacitación
            """)
        for k in page.words.indices where page.words[k].box.x < 150 { page.words[k].isBold = true }
        let blocks = PageSketch.blocks([page])
        #expect(blocks.map(\.kind) == [.field, .field, .field])
        #expect(blocks.map { $0.label?.text } == ["Programa presupuestario", "Componente", "Unidad responsable"])
        #expect(blocks[0].text.text == "E001 - Igualdad Sustantiva entre Mujeres\ny Hombres")
    }

    @Test func theBoxOfAPartIsTheUnionOfItsWords() throws {
        let blocks = PageSketch.blocks("""
               Programa                     O002 - Fortalecimiento de las Capacidades
               presupuestario:              Institucionales en Materia Anticorrupción
            """)
        let value = blocks[0].text
        let r = try #require(value.text.range(of: "Capacidades\nInstitucionales"))
        let box = try #require(value.span(of: r).box)
        // From "Institucionales" (line 2, column 33) to the end of "Capacidades" (line 1, column 73).
        #expect(box == SourceSpan.Box(x: 50 + 32 * 5, y: 40, width: 73 * 5 - 32 * 5, height: 22))
        let label = try #require(blocks[0].label?.span.box)
        #expect(label.y == 40 && label.maxY == 62)
        // A span of one word is that word's box.
        let word = try #require(value.text.range(of: "Materia"))
        #expect(value.span(of: word).box == SourceSpan.Box(x: 50 + 51 * 5, y: 52, width: 35, height: 10))
    }

    @Test func rowsNotSpacedApartStartWhereTheFirstColumnIsFilled() {
        let blocks = PageSketch.blocks("""
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

    @Test func aCellCentredInItsRowBelongsToIt() {
        let blocks = PageSketch.blocks("""
               Nivel        Resumen narrativo                 Indicador          Meta

                            Contribuir a la reducción del     Porcentaje de
               Fin          problema de la corrupción         organismos         100
                            mediante estrategias.

                            La población se beneficia         Tasa de
               Propósito    de los programas.                 crecimiento        12
            """)
        #expect(blocks.map { $0.cells.first?.text } == ["Nivel", "Fin", "Propósito"])
        #expect(blocks[1].cells.map(\.text) == ["Fin", "Contribuir a la reducción del\nproblema de la corrupción\nmediante estrategias.", "Porcentaje de\norganismos", "100"])
        #expect(blocks[1].span.line == 4)
        #expect(blocks[1].cells[1].span.line == 3)
    }

    @Test func aOneLineCellCentredBetweenTheLinesOfAFiveLineCell() throws {
        // Excel centres a short cell against the tallest of its row: half a line lower here.
        var page = PageSketch.page("""
               Clave   Descripción del indicador              Meta

               A1      Porcentaje de acciones de
                       acompañamiento técnico realizadas
                       para la creación de bases de
                       coordinación entre los entes
                       públicos del Estado

               A2      Tasa de variación                      8
            """)
        for k in page.words.indices where page.words[k].text == "A1" {
            page.words[k].box.y += 2.5 * PageSketch.lineHeight
        }
        page.words.append(PDFPageModel.Word(text: "40", box: .init(x: 50 + 49 * 5, y: 40 + 4.5 * 12, width: 10, height: 10),
                                            font: nil, size: 10, isBold: false, isItalic: false, block: 900, line: 900))
        let blocks = PageSketch.blocks([page])
        try #require(blocks.map(\.kind) == [.tableRow, .tableRow, .tableRow])
        #expect(blocks[1].cells.map(\.oneLine) == ["A1", "Porcentaje de acciones de acompañamiento técnico realizadas para la creación de bases de coordinación entre los entes públicos del Estado", "40"])
        #expect(blocks[2].cells.map(\.text) == ["A2", "Tasa de variación", "8"])
    }

    @Test func textAcrossTheColumnsAfterATableIsNoRow() {
        let blocks = PageSketch.blocks("""
               Nivel        Indicador        Meta        Avance
               Fin          I01 - Tasa       4           4

               Nota: las cifras de este cuadro son preliminares y se revisarán en el trimestre.
            """)
        #expect(blocks.map(\.kind) == [.tableRow, .tableRow, .field])
        #expect(blocks[2].label?.text == "Nota")
    }

    @Test func aRowWhoseFiguresSpanTheHeadersNarrowColumnsGoesOnWithTheTable() {
        // A header centred over figures set to the right, and a first row of short figures,
        // leave narrower columns than the table's: a wider figure below spans two of them.
        let blocks = PageSketch.blocks("""
                  Clave   Indicador         Meta        Avance
                                           anual       logrado

                  I01     Talleres de            40            28
                          capacitación

                  I02     Visitas de          3,600         2,655
                          verificación
            """)
        #expect(blocks.map(\.kind) == [.tableRow, .tableRow, .tableRow])
        #expect(blocks.map(\.cells.count) == [4, 4, 4])
        #expect(blocks[0].cells.map(\.text) == ["Clave", "Indicador", "Meta\nanual", "Avance\nlogrado"])
        #expect(blocks[2].cells.map(\.text) == ["I02", "Visitas de\nverificación", "3,600", "2,655"])
    }

    @Test func signaturesSetLargeSideBySideAreLinesNotHeadings() {
        // Each signature's lines are broken by hand (`Elaboró` alone over the name): no heading.
        let blocks = PageSketch.blocks([PageSketch.page("""
               Las metas y los avances son acumulados al cierre del tercer trimestre del año.
               El porcentaje de cumplimiento se calcula como el avance entre la meta al periodo.

                      Elaboró                                  Autorizó
               Arq. Ana López Ruiz                      Ing. Luis Pérez Gómez
               Directora de Programas                   Director General
            """, sizes: [3: 11.5, 4: 11.5, 5: 11.5])])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(blocks.dropFirst().map(\.text.text) == [
            "Elaboró\nArq. Ana López Ruiz\nDirectora de Programas",
            "Autorizó\nIng. Luis Pérez Gómez\nDirector General",
        ])
    }

    @Test func textsSideBySideAreReadLeftThenRight() {
        let blocks = PageSketch.blocks("""
                 Mtra. Laura Méndez Castillo              Lic. Jorge Pérez Ramírez
                  Directora de Capacitación         Jefe del Departamento de Seguimiento
            """)
        #expect(blocks.map(\.text.text) == [
            "Mtra. Laura Méndez Castillo\nDirectora de Capacitación",
            "Lic. Jorge Pérez Ramírez\nJefe del Departamento de Seguimiento",
        ])
        #expect(blocks[1].span.column == 47)
    }

    @Test func aPageInTwoColumnsIsReadLeftColumnFirst() {
        let blocks = PageSketch.blocks("""
            El taller se impartió el 9 de julio         La segunda jornada se dedicó a los
            en la sede del Instituto con la             casos prácticos de las unidades
            asistencia de 35 personas.                  administrativas.

            Se entregaron constancias a todas           El informe final se publicará en el
            las personas participantes.                 portal del Instituto.
            """)
        #expect(blocks.map(\.text.text) == [
            "El taller se impartió el 9 de julio\nen la sede del Instituto con la\nasistencia de 35 personas.",
            "Se entregaron constancias a todas\nlas personas participantes.",
            "La segunda jornada se dedicó a los\ncasos prácticos de las unidades\nadministrativas.",
            "El informe final se publicará en el\nportal del Instituto.",
        ])
    }

    @Test func aCellThatRunsOverThePageBreakIsMadeWholeAgain() {
        // Words set at x (each 40 pt wide) on one line of a page: their text, each word anchored with its box.
        func words(_ page: Int, _ line: Int, _ placed: [(x: Double, word: String)]) -> SpannedText {
            var b = SpannedTextBuilder(page: page)
            for (i, p) in placed.enumerated() {
                if i > 0 { b.appendSynthetic(" ") }
                b.append(word: p.word, line: line, column: 1 + i * 10, box: SourceSpan.Box(x: p.x, y: 100, width: 40, height: 10))
            }
            return b.spanned
        }
        func row(_ cells: [SpannedText]) -> Block {
            Block(kind: .tableRow, text: SpannedText.joined(cells, separator: " | "), cells: cells)
        }
        let header = row([words(6, 1, [(72, "Proyecto")]), words(6, 1, [(200, "Acción")]), words(6, 1, [(400, "Cantidad")])])
        let cut = row([words(6, 2, [(72, "Eje 4")]), words(6, 2, [(200, "Diseño"), (240, "del")]), words(6, 2, [(400, "1")])])
        // The next page opens with the rest of the action's cell alone, within its column.
        let rest = Block(kind: .paragraph, text: words(7, 1, [(202, "estándar"), (243, "de")]))
        // A paragraph across the page's width after a table is the body's.
        let wide = Block(kind: .paragraph, text: words(7, 1, [(72, "continúa"), (200, "el"), (400, "informe")]))
        var blocks = [header, cut]
        DocumentLayout.appendPage([rest], to: &blocks)
        #expect(blocks.count == 2)
        #expect(blocks[1].cells[1].text == "Diseño del\nestándar de")
        #expect(blocks[1].cells[1].span(of: blocks[1].cells[1].text.range(of: "estándar")!).page == 7)
        var other = [header, cut]
        DocumentLayout.appendPage([wide], to: &other)
        #expect(other.map(\.kind) == [.tableRow, .tableRow, .paragraph])
    }

    @Test func aListItemKeepsItsLetterOrNumberButNotItsBullet() {
        let blocks = PageSketch.blocks("""
            Eje 2

                A)  Ampliación de la Red Ciudadana
                B)  Lanzamiento del Padrón Digital
                3.  Diseño de un mecanismo de denuncia
                •   Seguimiento
            """)
        #expect(blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .listItem, .listItem])
        #expect(blocks.map(\.marker) == [nil, "A)", "B)", "3.", nil])
        #expect(blocks[2].text.text == "Lanzamiento del Padrón Digital")
    }

    @Test func listItemsParagraphsHyphenationAndLigatures() {
        let blocks = PageSketch.blocks("""
            Considerando que:

                •   La Política Estatal ha sido aprobada y se encuentra en fa-
                    se de implementación
                •   Se han diseñado proyectos

            El Comité trabaja en la coordina-
            ción de las acciones (PI- PAEQROO) del periodo para identi\u{FB01}car.
            """)
        // A label with no value beside it and no paragraph after it is a paragraph (as in text).
        #expect(blocks.map(\.kind) == [.paragraph, .listItem, .listItem, .paragraph])
        #expect(blocks[1].text.text == "La Política Estatal ha sido aprobada y se encuentra en fase de implementación")
        #expect(blocks[3].text.text == "El Comité trabaja en la coordinación de las acciones (PI- PAEQROO) del periodo para identificar.")
        let r = blocks[3].text.text.range(of: "ción de")!
        #expect(blocks[3].text.span(of: r).line == 8)
    }

    @Test func headingsAreSetLargerOrInBoldAtBodySize() {
        let blocks = PageSketch.blocks("""
            Resultados alcanzados

            Firma del convenio con el Instituto

            El 9 de julio se firmó el convenio con el Instituto de la Mujer en su sede.
            Segunda línea del párrafo.

            Taller de sensibilización

            El 20 de agosto se impartió el taller.
            """, sizes: [0: 14], bold: [2, 7])
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph, .paragraph, .paragraph])
        #expect(blocks[0].level == 2)
        #expect(blocks.map(\.isStrong) == [true, true, false, true, false])
        #expect(blocks[1].text.text == "Firma del convenio con el Instituto")
    }

    @Test func aBoldLineWithinAParagraphGoesOnWithIt() {
        // A phrase set in bold that happens to fill a whole line of a wrapped paragraph.
        let blocks = PageSketch.blocks("""
            Se dio a conocer el arranque del proyecto durante la Segunda
            Reunión Plenaria de la Comisión Permanente de Contralores del
            Estado, celebrada el 19 de julio en la ciudad de Cancún.

            Taller de sensibilización

            El 20 de agosto se impartió el taller.
            """, bold: [1, 4])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(blocks.map(\.isStrong) == [false, true, false])
        #expect(blocks[0].text.text.hasSuffix("Cancún."))
        #expect(blocks[1].text.text == "Taller de sensibilización")
    }

    @Test func boldLinesBrokenByHandKeepTheirLines() throws {
        // A signature set in bold: a name over a short role; then its caption.
        let blocks = PageSketch.blocks("""
            El 20 de agosto se impartió el taller de sensibilización a las personas servidoras
            públicas de la Secretaría, con la asistencia de cuarenta participantes.

            Mtra. Alma Gabriela Arroyo Angulo y Pérez.
            Secretaria Técnica
            SESAEQROO
            Firma del responsable de la unidad administrativa
            """, bold: [3, 4, 5])
        let signature = try #require(blocks.first { $0.text.text.hasPrefix("Mtra.") })
        #expect(signature.kind == .paragraph && signature.isStrong)
        #expect(signature.text.text == "Mtra. Alma Gabriela Arroyo Angulo y Pérez.\nSecretaria Técnica\nSESAEQROO")
    }

    @Test func onAPageSetInBoldBoldTellsNoHeading() {
        let blocks = PageSketch.blocks("""
            Firma del convenio con el Instituto

            El 9 de julio se firmó el convenio con el Instituto de la Mujer en su sede.
            """, bold: [0, 2])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph])
        #expect(blocks.map(\.isStrong) == [false, false])
    }

    @Test func runningLinesAreRemovedAndTheFirstPagesTitleKept() {
        func page(_ n: Int, _ body: String) -> PDFPageModel.Page {
            PageSketch.page("""
                SEGUIMIENTO A INDICADORES 2018
                III TRIMESTRE
                Consejo Estatal de Evaluación

                \(body) El informe de este trimestre da cuenta de las acciones realizadas.

                                    Página \(n) de 3
                """, number: n, sizes: [0: 14, 1: 14, 2: 8])
        }
        let blocks = PageSketch.blocks([page(1, "Primera página."), page(2, "Segunda página."), page(3, "Tercera página.")])
        #expect(blocks.map { $0.text.text.prefix(15) } == ["SEGUIMIENTO A I", "Primera página.", "Segunda página.", "Tercera página."])
        #expect(blocks[0].text.text == "SEGUIMIENTO A INDICADORES 2018 III TRIMESTRE")
        #expect(blocks[0].kind == .heading)
        #expect(blocks.map(\.span.page) == [1, 1, 2, 3])
    }

    @Test func bodyTextThatHappensToRepeatAtAPagesEdgeIsNoRunningLine() {
        func page(_ n: Int, _ body: String) -> PDFPageModel.Page {
            PageSketch.page("""
                Consejo Estatal de Evaluación
                \(body)
                                    Página \(n) de 3
                """, number: n, sizes: [0: 8])
        }
        let blocks = PageSketch.blocks([
            page(1, "\nEl informe da cuenta de las acciones del trimestre y de sus resultados.\n\nNota: https://x.gob.mx/noticias/2021-3854"),
            page(2, "Imagen 2. Firma del convenio.\n\nSesión ordinaria con Fiscalía General del\nEstado, celebrada en su sede."),
            page(3, "Nota: https://x.gob.mx/noticias/2021-3855\n\nSesión ordinaria con Fiscalía General del\nEstado, celebrada en la capital."),
        ])
        let texts = blocks.map { ($0.label.map { $0.text + ": " } ?? "") + $0.text.text }
        #expect(texts == [
            "El informe da cuenta de las acciones del trimestre y de sus resultados.",
            "Nota: https://x.gob.mx/noticias/2021-3854",
            "Imagen 2. Firma del convenio.",
            "Sesión ordinaria con Fiscalía General del\nEstado, celebrada en su sede.",
            "Nota: https://x.gob.mx/noticias/2021-3855",
            "Sesión ordinaria con Fiscalía General del\nEstado, celebrada en la capital.",
        ])
    }

    @Test func aTableGoesOnUnderItsHeaderRepeatedOnTheNextPage() {
        let header = """
               Nivel        Indicador                  Meta anual    Avance
            """
        let first = PageSketch.page(header + """

               Fin          I01 - Tasa de variación    4             4

               Propósito    I02 - Porcentaje de        10            8
                            acciones
            """, number: 1)
        let second = PageSketch.page(header + """

               Actividad    I03 - Número de talleres   12            12

               Total                                   26            24
            """, number: 2)
        let rows = PageSketch.blocks([first, second])
        #expect(rows.map(\.kind) == Array(repeating: .tableRow, count: 5))
        #expect(rows.map { $0.cells.first?.text } == ["Nivel", "Fin", "Propósito", "Actividad", "Total"])
        #expect(rows[4].cells.map(\.text) == ["Total", "", "26", "24"])
        #expect(rows[3].span.page == 2)
    }

    @Test func aHeaderOfSeveralLines() {
        let blocks = PageSketch.blocks("""
               Clave        Nombre del                 Meta          Avance al
                            indicador                  programada    periodo
                                                       anual

               I01          Tasa de variación          4             4
               I02          Porcentaje de acciones     10            8
            """)
        #expect(blocks.map { $0.cells.map(\.oneLine) } == [
            ["Clave", "Nombre del indicador", "Meta programada anual", "Avance al periodo"],
            ["I01", "Tasa de variación", "4", "4"],
            ["I02", "Porcentaje de acciones", "10", "8"],
        ])
    }
}

/// Tables whose rows touch, with subtotals, and headers of two levels.
@Suite struct PDFTableLayoutTests {
    @Test func rowsWhoseCellsTouchAreCutWhereTheirCentredCellsStand() {
        // Excel centres each cell in its row; the rows have no space between them.
        var page = PageSketch.page("""
               Año    Indicador                     Unidad

                      Porcentaje de estudiantes
               2025   inscritos en programas        Estudiantes
                      acreditados
                      Profesores de tiempo
               2025   completo                      Profesores
                      Proyectos de investigación
               2025   desarrollo tecnológico        Proyectos
                      e innovación.
            """)
        // The second row's one-line cells stand half a line higher, between its two lines.
        for k in page.words.indices where page.words[k].textLine == 7 && ["2025", "Profesores"].contains(page.words[k].text) {
            page.words[k].box.y -= PageSketch.lineHeight / 2
        }
        let rows = PageSketch.blocks([page])
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Año", "Indicador", "Unidad"],
            ["2025", "Porcentaje de estudiantes\ninscritos en programas\nacreditados", "Estudiantes"],
            ["2025", "Profesores de tiempo\ncompleto", "Profesores"],
            ["2025", "Proyectos de investigación\ndesarrollo tecnológico\ne innovación.", "Proyectos"],
        ])
    }

    @Test func aMergedKeyCellBesideSeveralRowsGoesWithEachOfThem() {
        // `Proyecto B` is one merged cell beside three actions, each with its quantity; the
        // evidence column lists its lines without a gap, each cell centred in its row.
        var page = PageSketch.page("""
            Proyecto     Acción             Evidencia       Cantidad

            Proyecto A   Talleres           Fotografías     6
                                            Listas

            Proyecto B   Capacitación a     Fotografías     20 empresas
                         micro empresas     Listas          en dos periodos
                                            Certificados
                         Número total de    Fotografías     6 divididas
                         capacitaciones     Listas
                                            Certificados
                         Empresas           Fotografías     10 empresas
                         capacitadas        Listas

            Proyecto C   Difusión           Testigos        4
            """)
        for k in page.words.indices where page.words[k].text == "Certificados" {
            page.words[k].box.y -= 0.2 * PageSketch.lineHeight
        }
        let rows = PageSketch.blocks([page])
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Proyecto", "Acción", "Evidencia", "Cantidad"],
            ["Proyecto A", "Talleres", "Fotografías\nListas", "6"],
            ["Proyecto B", "Capacitación a\nmicro empresas", "Fotografías\nListas\nCertificados", "20 empresas\nen dos periodos"],
            ["Proyecto B", "Número total de\ncapacitaciones", "Fotografías\nListas\nCertificados", "6 divididas"],
            ["Proyecto B", "Empresas\ncapacitadas", "Fotografías\nListas", "10 empresas"],
            ["Proyecto C", "Difusión", "Testigos", "4"],
        ])
        // Each row's key quotes the one merged cell, where it stands.
        let keys = rows.filter { $0.cells.first?.text == "Proyecto B" }.map { $0.cells[0].span.line }
        #expect(keys == [6, 6, 6])
    }

    @Test func paragraphsOfACellInStepWithoutFiguresOfTheirOwnStayOneRow() {
        // Two columns break at the same height, but no column has a figure in each part: the
        // paragraphs of one row's cells, not rows of their own.
        let rows = PageSketch.blocks("""
            Clave   Objetivo        Medios          Nota

            1       Reducir la      Informe         Sin
                    deserción       anual           cambios
                                    Encuesta
                    Mejorar la      semestral       Ver
                    retención       Padrón          anexo

            2       Aumentar        Padrón          Ninguna
            """)
        let cells = rows.map { $0.cells.map(\.text) }
        #expect(cells.count == 3)
        #expect(cells.dropFirst().first?.first == "1")
        let objective = cells.dropFirst().first?.dropFirst().first ?? ""
        #expect(objective.contains("Reducir") && objective.contains("Mejorar"))
    }

    @Test func aJustifiedParagraphInACellIsOneCellNotSeveralColumns() {
        let rows = PageSketch.blocks("""
               Resumen narrativo                     Indicador      Meta

               La  Administración  Pública Estatal   Porcentaje     100
               incorpora    las    recomendaciones   de avance
               derivadas de las evaluaciones a sus
               gestión.
            """)
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Resumen narrativo", "Indicador", "Meta"],
            ["La Administración Pública Estatal\nincorpora las recomendaciones\nderivadas de las evaluaciones a sus\ngestión.", "Porcentaje\nde avance", "100"],
        ])
    }

    @Test func subtotalAndTotalRowsAreRowsOfTheirOwn() {
        let rows = PageSketch.blocks("""
               Clave   Unidad                    Programado   Realizado

               1       Unidad Tuxtla             527          216
               2       Acción móvil Soyaló       32           8
                       ZONA I TUXTLA             559          224
               3       Unidad Tapachula          69           22
                       TOTALES                   628          246
            """)
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["Clave", "Unidad", "Programado", "Realizado"],
            ["1", "Unidad Tuxtla", "527", "216"],
            ["2", "Acción móvil Soyaló", "32", "8"],
            ["", "ZONA I TUXTLA", "559", "224"],
            ["3", "Unidad Tapachula", "69", "22"],
            ["", "TOTALES", "628", "246"],
        ])
        // Each cell keeps its box.
        #expect(rows[5].cells[2].span.box == SourceSpan.Box(x: 50 + 37 * 5, y: 40 + 6 * 12, width: 15, height: 10))
    }

    @Test func aHeaderOfTwoLevelsRepeatedOnTheNextPageIsDroppedThere() {
        let header = """
                                               METAS DEL PERIODO, 2024
               Clave   Indicador               Programada    Alcanzada
            """
        let first = PageSketch.page(header + """


               I01     Tasa de variación       4             4
               I02     Número de talleres      10            8
            """, number: 1)
        let second = PageSketch.page(header + """


               I03     Número de cursos        12            12
            """, number: 2)
        let rows = PageSketch.blocks([first, second])
        #expect(rows.map { $0.cells.map(\.text) } == [
            ["", "", "METAS DEL PERIODO, 2024", ""],
            ["Clave", "Indicador", "Programada", "Alcanzada"],
            ["I01", "Tasa de variación", "4", "4"],
            ["I02", "Número de talleres", "10", "8"],
            ["I03", "Número de cursos", "12", "12"],
        ])
        #expect(rows[4].span.page == 2)
    }

    @Test func aRowOfTopAlignedCellsCutByThePageBreakIsJoinedAgain() {
        // Word sets cells at the top of their rows; the rows touch.
        let first = PageSketch.page("""
               Proyecto      Acción                  Evidencia

               Eje 1 / A     Entrevistas en          Testigo digital
                             medios                  de la entrevista
                             tradicionales
               Eje 1 / A     Generación de           Testigo digital
                             contenidos              del contenido
                             referentes
            """, number: 1)
        let second = PageSketch.page("""
                             a la PEA para las       Capturas de
                             redes sociales          pantalla
               Eje 1 / B     Reuniones con           Lista de
                             organizaciones          asistencia
                             ciudadanas
               Eje 2 / A     Diseño del padrón       Registros
                             digital
            """, number: 2)
        let rows = PageSketch.blocks([first, second])
        #expect(rows.map { $0.cells.map(\.oneLine) } == [
            ["Proyecto", "Acción", "Evidencia"],
            ["Eje 1 / A", "Entrevistas en medios tradicionales", "Testigo digital de la entrevista"],
            ["Eje 1 / A", "Generación de contenidos referentes a la PEA para las redes sociales", "Testigo digital del contenido Capturas de pantalla"],
            ["Eje 1 / B", "Reuniones con organizaciones ciudadanas", "Lista de asistencia"],
            ["Eje 2 / A", "Diseño del padrón digital", "Registros"],
        ])
        // The joined cell keeps the place of each of its words.
        let cell = rows[2].cells[1]
        let r = cell.text.range(of: "redes")!
        #expect(cell.span(of: r).page == 2)
        #expect(cell.span.page == 1)
    }

    @Test func aBulletSetLargerStartsAListItemNotAHeading() {
        var page = PageSketch.page("""
            Considerando que

               •  La Política Estatal ha sido aprobada y se encuentra en fase
                  de implementación
               •  Se han diseñado proyectos con organizaciones ciudadanas
            """)
        for k in page.words.indices where page.words[k].text == "•" {
            page.words[k].size = 16
            page.words[k].box.height = 16
            page.words[k].box.y -= 4
        }
        let blocks = PageSketch.blocks([page])
        #expect(blocks.map(\.kind) == [.paragraph, .listItem, .listItem])
        #expect(blocks[1].text.text == "La Política Estatal ha sido aprobada y se encuentra en fase\nde implementación")
    }

    @Test func aLabelCentredApartFromItsColumnsWordsSetAtTheLeftIsTheirColumn() {
        // `Nivel` is centred in its column; the levels are set at the column's left edge, and
        // only the longer ones reach under it. A name wraps onto a line of its own, and the
        // lines of the longer levels fill fewer columns than the header.
        let blocks = PageSketch.blocks("""
                Nivel       Indicador               Unidad     Meta    Avance
            Fin             Porcentaje de cursos    Cursos     10      8
                            impartidos
            Propósito       Tasa de variación       Tasa
            Componente      Talleres realizados     Talleres
            """)
        #expect(blocks.map { $0.cells.map(\.oneLine) } == [
            ["Nivel", "Indicador", "Unidad", "Meta", "Avance"],
            ["Fin", "Porcentaje de cursos impartidos", "Cursos", "10", "8"],
            ["Propósito", "Tasa de variación", "Tasa", "", ""],
            ["Componente", "Talleres realizados", "Talleres", "", ""],
        ])
    }

    @Test func aHeadersLabelOverTwoColumnsMakesNoColumnOfItsOwn() {
        // `PROGRAMA DE GOBIERNO` spans `Eje` and `Estrategia`, whose cells, centred on their
        // rows' lines of figures, never stand on one line with each other or with the figures.
        var page = PageSketch.page("""
               PROGRAMA DE GOBIERNO     CATEGORÍA             METAS
                 Eje      Estrategia    F    FN   PP

            III. Gobierno
                                        2    5    E024        100   95    90    80    70
                          II. Educación
            III. Gobierno
                                        3    6    E025        200   180   170   160   150
                          II. Educación
            """)
        for k in page.words.indices where [4, 7].contains(page.words[k].textLine) {
            page.words[k].box.y += PageSketch.lineHeight / 2
        }
        for k in page.words.indices where [6, 9].contains(page.words[k].textLine) {
            page.words[k].box.y -= PageSketch.lineHeight / 2
        }
        let rows = PageSketch.blocks([page]).filter { $0.kind == .tableRow }.map { $0.cells.map(\.oneLine) }
        #expect(rows.contains(["III. Gobierno", "II. Educación", "2", "5", "E024", "100", "95", "90", "80", "70"]))
        #expect(rows.contains(["III. Gobierno", "II. Educación", "3", "6", "E025", "200", "180", "170", "160", "150"]))
    }

    @Test func aCellsWrappedLineStandingAloneGoesToTheColumnOfTheLinesAboveIt() {
        // A ficha técnica: `Indicador` centred over names set at the column's left edge; a
        // name's lines stand on lines of their own, and the row's level and figures on one
        // line centred between them.
        var page = PageSketch.page("""
            Nivel                           Indicador                      Meta    Avance
            Propósito
                         Porcentaje de documentos de datos abiertos
                                                                           91      50
                         publicados
            """)
        // (textLine is the drawing's line, from 1.)
        for (line, shift) in [(2, 12.0), (3, -6.0), (4, -12.0), (5, -18.0)] {
            for k in page.words.indices where page.words[k].textLine == line { page.words[k].box.y += shift }
        }
        let blocks = PageSketch.blocks([page])
        #expect(blocks.map { $0.cells.map(\.oneLine) } == [
            ["Nivel", "Indicador", "Meta", "Avance"],
            ["Propósito", "Porcentaje de documentos de datos abiertos publicados", "91", "50"],
        ])
    }

    @Test func placeholdersCentredBesideFiguresSetRightAreOneColumn() {
        // `NA` is centred in its cell, the figures are set at its right edge: under one
        // header, they never stand on one line. (The header's lines fill fewer columns than
        // the rows, so its labels make no columns.)
        let blocks = PageSketch.blocks("""
            Nombre del                     III TRIMESTRE
            indicador             Meta
            Tasa de variación     100.00        NA
            Porcentaje de cursos  50.00            100.00
            Número de talleres    20.00             80.00
            """)
        #expect(blocks.map { $0.cells.map(\.oneLine) } == [
            ["Nombre del indicador", "Meta", "III TRIMESTRE"],
            ["Tasa de variación", "100.00", "NA"],
            ["Porcentaje de cursos", "50.00", "100.00"],
            ["Número de talleres", "20.00", "80.00"],
        ])
    }

    @Test func aJustifiedParagraphWithNoLineInOnePieceIsOneCell() {
        // Every line of the cell's paragraph is spread to the cell's width with spaces wider
        // than a gap between cells, each line's spaces their own width, and its pieces start
        // where no piece of the next line starts (a column's would); the last line is set left.
        let blocks = PageSketch.blocks("""
            Resumen narrativo                 Indicador                Meta
            El  Poder  Ejecutivo  cuenta      Lugar que ocupa el       3
            adecuados   mecanismos   del      estado
            seguimiento    de    gestión
            políticas públicas
            """)
        #expect(blocks.map { $0.cells.map(\.oneLine) } == [
            ["Resumen narrativo", "Indicador", "Meta"],
            ["El Poder Ejecutivo cuenta adecuados mecanismos del seguimiento de gestión políticas públicas", "Lugar que ocupa el estado", "3"],
        ])
    }
}

/// pdftotext's `-bbox-layout` XHTML read into the page model, and where each word stands in
/// the page's plain text.
@Suite struct PdftotextBBoxSourceTests {
    static func xhtml(_ page: String, width: Int = 612, height: Int = 792) -> [UInt8] {
        Array("""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title>x</title></head><body><doc>
            <page width="\(width).000000" height="\(height).000000">\(page)</page>
            </doc></body></html>
            """.utf8)
    }

    static func word(_ text: String, _ x0: Double, _ y0: Double, _ x1: Double) -> String {
        "<word xMin=\"\(x0)\" yMin=\"\(y0)\" xMax=\"\(x1)\" yMax=\"\(y0 + 10)\">\(text)</word>"
    }

    @Test func wordsCarryTheirBoxesPopplersGroupingAndTheirPlaceInThePlainText() throws {
        let w = Self.word
        let page = """
            <flow><block><line>\(w("El", 72, 100, 82))\(w("Comité", 85, 100, 120))\(w("coordi-", 123, 100, 160))</line>
            <line>\(w("nación", 72, 112, 105))\(w("&amp;", 108, 112, 115))\(w("ﬁn", 118, 112, 128))</line></block>
            <block><line>\(w("Meta:", 72, 130, 100))</line></block></flow>
            <flow><block><line>\(w("12", 300, 130, 310))\(w("%", 310.2, 130, 316))</line></block></flow>
            """
        let model = PdftotextBBoxSource.parse(xhtml: Self.xhtml(page))
        let words = try #require(model.pages.first?.words)
        #expect(words.map(\.text) == ["El", "Comité", "coordi-", "nación", "&", "ﬁn", "Meta:", "12", "%"])
        #expect(words[1].box == PDFPageModel.Box(x: 85, y: 100, width: 35, height: 10))
        #expect(words.map(\.block) == [0, 0, 0, 0, 0, 0, 1, 2, 2])
        #expect(words.map(\.line) == [0, 0, 0, 1, 1, 1, 2, 3, 3])
        #expect(words.allSatisfy { $0.font == nil && !$0.isBold })
        // `El Comité coordinación & ﬁn` (the hyphenated line joined), `Meta:`, an empty line
        // after the flow, then `12%` (no space: the words touch).
        #expect(words.map(\.textLine) == [1, 1, 1, 1, 1, 1, 2, 4, 4])
        #expect(words.map(\.textColumn) == [1, 4, 11, 17, 24, 26, 1, 1, 3])
    }

    @Test func aPageTurnedAQuarterIsToldByItsWordsPastItsWidth() throws {
        let page = "<flow><block><line>" + Self.word("Hola", 697, 72, 708) + "</line></block></flow>"
        let model = PdftotextBBoxSource.parse(xhtml: Self.xhtml(page))
        let first = try #require(model.pages.first)
        #expect(first.width == 792 && first.height == 612 && first.rotation == 90)
        let upright = PdftotextBBoxSource.parse(xhtml: Self.xhtml("<flow><block><line>" + Self.word("Hola", 72, 72, 90) + "</line></block></flow>"))
        #expect(upright.pages.first?.rotation == 0)
        #expect(upright.pages.first?.width == 612)
    }

    @Test func pagesWithoutWordsAreStillPages() {
        let model = PdftotextBBoxSource.parse(xhtml: Self.xhtml(""))
        #expect(model.pages.count == 1)
        #expect(model.pages[0].words.isEmpty)
    }
}

/// The layout on pages drawn at random (seeded): tables of wrapped cells set top or centred,
/// with columns of any width, and paragraphs justified or not. Whatever it makes of them, it
/// loses no word and invents none: every letter and digit of the page is read.
@Suite struct PDFLayoutRandomPagesTests {
    static let letters = Array("abcdefghijklmnopqrstuvwxyzáéíóñABCDEFGHIJKLMNOPQRSTUVWXYZ")

    static func page(seed: UInt64) -> PDFPageModel.Page {
        var rng = SplitMix64(state: seed)
        var words: [PDFPageModel.Word] = []
        var block = 0
        var y = 40.0
        func word(_ rng: inout SplitMix64) -> String {
            // Figures too, but never first on a line (a lone number at a page's foot is its number).
            if Int.random(in: 0..<5, using: &rng) == 0 { return String(Int.random(in: 0...99_999, using: &rng)) }
            return String((0..<Int.random(in: 1...11, using: &rng)).map { _ in letters.randomElement(using: &rng)! })
        }
        func place(_ text: String, x: Double, y: Double, size: Double, line: Int) {
            words.append(PDFPageModel.Word(
                text: text, box: PDFPageModel.Box(x: x, y: y, width: Double(text.count) * size * 0.5, height: size),
                font: nil, size: size, isBold: false, isItalic: false, block: block, line: line, textLine: nil, textColumn: nil))
        }
        while y < 700 {
            let size = Double.random(in: 6...10, using: &rng)
            let step = size * Double.random(in: 1.1...1.5, using: &rng)
            if Bool.random(using: &rng) {
                // A table: columns of random widths, cells of one to four lines, set top or centred.
                var x = 40.0
                var columns: [(x: Double, width: Double)] = []
                while x < 560, columns.count < 9 {
                    let width = Double.random(in: 25...140, using: &rng)
                    columns.append((x, width))
                    x += width + Double.random(in: 3...12, using: &rng)
                }
                for _ in 0..<Int.random(in: 2...8, using: &rng) where y < 700 {
                    let lines = columns.map { _ in Int.random(in: 1...4, using: &rng) }
                    let tallest = lines.max()!
                    let centred = Bool.random(using: &rng)
                    for (c, column) in columns.enumerated() {
                        block += 1
                        let top = y + (centred ? Double(tallest - lines[c]) * step / 2 : 0)
                        for l in 0..<lines[c] {
                            var at = column.x
                            var first = true
                            while true {
                                var text = word(&rng)
                                if first, text.first!.isNumber { text = "x" + text }
                                let width = Double(text.count) * size * 0.5
                                if !first && at + width > column.x + column.width { break }
                                place(text, x: at, y: top + Double(l) * step, size: size, line: l)
                                at += width + size * 0.3
                                first = false
                            }
                        }
                    }
                    y += Double(tallest) * step + Double.random(in: 0...6, using: &rng)
                }
            } else {
                // A paragraph, its lines justified to one width or not.
                block += 1
                let justified = Bool.random(using: &rng)
                let right = Double.random(in: 200...560, using: &rng)
                for l in 0..<Int.random(in: 1...6, using: &rng) where y < 700 {
                    var line: [String] = []
                    var width = 0.0
                    while true {
                        var text = word(&rng)
                        if line.isEmpty, text.first!.isNumber { text = "x" + text }
                        let w = Double(text.count) * size * 0.5
                        if !line.isEmpty && 40 + width + w + size * 0.3 * Double(line.count) > right { break }
                        line.append(text)
                        width += w
                    }
                    let gap = justified && line.count > 1 ? (right - 40 - width) / Double(line.count - 1) : size * 0.3
                    var at = 40.0
                    for text in line {
                        place(text, x: at, y: y, size: size, line: l)
                        at += Double(text.count) * size * 0.5 + gap
                    }
                    y += step
                }
            }
            y += Double.random(in: 4...20, using: &rng)
        }
        return PDFPageModel.Page(number: 1, width: 612, height: 792, rotation: 0, words: words)
    }

    /// The letters and digits of a text, counted.
    static func characters(_ texts: [String]) -> [Character: Int] {
        var counts: [Character: Int] = [:]
        for text in texts { for c in text where c.isLetter || c.isNumber { counts[c, default: 0] += 1 } }
        return counts
    }

    @Test(arguments: 0..<200)
    func noWordIsLost(seed: UInt64) {
        let page = Self.page(seed: seed)
        let blocks = PageSketch.blocks([page])
        let read = blocks.map { ($0.marker ?? "") + ($0.label?.text ?? "") + $0.text.text }
        let (got, drawn) = (Self.characters(read), Self.characters(page.words.map(\.text)))
        // Lost or invented: a character read fewer times than drawn, or never drawn. (A cell
        // standing beside several rows, as a merged cell does, is read with each of them.)
        let wrong = Set(got.keys).union(drawn.keys).filter { (got[$0] ?? 0) < (drawn[$0] ?? 0) || drawn[$0] == nil }.sorted()
        #expect(wrong.isEmpty, "seed \(seed): \(wrong.map { "\($0) read \(got[$0] ?? 0), drawn \(drawn[$0] ?? 0)" })")
    }
}
