import AvanceCore

/// Why a file could not be turned into a document. Each case names what a user
/// needs to act on it; `description` is the one line printed for the file.
/// Codable so that a PDF worker process can send it back to the avance that asked.
public enum ExtractError: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    case notFound(path: String)
    case isDirectory(path: String)
    /// A FIFO, a socket or a device (`FileCheck.kind`): never opened, so never waited on.
    case notRegular(path: String, kind: String)
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case binary(path: String)
    case tooLarge(path: String, bytes: Int, limit: Int)
    /// Larger than the most avance reads of its format (`Extractor.Options.maxBytes(for:)`).
    case tooLargeForFormat(path: String, format: SourceFormat, bytes: Int, limit: Int)
    /// Reading it took longer than the time limit for one file; it was given up.
    case timedOut(path: String, seconds: Double)
    /// The text holds no words at all once decoded (only white space or markup).
    case noText(path: String)
    // PDF
    case pdftotextMissing(path: String)
    /// To become `pdfTimedOut(engine: "pdftotext")` when the PDF extractor moves to `PDFWorkerPool`.
    case pdftotextTimedOut(path: String, seconds: Double)
    case pdfEncrypted(path: String)
    case pdfDamaged(path: String, detail: String)
    case pdfNoTextLayer(path: String, pages: Int)
    /// OCR was needed (pages with no text layer) but cannot run: a program or Tesseract's
    /// language data is missing.
    case ocrUnavailable(path: String, detail: String)
    /// A program of the OCR (pdftoppm, tesseract) failed on a page.
    case ocrFailed(path: String, page: Int, detail: String)
    /// The PDF has no text layer, and OCR found no words on its pages either.
    case ocrFoundNoText(path: String, pages: Int)
    case pdftotextFailed(path: String, status: Int32, detail: String)
    /// The engine (`PDFWorkerPool.engine`, or pdftotext) overstayed the time limit and was killed.
    case pdfTimedOut(path: String, engine: String, seconds: Double)
    /// The worker process reading the file died on it (a crash in the C library, a kill).
    case pdfReaderStopped(path: String, detail: String)
    /// No worker process could be started (the command is missing or not executable).
    case pdfReaderUnavailable(path: String, detail: String)
    // Spreadsheets
    /// An XLSX workbook that cannot be read: its ZIP container or one of its XML parts is
    /// broken, or a part it names is missing.
    case workbookDamaged(path: String, detail: String)
    /// The workbook's parts would decompress to more than `limit` bytes (a zip bomb, or a
    /// workbook far larger than any report), or it has more ZIP entries than any workbook has.
    case workbookTooLarge(path: String, limit: Int, what: String)
    /// More than `limit` cells in one workbook or CSV file.
    case tooManyCells(path: String, limit: Int)
    /// A password-protected Office file (a workbook or a document: an encrypted package inside
    /// an OLE2 compound file).
    case encryptedOfficeFile(path: String)

    public var path: String {
        switch self {
        case .notFound(let p), .isDirectory(let p), .notRegular(let p, _), .unreadable(let p, _), .empty(let p), .binary(let p),
             .tooLarge(let p, _, _), .tooLargeForFormat(let p, _, _, _), .timedOut(let p, _), .noText(let p), .pdftotextMissing(let p), .pdftotextTimedOut(let p, _),
             .pdfEncrypted(let p), .pdfDamaged(let p, _), .pdfNoTextLayer(let p, _), .pdftotextFailed(let p, _, _),
             .ocrUnavailable(let p, _), .ocrFailed(let p, _, _), .ocrFoundNoText(let p, _),
             .pdfTimedOut(let p, _, _), .pdfReaderStopped(let p, _), .pdfReaderUnavailable(let p, _),
             .workbookDamaged(let p, _), .workbookTooLarge(let p, _, _), .tooManyCells(let p, _),
             .encryptedOfficeFile(let p):
            return p
        }
    }

    /// The reason alone, without the file name.
    public var reason: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "is a directory, not a report file"
        case .notRegular(_, let kind): FileCheck.notRegular(kind: kind)
        case .unreadable(_, let reason): "cannot be read: \(reason)"
        case .empty: "the file is empty"
        case .binary: "binary data, not a PDF, HTML, text, CSV or spreadsheet (XLSX, XLS, ODS) report"
        case .tooLarge(_, let bytes, let limit): "too large (\(bytes) bytes; the limit is \(ByteSize.text(limit)), see --max-size)"
        case .tooLargeForFormat(_, let format, let bytes, let limit):
            "too large for \(format.sizeName) (\(bytes) bytes; the limit for \(format.rawValue) is \(ByteSize.text(limit)), see --max-size)"
        case .timedOut(_, let seconds):
            "reading it took longer than \(Self.format(seconds)) s and was given up (see --time-limit)"
        case .noText: "no text in the file"
        case .pdftotextMissing:
            "pdftotext is not installed; install poppler-utils (apt-get install poppler-utils)"
        case .pdftotextTimedOut(_, let seconds):
            "pdftotext did not finish within \(Self.format(seconds)) s and was stopped"
        case .pdfEncrypted: "the PDF is encrypted (password protected); avance cannot read it"
        case .pdfDamaged(_, let detail): "the PDF is damaged or truncated (\(detail))"
        case .pdfNoTextLayer(_, let pages):
            "the PDF has no text layer (\(pages) page\(pages == 1 ? "" : "s") of images, a scan); it would need OCR, which --ocr never turns off"
        case .ocrUnavailable(_, let detail):
            "the PDF has pages with no text layer (a scan) and OCR cannot run: \(detail)"
        case .ocrFailed(_, let page, let detail): "OCR of page \(page) failed: \(detail)"
        case .ocrFoundNoText(_, let pages):
            "the PDF has no text layer (\(pages) page\(pages == 1 ? "" : "s") of images, a scan), and OCR (Tesseract, Spanish) found no words on \(pages == 1 ? "it" : "them"): the images hold no legible text"
        case .pdftotextFailed(_, let status, let detail): "pdftotext failed with status \(status): \(detail)"
        case .pdfTimedOut(_, let engine, let seconds):
            "\(engine) did not finish within \(Self.format(seconds)) s and was stopped"
        case .pdfReaderStopped(_, let detail): "the PDF reader stopped on this file (\(detail))"
        case .pdfReaderUnavailable(_, let detail): "the PDF reader could not be started: \(detail)"
        case .workbookDamaged(_, let detail): "the workbook is damaged: \(detail)"
        case .workbookTooLarge(_, let limit, let what):
            "refused: \(what) (the limit is \(limit)); a zip bomb, or far larger than any report"
        case .tooManyCells(_, let limit): "refused: more than \(limit) cells (the limit for one workbook or CSV file)"
        case .encryptedOfficeFile: "the Office file is encrypted (password protected); avance cannot read it"
        }
    }

    public var description: String { "\(path): \(reason)" }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
