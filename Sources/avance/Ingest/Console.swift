import ArgumentParser
import AvanceCore
import Foundation
import Logging
import Synchronization

/// How log lines are written to standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `2024-10-01T02:00:00.000Z info new path=/r/a.txt records=1`
    case text
    /// One JSON object per line: `{"level":"info","message":"new","path":"/r/a.txt",...}`
    case json
}

/// Standard error, shared by the log lines and the progress bar so that a log line
/// never lands in the middle of the bar.
final class Console: Sendable {
    static let standardError = Console()

    private struct State {
        var bar: String?
    }

    private let state = Mutex(State())
    let isTerminal = isatty(STDERR_FILENO) == 1

    /// The terminal's width in columns, asked at each call (the window may be resized);
    /// `COLUMNS`, else 80, when the system does not say.
    var columns: Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(text), n > 0 { return n }
        return 80
    }

    /// Prints a whole line above the progress bar.
    func line(_ text: String) {
        state.withLock { state in
            var out = state.bar == nil ? "" : "\r\u{1B}[K"
            out += text + "\n"
            if let bar = state.bar { out += bar }
            Self.write(out)
        }
    }

    /// Draws (or redraws) the progress bar on the last line.
    func bar(_ text: String) {
        state.withLock { state in
            state.bar = text
            Self.write("\r\u{1B}[K" + text)
        }
    }

    func clearBar() {
        state.withLock { state in
            guard state.bar != nil else { return }
            state.bar = nil
            Self.write("\r\u{1B}[K")
        }
    }

    private static func write(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(STDERR_FILENO, base + offset, buffer.count - offset)
            }
            if n <= 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}

/// The log handler of the commands: text or JSON lines on standard error through the console.
/// Metadata carries the file and the hash, never interpolated into the message, so
/// machines can read it.
struct ConsoleLogHandler: LogHandler {
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level
    let format: LogFormat
    let console: Console

    init(format: LogFormat, level: Logger.Level, console: Console = .standardError) {
        self.format = format
        self.logLevel = level
        self.console = console
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        console.line(Self.render(format: format, level: event.level, message: event.message.description, metadata: all))
    }

    static func render(format: LogFormat, level: Logger.Level, message: String, metadata: Logger.Metadata) -> String {
        let time = Date().formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let pairs = metadata.sorted { $0.key < $1.key }
        switch format {
        case .text:
            var line = "\(time) \(level) \(message)"
            for (key, value) in pairs { line += " \(key)=\(textValue(value))" }
            return TerminalText.escaped(line)
        case .json:
            var line = "{\"time\":\(jsonString(time)),\"level\":\(jsonString(level.rawValue)),\"message\":\(jsonString(message))"
            for (key, value) in pairs { line += ",\(jsonString(key)):\(jsonValue(value))" }
            return line + "}"
        }
    }

    private static func textValue(_ value: Logger.MetadataValue) -> String {
        let text = value.description
        let plain = !text.isEmpty && !text.unicodeScalars.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.value < 0x20 }
        return plain ? text : jsonString(text)
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> String {
        switch value {
        case .string(let s): return jsonString(s)
        case .stringConvertible(let c):
            // Counts and sizes stay numbers for JSON readers.
            if c is Int || c is Int64 || c is Double { return c.description }
            return jsonString(c.description)
        case .array(let values): return "[" + values.map(jsonValue).joined(separator: ",") + "]"
        case .dictionary(let dict):
            return "{" + dict.sorted { $0.key < $1.key }.map { "\(jsonString($0.key)):\(jsonValue($0.value))" }.joined(separator: ",") + "}"
        }
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
