import AvanceCore

/// Finds where each text node of a parsed HTML document stands in the decoded source,
/// so spans carry the exact line and column. libxml2 records a line per node but no
/// column; text nodes come in document order, so one forward pass over the source,
/// skipping markup, matches them one after the other.
struct HTMLSourceMap {
    private let chars: [Character]
    /// Index in `chars` where each line starts.
    private let lineStarts: [Int]
    private var cursor = 0
    /// How far past the cursor a text node is looked for before giving up on it.
    static let searchWindow = 200_000

    init(source: String) {
        chars = Array(source)
        var starts = [0]
        for (i, c) in chars.enumerated() where c == "\n" || c == "\r\n" || c == "\r" {
            starts.append(i + 1)
        }
        lineStarts = starts
    }

    /// 1-based line and column of a source index.
    func position(of index: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= index { lo = mid } else { hi = mid - 1 }
        }
        return (lo + 1, index - lineStarts[lo] + 1)
    }

    /// The source index of every character of `text` (a text node's decoded content),
    /// `nil` for characters it could not place. Moves past the text on success.
    mutating func locate(_ text: String) -> [Int?] {
        let t = Array(text)
        guard let firstWord = t.firstIndex(where: { !$0.isSpaceFast }) else { return Array(repeating: nil, count: t.count) }
        var p = cursor
        let limit = min(chars.count, cursor + Self.searchWindow)
        // The first characters must match for the place to be right; the rest may
        // diverge where libxml2 repaired the text.
        let required = min(8, t[firstWord...].lazy.filter { !$0.isSpaceFast }.prefix(8).count)
        let first = t[firstWord]
        while p < limit {
            if chars[p] == "<", let after = skipMarkup(at: p) {
                p = after
                continue
            }
            if chars[p] == first || chars[p] == "&", let (positions, end) = match(t, from: firstWord, at: p, required: required) {
                cursor = end
                return Array(repeating: nil, count: firstWord) + positions
            }
            p += 1
        }
        return Array(repeating: nil, count: t.count)
    }

    /// Matches `t[from...]` against the source at `p`: white space runs match white
    /// space runs, an entity reference matches the one character it stands for.
    private func match(_ t: [Character], from: Int, at start: Int, required: Int) -> ([Int?], Int)? {
        var positions: [Int?] = []
        positions.reserveCapacity(t.count - from)
        var i = from, p = start
        var matched = 0
        while i < t.count {
            let c = t[i]
            if c.isSpaceFast {
                var q = p
                while q < chars.count, chars[q].isSpaceFast { q += 1 }
                while i < t.count, t[i].isSpaceFast {
                    positions.append(q > p ? p : nil)
                    i += 1
                }
                p = q
                continue
            }
            guard p < chars.count else { break }
            if chars[p] == c, !(c == "&" && entityLength(at: p).map { !isAmpersand(at: p, length: $0) } ?? false) {
                positions.append(p)
                p += 1
            } else if chars[p] == "&", let length = entityLength(at: p) {
                positions.append(p)
                p += length
            } else if chars[p] == "<", let after = skipMarkup(at: p), matched > 0 {
                // A tag inside one text node happens only with markup libxml2 dropped (a PI);
                // step over it.
                p = after
                continue
            } else {
                break
            }
            matched += 1
            i += 1
        }
        guard matched >= required else { return nil }
        positions += Array(repeating: nil, count: t.count - from - positions.count)
        return (positions, p)
    }

    /// `&name;`, `&#123;` or `&#x7B;` at `p`: its length in characters.
    private func entityLength(at p: Int) -> Int? {
        var q = p + 1
        while q < chars.count, q - p <= 32, chars[q].isASCII, chars[q].isLetter || chars[q].isNumber || chars[q] == "#" { q += 1 }
        guard q < chars.count, chars[q] == ";", q > p + 1 else { return nil }
        return q - p + 1
    }

    private func isAmpersand(at p: Int, length: Int) -> Bool {
        let name = String(chars[(p + 1)..<(p + length - 1)]).lowercased()
        return name == "amp" || name == "#38" || name == "#x26"
    }

    /// The index after a tag, comment, doctype or processing instruction starting at `p`
    /// (after the element's content for `script` and `style`); `nil` when `<` starts no markup.
    private func skipMarkup(at p: Int) -> Int? {
        guard p + 1 < chars.count else { return nil }
        let next = chars[p + 1]
        if next == "!" {
            if starts(with: "<!--", at: p) { return (find("-->", from: p + 4).map { $0 + 3 }) ?? chars.count }
            return (find(">", from: p).map { $0 + 1 }) ?? chars.count
        }
        if next == "?" { return (find(">", from: p).map { $0 + 1 }) ?? chars.count }
        guard next == "/" || (next.isASCII && next.isLetter) else { return nil }
        var q = p + 1
        var quote: Character?
        while q < chars.count {
            let c = chars[q]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                break
            }
            q += 1
        }
        let end = min(q + 1, chars.count)
        let name = String(chars[(p + 1)..<min(p + 8, end)]).lowercased()
        for raw in ["script", "style"] where name.hasPrefix(raw) {
            return find("</" + raw, from: end, caseInsensitive: true) ?? chars.count
        }
        return end
    }

    private func starts(with s: String, at p: Int) -> Bool {
        Search.matches(Array(s), in: chars, at: p)
    }

    private func find(_ s: String, from: Int, caseInsensitive: Bool = false) -> Int? {
        caseInsensitive
            ? Search.firstIndex(of: Array(s), in: chars, from: from) { $0.lowercasedASCII == $1 }
            : Search.firstIndex(of: Array(s), in: chars, from: from)
    }
}
