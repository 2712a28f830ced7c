import AvanceCore
@testable import AvanceExtract
import Foundation

/// Where the committed samples are, found from this file's place in the checkout so the
/// tests run from any working directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String { root.appendingPathComponent("Samples/\(name)").path }

    /// A fresh folder for files a test makes; removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avance-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// Writes small but complete PDFs: pages of text lines in Helvetica or Helvetica-Bold
/// (WinAnsi), placed where the test says, with a correct cross-reference table, so pdftotext
/// reads them like any office export. `rotate` turns every page (its /Rotate).
enum MiniPDF {
    struct Text {
        var x: Double
        var y: Double
        var size: Double = 11
        var text: String
        var bold = false
    }

    static func make(pages: [[Text]], rotate: Int = 0) -> [UInt8] {
        var objects: [String] = []
        // 1: catalog, 2: pages, 3 and 4: fonts, then a page and its content per page.
        let pageIDs = pages.indices.map { 5 + $0 * 2 }
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
        for (i, texts) in pages.enumerated() {
            var content = ""
            for t in texts {
                content += "BT /\(t.bold ? "F2" : "F1") \(t.size) Tf \(t.x) \(t.y) Td (\(escape(t.text))) Tj ET\n"
            }
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate \(rotate) /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(pageIDs[i] + 1) 0 R >>")
            objects.append("<< /Length \(latin1(content).count) >>\nstream\n\(content)endstream")
        }
        var out: [UInt8] = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (n, body) in objects.enumerated() {
            offsets.append(out.count)
            out += latin1("\(n + 1) 0 obj\n\(body)\nendobj\n")
        }
        let xref = out.count
        out += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets {
            let s = String(o)
            out += Array((String(repeating: "0", count: 10 - s.count) + s + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    private static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)")
    }

    /// WinAnsi is Latin-1 for the letters Spanish needs.
    static func latin1(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}

/// poppler's own readings of a PDF, independent of avance's: the plain text of a page
/// (`pdftotext -f P -l P file -`, the text spans count lines and columns in) and the text
/// inside a box of it (`-x -y -W -H`).
enum PopplerOracle {
    static func text(of path: String, page: Int, crop: SourceSpan.Box? = nil) throws -> String {
        var arguments = ["pdftotext", "-f", "\(page)", "-l", "\(page)", "-enc", "UTF-8"]
        if let crop {
            // Whole points, grown by one on every side.
            let x = Int(crop.x.rounded(.down)) - 1, y = Int(crop.y.rounded(.down)) - 1
            let w = Int(crop.maxX.rounded(.up)) + 1 - x, h = Int(crop.maxY.rounded(.up)) + 1 - y
            arguments += ["-x", "\(x)", "-y", "\(y)", "-W", "\(w)", "-H", "\(h)"]
        }
        return try pdftotext(Array(arguments.dropFirst()) + [path, "-"])
    }

    /// What `pdftotext` with `arguments` writes on standard output.
    static func pdftotext(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pdftotext"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// White space left out (an address broken at the margin is joined) and ligatures spelled
    /// out, as the extractor writes text.
    static func normalised(_ s: String) -> String {
        let spelled = s.replacingOccurrences(of: "\u{FB01}", with: "fi").replacingOccurrences(of: "\u{FB02}", with: "fl")
            .replacingOccurrences(of: "\u{FB00}", with: "ff")
        return String(spelled.filter { !$0.isWhitespace })
    }

    /// The word of a page's plain text at the span's line and column (up to white space).
    static func word(at span: SourceSpan, in lines: [Substring]) -> String? {
        guard span.line >= 1, span.line <= lines.count else { return nil }
        let chars = Array(lines[span.line - 1])
        guard span.column >= 1, span.column <= chars.count else { return nil }
        return String(chars[(span.column - 1)...].prefix { !$0.isWhitespace })
    }
}

extension ExtractedDocument {
    func blocks(_ kind: Block.Kind) -> [Block] { blocks.filter { $0.kind == kind } }

    func field(_ label: String) -> Block? {
        blocks.first { $0.kind == .field && $0.label?.text == label }
    }
}

extension SpannedText {
    /// The text with its line breaks as spaces, to compare cells whatever their wrapping.
    var oneLine: String { text.replacingOccurrences(of: "\n", with: " ") }
}

/// A page model drawn as text, as `pdftotext -layout` would print the page: every character
/// 5 points wide, every line 12 points below the last, words 10 points high; runs of text
/// apart by two spaces or more are poppler blocks of their own. A word's cited line and
/// column are its line and column in the drawing.
enum PageSketch {
    static let charWidth = 5.0
    static let lineHeight = 12.0

    /// `sizes` and `bold` name lines (0-based) set in another size or in bold.
    static func page(_ drawing: String, number: Int = 1, sizes: [Int: Double] = [:], bold: Set<Int> = []) -> PDFPageModel.Page {
        var words: [PDFPageModel.Word] = []
        var block = 0
        for (l, line) in drawing.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            var i = 0
            var lastEnd = -10
            while i < chars.count {
                guard chars[i] != " " else { i += 1; continue }
                var j = i
                while j < chars.count, chars[j] != " " { j += 1 }
                if i - lastEnd >= 2 { block += 1 }
                let size = sizes[l] ?? 10
                words.append(PDFPageModel.Word(
                    text: String(chars[i..<j]),
                    box: PDFPageModel.Box(x: 50 + Double(i) * charWidth, y: 40 + Double(l) * lineHeight + (10 - size),
                                          width: Double(j - i) * charWidth, height: size),
                    font: nil, size: size, isBold: bold.contains(l), isItalic: false, block: block, line: block,
                    textLine: l + 1, textColumn: i + 1
                ))
                lastEnd = j
                i = j
            }
        }
        return PDFPageModel.Page(number: number, width: 612, height: 792, rotation: 0, words: words)
    }

    static func blocks(_ pages: [PDFPageModel.Page]) -> [Block] {
        DocumentLayout.blocks(of: PDFPageModel(pages: pages))
    }

    static func blocks(_ drawing: String, sizes: [Int: Double] = [:], bold: Set<Int> = []) -> [Block] {
        blocks([page(drawing, sizes: sizes, bold: bold)])
    }
}
