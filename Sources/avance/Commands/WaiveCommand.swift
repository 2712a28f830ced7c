import ArgumentParser
import AvanceCore
import AvanceStore
import Foundation

/// `avance waive FINGERPRINT... --reason TEXT`: an auditor's decision that a finding needs no
/// more attention, kept in the database by the finding's fingerprint (the audit prints it), so
/// that it stays waived across runs and re-ingests of the same documents.
struct WaiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "Waive findings by their fingerprint, with a reason.",
        discussion: """
            The audit prints each finding's fingerprint (rule, documents' content, quoted words). \
            A waived finding is shown apart, with its reason, and counts for neither the totals \
            nor --fail-on. A changed document makes new fingerprints: its findings are new. \
            Waivers can also be listed in avance.yml (waivers: [{fingerprint, reason}]).
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The fingerprints of the findings (16 hexadecimal digits, as the audit prints them).", valueName: "fingerprint"))
    var fingerprints: [String]

    @Option(help: "Why the findings need no more attention (kept with them, shown by the audit).")
    var reason: String

    func validate() throws {
        for f in fingerprints where !Fingerprint.isValid(f.lowercased()) {
            throw ValidationError("\"\(f)\" is no fingerprint: 16 hexadecimal digits, as `avance audit` prints them.")
        }
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must say why.") }
    }

    func run() async throws {
        try await reportingStoreErrors {
            let store = try Store.open(try database.address())
            try store.waive(fingerprints.map { $0.lowercased() }, reason: reason)
            Console.standardError.line("waived \(fingerprints.count) finding\(fingerprints.count == 1 ? "" : "s")")
        }
    }
}
