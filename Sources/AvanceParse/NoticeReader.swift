import AvanceCore

/// Confidentiality notices and template residue in a report's text ("documento
/// confidencial", "uso interno", "Lorem ipsum", "[Nombre]"): what the `confidential-notice`
/// rule judges, recorded by the parser so that the rule reads records only.
enum NoticeReader {
    /// The first notice of each block (a field's label and value, a row's cells, a
    /// paragraph), quoted as written.
    static func notices(in blocks: [Block]) -> [SourceSpan] {
        var found: [SourceSpan] = []
        for block in blocks {
            let texts = block.kind == .field ? [block.label, block.text].compactMap { $0 } : (block.cells.isEmpty ? [block.text] : block.cells)
            if let span = texts.lazy.compactMap(firstMatch).first { found.append(span) }
        }
        return found
    }

    /// Folded phrases that make a notice or residue, longest first where they overlap.
    static let phrases: [String] = [
        "documento es confidencial", "documento confidencial", "es estrictamente confidencial", "es confidencial",
        "son confidenciales", "caracter confidencial", "uso interno", "uso exclusivo", "no divulgar",
        "no lo divulguen", "no divulguen", "no distribuir", "prohibida su reproduccion", "prohibida su distribucion",
        "prohibida su divulgacion", "informacion reservada", "documento reservado", "clasificada como reservada",
        "lorem ipsum", "escriba aqui", "escribir aqui", "haga clic aqui", "click here", "insertar aqui",
        "texto de ejemplo", "[nombre", "[fecha", "[cargo", "[insertar", "[institucion", "<nombre", "xxxx",
    ].map(Folding.fold)

    /// The first phrase in a text, quoted as written: the earliest, the longest of those
    /// starting there; a phrase that starts with a letter only at a word start.
    ///
    /// The text is folded without the map back to its source (a `FoldedText` keeps an offset
    /// for every byte); the map is made only for a text that holds a phrase, which few do.
    static func firstMatch(in text: SpannedText) -> SourceSpan? {
        let bytes = Array(Folding.fold(text.text).utf8)
        for i in bytes.indices {
            let candidates = phrasesByFirstByte[Int(bytes[i])]
            guard !candidates.isEmpty else { continue }
            let atWordStart = FoldedText.isWordStart(i, in: bytes)
            var best = 0
            for p in candidates where p.count > best && (atWordStart || !p[0].isASCIILetter) && Search.matches(p, in: bytes, at: i) {
                best = p.count
            }
            if best > 0 { return text.span(of: FoldedText(text.text).sourceRange(of: i..<(i + best))) }
        }
        return nil
    }

    /// The phrases as bytes, by their first byte.
    static let phrasesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in phrases { table[Int(p.utf8.first ?? 0)].append(Array(p.utf8)) }
        return table
    }()
}
