import AvanceCore
@testable import AvanceExtract
@testable import AvanceParse
import Testing

/// Who reports comes from what names them: the letterhead and title, a field, the body the
/// signatories sign for, the user's list, a responsible "unit" that is a body in its own right.
/// A body the text merely mentions most often is no evidence.
@Suite struct ReportingInstitutionTests {
    static func record(_ text: String) throws -> IndicatorRecord {
        try #require(try TableTests.records(text).first)
    }

    @Test func theLetterheadNamesWhoReports() throws {
        let r = try Self.record("""
            # Instituto de la Juventud del Estado de Colima
            ## Informe del tercer trimestre de 2024

            Indicador: Jóvenes capacitados
            Se capacitó a 40 jóvenes con la Secretaría de Educación, en planteles de la Secretaría de Educación
            y con material de la Secretaría de Educación.
            """)
        #expect(r.reportingInstitution?.name == "Instituto de la Juventud del Estado de Colima")
    }

    @Test func aBodyMentionedMostOftenIsNoEvidenceOfWhoReports() throws {
        let r = try Self.record("""
            Informe del tercer trimestre de 2024

            Indicador: Jóvenes capacitados
            Se capacitó a 40 jóvenes con la Secretaría de Educación, en planteles de la Secretaría de Educación
            y con material de la Secretaría de Educación.
            """)
        #expect(r.reportingInstitution == nil)
    }

    @Test func theSignatoriesSignForTheirBody() throws {
        let r = try Self.record("""
            Informe del tercer trimestre de 2024

            Indicador: Jóvenes capacitados
            Se capacitó a 40 jóvenes con la Secretaría de Educación y el Instituto de la Juventud.

            Atentamente

            Lic. María López Ruiz
            Directora General del Instituto de la Juventud
            """)
        #expect(r.reportingInstitution?.name == "Instituto de la Juventud")
    }

    @Test func aResponsibleBodyReportsAndItsUnitsDoNot() throws {
        let rs = try TableTests.records("""
            # SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018
            ## III TRIMESTRE

            | Dependencia o Entidad Responsable | Eje PED | Indicador | Meta | Medios de verificación | III TRIMESTRE |
            |---|---|---|---|---|---|
            | SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN | 06 PED | Porcentaje de programas evaluados | 80 | Registro FOR-RHC-01 | 40 |
            | Dirección de Evaluación | 06 PED | Porcentaje de informes publicados | 100 | Registro FOR-RHC-02 | 50 |
            """)
        // `PED` (a plan) and `FOR` (a form's code) are no body's acronym.
        #expect(rs.map { $0.reportingInstitution?.name } == ["SECRETARÍA TÉCNICA DE PLANEACIÓN Y EVALUACIÓN", nil])
        #expect(rs.map { $0.reportingInstitution?.acronym } == [nil, nil])
    }

    @Test func theSubjectOfTheOpeningSentenceReportsWhenTheTextNamesItMost() throws {
        let r = try Self.record("""
            ## Informe de actividades abril / junio de 2019

            El Comité de Participación Ciudadana (CPC) del Sistema Estatal fue designado en 2017 con apoyo de la Secretaría Ejecutiva.

            En el trimestre el CPC sesionó 13 veces; el CPC firmó 2 convenios.
            """)
        #expect(r.reportingInstitution?.name == "Comité de Participación Ciudadana")
    }
}
