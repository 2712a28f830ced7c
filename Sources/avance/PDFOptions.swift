import ArgumentParser
import AvanceExtract

/// How PDFs are read, for every command that reads report files.
struct PDFOptions: ParsableArguments {
    /// The engine that reads a PDF's words, boxes and fonts.
    enum Engine: String, CaseIterable, ExpressibleByArgument {
        /// poppler's library, in worker processes avance starts once and supervises.
        case poppler
        /// One `pdftotext -bbox-layout` run per file (no fonts: headings by size only).
        case pdftotext
    }

    @Option(name: .customLong("pdf-engine"), help: "How PDFs are read: poppler (poppler's library in worker processes avance supervises; the default) or pdftotext (one pdftotext run per file, no fonts).")
    var engine: Engine = .poppler

    @Option(name: .customLong("pdf-timeout"), help: ArgumentHelp("Seconds one PDF may take to read (OCR included); past it the file fails and the next goes on.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(name: .customLong("ocr"), help: ArgumentHelp("Which PDF pages are read by OCR (Tesseract, Spanish): auto (pages with no text layer, a scan; the default), always (every page), never.", valueName: "mode"))
    var ocr: OCRMode = .auto

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--pdf-timeout must be a positive number of seconds.") }
    }

    /// Sets `options` to read PDFs this way, with up to `workers` files at once and up to
    /// `ocrJobs` pages read by OCR at once (a file's scanned pages share them). The workers
    /// start when the first PDF comes and stop with the returned pool (or with avance).
    func configure(_ options: inout Extractor.Options, workers: Int, ocrJobs: Int? = nil) {
        options.pdfTimeout = timeout
        options.ocr = ocr
        options.ocrSlots = OCRSlots(max(1, ocrJobs ?? workers))
        switch engine {
        case .poppler:
            options.pdfWorkers = PDFWorkerPool(
                command: [PDFWorkerPool.currentExecutable, "pdf-worker"], workers: max(1, workers), timeout: timeout
            )
        case .pdftotext:
            options.pdfWorkers = nil
        }
    }
}

extension OCRMode: ExpressibleByArgument {}
