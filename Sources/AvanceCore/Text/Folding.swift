/// Case and accent folding for matching Spanish words: `Período` and `periodo`, `AÑO` and
/// `ano`, `Índice` and `indice` compare equal. One scalar at a time:
/// - ASCII letters lower-cased;
/// - the Latin-1 letters with a diacritic as their base letter (`á à â ä ã å` → `a`, `ç` → `c`,
///   `ñ` → `n`, `ý ÿ` → `y`, capitals alike), combining marks (U+0300-U+036F) dropped, so a
///   decomposed `é` folds as the precomposed one does;
/// - the ligatures `ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ` spelt out (PDF text carries them);
/// - white space, line breaks included (`\r\n` as one), as a single space: a phrase matches
///   across a line break;
/// - any other scalar lower-cased.
///
/// `ñ` is a letter of its own in Spanish, but a matching key that keeps it apart from `n`
/// misses every report typed without it (`ANO 2024`, ASCII exports), while no word the
/// lexicons look for differs from another by its tilde alone. Quotes are never folded: they
/// come from the source text.
///
/// Hand-written, without Foundation, because it runs on every token.
public enum Folding {
    public static func fold(_ s: String) -> String { fold(s[...]) }

    public static func fold(_ s: Substring) -> String {
        // Most tokens are lower-case ASCII words already.
        if s.utf8.allSatisfy({ $0 < 0x80 && ascii($0) == $0 }) { return String(s) }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            defer { afterCR = u == "\r" }
            if u == "\n" && afterCR { continue }
            switch scalar(u) {
            case .ascii(let b): out.append(Unicode.Scalar(b))
            case .drop: break
            case .ligature(let letters): out.append(contentsOf: letters.unicodeScalars)
            case .lowercased where !u.properties.changesWhenLowercased: out.append(u)
            case .lowercased: out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    /// What one scalar folds to.
    enum Scalar {
        case ascii(UInt8)
        case drop
        case ligature(String)
        /// Its lower case, unchanged when it has none.
        case lowercased
    }

    /// An ASCII byte folded: `A`-`Z` lower-cased, tabs and line breaks as a space.
    @inline(__always)
    static func ascii(_ b: UInt8) -> UInt8 {
        b >= 0x09 && b <= 0x0D ? 0x20 : b.lowercasedASCII
    }

    static func scalar(_ u: Unicode.Scalar) -> Scalar {
        switch u.value {
        case 0..<0x80: .ascii(ascii(UInt8(u.value)))
        case 0xC0...0xC5, 0xE0...0xE5: .ascii(0x61) // a
        case 0xC7, 0xE7: .ascii(0x63) // c
        case 0xC8...0xCB, 0xE8...0xEB: .ascii(0x65) // e
        case 0xCC...0xCF, 0xEC...0xEF: .ascii(0x69) // i
        case 0xD1, 0xF1: .ascii(0x6E) // n
        case 0xD2...0xD6, 0xF2...0xF6: .ascii(0x6F) // o
        case 0xD9...0xDC, 0xF9...0xFC: .ascii(0x75) // u
        case 0xDD, 0xFD, 0xFF: .ascii(0x79) // y
        case 0x0300...0x036F: .drop
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: .ascii(0x20)
        case 0xFB00: .ligature("ff")
        case 0xFB01: .ligature("fi")
        case 0xFB02: .ligature("fl")
        case 0xFB03: .ligature("ffi")
        case 0xFB04: .ligature("ffl")
        case 0xFB05, 0xFB06: .ligature("st")
        default: .lowercased
        }
    }
}
