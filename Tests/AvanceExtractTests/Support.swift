import Foundation

/// Where the committed samples are, found from this file's place in the checkout so the
/// tests run from any working directory.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func sample(_ name: String) -> String { root.appendingPathComponent("Samples/\(name)").path }
}
