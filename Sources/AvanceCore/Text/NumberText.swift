/// A number as a report writes it: `4`, not `4.0`; `96.5`; `-2`.
public enum NumberText {
    /// Whole numbers without a decimal point; others rounded to `decimals` places and written
    /// with as few digits as that takes (`decimals: nil` keeps every digit the value holds).
    /// Rounded first, so `99.999` reads `100`, not `100.0`.
    public static func show(_ value: Double, decimals: Int? = 2) -> String {
        var v = value
        if let decimals {
            var scale = 1.0
            for _ in 0..<max(decimals, 0) { scale *= 10 }
            v = (v * scale).rounded() / scale
        }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return String(v)
    }
}
