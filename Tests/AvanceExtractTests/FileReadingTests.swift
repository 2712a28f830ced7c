import AvanceCore
import Foundation
import Testing
@testable import AvanceExtract
#if canImport(Glibc)
import Glibc
#endif

/// What `Extractor.read` agrees to read: regular files and standard input, within the size cap.
@Suite struct FileReadingTests {
    final class Folder {
        let path = NSTemporaryDirectory() + "avance-read-" + UUID().uuidString
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func whatIsNotARegularFileIsRefusedBeforeItIsOpened() throws {
        let folder = try Folder()
        let fifo = folder.path + "/informe.txt"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: ExtractError.notRegular(path: fifo, kind: "a FIFO")) { try Extractor.read(path: fifo, maxBytes: 1 << 20) }
        #expect(throws: ExtractError.notRegular(path: "/dev/zero", kind: "a device")) { try Extractor.read(path: "/dev/zero", maxBytes: 1 << 20) }
        #expect(throws: ExtractError.isDirectory(path: folder.path)) { try Extractor.read(path: folder.path, maxBytes: 1 << 20) }
        #expect(ExtractError.notRegular(path: fifo, kind: "a FIFO").description == "\(fifo): not a regular file (a FIFO); not read")
    }

    @Test func linksThatLeadNowhereSaySo() throws {
        let folder = try Folder()
        let loop = folder.path + "/bucle.txt", dangling = folder.path + "/roto.txt"
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: folder.path + "/no-existe.txt")
        #expect(throws: ExtractError.unreadable(path: loop, reason: "symbolic link loop (too many levels of symbolic links)")) {
            try Extractor.read(path: loop, maxBytes: 1 << 20)
        }
        #expect(throws: ExtractError.unreadable(path: dangling, reason: "dangling symbolic link (its target does not exist)")) {
            try Extractor.read(path: dangling, maxBytes: 1 << 20)
        }
        #expect(throws: ExtractError.notFound(path: folder.path + "/no-existe.txt")) {
            try Extractor.read(path: folder.path + "/no-existe.txt", maxBytes: 1 << 20)
        }
    }

    /// A `/proc` file says its size is 0; it is read to its end all the same.
    @Test func procFilesAreReadToTheirEnd() throws {
        let bytes = try Extractor.read(path: "/proc/self/status", maxBytes: 1 << 20)
        #expect(String(decoding: bytes, as: UTF8.self).contains("Pid:"))
    }

    /// Standard input is a stream: the cap is enforced while reading, not from a size.
    @Test func aStreamIsCutAtTheCap() throws {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        let feeding = Thread {
            try? writer.write(contentsOf: Data(repeating: 0x41, count: 300_000))
            try? writer.close()
        }
        feeding.start()
        let fd = pipe.fileHandleForReading.fileDescriptor
        let error = #expect(throws: ExtractError.self) { try Extractor.read(descriptor: fd, path: "-", maxBytes: 100_000) }
        guard case .tooLarge("-", let bytes, 100_000) = error else {
            Issue.record("not refused as too large: \(String(describing: error))")
            return
        }
        #expect(bytes > 100_000)
        // Whatever the refusal left unread, the writer is not left blocked.
        _ = pipe.fileHandleForReading.readDataToEndOfFile()

        let small = Pipe()
        try small.fileHandleForWriting.write(contentsOf: Data("Programa: E001\n".utf8))
        try small.fileHandleForWriting.close()
        #expect(try Extractor.read(descriptor: small.fileHandleForReading.fileDescriptor, path: "-", maxBytes: 100_000) == Array("Programa: E001\n".utf8))
    }

    @Test func tooLargeFilesAreRefusedFromTheirSize() throws {
        let folder = try Folder()
        let file = folder.path + "/grande.txt"
        try Data(repeating: 0x41, count: 2048).write(to: URL(fileURLWithPath: file))
        #expect(throws: ExtractError.tooLarge(path: file, bytes: 2048, limit: 1024)) { try Extractor.read(path: file, maxBytes: 1024) }
        #expect(try Extractor.read(path: file, maxBytes: 4096).count == 2048)
    }
}
