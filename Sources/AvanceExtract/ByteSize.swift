import Foundation
import AvanceCore

/// Sizes as `--max-size` takes them and messages print them: `16M`, `512K`, `1G`, `1048576`
/// (binary units: K is 1,024 bytes).
public enum ByteSize {
    /// `16M` → 16,777,216; nil for anything that is not a size.
    public static func parse(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GIB", 1 << 30), ("MIB", 1 << 20), ("KIB", 1 << 10), ("GB", 1 << 30), ("MB", 1 << 20),
                                      ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        var number = Substring(t), factor = 1
        for (suffix, value) in units where t.hasSuffix(suffix) {
            number = t.dropLast(suffix.count)
            factor = value
            break
        }
        guard let n = Double(number.trimmingCharacters(in: .whitespaces)), n > 0, n.isFinite,
              n * Double(factor) < Double(Int.max / 2)
        else { return nil }
        return Int(n * Double(factor))
    }

    /// 16,777,216 → `16 MiB`; sizes that are no whole number of a unit in bytes.
    public static func text(_ bytes: Int) -> String {
        for (unit, value) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)] where bytes >= value && bytes % value == 0 {
            return "\(bytes / value) \(unit)"
        }
        return "\(bytes) bytes"
    }
}

extension SourceFormat {
    /// The format in a sentence: "too large for a text report".
    var sizeName: String {
        switch self {
        case .text: "a text report"
        case .html: "an HTML report"
        case .pdf: "a PDF"
        case .xlsx: "an XLSX workbook"
        case .xls: "a legacy Excel workbook"
        case .ods: "an OpenDocument spreadsheet"
        case .csv: "a CSV file"
        }
    }
}
