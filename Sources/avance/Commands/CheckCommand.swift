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
        case text, json, jsonl
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

    @Option(help: "Output format: text (for people), json (an array) or jsonl (one record's findings per line).")
    var format: Format = .text

    @OptionGroup var output: OutputOptions

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding reaches this severity: error, warning, info or never.")
    var failOn: Threshold = .error

    @OptionGroup var lang: LanguageOptions

    func validate() throws {
        _ = try output.destination()
    }

    func run() async throws {
        let pipeline = try inputs.pipeline()
        var worst: Severity?
        var reports: [FileFindings] = []
        let failed = Pipeline.each(inputs.files, pipeline.run(path:)) { outcome in
            for record in outcome.records {
                reports.append(FileFindings(path: outcome.document.path, row: record.source.row, findings: record.findings))
                for f in record.findings where worst == nil || f.severity > worst! { worst = f.severity }
            }
        }
        try await reportingStoreErrors {
            let sink = try output.sink()
            do {
                try write(reports, to: sink)
                try sink.finish()
            } catch {
                sink.abandon()
                throw error
            }
        }
        if format == .text {
            let counts = Severity.allCases.reversed().map { s in
                Plural.severity(reports.reduce(0) { $0 + $1.findings.filter { $0.severity == s }.count }, s)
            }
            output.note("avance: \(Plural.count(reports.count, "record")) checked: \(counts.joined(separator: ", "))")
        }
        if failed { throw ExitCode(ExitStatus.inputFailed) }
        if let threshold = failOn.severity, let worst, worst >= threshold { throw ExitCode(ExitStatus.findings) }
    }

    private func write(_ reports: [FileFindings], to sink: OutputSink) throws {
        switch format {
        case .text:
            for report in reports {
                for f in report.findings { try sink.write(TextReport.render(f, path: report.path, row: report.row, language: lang.language) + "\n") }
            }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.userInfo[Language.codingKey] = lang.language
            try sink.write(String(decoding: try encoder.encode(reports), as: UTF8.self) + "\n")
        case .jsonl:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.userInfo[Language.codingKey] = lang.language
            for report in reports { try sink.write(String(decoding: try encoder.encode(report), as: UTF8.self) + "\n") }
        }
    }
}

/// The findings of one record, as `check --format json` prints them.
struct FileFindings: Codable {
    var path: String
    /// The record's row in a table of indicators; null for a narrative report.
    @NullEncoded var row: Int?
    var findings: [Finding]
}
