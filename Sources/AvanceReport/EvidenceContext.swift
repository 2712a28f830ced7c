import AvanceCore
import Foundation

/// The sentence around a quote, read from the quoted file's own line, so that an auditor sees
/// "4" as part of "se realizaron 4 talleres". Only text-like files are read (text, Markdown,
/// CSV, HTML with its tags left out): a PDF's or a workbook's lines are the reader's, not the
/// file's. A file that is gone, too large or not text gives no context, and the quote stands alone.
public final class EvidenceContext: @unchecked Sendable {
    /// The quote with what stands before and after it on its line.
    public struct Sentence: Hashable, Sendable {
        public var before: String
        public var quote: String
        public var after: String
    }

    static let maximumFileSize = 16 << 20
    static let reach = 160

    private var lines: [String: [Substring]?] = [:]

    public init() {}

    public func sentence(_ span: SourceSpan) -> Sentence? {
        guard let path = span.path, span.sheet == nil, span.page == nil, span.line >= 1 else { return nil }
        guard let fileLines = lines(of: path), span.line <= fileLines.count else { return nil }
        var line = String(fileLines[span.line - 1])
        if path.lowercased().hasSuffix(".html") || path.lowercased().hasSuffix(".htm") { line = Self.withoutTags(line) }
        let quote = span.text.singleLine
        guard !quote.isEmpty, let range = line.range(of: quote) else { return nil }
        var before = String(line[..<range.lowerBound]), after = String(line[range.upperBound...])
        if before.count > Self.reach { before = "…" + before.suffix(Self.reach) }
        if after.count > Self.reach { after = after.prefix(Self.reach) + "…" }
        let sentence = Sentence(before: before.trimmingLeadingSpace, quote: String(line[range]), after: after.trimmingTrailingSpace)
        return sentence.before.isEmpty && sentence.after.isEmpty ? nil : sentence
    }

    private func lines(of path: String) -> [Substring]? {
        if let known = lines[path] { return known }
        let read = Self.read(path)
        lines[path] = .some(read)
        return read
    }

    static func read(_ path: String) -> [Substring]? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= maximumFileSize,
              let data = FileManager.default.contents(atPath: path) else { return nil }
        // Binary formats (PDF, ZIP workbooks, OLE2) are not read for lines.
        if data.starts(with: Array("%PDF".utf8)) || data.starts(with: [0x50, 0x4B]) || data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return nil }
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252)
        guard let text else { return nil }
        return text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }

    /// An HTML line's text: tags left out, the commonest entities read.
    static func withoutTags(_ line: String) -> String {
        var out = ""
        var inTag = false
        for ch in line {
            if ch == "<" { inTag = true; continue }
            if ch == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(ch) }
        }
        for (entity, ch) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: ch)
        }
        return out
    }
}

extension String {
    var trimmingLeadingSpace: String { String(drop { $0.isWhitespace }) }
    var trimmingTrailingSpace: String { String(reversed().drop { $0.isWhitespace }.reversed()) }
}
