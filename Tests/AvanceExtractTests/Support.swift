import AvanceCore
@testable import AvanceExtract
import Foundation
import TestSupport

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
