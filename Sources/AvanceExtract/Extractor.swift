import AvanceCore
import Crypto
import Foundation

/// Reads a file and turns it into an `ExtractedDocument`, choosing the format by content.
public struct Extractor: Sendable {
    public struct Options: Sendable {
        /// Seconds pdftotext may run on one file before it is stopped.
        public var pdfTimeout: Double
        /// Larger files are refused rather than read into memory.
        public var maxBytes: Int
        /// An XLSX workbook whose XML parts decompress to more bytes than this (all parts read
        /// together, counted as they are decompressed) is refused: a zip bomb stops here.
        public var maxWorkbookBytes: Int
        /// A workbook or CSV file with more cells than this is refused (each cell becomes a
        /// value with its place: about 650 bytes each, measured on a 600,000-cell workbook, so a
        /// million take some 650 MB while it is read).
        public var maxCells: Int
        /// The pdftotext program; `nil` finds it on `PATH`.
        public var pdftotextPath: String?
        /// Where a PDF's page model (its words, boxes and fonts) comes from; `nil` runs
        /// `pdftotext -bbox-layout` once per file (`PdftotextBBoxSource`, with the two options above).
        var pdfPageSource: (any PDFPageModelSource)?

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
            pdfPageSource ?? PdftotextBBoxSource(timeout: pdfTimeout, pdftotextPath: pdftotextPath)
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
            switch LegacyOffice.kind(of: bytes) {
            case .workbook: throw .legacyWorkbook(path: path)
            case .encrypted: throw .encryptedOfficeFile(path: path)
            case nil: throw .binary(path: path)
            }
        case .format(let format):
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
                document = ExtractedDocument(path: path, sha256: sha, format: .html, encoding: html.encoding, blocks: html.blocks)
            case .pdf:
                let pdf = try PDFExtractor(source: options.pageSource).extract(bytes: bytes, path: path)
                document = ExtractedDocument(
                    path: path, sha256: sha, format: .pdf, encoding: "UTF-8", pages: pdf.pages, blocks: pdf.blocks
                )
            case .xlsx:
                let blocks = try SpreadsheetExtractor.xlsx(bytes, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .xlsx, encoding: "UTF-8", blocks: blocks)
            case .csv:
                let decoded = TextDecoding.decode(bytes)
                let blocks = try SpreadsheetExtractor.csv(decoded.text, path: path, options: options)
                document = ExtractedDocument(path: path, sha256: sha, format: .csv, encoding: decoded.encoding, blocks: blocks)
            }
            if let declared = input.declaredFormat, declared != format { document.declaredFormat = declared }
            guard document.blocks.contains(where: { !$0.text.isEmpty }) else { throw .noText(path: path) }
            return document
        }
    }

    /// Reads a whole regular file, refusing directories, missing files and files over `maxBytes`.
    static func read(path: String, maxBytes: Int) throws(ExtractError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .notFound(path: path)
        }
        if isDirectory.boolValue { throw .isDirectory(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, reason: "permission denied")
        }
        defer { try? handle.close() }
        do {
            let size = try handle.seekToEnd()
            if size > UInt64(maxBytes) { throw ExtractError.tooLarge(path: path, bytes: Int(size), limit: maxBytes) }
            try handle.seek(toOffset: 0)
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch let error as ExtractError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
