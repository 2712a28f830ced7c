import AvanceCore
import AvanceExtract
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

/// pdftotext's own `-layout` text of a PDF, page by page: the independent record the
/// spans are checked against.
enum LayoutOracle {
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

    static func pages(of path: String) throws -> [[String]] {
        let text = try pdftotext(["-layout", "-enc", "UTF-8", path, "-"])
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The characters of `line` from 1-based `column`, spaces folded and ligatures
    /// spelled out as the extractor does, to compare with the start of a span's text.
    static func text(at span: SourceSpan, in pages: [[String]], count: Int) -> String? {
        guard let page = span.page, page >= 1, page <= pages.count,
              span.line >= 1, span.line <= pages[page - 1].count else { return nil }
        let chars = Array(pages[page - 1][span.line - 1])
        guard span.column >= 1, span.column <= chars.count else { return nil }
        var out = ""
        for c in chars[(span.column - 1)...] {
            if c == " " && out.last == " " { continue }
            switch c {
            case "\u{FB01}": out += "fi"
            case "\u{FB02}": out += "fl"
            default: out.append(c)
            }
        }
        return String(out.prefix(count))
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
