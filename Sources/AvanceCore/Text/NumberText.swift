/// A number as a report writes it: `4`, not `4.0`; `96.5`; `-2`.
public enum NumberText {
    /// Whole numbers without a decimal point; others rounded to `decimals` places and written
    /// with as few digits as that takes (`decimals: nil` keeps every digit the value holds).
    /// Rounded first, so `99.999` reads `100`, not `100.0`.
    public static func show(_ value: Double, decimals: Int? = 2) -> String {
        var v = value
        if let decimals {
            let scale = self.scale(decimals: decimals)
            v = (v * scale).rounded() / scale
        }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}

extension NumberText {
    /// `1437` → `1,437`, `188383103.05` → `188,383,103.05`: grouped by thousands as Mexican
    /// reports print figures, with `decimals` places.
    public static func grouped(_ value: Double, decimals: Int) -> String {
        let d = max(0, min(decimals, 6))
        let scale = self.scale(decimals: d)
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return show(value) }
        let whole = Int64(scaled / scale)
        let fraction = Int64(scaled - Double(whole) * scale)
        var digits = String(whole)
        var groups: [Substring] = []
        while digits.count > 3 {
            groups.insert(Substring(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(Substring(digits), at: 0)
        var out = (value < 0 && scaled != 0 ? "-" : "") + groups.joined(separator: ",")
        if d > 0 {
            let f = String(fraction)
            out += "." + String(repeating: "0", count: d - f.count) + f
        }
        return out
    }

    /// 10 to the power `decimals` (1 for none or fewer).
    public static func scale(decimals: Int) -> Double { (0..<max(0, decimals)).reduce(1.0) { acc, _ in acc * 10 } }

    /// A unit of the last of `decimals` places: `0.01` for 2.
    public static func unit(decimals: Int) -> Double { (0..<max(0, decimals)).reduce(1.0) { acc, _ in acc / 10 } }

    /// The digits a figure prints after its decimal point (`1,437` → 0, `0.563` → 3, `91.5%` → 1).
    public static func decimals(in text: String) -> Int {
        guard let point = text.lastIndex(of: ".") else { return 0 }
        return text[text.index(after: point)...].prefix(while: { $0.isASCII && $0.isNumber }).count
    }
}
