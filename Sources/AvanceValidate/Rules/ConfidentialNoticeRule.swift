import AvanceCore

/// A public report must not carry confidentiality notices or template residue.
public struct ConfidentialNoticeRule: Rule {
    public static let description = RuleDescription(
        id: "confidential-notice",
        title: "Text that does not belong in a public report",
        severity: .warning,
        description: """
            The report carries a confidentiality notice ("documento confidencial", "uso interno", \
            "no divulgar") or template and placeholder residue ("Lorem ipsum", "[Nombre]", "Escriba \
            aquí", "XXXX"). One finding per paragraph; in a table of indicators, on the first row's record.
            """,
        triggering: [
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                El presente ↓documento es confidencial y de uso exclusivo de la institución.
                """),
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                Responsable: ↓[Nombre del responsable]
                """),
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                ↓Lorem ipsum dolor sit amet.
                """),
        ],
        nonTriggering: [
            RuleExample("""
                Trimestre: 4to. Trimestre 2023
                Se capacitó al personal en la protección de datos personales y el manejo de la información pública.
                """),
        ]
    )

    /// Folded phrases that make a notice or residue, longest first where they overlap.
    static let phrases: [String] = [
        "documento es confidencial", "documento confidencial", "es estrictamente confidencial", "es confidencial",
        "son confidenciales", "caracter confidencial", "uso interno", "uso exclusivo", "no divulgar",
        "no lo divulguen", "no divulguen", "no distribuir", "prohibida su reproduccion", "prohibida su distribucion",
        "prohibida su divulgacion", "informacion reservada", "documento reservado", "clasificada como reservada",
        "lorem ipsum", "escriba aqui", "escribir aqui", "haga clic aqui", "click here", "insertar aqui",
        "texto de ejemplo", "[nombre", "[fecha", "[cargo", "[insertar", "[institucion", "<nombre", "xxxx",
    ]

    public init() {}

    public func check(_ record: IndicatorRecord, in document: ExtractedDocument) -> [Finding] {
        guard speaksForTheDocument(record) else { return [] }
        var findings: [Finding] = []
        for block in document.blocks {
            let texts = block.kind == .field ? [block.label, block.text].compactMap { $0 } : (block.cells.isEmpty ? [block.text] : block.cells)
            for text in texts {
                if let span = Self.firstMatch(in: text) {
                    findings.append(finding(Self.message(span.text), [span]))
                    break
                }
            }
        }
        return findings
    }

    /// The first phrase in a text, quoted as written.
    static func firstMatch(in text: SpannedText) -> SourceSpan? {
        let (folded, map) = Fold.withOffsets(text.text)
        var best: (Int, Int)?
        for p in phrases {
            guard let r = Fold.find(p, in: folded) else { continue }
            if best == nil || r < best!.0 || (r == best!.0 && p.count > best!.1) { best = (r, p.count) }
        }
        guard let (start, length) = best else { return nil }
        let lower = map[start], upper = map[min(start + length, map.count - 1)]
        return text.span(of: lower..<upper)
    }

    static func message(_ quote: String) -> String {
        "\"\(quote)\" does not belong in a public report (confidentiality notice or template residue)."
    }
}

/// Accent and case folding that remembers where each folded character came from.
enum Fold {
    /// The folded characters and, for each, the index of its source character (plus the end index).
    static func withOffsets(_ s: String) -> ([Character], [String.Index]) {
        var chars: [Character] = []
        var map: [String.Index] = []
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            let f = fold(c)
            chars.append(f)
            map.append(i)
            i = s.index(after: i)
        }
        map.append(s.endIndex)
        return (chars, map)
    }

    static func fold(_ c: Character) -> Character {
        switch c {
        case "á", "Á", "à", "ä": "a"
        case "é", "É", "è", "ë": "e"
        case "í", "Í", "ì", "ï": "i"
        case "ó", "Ó", "ò", "ö": "o"
        case "ú", "Ú", "ù", "ü", "Ü": "u"
        case "\n": " "
        default: Character(c.lowercased())
        }
    }

    /// The first index of `needle` in `hay`, at a word start.
    static func find(_ needle: String, in hay: [Character]) -> Int? {
        let n = Array(needle)
        guard hay.count >= n.count else { return nil }
        var i = 0
        while i <= hay.count - n.count {
            if hay[i] == n[0], i == 0 || !(hay[i - 1].isLetter || hay[i - 1].isNumber) || !n[0].isLetter {
                var k = 1
                while k < n.count && hay[i + k] == n[k] { k += 1 }
                if k == n.count { return i }
            }
            i += 1
        }
        return nil
    }
}
