import Foundation

/// The text form of instants in the store: ISO 8601 in UTC with milliseconds, which
/// sorts as text and which SQLite's date functions read.
public enum Timestamp {
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    public static func now() -> String { string(Date()) }
}
