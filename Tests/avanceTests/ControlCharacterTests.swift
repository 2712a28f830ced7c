import Foundation
import Testing

/// A report's text reaches the auditor's terminal through `extract`, `check`, `findings` and
/// `audit`: an escape sequence in it must arrive shown, not obeyed.
@Suite struct ControlCharacterTests {
    /// Sets the terminal's title (OSC 0), ended by BEL.
    static let sequence = "\u{1B}]0;pwned\u{07}"

    /// The sample report with the sequence in its indicator's name and in the title of its first
    /// action, which the count-mismatch finding quotes.
    static func report() -> String {
        Fixtures.report(0)
            .replacingOccurrences(of: "01 - Número de acciones", with: "01 - Número \(sequence)de acciones")
            .replacingOccurrences(of: "Firma del Convenio de Colaboración Administrativa", with: "Firma del Convenio \(sequence)de Colaboración Administrativa")
    }

    static func controlBytes(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 == 0x1B || $0 == 0x07 }
    }

    @Test func textOutputShowsControlCharactersEscaped() throws {
        let scratch = try Scratch()
        let file = scratch.path + "/informe.txt"
        try Fixtures.write(Self.report(), to: file)
        #expect(Self.report().contains(Self.sequence))

        var outputs: [String: Child.Result] = [:]
        outputs["extract"] = try Child.run(["extract", file], in: scratch.path)
        outputs["check"] = try Child.run(["check", "--fail-on", "never", file], in: scratch.path)
        let ingest = try Child.run(["ingest", file, "--db", scratch.database, "--settle", "0"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        outputs["findings"] = try Child.run(["findings", "--db", scratch.database], in: scratch.path)
        outputs["audit"] = try Child.run(["audit", "--db", scratch.database, "--fail-on", "never"], in: scratch.path)

        for (command, result) in outputs {
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(Self.controlBytes(result.stdout).isEmpty, "\(command) printed ESC or BEL")
            #expect(Self.controlBytes(result.stderr).isEmpty, "\(command) printed ESC or BEL on standard error")
        }
        // Shown, not dropped: the auditor sees that the report holds a sequence.
        #expect(outputs["extract"]?.stdout.contains("Número \\u{1B}]0;pwned\\u{7}de acciones") == true)
        #expect(outputs["check"]?.stdout.contains("Firma del Convenio \\u{1B}]0;pwned\\u{7}de Colaboración") == true)
        #expect(outputs["findings"]?.stdout.contains("Firma del Convenio \\u{1B}]0;pwned\\u{7}de Colaboración") == true)
        #expect(outputs["audit"]?.stdout.contains("Número \\u{1B}]0;pwned\\u{7}de acciones") == true)

        // JSON escapes them itself and keeps the text as it is.
        let json = try Child.run(["extract", "--format", "json", file], in: scratch.path)
        #expect(json.stdout.contains("\\u001b]0;pwned\\u0007"))
    }

    /// A file name is document text too: a message naming it shows its control characters escaped.
    @Test func messagesNamingAFileEscapeItsName() throws {
        let scratch = try Scratch()
        let name = "informe\(Self.sequence).txt"
        try Fixtures.write("", to: scratch.path + "/" + name)
        let r = try Child.run(["parse", name], in: scratch.path)
        #expect(r.status == 2)
        #expect(r.stderr == "avance: informe\\u{1B}]0;pwned\\u{7}.txt: the file is empty\n")
    }
}
