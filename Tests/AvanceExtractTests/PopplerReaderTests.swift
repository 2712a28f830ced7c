import Foundation
import Testing
import TestSupport

@testable import AvanceExtract

/// `pdftotext -bbox-layout`'s words: the independent record poppler's library is checked against.
enum BBoxOracle {
    struct Word: Equatable {
        var text: String
        var box: PDFPageModel.Box
        var block: Int
        var line: Int
    }

    static func pages(of path: String) throws -> [[Word]] {
        let xhtml = try PopplerOracle.pdftotext(["-bbox-layout", "-enc", "UTF-8", path, "-"])
        var pages: [[Word]] = []
        var block = -1, line = -1
        for raw in xhtml.split(separator: "\n") {
            let row = raw.trimmingCharacters(in: .whitespaces)
            if row.hasPrefix("<page ") {
                pages.append([])
                block = -1
                line = -1
            } else if row.hasPrefix("<block ") {
                block += 1
            } else if row.hasPrefix("<line ") {
                line += 1
            } else if row.hasPrefix("<word "), let close = row.range(of: "\">"), row.hasSuffix("</word>") {
                let attributes = row[row.startIndex..<close.lowerBound].split(separator: "\"")
                let numbers = stride(from: 1, to: attributes.count, by: 2).compactMap { Double(attributes[$0]) }
                guard numbers.count == 4 else { continue }
                let text = String(row[close.upperBound..<row.index(row.endIndex, offsetBy: -7)])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                    .replacingOccurrences(of: "&amp;", with: "&")
                let box = PDFPageModel.Box(x: numbers[0], y: numbers[1], width: numbers[2] - numbers[0], height: numbers[3] - numbers[1])
                pages[pages.count - 1].append(Word(text: text, box: box, block: block, line: line))
            }
        }
        return pages
    }
}

/// Poppler's library in this process, on the committed samples and on PDFs made here.
@Suite struct PopplerReaderTests {
    let reader = PopplerReader()

    func model(_ path: String) throws -> PDFPageModel {
        try reader.pageModel(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
    }

    func error(_ path: String) -> ExtractError? {
        do {
            _ = try model(path)
            return nil
        } catch let error as ExtractError {
            return error
        } catch {
            Issue.record("\(path) could not be read: \(error)")
            return nil
        }
    }

    /// The words of every page, in order, with their boxes and poppler's lines and blocks, are
    /// those `pdftotext -bbox-layout` prints: one poppler, two ways in.
    func expectSameWordsAsPdftotext(_ path: String) throws {
        let model = try model(path)
        let oracle = try BBoxOracle.pages(of: path)
        #expect(model.pages.count == oracle.count)
        for (page, expected) in zip(model.pages, oracle) {
            #expect(page.words.map(\.text) == expected.map(\.text), "page \(page.number) of \(path)")
            for (word, other) in zip(page.words, expected) {
                let b = word.box, o = other.box
                let off = max(abs(b.x - o.x), abs(b.y - o.y), abs(b.maxX - o.maxX), abs(b.maxY - o.maxY))
                #expect(off <= 1, "\(word.text) on page \(page.number): \(b) against \(o)")
            }
            // The same grouping: two words share a line (a block) here when they do there.
            #expect(Self.partition(page.words.map(\.line)) == Self.partition(expected.map(\.line)), "lines of page \(page.number)")
            #expect(Self.partition(page.words.map(\.block)) == Self.partition(expected.map(\.block)), "blocks of page \(page.number)")
        }
    }

    /// Group numbers renamed in order of appearance, so two numberings of one grouping compare equal.
    static func partition(_ groups: [Int]) -> [Int] {
        var names: [Int: Int] = [:]
        return groups.map { g in
            if let n = names[g] { return n }
            names[g] = names.count
            return names.count - 1
        }
    }

    @Test(arguments: ["sesaeqroo-2024-T3-F.P.C01.A01.pdf", "iqm-2024-T2-C02.A01-multipagina.pdf", "avance-indicadores-2024-T3-tabla.pdf"])
    func samplesGiveTheWordsPdftotextGives(_ name: String) throws {
        try expectSameWordsAsPdftotext(Fixtures.sample(name))
    }

    @Test func pagesKeepTheirSizeAndNumber() throws {
        let model = try model(Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf"))
        #expect(model.pages.map(\.number) == [1, 2, 3, 4, 5])
        #expect(model.pages.allSatisfy { $0.width == 612 && $0.height == 792 })
        #expect(model.pages.allSatisfy { page in page.words.allSatisfy { $0.box.x >= 0 && $0.box.maxY <= 792 } })
    }

    /// A label cell and its value cell, which poppler's text writes with nothing between
    /// (`Dependencia:Instituto`), are two words on two lines, as pdftotext has them.
    @Test func cellsWrittenTogetherAreTwoWords() throws {
        let page = try model(Fixtures.sample("iqm-2024-T2-C02.A01-multipagina.pdf")).pages[0]
        let label = try #require(page.words.firstIndex { $0.text == "Dependencia:" })
        #expect(page.words[label + 1].text == "Instituto")
        #expect(page.words[label + 1].line != page.words[label].line)
        #expect(page.words[label + 1].box.x - page.words[label].box.maxX > 50)
    }

    @Test func boldHeadingsAndRegularBodyInASample() throws {
        let model = try model(Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf"))
        let words = model.pages.flatMap(\.words)
        let heading = "Firma del Convenio de Colaboración con el Instituto Quintanarroense de la Mujer (IQM).".split(separator: " ").map(String.init)
        let start = try #require(words.indices.first { i in
            i + heading.count <= words.count && words[i..<(i + heading.count)].map(\.text) == heading
        })
        let headingWords = words[start..<(start + heading.count)]
        #expect(headingWords.allSatisfy { $0.isBold && !$0.isItalic && $0.font == "DejaVuSans-Bold" })
        let body = try #require(words.first { $0.text == "Quintanarroense" && $0.font == "DejaVuSans" })
        #expect(!body.isBold)
        #expect(try #require(headingWords.first?.size) > (body.size ?? .infinity))
        // Most words of a report are body text.
        #expect(words.filter(\.isBold).count * 3 < words.count)
    }

    @Test func aBoldLineMadeHere() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = MiniPDF.make(pages: [[
            .init(x: 72, y: 720, size: 14, text: "Resultados alcanzados", bold: true),
            .init(x: 72, y: 700, text: "Se impartieron tres talleres."),
        ]])
        let path = try Fixtures.write(bytes, named: "negritas.pdf", in: folder)
        let words = try model(path).pages[0].words
        #expect(words.map(\.text) == ["Resultados", "alcanzados", "Se", "impartieron", "tres", "talleres."])
        #expect(words.map(\.isBold) == [true, true, false, false, false, false])
        #expect(words.map(\.font) == ["Helvetica-Bold", "Helvetica-Bold", "Helvetica", "Helvetica", "Helvetica", "Helvetica"])
        #expect(words.map(\.size) == [14, 14, 11, 11, 11, 11])
        #expect(words.map(\.line) == [0, 0, 1, 1, 1, 1])
        // Top-left origin: the first line's baseline is 72 pt from the page's top edge, inside
        // its box, and the second line is below it.
        #expect(words[0].box.y < 72 && words[0].box.maxY > 72 && words[0].box.height <= 20)
        #expect(words[2].box.y > words[0].box.maxY)
        try expectSameWordsAsPdftotext(path)
    }

    /// A page turned a quarter (/Rotate 90) comes with its size and boxes as displayed: wider
    /// than tall, every word inside it, and the words and boxes pdftotext gives.
    @Test func aTurnedPageIsReadAsDisplayed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = MiniPDF.make(pages: [[
            .init(x: 72, y: 720, text: "Meta anual 12"),
            .init(x: 72, y: 700, text: "Avance 3"),
        ]], rotate: 90)
        let path = try Fixtures.write(bytes, named: "girada.pdf", in: folder)
        let page = try model(path).pages[0]
        #expect(page.width == 792 && page.height == 612)
        #expect(page.words.map(\.text) == ["Meta", "anual", "12", "Avance", "3"])
        #expect(page.words.allSatisfy { $0.box.x >= 0 && $0.box.maxX <= 792 && $0.box.y >= 0 && $0.box.maxY <= 612 })
        #expect(page.words.map(\.line) == [0, 0, 0, 1, 1])
        try expectSameWordsAsPdftotext(path)
    }

    /// The same errors the pdftotext path gives for the same files.
    @Test(arguments: ["cifrado-con-contrasena.pdf", "truncado.pdf"])
    func brokenSamplesFailAsTheyDoWithPdftotext(_ name: String) throws {
        let path = Fixtures.sample(name)
        var today: ExtractError?
        do { _ = try Extractor().extract(path: path) } catch { today = error }
        #expect(today != nil)
        #expect(error(path) == today)
    }

    @Test func theErrorsOfBrokenSamples() {
        let encrypted = Fixtures.sample("cifrado-con-contrasena.pdf")
        #expect(error(encrypted) == .pdfEncrypted(path: encrypted))
        // A scan is no error of the reader's: its pages come back with their sizes and no words,
        // for OCR to read.
        let scan = try? model(Fixtures.sample("escaneado-sin-texto.pdf"))
        #expect(scan?.pages.count == 1)
        #expect(scan?.pages.first?.words.isEmpty == true)
        #expect(scan?.pages.first?.width == 612)
    }

    /// A file with its end marker but no PDF body inside: poppler's own first complaint is the detail.
    @Test func aDamagedBodySaysWhatPopplerFound() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not a pdf body\n%%EOF\n".utf8)
        let path = try Fixtures.write(bytes, named: "roto.pdf", in: folder)
        #expect(error(path) == .pdfDamaged(path: path, detail: "Syntax error: Couldn't find trailer dictionary"))
    }
}
