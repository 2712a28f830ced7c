import Foundation
import Testing
import TestSupport

@testable import AvanceExtract

/// The bytes a PDF worker answers with.
@Suite struct PageModelCodingTests {
    /// A 10-page report of dense text (about 7,000 words), written here.
    static func tenPageReport() -> [UInt8] {
        let line = "El Instituto impartió 12 talleres de sensibilización en igualdad sustantiva (meta anual: 100%)."
        let pages = (0..<10).map { p in
            (0..<60).map { k in MiniPDF.Text(x: 56, y: 760 - Double(k) * 12, size: 9, text: "\(p + 1).\(k + 1) " + line, bold: k % 15 == 0) }
        }
        return MiniPDF.make(pages: pages)
    }

    @Test func aSampleModelComesBackEqual() throws {
        let path = Fixtures.sample("sesaeqroo-2024-T3-F.P.C01.A01.pdf")
        var model = try PopplerReader().pageModel(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        model.pages[0].rotation = 90
        model.pages[1].words[0].isItalic = true
        model.pages[1].words[1].font = nil
        model.pages[1].words[1].size = nil
        #expect(PDFPageModel(decoding: model.encoded()) == model)
        #expect(PDFPageModel(decoding: PDFPageModel(pages: []).encoded()) == PDFPageModel(pages: []))
    }

    @Test func bytesCutShortOrTooLongAreNoModel() throws {
        let path = Fixtures.sample("iqm-2024-T2-C02.A01-multipagina.pdf")
        let bytes = try PopplerReader().pageModel(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path).encoded()
        #expect(PDFPageModel(decoding: Array(bytes.dropLast())) == nil)
        #expect(PDFPageModel(decoding: Array(bytes.prefix(bytes.count / 2))) == nil)
        #expect(PDFPageModel(decoding: bytes + [0]) == nil)
        #expect(PDFPageModel(decoding: []) == nil)
    }

    /// Writing and reading the model of a 10-page report costs less than poppler's reading of it.
    @Test func theModelOfATenPageReportCostsLessThanPopplerReadingIt() throws {
        let pdf = Self.tenPageReport()
        var popplerBest = Double.infinity, codingBest = Double.infinity
        var model: PDFPageModel?
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            model = try PopplerReader().pageModel(of: pdf, path: "informe.pdf")
            let read = DispatchTime.now().uptimeNanoseconds
            let back = PDFPageModel(decoding: try #require(model).encoded())
            let coded = DispatchTime.now().uptimeNanoseconds
            #expect(back == model)
            popplerBest = min(popplerBest, Double(read - start))
            codingBest = min(codingBest, Double(coded - read))
        }
        #expect(try #require(model).pages.count == 10)
        #expect(try #require(model).pages.reduce(0) { $0 + $1.words.count } > 6000)
        #expect(codingBest < popplerBest, "coding \(codingBest / 1e6) ms, poppler \(popplerBest / 1e6) ms")
        if ProcessInfo.processInfo.environment["AVANCE_MEASURE"] != nil {
            let m = try #require(model)
            var jsonBest = Double.infinity
            for _ in 0..<3 {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let data = try JSONEncoder().encode(m)
                _ = try JSONDecoder().decode(PDFPageModel.self, from: data)
                jsonBest = min(jsonBest, Double(DispatchTime.now().uptimeNanoseconds - t0))
            }
            print("MEASURE poppler \(popplerBest / 1e6) ms, binary \(codingBest / 1e6) ms (\(m.encoded().count) bytes), JSON \(jsonBest / 1e6) ms (\(try JSONEncoder().encode(m).count) bytes)")
        }
    }
}
