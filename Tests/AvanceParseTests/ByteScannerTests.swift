import Foundation
@testable import AvanceCore
@testable import AvanceParse
import Testing

/// The scanners that read UTF-8 bytes against the `Character` code they replaced (kept here as
/// the reference), on texts made to hit their edges: accents precomposed and combining, `ñ`,
/// `ü`, a no-break space, "\r\n", a soft hyphen, typographic dashes and quotes, ligatures,
/// capitals whose lower case is longer, emoji with modifiers and joiners, a prepended mark.
@Suite struct ByteScannerTests {
    /// Pieces the texts are made of.
    static let pieces: [String] = [
        "a", "Z", "de", "Secretaría", "AÑO", "é", "e\u{301}", "ñ", "N\u{303}", "ü", "Ü", "\u{00A0}", " ", "  ", "\t", "\n",
        "\r\n", "\r", "\n\n", "1", "23", "2024", "º", "°", "ª", ".", ",", "-", "/", ":", "(", ")", "–", "—", "“", "”",
        "…", "•", "\u{00AD}", "ﬁ", "İ", "Σ", "ß", "ÿ", "😀", "👍🏽", "\u{200D}", "\u{0600}", "\u{0085}", "\u{2028}",
        "日本", "5\u{301}", " \u{301}", "x", "T3", "3er.", "#", "#QROO", "http", "www", "Lic.", "C.P.", "Mtra.", "Dr",
        "LIC.", "Ing", "\u{202F}", "\u{3000}", "a\u{20DD}", "‼", "€", "\u{FE0F}",
    ]

    /// Deterministic texts of 1 to 24 pieces (a linear congruential generator, so a failure
    /// can be reproduced), and every piece alone and between letters.
    static let texts: [String] = {
        var out = pieces + pieces.map { "x" + $0 + "y" } + pieces.map { "Lic" + $0 + " Ana" }
        var state: UInt64 = 0x5EED
        for _ in 0..<3000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let count = Int(state >> 59) % 24 + 1
            var s = ""
            for _ in 0..<count {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += pieces[Int(state >> 33) % pieces.count]
            }
            out.append(s)
        }
        return out
    }()

    // MARK: the references: the code before the byte scanners

    static func referenceTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
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
            let folded = kind == .word ? referenceFold(raw) : String(raw)
            tokens.append(Token(kind: kind, range: start..<i, folded: folded, raw: raw, spaceBefore: space, newlineBefore: newline))
            space = false
            newline = false
        }
        return tokens
    }

    static func referenceFold(_ s: Substring) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 && Folding.ascii($0) == $0 }) { return String(s) }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for u in s.unicodeScalars {
            defer { afterCR = u == "\r" }
            if u == "\n" && afterCR { continue }
            switch Folding.scalar(u) {
            case .ascii(let b): out.append(Unicode.Scalar(b))
            case .drop: break
            case .ligature(let letters): out.append(contentsOf: letters.unicodeScalars)
            case .lowercased where !u.properties.changesWhenLowercased: out.append(u)
            case .lowercased: out.append(contentsOf: u.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    static func referenceSingleLine(_ s: Substring) -> String {
        var out = ""
        var space = false
        for c in s {
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

    static func referenceMayHoldSignature(_ text: String) -> Bool {
        text.split(separator: "\n", omittingEmptySubsequences: true).contains { SignatureReader.mayHoldSignature(line: $0) }
    }

    static func referenceNormalize(_ label: String) -> String {
        var out = ""
        var depth = 0
        var lastWasSpace = true
        for c in Folding.fold(label) {
            if c == "(" { depth += 1; continue }
            if c == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { continue }
            if c.isLetter || c.isNumber || c == "%" {
                out.append(c)
                lastWasSpace = false
            } else if !lastWasSpace {
                out.append(" ")
                lastWasSpace = true
            }
        }
        while out.last == " " { out.removeLast() }
        if out.isEmpty && label.contains("%") { return "%" }
        return out
    }

    static func referenceSignatureStart(_ line: String) -> (String, String, String.Index)? {
        if let (title, name) = SignatureReader.honorific(ofLine: line) { return (title, name, line.endIndex) }
        guard let space = line.firstIndex(of: " ") else { return nil }
        var from = space
        while let period = line[from...].range(of: ". ") {
            let end = line.index(after: period.lowerBound)
            if let (title, name) = SignatureReader.honorific(ofLine: String(line[..<end])) { return (title, name, end) }
            from = period.upperBound
        }
        return nil
    }

    // MARK: the tests

    @Test func theTokenizerCutsAndFoldsAsTheCharacterWalkDid() {
        for text in Self.texts {
            let new = Tokenizer.tokens(text), old = Self.referenceTokens(text)
            #expect(new.count == old.count, "\(text.debugDescription)")
            for (a, b) in zip(new, old) {
                #expect(a.kind == b.kind && a.range == b.range && a.raw == b.raw && a.folded == b.folded
                        && a.spaceBefore == b.spaceBefore && a.newlineBefore == b.newlineBefore, "\(text.debugDescription): \(a.raw.debugDescription) vs \(b.raw.debugDescription)")
            }
        }
        for tok in Self.texts.flatMap(Tokenizer.tokens) {
            #expect(tok.isOneCharacter == (tok.raw.count == 1) && tok.hasTwoCharacters == (tok.raw.count >= 2), "\(tok.raw.debugDescription)")
        }
        // A sample of what that means: the soft hyphen stays inside its word, a combining
        // mark with its letter, and a digit with a mark on it is no number.
        #expect(Tokenizer.tokens("Secre\u{00AD}taría 5\u{301}e\u{301}").map(\.folded) == ["secre\u{00AD}taria", "5\u{301}", "e"])
    }

    @Test func foldingOverBytesFoldsAsTheScalarWalkDid() {
        for text in Self.texts {
            #expect(Folding.fold(text) == Self.referenceFold(text[...]), "\(text.debugDescription)")
            // What the notice reader relies on: the folded text with its map is the folded string.
            #expect(FoldedText(text).bytes == Array(Folding.fold(text).utf8), "\(text.debugDescription)")
            let inner = text.dropFirst()
            #expect(Folding.fold(inner) == Self.referenceFold(inner), "\(text.debugDescription)")
        }
    }

    @Test func singleLineOverBytesJoinsAsTheCharacterWalkDid() {
        for text in Self.texts {
            #expect(text.singleLine == Self.referenceSingleLine(text[...]), "\(text.debugDescription)")
            #expect(text.dropFirst().singleLine == Self.referenceSingleLine(text.dropFirst()), "\(text.debugDescription)")
        }
        // A space and the mark on it are one `Character`, white space: both go.
        #expect("a \u{301}b".singleLine == "a b")
        #expect("Dev. /\r\n Aprob.\u{00A0}".singleLine == "Dev. / Aprob.")
    }

    @Test func aLineOpensWithATitleByByteAsByCharacter() {
        for text in Self.texts {
            #expect(SignatureReader.mayHoldSignature(text) == Self.referenceMayHoldSignature(text), "\(text.debugDescription)")
        }
        #expect(SignatureReader.mayHoldSignature("Atentamente\n  C.P. Ana Ruiz"))
        #expect(SignatureReader.mayHoldSignature("\u{00A0}Lic. Ana Ruiz"))
        #expect(!SignatureReader.mayHoldSignature("Licenciatura en Derecho\r\nLic"))
        #expect(!SignatureReader.mayHoldSignature("El licenciado\nfirmó"))
    }

    @Test func labelsAndTitlesAreCutIntoWordsAsByCharacter() {
        for text in Self.texts + ["% de avance (%)", "(%)", "Meta (anual) ½ ²", "Año ⁴ ①", "Resultados: ÍNDICE"] {
            #expect(Labels.normalize(text) == Self.referenceNormalize(text), "\(text.debugDescription)")
            let folded = Folding.fold(text)
            #expect(SectionTitles.words(folded) == folded.split(whereSeparator: { !$0.isLetter }).map(String.init), "\(text.debugDescription)")
        }
        #expect(Labels.normalize("Meta (anual) ½") == "meta ½")
    }

    @Test func aSignatureStartsWhereItStartedBefore() {
        let lines = Self.texts + [
            "Mtra. Alma Arroyo Angulo. Secretaria Técnica", "Lic. Juan Pérez", "Ing Roberto Gómez Ruiz",
            "Dr. Ana Ruiz. Jefa. De área", "  Lic.  Ana   Ruiz. Directora", "Licenciada María de la Luz Pérez",
            "Elaboró. Lic. Ana Ruiz", "\u{00A0}Lic. Ana Ruiz. Directora", "Lic.\u{00A0}Ana Ruiz", "C. Juan Gómez. Enlace",
        ]
        for line in lines {
            let new = SignatureReader.signatureStart(ofLine: line), old = Self.referenceSignatureStart(line)
            #expect(new?.0 == old?.0 && new?.1 == old?.1 && new?.2 == old?.2, "\(line.debugDescription)")
        }
    }

    @Test func marksAreComparedAsFoundationDid() {
        let marks = ["-", "/-.", "-–—/", ",-", ".:;", "(", ")"]
        for text in Self.texts {
            let t = TokenizedText(SpannedText(text, line: 1))
            for (i, tok) in t.tokens.enumerated() where tok.kind == .punctuation {
                for m in marks {
                    #expect(t.isPunct(i, m) == m.contains(tok.raw), "\(tok.raw.debugDescription) in \(m)")
                }
            }
        }
    }

    @Test func httpIsFoundAsFoundationFoundIt() {
        for text in Self.texts + ["http", "xhttp://a", "http\u{301}", "e\u{301}http", "htt", "véase https://x.mx"] {
            #expect(Sections.containsHTTP(text) == text.contains("http"), "\(text.debugDescription)")
        }
    }
}
