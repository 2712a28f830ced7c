import AvanceCore

/// Runs the rule catalogue over one record.
public struct Validator: Sendable {
    public init() {}

    public func validate(_ record: IndicatorRecord, in document: ExtractedDocument) -> [Finding] {
        []
    }
}
