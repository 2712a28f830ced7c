import AvanceCore
import Foundation

/// PDF text through poppler's `pdftotext`.
///
/// Mode: `-layout` for every page. Compared on the samples and on real Word and
/// Numbers exports, the default mode keeps narrative paragraphs but scatters a table
/// cell by cell (each column becomes its own block, so an indicator's name, unit and
/// targets end up dozens of lines apart) and separates a label cell from its value cell;
/// `-layout` keeps every row and every `Label:  value` pair on one line, and its
/// narrative text is the same lines with their indentation. What `-layout` gets wrong,
/// two texts side by side on one line (signature blocks, two-column pages), is undone
/// by `LayoutPageReader`, which reads such groups left column first. One mode for all
/// pages also means one meaning for a span's line: the line of `pdftotext -layout`'s
/// text for that page, which anyone can reproduce.
///
/// A second run, `-tsv`, gives each word's box; the height of a line's words tells
/// headings (set larger) from body text, which the plain text cannot.
struct PDFExtractor {
    var timeout: Double
    /// The pdftotext executable to use; `nil` looks it up on `PATH`.
    var pdftotextPath: String?

    struct Result {
        var pages: Int
        var blocks: [Block]
    }

    func extract(bytes: [UInt8], path: String) throws(ExtractError) -> Result {
        if !Self.hasEndMarker(bytes) {
            throw .pdfDamaged(path: path, detail: "truncated: the file stops before its end-of-file marker")
        }
        guard let pdftotext = pdftotextPath ?? Subprocess.find("pdftotext"),
              FileManager.default.isExecutableFile(atPath: pdftotext)
        else { throw .pdftotextMissing(path: path) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avance-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unreadable(path: path, reason: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        // pdftotext reads a private copy: the bytes hashed are the bytes read, even if
        // the original is still being written, and no file name reaches its argument list.
        let input = folder.appendingPathComponent("input.pdf")
        guard FileManager.default.createFile(atPath: input.path, contents: Data(bytes)) else {
            throw .unreadable(path: path, reason: "cannot write a temporary copy in \(folder.path)")
        }

        let deadline = DispatchTime.now() + timeout
        let layoutFile = folder.appendingPathComponent("layout.txt")
        try run(pdftotext, ["-layout", "-enc", "UTF-8", "-eol", "unix", input.path, layoutFile.path], deadline: deadline, path: path)
        let layout = Self.readText(layoutFile)
        var pages = layout.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { Array(Self.lines($0)) }
        if pages.last?.allSatisfy({ $0.isEmpty }) ?? false { pages.removeLast() }
        guard pages.contains(where: { page in page.contains { !$0.allSatisfy(\.isWhitespace) } }) else {
            throw .pdfNoTextLayer(path: path, pages: max(pages.count, 1))
        }

        let tsvFile = folder.appendingPathComponent("words.tsv")
        try run(pdftotext, ["-tsv", "-enc", "UTF-8", input.path, tsvFile.path], deadline: deadline, path: path)
        let words = WordBoxes(tsv: Self.readText(tsvFile))

        var layoutPages: [[LayoutLine]] = []
        for (index, raw) in pages.enumerated() {
            var lines = raw.enumerated().map { LayoutLine(number: $0.offset + 1, text: $0.element) }
            words.assignHeights(to: &lines, page: index + 1)
            layoutPages.append(lines)
        }
        RunningLines.remove(from: &layoutPages)

        let body = words.bodyHeight
        var blocks: [Block] = []
        for (index, lines) in layoutPages.enumerated() {
            let reader = LayoutPageReader(page: index + 1, bodyHeight: body)
            Self.appendPage(reader.blocks(lines), to: &blocks)
        }
        return Result(pages: pages.count, blocks: Self.settleLabels(blocks))
    }

    private func run(_ pdftotext: String, _ arguments: [String], deadline: DispatchTime, path: String) throws(ExtractError) {
        let outcome: Subprocess.Outcome
        do {
            let errorFile = URL(fileURLWithPath: arguments[arguments.count - 1] + ".stderr")
            outcome = try Subprocess.run(pdftotext, arguments, errorFile: errorFile, deadline: deadline)
        } catch {
            switch error {
            case .cannotStart(let reason):
                throw .pdftotextFailed(path: path, status: -1, detail: "could not start \(pdftotext): \(reason)")
            }
        }
        switch outcome {
        case .timedOut:
            throw .pdftotextTimedOut(path: path, seconds: timeout)
        case .exited(0, _):
            return
        case .exited(let status, let stderr):
            throw Self.classify(status: status, stderr: stderr, path: path)
        }
    }

    /// pdftotext's UTF-8 output; a stray invalid byte becomes U+FFFD rather than losing the page.
    static func readText(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// pdftotext's exit status and messages, as the reason a user can act on.
    static func classify(status: Int32, stderr: String, path: String) -> ExtractError {
        let lower = stderr.lowercased()
        if lower.contains("incorrect password") || lower.contains("encrypt") {
            return .pdfEncrypted(path: path)
        }
        if status == 3 || lower.contains("copying of text from this document is not allowed") {
            return .pdfEncrypted(path: path)
        }
        let detail = stderr.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        if status == 1 || lower.contains("syntax error") || lower.contains("couldn't") || lower.contains("may not be a pdf") {
            return .pdfDamaged(path: path, detail: detail.isEmpty ? "pdftotext could not open it" : detail)
        }
        return .pdftotextFailed(path: path, status: status, detail: detail)
    }

    /// A complete PDF ends with `%%EOF` (followed at most by line ends or some padding);
    /// a file cut short by a failed download or copy does not.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        Search.firstIndex(of: Array("%%EOF".utf8), in: bytes.suffix(2048)) != nil
    }

    static func lines(_ page: Substring) -> [Substring] {
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A label whose value is not beside it (`Presidente:` over the name) takes the
    /// paragraph that follows as its value; with none, it stays a paragraph of its own,
    /// as in text.
    static func settleLabels(_ blocks: [Block]) -> [Block] {
        var result: [Block] = []
        var i = 0
        while i < blocks.count {
            var block = blocks[i]
            if block.kind == .field, block.text.isEmpty, let label = block.label {
                if i + 1 < blocks.count, blocks[i + 1].kind == .paragraph {
                    block.text = blocks[i + 1].text
                    block.links = blocks[i + 1].links
                    i += 1
                } else {
                    block = Block(kind: .paragraph, text: label)
                }
            }
            result.append(block)
            i += 1
        }
        return result
    }

    /// Adds a page's blocks; a paragraph cut by the page break (the page ends mid-sentence
    /// and the next starts in lower case) is joined back into one.
    static func appendPage(_ page: [Block], to blocks: inout [Block]) {
        var page = page[...]
        // A table row cut by the page break continues in a row whose first cell is empty.
        if let last = blocks.last, last.kind == .tableRow, let first = page.first, first.kind == .tableRow,
           first.cells.count == last.cells.count, first.cells.first?.isEmpty ?? false {
            var merged = last
            merged.cells = zip(last.cells, first.cells).map { a, b in
                a.isEmpty ? b : b.isEmpty ? a : SpannedText.joined([a, b], separator: "\n")
            }
            merged.text = SpannedText.joined(merged.cells, separator: " | ")
            merged.links += first.links.filter { !merged.links.contains($0) }
            blocks[blocks.count - 1] = merged
            page = page.dropFirst()
        }
        if let last = blocks.last, last.kind == .paragraph, let first = page.first, first.kind == .paragraph,
           let end = last.text.text.last, !".:;!?".contains(end),
           let start = first.text.text.first, start.isLowercase {
            var b = SpannedTextBuilder()
            b.append(last.text)
            if LayoutPageReader.endsHyphenated(last.text.text) { b.removeLast() } else { b.appendSynthetic("\n") }
            b.append(first.text)
            var merged = last
            merged.text = b.spanned
            merged.links += first.links.filter { !merged.links.contains($0) }
            blocks[blocks.count - 1] = merged
            page = page.dropFirst()
        }
        blocks += page
    }
}
