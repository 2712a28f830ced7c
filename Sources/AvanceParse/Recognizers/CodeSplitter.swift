/// Splits `O002 - Fortalecimiento ...`, `F.P.C01.- Acciones ...`, `01 - Número de ...`,
/// `C01.A02 Name` into the code as written and the name.
enum CodeSplitter {
    static func split(_ value: String) -> (code: String?, name: String?) {
        let chars = Array(value)
        var i = 0
        while i < chars.count, chars[i].isWhitespace { i += 1 }
        let start = i
        while i < chars.count, chars[i].isASCII, chars[i].isUppercase || chars[i].isNumber || chars[i] == "." || chars[i] == "_" {
            i += 1
        }
        var code = String(chars[start..<i])
        let boundary = i == chars.count || chars[i].isWhitespace || "-–—:)".contains(chars[i])
        // A list's numbering (`1. Coadyuvar ...`, `12) Name`) orders the items; it is no code.
        let numbering = (1...2).contains(code.count - (code.hasSuffix(".") ? 1 : 0))
            && code.first != "0" && code.dropLast(code.hasSuffix(".") ? 1 : 0).allSatisfy(\.isNumber)
            && (code.hasSuffix(".") || (i < chars.count && chars[i] == ")"))
        while code.hasSuffix(".") { code.removeLast() }
        guard boundary, !numbering, code.contains(where: \.isNumber), code.count <= 24 else {
            let name = TextCleaning.clean(value)
            return (nil, name.isEmpty ? nil : name)
        }
        while i < chars.count, chars[i].isWhitespace || ".-–—:".contains(chars[i]) { i += 1 }
        let name = TextCleaning.clean(String(chars[i...]))
        return (code, name.isEmpty ? nil : name)
    }
}
