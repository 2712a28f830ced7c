/// Text bound for a terminal, made inert: a report's words or a file's name may hold
/// control characters (an escape sequence retitles the terminal, recolours or erases the lines
/// an auditor is reading), so every text writer passes what it prints through `escaped`.
/// JSON needs none of this: its encoder escapes control characters itself.
public enum TerminalText {
    /// `text` with every control character written as a Swift escape, `\u{1B}` for ESC:
    /// C0 (U+0000–U+001F) other than tab and line feed, which are the layout of the output
    /// itself; DEL (U+007F); and C1 (U+0080–U+009F), which some terminals obey as well.
    /// Printable text, tabs and line feeds are kept as they are, so applying it twice
    /// changes nothing more. A backslash is left alone: Windows paths and prose keep theirs.
    ///
    /// A byte of a file name that is not UTF-8 (`FileName`) is written `\x{F1}`.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || FileName.isByte($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else if FileName.isByte(scalar) {
                out.append(contentsOf: "\\x{\(String(FileName.byte(scalar), radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A character a terminal may act on rather than show.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
