import AvanceCore

/// Cleans one line of Markdown-like text with stray HTML tags into plain words,
/// remembering where every character came from. A hand-written scanner: the lines
/// of legacy reports are short and a single pass keeps columns exact.
struct LineCleaner {
    struct Cleaned {
        var text: String
        var anchors: [SourceAnchor]
        var links: [String]
        /// Every letter of the line was inside `**...**` or `<b>...</b>`.
        var isStrong: Bool

        var spanned: SpannedText { SpannedText(text: text, anchors: anchors) }
    }

    let page: Int?

    /// Cleans `chars` (one line, no line end); `firstColumn` is the column of `chars[0]`.
    func clean(_ chars: ArraySlice<Character>, line: Int, firstColumn: Int = 1) -> Cleaned {
        var out = ""
        var anchors: [SourceAnchor] = []
        var links: [String] = []
        var needAnchor = true
        var strong = false
        var strongLetters = 0, plainLetters = 0
        var i = chars.startIndex
        let end = chars.endIndex

        func column(_ index: Int) -> Int { firstColumn + (index - chars.startIndex) }

        var endsInSpace = true  // `out` is empty or ends in a space
        func emit(_ c: Character, at index: Int) {
            var c = c
            // Compared by scalar value: a `Character` comparison goes through string comparison.
            if let a = c.asciiValue {
                if a == 0x09 { c = " " }
            } else if c.unicodeScalars.count == 1, let s = c.unicodeScalars.first {
                switch s.value {
                case 0x00A0, 0x2007, 0x202F: c = " "
                case 0x200B, 0xFEFF, 0x00AD: return
                default: break
                }
            }
            let isSpace = c.asciiValue == 0x20
            if isSpace && endsInSpace { needAnchor = true; return }
            endsInSpace = isSpace
            // An anchor every so often on a long line too (`SpannedTextBuilder.anchorInterval`).
            if needAnchor || column(index) - (anchors.last?.column ?? 0) >= SpannedTextBuilder.anchorInterval {
                anchors.append(SourceAnchor(offset: out.utf8.count, page: page, line: line, column: column(index)))
                needAnchor = false
            }
            out.append(c)
            if c.isWordFast { if strong { strongLetters += 1 } else { plainLetters += 1 } }
        }

        func emitString(_ s: String, at index: Int) {
            for c in s { emit(c, at: index) }
        }

        while i < end {
            let c = chars[i]
            if let a = c.asciiValue, Self.mayOpenMarkup(a) {
                switch c {
                case "*" where i + 1 < end && chars[i + 1] == "*":
                    strong.toggle()
                    i += 2
                    needAnchor = true
                    continue
                case "\\" where i + 1 < end && (chars[i + 1].isPunctuation || chars[i + 1].isSymbol):
                    i += 1
                    needAnchor = true
                    emit(chars[i], at: i)
                    i += 1
                    continue
                case "<":
                    if let close = chars[i...].prefix(400).firstIndex(of: ">") {
                        let inner = String(chars[(i + 1)..<close])
                        if Self.isAutolink(inner) {
                            links.append(inner)
                            needAnchor = true
                            for k in (i + 1)..<close { emit(chars[k], at: k) }
                            i = close + 1
                            needAnchor = true
                            continue
                        }
                        if let tag = Self.tagName(inner) {
                            switch tag.name {
                            case "b", "strong": strong = !tag.closing
                            case "br", "p", "div", "td", "th", "li": emit(" ", at: i)
                            default: break
                            }
                            if let href = tag.href.flatMap(LinkFilter.target) { links.append(href) }
                            i = close + 1
                            needAnchor = true
                            continue
                        }
                    }
                case "!" where i + 1 < end && chars[i + 1] == "[":
                    // An image: its alt text is a caption, not part of the sentence.
                    if let (_, _, after) = Self.markdownLink(chars, at: i + 1) {
                        i = after
                        needAnchor = true
                        continue
                    }
                case "[":
                    if let (textRange, url, after) = Self.markdownLink(chars, at: i) {
                        if let url = LinkFilter.target(url) { links.append(url) }
                        needAnchor = true
                        for k in textRange { emit(chars[k], at: k) }
                        i = after
                        needAnchor = true
                        continue
                    }
                case "&":
                    if let semi = chars[i...].prefix(10).firstIndex(of: ";"),
                       let decoded = Self.entity(String(chars[(i + 1)..<semi])) {
                        emit(decoded, at: i)
                        i = semi + 1
                        needAnchor = true
                        continue
                    }
                default:
                    break
                }
            }
            emit(c, at: i)
            i += 1
        }
        while out.last == " " { out.removeLast() }
        // Bare addresses in running text are links too.
        for url in LinkFilter.bare(in: out) where !links.contains(url) { links.append(url) }
        if anchors.isEmpty { anchors = [SourceAnchor(offset: 0, page: page, line: line, column: firstColumn)] }
        return Cleaned(
            text: out, anchors: anchors, links: links,
            isStrong: strongLetters > 0 && plainLetters == 0
        )
    }

    /// `*`, `\\`, `<`, `!`, `[`, `&`: the bytes that may open a mark-up the scanner reads.
    @inline(__always) static func mayOpenMarkup(_ a: UInt8) -> Bool {
        a == 0x2A || a == 0x5C || a == 0x3C || a == 0x21 || a == 0x5B || a == 0x26
    }

    static func isAutolink(_ inner: String) -> Bool {
        let lower = inner.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://")
            || lower.hasPrefix("mailto:") || lower.hasPrefix("www.")) && !inner.contains(" ")
    }

    struct Tag {
        var name: String
        var closing: Bool
        var href: String?
    }

    /// `b`, `/b`, `br/`, `a href="..."`, `!-- ... --`: the shape of a tag, else `nil`.
    static func tagName(_ inner: String) -> Tag? {
        var s = Substring(inner)
        if s.hasPrefix("!--") || s.lowercased().hasPrefix("!doctype") { return Tag(name: "!", closing: false) }
        let closing = s.hasPrefix("/")
        if closing { s = s.dropFirst() }
        let name = s.prefix(while: { $0.isLetter || $0.isNumber })
        guard let first = name.first, first.isASCII, first.isLetter else { return nil }
        let rest = s.dropFirst(name.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "/" || rest.first == "\t" else { return nil }
        var href: String?
        if name.lowercased() == "a", let r = rest.range(of: "href=") {
            let after = rest[r.upperBound...]
            if let q = after.first, q == "\"" || q == "'" {
                href = String(after.dropFirst().prefix(while: { $0 != q }))
            }
        }
        return Tag(name: name.lowercased(), closing: closing, href: href)
    }

    /// `[text](url)` starting at `start`: the text's indices, the url and the index after.
    static func markdownLink(_ chars: ArraySlice<Character>, at start: Int) -> (Range<Int>, String, Int)? {
        guard let closeBracket = chars[start...].prefix(500).firstIndex(of: "]"),
              closeBracket + 1 < chars.endIndex, chars[closeBracket + 1] == "(",
              let closeParen = chars[(closeBracket + 1)...].prefix(1000).firstIndex(of: ")")
        else { return nil }
        let url = String(chars[(closeBracket + 2)..<closeParen])
        guard !url.contains(" ") else { return nil }
        return ((start + 1)..<closeBracket, url, closeParen + 1)
    }

    static func entity(_ name: String) -> Character? {
        switch name {
        case "nbsp": return " "
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                return Unicode.Scalar(v).map(Character.init)
            }
            if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                return Unicode.Scalar(v).map(Character.init)
            }
            return nil
        }
    }
}

extension String {
    func trimmingTrailing(while predicate: (Character) -> Bool) -> String {
        var s = self
        while let last = s.last, predicate(last) { s.removeLast() }
        return s
    }
}
