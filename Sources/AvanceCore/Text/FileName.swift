/// File names as the system gives them: bytes, not always UTF-8 (a Latin-1 name copied from a
/// Windows share, `informe-a\xF1o.txt`). A name is kept losslessly in a `String`: each byte
/// that is not part of valid UTF-8 (always 0x80 or above) is held as one code point of
/// Unicode's last private-use plane, U+10FF80 + (byte − 0x80), and turned back into that byte
/// whenever the name goes to the system (`system`). Stored and written as JSON, the name stays
/// valid UTF-8 that reads back to the same bytes; shown on a terminal, such a byte is written
/// `\x{F1}` (`TerminalText.escaped`).
///
/// A name that really holds one of those 128 private-use characters keeps them as their own
/// UTF-8 bytes, each held the same way, so every name reads back to its bytes.
public enum FileName {
    /// The code point that holds byte 0x80; byte b is `base + (b - 0x80)`.
    static let base: UInt32 = 0x10FF80

    /// The name in `bytes`, valid UTF-8 as it is and every other byte kept as above.
    public static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let valid = String(validating: bytes, as: UTF8.self), !valid.unicodeScalars.contains(where: isByte) {
            return valid
        }
        var scalars = String.UnicodeScalarView()
        var pending = Array(bytes)[...]
        while !pending.isEmpty {
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = pending.makeIterator()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                // A private-use character of the range is itself kept as its bytes, so that
                // `system` gives them back.
                if isByte(scalar) {
                    for byte in encoded { scalars.append(Unicode.Scalar(base + UInt32(byte) - 0x80)!) }
                } else {
                    scalars.append(scalar)
                }
                pending = pending.dropFirst(encoded.count)
            case .error(let length):
                for byte in pending.prefix(length) { scalars.append(Unicode.Scalar(base + UInt32(byte) - 0x80)!) }
                pending = pending.dropFirst(length)
            case .emptyInput:
                pending = pending.dropFirst(pending.count)
            }
        }
        return String(scalars)
    }

    /// The bytes of a name, for the system: NUL-terminated, each private-use byte turned back.
    public static func system(_ name: String) -> [CChar] {
        guard name.unicodeScalars.contains(where: isByte) else { return name.utf8CString.map { $0 } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 1)
        for scalar in name.unicodeScalars {
            if isByte(scalar) {
                bytes.append(UInt8(scalar.value - base + 0x80))
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
        bytes.append(0)
        return bytes.map { CChar(bitPattern: $0) }
    }

    /// The name a NUL-terminated C string holds.
    public static func decode(cString: UnsafePointer<CChar>) -> String {
        var count = 0
        while cString[count] != 0 { count += 1 }
        return decode(UnsafeRawBufferPointer(start: cString, count: count).bindMemory(to: UInt8.self))
    }

    /// A code point that stands for a byte that was not UTF-8.
    public static func isByte(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= base && scalar.value <= base + 0x7F
    }

    /// The byte `scalar` stands for.
    static func byte(_ scalar: Unicode.Scalar) -> UInt8 { UInt8(scalar.value - base + 0x80) }
}
