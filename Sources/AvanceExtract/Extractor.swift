import AvanceCore
import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads a file and turns it into an `ExtractedDocument`, choosing the format by content.
public struct Extractor: Sendable {
    public struct Options: Sendable {
        /// Seconds one PDF may take to read (pdftotext's run; the workers have their own).
        public var pdfTimeout: Double
        /// Larger files are refused rather than read into memory, whatever their format.
        public var maxBytes: Int
        /// The most bytes read of a file in each format (`maxBytes` for a format not listed):
        /// what a text or an HTML page costs to read grows with its length, many times over
        /// (every character's place is kept), so they are held to less than a PDF or a workbook.
        public var maxBytesByFormat: [SourceFormat: Int] = Options.defaultMaxBytes

        /// The limits when none is given: text and CSV 16 MiB, HTML 8 MiB, PDF and workbooks
        /// 256 MiB (a workbook's parts and cells have limits of their own). Reading text takes
        /// about 30 bytes of memory per byte at its peak, CSV 45, HTML 60 (measured with
        /// `Scripts/bench --large`): one file stays within about 500 MB.
        public static let defaultMaxBytes: [SourceFormat: Int] = [
            .text: 16 << 20, .csv: 16 << 20, .html: 8 << 20, .pdf: 256 << 20, .xlsx: 256 << 20, .xls: 256 << 20, .ods: 256 << 20,
        ]

        /// The most bytes read of a file in `format`.
        public func maxBytes(for format: SourceFormat) -> Int {
            min(maxBytes, maxBytesByFormat[format] ?? maxBytes)
        }
        /// An XLSX workbook whose XML parts decompress to more bytes than this (all parts read
        /// together, counted as they are decompressed) is refused: a zip bomb stops here.
        public var maxWorkbookBytes: Int
        /// A workbook or CSV file with more cells than this is refused (each cell becomes a
        /// value with its place: about 650 bytes each, measured on a 600,000-cell workbook, so a
        /// million take some 650 MB while it is read).
        public var maxCells: Int
        /// The pdftotext program; `nil` finds it on `PATH`.
        public var pdftotextPath: String?
        /// Worker processes that read PDFs with poppler's library (words, boxes and fonts);
        /// `nil` runs `pdftotext -bbox-layout` once per file instead (no fonts).
        public var pdfWorkers: PDFWorkerPool?
        /// Another source of page models, for tests; it takes precedence over both.
        var pdfPageSource: (any PDFPageModelSource)?
        /// Which PDF pages are read by OCR (Tesseract): by default those with no text layer.
        public var ocr: OCRMode = .auto
        /// The resolution scanned pages are rendered at for OCR (`AVANCE_OCR_DPI` in the
        /// environment sets another, for `Scripts/bench` to measure).
        /// OCR readings that may run at once across the files read (`--jobs`); `nil`: each
        /// file reads its pages one after another.
        public var ocrSlots: OCRSlots?
        /// The files read at once (`ingest --jobs`), for whoever runs extraction to take one
        /// (`WorkSlots.take`, then `giveBack`): a PDF read by a worker lends its slot meanwhile.
        /// `nil`: no limit, nothing lent.
        public var workSlots: WorkSlots?
        /// Told after each page (or picture) a file's OCR reads: the file, how many are read,
        /// of how many. For a progress display; called from the threads reading.
        public var ocrProgress: (@Sendable (_ path: String, _ done: Int, _ total: Int) -> Void)?
        public var ocrDPI: Int = ProcessInfo.processInfo.environment["AVANCE_OCR_DPI"].flatMap(Int.init)
            .map { min(max($0, 50), 1200) } ?? TesseractOCR().dpi

        public init(
            pdfTimeout: Double = 60, maxBytes: Int = 256 * 1024 * 1024, pdftotextPath: String? = nil,
            maxWorkbookBytes: Int = 256 * 1024 * 1024, maxCells: Int = 1_000_000
        ) {
            self.pdfTimeout = pdfTimeout
            self.maxBytes = maxBytes
            self.pdftotextPath = pdftotextPath
            self.maxWorkbookBytes = maxWorkbookBytes
            self.maxCells = maxCells
        }

        /// The engine that reads PDFs' pages.
        var pageSource: any PDFPageModelSource {
            pdfPageSource ?? pdfWorkers ?? PdftotextBBoxSource(timeout: pdfTimeout, pdftotextPath: pdftotextPath)
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// A file's bytes, read once, with what is known of them before extraction: their
    /// SHA-256 and the format their content shows. Whoever holds one can decide from the
    /// hash whether to extract at all; extraction takes it as it is.
    public struct Input: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var sha256: String
        /// The format the content shows, or binary.
        public var sniffed: FormatSniffer.Verdict
        /// The format the file name claims, if its extension says one.
        public var declaredFormat: SourceFormat?

        /// Hashes and sniffs bytes already read; `path` names them in errors and spans.
        public init(bytes: [UInt8], path: String) {
            self.path = path
            self.bytes = bytes
            sha256 = Extractor.sha256(bytes)
            sniffed = FormatSniffer.sniff(bytes, path: path)
            declaredFormat = FormatSniffer.declaredFormat(forPath: path)
        }
    }

    /// Reads, hashes and sniffs the file at `path`.
    public func read(path: String) throws(ExtractError) -> Input {
        Input(bytes: try Self.read(path: path, maxBytes: options.maxBytes), path: path)
    }

    /// Extracts the file at `path`.
    public func extract(path: String) throws(ExtractError) -> ExtractedDocument {
        try extract(read(path: path))
    }

    /// Extracts bytes already read; `path` names them in errors and spans.
    public func extract(bytes: [UInt8], path: String) throws(ExtractError) -> ExtractedDocument {
        try extract(Input(bytes: bytes, path: path))
    }

    /// Extracts a file read, in the format its content shows.
    public func extract(_ input: Input) throws(ExtractError) -> ExtractedDocument {
        let (path, bytes, sha) = (input.path, input.bytes, input.sha256)
        guard !bytes.isEmpty else { throw .empty(path: path) }
        switch input.sniffed {
        case .binary:
            // (A legacy workbook is sniffed as `.xls`.)
            if LegacyOffice.kind(of: bytes) == .encrypted { throw .encryptedOfficeFile(path: path) }
            // Named a legacy workbook, in the Office container, and no workbook in it: cut
            // short before the container's directory, or another Office file under that name.
            if input.declaredFormat == .xls, bytes.starts(with: LegacyOffice.signature) {
                throw .workbookDamaged(path: path, detail: "it is an Office compound file without a Workbook stream (a workbook cut short, or another Office document named .xls)")
            }
            throw .binary(path: path)
        case .format(let format):
            let limit = options.maxBytes(for: format)
            if bytes.count > limit { throw .tooLargeForFormat(path: path, format: format, bytes: bytes.count, limit: limit) }
            var document: ExtractedDocument
            switch format {
            case .text:
                let decoded = TextDecoding.decode(bytes)
                document = ExtractedDocument(
                    path: path, sha256: sha, format: .text, encoding: decoded.encoding,
                    blocks: TextExtractor().blocks(from: decoded.text)
                )
            case .html:
                guard let html = HTMLExtractor.extract(bytes: bytes) else { throw .noText(path: path) }
                document = ExtractedDocument(
                    path: path, sha256: sha, format: .html, encoding: html.encoding, blocks: html.blocks.map(LinkFilter.withBareLinks)
                )
            case .pdf:
                var ocr = TesseractOCR(dpi: options.ocrDPI)
                ocr.slots = options.ocrSlots
                if let report = options.ocrProgress {
                    ocr.progress = { @Sendable done, total in report(path, done, total) }
                }
                var extractor = PDFExtractor(source: options.pageSource, ocrMode: options.ocr, ocr: ocr, timeout: options.pdfTimeout)
                extractor.slots = options.workSlots
                let pdf = try extractor.extract(bytes: bytes, path: path)
                document = ExtractedDocument(
                    path: path, sha256: sha, format: .pdf, encoding: "UTF-8", pages: pdf.pages, blocks: pdf.blocks.map(LinkFilter.withBareLinks)
                )
                if !pdf.ocrPages.isEmpty { document.ocrPages = pdf.ocrPages }
            case .xlsx:
                let blocks = try SpreadsheetExtractor.xlsx(bytes, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .xlsx, encoding: "UTF-8", blocks: blocks)
            case .xls:
                let blocks = try SpreadsheetExtractor.xls(bytes, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .xls, encoding: "UTF-8", blocks: blocks)
            case .ods:
                let blocks = try SpreadsheetExtractor.ods(bytes, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .ods, encoding: "UTF-8", blocks: blocks)
            case .csv:
                let decoded = TextDecoding.decode(bytes)
                let blocks = try SpreadsheetExtractor.csv(decoded.text, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .csv, encoding: decoded.encoding, blocks: blocks)
            }
            document.blocks = BlockBounds.bounded(document.blocks)
            if let declared = input.declaredFormat, declared != format { document.declaredFormat = declared }
            guard document.blocks.contains(where: { !$0.text.isEmpty }) else { throw .noText(path: path) }
            return document
        }
    }

    /// The path that names standard input: `avance parse -` reads the report piped to it.
    public static let standardInput = "-"

    /// Reads a whole regular file (or standard input, for `-`), refusing what is not one
    /// (`FileCheck`: a folder, a FIFO, a device, a link loop) before opening it, and files over
    /// `maxBytes`. The cap holds while reading too: a file that grows, a `/proc` file whose size
    /// says 0, and standard input stop at it.
    static func read(path: String, maxBytes: Int) throws(ExtractError) -> [UInt8] {
        if path == standardInput { return try read(descriptor: STDIN_FILENO, path: path, maxBytes: maxBytes) }
        var st = stat()
        // The name as the system has it: bytes that are not UTF-8 included (`FileName`).
        let name = FileName.system(path)
        guard stat(name, &st) == 0 else {
            let code = errno
            if code == ENOENT, !FileCheck.isSymbolicLink(path) { throw .notFound(path: path) }
            throw .unreadable(path: path, reason: FileCheck.failure(path: path, code: code))
        }
        try refuseIrregular(st, path: path)
        if st.st_size > maxBytes { throw .tooLarge(path: path, bytes: Int(st.st_size), limit: maxBytes) }
        // O_NONBLOCK: a file swapped for a FIFO since the check must not wait for a writer
        // (it is refused below); on a regular file the flag changes nothing.
        let fd = open(name, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard fd >= 0 else { throw .unreadable(path: path, reason: FileCheck.failure(path: path, code: errno)) }
        defer { close(fd) }
        guard fstat(fd, &st) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        try refuseIrregular(st, path: path)
        return try read(descriptor: fd, path: path, maxBytes: maxBytes)
    }

    private static func refuseIrregular(_ st: stat, path: String) throws(ExtractError) {
        switch st.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFDIR: throw .isDirectory(path: path)
        default: throw .notRegular(path: path, kind: FileCheck.kind(mode: st.st_mode))
        }
    }

    /// Reads `descriptor` to its end, refusing more than `maxBytes`.
    static func read(descriptor fd: Int32, path: String, maxBytes: Int) throws(ExtractError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer in systemRead(fd, buffer.baseAddress, buffer.count) }
            if n == 0 { return bytes }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EAGAIN || code == EWOULDBLOCK {
                    // Standard input left non-blocking by whoever started avance: wait for data.
                    var wanted = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                    _ = poll(&wanted, 1, -1)
                    continue
                }
                throw .unreadable(path: path, reason: code == EISDIR ? "is a directory" : String(cString: strerror(code)))
            }
            if bytes.count + n > maxBytes { throw .tooLarge(path: path, bytes: bytes.count + n, limit: maxBytes) }
            bytes.append(contentsOf: chunk[..<n])
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
