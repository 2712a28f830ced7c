import AvanceCore

/// A word, a number or a punctuation mark of a text, with its folded form for matching.
struct Token: Sendable {
    enum Kind: Sendable { case word, number, punctuation }
    var kind: Kind
    var range: Range<String.Index>
    /// Folded (lower case, no accents) for words; the digits for numbers; the mark itself otherwise.
    var folded: String
    /// The text as written.
    var raw: Substring
    /// A line break or other white space stands before the token.
    var spaceBefore: Bool
    var newlineBefore: Bool

    /// Its first character is a capital letter.
    var isCapitalized: Bool {
        guard let b = raw.utf8.first else { return false }
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return raw.first.map { $0.isUppercase } ?? false
    }

    /// A word of two letters or more, every letter a capital. Read from the bytes where the word
    /// is ASCII (most are): the recognizers ask it of every token, again and again.
    var isAllCaps: Bool {
        guard kind == .word else { return false }
        var count = 0
        for b in raw.utf8 {
            if b >= 0x80 { return raw.count >= 2 && raw.allSatisfy { !$0.isLetter || $0.isUppercase } }
            if b >= 0x61 && b <= 0x7A { return false }
            count += 1
        }
        return count >= 2
    }
    var intValue: Int? { kind == .number ? Int(folded) : nil }

    /// The token is one `Character`: one byte, or (counted only then) bytes outside ASCII,
    /// where a letter may carry marks. `raw.count` walked every word asked.
    var isOneCharacter: Bool {
        let bytes = raw.utf8
        if bytes.count == 1 { return true }
        return bytes.contains { $0 >= 0x80 } && raw.count == 1
    }

    /// The token has two `Character`s or more, counted the same way.
    var hasTwoCharacters: Bool {
        let bytes = raw.utf8
        if bytes.count < 2 { return false }
        return !bytes.contains { $0 >= 0x80 } || raw.count >= 2
    }
}

/// Splits a text into tokens: runs of letters, runs of digits, single other marks.
/// `T3` gives `T`, `3` (adjacent: `spaceBefore` false), so `3T-2024` and `3er.` can be read.
///
/// Reads the text's UTF-8 bytes one grapheme cluster (`Character`) at a time, as the
/// `Character` walk it replaced did, with the same classes (`isSpaceFast`, `isNewlineFast`,
/// `isLetterFast`, an ASCII digit, the soft hyphen). A cluster is read from its bytes where
/// they alone decide it: an ASCII byte, or a Latin-1 scalar (`á`, `ñ`, `ü`, a no-break space:
/// two bytes led by `C2` or `C3`), followed by an ASCII byte or the text's end (no mark can
/// join them then: none of those scalars is a prepended mark, and "\r\n" is read as the one
/// cluster it is). Any other cluster (a letter with a combining mark, a scalar beyond Latin-1)
/// is taken from the string as a `Character`. A word's folded form is `Folding.fold` of its bytes.
struct Tokenizer {
    /// A cluster's classes, as bits.
    private static let space: UInt8 = 1, newline: UInt8 = 2, letter: UInt8 = 4, digit: UInt8 = 8, softHyphen: UInt8 = 16

    /// The classes of a `Character`: the one definition, used for the table below and for
    /// every cluster the bytes do not decide.
    private static func classes(_ c: Character) -> UInt8 {
        var k: UInt8 = 0
        if c.isSpaceFast { k |= space }
        if c.isNewlineFast { k |= newline }
        if c.isLetterFast { k |= letter }
        if c.isASCII && c.isNumber { k |= digit }
        if c == "\u{00AD}" { k |= softHyphen }
        return k
    }

    /// The classes of each single-scalar cluster U+0000 to U+00FF, derived from `classes`.
    private static let latin1: [UInt8] = (0...0xFF).map { classes(Character(Unicode.Scalar(UInt8($0)))) }

    static func tokens(_ text: String) -> [Token] {
        if let tokens = text.utf8.withContiguousStorageIfAvailable({ tokens(text, $0) }) { return tokens }
        var copy = text
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { tokens(copy, $0) } ?? []
    }

    private static func tokens(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        let utf8 = text.utf8
        let origin = utf8.startIndex
        let n = bytes.count
        /// The cluster at byte `p`: its classes and the byte after it.
        func cluster(_ p: Int) -> (classes: UInt8, end: Int) {
            let b = bytes[p]
            if b < 0x80 {
                if p + 1 == n || bytes[p + 1] < 0x80 {
                    if b == 0x0D, p + 1 < n, bytes[p + 1] == 0x0A { return (latin1[0x0A], p + 2) }
                    return (latin1[Int(b)], p + 1)
                }
            } else if b == 0xC2 || b == 0xC3, p + 2 == n || (p + 2 < n && bytes[p + 2] < 0x80) {
                return (latin1[Int((b & 0x1F) << 6 | (bytes[p + 1] & 0x3F))], p + 2)
            }
            let i = utf8.index(origin, offsetBy: p)
            let next = text.index(after: i)
            return (classes(text[i]), utf8.distance(from: origin, to: next))
        }
        var p = 0
        var space = true
        var newline = true
        while p < n {
            let (c, afterFirst) = cluster(p)
            if c & Self.space != 0 {
                space = true
                if c & Self.newline != 0 { newline = true }
                p = afterFirst
                continue
            }
            let start = p
            let kind: Token.Kind
            p = afterFirst
            if c & letter != 0 {
                kind = .word
                while p < n {
                    let (k, end) = cluster(p)
                    guard k & (letter | softHyphen) != 0 else { break }
                    p = end
                }
            } else if c & digit != 0 {
                kind = .number
                while p < n {
                    let (k, end) = cluster(p)
                    guard k & digit != 0 else { break }
                    p = end
                }
            } else {
                kind = .punctuation
            }
            let range = utf8.index(origin, offsetBy: start)..<utf8.index(origin, offsetBy: p)
            let raw = text[range]
            let folded = kind == .word ? Folding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[start..<p])) : String(raw)
            tokens.append(Token(kind: kind, range: range, folded: folded, raw: raw, spaceBefore: space, newlineBefore: newline))
            space = false
            newline = false
        }
        return tokens
    }
}

/// A text with its tokens, kept together because the recognizers need both.
struct TokenizedText {
    var spanned: SpannedText
    var tokens: [Token]

    init(_ spanned: SpannedText) {
        self.spanned = spanned
        self.tokens = Tokenizer.tokens(spanned.text)
    }

    var text: String { spanned.text }

    /// The text from token `a` through token `b` (inclusive).
    func range(_ a: Int, _ b: Int) -> Range<String.Index> { tokens[a].range.lowerBound..<tokens[b].range.upperBound }
    func string(_ a: Int, _ b: Int) -> String { String(text[range(a, b)]) }
    func span(_ a: Int, _ b: Int) -> SourceSpan { spanned.span(of: range(a, b)) }

    func folded(_ i: Int) -> String? { i >= 0 && i < tokens.count ? tokens[i].folded : nil }
    func isWord(_ i: Int, _ words: Set<String>) -> Bool { folded(i).map(words.contains) ?? false }
    /// The same against a short list written at the call (`["el", "del"]`): a literal taken as a
    /// `Set` is built and hashed anew on every call, in loops over every token.
    func isWord(_ i: Int, _ words: [String]) -> Bool { folded(i).map(words.contains) ?? false }
    /// Whether token `i` is a mark that `marks` holds. Compared as UTF-8 bytes (a punctuation
    /// token is one `Character`): `marks.contains(raw)` was Foundation's `range(of:)`, through
    /// NSString, for every token the recognizers tried.
    func isPunct(_ i: Int, _ marks: String) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        return Self.holds(marks, tokens[i].raw)
    }

    /// Whether `mark`'s bytes stand in `marks`' bytes.
    static func holds(_ marks: String, _ mark: Substring) -> Bool {
        let raw = mark.utf8
        guard let first = raw.first else { return false }
        if raw.count == 1 { return marks.utf8.contains(first) }
        return Search.firstIndex(of: Array(raw), in: Array(marks.utf8)) != nil
    }
    /// Tries `match` at each token from the left; after a match, goes on after its last token.
    /// The recognizers' common loop: matches never overlap, the leftmost wins.
    func scan<M>(last: (M) -> Int, _ match: (Int) -> M?) -> [M] {
        var result: [M] = []
        var i = 0
        while i < tokens.count {
            if let m = match(i) {
                result.append(m)
                i = last(m) + 1
            } else {
                i += 1
            }
        }
        return result
    }

    /// Token `i` follows token `i-1` without white space.
    func adjacent(_ i: Int) -> Bool { i > 0 && i < tokens.count && !tokens[i].spaceBefore }
}
