/// A record's compact JSON, written straight into bytes: what JSON Lines (`avance parse`,
/// `avance export --format jsonl`) and the store's `json` and `evidence` columns hold.
///
/// It writes byte for byte what Foundation's `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes` (the record format's one serialisation, kept since the first
/// release), at a tenth of its cost: keys in the order of their UTF-8 bytes (`periodIsCumulative`
/// before `periodMentions`), every `@NullEncoded` value as `null` when absent and every plain
/// optional left out, strings with `"` `\` and the control characters escaped as `JSONEncoder`
/// escapes them (`\n` `\r` `\t` `\b` `\f`, the others `\u00xx` in lower-case hex; `/`, DEL and
/// every non-ASCII character as they are), integers in decimal and a `Double` as its shortest
/// round-trip form without a trailing `.0` (`100`, `0.1`, `1e-07`, `1e+16`). A figure that
/// is not finite throws `EncodingError.invalidValue`, with `JSONEncoder`'s message.
///
/// `CompactJSONTests` and `RecordJSONTests` compare the two encoders' bytes over hand-made
/// records holding every key and every edge case, and over every record of `Samples/`.
public struct CompactJSON {
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 2048) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON of `value` as text.
    public static func string(_ value: some CompactJSONEncodable) throws -> String {
        var json = CompactJSON()
        try value.encode(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    // MARK: Structure

    /// Opens an object; `close()` ends it.
    public mutating func open() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// The key of the next value; keys are plain ASCII names, written as they are.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key and its value, `null` when the value is absent (as `@NullEncoded` writes it).
    public mutating func field<T: CompactJSONEncodable>(_ name: StaticString, _ value: T?) throws {
        key(name)
        if let value { try value.encode(to: &self) } else { null() }
    }

    /// A key and its value, nothing at all when the value is absent (a plain optional).
    public mutating func fieldIfPresent<T: CompactJSONEncodable>(_ name: StaticString, _ value: T?) throws {
        guard let value else { return }
        key(name)
        try value.encode(to: &self)
    }

    public mutating func array<T: CompactJSONEncodable>(_ elements: [T]) throws {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for element in elements { try element.encode(to: &self) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    // MARK: Values

    public mutating func null() {
        separate()
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
        needsComma = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        if value {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
        needsComma = true
    }

    public mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: value.description.utf8)
        needsComma = true
    }

    /// The shortest text that reads back as the same `Double`, without a trailing `.0`.
    public mutating func double(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."
            ))
        }
        separate()
        let text = value.description.utf8
        if text.count > 2, text.last == UInt8(ascii: "0"), text[text.index(text.endIndex, offsetBy: -2)] == UInt8(ascii: ".") {
            bytes.append(contentsOf: text.dropLast(2))
        } else {
            bytes.append(contentsOf: text)
        }
        needsComma = true
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            for i in 0..<utf8.count {
                let c = utf8[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch c {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(c)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex(c >> 4), Self.hex(c & 0xF)])
                }
                start = i + 1
            }
            if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        }
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }
}

extension CompactJSON {
    /// A lower-case hex digit.
    fileprivate static func hex(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}

/// A value `CompactJSON` writes. Each type writes its keys in the order of their UTF-8 bytes.
public protocol CompactJSONEncodable {
    func encode(to json: inout CompactJSON) throws
}

extension String: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) { json.string(self) }
}

extension Int: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) { json.int(self) }
}

extension Double: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws { try json.double(self) }
}

extension Bool: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) { json.bool(self) }
}

extension Array: CompactJSONEncodable where Element: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws { try json.array(self) }
}

extension SourceFormat: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) { json.string(rawValue) }
}

extension Severity: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) { json.string(rawValue) }
}

// MARK: - The record's types, keys in UTF-8 order

extension SourceSpan: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.fieldIfPresent("box", box)
        try json.fieldIfPresent("cell", cell)
        try json.field("column", column)
        try json.fieldIfPresent("confidence", confidence)
        try json.field("line", line)
        try json.fieldIfPresent("ocr", ocr)
        try json.field("page", page)
        try json.fieldIfPresent("path", path)
        try json.fieldIfPresent("sheet", sheet)
        try json.field("text", text)
        json.close()
    }
}

extension SourceSpan.Box: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("height", height)
        try json.field("width", width)
        try json.field("x", x)
        try json.field("y", y)
        json.close()
    }
}

extension Finding: CompactJSONEncodable {
    /// With its message in English, as `JSONEncoder` writes it without a language in `userInfo`.
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("evidence", evidence)
        try json.field("message", text.en)
        try json.field("rule", rule)
        try json.field("severity", severity)
        json.close()
    }
}

extension IndicatorRecord: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("actions", actions)
        try json.field("activity", activity)
        try json.field("component", component)
        try json.field("dates", dates)
        try json.field("findings", findings)
        try json.field("indicator", indicator)
        try json.field("institutions", institutions)
        try json.field("linkedValues", linkedValues)
        try json.field("notApplicable", notApplicable)
        try json.field("notices", notices)
        try json.field("period", period)
        try json.field("periodMentions", periodMentions)
        try json.field("periodValues", periodValues)
        try json.field("program", program)
        try json.field("reportingInstitution", reportingInstitution)
        try json.field("responsibleUnit", responsibleUnit)
        try json.field("schemaVersion", schemaVersion)
        try json.field("signatories", signatories)
        try json.field("source", source)
        try json.field("spreadsheetErrors", spreadsheetErrors)
        try json.field("tableSums", tableSums)
        try json.field("targets", targets)
        json.close()
    }
}

extension IndicatorRecord.Source: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("declaredFormat", declaredFormat)
        try json.field("format", format)
        try json.fieldIfPresent("ocrPages", ocrPages)
        try json.field("pages", pages)
        try json.field("path", path)
        try json.field("row", row)
        try json.field("sha256", sha256)
        json.close()
    }
}

extension IndicatorRecord.CodedName: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("code", code)
        try json.field("evidence", evidence)
        try json.field("name", name)
        json.close()
    }
}

extension IndicatorRecord.Indicator: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("code", code)
        try json.field("description", description)
        try json.field("evidence", evidence)
        try json.field("formula", formula)
        try json.field("frequency", frequency)
        try json.field("level", level)
        try json.field("name", name)
        json.close()
    }
}

extension IndicatorRecord.Period: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("end", end)
        try json.field("evidence", evidence)
        try json.field("quarter", quarter)
        try json.field("start", start)
        try json.field("year", year)
        json.close()
    }
}

extension IndicatorRecord.Organization: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("acronym", acronym)
        try json.field("evidence", evidence)
        try json.field("name", name)
        json.close()
    }
}

extension IndicatorRecord.PeriodValue: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("evidence", evidence)
        try json.field("header", header)
        try json.field("isCumulative", isCumulative)
        try json.field("quarter", quarter)
        try json.field("value", value)
        json.close()
    }
}

extension IndicatorRecord.LinkedValue: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("field", field)
        try json.field("here", here)
        try json.field("there", there)
        json.close()
    }
}

extension IndicatorRecord.TableSum: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("columns", columns)
        try json.field("isSubtotal", isSubtotal)
        try json.field("label", label)
        json.close()
    }
}

extension IndicatorRecord.TableSum.Column: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("denominator", denominator)
        try json.field("evidence", evidence)
        try json.field("header", header)
        try json.field("isRatio", isRatio)
        try json.field("numerator", numerator)
        try json.field("parts", parts)
        try json.field("partsDecimals", partsDecimals)
        try json.field("partsEvidence", partsEvidence)
        try json.field("stated", stated)
        json.close()
    }
}

extension IndicatorRecord.Targets: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("achieved", achieved)
        try json.field("annual", annual)
        try json.field("baseline", baseline)
        try json.field("compliancePercent", compliancePercent)
        try json.field("compliancePercentModified", compliancePercentModified)
        try json.field("evidence", evidence)
        try json.field("modified", modified)
        try json.field("period", period)
        try json.field("periodIsCumulative", periodIsCumulative)
        try json.field("unit", unit)
        json.close()
    }
}

extension IndicatorRecord.Action: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("date", date)
        try json.field("evidence", evidence)
        try json.field("institutions", institutions)
        try json.field("links", links)
        try json.field("title", title)
        json.close()
    }
}

extension IndicatorRecord.DateMention: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("action", action)
        try json.field("alternatives", alternatives)
        try json.field("ambiguous", ambiguous)
        try json.field("evidence", evidence)
        try json.field("text", text)
        try json.field("value", value)
        json.close()
    }
}

extension IndicatorRecord.PeriodMention: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("evidence", evidence)
        try json.field("quarter", quarter)
        try json.field("text", text)
        try json.field("year", year)
        json.close()
    }
}

extension IndicatorRecord.InstitutionMention: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("acronym", acronym)
        try json.field("evidence", evidence)
        try json.field("name", name)
        json.close()
    }
}

extension IndicatorRecord.Signatory: CompactJSONEncodable {
    public func encode(to json: inout CompactJSON) throws {
        json.open()
        try json.field("evidence", evidence)
        try json.field("honorific", honorific)
        try json.field("name", name)
        try json.field("role", role)
        json.close()
    }
}
