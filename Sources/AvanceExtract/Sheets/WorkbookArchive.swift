import AvanceCore
import Foundation
import ZIPFoundation

/// The ZIP container of an Office Open XML workbook, read with ZIPFoundation under caps: at
/// most `maxParts` entries, and at most `maxBytes` decompressed over every part read (counted
/// as the bytes come out of the decompressor, not as the headers claim), so a zip bomb is
/// refused after reading no more than the cap.
struct WorkbookArchive {
    enum Failure: Error, Sendable, Hashable {
        /// Not a ZIP archive ZIPFoundation can open (a broken central directory, a truncated file).
        case unreadable
        case damaged(String)
        case tooManyParts(limit: Int)
        /// The parts would decompress to more than the cap.
        case tooLarge(limit: Int)
    }

    /// More entries than any workbook has (a large one has a few hundred).
    static let maxParts = 10_000
    /// The part every SpreadsheetML workbook has, where the sniffer looks for it.
    static let workbookPart = "xl/workbook.xml"

    private let archive: Archive
    /// Entries by normalized path (see `normalize`).
    private let entries: [String: Entry]
    let maxBytes: Int
    /// Decompressed bytes read so far, over every part.
    private(set) var bytesRead = 0

    init(bytes: [UInt8], maxBytes: Int) throws(Failure) {
        guard bytes.starts(with: Self.signature) else { throw .unreadable }
        let archive = try Self.open(bytes)
        var entries: [String: Entry] = [:]
        for entry in archive {
            if entries.count >= Self.maxParts { throw .tooManyParts(limit: Self.maxParts) }
            entries[Self.normalize(entry.path)] = entry
        }
        self.archive = archive
        self.entries = entries
        self.maxBytes = maxBytes
    }

    /// Opens the bytes as an archive backed by a file, not by memory: ZIPFoundation's in-memory
    /// archive traps (a range check in `MemoryFile.readData`) when a damaged directory points
    /// past the end of the data, where a file read simply comes back short. The file, private
    /// to this user, is unlinked as soon as it is open; the archive reads through its handle.
    private static func open(_ bytes: [UInt8]) throws(Failure) -> Archive {
        guard let url = TemporaryFiles.copy(of: bytes, named: "workbook.zip") else {
            throw .damaged("the workbook could not be staged in \(FileManager.default.temporaryDirectory.path) to be read")
        }
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            return try Archive(url: url, accessMode: .read)
        } catch {
            throw .unreadable
        }
    }

    /// `PK\3\4`: a ZIP archive's first local file header.
    static let signature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// Whether the bytes are a ZIP archive holding a SpreadsheetML workbook (`xl/workbook.xml`),
    /// read from its central directory; no part is decompressed. An archive whose directory
    /// cannot be read or is damaged (a truncated download) is a workbook when a local header
    /// still names that part, so that it is reported as a damaged workbook, not as binary data.
    static func isWorkbook(_ bytes: [UInt8]) -> Bool {
        if (try? WorkbookArchive(bytes: bytes, maxBytes: 0).contains(workbookPart)) == true { return true }
        return Search.firstIndex(of: Array(workbookPart.utf8), in: bytes) != nil
    }

    func contains(_ path: String) -> Bool { entries[Self.normalize(path)] != nil }

    /// The decompressed bytes of a part, `nil` when the archive has no such file.
    mutating func read(_ path: String) throws(Failure) -> [UInt8]? {
        guard let entry = entries[Self.normalize(path)], entry.type == .file else { return nil }
        let remaining = maxBytes - bytesRead
        if entry.uncompressedSize > UInt64(max(remaining, 0)) { throw .tooLarge(limit: maxBytes) }
        var out: [UInt8] = []
        out.reserveCapacity(min(Int(entry.uncompressedSize), 16 << 20))
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                // The header may understate the size: count what actually comes out.
                if out.count + data.count > remaining { throw Failure.tooLarge(limit: maxBytes) }
                out.append(contentsOf: data)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .damaged("\(path) cannot be decompressed (\(error))")
        }
        bytesRead += out.count
        return out
    }

    /// Part names compare without case (as Open Packaging names do), without a leading `/`,
    /// and with `\` read as `/` (as some writers store them).
    static func normalize(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/")
        while p.hasPrefix("/") { p.removeFirst() }
        return p.lowercased()
    }

    /// A relationship's target, resolved against the folder of the part that names it
    /// (`worksheets/sheet1.xml` from `xl/workbook.xml` is `xl/worksheets/sheet1.xml`; a
    /// target starting with `/` is from the package root).
    static func resolve(_ target: String, from part: String) -> String {
        let target = target.replacingOccurrences(of: "\\", with: "/")
        var components: [Substring]
        if target.hasPrefix("/") {
            components = []
        } else {
            components = part.split(separator: "/", omittingEmptySubsequences: true)
            if !components.isEmpty { components.removeLast() }
        }
        for piece in target.split(separator: "/", omittingEmptySubsequences: true) {
            switch piece {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(piece)
            }
        }
        return components.joined(separator: "/")
    }

    /// The relationships part of a part (`xl/_rels/workbook.xml.rels` for `xl/workbook.xml`).
    static func relationshipsPart(of part: String) -> String {
        var components = part.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let name = components.popLast() ?? ""
        return (components + ["_rels", name + ".rels"]).joined(separator: "/")
    }
}
