import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `export`, `audit` and `findings` stopped by SIGTERM or SIGINT while they write `--output`:
/// the temporary file beside the destination is removed, and the destination never appears.
///
/// No sleep: the test watches the output folder with inotify and signals avance the moment its
/// temporary file is created; the store is large enough (thousands of records and
/// findings) that writing takes far longer than that, and the exit status shows that the signal,
/// not the end of the work, ended avance.
@Suite(.serialized) struct OutputInterruptionTests {
    /// One report ingested, its records and findings then copied until there are 2^15 (32,768) of each;
    /// made once, copied for each test.
    static let made: Result<(Scratch, String), any Error> = Result {
        let scratch = try Scratch()
        try largeStore(scratch)
        return (scratch, scratch.database)
    }

    static func largeStore(_ scratch: Scratch) throws {
        let folder = try scratch.sub("informes")
        try Fixtures.writeReports(0..<1, into: folder)
        let ingest = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0", "-q"], in: scratch.path)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let queue = try DatabaseQueue(path: scratch.database)
        try queue.write { db in
            for _ in 0..<15 {
                try db.execute(sql: """
                    INSERT INTO records (document_id, ordinal, program_code, activity_code, indicator_code, year, quarter, json)
                    SELECT document_id, ordinal + (SELECT MAX(ordinal) FROM records), program_code, activity_code,
                        indicator_code || '-' || (ordinal + (SELECT MAX(ordinal) FROM records)), year, quarter, json
                    FROM records;
                    """)
            }
            try db.execute(sql: """
                INSERT INTO findings (record_id, document_id, rule, severity, message, path, page, line, "column", quote, evidence)
                SELECT records.id, records.document_id, f.rule, f.severity, f.message, f.path, f.page, f.line, f."column", f.quote, f.evidence
                FROM records, (SELECT * FROM findings LIMIT 1) AS f
                WHERE records.id NOT IN (SELECT record_id FROM findings);
                """)
        }
        try queue.close()
        // One file, no write-ahead log beside it: a plain copy is the whole store.
        let clean = try DatabaseQueue(path: scratch.database)
        try clean.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try clean.close()
    }

    /// Waits (blocking on inotify, no polling) until a file whose name holds `.partial` is
    /// created in `folder`; `watch` must have been set up before avance starts.
    final class Watch {
        let fd: Int32
        init(_ folder: String) throws {
            fd = inotify_init1(Int32(IN_CLOEXEC))
            #expect(fd >= 0)
            #expect(inotify_add_watch(fd, folder, UInt32(IN_CREATE)) >= 0)
        }

        func waitForPartial() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                guard n > 0 else { return nil }
                var offset = 0
                while offset < n {
                    let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                    let nameBytes = buffer[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if name.contains(".partial") { return name }
                    offset += 16 + length
                }
            }
        }

        deinit { close(fd) }
    }

    @Test(arguments: [
        (["export", "--format", "jsonl"], SIGTERM),
        (["audit", "--format", "html", "--fail-on", "never"], SIGTERM),
        (["findings", "--format", "text"], SIGINT),
    ])
    func aStoppedWriteLeavesNoTemporaryFile(_ command: [String], _ signal: Int32) throws {
        let scratch = try Scratch()
        try FileManager.default.copyItem(atPath: try Self.made.get().1, toPath: scratch.database)
        let out = try scratch.sub("salida")
        let watch = try Watch(out)
        let child = try Child(command + ["--db", scratch.database, "--output", out + "/resultado"], in: scratch.path)
        let partial = watch.waitForPartial()
        #expect(partial != nil, "\(command[0]) made no temporary file: \(child.stderr)")
        child.signal(signal)
        let result = child.finish()
        let left = try FileManager.default.contentsOfDirectory(atPath: out)
        if result.status == 0 {
            // On a loaded machine the write may end before the signal arrives: then the whole
            // file is in place and nothing else (what matters: never a temporary file left).
            #expect(left == ["resultado"], "\(command[0]) ended before the signal, and left \(left)")
        } else {
            #expect(result.status == 128 + signal, "\(command[0]) should have been stopped by the signal: \(result.status) \(result.stderr)")
            #expect(left == [], "\(command[0]) left files behind")
        }
    }
}
