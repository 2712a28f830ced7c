import AvanceCore

/// Decides the character encoding of an HTML file in Swift, before libxml2 sees it:
/// a byte-order mark first, then the document's own `<meta charset>` or
/// `http-equiv` declaration, then UTF-8 when the bytes are valid UTF-8, else
/// Windows-1252 (legacy Mexican office files). The bytes are then decoded here and
/// handed to libxml2 as UTF-8, so the parser and the span locator read the same text.
enum HTMLEncoding {
    /// How far into the file a charset declaration is looked for (browsers use 1024 bytes;
    /// exported pages often carry long `<head>`s, hence more).
    static let prescanLength = 4096

    static func decode(_ bytes: [UInt8]) -> TextDecoding.Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return TextDecoding.decode(bytes)
        }
        switch declaredCharset(bytes) {
        case "windows-1252", "iso-8859-1", "latin1", "iso_8859-1", "l1", "cp1252", "us-ascii", "ascii", "iso-8859-15", "latin-1":
            // WHATWG maps Latin-1 and ASCII labels to Windows-1252; 8859-15 differs in
            // eight rarely used letters, which Windows-1252 reads as their neighbours.
            return TextDecoding.Decoded(text: TextDecoding.windows1252(bytes), encoding: "windows-1252")
        case "utf-8", "utf8":
            if let text = String(validating: bytes, as: UTF8.self) {
                return TextDecoding.Decoded(text: text, encoding: "UTF-8")
            }
            // A page that claims UTF-8 but is not (a template's meta over legacy content)
            // still reads right as Windows-1252, which never loses a byte.
            return TextDecoding.Decoded(text: TextDecoding.windows1252(bytes), encoding: "windows-1252")
        default:
            return TextDecoding.decode(bytes)
        }
    }

    /// The charset named by `<meta charset="...">` or
    /// `<meta http-equiv="Content-Type" content="text/html; charset=...">`, lower-cased.
    /// A byte scan in the manner of the HTML standard's prescan: any `charset=` inside a
    /// `<meta` tag of the first kilobytes counts.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = Array(bytes.prefix(prescanLength))
        let lower = head.map(\.lowercasedASCII)
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = 0
        while let start = Search.firstIndex(of: meta, in: lower, from: i) {
            let end = lower[start...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            var j = start
            while let c = Search.firstIndex(of: charset, in: lower[..<end], from: j) {
                var k = c + charset.count
                while k < end, lower[k] == 0x20 || lower[k] == 0x09 { k += 1 }
                guard k < end, lower[k] == UInt8(ascii: "=") else { j = k; continue }
                k += 1
                while k < end, lower[k] == 0x20 || lower[k] == 0x09 || lower[k] == 0x22 || lower[k] == 0x27 { k += 1 }
                var value: [UInt8] = []
                while k < end, !" \t\"';/>".utf8.contains(lower[k]) { value.append(lower[k]); k += 1 }
                if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                j = k
            }
            i = end
        }
        return nil
    }
}
