import GRDB

/// A row whose columns are its properties' names in snake case (`document_id` for
/// `documentId`), so that synthesized `Codable` needs no `CodingKeys`.
///
/// GRDB's own `.convertToSnakeCase` and `.convertFromSnakeCase` do the same for any name, with
/// Foundation's character sets, and cost 4 times the encoding of a row and twice its decoding
/// (a row is written per record on ingest, read per record by audit and export); property and
/// column names here are ASCII, which these strategies convert byte by byte.
public protocol SnakeCaseColumns: FetchableRecord, EncodableRecord {}

extension SnakeCaseColumns {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy {
        .custom { ColumnKey(stringValue: ColumnKey.camelCase($0)) }
    }

    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { ColumnKey.snakeCase($0.stringValue) }
    }
}

struct ColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// `documentId` → `document_id`.
    static func snakeCase(_ name: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + 4)
        for c in name.utf8 {
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") {
                out.append(UInt8(ascii: "_"))
                out.append(c + 32)
            } else {
                out.append(c)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `document_id` → `documentId`.
    static func camelCase(_ column: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(column.utf8.count)
        var upper = false
        for c in column.utf8 {
            if c == UInt8(ascii: "_") {
                upper = true
                continue
            }
            out.append(upper && c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") ? c - 32 : c)
            upper = false
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A value whose own columns stand in its record's row, beside the record's other columns,
/// instead of one JSON column: GRDB's `superEncoder(forKey:)` and `superDecoder(forKey:)` are
/// the record's own encoder and decoder, so the value's keys become the row's columns.
@propertyWrapper
public struct Flattened<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try Value(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try wrappedValue.encode(to: encoder)
    }
}

extension KeyedEncodingContainer {
    mutating func encode<T>(_ value: Flattened<T>, forKey key: Key) throws {
        try value.encode(to: superEncoder(forKey: key))
    }
}

extension KeyedDecodingContainer {
    func decode<T>(_ type: Flattened<T>.Type, forKey key: Key) throws -> Flattened<T> {
        try Flattened(from: superDecoder(forKey: key))
    }
}
