import Foundation

/// How a cell's stored value reads as text: numbers as a spreadsheet shows them in its
/// General format, serial numbers under a date format as ISO dates, and the escapes
/// Office Open XML puts in strings undone.
enum CellText {
    /// A number as stored (`41.1`, `2.9999999999999999E-2`), shown with at most 15 significant
    /// digits, as spreadsheets show a number in the General format (`0.03`), with no exponent
    /// and no trailing `.0` (`2024`). Text that is not a number is returned as it is.
    static func number(_ stored: String) -> String {
        if let plain = plainNumber(stored) { return plain }
        let trimmed = stored.trimmingSpace(lineBreaks: false)
        guard let value = Double(trimmed), value.isFinite else { return stored }
        let shown = Double(String(format: "%.15g", value)) ?? value
        if shown == 0 { return "0" }
        if shown == shown.rounded(), abs(shown) < 1e15 { return String(Int64(shown)) }
        return plainDecimal(String(shown))
    }

    /// The common case without formatting: a stored decimal of at most 15 significant digits
    /// and no exponent (`41.1`, `2024`, `-0.5`) shows as it is stored, less trailing zeros of
    /// its fraction; `nil` for anything else.
    static func plainNumber(_ stored: String) -> String? {
        let utf8 = stored.utf8
        guard !utf8.isEmpty, utf8.count <= 17 else { return nil }
        var digits = 0, point: Int?, significant = false, i = 0
        for b in utf8 {
            switch b {
            case UInt8(ascii: "-") where i == 0: break
            case UInt8(ascii: "."): if point != nil { return nil }; point = i
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if b != UInt8(ascii: "0") { significant = true }
                if significant { digits += 1 }
            default: return nil
            }
            i += 1
        }
        let firstDigit = stored.hasPrefix("-") ? 1 : 0
        guard digits <= 15, i > firstDigit, utf8.last != UInt8(ascii: "."), point != firstDigit else { return nil }
        guard significant else { return "0" }
        var text = Substring(stored)
        if point != nil {
            while text.hasSuffix("0") { text = text.dropLast() }
            if text.hasSuffix(".") { text = text.dropLast() }
        }
        // Leading zeros of the integer part ("007") are not how a number shows.
        let negative = text.hasPrefix("-")
        var body = negative ? text.dropFirst() : text
        while body.count > 1, body.hasPrefix("0"), !body.hasPrefix("0.") { body = body.dropFirst() }
        return (negative ? "-" : "") + body
    }

    /// `1e-05` → `0.00001`, `1.5e+16` → `15000000000000000`; other texts unchanged.
    static func plainDecimal(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = String(text[..<e])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: -point + 1) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var integer = String(digits.prefix(point)), decimals = String(digits.dropFirst(point))
        while decimals.hasSuffix("0") { decimals.removeLast() }
        while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
        return (negative ? "-" : "") + integer + (decimals.isEmpty ? "" : "." + decimals)
    }

    // MARK: Dates

    /// The built-in number formats that show a date (Excel's ids 14-17 and 22; 27-36 and 50-58 are
    /// the East Asian locales' date formats). 18-21 and 45-47 show only a time of day, and a
    /// number under them is left a number.
    static func builtInFormatIsDate(_ id: Int) -> Bool {
        (14...17).contains(id) || id == 22 || (27...36).contains(id) || (50...58).contains(id)
    }

    /// Whether a built-in date format also shows the time (`m/d/yy h:mm`).
    static func builtInFormatHasTime(_ id: Int) -> Bool { id == 22 }

    /// What a custom format code shows: a date when it has a day or year part (`dd/mm/yyyy`,
    /// `[$-80A]dddd, d "de" mmmm "de" yyyy`), with the time when it also has hours. Quoted
    /// text, escaped characters, padding (`_x`, `*x`) and bracketed parts (colours, locales)
    /// do not count; only the first section (before `;`) is read.
    static func customFormat(_ code: String) -> (isDate: Bool, hasTime: Bool) {
        var isDate = false, hasTime = false
        var it = code.lowercased().makeIterator()
        var inQuotes = false, inBrackets = false
        while let c = it.next() {
            if inQuotes { if c == "\"" { inQuotes = false }; continue }
            if inBrackets { if c == "]" { inBrackets = false }; continue }
            switch c {
            case "\"": inQuotes = true
            case "[": inBrackets = true
            case "\\", "_", "*": _ = it.next()
            case ";": return (isDate, isDate && hasTime)
            case "d", "y": isDate = true
            case "h": hasTime = true
            default: break
            }
        }
        return (isDate, isDate && hasTime)
    }

    /// A date serial as an ISO date (`45474` → `2024-07-01`), with `hh:mm` when the format shows
    /// the time and the serial has one. In the 1900 system serial 1 is 1900-01-01 and serial 60
    /// the 29 February 1900 that spreadsheets inherited from Lotus 1-2-3; in the 1904 system
    /// serial 0 is 1904-01-01. `nil` for a serial that is no day (below 1, or after 9999).
    static func date(serial: Double, date1904: Bool, withTime: Bool) -> String? {
        guard serial.isFinite else { return nil }
        let day = Int(serial.rounded(.down))
        let epochDays: Int
        if date1904 {
            guard day >= 0 else { return nil }
            epochDays = day - 24_107
        } else {
            guard day >= 1 else { return nil }
            if day == 60 { return "1900-02-29" }
            epochDays = day < 60 ? day - 25_568 : day - 25_569
        }
        let (y, m, d) = civil(fromEpochDays: epochDays)
        guard y <= 9999 else { return nil }
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
        if withTime {
            let minutes = Int(((serial - Double(day)) * 24 * 60).rounded())
            if minutes > 0 && minutes < 24 * 60 { text += " " + pad(minutes / 60, 2) + ":" + pad(minutes % 60, 2) }
        }
        return text
    }

    /// Year, month and day of a count of days since 1970-01-01 (proleptic Gregorian calendar).
    static func civil(fromEpochDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    // MARK: Strings

    /// Undoes the `_xHHHH_` escapes Office Open XML writes for characters XML cannot carry
    /// (`_x000D_` for a carriage return, `_x005F_` for a literal underscore before such a
    /// pattern), and makes every line break a `\n`.
    static func unescape(_ text: String) -> String {
        var out = text
        if out.contains("_x") {
            var result = "", rest = Substring(out)
            while let start = rest.range(of: "_x") {
                result += rest[..<start.lowerBound]
                let hex = rest[start.upperBound...].prefix(5)
                if hex.count == 5, hex.last == "_", let code = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(code),
                   hex.dropLast().allSatisfy(\.isHexDigit) {
                    result.unicodeScalars.append(scalar)
                    rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
                } else {
                    result += "_x"
                    rest = rest[start.upperBound...]
                }
            }
            out = result + rest
        }
        if out.unicodeScalars.contains("\r") {
            out = out.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return out
    }
}
