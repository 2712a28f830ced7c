/// Turns bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
/// otherwise Windows-1252, the encoding of legacy Mexican office files (a superset
/// of ISO-8859-1 for every printable character).
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
    }

    public static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: utf16(bytes.dropFirst(2), bigEndian: false), encoding: "UTF-16LE")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: utf16(bytes.dropFirst(2), bigEndian: true), encoding: "UTF-16BE")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: "UTF-8")
        }
        return Decoded(text: windows1252(bytes), encoding: "windows-1252")
    }

    /// Decodes as Windows-1252 (bytes 0x80-0x9F carry the typographic quotes, dashes, euro sign).
    public static func windows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for b in bytes {
            if b >= 0x80 && b <= 0x9F {
                let u = cp1252High[Int(b - 0x80)]
                scalars.append(Unicode.Scalar(u) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    private static func utf16<C: Collection>(_ bytes: C, bigEndian: Bool) -> String where C.Element == UInt8 {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var it = bytes.makeIterator()
        while let a = it.next(), let b = it.next() {
            units.append(bigEndian ? UInt16(a) << 8 | UInt16(b) : UInt16(b) << 8 | UInt16(a))
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Bytes 0x80...0x9F of Windows-1252; the five undefined ones map to the C1 controls as browsers do.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
