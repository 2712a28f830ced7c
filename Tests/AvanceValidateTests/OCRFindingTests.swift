import AvanceCore
import AvanceValidate
import Testing

/// Figures read by OCR: a percentage that does not follow from figures Tesseract was unsure of
/// says the mismatch may be a misreading; from a text layer, or read with confidence, it does not.
@Suite struct OCRFindingTests {
    static func record(achievedConfidence: Double?) -> IndicatorRecord {
        func span(_ text: String, _ line: Int, _ confidence: Double?) -> SourceSpan {
            SourceSpan(page: 1, line: line, column: 10, text: text, box: .init(x: 100, y: Double(line) * 12, width: 12, height: 9),
                       confidence: confidence)
        }
        let sure: Double? = achievedConfidence == nil ? nil : 95
        return IndicatorRecord(
            source: .init(path: "escaneado.pdf", sha256: String(repeating: "0", count: 64), format: .pdf, pages: 1,
                          ocrPages: achievedConfidence == nil ? nil : [1]),
            period: .init(year: 2024, quarter: 3, evidence: span("tercer trimestre de 2024", 2, sure)),
            targets: .init(period: 4, achieved: 8, compliancePercent: 75,
                           evidence: [span("4", 3, sure), span("8", 4, achievedConfidence), span("75%", 5, sure)])
        )
    }

    @Test func aMismatchOverAnUnsureFigureSaysItMayBeAMisreading() throws {
        let unsure = PercentMismatchRule().check(Self.record(achievedConfidence: 48))
        let finding = try #require(unsure.first)
        #expect(finding.text.es.contains("error de lectura") && finding.text.en.contains("misreading"))
        #expect(finding.text.en.contains("“8”"))
        let low = LowConfidenceRule().check(Self.record(achievedConfidence: 48))
        #expect(low.count == 1 && low.first?.evidence.first?.text == "8" && low.first?.severity == .info)
        for confidence in [nil, 93.0] as [Double?] {
            let plain = try #require(PercentMismatchRule().check(Self.record(achievedConfidence: confidence)).first)
            #expect(!plain.text.en.contains("misreading"), "\(String(describing: confidence))")
            #expect(LowConfidenceRule().check(Self.record(achievedConfidence: confidence)).isEmpty)
        }
    }
}
