import AvanceCore
import Foundation

/// PDF text read from a page model: every page's words with their boxes, from one pass of
/// poppler (`PDFPageModelSource`), laid out in Swift (`DocumentLayout`) into the blocks the
/// parser reads. Each block's text remembers, word by word, the page, the line and column in
/// the page's plain text (what `pdftotext -f P -l P file -` prints) and the box it came from.
struct PDFExtractor {
    /// Where the page model comes from.
    var source: any PDFPageModelSource

    struct Result {
        var pages: Int
        var blocks: [Block]
    }

    func extract(bytes: [UInt8], path: String) throws(ExtractError) -> Result {
        if !Self.hasEndMarker(bytes) {
            throw .pdfDamaged(path: path, detail: "truncated: the file stops before its end-of-file marker")
        }
        let model = try source.pageModel(of: bytes, path: path)
        guard model.pages.contains(where: { page in page.words.contains { !$0.text.allSatisfy(\.isWhitespace) } }) else {
            throw .pdfNoTextLayer(path: path, pages: max(model.pages.count, 1))
        }
        return Result(pages: model.pages.count, blocks: DocumentLayout.blocks(of: model))
    }

    /// A complete PDF ends with `%%EOF` (followed at most by line ends or some padding);
    /// a file cut short by a failed download or copy does not.
    static func hasEndMarker(_ bytes: [UInt8]) -> Bool {
        Search.firstIndex(of: Array("%%EOF".utf8), in: bytes.suffix(2048)) != nil
    }
}
