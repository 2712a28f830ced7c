/// Case and accent folding for matching Spanish words: `Período` and `periodo`,
/// `AÑO` and `ano` compare equal. Hand-written because it runs on every token.
enum Folding {
    static func fold<S: StringProtocol>(_ s: S) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "á", "à", "ä", "â", "Á", "À", "Ä", "Â": out.append("a")
            case "é", "è", "ë", "ê", "É", "È", "Ë", "Ê": out.append("e")
            case "í", "ì", "ï", "î", "Í", "Ì", "Ï", "Î": out.append("i")
            case "ó", "ò", "ö", "ô", "Ó", "Ò", "Ö", "Ô": out.append("o")
            case "ú", "ù", "ü", "û", "Ú", "Ù", "Ü", "Û": out.append("u")
            case "ñ", "Ñ": out.append("n")
            case "\u{0301}", "\u{0300}", "\u{0308}", "\u{0303}": continue // combining marks
            default:
                if u.isASCII, u.value >= 65, u.value <= 90 {
                    out.append(Unicode.Scalar(u.value + 32)!)
                } else if u.isASCII {
                    out.append(u)
                } else {
                    out.append(contentsOf: String(u).lowercased().unicodeScalars)
                }
            }
        }
        return String(out)
    }
}
