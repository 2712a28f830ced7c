import ArgumentParser
import AvanceCore
import AvanceReport
import AvanceStore
import AvanceValidate
import Foundation

/// `avance audit`: the cross-report rules over the stored records, with each record's own
/// findings, grouped by indicator, for people (text, HTML) or programs (JSON, CSV).
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the stored reports against each other and report every finding by indicator.",
        discussion: """
            Reads the current records of the database (see `avance ingest`), runs the cross-report \
            rules over each indicator's reports (sums of quarters, annual targets that change, \
            cumulative figures that go down, conflicting duplicates, missing quarters), adds each \
            record's stored findings, and reports them grouped by indicator. avance.yml's rule \
            settings apply to both kinds. With --revalidate each stored record is checked again by \
            this avance's record rules (for a store written by an older version).

            Exit status: 0 no finding at or above --fail-on; 1 findings at or above it; 2 the store \
            lists files that could not be read (they are in the report; the rest is audited); \
            64 usage or configuration error; 74 the database could not be read or the output written.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv, html, xlsx
    }

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var config: ConfigOptions

    @OptionGroup var lang: LanguageOptions

    @Option(name: .customLong("min-severity"), help: ArgumentHelp("Leave out findings below this severity: info (default), warning or error.", valueName: "severity"))
    var minimumSeverity: Severity = .info

    @Option(name: .customLong("since-run"), help: ArgumentHelp("Mark as new the findings about documents first stored after this ingest run (see the runs table).", valueName: "run"))
    var sinceRun: Int?

    @Option(help: "Only the reports of this year.")
    var year: Int?

    @Option(help: ArgumentHelp("Only the reports of this budget program (its code, e.g. E001; case and dots ignored).", valueName: "code"))
    var program: String?

    @Option(help: "text, json, csv, html (one self-contained page) or xlsx (a workbook: Hallazgos and Indicadores).")
    var format: Format = .text

    @OptionGroup var out: OutputOptions

    @OptionGroup var csv: CSVOptions

    private var output: String? { out.output }

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding reaches this severity: error, warning, info or never.")
    var failOn: CheckCommand.Threshold = .error

    @Flag(help: "Check the stored records again with this avance's record rules, instead of reporting the findings made when they were stored (a store written by an older avance).")
    var revalidate = false

    func validate() throws {
        if let year, !(1900...2200).contains(year) { throw ValidationError("--year must be a year such as 2024.") }
        if let program, Codes.key(program).isEmpty { throw ValidationError("--program must be a program code such as E001.") }
        _ = try out.destination(database: database.path)
        if csv.bom && format != .csv { throw ValidationError("--bom applies to --format csv only") }
    }

    func run() async throws {
        let configuration = try config.load()
        var report: AuditReport?
        try await reportingStoreErrors {
            let store = try Store.openForReading(try database.address())
            var records = try store.currentRecordsForAudit(year: year).map(\.record)
            if let program {
                let key = Codes.key(program)
                records = records.filter { $0.program?.code.map(Codes.key) == key }
            }
            let failures = try store.openFailures(kind: .failure).map { FailedFile(path: Self.relative($0.path), reason: $0.reason) }
            let notReports = try store.openFailures(kind: .notAReport).map { FailedFile(path: Self.relative($0.path), reason: $0.reason) }
            if revalidate {
                let validator = Validator(settings: configuration.rules)
                for i in records.indices { records[i].findings = validator.revalidate(records[i]) }
            }
            let audits = Auditor(settings: configuration.rules).audit(records.map(Self.relative))
            var newDocuments: Set<String>?
            if let sinceRun {
                let since = try store.documentsStored(after: Int64(sinceRun))
                guard since.runExists else {
                    Output.error("--since-run \(sinceRun): the database has no such run (see its runs table)")
                    throw ExitCode(ExitStatus.usage)
                }
                newDocuments = since.documents
            }
            // A waiver in avance.yml wins over one in the database for the same finding.
            let waivers = try store.waivers().merging(configuration.waivers) { _, configured in configured }
            let options = AuditReport.Options(
                language: lang.language, ruleTitles: Catalogue.titles, minimumSeverity: minimumSeverity,
                trafficLight: configuration.trafficLight, waivers: waivers, newDocuments: newDocuments
            )
            let built = AuditReport(
                audits, generatedAt: ISO8601DateFormatter().string(from: Date()), failures: failures, notReports: notReports,
                database: database.path, year: year, program: program, sinceRun: sinceRun, options: options
            )
            let destination = try OutputPath.check(output, database: database.path)
            let sink = try OutputSink(destination)
            do {
                switch format {
                case .text: try sink.write(TextReport.render(built))
                case .json: try sink.write(try JSONReport.render(built))
                case .csv: try sink.write(CSVReport.render(built, byteOrderMark: csv.bom))
                case .html: try sink.write(HTMLReport.render(built, links: Self.links(output: output), context: EvidenceContext()))
                case .xlsx: try sink.write(bytes: try WorkbookReport.render(built))
                }
                try sink.finish()
            } catch let error as OutputError {
                sink.abandon()
                throw error
            } catch {
                sink.abandon()
                throw OutputError.cannotWrite(path: output ?? "standard output", reason: "\(error)")
            }
            report = built
        }
        guard let report else { return }
        let s = report.summary
        let toFile = out.toFile
        if (toFile || format != .text) && !out.quiet {
            let counts = s.findingsBySeverity.map { Plural.severity($0.count, $0.severity) }.joined(separator: ", ")
            Console.standardError.line("audit: \(Plural.count(s.indicators, "indicator")) in \(Plural.count(s.documents, "document")); findings: \(counts)\(toFile ? "; written to \(output ?? "")" : "")")
        }
        if !report.failures.isEmpty {
            Output.error("\(report.failures.count) file\(report.failures.count == 1 ? "" : "s") in the store could not be read (listed in the report and in the failures table)")
            throw ExitCode(ExitStatus.inputFailed)
        }
        if let threshold = failOn.severity, let worst = report.worstSeverity, worst >= threshold {
            throw ExitCode(ExitStatus.findings)
        }
    }
}

extension AuditCommand {
    /// A path under the current folder, relative to it: the store keeps absolute paths,
    /// an auditor reads `Samples/x.pdf` more easily.
    static func relative(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Links from the page to the files: relative where the page is written in the current
    /// folder (or printed), else absolute.
    static func links(output: String?) -> FileLink {
        let here = FileManager.default.currentDirectoryPath
        guard let output, output != "-" else { return FileLink() }
        let folder = (URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.path as NSString).resolvingSymlinksInPath
        if folder == (here as NSString).resolvingSymlinksInPath { return FileLink() }
        return FileLink(base: FileLink.fileURL(folder: here))
    }

    static func relative(_ record: IndicatorRecord) -> IndicatorRecord {
        var r = record
        r.source.path = relative(r.source.path)
        return r
    }
}
