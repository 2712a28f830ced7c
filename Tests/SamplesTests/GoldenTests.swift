import Foundation
import Testing

/// Every file in Samples/ against its expected record(s) in Samples/expected/, written by
/// hand from reading the report. Runs the real `avance parse` and compares field by field.
@Suite struct GoldenTests {
    static let samples = Binary.packageRoot.appendingPathComponent("Samples")
    static let expectedDir = samples.appendingPathComponent("expected")

    /// Sample files, as paths under Samples/ (`series/clean/x.md`), found in every folder
    /// below it: README files, hidden files and the expected folder are not samples.
    static let files: [String] = {
        var found: [String] = []
        func walk(_ relative: String) {
            let folder = relative.isEmpty ? samples : samples.appendingPathComponent(relative)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
                guard !name.hasPrefix("."), name != "README.md" else { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDir)
                if isDir.boolValue {
                    if path != "expected" { walk(path) }
                } else {
                    found.append(path)
                }
            }
        }
        walk("")
        return found.sorted()
    }()

    @Test func thereAreSamples() {
        #expect(Self.files.count >= 13, "Samples/ holds the original report and at least 12 more")
        #expect(Self.files.contains { $0.hasPrefix("series/") }, "the series in subfolders are samples too")
    }

    @Test(arguments: files)
    func sampleMatchesItsExpectedRecord(file: String) throws {
        let expectedURL = Self.expectedDir.appendingPathComponent(file + ".json")
        guard let expectedData = FileManager.default.contents(atPath: expectedURL.path) else {
            Issue.record("Samples/expected/\(file).json is missing: write the expected record by reading the report")
            return
        }
        let expected = try JSONSerialization.jsonObject(with: expectedData)
        let result = try Binary.run(["parse", "--format", "json", "Samples/" + file])
        if let error = (expected as? [String: Any])?["error"] as? String {
            #expect(result.status == 2, "\(file): expected exit 2 for a broken file, got \(result.status)")
            #expect(result.stderr.contains(error), "\(file): stderr should say \"\(error)\"; it says: \(result.stderr)")
            #expect(result.stderr.contains(file), "\(file): the error must name the file")
            return
        }
        #expect(result.status == 0, "\(file): avance parse exited \(result.status): \(result.stderr)")
        let actual = try JSONSerialization.jsonObject(with: result.stdout)
        if let scan = expected as? [String: Any], let original = scan["scanOf"] as? String {
            for problem in try ScanComparison.problems(scan: scan, original: original, actual: actual) {
                Issue.record("\(file) (a scan of \(original)): \(problem)")
            }
            return
        }
        let differences = JSONDiff.differences(expected: expected, actual: actual, path: "")
        if !differences.isEmpty {
            let shown = differences.prefix(40).joined(separator: "\n  ")
            let more = differences.count > 40 ? "\n  ... \(differences.count - 40) more" : ""
            Issue.record("\(file) differs from Samples/expected/\(file).json:\n  \(shown)\(more)")
        }
    }
}

/// A scanned sample (Samples/escaneados) against the expected records of the text PDF it was made
/// from: the same records field by field, except the places of quotes (an OCR'd page has no text
/// layer to count lines and columns in; its boxes are Tesseract's), what its expected file says
/// may differ and why (`mayDiffer`, path patterns where `[*]` stands for any record: a header's
/// spacing, a speck, the layout; never a record's misread value), and a value that a
/// `low-confidence` finding names:
/// - a figure it quotes as read with low confidence;
/// - a misreading it names (“105” ... may be “I05”): a value that, with the one put back for the
///   other, is the expected one; and where the misread quote of a code and its name is split
///   otherwise (`£031` taken as a name, not a code), that object's code or name that one side
///   lacks. A finding that names a misreading no difference bears out is a false alarm, and fails.
/// Every span on an OCR'd page says so; on a text page with a picture read by OCR
/// (`picturePages`), the picture's spans say so, and some must.
enum ScanComparison {
    static let placeKeys: Set<String> = ["line", "column", "box", "confidence", "ocr"]

    static func problems(scan: [String: Any], original: String, actual: Any) throws -> [String] {
        let url = GoldenTests.expectedDir.appendingPathComponent(original + ".json")
        guard let data = FileManager.default.contents(atPath: url.path),
              var records = try JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            return ["the expected records of \(original) cannot be read"]
        }
        guard var got = actual as? [[String: Any]] else { return ["avance printed no list of records"] }
        let source = scan["source"] as? [String: Any] ?? [:]
        let ocrPages = Set(source["ocrPages"] as? [Int] ?? [])
        // Text pages where a picture was read by OCR (a table pasted as a picture): among the
        // OCR'd pages, but their text layer's spans are not OCR's.
        let picturePages = Set(scan["picturePages"] as? [Int] ?? [])
        var pictureSpans = 0
        var problems: [String] = []
        for i in records.indices {
            var s = records[i]["source"] as? [String: Any] ?? [:]
            for (key, value) in source { s[key] = value }
            records[i]["source"] = s
        }
        // The figures that low-confidence findings quote, and the misreadings they name, taken
        // out of the comparison.
        var unsure: [Int: Set<String>] = [:]
        var misread: [Int: [Misread]] = [:]
        for i in got.indices {
            let findings = got[i]["findings"] as? [[String: Any]] ?? []
            for f in findings where f["rule"] as? String == "low-confidence" {
                if let named = Misread(message: f["message"] as? String ?? "") {
                    misread[i, default: []].append(named)
                    continue
                }
                for e in f["evidence"] as? [[String: Any]] ?? [] { unsure[i, default: []].insert(e["text"] as? String ?? "") }
            }
            got[i]["findings"] = findings.filter { $0["rule"] as? String != "low-confidence" }
            for span in spans(in: got[i]) {
                let page = span["page"] as? Int
                let saysOCR = span["ocr"] as? Bool == true
                if let page, picturePages.contains(page) {
                    // A text page with a picture read by OCR: a span is the text layer's or the
                    // picture's, and says which.
                    if saysOCR != (span["confidence"] is NSNumber) {
                        problems.append("record \(i): a span on page \(page) says ocr without its confidence, or the reverse: \(JSONDiff.show(span))")
                    }
                    if saysOCR { pictureSpans += 1 }
                    continue
                }
                let scanned = page.map(ocrPages.contains) == true
                if scanned != saysOCR || scanned != (span["confidence"] is NSNumber) {
                    problems.append("record \(i): a span on \(scanned ? "an OCR'd page does not say so" : "a text page says it was OCR'd"): \(JSONDiff.show(span))")
                }
            }
        }
        if !picturePages.isEmpty, pictureSpans == 0 {
            problems.append("no span says it was read by OCR from the pictures on pages \(picturePages.sorted())")
        }
        let tolerated = (scan["mayDiffer"] as? [String: Any] ?? [:]).keys.map(pattern)
        var bornOut: Set<Misread> = []
        for difference in differences(expected: records, actual: got, path: "") {
            if tolerated.contains(where: { difference.path.range(of: $0, options: .regularExpression) != nil }) { continue }
            guard let record = Int(difference.path.dropFirst().prefix { $0.isNumber }) else {
                problems.append(difference.text)
                continue
            }
            if let value = difference.actual as? String, unsure[record]?.contains(value) == true { continue }
            if let m = misread[record]?.first(where: { $0.explains(read: difference.actual, expected: difference.expected) }) {
                bornOut.insert(m)
                continue
            }
            // A code and its name read from one misread quote: the quote explained, one side lacks the value.
            if difference.actual is NSNull || difference.expected is NSNull || difference.actual == nil,
               let dot = difference.path.lastIndex(of: "."), ["code", "name"].contains(difference.path[difference.path.index(after: dot)...]) {
                let parent = String(difference.path[..<dot])
                let quote = { (root: Any) in ((value(at: parent, in: root) as? [String: Any])?["evidence"] as? [String: Any])?["text"] }
                if let m = misread[record]?.first(where: { $0.explains(read: quote(got), expected: quote(records)) }) {
                    bornOut.insert(m)
                    continue
                }
            }
            problems.append(difference.text)
        }
        for (record, named) in misread.sorted(by: { $0.key < $1.key }) {
            for m in named where !bornOut.contains(m) {
                problems.append("record \(record): a low-confidence finding says “\(m.read)” may be “\(m.meant)”, and no value of the expected record bears it out: a false alarm")
            }
        }
        return problems
    }

    /// A misreading a low-confidence finding names, from its message (English, the default):
    /// `“105” (the indicator's code), read by OCR, may be “I05”: ...`.
    struct Misread: Hashable {
        var read: String
        var meant: String

        init?(message: String) {
            guard let match = message.firstMatch(of: /^“(.+?)” \(.*?\), read by OCR, may be “(.+?)”/) else { return nil }
            read = String(match.1)
            meant = String(match.2)
        }

        /// Whether the value read, with the misread word put back as meant (once), is the expected one.
        func explains(read value: Any?, expected: Any?) -> Bool {
            guard let value = value as? String, let expected = expected as? String else { return false }
            var from = value.startIndex
            while let r = value.range(of: read, range: from..<value.endIndex) {
                if value.replacingCharacters(in: r, with: meant) == expected { return true }
                from = r.upperBound
            }
            return false
        }
    }

    /// The value at a difference's path (`[3].program`) in a list of records.
    static func value(at path: String, in root: Any) -> Any? {
        var current: Any? = root
        var rest = Substring(path)
        while !rest.isEmpty, let value = current {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"), let i = Int(rest[rest.index(after: rest.startIndex)..<close]),
                      let list = value as? [Any], list.indices.contains(i) else { return nil }
                current = list[i]
                rest = rest[rest.index(after: close)...]
            } else if rest.first == "." {
                let key = rest.dropFirst().prefix { $0 != "." && $0 != "[" }
                current = (value as? [String: Any])?[String(key)]
                rest = rest.dropFirst(key.count + 1)
            } else {
                return nil
            }
        }
        return current
    }

    /// `[*].signatories[0].role` → a regular expression matching that path and those below it.
    static func pattern(_ path: String) -> String {
        "^" + path.components(separatedBy: "[*]").map(NSRegularExpression.escapedPattern(for:)).joined(separator: "\\[[0-9]+\\]")
            + "($|[.\\[])"
    }

    /// Every span in a record: a dictionary with a page, a line and a text.
    static func spans(in value: Any) -> [[String: Any]] {
        if let d = value as? [String: Any] {
            let here = d["line"] != nil && d["text"] != nil && d.keys.contains("page") ? [d] : []
            return here + d.values.flatMap(spans(in:))
        }
        if let a = value as? [Any] { return a.flatMap(spans(in:)) }
        return []
    }

    struct Difference {
        var path: String
        var expected: Any?
        var actual: Any?
        var text: String
    }

    /// As `JSONDiff.differences`, without the places of quotes, and keeping the actual value.
    static func differences(expected: Any, actual: Any?, path: String) -> [Difference] {
        if JSONDiff.ignored(path) { return [] }
        switch (expected, actual) {
        case let (e as [String: Any], a as [String: Any]):
            return Set(e.keys).union(a.keys).subtracting(placeKeys).sorted().flatMap { key -> [Difference] in
                let p = path + "." + key
                switch (e[key], a[key]) {
                case let (ev?, av): return differences(expected: ev, actual: av, path: p)
                case (nil, let av?): return [Difference(path: p, expected: nil, actual: av, text: "\(p): not in the expected record, got \(JSONDiff.show(av))")]
                default: return []
                }
            }
        case let (e as [Any], a as [Any]):
            let out = (0..<max(e.count, a.count)).flatMap { i -> [Difference] in
                let p = "\(path)[\(i)]"
                if i >= e.count { return [Difference(path: p, expected: nil, actual: a[i], text: "\(p): extra \(JSONDiff.show(a[i]))")] }
                if i >= a.count { return [Difference(path: p, expected: e[i], actual: nil, text: "\(p): missing \(JSONDiff.show(e[i]))")] }
                return differences(expected: e[i], actual: a[i], path: p)
            }
            // A missing or extra item is a difference of its own, above: tolerated or not by its path.
            return out
        default:
            guard let actual else { return [Difference(path: path, expected: expected, actual: nil, text: "\(path): expected \(JSONDiff.show(expected)), missing")] }
            return JSONDiff.same(expected, actual, path: path) ? []
                : [Difference(path: path, expected: expected, actual: actual, text: "\(path): expected \(JSONDiff.show(expected)), got \(JSONDiff.show(actual))")]
        }
    }
}

/// A readable field-by-field comparison of two JSON values.
enum JSONDiff {
    /// Parts of the record that belong to the code, not to the report: a finding's wording,
    /// and the exact quote it chose for its evidence, with the column and box that go with it.
    static func ignored(_ path: String) -> Bool {
        guard path.contains(".findings[") else { return false }
        return path.hasSuffix(".message")
            || (path.contains(".evidence[") && (path.hasSuffix(".text") || path.hasSuffix(".column") || path.contains(".box")))
    }

    static func differences(expected: Any, actual: Any, path: String) -> [String] {
        if ignored(path) { return [] }
        switch (expected, actual) {
        case let (e as [String: Any], a as [String: Any]):
            var out: [String] = []
            for key in Set(e.keys).union(a.keys).sorted() {
                let p = path + "." + key
                if ignored(p) { continue }
                switch (e[key], a[key]) {
                case let (ev?, av?): out += differences(expected: ev, actual: av, path: p)
                case (nil, let av?): out.append("\(p): not in the expected record, got \(show(av))")
                case (let ev?, nil): out.append("\(p): expected \(show(ev)), missing")
                default: break
                }
            }
            return out
        case let (e as [Any], a as [Any]):
            var out: [String] = []
            if e.count != a.count { out.append("\(path): expected \(e.count) items, got \(a.count)") }
            for i in 0..<min(e.count, a.count) {
                out += differences(expected: e[i], actual: a[i], path: "\(path)[\(i)]")
            }
            if a.count > e.count { out += a[e.count...].map { "\(path): extra \(show($0))" } }
            if e.count > a.count { out += e[a.count...].map { "\(path): missing \(show($0))" } }
            return out
        default:
            return same(expected, actual, path: path) ? [] : ["\(path): expected \(show(expected)), got \(show(actual))"]
        }
    }

    /// A PDF span's box is located in points by another tool, rounded to two decimals:
    /// coordinates agree within a twentieth of a point.
    static let boxTolerance = 0.05

    static func same(_ a: Any, _ b: Any, path: String = "") -> Bool {
        if path.contains(".box."), let x = a as? NSNumber, let y = b as? NSNumber {
            return abs(x.doubleValue - y.doubleValue) <= boxTolerance
        }
        if a is NSNull || b is NSNull { return a is NSNull && b is NSNull }
        if let x = a as? NSNumber, let y = b as? NSNumber {
            // JSON booleans and numbers both arrive as NSNumber; compare by value.
            return x == y
        }
        if let x = a as? String, let y = b as? String { return x == y }
        return false
    }

    static func show(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let s = v as? String { return "\"\(s.count > 120 ? String(s.prefix(117)) + "..." : s)\"" }
        if let data = try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed]) {
            let s = String(decoding: data, as: UTF8.self)
            return s.count > 160 ? String(s.prefix(157)) + "..." : s
        }
        return "\(v)"
    }
}
