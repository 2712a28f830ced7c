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
    ]

    /// The first phrase in a text, quoted as written.
    static func firstMatch(in text: SpannedText) -> SourceSpan? {
        if let folded = ByteFold(text.text) {
            guard let (start, length) = folded.firstPhrase(phrasesByFirstByte) else { return nil }
            let utf8 = text.text.utf8
            let lower = utf8.index(utf8.startIndex, offsetBy: folded.offsets[start])
            let upper = utf8.index(utf8.startIndex, offsetBy: folded.offsets[min(start + length, folded.offsets.count - 1)])
            return text.span(of: lower..<upper)
        }
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

    /// The phrases as bytes, by their first byte.
    static let phrasesByFirstByte: [[[UInt8]]] = {
        var table = [[[UInt8]]](repeating: [], count: 256)
        for p in phrases { table[Int(p.utf8.first ?? 0)].append(Array(p.utf8)) }
        return table
    }()

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

/// `Fold` over bytes: one folded byte per character, for texts whose characters are all
/// single scalars in ASCII, Latin-1 or common punctuation (nearly every report). There it
/// matches exactly what `Fold` finds character by character, at a fraction of the cost
/// (comparing `Character`s was most of validation's time); other texts take `Fold`.
struct ByteFold {
    /// Folded bytes: ASCII lower-cased, `\n` as a space, the accented vowels `Fold` knows as
    /// their base letter; any other character as 0x80 (a letter or digit) or 0x81 (not).
    var bytes: [UInt8] = []
    /// The UTF-8 offset of each byte's source character, then the text's end.
    var offsets: [Int] = []

    init?(_ s: String) {
        let utf8 = Array(s.utf8)
        bytes.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            offsets.append(i)
            if b < 0x80 {
                if b == 0x0D, i + 1 < utf8.count, utf8[i + 1] == 0x0A {
                    // "\r\n" is one character.
                    bytes.append(0x0D)
                    i += 2
                    continue
                }
                bytes.append(b == 0x0A ? 0x20 : (b >= 0x41 && b <= 0x5A ? b + 32 : b))
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            guard i + length <= utf8.count else { return nil }
            var value = UInt32(b & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
            for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
            guard Self.standsAlone(value), let scalar = Unicode.Scalar(value) else { return nil }
            switch value {
            case 0xE1, 0xC1, 0xE0, 0xE4: bytes.append(0x61)
            case 0xE9, 0xC9, 0xE8, 0xEB: bytes.append(0x65)
            case 0xED, 0xCD, 0xEC, 0xEF: bytes.append(0x69)
            case 0xF3, 0xD3, 0xF2, 0xF6: bytes.append(0x6F)
            case 0xFA, 0xDA, 0xF9, 0xFC, 0xDC: bytes.append(0x75)
            default:
                let folded = Fold.fold(Character(scalar))
                bytes.append(folded.isLetter || folded.isNumber ? 0x80 : 0x81)
            }
            i += length
        }
        offsets.append(utf8.count)
    }

    /// Scalars that are always a character by themselves: Latin-1 and general punctuation
    /// without the joiners and format marks, the euro sign.
    static func standsAlone(_ v: UInt32) -> Bool {
        (0xA0...0xFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || v == 0x20AC
    }

    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x80
    }

    /// The earliest phrase (the longest of those starting there), as (start, length) in
    /// characters; a phrase that starts with a letter only at a word start.
    func firstPhrase(_ phrases: [[[UInt8]]]) -> (Int, Int)? {
        var i = 0
        while i < bytes.count {
            let candidates = phrases[Int(bytes[i])]
            if !candidates.isEmpty {
                let atWordStart = i == 0 || !Self.isWordByte(bytes[i - 1])
                var best: Int?
                for p in candidates where p.count <= bytes.count - i && (atWordStart || !(p[0] >= 0x61 && p[0] <= 0x7A)) {
                    var k = 1
                    while k < p.count && bytes[i + k] == p[k] { k += 1 }
                    if k == p.count, p.count > (best ?? 0) { best = p.count }
                }
                if let best { return (i, best) }
            }
            i += 1
        }
        return nil
    }
}
