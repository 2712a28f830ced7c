import AvanceCore
import Foundation

/// RFC 4180 CSV, the one writer every CSV avance prints goes through: fields separated by
/// commas, rows ended by CRLF, a field quoted when it holds a comma, a quote, CR or LF,
/// with quotes doubled inside.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func row(_ fields: [String?]) -> String {
        fields.map { field($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
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
}
