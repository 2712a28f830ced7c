import AvanceCore
import Foundation
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A file whose name is not UTF-8 (Latin-1 from a Windows share: `informe-año.txt` with ñ as
/// the byte 0xF1). `parse` said "no such file", and `ingest` stored a failure under a mangled
/// name, tried again on every run.
@Suite struct FileNameTests {
    static let latin1 = Array("informe-a".utf8) + [0xF1] + Array("o.txt".utf8)

    /// Makes `folder/<latin1 name>` holding the sample report (FileManager takes only UTF-8 names).
    static func write(into folder: String) throws {
        let path = Array(folder.utf8) + [0x2F] + latin1
        let fd = open(path.map { CChar(bitPattern: $0) } + [0], O_WRONLY | O_CREAT | O_EXCL, 0o644)
        #expect(fd >= 0)
        let bytes = Array(Fixtures.sample.utf8)
        #expect(Glibc.write(fd, bytes, bytes.count) == bytes.count)
        close(fd)
    }

    /// avance run by a shell that adds the Latin-1 name (`$(printf ...)`) as its last argument:
    /// Foundation's Process passes only UTF-8 arguments.
    static func run(_ arguments: [String], in directory: String) throws -> Child.Result {
        try Child.run(arguments, in: directory, through: ["/bin/sh", "-c", #"exec "$0" "$@" "$(printf 'compartida/informe-a\361o.txt')""#])
    }

    @Test func aNameThatIsNotUTF8IsReadStoredAndShownLosslessly() throws {
        let scratch = try Scratch()
        let folder = try scratch.sub("compartida")
        try Self.write(into: folder)
        let relative = FileName.decode(Array("compartida/".utf8) + Self.latin1)
        #expect(FileName.system(relative).dropLast().map { UInt8(bitPattern: $0) } == Array("compartida/".utf8) + Self.latin1)

        let parsed = try Self.run(["parse"], in: scratch.path)
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let record = try JSONSerialization.jsonObject(with: Data(parsed.stdout.utf8)) as? [String: Any]
        let source = record?["source"] as? [String: Any]
        #expect(source?["path"] as? String == relative)

        // On a terminal the byte is shown, escaped; never sent as it is.
        let checked = try Self.run(["check", "--fail-on", "never"], in: scratch.path)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.hasPrefix(#"compartida/informe-a\x{F1}o.txt:"#), "\(checked.stdout)")

        // Stored once, under its own name, and unchanged on the next run.
        for (run, expected) in [(1, (1, 0)), (2, (0, 1))] {
            let ingest = try Child.run(["ingest", folder, "--db", scratch.database, "--settle", "0", "--log-format", "json"], in: scratch.path)
            #expect(ingest.status == 0, "run \(run): \(ingest.stderr)")
            let summary = try Summary(ingest.stdout)
            #expect((summary.new, summary.unchanged, summary.failed) == (expected.0, expected.1, 0), "run \(run)")
        }
        let stored = try scratch.open().read { db in try String.fetchAll(db, sql: "SELECT path FROM locations") }
        #expect(stored == [folder + "/" + FileName.decode(Self.latin1)])
        #expect(try scratch.count("SELECT COUNT(*) FROM failures") == 0)
        let findings = try Child.run(["findings", "--db", scratch.database, "--severity", "info"], in: scratch.path)
        #expect(findings.stdout.contains(#"/compartida/informe-a\x{F1}o.txt:"#), "\(findings.stdout)")
    }
}
