import AvanceCore

/// A figure read by OCR from a scanned page, whose words Tesseract was not sure of, is never
/// used silently: the finding names it, so that someone checks it against the paper.
public struct LowConfidenceRule: Rule {
    public static let description = RuleDescription(
        id: "low-confidence",
        title: LocalizedText(
            es: "Cifra leída por OCR con baja confianza",
            en: "Figure read by OCR with low confidence"
        ),
        severity: .info,
        description: LocalizedText(
            es: """
                Una meta, un avance o un porcentaje de una página escaneada (leída por OCR, sin capa de \
                texto) cuya lectura tiene una confianza media por debajo de \(Int(SourceSpan.lowConfidence)) \
                (en la escala de 0 a 100 de Tesseract): la cifra puede estar mal leída y debe verificarse en \
                el documento. Las reglas que la usan (un porcentaje que no corresponde) advierten que la \
                diferencia puede deberse a un error de lectura.
                """,
            en: """
                A target, an achieved figure or a percentage on a scanned page (read by OCR, no text \
                layer) whose words were read with a mean confidence below \(Int(SourceSpan.lowConfidence)) \
                (on Tesseract's scale of 0 to 100): the figure may be misread and should be checked in the \
                document. The rules that use it (a percentage that does not follow) say the mismatch may \
                be a misreading.
                """
        ),
        triggering: [
            RuleExample([
                ExampleScans.record("escaneado.pdf", achieved: ("3", 96), percent: ("75%", 41)),
            ], expected: ["escaneado.pdf"], note: "a percentage Tesseract was unsure of"),
            RuleExample([
                ExampleScans.record("escaneado-2.pdf", achieved: ("8", 62), percent: ("50%", 70)),
            ], expected: ["escaneado-2.pdf", "escaneado-2.pdf"], note: "two figures, one finding each"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleScans.record("escaneado.pdf", achieved: ("3", 96), percent: ("75%", 93)),
            ], note: "read with confidence"),
            RuleExample([
                ExampleScans.record("informe.pdf", achieved: ("3", nil), percent: ("75%", nil)),
            ], note: "a text layer: nothing was read by OCR"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        let t = record.targets
        return IndicatorRecord.Targets.Value.allCases.compactMap { v in
            guard t.value(v) != nil, let span = t.evidence(for: v), span.isLowConfidence, let c = span.confidence else { return nil }
            let name = ConflictingDuplicateRule.name(v)
            let shown = NumberText.show(c)
            return finding(LocalizedText(
                es: "La cifra «\(span.text)» (\(name.es)) se leyó por OCR con una confianza de \(shown) de 100: verifíquela en el documento.",
                en: "The figure “\(span.text)” (\(name.en)) was read by OCR with a confidence of \(shown) out of 100: check it in the document."
            ), [span])
        }
    }
}

extension Rule {
    /// A note for a rule whose figures do not add up when some of them were read by OCR with low
    /// confidence: the mismatch may be a misreading, not the report's.
    func misreadingNote(_ evidence: [SourceSpan?]) -> LocalizedText? {
        let unsure = evidence.compactMap { $0 }.filter(\.isLowConfidence)
        guard !unsure.isEmpty else { return nil }
        let quoted = unsure.map { "«\($0.text)»" }.joined(separator: ", ")
        let quotedEn = unsure.map { "“\($0.text)”" }.joined(separator: ", ")
        return LocalizedText(
            es: " \(quoted) se leyó por OCR con baja confianza: la diferencia puede ser un error de lectura.",
            en: " \(quotedEn) was read by OCR with low confidence: the mismatch may be a misreading."
        )
    }
}

/// Records of scanned reports for the rule's examples: a quarter report whose achieved figure and
/// percentage were read by OCR with the confidences given (`nil`: from a text layer).
enum ExampleScans {
    static func record(_ path: String, achieved: (String, Double?), percent: (String, Double?)) -> IndicatorRecord {
        func span(_ text: String, line: Int, _ confidence: Double?) -> SourceSpan {
            SourceSpan(page: 1, line: line, column: 20, text: text,
                       box: SourceSpan.Box(x: 150, y: Double(line) * 14, width: 20, height: 10), confidence: confidence)
        }
        let sure: Double? = achieved.1 == nil ? nil : 95
        let percentValue = Double(percent.0.filter { $0.isNumber }) ?? 0
        return IndicatorRecord(
            source: IndicatorRecord.Source(path: path, sha256: String(repeating: "0", count: 64), format: .pdf, pages: 1,
                                           ocrPages: achieved.1 == nil ? nil : [1]),
            period: IndicatorRecord.Period(year: 2024, quarter: 3, evidence: span("Tercer trimestre 2024", line: 3, sure)),
            targets: IndicatorRecord.Targets(
                period: 4, achieved: Double(achieved.0), compliancePercent: percentValue,
                evidence: [span("4", line: 5, sure), span(achieved.0, line: 6, achieved.1), span(percent.0, line: 7, percent.1)]
            )
        )
    }
}
