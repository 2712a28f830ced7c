import AvanceCore
import Testing

/// The one escaping every text writer applies before a terminal sees the text.
@Suite struct TerminalTextTests {
    @Test(arguments: [
        ("\u{1B}]0;pwned\u{07}", "\\u{1B}]0;pwned\\u{7}"),
        ("\u{1B}[2J\u{1B}[H", "\\u{1B}[2J\\u{1B}[H"),
        ("línea\rborrada", "línea\\u{D}borrada"),
        ("nul\u{0}", "nul\\u{0}"),
        ("del\u{7F}", "del\\u{7F}"),
        ("c1 \u{9B}31m", "c1 \\u{9B}31m"),
        ("\u{85}", "\\u{85}"),
    ])
    func controlCharactersAreShownEscaped(text: String, shown: String) {
        #expect(TerminalText.escaped(text) == shown)
    }

    @Test(arguments: ["Número de acciones", "a\tb\nc", "C:\\informes\\u{1B}", "€ — “cita” 😀 \u{A0}", ""])
    func printableTextTabsAndLineFeedsAreKept(text: String) {
        #expect(TerminalText.escaped(text) == text)
    }

    @Test func escapingTwiceChangesNothingMore() {
        let once = TerminalText.escaped("a\u{1B}b\u{9B}c\r")
        #expect(TerminalText.escaped(once) == once)
        #expect(!once.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }
}

/// File names as bytes: whatever the bytes, decoding and giving them back to the system is the
/// identity, and valid UTF-8 reads as itself.
@Suite struct FileNameBytesTests {
    @Test func everyNameReadsBackToItsBytes() {
        var generator = SystemRandomNumberGenerator()
        let samples: [[UInt8]] = [
            Array("informe.txt".utf8), Array("año".utf8), [0x61, 0xF1, 0x6F], [0xFF, 0xFE, 0x80], [0xC3], [0xE2, 0x82],
            Array("\u{10FFF1}".utf8),
        ] + (0..<200).map { _ in (0..<Int.random(in: 1...24, using: &generator)).map { _ in UInt8.random(in: 1...255, using: &generator) } }
        for bytes in samples {
            let name = FileName.decode(bytes)
            #expect(FileName.system(name).dropLast().map { UInt8(bitPattern: $0) } == bytes, "\(bytes)")
        }
        #expect(FileName.decode(Array("año.txt".utf8)) == "año.txt")
        #expect(TerminalText.escaped(FileName.decode([0x61, 0xF1, 0x6F])) == #"a\x{F1}o"#)
    }
}
