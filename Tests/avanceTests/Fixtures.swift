import Foundation
import GRDB

/// Reports made for the tests from the original sample report: each one a different
/// activity and indicator of the same program, so each is its own content.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sample: String = {
        let url = repository.appendingPathComponent("Samples/sesaeqroo-2024-T3-F.P.C01.A01.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// Report number `n`: the sample with its activity code, indicator number and a
    /// closing note changed, as another activity's report of the same quarter reads.
    static func report(_ n: Int, revision: Int = 0) -> String {
        let activity = "F.P.C01.A" + pad(n % 100 + 1)
        var text = sample
            .replacingOccurrences(of: "F.P.C01.A01", with: activity)
            .replacingOccurrences(of: "01 - Número de acciones", with: pad(n % 90 + 1) + " - Número de acciones")
        text += "\n\nNota de control: expediente \(n)-\(revision).\n"
        return text
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Writes reports `range` into `folder` as `informe-NNN.txt`; returns their paths.
    @discardableResult
    static func writeReports(_ range: Range<Int>, into folder: String) throws -> [String] {
        try range.map { n in
            let path = folder + "/informe-\(String(format: "%03d", n)).txt"
            try write(report(n), to: path)
            return path
        }
    }

    /// Sets a file's modification time, as an old file or one being written has.
    static func setModified(_ path: String, secondsAgo: Double) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-secondsAgo)], ofItemAtPath: path
        )
    }
}

/// A temporary directory removed when the value is released.
final class Scratch: Sendable {
    let path: String

    init() throws {
        // Resolved, so the paths the binary stores equal the paths the tests build.
        let base = (NSTemporaryDirectory() as NSString).resolvingSymlinksInPath
        path = base + "/avance-cli-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var database: String { path + "/avance.sqlite" }

    func sub(_ name: String) throws -> String {
        let dir = path + "/" + name
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// The database, opened read-only, for checking what a run stored.
    func open() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: database, configuration: configuration)
    }

    func count(_ sql: String) throws -> Int {
        try open().read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    deinit {
        // Files made unreadable by a test must be readable again to be removed.
        if let names = FileManager.default.enumerator(atPath: path) {
            for case let name as String in names { chmod(path + "/" + name, 0o755) }
        }
        try? FileManager.default.removeItem(atPath: path)
    }
}
