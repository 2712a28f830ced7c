import Foundation
import Testing

/// avance.yml changes what check and audit report and what rules shows; a mistake in it is
/// one clear line naming the file, the place and the word, and exit status 64.
@Suite struct ConfigurationTests {
    let original = Binary.packageRoot.appendingPathComponent("Samples/sesaeqroo-2024-T3-F.P.C01.A01.txt").path

    /// A temporary folder holding an avance.yml with `yaml`.
    static func folder(_ yaml: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("avance-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("avance.yml"))
        return dir
    }

    static func checkFindings(_ r: Binary.Result) throws -> [(rule: String, severity: String)] {
        let reports = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]], "\(r.stderr)")
        return reports.flatMap { ($0["findings"] as? [[String: Any]]) ?? [] }.map { ($0["rule"] as? String ?? "", $0["severity"] as? String ?? "") }
    }

    @Test func severitiesAndDisabledRulesChangeCheck() throws {
        let plain = try Self.checkFindings(try Binary.run(["check", "--format", "json", original]))
        #expect(plain.contains { $0 == ("ambiguous-date", "info") } && plain.contains { $0.rule == "confidential-notice" })

        let dir = try Self.folder("""
            rules:
              ambiguous-date: error
              confidential-notice: off
              count-mismatch:
                severity: info
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        // Found in the current folder...
        let here = try Binary.run(["check", "--format", "json", "--fail-on", "never", original], in: dir)
        let changed = try Self.checkFindings(here)
        #expect(changed.contains { $0 == ("ambiguous-date", "error") })
        #expect(changed.contains { $0 == ("count-mismatch", "info") })
        #expect(!changed.contains { $0.rule == "confidential-notice" })
        // ... or named with --config.
        let named = try Binary.run(["check", "--format", "json", "--fail-on", "never", "--config", dir.appendingPathComponent("avance.yml").path, original])
        #expect(try Self.checkFindings(named).map(\.rule) == changed.map(\.rule))
    }

    @Test func severitiesAndDisabledRulesChangeAudit() throws {
        let (folder, database) = try AuditTests.ingested([AuditTests.planted])
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = folder.appendingPathComponent("audit.yml")
        try Data("""
            rules:
              missing-quarter: error
              conflicting-duplicate:
                enabled: false
            """.utf8).write(to: yaml)
        let (status, report) = try AuditTests.auditJSON(database, ["--config", yaml.path, "--fail-on", "never"])
        #expect(status == 0)
        let found = AuditTests.findings(report)
        #expect(found.contains { $0.rule == "missing-quarter" && $0.severity == "error" })
        #expect(!found.contains { $0.rule == "conflicting-duplicate" })
        #expect(found.count == 4)
    }

    @Test func rulesShowsTheEffectiveSeverities() throws {
        let dir = try Self.folder("rules:\n  missing-quarter: warning\n  ambiguous-date: off\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Binary.run(["rules", "--format", "json"], in: dir)
        let rules = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
        let byId = Dictionary(uniqueKeysWithValues: rules.map { ($0["id"] as? String ?? "", $0) })
        #expect(byId["missing-quarter"]?["severity"] as? String == "warning")
        #expect(byId["missing-quarter"]?["defaultSeverity"] as? String == "info")
        #expect(byId["ambiguous-date"]?["severity"] as? String == "off")
        #expect(byId["ambiguous-date"]?["enabled"] as? Bool == false)
    }

    @Test(arguments: [
        ("rules:\n  ambigous-date: error\n", "avance.yml:2:3: unknown rule \"ambigous-date\"; did you mean \"ambiguous-date\"?"),
        ("date-ordr: month-day\n", "avance.yml:1:1: unknown key \"date-ordr\"; did you mean \"date-order\"?"),
        ("rules:\n  missing-quarter:\n    severty: warning\n", "avance.yml:3:5: unknown key \"missing-quarter.severty\"; did you mean \"severity\"?"),
        ("rules:\n  missing-quarter: loud\n", "avance.yml:2:20: missing-quarter: \"loud\" is no severity"),
        ("date-order: year-first\n", "avance.yml:1:13: date-order must be day-month or month-day"),
        ("rules: [\n", "avance.yml: not valid YAML"),
    ])
    func aMistakeIsOneClearLineAndExit64(yaml: String, message: String) throws {
        let dir = try Self.folder(yaml)
        defer { try? FileManager.default.removeItem(at: dir) }
        for command in [["check", original], ["rules"], ["audit"], ["ingest", dir.path], ["parse", original]] {
            let r = try Binary.run(command, in: dir)
            #expect(r.status == 64, "\(command[0]): \(r.stderr)")
            #expect(r.stderr.contains("avance: " + message), "\(command[0]): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func anEmptyFileOrAnEmptySectionChangesNothing() throws {
        for yaml in ["", "# nothing yet\n", "rules:\n#  ambiguous-date: off\nexclude:\n"] {
            let dir = try Self.folder(yaml)
            defer { try? FileManager.default.removeItem(at: dir) }
            let r = try Binary.run(["rules", "--format", "json"], in: dir)
            #expect(r.status == 0, "\(r.stderr)")
            let rules = try #require(try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])
            #expect(rules.allSatisfy { $0["severity"] as? String == $0["defaultSeverity"] as? String })
        }
    }

    @Test func aMissingConfigurationFileIsAnError() throws {
        let r = try Binary.run(["rules", "--config", "/nonexistent/avance.yml"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("/nonexistent/avance.yml: cannot read the configuration: no such file"))
    }

    @Test func dateOrderAndInstitutionsReachTheParser() throws {
        let dir = try Self.folder("""
            date-order: month-day
            institutions:
              - name: Secretaría Ejecutiva del Sistema Anticorrupción del Estado de Quintana Roo
                acronym: SESAEQROO
            """)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Binary.run(["parse", "--format", "json", original], in: dir)
        let record = try #require((try JSONSerialization.jsonObject(with: r.stdout) as? [[String: Any]])?.first)
        let dates = record["dates"] as? [[String: Any]] ?? []
        #expect(dates.contains { $0["text"] as? String == "10/05/2024" && $0["value"] as? String == "2024-10-05" }, "read month first")
        let overridden = try Binary.run(["parse", "--format", "json", "--date-order", "day-month", original], in: dir)
        let again = try #require((try JSONSerialization.jsonObject(with: overridden.stdout) as? [[String: Any]])?.first)
        #expect((again["dates"] as? [[String: Any]] ?? []).contains { $0["value"] as? String == "2024-05-10" }, "the option wins over the file")
        // ICAI is only ever named by its acronym; the configuration spells it out.
        let icai = try Binary.run(["parse", "--format", "json", Binary.packageRoot.appendingPathComponent("Samples/icai-2023-T2-C03.A02.md").path], in: dir)
        let icaiRecord = try #require((try JSONSerialization.jsonObject(with: icai.stdout) as? [[String: Any]])?.first)
        #expect((icaiRecord["reportingInstitution"] as? [String: Any])?["name"] is NSNull, "without the configuration the name is unknown")
        try Data("institutions:\n  - name: Instituto Coahuilense de Acceso a la Información Pública\n    acronym: ICAI\n".utf8)
            .write(to: dir.appendingPathComponent("avance.yml"))
        let known = try Binary.run(["parse", "--format", "json", Binary.packageRoot.appendingPathComponent("Samples/icai-2023-T2-C03.A02.md").path], in: dir)
        let knownRecord = try #require((try JSONSerialization.jsonObject(with: known.stdout) as? [[String: Any]])?.first)
        #expect((knownRecord["reportingInstitution"] as? [String: Any])?["name"] as? String == "Instituto Coahuilense de Acceso a la Información Pública")
    }
}
