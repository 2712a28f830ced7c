/// Program, component, activity and indicator codes compared as written in any report.
public enum Codes {
    /// The code without case, dots, dashes or spaces: `F.P.C01.a01` → `FPC01A01`, `C-01` → `C01`.
    public static func key(_ code: String) -> String {
        code.uppercased().filter { $0.isLetter || $0.isNumber }
    }

    /// What a code names, by its shape.
    public enum Shape: Sendable {
        case component, activity, other

        /// `C01`, `C.01`, `F.P.C01` → component; `C01.A02`, `A01` → activity; `I03`, `01` → other.
        public static func of(_ code: String) -> Shape {
            let parts = code.uppercased().split(whereSeparator: { $0 == "." || $0 == "-" }).map(String.init)
            func isSegment(_ p: String, _ letter: Character) -> Bool {
                p.first == letter && p.dropFirst().allSatisfy(\.isNumber) && p.count > 1
            }
            if let last = parts.last, isSegment(last, "A") { return .activity }
            if let last = parts.last, isSegment(last, "C") { return .component }
            // "C.01": the letter and the number in two parts.
            if parts.count >= 2, parts[parts.count - 2] == "C", parts.last!.allSatisfy(\.isNumber) { return .component }
            return .other
        }
    }

    /// The levels a record names by a code, each with the shapes its codes take in the reports.
    public enum Field: String, Sendable, CaseIterable {
        case program, component, activity, indicator

        /// Whether `code` (as the record holds it: letters, digits and dots) has a shape this
        /// field's codes take: its lettered shape (`lettered`), or a number, which every level
        /// may carry (a program `132`, a component `1`, an activity `1.2`, an indicator `01` or a
        /// table's key `19736`).
        public func admits(_ code: String) -> Bool {
            let c = Array(code)
            guard !c.isEmpty, c.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_") })
            else { return false }
            let number = c.first!.isNumber
                && code.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
            return number || lettered(code)
        }

        /// Whether `code` has this field's lettered shape:
        /// - a budget program: one capital letter and three digits (`E001`, `O002`, `S072`);
        /// - a component: `C01`, `C.01`, `F.P.C01`;
        /// - an activity: `C01.A02`, `A01`;
        /// - an indicator: `I` and digits (`I01`).
        public func lettered(_ code: String) -> Bool {
            let c = Array(code)
            switch self {
            case .program:
                return c.count == 4 && c[0].isASCII && c[0].isUppercase && c.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
            case .component: return Shape.of(code) == .component && Self.wellFormed(code)
            case .activity: return Shape.of(code) == .activity && Self.wellFormed(code)
            case .indicator: return c.first == "I" && c.count >= 2 && c.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
            }
        }

        /// Whether each part of a code between dots and dashes is a letter, a number, or a letter
        /// and a number (`F.P.C01.A02`, `C.01`), as no misread part is (`C0I`).
        static func wellFormed(_ code: String) -> Bool {
            code.split(whereSeparator: { $0 == "." || $0 == "-" }).allSatisfy { part in
                let digits = part.first.map { $0.isLetter ? part.dropFirst() : part[...] } ?? ""
                return digits.allSatisfy { $0.isASCII && $0.isNumber } && part.allSatisfy(\.isASCII)
            }
        }

        /// The letters a lettered code of this field opens with, and how many digits, zero-padded,
        /// follow it, where the reports write it so: a program `E031` (any capital, three digits),
        /// an indicator `I05` (two digits). `nil` where the letter is not the code's first character
        /// alone (`C01.A02`).
        public var opening: (letters: Set<Character>?, digits: Int)? {
            switch self {
            case .program: (nil, 3)
            case .indicator: (["I"], 2)
            case .component, .activity: nil
            }
        }
    }
}
