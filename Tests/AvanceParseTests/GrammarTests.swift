import Foundation
import AvanceCore
@testable import AvanceExtract
@testable import AvanceParse
import Testing

/// The recognizers against the forms docs/domain.md lists, one sentence each.
@Suite struct GrammarTests {
    static func t(_ s: String) -> TokenizedText { TokenizedText(SpannedText(s, line: 1)) }

    static func dates(_ s: String, year: Int? = 2024, order: ParseOptions.NumericDateOrder = .dayMonth) -> [String] {
        DateRecognizer(reportYear: year, order: order).matches(in: t(s)).map { t(s).string($0.first, $0.last) + "=" + $0.date.iso }
    }

    @Test(arguments: [
        ("El 09 de julio de 2024 se firmó", "09 de julio de 2024=2024-07-09"),
        ("el 9 de julio del 2024", "9 de julio del 2024=2024-07-09"),
        ("a partir del 1o. de julio", "1o. de julio=2024-07-01"),
        ("desde el 1° de julio", "1° de julio=2024-07-01"),
        ("el 14 de agosto del presente año se concretó", "14 de agosto del presente año=2024-08-14"),
        ("el 19 de julio del año en curso en Cancún", "19 de julio del año en curso=2024-07-19"),
        ("el pasado 25 de septiembre se llevó", "25 de septiembre=2024-09-25"),
        ("publicado julio 9, 2024 en el portal", "julio 9, 2024=2024-07-09"),
        ("con fecha 25/07/2024", "25/07/2024=2024-07-25"),
        ("con fecha 9-7-2024", "9-7-2024=2024-07-09"),
        ("con fecha 2024-07-09", "2024-07-09=2024-07-09"),
        ("el 3 de marzo del mismo año", "3 de marzo del mismo año=2024-03-03"),
        ("el 12 de diciembre del año pasado", "12 de diciembre del año pasado=2023-12-12"),
        ("el primero de octubre de 2023", "primero de octubre de 2023=2023-10-01"),
        ("el 5 de sept. de 2024", "5 de sept. de 2024=2024-09-05"),
        // A day in words.
        ("el cinco de mayo se inauguró", "cinco de mayo=2024-05-05"),
        ("el veintiuno de marzo de 2024", "veintiuno de marzo de 2024=2024-03-21"),
        ("hasta el treinta y uno de julio", "treinta y uno de julio=2024-07-31"),
        // A weekday before the date.
        ("lunes, 18 de febrero", "18 de febrero=2024-02-18"),
        ("viernes, el 12 de septiembre de 2014", "12 de septiembre de 2014=2014-09-12"),
        // A day and a month without a year, after a word that announces a day.
        ("se realizó el 20/7 en la sala", "20/7=2024-07-20"),
        ("el día 15-8 se entregó", "15-8=2024-08-15"),
    ])
    func dateForms(sentence: String, expected: String) {
        #expect(Self.dates(sentence) == [expected])
    }

    @Test func aFechaFieldInsideAnActionIsItsDate() throws {
        let text = """
            Programa presupuestario: E001 - Capacitación
            Nombre del indicador: Número de talleres impartidos
            Periodo: Tercer trimestre de 2024
            Meta del trimestre: 2
            Meta alcanzada: 2

            ## Taller de ética pública

            Fecha: 12/08/2024

            El taller, acordado el 28 de junio de 2024 con el municipio, reunió a 40 personas.

            ## Taller de transparencia

            Fecha de realización: el cinco de septiembre

            Se impartió a 25 servidores públicos.
            """
        let document = ExtractedDocument(path: "t.md", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
        let record = try #require(try Parser().parse(document).first)
        #expect(record.actions.map(\.title) == ["Taller de ética pública", "Taller de transparencia"])
        #expect(record.actions.map(\.date) == ["2024-08-12", "2024-09-05"])
    }

    @Test(arguments: [
        "Se realizó el Reto 100 días con la participación de escuelas.",
        "Se llevó a cabo la Sesión 4 del comité.",
        "Se atendió la recomendación SII.05 del comité.",
    ])
    func aFigureInANameIsNoTarget(sentence: String) throws {
        let text = "Periodo: Tercer trimestre de 2024\nNombre del indicador: Número de eventos\n\n" + sentence + "\n"
        let document = ExtractedDocument(path: "t.md", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
        let record = try #require(try Parser().parse(document).first)
        #expect(record.targets.achieved == nil && record.targets.period == nil && record.targets.annual == nil, "\(sentence)")
    }

    @Test func aFigureAfterTheVerbStillCounts() throws {
        let text = "Periodo: Tercer trimestre de 2024\nNombre del indicador: Número de eventos\n\nSe realizaron 3 eventos del Reto en Chetumal.\n"
        let document = ExtractedDocument(path: "t.md", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
        #expect(try Parser().parse(document).first?.targets.achieved == 3)
    }

    @Test func aLineOfHashtagsIsNoAction() {
        #expect(Sections.isHashtagLine("SESAEQROO #PoderJudicial #QROO"))
        #expect(Sections.isHashtagLine("#YoLevantoLaMano"))
        #expect(!Sections.isHashtagLine("Programa \u{201C}Por una nueva cultura\u{201D} #YoLevantoLaMano en escuelas"))
        #expect(!Sections.isHashtagLine("Reunión de trabajo #1"))
    }

    @Test func twoDigitYearsPivotOnTheReportsYear() {
        #expect(Self.dates("nació el 31/10/74", year: 2013) == ["31/10/74=1974-10-31"])
        #expect(Self.dates("con fecha 15/03/12", year: 2013) == ["15/03/12=2012-03-15"])
        #expect(Self.dates("con fecha 15/03/24", year: 2024) == ["15/03/24=2024-03-15"])
    }

    @Test(arguments: ["las tres cuartas partes, 3/4 del total", "una de julio", "cinco de los talleres", "versión 2/3/4 del sistema", "el 4/7/2024/1"])
    func notDatesInNewForms(sentence: String) {
        #expect(Self.dates(sentence).isEmpty, "\(sentence)")
    }

    @Test func numericDatesRecordTheirAmbiguity() throws {
        let m = try #require(DateRecognizer(reportYear: 2024, order: .dayMonth).matches(in: Self.t("10/05/2024")).first)
        #expect(m.date.iso == "2024-05-10" && m.ambiguous && m.alternatives.map(\.iso) == ["2024-10-05"])
        let monthFirst = try #require(DateRecognizer(reportYear: 2024, order: .monthDay).matches(in: Self.t("10/05/2024")).first)
        #expect(monthFirst.date.iso == "2024-10-05" && monthFirst.ambiguous)
        let same = try #require(DateRecognizer(reportYear: 2024, order: .dayMonth).matches(in: Self.t("06/06/2024")).first)
        #expect(!same.ambiguous)
        // Only month/day makes a date: read so, without ambiguity.
        let us = try #require(DateRecognizer(reportYear: 2024, order: .dayMonth).matches(in: Self.t("07/25/2024")).first)
        #expect(us.date.iso == "2024-07-25" && !us.ambiguous)
    }

    @Test(arguments: ["31 de junio de 2024", "versión 1.2.2024.5", "tel. 983-123-4567", "julio de 2024", "el 45 de julio", "Artículo 10/2024"])
    func notDates(sentence: String) {
        #expect(Self.dates(sentence).isEmpty, "\(sentence) holds no day")
    }

    @Test func yearlessDatesNeedTheReportYear() {
        #expect(Self.dates("el 19 de julio", year: nil).isEmpty)
        #expect(Self.dates("el 19 de julio", year: 2022) == ["19 de julio=2022-07-19"])
    }

    static func quarter(_ s: String, inField: Bool = false) -> [String] {
        QuarterRecognizer(inField: inField).matches(in: t(s)).map { "Q\($0.quarter) \($0.year.map(String.init) ?? "-")" }
    }

    @Test(arguments: [
        ("3er. Trimestre 2024", "Q3 2024"), ("Tercer Trimestre de 2024", "Q3 2024"), ("3T-2024", "Q3 2024"),
        ("T3 2024", "Q3 2024"), ("Julio-Septiembre 2024", "Q3 2024"), ("julio a septiembre de 2024", "Q3 2024"),
        ("1er trimestre", "Q1 -"), ("2do. Trimestre 2023", "Q2 2023"), ("4to Trimestre del ejercicio fiscal 2022", "Q4 2022"),
        ("primer trimestre", "Q1 -"), ("segundo trimestre del año 2025", "Q2 2025"), ("cuarto trimestre", "Q4 -"),
        ("enero-marzo 2021", "Q1 2021"), ("abril-junio", "Q2 -"), ("octubre-diciembre de 2020", "Q4 2020"),
        ("Trimestre III 2024", "Q3 2024"), ("III Trimestre 2024", "Q3 2024"), ("2024-T2", "Q2 2024"),
        ("enero a septiembre de 2024", "Q3 2024"),
    ])
    func quarterForms(text: String, expected: String) {
        #expect(Self.quarter(text) == [expected])
    }

    @Test func quarterCodesWithoutYearOnlyInFields() {
        #expect(Self.quarter("T3", inField: true) == ["Q3 -"])
        #expect(Self.quarter("el T3 de la lista").isEmpty)
        #expect(Self.quarter("la Segunda Reunión Plenaria").isEmpty)
        #expect(Self.quarter("julio a agosto de 2024").isEmpty, "two months are no quarter")
    }

    static func number(_ s: String) -> String? {
        let text = t(s)
        for i in text.tokens.indices {
            if let m = NumberRecognizer.match(text, at: i) { return "\(m.value)\(m.isPercent ? "%" : "")" }
        }
        return nil
    }

    @Test(arguments: [
        ("es de 4 acciones", "4.0"), ("un total de 1,250 personas", "1250.0"), ("un total de 1 250 personas", "1250.0"),
        ("de 3.5 horas", "3.5"), ("es de cuatro acciones", "4.0"), ("cuatro (4) acciones", "4.0"),
        ("doce talleres", "12.0"), ("veinte cursos", "20.0"), ("treinta y dos sesiones", "32.0"),
        ("al 100%", "100.0%"), ("al 100 %", "100.0%"), ("cien por ciento", "100.0%"), ("del 96.5 %", "96.5%"),
        ("veinticinco escuelas", "25.0"), ("ciento veinte alumnos", "120.0"), ("dos mil quinientos", "2500.0"),
    ])
    func numberForms(text: String, expected: String) {
        #expect(Self.number(text) == expected)
    }

    /// A figure beyond a Double's range would read as infinity, which no record may hold (JSON
    /// cannot write it): it is no number. One just within the range still is.
    @Test func aFigureOutOfRangeIsNoNumber() throws {
        let huge = String(repeating: "9", count: 400)
        #expect(Self.number("es de \(huge) acciones") == nil)
        #expect(Self.number("es de \(huge).5 acciones") == nil, "nor is its fraction")
        #expect(Self.number("es de \(huge),250,000 acciones") == nil, "nor are its thousands")
        #expect(Self.number("cuatro (\(huge)) acciones") == "4.0", "the words stand; the digits do not confirm them")
        let large = try #require(Self.number("es de \(String(repeating: "9", count: 300)) acciones"))
        #expect(Double(large)?.isFinite == true)
    }

    @Test func anArticleIsNoNumber() {
        #expect(Self.number("se realizó una reunión") == nil)
    }

    static func institutions(_ s: String) -> [String] {
        InstitutionRecognizer().matches(in: t(s)).map { $0.name + ($0.acronym.map { " (\($0))" } ?? "") }
    }

    @Test func institutionsByHeadWords() {
        #expect(Self.institutions("con el Instituto Quintanarroense de la Mujer (IQM) celebrado") == ["Instituto Quintanarroense de la Mujer (IQM)"])
        #expect(Self.institutions("con el Tribunal Superior de Justicia del Estado de Quintana Roo para la Interconexión")
            == ["Tribunal Superior de Justicia del Estado de Quintana Roo"])
        #expect(Self.institutions("El Poder Judicial y la SESAEQROO firman") == ["Poder Judicial"])
        #expect(Self.institutions("la Organización Internacional World Justice Project (WJP), el 14") == ["World Justice Project (WJP)"])
        #expect(Self.institutions("la Secretaría de Finanzas y Planeación del Estado de Veracruz informó")
            == ["Secretaría de Finanzas y Planeación del Estado de Veracruz"])
        #expect(Self.institutions("el Ayuntamiento de Mérida y la Universidad Autónoma de Yucatán (UADY)")
            == ["Ayuntamiento de Mérida", "Universidad Autónoma de Yucatán (UADY)"])
        // A town named after a state goes on with `del`; a body's `del Estado de` still ends at the state.
        #expect(Self.institutions("con el Ayuntamiento de Hidalgo del Parral y la Universidad Autónoma de Chihuahua")
            == ["Ayuntamiento de Hidalgo del Parral", "Universidad Autónoma de Chihuahua"])
        #expect(Self.institutions("el Instituto de Cultura de Hidalgo del Estado informó") == ["Instituto de Cultura de Hidalgo"])
        #expect(Self.institutions("Secretaria Técnica de la SESAEQROO").isEmpty, "a post is no institution")
        #expect(Self.institutions("la Plataforma Digital Nacional (PDN)").isEmpty)
        #expect(Self.institutions("en el marco de Transparency International y la Fiscalía Anticorrupción")
            == ["Transparency International", "Fiscalía Anticorrupción"])
    }

    @Test func capitalsThatNameNoBody() {
        for word in ["JUN", "ENE", "SEPT", "REF", "ISO", "TOTALES", "POA"] { #expect(InstitutionIndex.isNotAnAcronym(word), "\(word)") }
        for word in ["IQM", "SESAEQROO", "CONALEP", "INAEBA"] { #expect(!InstitutionIndex.isNotAnAcronym(word), "\(word)") }
    }

    @Test func initialsFindAnInstitutionUnderAnotherName() {
        #expect(InstitutionIndex.initials("Secretaría Ejecutiva del SAEQROO") == "SESAEQROO")
        #expect(InstitutionIndex.key("Poder Judicial del Estado de Quintana Roo") == InstitutionIndex.key("Poder Judicial de Quintana Roo"))
    }

    @Test(arguments: [
        ("O002 - Fortalecimiento de las Capacidades", "O002", "Fortalecimiento de las Capacidades"),
        ("F.P.C01.- Acciones de acompañamiento técnico.", "F.P.C01", "Acciones de acompañamiento técnico"),
        ("F.P.C01.A01 - Ejecución de acciones", "F.P.C01.A01", "Ejecución de acciones"),
        ("01 - Número de acciones", "01", "Número de acciones"),
        ("C01.A02 Talleres impartidos", "C01.A02", "Talleres impartidos"),
        ("E001: Programa", "E001", "Programa"),
        ("Número de acciones", nil, "Número de acciones"),
        ("132 Programa de Vivienda", "132", "Programa de Vivienda"),
        // A list's numbering is no code.
        ("1. Coadyuvar a fortalecer la calidad", nil, "1. Coadyuvar a fortalecer la calidad"),
        ("12) Atender la demanda", nil, "12) Atender la demanda"),
    ] as [(String, String?, String)])
    func codesAndNames(value: String, code: String?, name: String) {
        let split = CodeSplitter.split(value)
        #expect(split.code == code)
        #expect(split.name == name)
    }

    @Test(arguments: [
        ("Programa Presupuestario (Pp):", FieldKind.program), ("Nombre del indicador", .indicator), ("Período", .period),
        ("Periodo que se reporta", .period), ("Área responsable", .responsibleUnit), ("% de cumplimiento", .percent),
        ("Meta acumulada al trimestre", .cumulativePeriodTarget), ("UNIDAD RESPONSABLE", .responsibleUnit),
    ])
    func labelVariants(label: String, kind: FieldKind) {
        #expect(Labels.kind(of: label) == kind)
    }

    @Test func signatoriesWithTitlesAndRoles() {
        #expect(SignatureReader.honorific(ofLine: "Mtra. Alma Gabriela Arroyo Angulo.")! == ("Mtra.", "Alma Gabriela Arroyo Angulo"))
        #expect(SignatureReader.honorific(ofLine: "C.P. José Luis Pérez de la Cruz")! == ("C.P.", "José Luis Pérez de la Cruz"))
        #expect(SignatureReader.honorific(ofLine: "Lic. en Derecho por la universidad") == nil)
        #expect(SignatureReader.honorific(ofLine: "Dr. 5 de julio") == nil)
    }

    @Test func aSignatureWhoseRoleFollowsTheNameOnOneLine() throws {
        // Bold lines of a signature, joined: the name ends at its period, the role follows.
        let line = "Mtra. Alma Gabriela Arroyo Angulo. Secretaria Técnica de la SESAEQROO"
        let (title, name, end) = try #require(SignatureReader.signatureStart(ofLine: line))
        #expect(title == "Mtra." && name == "Alma Gabriela Arroyo Angulo")
        #expect(line[end...].trimmingCharacters(in: .whitespaces) == "Secretaria Técnica de la SESAEQROO")
        // A sentence that starts with a title's abbreviation is no signature.
        #expect(SignatureReader.signatureStart(ofLine: "Lic. en Derecho. Se tituló en 2010 en la universidad") == nil)
    }

    /// What prose reports as achieved: a figure with a participle of doing after it, unless
    /// it opens a set the text goes on to speak of.
    @Test(arguments: [
        ("Se llevaron a cabo 3 acciones realizadas en el trimestre.", 3.0),
        ("En el periodo fueron 4 talleres impartidos a servidores públicos.", 4.0),
        ("De los 6 eventos realizados durante el trimestre abril-junio de 2019 apuntamos lo siguiente:", nil),
        ("De las 12 sesiones celebradas, destacan las siguientes.", nil),
    ] as [(String, Double?)])
    func achievedInProse(_ sentence: String, _ achieved: Double?) {
        var found = TargetReader.Found()
        TargetReader.read(Self.t(sentence), masked: [], into: &found)
        #expect(found.achieved?.0 == achieved)
    }

    @Test(arguments: [
        ("Secretaría de Medio Ambiente (SEMARNATH)", "Secretaría de Medio Ambiente", "SEMARNATH"),
        ("ACCIÓN MÓVIL HUIXTLA (UNIÓN JUAREZ)", "ACCIÓN MÓVIL HUIXTLA (UNIÓN JUAREZ)", nil),
        ("ACCIÓN MÓVIL LAS ROSAS (U.COMITÁN)", "ACCIÓN MÓVIL LAS ROSAS (U.COMITÁN)", nil),
    ] as [(String, String?, String?)])
    func anAcronymInParenthesesIsWrittenWithoutSpacesOrAccents(_ value: String, _ name: String?, _ acronym: String?) {
        let (n, a) = InstitutionIndex.nameAndAcronym(value)
        #expect(n == name && a == acronym)
    }

    @Test(arguments: [
        ("118/169", 118.0 / 169), ("(2520/2338)-1", 2520.0 / 2338 - 1), ("45 * 100 / 60", 75.0), ("1,200/1,500", 0.8),
    ] as [(String, Double)])
    func aTargetTypedAsItsCalculationIsItsValue(_ cell: String, _ value: Double) throws {
        let v = try #require(CellArithmetic.value(cell))
        #expect(abs(v - value) < 1e-9)
    }

    @Test(arguments: ["10-15", "30/06/2025", "2024-2025", "1/0", "(3/4", "100", "-5", "N/A", "3/4 de la meta"])
    func whatIsNoCalculation(_ cell: String) {
        #expect(CellArithmetic.value(cell) == nil)
    }
}
