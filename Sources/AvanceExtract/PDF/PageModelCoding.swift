/// The page model as bytes, for the answer a PDF worker sends back: little-endian numbers,
/// length-prefixed UTF-8, and each font's name once. Written and read by hand because the
/// model of a long report is tens of thousands of words: on a 10-page report JSONEncoder and
/// JSONDecoder took longer than poppler's reading of the file, this a small fraction of it
/// (see PageModelCodingTests).
///
/// Layout: fonts (count, then names), pages (count, then per page: number, width, height,
/// rotation or -1, word count, then per word: text, x, y, width, height, font index or -1,
/// size or NaN, flags (1 bold, 2 italic), block, line, text line or -1, text column or -1,
/// OCR confidence or NaN), image count, then per image: x, y, width, height.
extension PDFPageModel {
    func encoded() -> [UInt8] {
        var fonts: [String: Int32] = [:]
        var fontNames: [String] = []
        for page in pages {
            for word in page.words {
                if let font = word.font, fonts[font] == nil {
                    fonts[font] = Int32(fontNames.count)
                    fontNames.append(font)
                }
            }
        }
        var out = ByteWriter()
        out.reserve(64 + pages.reduce(0) { $0 + $1.words.count * 64 })
        out.write(UInt32(fontNames.count))
        for name in fontNames { out.write(name) }
        out.write(UInt32(pages.count))
        for page in pages {
            out.write(Int32(page.number))
            out.write(page.width)
            out.write(page.height)
            out.write(Int32(page.rotation ?? -1))
            out.write(UInt32(page.words.count))
            for word in page.words {
                out.write(word.text)
                out.write(word.box.x)
                out.write(word.box.y)
                out.write(word.box.width)
                out.write(word.box.height)
                out.write(word.font.flatMap { fonts[$0] } ?? -1)
                out.write(word.size ?? .nan)
                out.write(UInt8((word.isBold ? 1 : 0) | (word.isItalic ? 2 : 0)))
                out.write(Int32(word.block))
                out.write(Int32(word.line))
                out.write(Int32(word.textLine ?? -1))
                out.write(Int32(word.textColumn ?? -1))
                out.write(word.confidence ?? .nan)
            }
            out.write(UInt32(page.images.count))
            for image in page.images {
                out.write(image.x)
                out.write(image.y)
                out.write(image.width)
                out.write(image.height)
            }
        }
        return out.bytes
    }

    /// The model `encoded()` wrote; nil if the bytes are not one (cut short, or out of range).
    init?(decoding bytes: [UInt8]) {
        var input = ByteReader(bytes)
        guard let fontCount = input.read(UInt32.self) else { return nil }
        var fonts: [String] = []
        for _ in 0..<fontCount {
            guard let name = input.readString() else { return nil }
            fonts.append(name)
        }
        guard let pageCount = input.read(UInt32.self) else { return nil }
        var pages: [Page] = []
        for _ in 0..<pageCount {
            guard let number = input.read(Int32.self), let width = input.read(Double.self),
                  let height = input.read(Double.self), let rotation = input.read(Int32.self),
                  let wordCount = input.read(UInt32.self), Int(wordCount) <= input.remaining / 73
            else { return nil }
            var words: [Word] = []
            words.reserveCapacity(Int(wordCount))
            for _ in 0..<wordCount {
                guard let text = input.readString(), let x = input.read(Double.self), let y = input.read(Double.self),
                      let w = input.read(Double.self), let h = input.read(Double.self), let font = input.read(Int32.self),
                      font >= -1, font < Int32(fonts.count), let size = input.read(Double.self),
                      let flags = input.read(UInt8.self), let block = input.read(Int32.self), let line = input.read(Int32.self),
                      let textLine = input.read(Int32.self), let textColumn = input.read(Int32.self),
                      let confidence = input.read(Double.self)
                else { return nil }
                words.append(Word(
                    text: text, box: Box(x: x, y: y, width: w, height: h), font: font < 0 ? nil : fonts[Int(font)],
                    size: size.isNaN ? nil : size, isBold: flags & 1 != 0, isItalic: flags & 2 != 0,
                    block: Int(block), line: Int(line),
                    textLine: textLine < 0 ? nil : Int(textLine), textColumn: textColumn < 0 ? nil : Int(textColumn),
                    confidence: confidence.isNaN ? nil : confidence
                ))
            }
            guard let imageCount = input.read(UInt32.self), Int(imageCount) <= input.remaining / 32 else { return nil }
            var images: [Box] = []
            for _ in 0..<imageCount {
                guard let x = input.read(Double.self), let y = input.read(Double.self),
                      let w = input.read(Double.self), let h = input.read(Double.self)
                else { return nil }
                images.append(Box(x: x, y: y, width: w, height: h))
            }
            pages.append(Page(number: Int(number), width: width, height: height,
                              rotation: rotation < 0 ? nil : Int(rotation), words: words, images: images))
        }
        guard input.remaining == 0 else { return nil }
        self.init(pages: pages)
    }
}

/// Appends numbers (little-endian) and length-prefixed UTF-8 strings to a byte array.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            write(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }
}

/// Reads what `ByteWriter` wrote; every read says nil past the end.
struct ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }

    mutating func read<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { return nil }
        var value: T = 0
        withUnsafeMutableBytes(of: &value) { target in
            bytes.withUnsafeBytes { source in
                target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + size)]))
            }
        }
        offset += size
        return T(littleEndian: value)
    }

    mutating func read(_: Double.Type) -> Double? { read(UInt64.self).map(Double.init(bitPattern:)) }

    mutating func readString() -> String? {
        guard let count = read(UInt32.self), remaining >= Int(count) else { return nil }
        defer { offset += Int(count) }
        return String(decoding: bytes[offset..<(offset + Int(count))], as: UTF8.self)
    }

    /// The next `count` bytes as they are.
    mutating func readBytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }
}
