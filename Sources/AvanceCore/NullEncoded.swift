/// An optional that synthesized `Codable` writes as `null` when absent, instead of leaving
/// its key out: avance's JSON formats keep every key, so a reader can tell "not found" from
/// "not asked". Reading accepts the key with `null`, or missing.
///
/// ```swift
/// struct CodedName: Codable {
///     @NullEncoded var code: String?
/// }
/// ```
@propertyWrapper
public struct NullEncoded<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}

// Synthesized `Codable` calls these for a `@NullEncoded` property (they are more specific
// than the generic `encode`/`decode`): the value goes straight into the keyed container,
// with no nested encoder for the wrapper, and a missing key decodes as `nil`.

extension KeyedEncodingContainer {
    public mutating func encode<T>(_ value: NullEncoded<T>, forKey key: Key) throws {
        if let v = value.wrappedValue { try encode(v, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension KeyedDecodingContainer {
    public func decode<T>(_ type: NullEncoded<T>.Type, forKey key: Key) throws -> NullEncoded<T> {
        NullEncoded(wrappedValue: try decodeIfPresent(T.self, forKey: key))
    }
}
