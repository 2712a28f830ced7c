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
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // The shared store: a PostgreSQL server that several ingest workers write at once.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Reads the ZIP container of XLSX workbooks (its parts are then XML, read with libxml2).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .target(name: "AvanceCore"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // poppler's own library, in process: a PDF's words, their boxes and fonts in one pass.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        // FreeXL: legacy Excel workbooks (.xls, BIFF5 to BIFF8), read into the same cells as XLSX.
        .systemLibrary(
            name: "CFreeXL",
            pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        // prctl (variadic, so not callable from Swift): PDF workers die with avance.
        .systemLibrary(name: "CProcessControl"),
        .target(
            name: "AvanceExtract",
            dependencies: [
                "AvanceCore", "CLibXML2", "CPoppler", "CFreeXL", "CProcessControl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .target(name: "AvanceParse", dependencies: ["AvanceCore"]),
        .target(name: "AvanceValidate", dependencies: ["AvanceCore"]),
        .target(
            name: "AvanceStore",
            dependencies: [
                "AvanceCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The auditor's report (text, JSON, CSV, HTML); Plot escapes every text it is given.
        .target(
            name: "AvanceReport",
            dependencies: ["AvanceCore", .product(name: "Plot", package: "Plot"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "avance",
            dependencies: [
                "AvanceCore", "AvanceExtract", "AvanceParse", "AvanceValidate", "AvanceStore", "AvanceReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The fuzz target over the extractors and the parser: Scripts/fuzz builds it with
        // -sanitize=fuzzer,address for libFuzzer; a normal build runs it on the files it names.
        .executableTarget(
            name: "AvanceFuzz",
            dependencies: ["AvanceCore", "AvanceExtract", "AvanceParse", "AvanceValidate"]
        ),
        // What several test targets share (a writer of small PDFs); no part of avance.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The tests' PostgreSQL server (AVANCE_TEST_POSTGRES) and a new database on it for each
        // test, for the store's suite and the command line's shared-store tests; no part of avance.
        .target(
            name: "StoreTestSupport",
            dependencies: ["AvanceStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(name: "AvanceCoreTests", dependencies: ["AvanceCore"]),
        .testTarget(
            name: "AvanceExtractTests",
            dependencies: [
                "AvanceCore", "AvanceExtract", "TestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .testTarget(name: "AvanceParseTests", dependencies: ["AvanceCore", "AvanceExtract", "AvanceParse"]),
        .testTarget(
            name: "AvanceValidateTests",
            dependencies: ["AvanceCore", "AvanceExtract", "AvanceParse", "AvanceValidate", "TestSupport"]
        ),
        // Runs the built binary over Samples/ and compares with the hand-written expected records.
        .testTarget(name: "SamplesTests", dependencies: ["avance", "AvanceCore"]),
        .testTarget(name: "AvanceReportTests", dependencies: ["AvanceCore", "AvanceReport"]),
        .testTarget(
            name: "AvanceStoreTests",
            dependencies: ["AvanceStore", "AvanceCore", "StoreTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(
            name: "avanceTests",
            dependencies: [
                "avance", "AvanceFuzz", "AvanceCore", "AvanceExtract", "AvanceStore", "TestSupport", "StoreTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ]
)
