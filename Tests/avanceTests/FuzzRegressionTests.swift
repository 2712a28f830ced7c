import Foundation
import Testing

/// The fuzz target (`Sources/AvanceFuzz`), built normally, runs the files it is given through
/// the extractors, the parser and the rules: every input the fuzzer once crashed on
/// (`Tests/Fuzz/crashes/`) and the hostile inputs of the tests, each of which must end cleanly.
@Suite struct FuzzRegressionTests {
    static let binary = URL(fileURLWithPath: Child.binary).deletingLastPathComponent().appendingPathComponent("AvanceFuzz").path

    @Test func everyInputTheFuzzerKeptRunsCleanly() throws {
        let scratch = try Scratch()
        let crashes = Fixtures.repository.appendingPathComponent("Tests/Fuzz/crashes").path
        var inputs = try FileManager.default.contentsOfDirectory(atPath: crashes)
            .filter { $0 != "README.md" }.map { crashes + "/" + $0 }
        // And inputs made to hurt: a figure of 400 digits, a broken workbook, markup nested
        // deep, a CSV whose quote never closes, bytes that are no text.
        let made: [(String, [UInt8])] = [
            ("cifra.txt", Array((Fixtures.sample.replacingOccurrences(of: "es de 4 acciones", with: "es de \(String(repeating: "9", count: 400)) acciones")).utf8)),
            ("libro.xlsx", [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0xFF, count: 300)),
            ("anidado.html", Array(("<html><body>" + String(repeating: "<div><b>", count: 5_000) + "Programa presupuestario: E001").utf8)),
            ("comillas.csv", Array("a,b,c\n1,\"2,3\n4,5,6\n".utf8)),
            ("binario.txt", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }),
        ]
        for (name, bytes) in made {
            let path = scratch.path + "/" + name
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            inputs.append(path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = inputs
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(printed == inputs.map { "ran \($0)\n" }.joined())
    }
}
