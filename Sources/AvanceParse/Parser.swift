import AvanceCore

/// Why a document yields no record.
public enum ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text has none of the marks of an indicator report.
    case notAReport(path: String)

    public var description: String {
        switch self {
        case .notAReport(let path):
            "\(path): not an indicator report (no program, indicator, period or targets found)"
        }
    }
}

/// How the parser reads what the text leaves open.
public struct ParseOptions: Sendable, Hashable {
    /// How a numeric date like `10/05/2024` is read first: Mexican usage is day/month.
    public enum NumericDateOrder: String, Sendable, Hashable, CaseIterable {
        case dayMonth = "day-month"
        case monthDay = "month-day"
    }

    public var numericDateOrder: NumericDateOrder
    /// Institutions the gazetteer should know besides its head words: name → acronym.
    public var extraInstitutions: [String: String?]

    public init(numericDateOrder: NumericDateOrder = .dayMonth, extraInstitutions: [String: String?] = [:]) {
        self.numericDateOrder = numericDateOrder
        self.extraInstitutions = extraInstitutions
    }
}

/// Builds indicator records from an extracted document with rules drawn from the
/// grammar of the reports (see the Lexicon folder).
public struct Parser: Sendable {
    public var options: ParseOptions

    public init(options: ParseOptions = ParseOptions()) {
        self.options = options
    }

    /// One record per indicator the document reports (a narrative report has one,
    /// a table one per row).
    public func parse(_ document: ExtractedDocument) throws(ParseError) -> [IndicatorRecord] {
        throw .notAReport(path: document.path)
    }
}
