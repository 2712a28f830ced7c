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
        model.pages[1].images = [PDFPageModel.Box(x: 72, y: 220.5, width: 468, height: 260), PDFPageModel.Box(x: 0, y: 0, width: 1, height: 1)]
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

    /// A ten-page report's model (thousands of words) comes back whole from its binary coding.
    /// (What the coding costs against poppler's reading is measured by `Scripts/bench`, not
    /// asserted here: a test's timing depends on the machine's load.)
    @Test func theModelOfATenPageReportRoundTrips() throws {
        let model = try PopplerReader().pageModel(of: Self.tenPageReport(), path: "informe.pdf")
        #expect(model.pages.count == 10)
        #expect(model.pages.reduce(0) { $0 + $1.words.count } > 6000)
        #expect(PDFPageModel(decoding: model.encoded()) == model)
    }
}
