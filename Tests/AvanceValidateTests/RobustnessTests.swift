import AvanceCore
@testable import AvanceExtract
import AvanceParse
import AvanceValidate
import Testing
import TestSupport

/// Reports cut, shuffled and garbled: the stages must never crash and every span must
/// point inside the text. A seeded generator keeps each run the same.
@Suite struct RobustnessTests {
    static let pieces: [String] = [
        "Programa presupuestario:", "\t", "O002 - ", "**", "<b>", "</b>", "Trimestre:", "3er.", "Trimestre", "2024",
        "T3", "3T-", "de", "del", "año en curso", "presente año", "julio", "septiembre", "09", "/", "10/05/2024",
        "1o.", "1°", "meta anual", "es de", "cuatro", "(4)", "100%", "por ciento", "cien", "se realizaron", "3",
        "Secretaría", "Ejecutiva", "Instituto", "Poder Judicial", "(SESAEQROO)", "SESAEQROO", "Estado de Quintana Roo",
        "##", "# ", "- ", "| ", " | ", "|---|", "Lic.", "Mtra.", "Imagen 1.", "<https://x.gob.mx/?p=1>", "[a](b)",
        "confidencial", "Lorem ipsum", "\n", "\n\n", "\r\n", " ", "  ", ".", ",", ":", "(", ")", "&amp;", "&#", "<",
        ">", "\\", "é", "ñ", "\u{00A0}", "\u{FEFF}", "ﬁ", "🙂", "Componente:", "C01", "Actividad:", "C02.A01",
        "Meta del trimestre:", "Meta alcanzada:", "de las cuales", "corresponden al", "segundo trimestre", "enero-marzo",
    ]

    @Test func randomReportsNeverCrashAndSpansStayInside() throws {
        var rng = SplitMix64(state: 2024)
        let parser = Parser()
        let validator = Validator()
        for _ in 0..<400 {
            let count = Int.random(in: 0...160, using: &rng)
            let text = (0..<count).map { _ in Self.pieces.randomElement(using: &rng)! }.joined(separator: Bool.random(using: &rng) ? " " : "")
            let lineCount = TextExtractor.lines(of: text).count
            let document = ExtractedDocument(path: "random.txt", sha256: "", format: .text, blocks: TextExtractor().blocks(from: text))
            guard let records = try? parser.parse(document) else { continue }
            for var record in records {
                record.findings = validator.validate(record)
                let spans = record.dates.map(\.evidence) + record.institutions.map(\.evidence) + record.findings.flatMap(\.evidence)
                    + record.actions.map(\.evidence) + record.targets.evidence + [record.period?.evidence].compactMap { $0 }
                for s in spans {
                    #expect(s.line >= 1 && s.line <= max(lineCount, 1) && s.column >= 1, "span \(s) outside a \(lineCount)-line text")
                }
            }
        }
    }
}
