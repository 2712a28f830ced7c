import AvanceCore
import Foundation

/// RFC 4180 CSV, the one writer every CSV avance prints goes through: fields separated by
/// commas, rows ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF,
/// with quotes doubled inside.
///
/// A field a spreadsheet would run as a formula (one that begins with `=`, `+`, `-`, `@`, a tab
/// or a carriage return: a report's text, a file name) is neutralised as OWASP recommends
/// ("CSV Injection"): a single quote before it, and the field quoted. A field that is a number
/// (`-3.5`, `-2`, `1e+20`, as `number` writes them) is left as it is: a number is never a
/// formula, and a spreadsheet must still compute with a negative figure. The decision is made
/// on the field's text, not on its column, so a number a report wrote as text is a number too.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func row(_ fields: [String?]) -> String {
        fields.map { field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        if isFormula(value) { return "\"'" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        // Unicode scalars: "\r\n" is a single Character in Swift and would slip past a Character test.
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as a spreadsheet reads it: `4` rather than `4.0`, `96.5` as is.
    /// Every digit kept: a spreadsheet computes with it.
    public static func number(_ value: Double?) -> String? {
        value.map { NumberText.show($0, decimals: nil) }
    }

    /// Whether a spreadsheet would take the field for a formula (or a command, for the
    /// tab and carriage return some of them drop before looking).
    static func isFormula(_ value: String) -> Bool {
        guard let first = value.utf8.first, formulaLeads.contains(first) else { return false }
        return !isNumber(value)
    }

    private static let formulaLeads: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// A plain decimal number: an optional minus, digits, an optional fraction, an optional
    /// exponent (`-3.5`, `-2`, `-1e+20`), what `number` writes.
    static func isNumber(_ value: String) -> Bool {
        var bytes = value.utf8[...]
        func digits() -> Bool {
            let count = bytes.prefix { $0 >= 0x30 && $0 <= 0x39 }.count
            bytes = bytes.dropFirst(count)
            return count > 0
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard digits() else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() else { return false }
        }
        return bytes.isEmpty
    }
}
