/// UTF-8 text whose grapheme clusters its bytes decide: every scalar ASCII, Latin-1 (`á`,
/// `ñ`, `ü`, a no-break space) or General Punctuation's dashes, quotes, bullets and marks
/// (U+2010–U+2027, U+2030–U+205E). None of those scalars is a combining or prepended mark, a
/// joiner, a Hangul syllable or a regional indicator, so each is a `Character` of its own,
/// but for "\r\n", which is one. Byte scanners read such text by scalar and leave any other to
/// the `Character` code.
public enum PlainText {
    /// Whether a scalar is one of the plain ones.
    @inlinable
    public static func isPlain(_ v: UInt32) -> Bool { v < 0x100 || (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205E) }

    /// The scalar at byte `i` (valid UTF-8) and its length in bytes.
    @inlinable
    public static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let b = bytes[i]
        if b < 0x80 { return (UInt32(b), 1) }
        let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
        var value = UInt32(b & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (value, length)
    }

    /// `isSpaceFast` of each Latin-1 scalar.
    @usableFromInline
    static let latin1Space: [Bool] = (0...0xFF).map { Character(Unicode.Scalar(UInt8($0))).isSpaceFast }

    /// `isSpaceFast` of the `Character` that is the plain scalar `v`.
    @usableFromInline
    static func isSpace(_ v: UInt32) -> Bool {
        v < 0x100 ? latin1Space[Int(v)] : Unicode.Scalar(v).map { Character($0).isSpaceFast } ?? false
    }

    /// `isLetter` and `isNumber` of each Latin-1 scalar.
    @usableFromInline
    static let latin1Letter: [Bool] = (0...0xFF).map { Character(Unicode.Scalar(UInt8($0))).isLetter }
    @usableFromInline
    static let latin1Number: [Bool] = (0...0xFF).map { Character(Unicode.Scalar(UInt8($0))).isNumber }

    /// `isLetter` of the `Character` that is the plain scalar `v`.
    @inlinable
    public static func isLetter(_ v: UInt32) -> Bool {
        v < 0x80 ? UInt8(v).isASCIILetter : v < 0x100 ? latin1Letter[Int(v)] : Unicode.Scalar(v).map { Character($0).isLetter } ?? false
    }

    /// `isNumber` of the `Character` that is the plain scalar `v`.
    @inlinable
    public static func isNumber(_ v: UInt32) -> Bool {
        v < 0x80 ? (v >= 0x30 && v <= 0x39) : v < 0x100 ? latin1Number[Int(v)] : Unicode.Scalar(v).map { Character($0).isNumber } ?? false
    }

    /// Calls `body` with each scalar of a plain text (its value and the range of its bytes),
    /// that is with each of its `Character`s ("\r\n" as its two scalars); `false`, before any
    /// call, for a text that is not plain.
    @inlinable
    public static func forEachScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32, Range<Int>) -> Void) -> Bool {
        var i = 0
        while i < bytes.count {
            let (v, length) = scalar(bytes, at: i)
            guard isPlain(v) else { return false }
            i += length
        }
        i = 0
        while i < bytes.count {
            let (v, length) = scalar(bytes, at: i)
            body(v, i..<(i + length))
            i += length
        }
        return true
    }

    /// `singleLine` of a plain text; `nil` for any other.
    static func singleLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var space = false
        var i = 0
        while i < bytes.count {
            let (v, length) = scalar(bytes, at: i)
            guard isPlain(v) else { return nil }
            if isSpace(v) {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20) }
                space = false
                out += UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])
            }
            i += length
        }
        return String(decoding: out, as: UTF8.self)
    }
}
