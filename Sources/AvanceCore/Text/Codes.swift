/// Program, component, activity and indicator codes compared as written in any report.
public enum Codes {
    /// The code without case, dots, dashes or spaces: `F.P.C01.a01` → `FPC01A01`, `C-01` → `C01`.
    public static func key(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }
}
