/// Test support shared by the test targets: nothing here is part of avance.
import Foundation


/// Writes small but complete PDFs: pages of text lines in Helvetica or Helvetica-Bold
/// (WinAnsi), placed where the test says, with a correct cross-reference table, so pdftotext
/// reads them like any office export. `rotate` turns every page (its /Rotate).
public enum MiniPDF {
    public struct Text {
        public var x: Double
        public var y: Double
        public var size: Double = 11
        public var text: String
        public var bold = false

        public init(x: Double, y: Double, size: Double = 11, text: String, bold: Bool = false) {
            self.x = x
            self.y = y
            self.size = size
            self.text = text
            self.bold = bold
        }
    }

    public static func make(pages: [[Text]], rotate: Int = 0) -> [UInt8] {
        make(contents: pages.map { texts in
            latin1(texts.map { t in "BT /\(t.bold ? "F2" : "F1") \(t.size) Tf \(t.x) \(t.y) Td (\(escape(t.text))) Tj ET\n" }.joined())
        }, rotate: rotate)
    }

    /// Pages whose content streams are given as they are (`/F1` Helvetica, `/F2` Helvetica-Bold).
    public static func make(contents pages: [[UInt8]], rotate: Int = 0) -> [UInt8] {
        var objects: [[UInt8]] = []
        // 1: catalog, 2: pages, 3 and 4: fonts, then a page and its content per page.
        let pageIDs = pages.indices.map { 5 + $0 * 2 }
        objects.append(latin1("<< /Type /Catalog /Pages 2 0 R >>"))
        objects.append(latin1("<< /Type /Pages /Kids [\(pageIDs.map { "\($0) 0 R" }.joined(separator: " "))] /Count \(pages.count) >>"))
        objects.append(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"))
        objects.append(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"))
        for (i, content) in pages.enumerated() {
            objects.append(latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Rotate \(rotate) /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents \(pageIDs[i] + 1) 0 R >>"))
            objects.append(latin1("<< /Length \(content.count) >>\nstream\n") + content + latin1("endstream"))
        }
        var out: [UInt8] = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (n, body) in objects.enumerated() {
            offsets.append(out.count)
            out += latin1("\(n + 1) 0 obj\n") + body + latin1("\nendobj\n")
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
    public static func latin1(_ s: String) -> [UInt8] {
        s.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") }
    }
}
