import AvanceCore
import Foundation
import Testing

/// docs/record.schema.json and the Swift record must name the same keys, so the
/// documented format cannot drift from what avance prints.
@Suite struct SchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/record.schema.json")

    static func fullRecord() -> IndicatorRecord {
        // A span with every key any format writes: a PDF's box (and a scanned page's OCR
        // confidence), a spreadsheet's sheet and cell.
        let span = SourceSpan(
            page: 1, line: 2, column: 3, text: "x", box: .init(x: 72, y: 90.5, width: 6.2, height: 9.5), sheet: "Hoja1", cell: "C2",
            confidence: 91.5
        )
        return IndicatorRecord(
            source: .init(path: "a.pdf", sha256: String(repeating: "0", count: 64), format: .pdf, declaredFormat: .html, pages: 2, row: 1,
                          ocrPages: [2]),
            program: .init(code: "O002", name: "P", evidence: span),
            component: .init(code: "C01", name: "C", evidence: span),
            activity: .init(code: "C01.A01", name: "A", evidence: span),
            indicator: .init(code: "01", name: "I", description: "D", evidence: span),
            period: .init(year: 2024, quarter: 3, evidence: span),
            responsibleUnit: .init(name: "U", acronym: "UU", evidence: span),
            reportingInstitution: .init(name: "R", acronym: "RR", evidence: span),
            targets: .init(unit: "acciones", annual: 4, period: 2, periodIsCumulative: false, achieved: 2, compliancePercent: 100, evidence: [span]),
            actions: [.init(title: "T", date: "2024-07-09", institutions: ["I"], links: ["https://x"], evidence: span)],
            dates: [.init(text: "09/07/2024", value: "2024-07-09", ambiguous: true, alternatives: ["2024-09-07"], action: 0, evidence: span)],
            periodMentions: [.init(text: "tercer trimestre", year: 2024, quarter: 3, evidence: span)],
            institutions: [.init(name: "I", acronym: nil, evidence: span)],
            signatories: [.init(name: "N", honorific: "Lic.", role: "R", evidence: span)],
            notices: [span],
            spreadsheetErrors: [span],
            tableSums: [.init(label: span, isSubtotal: false, columns: [
                .init(header: "Meta", stated: 3, evidence: span, parts: [1, 2], partsDecimals: 0, partsEvidence: [span, span],
                      isRatio: true, numerator: 0, denominator: 0),
            ])],
            linkedValues: [.init(field: "indicator.name", here: span, there: span)],
            periodValues: [.init(header: "II TRIMESTRE", quarter: 2, isCumulative: false, value: 100, evidence: span)],
            notApplicable: span,
            findings: [Finding(rule: "r", severity: .info, message: "m", evidence: [span])]
        )
    }

    /// Dotted key paths of a JSON value (`targets.evidence[].line`).
    static func keyPaths(_ value: Any, _ prefix: String = "") -> Set<String> {
        if let dict = value as? [String: Any] {
            return dict.reduce(into: Set<String>()) { acc, kv in
                let p = prefix.isEmpty ? kv.key : prefix + "." + kv.key
                acc.insert(p)
                acc.formUnion(keyPaths(kv.value, p))
            }
        }
        if let array = value as? [Any], let first = array.first { return keyPaths(first, prefix + "[]") }
        return []
    }

    /// The same paths as the schema declares them, following `$ref`, `oneOf` and `items`.
    static func schemaPaths(_ node: [String: Any], _ defs: [String: Any], _ prefix: String = "") -> Set<String> {
        var node = node
        if let ref = node["$ref"] as? String, let name = ref.split(separator: "/").last, let def = defs[String(name)] as? [String: Any] {
            node = def
        }
        var out = Set<String>()
        if let options = node["oneOf"] as? [[String: Any]] {
            for o in options { out.formUnion(schemaPaths(o, defs, prefix)) }
        }
        if let items = node["items"] as? [String: Any] { out.formUnion(schemaPaths(items, defs, prefix + "[]")) }
        if let props = node["properties"] as? [String: Any] {
            for (key, sub) in props {
                let p = prefix.isEmpty ? key : prefix + "." + key
                out.insert(p)
                if let sub = sub as? [String: Any] { out.formUnion(schemaPaths(sub, defs, p)) }
            }
        }
        return out
    }

    @Test func schemaDeclaresExactlyTheKeysOfARecord() throws {
        let data = try JSONEncoder().encode(Self.fullRecord())
        let record = try JSONSerialization.jsonObject(with: data)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let defs = schema["$defs"] as? [String: Any] ?? [:]
        let inRecord = Self.keyPaths(record)
        let inSchema = Self.schemaPaths(schema, defs)
        #expect(inRecord.subtracting(inSchema).sorted() == [], "keys printed but not documented")
        #expect(inSchema.subtracting(inRecord).sorted() == [], "keys documented but not printed")
    }

    @Test func absentValuesAreNullNotMissing() throws {
        let bare = IndicatorRecord(source: .init(path: "a.txt", sha256: "", format: .text))
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(bare)) as? [String: Any])
        for key in ["program", "component", "activity", "indicator", "period", "responsibleUnit", "reportingInstitution"] {
            #expect(json[key] is NSNull, "\(key) must be present as null")
        }
        let targets = try #require(json["targets"] as? [String: Any])
        #expect(targets["achieved"] is NSNull)
        #expect(json["schemaVersion"] as? Int == IndicatorRecord.currentSchemaVersion)
    }
}
