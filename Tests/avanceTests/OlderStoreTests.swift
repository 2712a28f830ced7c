import Foundation
import Testing

/// A store written by an older avance (0.1.0, see Tests/Fixtures/README.md) is audited by
/// today's avance: as stored, and checked again with today's rules (`--revalidate`), which
/// must find what today's avance finds in the same reports ingested afresh.
@Suite struct OlderStoreTests {
    static let fixture = Fixtures.repository.appendingPathComponent("Tests/Fixtures/store-avance-0.1.0.sqlite").path
    static let reports = [
        "series/planted/icatey-2024-T1-C01.A02.txt", "series/planted/icatey-2024-T3-C01.A02.html",
        "series/planted/icatey-2024-T3-C01.A02-corregido.pdf", "series/planted/icatey-2024-T4-C01.A02.md",
        "ayto-puebla-2024-T4-C04.A01-borrador.md", "dif-durango-2023-T2-C01.A02.md",
        "sesaeqroo-2024-T3-F.P.C01.A01.txt", "monterrey-2022-T2-indicadores.md", "truncado.pdf",
    ]

    /// A finding as the audit's JSON gives it, by file name (the stores keep other folders).
    struct Cited: Hashable, CustomStringConvertible {
        var rule: String
        var severity: String
        var file: String
        var line: Int?
        var description: String { "\(file):\(line.map(String.init) ?? "-") \(severity) [\(rule)]" }
    }

    static func findings(ofAuditJSON data: Data) throws -> Set<Cited> {
        let report = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let sections = try #require(report["indicators"] as? [[String: Any]])
        var found = Set<Cited>()
        for section in sections {
            for f in section["findings"] as? [[String: Any]] ?? [] {
                let first = (f["evidence"] as? [[String: Any]])?.first
                let path = first?["path"] as? String ?? ""
                // A PDF's line counted in `pdftotext -layout` text when the old store was written;
                // now it counts in poppler's plain text: the same words, another line number.
                let line = first?["page"] is Int ? nil : first?["line"] as? Int
                found.insert(Cited(
                    rule: f["rule"] as? String ?? "", severity: f["severity"] as? String ?? "",
                    file: (path as NSString).lastPathComponent, line: line
                ))
            }
        }
        return found
    }

    @Test func anOlderStoreIsAuditedWithTodaysRules() throws {
        let scratch = try Scratch()
        let old = scratch.path + "/old.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: old)

        let stored = try Child.run(["audit", "--db", old, "--format", "json"], in: scratch.path)
        #expect(stored.status == 2, "the store lists a failed file: \(stored.stderr)")
        let asStored = try Self.findings(ofAuditJSON: Data(stored.stdout.utf8))
        #expect(!asStored.isEmpty)

        let again = try Child.run(["audit", "--db", old, "--revalidate", "--format", "json"], in: scratch.path)
        #expect(again.status == 2, "\(again.stderr)")
        let revalidated = try Self.findings(ofAuditJSON: Data(again.stdout.utf8))

        // The same reports, ingested afresh by today's avance.
        let folder = try scratch.sub("reports")
        for report in Self.reports {
            let source = Fixtures.repository.appendingPathComponent("Samples/" + report).path
            try FileManager.default.copyItem(atPath: source, toPath: folder + "/" + (report as NSString).lastPathComponent)
        }
        let ingest = try Child.run(["ingest", "--settle", "0", "--db", scratch.database, folder], in: scratch.path)
        #expect(ingest.status == 2, "one file is truncated: \(ingest.stderr)")
        let fresh = try Child.run(["audit", "--db", scratch.database, "--format", "json"], in: scratch.path)
        let today = try Self.findings(ofAuditJSON: Data(fresh.stdout.utf8))

        #expect(revalidated == today, "only in the revalidated old store: \(revalidated.subtracting(today).sorted { $0.description < $1.description }); only in a fresh store: \(today.subtracting(revalidated).sorted { $0.description < $1.description })")
        #expect(today.contains { $0.rule == "confidential-notice" }, "the old store's notices are judged by its stored findings")
        #expect(today.contains { $0.rule == "quarterly-sum-mismatch" || $0.rule == "annual-target-changed" })
    }
}
