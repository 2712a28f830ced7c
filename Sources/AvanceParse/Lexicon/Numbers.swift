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
