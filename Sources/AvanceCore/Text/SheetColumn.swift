/// A worksheet's columns as spreadsheets name them: the one definition the readers of workbooks,
/// the parser's cell citations and the auditor's workbook share.
public enum SheetColumn {
    /// `A` for 1, `Z` for 26, `AA` for 27; empty for 0 or less.
    public static func name(_ column: Int) -> String {
        var n = column, scalars: [Unicode.Scalar] = []
        while n > 0 {
            let r = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(0x41 + r)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }
}
