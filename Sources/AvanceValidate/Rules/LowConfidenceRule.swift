import AvanceCore

/// What OCR read from a scanned page is never used silently where it may be misread: a figure
/// whose words Tesseract was not sure of, and a code or a word whose shape says it was misread
/// however sure Tesseract was (`105` where indicator codes read `I05`). The finding names it, so
/// that someone checks it against the paper.
public struct LowConfidenceRule: Rule {
    public static let description = RuleDescription(
        id: "low-confidence",
        title: LocalizedText(
            es: "Valor leído por OCR que puede estar mal leído",
            en: "Value read by OCR that may be misread"
        ),
        severity: .info,
        description: LocalizedText(
            es: """
                Un valor de una página escaneada (leída por OCR, sin capa de texto) que puede estar mal \
                leído y debe verificarse en el documento: una meta, un avance o un porcentaje cuya lectura \
                tiene una confianza media por debajo de \(Int(SourceSpan.lowConfidence)) (en la escala de 0 \
                a 100 de Tesseract); o, por seguro que esté Tesseract, una clave o una palabra cuya forma \
                delata una confusión del OCR (la I mayúscula, la l y el 1; la O y el 0; la S y el 5; la B y \
                el 8; la E y £ o €): una clave que no tiene ninguna forma de las de su nivel y que una o dos \
                de esas confusiones convierten en una (`£031` por el programa `E031`, `CO3` por `C03`), un \
                número cuyo primer dígito puede ser la letra con que abren esas claves, seguida de su número \
                con ceros (`105` por el indicador `I05`), o un `!` que ningún `¡` abre o un `|` pegados a \
                una palabra (`NT!` por `NTI`). El hallazgo dice qué puede ser. Una clave leída con la forma \
                de su nivel, y todo lo que viene de una capa de texto, no se señala. Las reglas que usan \
                una cifra dudosa (un porcentaje que no corresponde) advierten que la diferencia puede \
                deberse a un error de lectura.
                """,
            en: """
                A value on a scanned page (read by OCR, no text layer) that may be misread and should be \
                checked in the document: a target, an achieved figure or a percentage whose words were read \
                with a mean confidence below \(Int(SourceSpan.lowConfidence)) (on Tesseract's scale of 0 to \
                100); or, however sure Tesseract was, a code or a word whose shape gives away an OCR \
                confusion (the capital I, the l and the 1; the O and the 0; the S and the 5; the B and the \
                8; the E and £ or €): a code of none of its level's shapes that one or two such confusions \
                turn into one (`£031` for the program `E031`, `CO3` for `C03`), a number whose first digit \
                may be the letter such codes open with, followed by their zero-padded number (`105` for the \
                indicator `I05`), or a `!` that no `¡` opens or a `|` joined to a word (`NT!` for `NTI`). \
                The finding says what it may be. A code read in its level's shape, and anything from a text \
                layer, is not flagged. The rules that use a doubtful figure (a percentage that does not \
                follow) say the mismatch may be a misreading.
                """
        ),
        triggering: [
            RuleExample([
                ExampleScans.record("escaneado.pdf", achieved: ("3", 96), percent: ("75%", 41)),
            ], expected: ["escaneado.pdf"], note: "a percentage Tesseract was unsure of"),
            RuleExample([
                ExampleScans.record("escaneado-2.pdf", achieved: ("8", 62), percent: ("50%", 70)),
            ], expected: ["escaneado-2.pdf", "escaneado-2.pdf"], note: "two figures, one finding each"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", indicator: ("105", "105 - Número de simulacros", nil), 95),
            ], expected: ["escaneado.pdf"], note: "the capital I of an indicator's code read as a 1, with confidence"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", program: (nil, "£031"), 58),
            ], expected: ["escaneado.pdf"], note: "a program's E read as a pound sign: not taken as a code"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", component: ("CO3", "CO3 - Cultura de la protección civil"), 93),
            ], expected: ["escaneado.pdf"], note: "the letter O among a component's digits"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", indicator: ("I06", "Número de talleres", "NT! = Sumatoria de talleres"), 96),
            ], expected: ["escaneado.pdf"], note: "an exclamation mark no ¡ opens, in a formula"),
        ],
        nonTriggering: [
            RuleExample([
                ExampleScans.record("escaneado.pdf", achieved: ("3", 96), percent: ("75%", 93)),
            ], note: "read with confidence"),
            RuleExample([
                ExampleScans.record("informe.pdf", achieved: ("3", nil), percent: ("75%", nil)),
            ], note: "a text layer: nothing was read by OCR"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", program: ("E037", "E037 - Gestión integral del riesgo"),
                                   component: ("C03", "C03 - Cultura de la protección civil"),
                                   indicator: ("I05", "I05 - Número de simulacros", nil), 95),
            ], note: "codes read in their levels' shapes"),
            RuleExample([
                ExampleScans.coded("informe.pdf", program: (nil, "£031"), indicator: ("105", "105 - Número de simulacros", "NT! = Sumatoria"), nil),
            ], note: "a text layer's codes are the document's own"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", program: ("132", "132 - Sistema de evaluación"),
                                   indicator: ("19736", "Número de acciones | Total", "¡Meta cumplida! = 100 %"), 95),
            ], note: "numbers as codes, a bar standing alone, an exclamation a ¡ opens"),
            RuleExample([
                ExampleScans.coded("escaneado.pdf", indicator: ("112", "112 - Número de talleres", nil), 95),
            ], note: "a number not zero-padded after its first digit: a key, not I12 for sure"),
        ]
    )

    public init() {}

    public func check(_ record: IndicatorRecord) -> [Finding] {
        figures(record) + identifiers(record)
    }

    /// The targets whose words Tesseract was not sure of.
    func figures(_ record: IndicatorRecord) -> [Finding] {
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

    /// The codes and texts that name the program, the component, the activity and the
    /// indicator, read by OCR, whose shape says they may be misread however sure Tesseract was.
    func identifiers(_ record: IndicatorRecord) -> [Finding] {
        var out: [Finding] = []
        func look(_ level: Codes.Field, code: String?, texts: [(Part, String?)], _ span: SourceSpan?) {
            guard let span, span.ocr == true else { return }
            var flagged: Set<String> = []
            // The code, or where none was taken, the word where a code would stand (`£031`).
            let word = code ?? texts.first?.1.flatMap(Self.leadingWord)
            if let word, let m = Misreading.code(word, field: level) {
                flagged.insert(m.read)
                out.append(finding(Self.message(m, level.code, level, quoted: span.text.contains(m.read), untaken: code == nil), [span]))
            }
            for (part, text) in texts {
                for m in Misreading.words(in: text ?? "") where flagged.insert(m.read).inserted {
                    out.append(finding(Self.message(m, part.name(of: level), level, quoted: span.text.contains(m.read), untaken: false), [span]))
                }
            }
        }
        for (level, coded) in [(Codes.Field.program, record.program), (.component, record.component), (.activity, record.activity)] {
            guard let coded else { continue }
            look(level, code: coded.code, texts: [(.name, coded.name)], coded.evidence)
        }
        if let i = record.indicator {
            look(.indicator, code: i.code, texts: [(.name, i.name), (.description, i.description), (.formula, i.formula)], i.evidence)
        }
        return out
    }

    /// The first word of a text, without the dash or colon that may follow it: where a code
    /// was not taken, the word that stands in its place (`£031 - Educación` → `£031`).
    static func leadingWord(_ text: String) -> String? {
        guard let word = text.split(whereSeparator: \.isWhitespace).first else { return nil }
        let trimmed = word.reversed().drop { "-–—:.,;)".contains($0) }.reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// The texts of a level that a misread glyph may stand in.
    enum Part {
        case name, description, formula

        func name(of level: Codes.Field) -> LocalizedText {
            switch self {
            case .name: LocalizedText(es: "nombre \(level.of.es)", en: "\(level.of.en) name")
            case .description: LocalizedText(es: "descripción \(level.of.es)", en: "\(level.of.en) description")
            case .formula: LocalizedText(es: "fórmula \(level.of.es)", en: "\(level.of.en) formula")
            }
        }
    }

    /// `“105” (the indicator's code), read by OCR, may be “I05”: OCR confuses the capital I
    /// with the digit 1.` `quoted`: whether the finding's quote holds the word (a table's row is
    /// quoted by the indicator's name, its code stands in another cell); `untaken`: the level
    /// whose code, so read, was not taken as one.
    static func message(_ m: Misreading, _ field: LocalizedText, _ level: Codes.Field, quoted: Bool, untaken: Bool) -> LocalizedText {
        let why = m.explanation
        let whereES = quoted ? "" : "; no figura en la cita, que muestra dónde se leyó \(level.name.es)"
        let whereEN = quoted ? "" : "; not in the quote, which shows where \(level.name.en) was read"
        let es = untaken ? " Así leída, no se tomó como clave: el registro no tiene clave \(level.of.es)." : ""
        let en = untaken ? " Read so, it was not taken as a code: the record has no code for \(level.name.en)." : ""
        return LocalizedText(
            es: "«\(m.read)» (\(field.es)\(whereES)), leído por OCR, puede ser «\(m.meant)»: \(why.es).\(es) Verifíquelo en el documento.",
            en: "“\(m.read)” (\(field.en)\(whereEN)), read by OCR, may be “\(m.meant)”: \(why.en).\(en) Check it in the document."
        )
    }
}

extension Codes.Field {
    /// "el programa", "the program".
    var name: LocalizedText {
        switch self {
        case .program: LocalizedText(es: "el programa", en: "the program")
        case .component: LocalizedText(es: "el componente", en: "the component")
        case .activity: LocalizedText(es: "la actividad", en: "the activity")
        case .indicator: LocalizedText(es: "el indicador", en: "the indicator")
        }
    }

    /// "del programa", "the program's".
    var of: LocalizedText {
        switch self {
        case .program: LocalizedText(es: "del programa", en: "the program's")
        case .component: LocalizedText(es: "del componente", en: "the component's")
        case .activity: LocalizedText(es: "de la actividad", en: "the activity's")
        case .indicator: LocalizedText(es: "del indicador", en: "the indicator's")
        }
    }

    /// "clave del programa", "the program's code".
    var code: LocalizedText { LocalizedText(es: "clave \(of.es)", en: "\(of.en) code") }
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

    /// A record of a scanned report naming its program, component and indicator as given, each
    /// with its code, its words as the page quotes them (and for the indicator, its formula),
    /// read by OCR with `confidence` (`nil`: from a text layer).
    static func coded(
        _ path: String, program: (code: String?, text: String)? = nil, component: (code: String?, text: String)? = nil,
        indicator: (code: String?, text: String, formula: String?)? = nil, _ confidence: Double?
    ) -> IndicatorRecord {
        var line = 3
        func span(_ text: String) -> SourceSpan {
            line += 1
            return SourceSpan(page: 1, line: line, column: 1, text: text,
                              box: SourceSpan.Box(x: 90, y: Double(line) * 14, width: 300, height: 10), confidence: confidence)
        }
        func name(_ code: String?, _ text: String) -> String? {
            guard let code, text.hasPrefix(code) else { return text }
            let rest = text.dropFirst(code.count).drop { $0 == " " || $0 == "-" }
            return rest.isEmpty ? nil : String(rest)
        }
        return IndicatorRecord(
            source: IndicatorRecord.Source(path: path, sha256: String(repeating: "0", count: 64), format: .pdf, pages: 1,
                                           ocrPages: confidence == nil ? nil : [1]),
            program: program.map { IndicatorRecord.CodedName(code: $0.code, name: name($0.code, $0.text), evidence: span($0.text)) },
            component: component.map { IndicatorRecord.CodedName(code: $0.code, name: name($0.code, $0.text), evidence: span($0.text)) },
            indicator: indicator.map {
                IndicatorRecord.Indicator(code: $0.code, name: name($0.code, $0.text), description: nil, formula: $0.formula,
                                          evidence: span($0.text))
            }
        )
    }
}
