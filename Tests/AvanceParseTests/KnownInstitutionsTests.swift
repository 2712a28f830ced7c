import AvanceCore
import AvanceExtract
import AvanceParse
import Testing

/// The gazetteer hook: institutions a user names in `avance.yml` are recognised by their
/// words, and their acronyms stand for them.
@Suite struct KnownInstitutionsTests {
    static let report = """
        Programa presupuestario: E012 - Educación Media Superior
        Indicador: 01 - Número de planteles visitados
        Trimestre: 2do. Trimestre 2024
        Unidad responsable: Dirección Académica

        La meta anual es de 8 visitas y la del segundo trimestre es de 2.

        ## Visita al plantel Chetumal
        El 10 de mayo de 2024 el CBQROO recibió al personal del Colegio de Estudios Científicos y Tecnológicos del Estado de Quintana Roo.

        ## Visita al plantel Cancún
        El 12 de junio de 2024 el CBQROO acompañó la visita de la Secretaría de Educación de Quintana Roo.
        """

    static func parse(_ options: ParseOptions) throws -> IndicatorRecord {
        let document = ExtractedDocument(path: "r.txt", sha256: "", format: .text, blocks: TextExtractor().blocks(from: report))
        return try #require(try Parser(options: options).parse(document).first)
    }

    @Test func knownNamesAndAcronymsAreInstitutions() throws {
        let plain = try Self.parse(ParseOptions())
        #expect(!plain.institutions.map(\.name).contains("Colegio de Estudios Científicos y Tecnológicos del Estado de Quintana Roo"),
                "no head word starts the name: the lexicon alone does not find it")
        #expect(plain.reportingInstitution?.name == nil, "CBQROO is never spelled out")

        let known = try Self.parse(ParseOptions(institutions: [
            .init(name: "Colegio de Estudios Científicos y Tecnológicos del Estado de Quintana Roo", acronym: "CECyTE"),
            .init(name: "Colegio de Bachilleres del Estado de Quintana Roo", acronym: "CBQROO"),
        ]))
        let cecyte = try #require(known.institutions.first { $0.name.hasPrefix("Colegio de Estudios") })
        #expect(cecyte.name == "Colegio de Estudios Científicos y Tecnológicos del Estado de Quintana Roo")
        #expect(cecyte.acronym == "CECyTE")
        #expect(cecyte.evidence.line == 9)
        #expect(known.reportingInstitution?.name == "Colegio de Bachilleres del Estado de Quintana Roo")
        #expect(known.reportingInstitution?.acronym == "CBQROO")
        #expect(!known.institutions.contains { $0.name.hasPrefix("Colegio de Bachilleres") }, "named only by its acronym: not listed")
        #expect(known.actions.first?.institutions == ["Colegio de Estudios Científicos y Tecnológicos del Estado de Quintana Roo"])
        #expect(known.institutions.contains { $0.name == "Secretaría de Educación de Quintana Roo" }, "the lexicon still finds the others")
    }
}
