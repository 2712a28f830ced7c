// swift-tools-version:6.0
import PackageDescription

// extract → parse → validate → store and report.
// Each stage depends on AvanceCore only; the command line wires them together.
let package = Package(
    name: "avance",
    products: [
        .executable(name: "avance", targets: ["avance"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        .target(name: "AvanceCore"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "AvanceExtract",
            dependencies: [
                "AvanceCore", "CLibXML2",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "AvanceParse", dependencies: ["AvanceCore"]),
        .target(name: "AvanceValidate", dependencies: ["AvanceCore"]),
        .executableTarget(
            name: "avance",
            dependencies: [
                "AvanceCore", "AvanceExtract", "AvanceParse", "AvanceValidate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "AvanceCoreTests", dependencies: ["AvanceCore"]),
        .testTarget(name: "AvanceExtractTests", dependencies: ["AvanceCore", "AvanceExtract"]),
    ]
)
