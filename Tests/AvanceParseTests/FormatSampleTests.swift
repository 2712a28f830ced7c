import AvanceCore
@testable import AvanceExtract
@testable import AvanceParse
import Testing

/// What the generated samples of the mandated formats (CONAC, SIPOT, MIR, POA) showed the parser
/// reading wrong, each reduced to the shape that caused it.
@Suite struct FormatSampleTests {
    static func records(_ text: String) throws -> [IndicatorRecord] {
        try Parser().parse(ExtractedDocument(path: "t.md", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text)))
    }

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
}
