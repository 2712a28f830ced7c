/// A finding's fingerprint: what stays the same while the finding does, so that an auditor's
/// decision about it (reviewed, waived) holds across runs and re-ingests. It is made of the
/// rule, the content of the documents it is about (their SHA-256, not their paths: a report
/// moved or copied keeps its findings' fingerprints) and the words it quotes; a change to the
/// document makes a new fingerprint, so a finding of a corrected report is a new finding.
///
/// Sixteen hexadecimal digits of FNV-1a (64 bits), which, unlike Swift's `Hasher`, gives the
/// same value in every process and every version.
public enum Fingerprint {
    public static func of(rule: String, documents: [String], quotes: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ s: String) {
            for byte in s.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
            hash ^= 0xFF
            hash = hash &* 0x0000_0100_0000_01B3
        }
        add(rule)
        for d in Set(documents).sorted() { add(d) }
        add("")
        for q in quotes { add(q) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether a text has a fingerprint's form: sixteen hexadecimal digits.
    public static func isValid(_ s: String) -> Bool {
        s.utf8.count == 16 && s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }
}
