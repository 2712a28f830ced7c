import AvanceCore

/// HTML pages and exports: the encoding decided in Swift, the markup parsed by
/// libxml2, the blocks built from the Swift copy of the tree.
enum HTMLExtractor {
    struct Result {
        var encoding: String
        var blocks: [Block]
    }

    static func extract(bytes: [UInt8]) -> Result? {
        let decoded = HTMLEncoding.decode(bytes)
        guard let nodes = HTMLTree.parse(utf8: Array(decoded.text.utf8)) else { return nil }
        var builder = HTMLBlockBuilder(source: decoded.text)
        return Result(encoding: decoded.encoding, blocks: builder.blocks(from: nodes))
    }
}
