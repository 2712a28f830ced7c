extension StringProtocol {
    /// White space (line breaks included) folded to single spaces, trimmed: a PDF cell's
    /// `Dev. /⏎Aprob.` as `Dev. / Aprob.`.
    ///
    /// Read from the UTF-8 bytes where each `Character` is one scalar (see `PlainText`), with
    /// `isSpaceFast` of each; other texts by `Character`, as before.
    public var singleLine: String {
        if let out = utf8.withContiguousStorageIfAvailable({ PlainText.singleLine($0) }), let out { return out }
        var out = ""
        var space = false
        for c in self {
            if c.isSpaceFast {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(c)
            }
        }
        return out
    }
}

extension StringProtocol {
    /// The text without white space at either end, line breaks included unless `lineBreaks`
    /// is false: what Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` (or
    /// `.whitespaces`) gives, by Unicode scalar, without its trip through `NSString` and UTF-16,
    /// which on Linux made it a twentieth of a PDF's parsing.
    public func trimmingSpace(lineBreaks: Bool = true) -> String {
        let scalars = unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x20, 0x09: return true
            case 0x0A...0x0D: return lineBreaks
            case 0..<0x80: return false
            case 0x85, 0x2028, 0x2029: return lineBreaks
            case 0x200B: return true  // a zero-width space: Foundation's set still counts it
            default: return s.properties.generalCategory == .spaceSeparator
            }
        }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        var end = scalars.endIndex
        while end > first, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(self[first..<end])
    }
}
