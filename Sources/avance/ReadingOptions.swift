import ArgumentParser
import AvanceCore
import AvanceExtract

/// How much of a file avance reads, and for how long: for every command that reads reports.
struct ReadingOptions: ParsableArguments {
    @Option(
        name: .customLong("max-size"),
        help: ArgumentHelp(
            "The largest file read: SIZE for every format, or FORMAT=SIZE for one (text, html, csv, pdf, xlsx, xls); sizes like 16M, 512K, 1G. Defaults: text and csv 16M, html 8M, pdf, xlsx and xls 256M. Repeatable.",
            valueName: "[format=]size"
        )
    )
    var maxSizes: [String] = []

    @Option(
        name: .customLong("time-limit"),
        help: ArgumentHelp("Seconds one file may take from its bytes to its records, whatever its format; past it the file fails and the next goes on (a PDF's reader also has --pdf-timeout).", valueName: "seconds")
    )
    var timeLimit: Double = 120

    func validate() throws {
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds.") }
        _ = try limits()
    }

    /// The limits by format, after the defaults and the options in order.
    func limits() throws -> (all: Int, byFormat: [SourceFormat: Int]) {
        var byFormat = Extractor.Options.defaultMaxBytes
        var all = byFormat.values.max() ?? Int.max
        for given in maxSizes {
            let parts = given.split(separator: "=", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                guard let format = SourceFormat(rawValue: parts[0].lowercased()) else {
                    throw ValidationError("--max-size \(given): unknown format \"\(parts[0])\"; one of \(SourceFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                guard let size = ByteSize.parse(parts[1]) else { throw ValidationError("--max-size \(given): \"\(parts[1])\" is not a size (like 16M, 512K, 1G).") }
                byFormat[format] = size
            } else {
                guard let size = ByteSize.parse(given) else { throw ValidationError("--max-size \(given): not a size (like 16M, 512K, 1G), nor FORMAT=SIZE.") }
                for format in SourceFormat.allCases { byFormat[format] = size }
            }
        }
        all = byFormat.values.max() ?? all
        return (all, byFormat)
    }

    /// Sets `options` to these limits.
    func configure(_ options: inout Extractor.Options) {
        guard let (all, byFormat) = try? limits() else { return }
        options.maxBytes = all
        options.maxBytesByFormat = byFormat
    }
}
