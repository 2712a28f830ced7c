/// Words compared by their first five letters, folded, so that the forms of one word agree
/// (`capacitadas`, `capacitación`; `Ciudadanas`, `ciudadana`): enough, in Spanish, to tell
/// whether two short texts speak of the same thing, without a dictionary.
enum WordStems {
    /// The stems of a text's words of `minimumLength` letters or more, in order, except `ignoring`
    /// (folded).
    static func stems(_ text: String, minimumLength: Int = 4, ignoring: Set<String> = []) -> [String] {
        stems(Tokenizer.tokens(text), minimumLength: minimumLength, ignoring: ignoring)
    }

    static func stems(_ tokens: some Sequence<Token>, minimumLength: Int = 4, ignoring: Set<String> = []) -> [String] {
        tokens.compactMap { t in
            guard t.kind == .word, t.folded.count >= minimumLength, !ignoring.contains(t.folded) else { return nil }
            return stem(t.folded)
        }
    }

    /// A folded word's stem: its first five letters.
    static func stem(_ folded: String) -> String { String(folded.prefix(5)) }
}
