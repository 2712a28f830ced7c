/// Spanish number words up to the thousands, as targets are written ("cuatro",
/// "doce", "veinticinco", "treinta y dos", "cien", "ciento veinte", "mil").
enum NumberWords {
    static let units: [String: Int] = [
        "cero": 0, "uno": 1, "una": 1, "un": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
        "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
        "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
        "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21, "veintiuna": 21,
        "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25, "veintiseis": 26,
        "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
    ]
    static let tens: [String: Int] = [
        "treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70,
        "ochenta": 80, "noventa": 90,
    ]
    static let hundreds: [String: Int] = [
        "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
        "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
        "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
        "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900, "novecientas": 900,
    ]

    /// Reads number words from `words` (folded) starting at `start`; returns the value and
    /// how many words it took. "un"/"una" alone are articles far more often than numbers,
    /// so the caller decides whether to accept a bare one.
    static func read(_ words: [String], from start: Int) -> (value: Int, count: Int)? {
        var i = start
        var total = 0
        var current = 0
        var took = false
        func peek(_ k: Int) -> String? { k < words.count ? words[k] : nil }
        while let w = peek(i) {
            if w == "mil" {
                total += (took ? max(current, 1) : 1) * 1000
                current = 0
                took = true
                i += 1
                continue
            }
            if let h = hundreds[w], current == 0 || current >= 1000 {
                current += h
                took = true
                i += 1
                continue
            }
            if let t = tens[w], current % 100 == 0 {
                current += t
                took = true
                i += 1
                // "treinta y dos"
                if peek(i) == "y", let next = peek(i + 1), let u = units[next], u < 10 {
                    current += u
                    i += 2
                }
                continue
            }
            if let u = units[w], current % 100 == 0 {
                current += u
                took = true
                i += 1
                // "dos mil quinientos": a unit may multiply the thousands that follow.
                if peek(i) == "mil" { continue }
                break
            }
            break
        }
        guard took else { return nil }
        return (total + current, i - start)
    }
}

/// The codes statistical systems print in a figure's place for "no value": a negative whole
/// number of nines, or of nines and a last 7 or 8 (`-99`, `-998`, `-999`, `-9999`), which
/// state-level planning systems use for "not applicable" and "not available". No target,
/// baseline or figure of an indicator is such a number.
enum MissingValueCode {
    static func isCode(_ value: Double) -> Bool {
        guard value <= -99, value == value.rounded(), value > -1e9 else { return false }
        let digits = String(Int(-value))
        return digits.dropLast().allSatisfy { $0 == "9" } && "789".contains(digits.last!)
    }
}

/// A target typed as the calculation that gives it (`118/169`, `(2520/2338)-1`, `45 * 100 / 60`):
/// figures, the four operations (a division or a product among them) and parentheses, nothing else. Its value is what the cell's
/// formula would show; the cell's text stays the quote.
enum CellArithmetic {
    /// The value of a cell that is a calculation with at least one operation, else `nil`.
    static func value(_ text: String) -> Double? {
        let t = Array(text.filter { !$0.isWhitespace }.utf8)
        // A division or a product makes it a calculation: `10-15` is a range and `30/06/2025` a
        // date, neither a calculation.
        guard t.count >= 3, t.count <= 64,
              t.contains(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "*") }),
              t.allSatisfy({ ($0 >= 48 && $0 <= 57) || "+-*/().,".utf8.contains($0) }),
              !IndicatorTable.ColumnShape.isDate(text.trimmingSpace(lineBreaks: false))
        else { return nil }
        var parser = Parser(bytes: t)
        guard let v = parser.expression(), parser.at == t.count, v.isFinite else { return nil }
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0
        var depth = 0

        mutating func expression() -> Double? {
            guard var v = term() else { return nil }
            while at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") {
                let op = bytes[at]
                at += 1
                guard let r = term() else { return nil }
                v = op == UInt8(ascii: "+") ? v + r : v - r
            }
            return v
        }

        mutating func term() -> Double? {
            guard var v = factor() else { return nil }
            while at < bytes.count, bytes[at] == UInt8(ascii: "*") || bytes[at] == UInt8(ascii: "/") {
                let op = bytes[at]
                at += 1
                guard let r = factor() else { return nil }
                if op == UInt8(ascii: "/") {
                    guard r != 0 else { return nil }
                    v /= r
                } else {
                    v *= r
                }
            }
            return v
        }

        mutating func factor() -> Double? {
            guard at < bytes.count else { return nil }
            if bytes[at] == UInt8(ascii: "-") {
                at += 1
                return factor().map { -$0 }
            }
            if bytes[at] == UInt8(ascii: "(") {
                depth += 1
                guard depth <= 16 else { return nil }
                at += 1
                guard let v = expression(), at < bytes.count, bytes[at] == UInt8(ascii: ")") else { return nil }
                at += 1
                depth -= 1
                return v
            }
            // A figure: digits, thousands commas, one decimal point.
            let start = at
            while at < bytes.count, (bytes[at] >= 48 && bytes[at] <= 57) || bytes[at] == UInt8(ascii: ".") || bytes[at] == UInt8(ascii: ",") { at += 1 }
            guard at > start else { return nil }
            return CellFigure(String(decoding: bytes[start..<at], as: UTF8.self))?.value
        }
    }
}
