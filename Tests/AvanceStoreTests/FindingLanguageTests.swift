import AvanceCore
@testable import AvanceStore
import Foundation
import GRDB
import Testing

/// A finding's message is stored in both languages (`message`, `message_es`); one stored
/// before the Spanish column existed reads back in English in both.
@Suite struct FindingLanguageTests {
    @Test(arguments: Backend.all) func aFindingKeepsBothLanguages(_ backend: Backend) throws {
        let store = try backend.store()
        let text = LocalizedText(es: "La meta anual cambió.", en: "The annual target changed.")
        let finding = Finding(rule: "count-mismatch", severity: .error, message: text, evidence: [SourceSpan(line: 3, column: 1, text: "4")])
        let run = try store.beginRun(version: "0.1.0", paths: ["/r"], pid: 1, host: "h")
        _ = try store.store(
            path: "/r/a.txt", stamp: Make.stamp(),
            content: Make.document(sha: Make.sha(1), records: [Make.record(sha: Make.sha(1), findings: [finding])]), runId: run
        )
        let stored = try store.findings()
        #expect(stored.map(\.finding.text) == [text])
        #expect(stored.map(\.row.message) == ["The annual target changed."])

        try store.execute("UPDATE findings SET message_es = NULL")
        #expect(try store.findings().map(\.finding.text) == [LocalizedText("The annual target changed.")])
    }
}
