/// Character classes with a fast path for ASCII, which is most of every report: Unicode
/// property look-ups were a tenth of the time of a text ingest and a fifth on a large page.
extension Character {
    /// `isWhitespace`.
    @inlinable public var isSpaceFast: Bool {
        if let a = asciiValue { return a == 0x20 || (a >= 0x09 && a <= 0x0D) }
        return isWhitespace
    }

    /// `isNewline`.
    @inlinable public var isNewlineFast: Bool {
        if let a = asciiValue { return a >= 0x0A && a <= 0x0D }
        return isNewline
    }

    /// `isLetter`.
    @inlinable public var isLetterFast: Bool {
        if let a = asciiValue { return a.isASCIILetter }
        return isLetter
    }

    /// `isLetter || isNumber`.
    @inlinable public var isWordFast: Bool {
        if let a = asciiValue { return a.isASCIILetter || (a >= 0x30 && a <= 0x39) }
        return isLetter || isNumber
    }

    /// `A`-`Z` lower-cased, any other character as it is (tag names, charset labels).
    @inlinable public var lowercasedASCII: Character {
        guard let a = asciiValue, a >= 0x41, a <= 0x5A else { return self }
        return Character(Unicode.Scalar(a.lowercasedASCII))
    }
}

extension UInt8 {
    /// `A`-`Z` or `a`-`z`.
    @inlinable public var isASCIILetter: Bool { (self | 0x20) >= 0x61 && (self | 0x20) <= 0x7A }

    /// The byte of `A`-`Z` lower-cased, any other byte as it is.
    @inlinable public var lowercasedASCII: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}
