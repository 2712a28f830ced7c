/// A text folded as `Folding.fold` folds it, as UTF-8, remembering where each folded byte
/// came from: a match in the folded text can be quoted from the source as written.
/// Reads the source byte by byte (ASCII, most of every report, without decoding).
public struct FoldedText: Sendable {
    public let source: String
    /// The folded text, UTF-8.
    public private(set) var bytes: [UInt8] = []
    /// For each folded byte, the UTF-8 offset in `source` of the scalar it came from;
    /// then the source's length.
    public private(set) var offsets: [Int] = []

    public init(_ source: String) {
        self.source = source
        let utf8 = Array(source.utf8)
        bytes.reserveCapacity(utf8.count)
        offsets.reserveCapacity(utf8.count + 1)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b < 0x80 {
                // "\r\n" is one line break: one space, from the "\r".
                if !(b == 0x0A && i > 0 && utf8[i - 1] == 0x0D) {
                    bytes.append(Folding.ascii(b))
                    offsets.append(i)
                }
                i += 1
                continue
            }
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            var value = UInt32(b & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
            for k in 1..<length { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
            // A String holds valid UTF-8: every sequence decodes to a scalar.
            let u = Unicode.Scalar(value) ?? "\u{FFFD}"
            switch Folding.scalar(u) {
            case .ascii(let a):
                bytes.append(a)
                offsets.append(i)
            case .drop: break
            case .ligature(let letters): append(letters.utf8, from: i)
            case .lowercased where !u.properties.changesWhenLowercased: append(utf8[i..<(i + length)], from: i)
            case .lowercased: append(u.properties.lowercaseMapping.utf8, from: i)
            }
            i += length
        }
        offsets.append(utf8.count)
    }

    private mutating func append<C: Collection<UInt8>>(_ folded: C, from offset: Int) {
        bytes += folded
        offsets += repeatElement(offset, count: folded.count)
    }

    /// The source text that folded bytes `range` came from.
    public func sourceRange(of range: Range<Int>) -> Range<String.Index> {
        let utf8 = source.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])
        let upper = utf8.index(utf8.startIndex, offsetBy: offsets[range.upperBound])
        return lower..<upper
    }

    /// Whether folded byte `i` starts a word: the text's start, or after a character that is
    /// neither a letter nor a digit.
    public func isWordStart(_ i: Int) -> Bool { Self.isWordStart(i, in: bytes) }

    /// The same in folded bytes alone (`Folding.fold`'s, which are `bytes`).
    public static func isWordStart(_ i: Int, in bytes: [UInt8]) -> Bool {
        guard i > 0 else { return true }
        let before = bytes[i - 1]
        if before < 0x80 { return !Character(Unicode.Scalar(before)).isWordFast }
        // A scalar outside ASCII: back to its first byte and decode it.
        var start = i - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let scalar = String(decoding: bytes[start..<i], as: UTF8.self)
        return !(scalar.last?.isWordFast ?? false)
    }
}
