/// The two languages avance speaks to the people who read it: Spanish, the language of the
/// reports and of their auditors, and English.
public enum Language: String, Codable, Hashable, Sendable, CaseIterable {
    case es, en

    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG` (the
    /// order POSIX gives them) that names a language decides: `en_US.UTF-8` English,
    /// `es_MX.UTF-8` Spanish. A locale that names none (`C`, `POSIX`) or another language,
    /// and no locale at all, give Spanish.
    public static func fromLocale(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name]?.lowercased(), !value.isEmpty else { continue }
            let language = value.prefix { $0.isLetter }
            if language == "c" || language == "posix" { continue }
            return language == "en" ? .en : .es
        }
        return .es
    }

    /// The key under which an encoder's `userInfo` carries the language of the texts it writes
    /// (a finding's `message`); without it, English.
    public static let codingKey = CodingUserInfoKey(rawValue: "avance.language")!

    /// The language an encoder or decoder was asked for, English when none.
    public static func of(_ userInfo: [CodingUserInfoKey: Any]) -> Language {
        userInfo[codingKey] as? Language ?? .en
    }
}

/// A text written in both languages, side by side where it is written.
public struct LocalizedText: Codable, Hashable, Sendable {
    /// In Mexican administrative Spanish.
    public var es: String
    /// In English.
    public var en: String

    public init(es: String, en: String) { (self.es, self.en) = (es, en) }

    /// A text known in one form only (a message stored by an older avance): both the same.
    public init(_ text: String) {
        self.init(es: text, en: text)
    }

    public subscript(_ language: Language) -> String {
        switch language {
        case .es: es
        case .en: en
        }
    }
}

extension Language {
    /// A quarter of a year as a sentence names it: `tercer trimestre de 2024`, `2024 Q3`.
    public func quarter(_ quarter: Int, of year: Int) -> String {
        switch self {
        case .en: return "\(year) Q\(quarter)"
        case .es:
            let ordinal = ["primer", "segundo", "tercer", "cuarto"]
            return (1...4).contains(quarter) ? "\(ordinal[quarter - 1]) trimestre de \(year)" : "trimestre \(quarter) de \(year)"
        }
    }

    /// A quarter where space is short (a chart's axis, a table's cell): `T3`, `Q3`.
    public func quarterShort(_ quarter: Int) -> String {
        self == .es ? "T\(quarter)" : "Q\(quarter)"
    }
}
