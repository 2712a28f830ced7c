import AvanceCore
import AvanceExtract
import AvanceParse
import AvanceValidate

/// The fuzz target: one input through the text, HTML, XLSX, ODS and CSV extractors (and the
/// legacy Excel reader, FreeXL), then the parser (linked sheets included) and the record rules,
/// as avance takes a file. Never a crash, a sanitizer report or a hang on any input.
///
/// Built by `Scripts/fuzz` with `-sanitize=fuzzer,address`, libFuzzer calls
/// `LLVMFuzzerTestOneInput` with each input it makes. Built normally (`swift build`), the
/// program reads the files named on its command line through the same target: how an input the
/// fuzzer once crashed on is run again (`Tests/Fuzz/crashes/`, run by `FuzzRegressionTests`).
enum FuzzTarget {
    /// The names the input is given, one per run: the content decides the format, and a `.csv`
    /// name tips a doubtful delimited text towards CSV, so both readings of such text are tried.
    static let names = ["informe.txt", "informe.csv"]

    static func run(_ bytes: [UInt8]) {
        var options = Extractor.Options(maxBytes: 1 << 20, maxCells: 20_000)
        // A PDF goes to no reader: PDFs are read by poppler in processes of their own, and
        // the fuzzer is for what avance reads in its own process.
        options.pdftotextPath = "/nonexistent/pdftotext"
        options.maxWorkbookBytes = 8 << 20
        let extractor = Extractor(options: options)
        let parser = Parser()
        let validator = Validator()
        // Binary data is also tried under a legacy workbook's name, which makes an Office
        // container without a workbook a damaged workbook rather than binary data.
        for name in names + (FormatSniffer.sniff(bytes) == .binary ? ["informe.xls"] : []) {
            guard let document = try? extractor.extract(bytes: bytes, path: name) else { continue }
            guard let records = try? parser.parse(document) else { continue }
            for record in records { _ = validator.validate(record) }
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

#if AVANCE_FUZZING
/// libFuzzer's driver: the fuzzing loop, its options and its reports.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// The program's entry: SwiftPM links an executable's `main` to `<module>_main`, so the
/// fuzzing build names libFuzzer's driver there.
@_cdecl("AvanceFuzz_main")
func fuzzingMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
import Foundation

@main
struct Replay {
    /// Runs each file named through the target; says which it ran.
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("avance-fuzz: \(path): cannot be read\n".utf8))
                exit(2)
            }
            FuzzTarget.run([UInt8](data))
            print("ran \(path)")
        }
    }
}
#endif
