import AvanceCore

/// Reads signature blocks: a title (`Lic.`, `Mtra.`, `C.P.`) and a name on one line,
/// the role on the lines after it.
enum SignatureReader {
    static func read(_ blocks: [Block]) -> [IndicatorRecord.Signatory] {
        var result: [IndicatorRecord.Signatory] = []
        for (b, block) in blocks.enumerated() where block.kind != .tableRow && mayHoldSignature(block.text.text) {
            // "Elaboró: Dra. Itzel Sánchez": a signature may be a field's value.
            let lines = Self.lines(block.text)
            for (k, whole) in lines.enumerated() {
                guard let (honorific, name, nameEnd) = signatureStart(ofLine: whole.text) else { continue }
                // "Mtra. Alma Arroyo Angulo. Secretaria Técnica": the role may go on after the name.
                let line = whole.slice(whole.text.startIndex..<nameEnd).trimmed()
                let rest = whole.slice(nameEnd..<whole.text.endIndex).trimmed()
                var following = (rest.text.isEmpty ? [] : [rest]) + Array(lines[(k + 1)...])
                if following.isEmpty {
                    // The role may stand in the next short blocks (HTML and PDF often split lines).
                    var nb = b + 1
                    while following.count < 4, let next = blocks[safe: nb], next.kind == .paragraph,
                          next.text.text.split(separator: " ").count <= 12, !startsSomethingElse(next.text.text) {
                        following += Self.lines(next.text)
                        nb += 1
                    }
                }
                var roleLines: [String] = []
                for candidate in following.prefix(4) {
                    if candidate.text.isEmpty || startsSomethingElse(candidate.text) { break }
                    roleLines.append(candidate.text)
                }
                let role = TextCleaning.clean(roleLines.joined(separator: " "))
                let signatory = IndicatorRecord.Signatory(
                    name: name, honorific: honorific, role: role.isEmpty ? nil : role, evidence: line.span
                )
                // One per person: the last occurrence (the formal block at the end) wins.
                result.removeAll { Folding.fold($0.name) == Folding.fold(name) }
                result.append(signatory)
            }
        }
        return result
    }

    /// A signature's caption ("Firma del responsable ...") or the next signatory.
    static func startsSomethingElse(_ line: String) -> Bool {
        Folding.fold(line).hasPrefix("firma") || signatureStart(ofLine: line) != nil
    }

    /// The lines of a block's text with their spans.
    static func lines(_ text: SpannedText) -> [SpannedText] {
        var result: [SpannedText] = []
        var start = text.text.startIndex
        for i in text.text.indices where text.text[i] == "\n" {
            result.append(text.slice(start..<i).trimmed())
            start = text.text.index(after: i)
        }
        result.append(text.slice(start..<text.text.endIndex).trimmed())
        return result
    }

    /// Whether a line of the text starts with a title, as every signature line does: most
    /// blocks have none, and cutting them into lines with their spans was a twentieth of
    /// the parse.
    ///
    /// Read from the bytes: a line's first word in ASCII (most are) is lower-cased without its
    /// periods and looked up only when it is no longer than the longest title; a line whose
    /// first word or the space before it holds any other byte is read by `Character`, as all
    /// were before (`mayHoldSignature(line:)`).
    static func mayHoldSignature(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                // A line ends at "\n" (a "\r\n" is one `Character`, no "\n": the line goes on).
                var lineEnd = lineStart
                while lineEnd < bytes.count, !(bytes[lineEnd] == 0x0A && !(lineEnd > 0 && bytes[lineEnd - 1] == 0x0D)) { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                guard let (word, _) = asciiFirstWord(line) else {
                    if mayHoldSignature(line: String(decoding: line, as: UTF8.self)[...]) { return true }
                    continue
                }
                if isTitle(word) { return true }
            }
            return false
        }
    }

    /// A line's first word read from its bytes, lower-cased and without its periods, and
    /// whether it had a period; `nil` where a byte outside ASCII stands in the word or in the
    /// space before it (the line is then read by `Character`). Empty for a blank line.
    static func asciiFirstWord(_ line: UnsafeBufferPointer<UInt8>) -> (key: [UInt8], dotted: Bool)? {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        var k = 0
        while k < line.count, isSpace(line[k]) { k += 1 }
        var word: [UInt8] = []
        var dotted = false
        while k < line.count, !isSpace(line[k]) {
            let b = line[k]
            if b >= 0x80 { return nil }
            if b == 0x2E { dotted = true } else { word.append(b.lowercasedASCII) }
            k += 1
        }
        return (word, dotted)
    }

    /// Whether a folded word without periods is a title.
    static func isTitle(_ key: [UInt8]) -> Bool {
        !key.isEmpty && key.count <= Honorifics.longest && Honorifics.all.contains(String(decoding: key, as: UTF8.self))
    }

    /// Whether a line's first word, without its periods, is a title: the `Character` reading.
    static func mayHoldSignature(line: Substring) -> Bool {
        guard let start = line.firstIndex(where: { !$0.isSpaceFast }) else { return false }
        let word = line[start...].prefix { !$0.isSpaceFast }
        return Honorifics.all.contains(Folding.fold(word.filter { $0 != "." }))
    }

    /// A line that starts with a signature: the title, the name, and where the name ends (the
    /// line's end, or the period that ends the name when the role follows on the same line, as
    /// a signature set in bold over several lines reads once its lines are joined).
    static func signatureStart(ofLine line: String) -> (String, String, String.Index)? {
        // Every reading below quotes the line from its start, so its title is the line's first
        // word: a line whose first word is no title (most) opens no signature. Read from the
        // bytes where they are ASCII, else left to `honorific`.
        var copy = line
        if let (key, dotted) = copy.withUTF8({ asciiFirstWord($0) }), !isTitle(key) || !(dotted || key.count >= 5) { return nil }
        if let (title, name) = honorific(ofLine: line) { return (title, name, line.endIndex) }
        // The title's own period is not the name's end.
        guard let space = line.firstIndex(of: " ") else { return nil }
        var from = space
        while let period = line[from...].range(of: ". ") {
            let end = line.index(after: period.lowerBound)
            if let (title, name) = honorific(ofLine: String(line[..<end])) { return (title, name, end) }
            from = period.upperBound
        }
        return nil
    }

    /// `Mtra. Alma Gabriela Arroyo Angulo.` → ("Mtra.", "Alma Gabriela Arroyo Angulo").
    static func honorific(ofLine line: String) -> (String, String)? {
        let trimmed = TextCleaning.singleLine(line)
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let title = String(trimmed[..<space])
        let key = Folding.fold(title.filter { $0 != "." })
        guard Honorifics.all.contains(key), title.contains(".") || key.count >= 5 else { return nil }
        let name = TextCleaning.clean(trimmed[trimmed.index(after: space)...])
        let words = name.split(separator: " ")
        guard (2...7).contains(words.count), !name.contains(where: { $0.isNumber || $0 == ":" || $0 == "," }) else { return nil }
        for w in words {
            let f = Folding.fold(w)
            if ["de", "del", "la", "las", "los", "y"].contains(f) { continue }
            guard w.first?.isUppercase ?? false else { return nil }
        }
        return (title, name)
    }
}
