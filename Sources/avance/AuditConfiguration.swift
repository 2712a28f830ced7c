// The audit's settings in avance.yml: the semáforo and the waivers.
import AvanceCore
import AvanceReport
import Foundation
import Yams

/// `traffic-light:` in avance.yml, the semáforo's thresholds: for every indicator, and for
/// the indicators of a budget program, which may also say the indicator is descending.
///
/// ```yaml
/// traffic-light:
///   green: [90, 110]       # compliance % in this range: green
///   yellow: [70, 130]      # else in this range: yellow; else red
///   direction: ascending   # or descending (less is better)
///   programs:
///     E023: {green: [95, 105], yellow: [80, 120]}
///     K025: {direction: descending}
/// ```
extension Configuration {
    static let trafficLightKeys = ["green", "yellow", "direction", "programs"]

    static func readTrafficLight(_ node: Node, _ at: Place) throws(ConfigurationError) -> TrafficLightSettings {
        guard let mapping = node.mapping else { throw .invalid(at(node), "traffic-light must map green, yellow, direction and programs") }
        var settings = TrafficLightSettings()
        var programs: Node?
        for (key, value) in mapping {
            if key.string == "programs" { programs = value; continue }
            try readThreshold(key, value, at, into: &settings.standard, known: trafficLightKeys)
        }
        try check(settings.standard, at(node))
        if let programs, !isNull(programs) {
            guard let entries = programs.mapping else { throw .invalid(at(programs), "traffic-light.programs must map program codes to thresholds") }
            for (code, value) in entries {
                let key = Codes.key(code.string ?? "")
                guard !key.isEmpty else { throw .invalid(at(code), "traffic-light.programs: \"\(code.string ?? "")\" is no program code") }
                guard let fields = value.mapping else { throw .invalid(at(value), "traffic-light.programs.\(code.string ?? ""): give green, yellow or direction") }
                var thresholds = settings.standard
                for (field, v) in fields {
                    try readThreshold(field, v, at, into: &thresholds, known: ["green", "yellow", "direction"])
                }
                try check(thresholds, at(value))
                settings.programs[key] = thresholds
            }
        }
        return settings
    }

    private static func readThreshold(
        _ key: Node, _ value: Node, _ at: Place, into thresholds: inout TrafficLightThresholds, known: [String]
    ) throws(ConfigurationError) {
        switch key.string ?? "" {
        case "green": thresholds.green = try range(value, at, "green")
        case "yellow": thresholds.yellow = try range(value, at, "yellow")
        case "direction":
            switch value.scalar?.string.lowercased() {
            case "ascending", "ascendente": thresholds.descending = false
            case "descending", "descendente": thresholds.descending = true
            default: throw .invalid(at(value), "direction must be ascending or descending")
            }
        default:
            throw .unknownKey(at(key), key: "traffic-light.\(key.string ?? "")", known: known)
        }
    }

    /// `[90, 110]`: a lowest and a highest percentage.
    private static func range(_ node: Node, _ at: Place, _ name: String) throws(ConfigurationError) -> ClosedRange<Double> {
        guard let items = node.sequence, items.count == 2,
              let low = items[0].scalar.flatMap({ Double($0.string) }), let high = items[1].scalar.flatMap({ Double($0.string) }),
              low <= high else {
            throw .invalid(at(node), "\(name) must be a range of percentages, lowest first: [90, 110]")
        }
        return low...high
    }

    private static func check(_ t: TrafficLightThresholds, _ place: String) throws(ConfigurationError) {
        guard t.yellow.lowerBound <= t.green.lowerBound, t.yellow.upperBound >= t.green.upperBound else {
            throw .invalid(place, "the yellow range must hold the green one")
        }
    }
}

/// `waivers:` in avance.yml: findings an auditor waived, each `{fingerprint, reason}`.
extension Configuration {
    static func readWaivers(_ node: Node, _ at: Place) throws(ConfigurationError) -> [String: String] {
        guard let items = node.sequence else { throw .invalid(at(node), "waivers must be a list of {fingerprint, reason}") }
        var waivers: [String: String] = [:]
        for item in items {
            guard let fields = item.mapping else { throw .invalid(at(item), "each waiver is {fingerprint, reason}") }
            var fingerprint: String?, reason: String?
            for (field, v) in fields {
                switch field.string ?? "" {
                case "fingerprint": fingerprint = v.scalar?.string.lowercased()
                case "reason": reason = v.scalar?.string
                default: throw .unknownKey(at(field), key: "waivers[].\(field.string ?? "")", known: ["fingerprint", "reason"])
                }
            }
            guard let fingerprint, Fingerprint.isValid(fingerprint) else {
                throw .invalid(at(item), "a waiver's fingerprint is 16 hexadecimal digits, as `avance audit` prints them")
            }
            guard let reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalid(at(item), "a waiver needs a reason") }
            waivers[fingerprint] = reason
        }
        return waivers
    }
}
