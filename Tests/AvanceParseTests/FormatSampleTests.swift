import AvanceCore
@testable import AvanceExtract
@testable import AvanceParse
import Testing

/// What the generated samples of the mandated formats (CONAC, SIPOT, MIR, POA) showed the parser
/// reading wrong, each reduced to the shape that caused it.
@Suite struct FormatSampleTests {
    static func records(_ text: String) throws -> [IndicatorRecord] { try TableTests.records(text) }

    @Test func notationInCapitalsIsNoAcronym() throws {
        // A spreadsheet error, a formula's variables, a column's label and a month range, each
        // printed in several rows, do not outnumber the body the title names once.
        let rs = try Self.records("""
            INSTITUTO DE VIVIENDA DEL ESTADO DE COLIMA

            | Indicador | Método de cálculo | Meta anual | REALIZADO ENE-JUN | Aprobado |
            |---|---|---|---|---|
            | Viviendas mejoradas | PVM= (HRSAP/THR) x 100 | 10 | 5 | #REF! |
            | Créditos otorgados | PCO= (HRSAP/THR) x 100 | 12 | 6 | #REF! |
            | Lotes asignados | PLA= (HRSAP/THR) x 100 | 14 | 7 | #REF! |
            """)
        #expect(rs.count == 3)
        #expect(rs[0].reportingInstitution?.name == "INSTITUTO DE VIVIENDA DEL ESTADO DE COLIMA")
        #expect(rs[0].reportingInstitution?.acronym == nil)
    }

    @Test func anAcronymBesideItsNameIsStillOne() throws {
        // An acronym used alone, never spelled out, still names the reporting body.
        let rs = try Self.records("""
            Programa presupuestario: E001 - Vivienda social

            La SEDATU entregó 10 viviendas en el trimestre; la SEDATU informa el avance (ver SEDATU/2024).
            """)
        #expect(rs[0].reportingInstitution?.acronym == "SEDATU")
    }

    @Test func theDaysThatStateThePeriodAreNoDateMentions() throws {
        let rs = try Self.records("""
            INDICADORES PARA RESULTADOS del 1 de Enero al 30 de Septiembre de 2019

            | Denominación del Indicador | Programada | Alcanzada |
            |---|---|---|
            | Personas atendidas | 10 | 8 |
            | Asesores formados | 12 | 12 |

            Cifras con fecha de corte al 30 de septiembre de 2019.
            """)
        #expect(rs[0].period?.quarter == 3 && rs[0].period?.start == "2019-01-01")
        // The title's days are the period; the note's day is a date the text mentions.
        #expect(rs[0].dates.map(\.text) == ["30 de septiembre de 2019"])
    }

    @Test func fichasTecnicasCompleteTheMatrixRecords() throws {
        // A results matrix, then the fichas técnicas of the same indicators with their targets:
        // one record per indicator, from both.
        let rs = try Self.records("""
            | Nivel | Resumen narrativo | Indicador | Método de cálculo | Frecuencia |
            |---|---|---|---|---|
            | Componente | Eventos realizados | Número de eventos realizados | Sumatoria de eventos | Trimestral |
            | Actividad | Difusión | Número de campañas realizadas | Sumatoria de campañas | Trimestral |

            Fichas técnicas

            | Indicador | Línea base | Meta anual | Meta al periodo | Avance al periodo | % de cumplimiento |
            |---|---|---|---|---|---|
            | Número de eventos realizados | 24 | 30 | 12 | 11 | 91.7 % |
            | Número de campañas realizadas | 6 | 8 | 4 | 4 | 100 % |
            """)
        #expect(rs.count == 2)
        #expect(rs.map(\.source.row) == [1, 2])
        #expect(rs.map { $0.indicator?.level } == ["Componente", "Actividad"])
        #expect(rs.map { $0.indicator?.formula } == ["Sumatoria de eventos", "Sumatoria de campañas"])
        #expect(rs.map(\.targets.annual) == [30, 8])
        #expect(rs.map(\.targets.achieved) == [11, 4])
        #expect(rs.map(\.targets.baseline) == [24, 6])
    }

    @Test func anIndicatorNamedTwiceJoinsItsFichaInTheSameOrder() throws {
        // One name at two levels, in both tables: the first row of each joins the first, the
        // second the second.
        let rs = try Self.records("""
            | Nivel | Resumen narrativo | Indicador | Método de cálculo | Frecuencia |
            |---|---|---|---|---|
            | Componente | Cursos impartidos | Porcentaje de personas capacitadas | Capacitadas / programadas | Trimestral |
            | Actividad | Talleres | Número de talleres realizados | Sumatoria de talleres | Trimestral |
            | Actividad | Pláticas | Porcentaje de personas capacitadas | Asistentes / convocados | Mensual |

            Fichas técnicas

            | Indicador | Línea base | Meta anual | Meta al periodo | Avance al periodo | % de cumplimiento |
            |---|---|---|---|---|---|
            | Porcentaje de personas capacitadas | 24 | 30 | 12 | 11 | 91.7 % |
            | Número de talleres realizados | 6 | 8 | 4 | 4 | 100 % |
            | Porcentaje de personas capacitadas | 50 | 60 | 20 | 10 | 50 % |
            """)
        #expect(rs.count == 3)
        #expect(rs.map { $0.indicator?.formula } == ["Capacitadas / programadas", "Sumatoria de talleres", "Asistentes / convocados"])
        #expect(rs.map(\.targets.annual) == [30, 8, 60])
        #expect(rs.map(\.targets.achieved) == [11, 4, 10])
    }

    @Test func differentIndicatorsOfTwoTablesStayApart() throws {
        let rs = try Self.records("""
            | Indicador | Meta anual | Avance |
            |---|---|---|
            | Número de eventos realizados | 30 | 11 |
            | Número de becas otorgadas | 10 | 4 |

            | Indicador | Meta anual | Avance |
            |---|---|---|
            | Número de campañas realizadas | 8 | 4 |
            | Número de talleres impartidos | 6 | 2 |
            """)
        #expect(rs.count == 4)
    }

    @Test func aHeaderLineThatNamesPartOfTheYearIsNoFirstRowValue() {
        // `PROGRAMADO` / `I TRIM.` heads the first quarter's programmed figures; `Nivel` / `Fin`
        // is a header run into its first row's value.
        for header in ["PROGRAMADO\nI TRIM.", "REALIZADO\nII TRIM.", "AVANCE\nI SEMESTRE", "Programado\n2do. trimestre"] {
            let cell = IndicatorTable.headerCell(SpannedText(text: header, anchors: []))
            #expect(cell.kind == nil, "\(header)")
        }
        #expect(IndicatorTable.headerCell(SpannedText(text: "Nivel\nFin", anchors: [])).kind == .level)
        #expect(IndicatorTable.namesPartOfYear("ENE-JUN 2024"))
        #expect(!IndicatorTable.namesPartOfYear("Fin"))
        #expect(!IndicatorTable.namesPartOfYear("01"))
        #expect(Labels.columnKind(of: "PROGRAMADO\nENE-JUN") == .cumulativePeriodTarget)
    }
}
