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
}

/// Splits a text into tokens: runs of letters, runs of digits, single other marks.
/// `T3` gives `T`, `3` (adjacent: `spaceBefore` false), so `3T-2024` and `3er.` can be read.
struct Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 4)
        var i = text.startIndex
        var space = true
        var newline = true
        while i < text.endIndex {
            let c = text[i]
            if c.isSpaceFast {
                space = true
                if c.isNewlineFast { newline = true }
                i = text.index(after: i)
                continue
            }
            let start = i
            let kind: Token.Kind
            if c.isLetterFast {
                kind = .word
                repeat { i = text.index(after: i) } while i < text.endIndex && (text[i].isLetterFast || text[i] == "\u{00AD}")
            } else if c.isASCII && c.isNumber {
                kind = .number
                repeat { i = text.index(after: i) } while i < text.endIndex && text[i].isASCII && text[i].isNumber
            } else {
                kind = .punctuation
                i = text.index(after: i)
            }
            let raw = text[start..<i]
            let folded = kind == .word ? Folding.fold(raw) : String(raw)
            tokens.append(Token(kind: kind, range: start..<i, folded: folded, raw: raw, spaceBefore: space, newlineBefore: newline))
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
    func isPunct(_ i: Int, _ marks: String) -> Bool {
        guard i >= 0, i < tokens.count, tokens[i].kind == .punctuation else { return false }
        return marks.contains(tokens[i].raw)
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
