import AvanceCore
@testable import AvanceStore
import Foundation
import GRDB

/// Builders for hand-made records and throw-away databases.
enum Make {
    static func record(
        path: String = "/reports/a.txt", sha: String, program: String = "O002", activity: String = "F.P.C01.A01",
        indicator: String = "01", year: Int = 2024, quarter: Int = 3, annual: Double? = 4, period: Double? = 2,
        achieved: Double? = 2, percent: Double? = 100, findings: [Finding] = []
    ) -> IndicatorRecord {
        IndicatorRecord(
            source: .init(path: path, sha256: sha, format: .text),
            program: .init(code: program, name: "Fortalecimiento, \"institucional\"", evidence: nil),
            component: .init(code: "F.P.C01", name: "Acciones de acompañamiento", evidence: nil),
            activity: .init(code: activity, name: "Ejecución de acciones", evidence: nil),
            indicator: .init(code: indicator, name: "Número de acciones", description: nil, evidence: nil),
            period: .init(year: year, quarter: quarter, evidence: nil),
            responsibleUnit: .init(name: "Departamento de Vinculación", acronym: nil),
            reportingInstitution: .init(name: "Secretaría Ejecutiva del Sistema Anticorrupción", acronym: "SESAEQROO"),
            targets: .init(unit: "acciones", annual: annual, period: period, achieved: achieved, compliancePercent: percent),
            findings: findings
        )
    }

    static func finding(_ rule: String, _ severity: Severity, line: Int = 12, quote: String = "2 acciones") -> Finding {
        Finding(rule: rule, severity: severity, message: "\(rule) noticed", evidence: [SourceSpan(line: line, column: 3, text: quote)])
    }

    static func document(sha: String, records: [IndicatorRecord]) -> FileContent {
        .new(NewDocument(sha256: sha, format: .text, encoding: "UTF-8", bytes: 100, records: records))
    }

    static func sha(_ n: Int) -> String {
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 64 - hex.count) + hex
    }

    static func stamp(_ size: Int64 = 100, _ mtime: Int64 = 1_700_000_000_000_000_000) -> FileStamp {
        FileStamp(size: size, mtimeNs: mtime)
    }

    static func memoryStore() throws -> Store {
        try Store(DatabaseQueue())
    }
}

/// A temporary directory removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "avance-store-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Store {
    /// The rows of `table` (where `condition` holds).
    func count(_ table: String, where condition: String = "TRUE") throws -> Int {
        try rows("SELECT COUNT(*) AS n FROM \(table) WHERE \(condition)").first?["n"] ?? -1
    }
}
