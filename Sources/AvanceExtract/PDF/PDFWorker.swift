import CProcessControl
import Foundation

/// The process side of `PDFWorkerPool`: `avance pdf-worker` reads PDFs with poppler's library
/// one after another, as long as avance sends them, so that a file which crashes or hangs the
/// C library takes down this process and not avance.
///
/// Requests come on standard input and answers go out on standard output, each length-prefixed
/// (`PDFWorkerMessage`). The worker ends when its input ends (avance closed it or is gone).
public enum PDFWorker {
    /// What `avance pdf-worker` runs; returns the exit status.
    public static func run() -> Int32 {
        // Killed with the avance that started it, even when that one was killed outright. One
        // that went before this line was reached is no longer our parent: end now.
        _ = avance_set_parent_death_signal(SIGKILL)
        if let parent = ProcessInfo.processInfo.environment[parentVariable], parent != String(getppid()) { return 0 }
        // Answers go to a copy of standard output, and standard output itself to standard error:
        // nothing else printed in this process can slip into an answer.
        let answers = dup(1)
        guard answers >= 0, dup2(2, 1) >= 0 else { return 74 }
        return serve(input: 0, output: answers)
    }

    /// Set by `PDFWorkerPool` to its own process id.
    static let parentVariable = "AVANCE_PDF_WORKER_PARENT"

    /// Answers requests from `input` on `output` until `input` ends: 0 then, 65 for a request
    /// that is not one, 74 when an answer cannot be written.
    static func serve(input: Int32, output: Int32, source: some PDFPageModelSource = PopplerReader()) -> Int32 {
        while true {
            let request: PDFWorkerMessage.Request
            switch PDFWorkerMessage.readRequest(from: input) {
            case .end: return 0
            case .malformed: return 65
            case .request(let r): request = r
            }
            let answer: [UInt8]
            do {
                answer = PDFWorkerMessage.answer(model: try source.pageModel(of: request.bytes, path: request.path))
            } catch {
                answer = PDFWorkerMessage.answer(error: error)
            }
            guard FileDescriptor.writeAll(answer, to: output) else { return 74 }
        }
    }
}

/// The bytes between avance and a PDF worker. Numbers are little-endian.
///
/// Request: path length (UInt32), path (UTF-8, for messages), PDF length (UInt64), PDF bytes.
/// Answer: kind (UInt8: 0 a page model, 1 an `ExtractError` as JSON), length (UInt64), payload.
enum PDFWorkerMessage {
    struct Request {
        var path: String
        var bytes: [UInt8]
    }

    enum Answer {
        case model(PDFPageModel)
        case failure(ExtractError)
    }

    /// Larger answers are taken for garbage rather than allocated.
    static let maximumAnswer = 1 << 34

    static func request(path: String, bytes: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.reserve(path.utf8.count + bytes.count + 12)
        out.write(path)
        out.write(UInt64(bytes.count))
        out.write(bytes)
        return out.bytes
    }

    enum Read {
        case request(Request)
        case end
        case malformed
    }

    /// Reads one request; `.end` when the input ends before one begins.
    static func readRequest(from fd: Int32) -> Read {
        guard let head = FileDescriptor.read(4, from: fd) else { return .end }
        var reader = ByteReader(head)
        guard let pathLength = reader.read(UInt32.self), pathLength <= 65_536,
              let path = FileDescriptor.read(Int(pathLength), from: fd),
              let sizeBytes = FileDescriptor.read(8, from: fd)
        else { return .malformed }
        var sizeReader = ByteReader(sizeBytes)
        guard let size = sizeReader.read(UInt64.self), size <= UInt64(Int.max),
              let bytes = FileDescriptor.read(Int(size), from: fd)
        else { return .malformed }
        return .request(Request(path: String(decoding: path, as: UTF8.self), bytes: bytes))
    }

    static func answer(model: PDFPageModel) -> [UInt8] { frame(kind: 0, model.encoded()) }

    static func answer(error: ExtractError) -> [UInt8] {
        frame(kind: 1, (try? JSONEncoder().encode(error)).map { [UInt8]($0) } ?? [])
    }

    private static func frame(kind: UInt8, _ payload: [UInt8]) -> [UInt8] {
        var out = ByteWriter()
        out.reserve(payload.count + 9)
        out.write(kind)
        out.write(UInt64(payload.count))
        out.write(payload)
        return out.bytes
    }

    /// The answer's kind and length, from its first 9 bytes; nil if they cannot be one.
    static func answerHeader(_ bytes: [UInt8]) -> (kind: UInt8, length: Int)? {
        var reader = ByteReader(bytes)
        guard let kind = reader.read(UInt8.self), kind <= 1, let length = reader.read(UInt64.self),
              length <= UInt64(maximumAnswer)
        else { return nil }
        return (kind, Int(length))
    }

    static func answer(kind: UInt8, payload: [UInt8]) -> Answer? {
        if kind == 0 { return PDFPageModel(decoding: payload).map(Answer.model) }
        return (try? JSONDecoder().decode(ExtractError.self, from: Data(payload))).map(Answer.failure)
    }
}

/// Whole reads and writes on a descriptor.
enum FileDescriptor {
    enum Progress { case done, timedOut, closed }

    /// Moves `count` bytes by repeating `step` (one read, write, send or recv from offset `done`,
    /// returning what it returns) until all are moved; an interrupted step is retried, and
    /// when a non-blocking descriptor would block, `whenBlocked` waits: true to go on, false
    /// if the descriptor failed, nil when a deadline has passed. `.closed` when it ends first.
    static func transfer(_ count: Int, whenBlocked: () -> Bool? = { false }, _ step: (_ done: Int) -> Int) -> Progress {
        var done = 0
        while done < count {
            let n = step(done)
            if n > 0 {
                done += n
                continue
            }
            guard n < 0 else { return .closed }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                guard let ready = whenBlocked() else { return .timedOut }
                if !ready { return .closed }
            default: return .closed
            }
        }
        return .done
    }

    /// Exactly `count` bytes from a blocking descriptor, or nil if the input ends (or fails) first.
    static func read(_ count: Int, from fd: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        let progress = transfer(count) { done in bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, count - done) } }
        return progress == .done ? bytes : nil
    }

    static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
        transfer(bytes.count) { done in bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, bytes.count - done) } } == .done
    }
}
