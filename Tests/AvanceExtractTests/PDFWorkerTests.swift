import Foundation
import Testing

@testable import AvanceExtract

/// The worker's loop in this process, over a real socket: what `avance pdf-worker` does with
/// what a `PDFWorkerPool` sends.
@Suite struct PDFWorkerTests {
    /// Runs `PDFWorker.serve` on a thread, on one end of a socket pair; the test talks on the other.
    final class Served: @unchecked Sendable {
        // @unchecked: `status` is written once by the serving thread before `finished` is signalled.
        let end: Int32
        private let finished = DispatchSemaphore(value: 0)
        private var status: Int32 = -1

        init() throws {
            var ends: [Int32] = [-1, -1]
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &ends) == 0 else { throw POSIXError(.EMFILE) }
            end = ends[0]
            let workerEnd = ends[1]
            Thread.detachNewThread { [self] in
                status = PDFWorker.serve(input: workerEnd, output: workerEnd)
                close(workerEnd)
                finished.signal()
            }
        }

        func ask(path: String) throws -> PDFWorkerMessage.Answer? {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            guard FileDescriptor.writeAll(PDFWorkerMessage.request(path: path, bytes: bytes), to: end),
                  let head = FileDescriptor.read(9, from: end),
                  let (kind, length) = PDFWorkerMessage.answerHeader(head),
                  let payload = FileDescriptor.read(length, from: end)
            else { return nil }
            return PDFWorkerMessage.answer(kind: kind, payload: payload)
        }

        /// Closes avance's end (or only its writing half) and returns how the loop ended.
        func finish(writingOnly: Bool = false) -> Int32 {
            if writingOnly { shutdown(end, Int32(SHUT_WR)) } else { close(end) }
            finished.wait()
            if writingOnly { close(end) }
            return status
        }
    }

    @Test func answersRequestsOneAfterAnotherUntilItsInputEnds() throws {
        let served = try Served()
        for name in ["iqm-2024-T2-C02.A01-multipagina.pdf", "sesaeqroo-2024-T3-F.P.C01.A01.pdf", "escaneado-sin-texto.pdf"] {
            let path = Fixtures.sample(name)
            let expected = try PopplerReader().pageModel(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
            guard case .model(let model) = try served.ask(path: path) else {
                Issue.record("no model for \(name)")
                continue
            }
            #expect(model == expected)
        }
        for name in ["cifrado-con-contrasena.pdf", "truncado.pdf"] {
            let path = Fixtures.sample(name)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            var direct: ExtractError?
            do { _ = try PopplerReader().pageModel(of: bytes, path: path) } catch { direct = error }
            guard case .failure(let error) = try served.ask(path: path) else {
                Issue.record("no error for \(name)")
                continue
            }
            #expect(error == direct)
        }
        #expect(served.finish(writingOnly: true) == 0)
    }

    @Test func aRequestCutShortEndsTheLoopAsMalformed() throws {
        let served = try Served()
        var request = PDFWorkerMessage.request(path: "a.pdf", bytes: Array("%PDF-1.4\n%%EOF\n".utf8))
        request.removeLast(4)
        #expect(FileDescriptor.writeAll(request, to: served.end))
        #expect(served.finish() == 65)
    }

    @Test func everyExtractErrorCrossesAsItself() {
        let errors: [ExtractError] = [
            .pdfEncrypted(path: "a.pdf"), .pdfDamaged(path: "ñ.pdf", detail: "Syntax error: x"),
            .pdfNoTextLayer(path: "b.pdf", pages: 3), .pdfTimedOut(path: "c.pdf", engine: PDFWorkerPool.engine, seconds: 1.5),
            .pdfReaderStopped(path: "d.pdf", detail: "signal 11"), .ocrFailed(path: "e.pdf", page: 2, detail: "tesseract exited with status 1"),
            .ocrFoundNoText(path: "f.pdf", pages: 4), .ocrUnavailable(path: "g.pdf", detail: "tesseract is not installed"),
        ]
        for error in errors {
            let bytes = PDFWorkerMessage.answer(error: error)
            let header = PDFWorkerMessage.answerHeader(Array(bytes.prefix(9)))
            guard let header, case .failure(let back) = PDFWorkerMessage.answer(kind: header.kind, payload: Array(bytes.dropFirst(9))) else {
                Issue.record("\(error) did not come back")
                continue
            }
            #expect(back == error)
        }
        #expect(PDFWorkerMessage.answerHeader([7, 0, 0, 0, 0, 0, 0, 0, 0]) == nil)
    }
}
