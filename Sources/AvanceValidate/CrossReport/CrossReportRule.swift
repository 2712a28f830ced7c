import AvanceCore

/// A check over the records of one indicator in one year. Each rule is one type in
/// CrossReport/, with its description.
public protocol CrossReportRule: Sendable {
    static var description: RuleDescription { get }
    init()
    /// The findings for one indicator's year, with the rule's default severity; every piece
    /// of evidence names the file it quotes (`SourceSpan.path`).
    func check(_ year: IndicatorYear) -> [Finding]
}

extension CrossReportRule {
    func finding(_ message: LocalizedText, _ evidence: [SourceSpan?]) -> Finding {
        Finding(
            rule: Self.description.id, severity: Self.description.severity, message: message,
            evidence: evidence.compactMap { $0 }
        )
    }
}

extension IndicatorRecord {
    /// The quote of a stated target, cited in the record's file.
    func cited(_ value: Targets.Value) -> SourceSpan? {
        targets.evidence(for: value)?.cited(in: source.path)
    }

    /// The quote of the reported period, cited in the record's file.
    var citedPeriod: SourceSpan? { period?.evidence?.cited(in: source.path) }

    /// "2024 Q3".
    var periodName: String { periodName(.en) }

    /// "2024 Q3", "tercer trimestre de 2024".
    func periodName(_ language: Language) -> String {
        guard let period else { return language == .es ? "sin periodo" : "no period" }
        return language.quarter(period.quarter, of: period.year)
    }

    /// The file name without its folders, for messages.
    var fileName: String { source.path.split(separator: "/").last.map(String.init) ?? source.path }
}

/// Figures compare equal within a cent: reports write them with two decimals at most.
func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 0.005 }
