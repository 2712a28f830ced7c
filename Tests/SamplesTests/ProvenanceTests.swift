import Foundation
import Testing

/// Every span avance prints must point at its quoted words in the original file. For a text
/// or HTML sample, the first word of every quote stands at its line and column. For a PDF, read
/// by each engine, two independent readings by poppler: the words pdftotext finds inside the
/// span's box hold the quote, and the quote's first word stands at the line and column of the
/// page's text as that engine gives it: poppler's library's page text for the default engine
/// (read through Python's GObject bindings, `Scripts/lib/pdf_spans.py --text`), the plain text
/// of `pdftotext -f P -l P file -` for `--pdf-engine pdftotext`. For a workbook, the cell a span
/// names holds its quote, and its line and column are the cell's row and column number.
@Suite struct ProvenanceTests {
    static let readable = GoldenTests.files.filter { file in
        // Broken samples have no records; their expected file says so.
        let expected = GoldenTests.expectedDir.appendingPathComponent(file + ".json")
        return (FileManager.default.contents(atPath: expected.path).flatMap { try? JSONSerialization.jsonObject(with: $0) } as? [Any]) != nil
    }

    static let pdftotext = URL(fileURLWithPath: "/usr/bin/pdftotext")

    static func isPDF(_ file: String) throws -> Bool {
        try Data(contentsOf: GoldenTests.samples.appendingPathComponent(file)).starts(with: Array("%PDF-".utf8))
    }

    /// pdftotext's text of page `page`, or of the part of it inside `crop` (x, y, width, height in whole points).
    static func pdfText(_ file: String, page: Int, crop: [Int]? = nil) throws -> String {
        var arguments = ["-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8"]
        if let crop { arguments += ["-x", "\(crop[0])", "-y", "\(crop[1])", "-W", "\(crop[2])", "-H", "\(crop[3])"] }
        let r = try Binary.run(executable: pdftotext, arguments + ["Samples/" + file, "-"])
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// The page's text as poppler's library gives it (`poppler_page_get_text`), read by Python's
    /// bindings to the library, not by avance.
    static func libraryText(_ file: String, page: Int) throws -> String {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        let r = try Binary.run(executable: python, ["Scripts/lib/pdf_spans.py", "Samples/" + file, "\(page)", "--text"])
        guard r.status == 0 else {
            throw Failure(description: "Scripts/lib/pdf_spans.py could not read the page: \(r.stderr)")
        }
        return String(decoding: r.stdout, as: UTF8.self)
    }

    /// Whether a sample is a workbook (a ZIP archive: XLSX, ODS; an Office compound file: XLS).
    static func isWorkbook(_ file: String) throws -> Bool {
        let handle = try FileHandle(forReadingFrom: GoldenTests.samples.appendingPathComponent(file))
        defer { try? handle.close() }
        let head = try handle.read(upToCount: 8) ?? Data()
        return head.starts(with: Data("PK".utf8)) || head == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    }

    /// Every cell's text of a workbook (`Sheet!A1` → text, as the General format shows it), read
    /// from its XML by Python's standard library (`Scripts/lib/pdf_spans.py --cells`), not by avance.
    static func workbookCells(_ file: String) throws -> [String: String] {
        let python = URL(fileURLWithPath: "/usr/bin/python3")
        let r = try Binary.run(executable: python, ["Scripts/lib/pdf_spans.py", "Samples/" + file, "--cells"])
        guard r.status == 0, let cells = try JSONSerialization.jsonObject(with: r.stdout) as? [String: String] else {
            throw Failure(description: "Scripts/lib/pdf_spans.py could not read the workbook: \(r.stderr)")
        }
        return cells
    }

    /// What is wrong with a workbook span: its cell must hold the quote, and its line and column
    /// be that cell's row and column number.
    static func problem(with span: [String: Any], inCells cells: [String: String]) -> String? {
        guard let sheet = span["sheet"] as? String, let cell = span["cell"] as? String,
              let line = span["line"] as? Int, let column = span["column"] as? Int, let quote = span["text"] as? String
        else { return "a workbook span without its sheet and cell: \(span)" }
        let letters = cell.prefix { $0.isLetter }
        let number = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        guard Int(cell.dropFirst(letters.count)) == line, number == column else {
            return "\(sheet)!\(cell) is not line \(line), column \(column)"
        }
        guard let text = cells["\(sheet)!\(cell)"] else { return "\(sheet)!\(cell) is empty" }
        return normalised(text).contains(normalised(quote)) ? nil : "\(sheet)!\(cell) holds \"\(text)\", not \"\(quote)\""
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The PDF engines avance has (`--pdf-engine`).
    static let engines = ["poppler", "pdftotext"]

    /// The page's text as `engine` gives it: what its spans' lines and columns count in.
    static func pageText(_ file: String, page: Int, engine: String) throws -> String {
        engine == "pdftotext" ? try pdfText(file, page: page) : try libraryText(file, page: page)
    }

    /// Each file once, and each PDF once per engine.
    static let cases: [(file: String, engine: String)] = readable.flatMap { file in
        (try? isPDF(file)) == true ? engines.map { (file, $0) } : [(file, "poppler")]
    }

    /// White space left out (avance joins an address broken at the margin) and ligatures
    /// spelled out, as avance quotes text.
    static func normalised(_ s: String) -> String {
        let spelled = s.replacingOccurrences(of: "\u{FB01}", with: "fi").replacingOccurrences(of: "\u{FB02}", with: "fl")
            .replacingOccurrences(of: "\u{FB00}", with: "ff")
        return String(spelled.filter { !$0.isWhitespace })
    }

    /// The lines of a text or HTML sample as a person reads them.
    static func originalLines(_ file: String) throws -> (Int?) -> [Substring]? {
        let bytes = try Data(contentsOf: GoldenTests.samples.appendingPathComponent(file))
        // Same decoding rule as avance: UTF-8, else Windows-1252 (Latin-1 for the letters that matter here).
        let text = String(data: bytes, encoding: .utf8) ?? String(decoding: bytes.map { UInt16($0) }, as: UTF16.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return { page in page == nil ? lines : nil }
    }

    /// All spans in a JSON record.
    static func spans(_ value: Any) -> [[String: Any]] {
        if let d = value as? [String: Any] {
            if d["line"] is Int, d["column"] is Int, d["text"] is String { return [d] }
            return d.values.flatMap(spans)
        }
        if let a = value as? [Any] { return a.flatMap(spans) }
        return []
    }

    /// The characters of `line` from `column` on, as many as `count`.
    static func text(in lines: [Substring], line: Int, column: Int, count: Int) -> String {
        guard line >= 1, line <= lines.count else { return "<no line \(line)>" }
        let original = Array(lines[line - 1])
        return String(original[min(max(column - 1, 0), original.count)...].prefix(count))
    }

    /// The word that starts at `column` of `line` (up to white space or the line's end).
    static func word(in lines: [Substring], line: Int, column: Int) -> String {
        String(text(in: lines, line: line, column: column, count: .max).prefix { !$0.isWhitespace })
    }

    @Test(arguments: cases)
    func everyQuoteStandsWhereItsSpanSays(file: String, engine: String) throws {
        let r = try Binary.run(["parse", "--format", "json", "--pdf-engine", engine, "Samples/" + file])
        #expect(r.status == 0, "\(r.stderr)")
        let records = try JSONSerialization.jsonObject(with: r.stdout)
        let pdf = try Self.isPDF(file)
        if try Self.isWorkbook(file) {
            let cells = try Self.workbookCells(file)
            for span in Self.spans(records) {
                if let problem = Self.problem(with: span, inCells: cells) { Issue.record("\(file): \(problem)") }
            }
            return
        }
        let lines = pdf ? { _ in nil } : try Self.originalLines(file)
        var pages: [Int: [Substring]] = [:]
        var crops: [[Int]: String] = [:]
        for span in Self.spans(records) {
            let line = span["line"] as! Int, column = span["column"] as! Int, quote = span["text"] as! String
            guard let firstWord = quote.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else { continue }
            guard pdf else {
                if let problem = try Self.problem(with: span, in: lines) { Issue.record("\(file):\(problem)") }
                continue
            }
            let page = try #require(span["page"] as? Int, "\(file): a PDF span names its page")
            let box = try #require(span["box"] as? [String: Double], "\(file):p\(page):\(line):\(column) has no box")
            let (x, y, w, h) = (box["x"]!, box["y"]!, box["width"]!, box["height"]!)
            // Whole points, grown by one on every side.
            let x0 = Int(x.rounded(.down)) - 1, y0 = Int(y.rounded(.down)) - 1
            let crop = [x0, y0, Int((x + w).rounded(.up)) + 1 - x0, Int((y + h).rounded(.up)) + 1 - y0]
            let inBox = try crops[[page] + crop] ?? Self.pdfText(file, page: page, crop: crop)
            crops[[page] + crop] = inBox
            #expect(Self.normalised(inBox).contains(Self.normalised(quote)),
                    "\(file):p\(page):\(line):\(column): the box \(crop) holds \"\(Self.normalised(inBox))\", not \"\(Self.normalised(quote))\"")
            if pages[page] == nil {
                pages[page] = try Self.pageText(file, page: page, engine: engine)
                    .split(separator: "\n", omittingEmptySubsequences: false)
            }
            // A word broken at the margin (an address) goes on over the next line of poppler's text;
            // poppler's library writes the cells of a table row with nothing between them.
            let at = Self.normalised(Self.word(in: pages[page]!, line: line, column: column))
            let word = Self.normalised(String(firstWord))
            #expect(!at.isEmpty && (word.hasPrefix(at) || at.hasPrefix(word)),
                    "\(file) (\(engine)):p\(page):\(line):\(column) should start \"\(firstWord)\", the page's text has \"\(at)\"")
        }
    }

    /// What is wrong with a span of a text or HTML sample, if its quote's first word does not
    /// stand at its place; a place outside the original is a problem too, never a crash of the run.
    static func problem(with span: [String: Any], in lines: (Int?) -> [Substring]?) throws -> String? {
        let line = try #require(span["line"] as? Int), column = try #require(span["column"] as? Int)
        let quote = try #require(span["text"] as? String)
        let page = span["page"] as? Int
        let place = "\(page.map { "p\($0):" } ?? "")\(line):\(column)"
        guard let firstWord = quote.split(whereSeparator: { $0 == " " || $0 == "\n" }).first else { return nil }
        guard let pageLines = lines(page) else { return "\(place): the original has no page \(page ?? 1)" }
        guard pageLines.indices.contains(line - 1) else { return "\(place): the original has no line \(line)" }
        guard column >= 1 else { return "\(place): columns start at 1" }
        let original = Array(pageLines[line - 1])
        let at = String(original[min(column - 1, original.count)...].prefix(firstWord.count))
        return at == String(firstWord) ? nil : "\(place) should start \"\(firstWord)\", the line has \"\(at)\""
    }

    @Test func aWorkbookSpanMustNameTheCellThatHoldsItsQuote() {
        let cells = ["IR!E5": "SISTEMA PARA EL DESARROLLO", "IR!P10": "35"]
        let span: [String: Any] = ["sheet": "IR", "cell": "P10", "line": 10, "column": 16, "text": "35", "page": NSNull()]
        #expect(Self.problem(with: span, inCells: cells) == nil)
        var moved = span
        moved["column"] = 15
        #expect(Self.problem(with: moved, inCells: cells) == "IR!P10 is not line 10, column 15")
        var other = span
        other["text"] = "36"
        #expect(Self.problem(with: other, inCells: cells) == "IR!P10 holds \"35\", not \"36\"")
        #expect(Self.problem(with: ["line": 1, "column": 1, "text": "x"], inCells: cells) != nil)
    }

    @Test func aSpanOutsideTheOriginalFailsInsteadOfCrashing() throws {
        let lines: (Int?) -> [Substring]? = { page in (page ?? 1) == 1 ? ["Trimestre: 3T-2024"] : nil }
        #expect(try Self.problem(with: ["line": 1, "column": 12, "text": "3T-2024"], in: lines) == nil)
        #expect(try Self.problem(with: ["line": 1, "column": 1, "text": "3T-2024"], in: lines) == "1:1 should start \"3T-2024\", the line has \"Trimest\"")
        #expect(try Self.problem(with: ["line": 9, "column": 1, "text": "x"], in: lines) == "9:1: the original has no line 9")
        #expect(try Self.problem(with: ["line": 1, "column": 0, "text": "x"], in: lines) == "1:0: columns start at 1")
        #expect(try Self.problem(with: ["page": 3, "line": 1, "column": 1, "text": "x"], in: lines) == "p3:1:1: the original has no page 3")
    }
}
