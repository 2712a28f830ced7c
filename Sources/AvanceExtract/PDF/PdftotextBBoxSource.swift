import Foundation

/// The page model from one `pdftotext -bbox-layout` run: poppler's flows, blocks, lines and
/// words with their boxes, as XHTML, read with libxml2 (`HTMLTree`). It has no fonts, so every
/// word is regular and its size is its box's height. The engine avance falls back on where
/// poppler's library is not at hand.
struct PdftotextBBoxSource: PDFPageModelSource {
    /// Seconds pdftotext may run on one file.
    var timeout: Double
    /// The pdftotext executable to use; `nil` looks it up on `PATH`.
    var pdftotextPath: String?

    func pageModel(of bytes: [UInt8], path: String) throws(ExtractError) -> PDFPageModel {
        guard let pdftotext = pdftotextPath ?? Subprocess.find("pdftotext"),
              FileManager.default.isExecutableFile(atPath: pdftotext)
        else { throw .pdftotextMissing(path: path) }

        // pdftotext reads a private copy: the bytes hashed are the bytes read, even if
        // the original is still being written, and no file name reaches its argument list.
        let folder: URL
        do {
            folder = try TemporaryFiles.making(named: "pdf") { folder in
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                guard FileManager.default.createFile(atPath: folder.appendingPathComponent("input.pdf").path, contents: Data(bytes)) else {
                    try? FileManager.default.removeItem(at: folder)
                    throw StagingFailure(reason: "cannot write a temporary copy in \(folder.path)")
                }
                return folder
            }
        } catch let failure as StagingFailure {
            throw .unreadable(path: path, reason: failure.reason)
        } catch {
            throw .unreadable(path: path, reason: "cannot create a temporary folder: \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("input.pdf")
        let output = folder.appendingPathComponent("words.html")
        try run(pdftotext, ["-bbox-layout", "-enc", "UTF-8", input.path, output.path], path: path)
        let xhtml = (try? Data(contentsOf: output)).map { [UInt8]($0) } ?? []
        return Self.parse(xhtml: xhtml)
    }

    private struct StagingFailure: Error {
        var reason: String
    }

    private func run(_ pdftotext: String, _ arguments: [String], path: String) throws(ExtractError) {
        let outcome: Subprocess.Outcome
        do {
            let errorFile = URL(fileURLWithPath: arguments[arguments.count - 1] + ".stderr")
            outcome = try Subprocess.run(pdftotext, arguments, errorFile: errorFile, deadline: .now() + timeout)
        } catch {
            switch error {
            case .cannotStart(let reason):
                throw .pdftotextFailed(path: path, status: -1, detail: "could not start \(pdftotext): \(reason)")
            }
        }
        switch outcome {
        case .timedOut:
            throw .pdftotextTimedOut(path: path, seconds: timeout)
        case .exited(0, _):
            return
        case .exited(let status, let stderr):
            throw Self.classify(status: status, stderr: stderr, path: path)
        }
    }

    /// pdftotext's exit status and messages, as the reason a user can act on.
    static func classify(status: Int32, stderr: String, path: String) -> ExtractError {
        let lower = stderr.lowercased()
        if lower.contains("incorrect password") || lower.contains("encrypt") {
            return .pdfEncrypted(path: path)
        }
        if status == 3 || lower.contains("copying of text from this document is not allowed") {
            return .pdfEncrypted(path: path)
        }
        let detail = stderr.split(separator: "\n").first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        if status == 1 || lower.contains("syntax error") || lower.contains("couldn't") || lower.contains("may not be a pdf") {
            return .pdfDamaged(path: path, detail: detail.isEmpty ? "pdftotext could not open it" : detail)
        }
        return .pdftotextFailed(path: path, status: status, detail: detail)
    }

    // MARK: - The XHTML

    /// `<page width height>` → `<flow>` → `<block>` → `<line>` → `<word xMin yMin xMax yMax>`.
    /// Poppler writes the page's unrotated size but the words where they are displayed: a word
    /// past the written width (and within the height) is on a page turned a quarter.
    static func parse(xhtml: [UInt8]) -> PDFPageModel {
        var pages: [PDFPageModel.Page] = []
        for page in elements(named: "page", in: HTMLTree.parse(utf8: xhtml) ?? []) {
            var width = number(page, "width") ?? 0, height = number(page, "height") ?? 0
            var words: [PDFPageModel.Word] = []
            var flows: [[[[PDFPageModel.Word]]]] = []
            var block = 0, line = 0
            for flow in page.children where flow.name == "flow" {
                var blocks: [[[PDFPageModel.Word]]] = []
                for b in flow.children where b.name == "block" {
                    var lines: [[PDFPageModel.Word]] = []
                    for l in b.children where l.name == "line" {
                        let lineWords = l.children.compactMap { w in word(w, block: block, line: line) }
                        if !lineWords.isEmpty {
                            lines.append(lineWords)
                            line += 1
                        }
                    }
                    if !lines.isEmpty {
                        blocks.append(lines)
                        block += 1
                    }
                }
                if !blocks.isEmpty { flows.append(blocks) }
            }
            PlainTextPositions.assign(to: &flows)
            words = flows.flatMap { $0.flatMap { $0.flatMap { $0 } } }
            var rotation = 0
            let right = words.map(\.box.maxX).max() ?? 0, bottom = words.map(\.box.maxY).max() ?? 0
            if right > width + 1, right <= height + 1, bottom <= width + 1 {
                swap(&width, &height)
                rotation = 90
            }
            pages.append(PDFPageModel.Page(number: pages.count + 1, width: width, height: height, rotation: rotation, words: words))
        }
        return PDFPageModel(pages: pages)
    }

    private static func word(_ node: HTMLNode, block: Int, line: Int) -> PDFPageModel.Word? {
        guard node.name == "word", let x0 = number(node, "xmin"), let y0 = number(node, "ymin"),
              let x1 = number(node, "xmax"), let y1 = number(node, "ymax") else { return nil }
        let text = node.children.compactMap { child -> String? in
            if case .text(let t) = child.kind { return t }
            return nil
        }.joined()
        guard !text.isEmpty else { return nil }
        return PDFPageModel.Word(
            text: text, box: PDFPageModel.Box(x: x0, y: y0, width: x1 - x0, height: y1 - y0),
            font: nil, size: nil, isBold: false, isItalic: false, block: block, line: line
        )
    }

    private static func number(_ node: HTMLNode, _ attribute: String) -> Double? {
        node.attribute(attribute).flatMap(Double.init)
    }

    /// The elements called `name`, wherever they are (libxml2's HTML parser may wrap
    /// poppler's unknown elements in `body`).
    private static func elements(named name: String, in nodes: [HTMLNode]) -> [HTMLNode] {
        var found: [HTMLNode] = []
        for node in nodes {
            if node.name == name { found.append(node) } else { found += elements(named: name, in: node.children) }
        }
        return found
    }
}

/// Where each word stands in the plain text `pdftotext -f P -l P file -` prints for a page,
/// worked out from poppler's flows, blocks and lines as poppler itself writes them: each line
/// of a block on a line of its own, its words joined by a space where they stand apart, an
/// empty line after each flow, and a line ending in `-` joined to the next line of its flow
/// without the hyphen.
enum PlainTextPositions {
    /// Two words of a line are written with a space between them when they stand apart by
    /// more than this share of their height (poppler joins a word cut by a change of font).
    static let spaceRatio = 0.1

    static func assign(to flows: inout [[[[PDFPageModel.Word]]]]) {
        var lineNumber = 1
        var column = 1
        for f in flows.indices {
            for b in flows[f].indices {
                for l in flows[f][b].indices {
                    var previous: PDFPageModel.Word?
                    for w in flows[f][b][l].indices {
                        let word = flows[f][b][l][w]
                        if let p = previous, word.box.x - p.box.maxX > spaceRatio * min(p.box.height, word.box.height) {
                            column += 1
                        }
                        flows[f][b][l][w].textLine = lineNumber
                        flows[f][b][l][w].textColumn = column
                        column += word.text.count
                        previous = word
                    }
                    let last = flows[f][b][l].last?.text.last
                    let more = l + 1 < flows[f][b].count || b + 1 < flows[f].count
                    if last == "-" && more {
                        column -= 1
                    } else {
                        lineNumber += 1
                        column = 1
                    }
                }
            }
            lineNumber += 1
            column = 1
        }
    }
}
