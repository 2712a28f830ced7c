import ArgumentParser
import AvanceCore
import AvanceReport
import Foundation

/// `avance check FILE...`: the findings of reports, for people or programs.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate reports and print their findings.",
        discussion: """
            Exit status: 0 no finding at or above --fail-on, 1 findings at or above it, \
            2 a file could not be read or holds no report (the others are still checked), 64 usage or a mistake in avance.yml.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    enum Threshold: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never

        var severity: Severity? {
            switch self {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .never: nil
            }
        }
    }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: text (for people) or json (for programs).")
    var format: Format = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding reaches this severity: error, warning, info or never.")
    var failOn: Threshold = .error

    func run() async throws {
        let pipeline = try inputs.pipeline()
        var failed = false
        var worst: Severity?
        var reports: [FileFindings] = []
        for path in inputs.files {
            let outcome: Pipeline.Outcome
            do {
                outcome = try pipeline.run(path: path)
            } catch {
                failed = true
                Output.error(error.description)
                continue
            }
            for record in outcome.records {
                reports.append(FileFindings(path: path, row: record.source.row, findings: record.findings))
                for f in record.findings where worst == nil || f.severity > worst! { worst = f.severity }
            }
        }
        switch format {
        case .text:
            for report in reports {
                for f in report.findings { Output.line(TextReport.render(f, path: report.path, row: report.row)) }
            }
            let counts = Severity.allCases.reversed().map { s in
                "\(reports.reduce(0) { $0 + $1.findings.filter { $0.severity == s }.count }) \(s.rawValue)"
            }
            Output.error("\(reports.count) record\(reports.count == 1 ? "" : "s") checked: \(counts.joined(separator: ", "))")
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(try encoder.encode(reports))
        }
        if failed { throw ExitCode(ExitStatus.inputFailed) }
        if let threshold = failOn.severity, let worst, worst >= threshold { throw ExitCode(ExitStatus.findings) }
    }
}

/// The findings of one record, as `check --format json` prints them.
struct FileFindings: Codable {
    var path: String
    /// The record's row in a table of indicators; null for a narrative report.
    @NullEncoded var row: Int?
    var findings: [Finding]
}
