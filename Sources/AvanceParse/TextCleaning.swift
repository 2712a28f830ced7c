import AvanceCore

/// Small cleanups shared by the parser.
enum TextCleaning {
    /// White space (line breaks included) folded to single spaces, trimmed.
    static func singleLine<S: StringProtocol>(_ s: S) -> String { s.singleLine }

    /// A value without trailing `.`, `.-`, `-`, `:` or `,` and without wrapping quotes or spaces.
    static func clean<S: StringProtocol>(_ s: S) -> String {
        var out = singleLine(s)
        while let last = out.last, ".-:,;–—".contains(last) {
            out.removeLast()
            while out.last == " " { out.removeLast() }
        }
        return out
    }
}
