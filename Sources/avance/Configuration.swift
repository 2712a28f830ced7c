import ArgumentParser
import AvanceCore
import AvanceParse
import AvanceReport
import AvanceValidate
import Foundation
import Yams

/// `avance.yml`: what a user changes about the rules and the reading of reports. Read from
/// `--config FILE`, else from `avance.yml` in the current folder when there is one.
///
/// ```yaml
/// rules:
///   ambiguous-date: warning        # a severity: error, warning or info
///   date-outside-period: off       # a rule turned off
///   missing-quarter:
///     severity: warning
///     enabled: true
/// date-order: day-month            # or month-day
/// institutions:
///   - name: Colegio de Bachilleres del Estado de Quintana Roo
///     acronym: CBQROO
/// exclude:                         # names passed over by ingest (shell patterns)
///   - borradores
///   - "*.docx"
/// include:                         # if given, only files whose name matches are ingested
///   - "*.pdf"
/// traffic-light:                   # the semáforo (see TrafficLightConfiguration.swift)
///   green: [90, 110]
///   yellow: [70, 130]
///   programs:
///     E023: {green: [95, 105], direction: descending}
/// waivers:                         # findings an auditor waived, by the audit's fingerprint
///   - fingerprint: 3f9a0c1d2e4b5a67
///     reason: Revisado con la unidad responsable
/// ```
struct Configuration: Sendable {
    /// The file read; `nil` when there is none.
    var path: String?
    var rules = RuleSettings()
    var dateOrder: ParseOptions.NumericDateOrder?
    var institutions: [ParseOptions.KnownInstitution] = []
    var exclude: [String] = []
    var include: [String] = []
    var trafficLight = TrafficLightSettings()
    /// Findings waived, by fingerprint: the reason.
    var waivers: [String: String] = [:]

    static let fileName = "avance.yml"
    static let keys = ["rules", "date-order", "institutions", "exclude", "include", "traffic-light", "waivers"]
    static let ruleKeys = ["severity", "enabled"]
    static let institutionKeys = ["name", "acronym"]

    /// The configuration `--config` names, else `./avance.yml` if present, else the defaults.
    static func load(explicit: String?) throws(ConfigurationError) -> Configuration {
        let path: String
        if let explicit {
            path = explicit
        } else {
            let local = FileManager.default.currentDirectoryPath + "/" + fileName
            guard FileManager.default.fileExists(atPath: local) else { return Configuration() }
            path = fileName
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            throw .unreadable(path: path, reason: !exists ? "no such file" : isFolder.boolValue ? "a folder, not a file" : "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: path, reason: "not UTF-8 text") }
        return try parse(text, path: path)
    }

    static func parse(_ text: String, path: String) throws(ConfigurationError) -> Configuration {
        var config = Configuration(path: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConfigurationError.syntax(path: path, detail: Self.describe(error))
        } catch {
            throw ConfigurationError.syntax(path: path, detail: "\(error)")
        }
        guard let root else { return config }
        let at = Place(path: path)
        guard let mapping = root.mapping else { throw .invalid(at(root), "the file must be a mapping of keys (\(keys.joined(separator: ", ")))") }
        for (key, value) in mapping {
            let name = key.string ?? ""
            // `rules:` with nothing under it (everything commented out) changes nothing.
            if Self.keys.contains(name), isNull(value) { continue }
            switch name {
            case "rules":
                try readRules(value, at, into: &config.rules)
            case "date-order":
                guard let s = value.scalar?.string, let order = ParseOptions.NumericDateOrder(rawValue: s) else {
                    throw .invalid(at(value), "date-order must be day-month or month-day")
                }
                config.dateOrder = order
            case "institutions":
                config.institutions = try readInstitutions(value, at)
            case "exclude":
                config.exclude = try strings(value, at, key: "exclude")
            case "include":
                config.include = try strings(value, at, key: "include")
            case "traffic-light":
                config.trafficLight = try readTrafficLight(value, at)
            case "waivers":
                config.waivers = try readWaivers(value, at)
            default:
                throw .unknownKey(at(key), key: name, known: keys)
            }
        }
        return config
    }

    private static func readRules(_ node: Node, _ at: Place, into settings: inout RuleSettings) throws(ConfigurationError) {
        guard let mapping = node.mapping else { throw .invalid(at(node), "rules must map rule ids to a severity, off, or {severity, enabled}") }
        let known = Catalogue.descriptions.map(\.id)
        for (key, value) in mapping {
            let id = key.string ?? ""
            guard known.contains(id) else { throw .unknownRule(at(key), id: id, known: known) }
            if let s = value.scalar?.string {
                // `rule: warning` sets a severity; `rule: off` turns it off.
                if let enabled = bool(s) {
                    if enabled { settings.disabled.remove(id) } else { settings.disabled.insert(id) }
                } else if let severity = Severity(rawValue: s) {
                    settings.severity[id] = severity
                } else {
                    throw .invalid(at(value), "\(id): \"\(s)\" is no severity (error, warning, info) nor off/on")
                }
                continue
            }
            guard let fields = value.mapping else { throw .invalid(at(value), "\(id): give a severity, off, or {severity, enabled}") }
            for (field, v) in fields {
                switch field.string ?? "" {
                case "severity":
                    guard let s = v.scalar?.string, let severity = Severity(rawValue: s) else {
                        throw .invalid(at(v), "\(id).severity must be error, warning or info")
                    }
                    settings.severity[id] = severity
                case "enabled":
                    guard let enabled = v.scalar.flatMap({ bool($0.string) }) else { throw .invalid(at(v), "\(id).enabled must be true or false") }
                    if enabled { settings.disabled.remove(id) } else { settings.disabled.insert(id) }
                default:
                    throw .unknownKey(at(field), key: "\(id).\(field.string ?? "")", known: ruleKeys)
                }
            }
        }
    }

    private static func readInstitutions(_ node: Node, _ at: Place) throws(ConfigurationError) -> [ParseOptions.KnownInstitution] {
        guard let sequence = node.sequence else { throw .invalid(at(node), "institutions must be a list of {name, acronym}") }
        var result: [ParseOptions.KnownInstitution] = []
        for item in sequence {
            if let name = item.scalar?.string, !name.isEmpty {
                result.append(.init(name: name))
                continue
            }
            guard let fields = item.mapping else { throw .invalid(at(item), "each institution is a name or {name, acronym}") }
            var name: String?
            var acronym: String?
            for (field, v) in fields {
                switch field.string ?? "" {
                case "name": name = v.scalar?.string
                case "acronym": acronym = v.scalar?.string
                default: throw .unknownKey(at(field), key: "institutions[].\(field.string ?? "")", known: institutionKeys)
                }
            }
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid(at(item), "an institution needs a name") }
            result.append(.init(name: name, acronym: acronym.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return result
    }

    private static func strings(_ node: Node, _ at: Place, key: String) throws(ConfigurationError) -> [String] {
        if let s = node.scalar?.string { return [s] }
        guard let sequence = node.sequence else { throw .invalid(at(node), "\(key) must be a list of names or shell patterns") }
        return try sequence.map { (item: Node) throws(ConfigurationError) -> String in
            guard let s = item.scalar?.string else { throw .invalid(at(item), "\(key): each entry is a name or a pattern") }
            return s
        }
    }

    /// An empty value, `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func bool(_ s: String) -> Bool? {
        switch s.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            "line \(mark.line), column \(mark.column): \(problem)"
        case .duplicatedKeysInMapping(let duplicates, let context):
            "line \(context.mark.line): the key \(duplicates.joined(separator: ", ")) is given twice"
        default:
            "\(error)"
        }
    }

    /// `avance.yml:4:3`: where a node stands, for messages.
    struct Place {
        var path: String
        func callAsFunction(_ node: Node) -> String {
            guard let mark = node.mark else { return path }
            return "\(path):\(mark.line):\(mark.column)"
        }
    }

    /// The parser's options as the configuration and `--date-order` set them.
    func parseOptions(dateOrder override: ParseOptions.NumericDateOrder? = nil) -> ParseOptions {
        let order = override ?? dateOrder ?? .dayMonth
        return ParseOptions(numericDateOrder: order, institutions: institutions)
    }
}

/// Why the configuration could not be used. Each message names the file, and the line and
/// column where the problem is.
enum ConfigurationError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case syntax(path: String, detail: String)
    case unknownKey(String, key: String, known: [String])
    case unknownRule(String, id: String, known: [String])
    case invalid(String, String)

    var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "\(path): cannot read the configuration: \(reason)"
        case .syntax(let path, let detail):
            "\(path): not valid YAML: \(detail)"
        case .unknownKey(let place, let key, let known):
            "\(place): unknown key \"\(key)\"\(Self.suggestion(key.split(separator: ".").last.map(String.init) ?? key, known)) (known keys: \(known.joined(separator: ", ")))"
        case .unknownRule(let place, let id, let known):
            "\(place): unknown rule \"\(id)\"\(Self.suggestion(id, known)) (see `avance rules`)"
        case .invalid(let place, let detail):
            "\(place): \(detail)"
        }
    }

    /// `; did you mean "ambiguous-date"?` for a near miss.
    static func suggestion(_ word: String, _ known: [String]) -> String {
        let best = known.map { ($0, distance(word, $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= max(2, word.count / 4) else { return "" }
        return "; did you mean \"\(best.0)\"?"
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}

/// `--config FILE`, shared by every command the configuration changes.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: ArgumentHelp("The configuration file (default: $AVANCE_CONFIG, else ./avance.yml when present).", valueName: "file")
    )
    var path: String?

    /// The file named by `--config`, else by `AVANCE_CONFIG` (as `AVANCE_DB` names the database).
    var explicitPath: String? {
        path ?? ProcessInfo.processInfo.environment["AVANCE_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The configuration; a problem with it is one `avance:` line and exit status 64.
    func load() throws -> Configuration {
        do {
            return try Configuration.load(explicit: explicitPath)
        } catch {
            Output.error(error.description)
            throw ExitCode(ExitStatus.usage)
        }
    }
}
