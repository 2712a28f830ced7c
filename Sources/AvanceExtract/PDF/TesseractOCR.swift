import Foundation
import Synchronization

/// When a PDF's pages are read by OCR.
public enum OCRMode: String, Sendable, CaseIterable, Codable {
    /// Only pages with no text layer (a scan): the default.
    case auto
    /// Every page, its text layer ignored (a scan under a poor invisible text layer).
    case always
    /// No page: a PDF with no text layer fails, saying it would need OCR.
    case never
}

/// OCR of a PDF's scanned pages into the same page model as a text layer's words: each page
/// rendered by poppler (`pdftoppm`, grey, at `dpi`), read by Tesseract with its Spanish data
/// (`tesseract IMAGE BASE -l spa hocr`) once the rules of tables are taken out of the picture
/// (`GreyImage.removeRules`), and its words, with their boxes and confidences, turned
/// into `PDFPageModel.Word`s in PDF points. Two programs per page, each with an argument array
/// (never a shell) under the file's deadline; their files live in a private temporary folder
/// removed when the file is done.
///
/// From hOCR, not TSV: hOCR gives every line its baseline and its estimated font size
/// (`x_size`), so a word's box and size can be a text layer's (the line's height from its
/// baseline, the same for every word of the line) instead of the height of the letters each
/// word happens to have; the layout's headings compare sizes. A page scanned a little askew
/// (its lines' baselines slope) has its words turned back around the page's centre, so rows
/// and columns line up as on the paper.
///
/// Tesseract runs single-threaded (`OMP_THREAD_LIMIT=1`): files are read in parallel by
/// `--jobs` already, and its own threads only fight them.
struct TesseractOCR: Sendable {
    /// The resolution pages are rendered at. Measured on the scanned samples (`Scripts/bench
    /// --ocr`): 300 dpi reads as many words right as 400 and more than 200, for about a third
    /// more time than 200 (see docs/parsing.md).
    var dpi: Int = 300
    /// Tesseract's language data: Spanish (Debian `tesseract-ocr-spa`).
    var language = "spa"
    var pdftoppmPath: String?
    var tesseractPath: String?

    /// Readings that may run at once, shared by every file read in this process; `nil`: one
    /// reading at a time for this file.
    var slots: OCRSlots?
    /// Told before the first reading and after each: how many of the file's pages (and
    /// pictures) are read, of how many.
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// How errors and timeouts name this engine.
    static let engine = "OCR (Tesseract)"

    /// The most pixels a page is rendered to: a legal-size page at 300 dpi is 12.6 million.
    static let maximumPixels = 40_000_000

    /// What to read: a whole page (1-based `number`, its size in points as displayed), or only
    /// the `area` of it (points from its top-left corner) where a picture is drawn.
    struct Request: Sendable {
        var number: Int
        var width: Double
        var height: Double
        var area: PDFPageModel.Box? = nil
    }

    /// The words of each request, in the same order, each list in Tesseract's reading order,
    /// and how far (degrees clockwise) the page was turned to read it (0 unless a whole page was
    /// scanned sideways). The words of an area stand where the area is on its page.
    func words(
        pdf: URL, requests: [Request], folder: URL, deadline: DispatchTime, timeout: Double, path: String
    ) throws(ExtractError) -> [(words: [PDFPageModel.Word], rotation: Int)] {
        guard let pdftoppm = pdftoppmPath ?? Subprocess.find("pdftoppm") else {
            throw .ocrUnavailable(path: path, detail: "pdftoppm is not installed (apt-get install poppler-utils)")
        }
        guard let tesseract = tesseractPath ?? Subprocess.find("tesseract") else {
            throw .ocrUnavailable(path: path, detail: "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-spa)")
        }
        let readOne = { @Sendable (n: Int) throws(ExtractError) -> (words: [PDFPageModel.Word], rotation: Int) in
            try read(requests[n], index: n, pdf: pdf, pdftoppm: pdftoppm, tesseract: tesseract, folder: folder,
                     deadline: deadline, timeout: timeout, path: path)
        }
        progress?(0, requests.count)
        guard let slots, slots.count > 1, requests.count > 1 else {
            var result: [(words: [PDFPageModel.Word], rotation: Int)] = []
            for n in requests.indices {
                result.append(try readOne(n))
                progress?(n + 1, requests.count)
            }
            return result
        }
        // Pages read side by side, each as soon as a slot is free: a lone scanned file takes
        // the cores that `--jobs` gives and no other file is using; many take one each.
        let state = Mutex((next: 0, done: 0, results: [Int: (words: [PDFPageModel.Word], rotation: Int)](), error: ExtractError?.none))
        DispatchQueue.concurrentPerform(iterations: min(slots.count, requests.count)) { _ in
            while true {
                let n: Int? = state.withLock { s in
                    guard s.error == nil, s.next < requests.count else { return nil }
                    defer { s.next += 1 }
                    return s.next
                }
                guard let n else { return }
                let outcome: Result<(words: [PDFPageModel.Word], rotation: Int), ExtractError>
                do throws(ExtractError) {
                    outcome = .success(try slots.withSlot(until: deadline, timeout: timeout, path: path) { () throws(ExtractError) in try readOne(n) })
                } catch {
                    outcome = .failure(error)
                }
                let done: Int? = state.withLock { s in
                    switch outcome {
                    case .success(let page):
                        s.results[n] = page
                        s.done += 1
                        return s.done
                    case .failure(let error):
                        if s.error == nil { s.error = error }
                        return nil
                    }
                }
                if let done { progress?(done, requests.count) }
            }
        }
        let (results, error) = state.withLock { ($0.results, $0.error) }
        if let error { throw error }
        return requests.indices.map { results[$0]! }
    }

    /// One request: rendered, its rules taken out, read (and turned and read again when a whole
    /// page reads poorly and Tesseract says it stands sideways).
    private func read(
        _ request: Request, index: Int, pdf: URL, pdftoppm: String, tesseract: String, folder: URL,
        deadline: DispatchTime, timeout: Double, path: String
    ) throws(ExtractError) -> (words: [PDFPageModel.Word], rotation: Int) {
        let page = (number: request.number, width: request.width, height: request.height)
        let base = folder.appendingPathComponent("page-\(page.number)-\(index)")
        let image = base.path + ".pgm"
        // A poster-sized page (a MIR of 44 × 34 inches) is rendered at less, to at most
        // `maximumPixels`: at 300 dpi it would be a picture of 130 million pixels.
        let area = max(page.width * page.height, 1) / (72 * 72)
        let dpi = max(72, min(self.dpi, Int((Double(Self.maximumPixels) / area).squareRoot())))
        var arguments = ["-f", String(page.number), "-l", String(page.number), "-r", String(dpi), "-gray", "-singlefile"]
        // An area: only its pixels, the same pixels the whole page's picture has there.
        var origin = (x: 0.0, y: 0.0), size = (width: page.width, height: page.height)
        if let box = request.area {
            let scale = Double(dpi) / 72
            let x = Int((box.x * scale).rounded(.down)), y = Int((box.y * scale).rounded(.down))
            let w = max(1, Int((box.maxX * scale).rounded(.up)) - x), h = max(1, Int((box.maxY * scale).rounded(.up)) - y)
            arguments += ["-x", String(x), "-y", String(y), "-W", String(w), "-H", String(h)]
            origin = (Double(x) / scale, Double(y) / scale)
            size = (Double(w) / scale, Double(h) / scale)
        }
        try run(pdftoppm, arguments + [pdf.path, base.path], what: "pdftoppm", page: page.number,
                deadline: deadline, timeout: timeout, path: path)
        defer { try? FileManager.default.removeItem(atPath: image) }
        // Table rules read as letters (`|`, `l`, `L]`) and break Tesseract's lines: they go first.
        var picture = GreyImage(pgm: (try? Data(contentsOf: URL(fileURLWithPath: image))).map { [UInt8]($0) } ?? [])
        if picture != nil {
            picture!.removeRules(minimumLength: dpi / 5)
            try? Data(picture!.pgm).write(to: URL(fileURLWithPath: image))
        }
        var hocr = try read(image, base: base, tesseract: tesseract, page: page, deadline: deadline, timeout: timeout, path: path)
        // A page scanned a quarter turn off (a landscape table fed sideways) reads as little or
        // nothing: Tesseract's orientation detection says how far to turn it, and the picture
        // is turned and read again. Its words then stand on the page turned upright, which the
        // page's rotation says. (A picture on a text page is read as it stands.)
        var rotation = 0
        if request.area == nil, Self.readsPoorly(hocr), var turned = picture,
           let turn = try orientation(image, base: base, tesseract: tesseract, page: page, deadline: deadline, timeout: timeout, path: path),
           turn != 0 {
            turned.rotate(clockwise: turn)
            try? Data(turned.pgm).write(to: URL(fileURLWithPath: image))
            let again = try read(image, base: base, tesseract: tesseract, page: page, deadline: deadline, timeout: timeout, path: path)
            let upright = turn == 180 ? (page.width, page.height) : (page.height, page.width)
            let words2 = Self.words(hocr: again, width: upright.0, height: upright.1)
            if Self.meanConfidence(words2) > Self.meanConfidence(Self.words(hocr: hocr, width: page.width, height: page.height)) {
                hocr = again
                size = (upright.0, upright.1)
                rotation = turn
            }
        }
        var words = Self.words(hocr: hocr, width: size.width, height: size.height)
        if origin != (0, 0) {
            for i in words.indices {
                words[i].box.x += origin.x
                words[i].box.y += origin.y
            }
        }
        return (words, rotation)
    }

    /// Tesseract's hOCR of the picture at `image`.
    private func read(
        _ image: String, base: URL, tesseract: String, page: (number: Int, width: Double, height: Double),
        deadline: DispatchTime, timeout: Double, path: String
    ) throws(ExtractError) -> [UInt8] {
        // Tesseract's own search for tables splits a table's cells into columns of stray
        // fragments; the layout finds tables from the words' places instead.
        try run(tesseract, [image, base.path, "-l", language, "-c", "textord_tabfind_find_tables=0", "hocr"],
                what: "tesseract", page: page.number, deadline: deadline, timeout: timeout, path: path,
                environment: ["OMP_THREAD_LIMIT=1"])
        defer { try? FileManager.default.removeItem(atPath: base.path + ".hocr") }
        return (try? Data(contentsOf: URL(fileURLWithPath: base.path + ".hocr"))).map { [UInt8]($0) } ?? []
    }

    /// How far (degrees clockwise: 90, 180 or 270) Tesseract's orientation detection (`--psm 0`)
    /// says the picture must turn to stand upright; nil when it cannot tell.
    private func orientation(
        _ image: String, base: URL, tesseract: String, page: (number: Int, width: Double, height: Double),
        deadline: DispatchTime, timeout: Double, path: String
    ) throws(ExtractError) -> Int? {
        do {
            try run(tesseract, [image, base.path, "--psm", "0"], what: "tesseract", page: page.number,
                    deadline: deadline, timeout: timeout, path: path, environment: ["OMP_THREAD_LIMIT=1"])
        } catch {
            // Too little text to tell (or no orientation data): read as it stands.
            if case .ocrFailed = error { return nil }
            throw error
        }
        defer { try? FileManager.default.removeItem(atPath: base.path + ".osd") }
        let osd = (try? String(contentsOfFile: base.path + ".osd", encoding: .utf8)) ?? ""
        var rotate: Int?, confidence = 0.0
        for line in osd.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            if parts[0] == "Rotate" { rotate = Int(parts[1]) }
            if parts[0] == "Orientation confidence" { confidence = Double(parts[1]) ?? 0 }
        }
        guard let rotate, [90, 180, 270].contains(rotate), confidence >= 1 else { return nil }
        return rotate
    }

    /// Few words, or words Tesseract is mostly unsure of: a page it may be reading sideways.
    static func readsPoorly(_ hocr: [UInt8]) -> Bool {
        let words = words(hocr: hocr, width: 1, height: 1)
        return words.count < 10 || meanConfidence(words) < 60
    }

    static func meanConfidence(_ words: [PDFPageModel.Word]) -> Double {
        words.isEmpty ? 0 : words.reduce(0) { $0 + ($1.confidence ?? 0) } / Double(words.count)
    }

    private func run(
        _ program: String, _ arguments: [String], what: String, page: Int, deadline: DispatchTime, timeout: Double,
        path: String, environment: [String] = []
    ) throws(ExtractError) {
        let outcome: Subprocess.Outcome
        do {
            let errorFile = URL(fileURLWithPath: arguments[arguments.count - 1] + "." + what + ".stderr")
            defer { try? FileManager.default.removeItem(at: errorFile) }
            outcome = try Subprocess.run(program, arguments, errorFile: errorFile, deadline: deadline, environment: environment)
        } catch {
            switch error {
            case .cannotStart(let reason): throw .ocrUnavailable(path: path, detail: "\(program) could not start: \(reason)")
            }
        }
        switch outcome {
        case .timedOut:
            throw .pdfTimedOut(path: path, engine: Self.engine, seconds: timeout)
        case .exited(0, _):
            return
        case .exited(let status, let stderr):
            if what == "tesseract", stderr.contains("Failed loading language") || stderr.contains("Error opening data file") {
                throw .ocrUnavailable(
                    path: path, detail: "Tesseract has no \(language) language data (apt-get install tesseract-ocr-\(language))"
                )
            }
            let detail = stderr.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            throw .ocrFailed(path: path, page: page, detail: "\(what) exited with status \(status)\(detail.isEmpty ? "" : ": " + detail)")
        }
    }

    // MARK: - hOCR

    /// A line of hOCR: its box and baseline in pixels, its estimated font size, its words.
    struct Line {
        var box: (x0: Double, y0: Double, x1: Double, y1: Double)
        /// `baseline m c`: the baseline is y = y1 + c + m (x − x0).
        var slope: Double
        var offset: Double
        var size: Double
        var descenders: Double
        var block: Int
        var words: [(text: String, box: (x0: Double, y0: Double, x1: Double, y1: Double), confidence: Double)]
    }

    /// The words of one page's hOCR, in points on a page `width` × `height` as displayed.
    static func words(hocr: [UInt8], width: Double, height: Double) -> [PDFPageModel.Word] {
        var image: (width: Double, height: Double)?
        var lines: [Line] = []
        var block = -1
        func walk(_ node: HTMLNode) {
            let kind = node.attribute("class") ?? ""
            let title = properties(node.attribute("title") ?? "")
            switch kind {
            case "ocr_page":
                if let b = title["bbox"], b.count == 4 { image = (b[2] - b[0], b[3] - b[1]) }
            case "ocr_carea":
                block += 1
            case "ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat":
                guard let b = title["bbox"], b.count == 4 else { return }
                let baseline = title["baseline"] ?? [0, 0]
                var line = Line(
                    box: (b[0], b[1], b[2], b[3]), slope: baseline.first ?? 0, offset: baseline.count > 1 ? baseline[1] : 0,
                    size: title["x_size"]?.first ?? (b[3] - b[1]), descenders: title["x_descenders"]?.first ?? 0,
                    block: max(block, 0), words: []
                )
                for child in node.children where child.attribute("class") == "ocrx_word" {
                    let p = properties(child.attribute("title") ?? "")
                    let text = Self.text(of: child).trimmingCharacters(in: .whitespacesAndNewlines)
                    guard let wb = p["bbox"], wb.count == 4, !text.isEmpty, let confidence = p["x_wconf"]?.first,
                          confidence >= 0, !isNoise(text, confidence: confidence) else { continue }
                    line.words.append((text, (wb[0], wb[1], wb[2], wb[3]), confidence))
                }
                if !line.words.isEmpty { lines.append(line) }
                return
            default:
                break
            }
            for child in node.children { walk(child) }
        }
        for node in HTMLTree.parse(utf8: hocr) ?? [] { walk(node) }
        guard let image, image.width > 0, image.height > 0, !lines.isEmpty else { return [] }
        let sx = width / image.width, sy = height / image.height
        // The page's skew: the median slope of the baselines of lines long enough to tell.
        let slopes = lines.filter { $0.words.count >= 3 }.map(\.slope).sorted()
        let skew = slopes.isEmpty ? 0 : slopes[slopes.count / 2]
        let angle = abs(skew) < 0.0005 ? 0 : -atan(skew)
        let (cx, cy) = (image.width / 2, image.height / 2)
        let (cosA, sinA) = (cos(angle), sin(angle))
        var words: [PDFPageModel.Word] = []
        for (n, line) in lines.enumerated() {
            for w in line.words {
                // The word's baseline where it starts, turned back by the page's skew.
                let x = w.box.x0
                let baseline = line.box.y1 + line.offset + line.slope * (x - line.box.x0)
                let rx = cx + (x - cx) * cosA - (baseline - cy) * sinA
                let ry = cy + (x - cx) * sinA + (baseline - cy) * cosA
                let top = ry - (line.size - line.descenders)
                words.append(PDFPageModel.Word(
                    text: w.text,
                    box: PDFPageModel.Box(x: rx * sx, y: top * sy, width: (w.box.x1 - w.box.x0) * sx, height: line.size * sy),
                    font: nil, size: line.size * sy, isBold: false, isItalic: false, block: line.block, line: n,
                    confidence: w.confidence
                ))
            }
        }
        return words
    }

    /// What a speck of dust or a remnant of a table's rule reads as: only rule-like characters
    /// (`|`), or only punctuation read with little confidence.
    static func isNoise(_ text: String, confidence: Double) -> Bool {
        if text.allSatisfy({ "|¦[]".contains($0) }) { return true }
        return confidence < 60 && !text.contains { $0.isLetter || $0.isNumber }
    }

    /// `bbox 559 85 1142 102; baseline 0.002 -6; x_wconf 95` → the numbers of each property.
    static func properties(_ title: String) -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        for part in title.split(separator: ";") {
            let fields = part.split(separator: " ")
            guard let key = fields.first else { continue }
            result[String(key)] = fields.dropFirst().compactMap { Double($0) }
        }
        return result
    }

    private static func text(of node: HTMLNode) -> String {
        if case .text(let t) = node.kind { return t }
        return node.children.map(text(of:)).joined()
    }
}

/// How many OCR readings (a page or a picture: one pdftoppm and one or two tesseract runs)
/// may run at once in this process, shared by every file being read: `--jobs` of them. A file
/// with several scanned pages reads them side by side while slots are free, so a lone scanned
/// file in a batch uses the cores the other jobs leave idle, and many scanned files at once
/// run no more Tesseracts than there are jobs.
public final class OCRSlots: Sendable {
    public let count: Int
    private let semaphore: DispatchSemaphore

    public init(_ count: Int) {
        self.count = max(1, count)
        semaphore = DispatchSemaphore(value: max(1, count))
    }

    /// `body` run in a slot, waiting for one until the file's deadline.
    func withSlot<T>(
        until deadline: DispatchTime, timeout: Double, path: String, _ body: () throws(ExtractError) -> T
    ) throws(ExtractError) -> T {
        guard semaphore.wait(timeout: deadline) == .success else {
            throw .pdfTimedOut(path: path, engine: TesseractOCR.engine, seconds: timeout)
        }
        defer { semaphore.signal() }
        return try body()
    }
}

/// A page rendered in grey (`pdftoppm -gray`: binary PGM, one byte a pixel), as far as OCR
/// needs it: the rules of a table's grid removed before Tesseract reads it.
struct GreyImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    /// `P5 WIDTH HEIGHT 255` then the pixels; nil for anything else.
    init?(pgm bytes: [UInt8]) {
        var fields: [Int] = []
        var i = 2
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "P"), bytes[1] == UInt8(ascii: "5") else { return nil }
        while fields.count < 3, i < bytes.count {
            while i < bytes.count, bytes[i] == 32 || bytes[i] == 10 || bytes[i] == 13 || bytes[i] == 9 { i += 1 }
            if i < bytes.count, bytes[i] == UInt8(ascii: "#") {
                while i < bytes.count, bytes[i] != 10 { i += 1 }
                continue
            }
            var n = 0, digits = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57, digits < 9 {
                n = n * 10 + Int(bytes[i] - 48)
                i += 1
                digits += 1
            }
            guard digits > 0 else { return nil }
            fields.append(n)
        }
        i += 1
        guard fields.count == 3, fields[2] == 255, fields[0] > 0, fields[1] > 0,
              bytes.count - i == fields[0] * fields[1] else { return nil }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[i...])
    }

    var pgm: [UInt8] { Array("P5\n\(width) \(height)\n255\n".utf8) + pixels }

    /// Turns the picture `degrees` clockwise (90, 180 or 270).
    mutating func rotate(clockwise degrees: Int) {
        let (w, h) = (width, height)
        var out = [UInt8](repeating: 255, count: w * h)
        pixels.withUnsafeBufferPointer { p in
            out.withUnsafeMutableBufferPointer { o in
                switch degrees {
                case 90: // the new picture is h wide: (x, y) goes to (h - 1 - y, x)
                    for y in 0..<h { for x in 0..<w { o[x * h + (h - 1 - y)] = p[y * w + x] } }
                case 180:
                    for i in 0..<(w * h) { o[w * h - 1 - i] = p[i] }
                case 270: // (x, y) goes to (y, w - 1 - x)
                    for y in 0..<h { for x in 0..<w { o[(w - 1 - x) * h + y] = p[y * w + x] } }
                default:
                    for i in 0..<(w * h) { o[i] = p[i] }
                }
            }
        }
        pixels = out
        if degrees == 90 || degrees == 270 { (width, height) = (h, w) }
    }

    /// Whitens every straight dark run at least `minimumLength` pixels long, across or down
    /// (with the pixel on either side of it, where a rule's grey edge lies): the rules and
    /// borders of tables. The strokes of letters are far shorter; an underline goes too, which
    /// OCR is better without. A rule on a page scanned a little askew is still found piece by
    /// piece: it keeps to one row of pixels for about 1/tan(angle) pixels. A run is a rule only
    /// where the picture is light a little above and below it (or either side of it): a dark
    /// band, a filled cell or a photograph, with letters on it, is no rule and stays.
    mutating func removeRules(minimumLength: Int, dark: UInt8 = 160) {
        let (w, h) = (width, height)
        guard minimumLength > 1 else { return }
        // The thickest rule: about 1/40 of an inch when `minimumLength` is 1/5 of an inch.
        let thickness = max(3, minimumLength / 8)
        var rule = [Bool](repeating: false, count: w * h)
        pixels.withUnsafeBufferPointer { p in
            /// Whether most of the pixels of a run, moved by `dx` and `dy`, are dark.
            func shiftedIsDark(_ start: Int, _ end: Int, across: Bool, at line: Int) -> Bool {
                guard across ? (line >= 0 && line < h) : (line >= 0 && line < w) else { return false }
                var count = 0
                for k in start..<end where p[across ? line * w + k : k * w + line] < dark { count += 1 }
                return count * 2 > end - start
            }
            rule.withUnsafeMutableBufferPointer { r in
                for y in 0..<h {
                    var x = 0
                    while x < w {
                        guard p[y * w + x] < dark else { x += 1; continue }
                        var end = x
                        while end < w, p[y * w + end] < dark { end += 1 }
                        if end - x >= minimumLength,
                           !shiftedIsDark(x, end, across: true, at: y - thickness), !shiftedIsDark(x, end, across: true, at: y + thickness) {
                            for yy in max(0, y - 1)...min(h - 1, y + 1) { for xx in x..<end { r[yy * w + xx] = true } }
                        }
                        x = end
                    }
                }
                for x in 0..<w {
                    var y = 0
                    while y < h {
                        guard p[y * w + x] < dark else { y += 1; continue }
                        var end = y
                        while end < h, p[end * w + x] < dark { end += 1 }
                        if end - y >= minimumLength,
                           !shiftedIsDark(y, end, across: false, at: x - thickness), !shiftedIsDark(y, end, across: false, at: x + thickness) {
                            for yy in y..<end { for xx in max(0, x - 1)...min(w - 1, x + 1) { r[yy * w + xx] = true } }
                        }
                        y = end
                    }
                }
            }
        }
        pixels.withUnsafeMutableBufferPointer { p in
            rule.withUnsafeBufferPointer { r in
                for i in 0..<(w * h) where r[i] { p[i] = 255 }
            }
        }
    }
}
