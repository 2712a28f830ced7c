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
/// Hand-written over UTF-8 bytes, without Foundation, because it runs on every token.
public enum Folding {
    public static func fold(_ s: String) -> String { fold(s[...]) }

    /// Reads the UTF-8 bytes: an ASCII byte is folded by `ascii`, a longer sequence decoded to
    /// its scalar and folded by `scalar`, as `FoldedText` does (the scalars, not the
    /// `Character`s: a combining mark is dropped on its own). A word in lower-case ASCII, most
    /// of them, is returned as it is; one in capitals is lower-cased in place, without the
    /// scalar view's appends it took before.
    public static func fold(_ s: Substring) -> String {
        var s = s
        return s.withUTF8 { fold(utf8: $0) }
    }

    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        var unchanged = true
        var ascii = true
        for b in bytes {
            if b >= 0x80 { ascii = false; unchanged = false; break }
            if Self.ascii(b) != b { unchanged = false }
        }
        if unchanged { return String(decoding: bytes, as: UTF8.self) }
        if ascii, !bytes.contains(0x0D) {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (k, b) in bytes.enumerated() { out[k] = Self.ascii(b) }
                return bytes.count
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                // "\r\n" is one line break: one space, from the "\r".
                if !(b == 0x0A && i > 0 && bytes[i - 1] == 0x0D) { out.append(Self.ascii(b)) }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = UInt32(b & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
            for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
            // A String holds valid UTF-8: every sequence decodes to a scalar.
            let u = Unicode.Scalar(value) ?? "\u{FFFD}"
            switch scalar(u) {
            case .ascii(let a): out.append(a)
            case .drop: break
            case .ligature(let letters): out += letters.utf8
            case .lowercased where !u.properties.changesWhenLowercased: out += bytes[i..<(i + length)]
            case .lowercased: out += u.properties.lowercaseMapping.utf8
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
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
