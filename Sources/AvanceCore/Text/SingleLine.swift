extension StringProtocol {
    /// White space (line breaks included) folded to single spaces, trimmed: a PDF cell's
    /// `Dev. /⏎Aprob.` as `Dev. / Aprob.`.
    public var singleLine: String {
        var out = ""
        var space = false
        for c in self {
            if c.isSpaceFast {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(c)
            }
        }
        return out
    }
}
