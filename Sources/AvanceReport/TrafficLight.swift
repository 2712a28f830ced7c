import AvanceCore

/// The semáforo of an indicator's report, as evaluation offices read it: green, yellow or red
/// from its compliance percentage against thresholds.
public enum TrafficLight: String, Codable, Hashable, Sendable, CaseIterable, Comparable {
    case green, yellow, red

    private var rank: Int {
        switch self {
        case .green: 0
        case .yellow: 1
        case .red: 2
        }
    }

    public static func < (a: TrafficLight, b: TrafficLight) -> Bool { a.rank < b.rank }

    public func name(_ language: Language) -> String {
        switch (self, language) {
        case (.green, .es): "verde"
        case (.yellow, .es): "amarillo"
        case (.red, .es): "rojo"
        case (.green, .en): "green"
        case (.yellow, .en): "yellow"
        case (.red, .en): "red"
        }
    }
}

/// The thresholds of a semáforo: a compliance percentage inside `green` is green, else inside
/// `yellow` yellow, else red (far below the target, or so far above it that the target was
/// badly set). The defaults are the ranges evaluation offices of the SED commonly use:
/// green 90-110 %, yellow 70-130 %. For a descending indicator (less is better: complaints,
/// days of delay) the percentage is mirrored around 100 % before it is compared: 80 % of a
/// descending target is as good as 120 % of an ascending one.
public struct TrafficLightThresholds: Codable, Hashable, Sendable {
    public var green: ClosedRange<Double>
    public var yellow: ClosedRange<Double>
    public var descending: Bool

    public init(green: ClosedRange<Double> = 90...110, yellow: ClosedRange<Double> = 70...130, descending: Bool = false) {
        self.green = green
        self.yellow = yellow
        self.descending = descending
    }

    public func light(_ percent: Double) -> TrafficLight {
        let p = descending ? 200 - percent : percent
        if green.contains(p) { return .green }
        if yellow.contains(p) { return .yellow }
        return .red
    }
}

/// The semáforo's thresholds for every indicator (`avance.yml`'s `traffic-light`), and those
/// of a budget program where it sets its own.
public struct TrafficLightSettings: Codable, Hashable, Sendable {
    public var standard: TrafficLightThresholds
    /// By program code as `Codes.key` writes it (`E023`).
    public var programs: [String: TrafficLightThresholds]

    public init(standard: TrafficLightThresholds = TrafficLightThresholds(), programs: [String: TrafficLightThresholds] = [:]) {
        self.standard = standard
        self.programs = programs
    }

    public func thresholds(program: String?) -> TrafficLightThresholds {
        program.flatMap { programs[Codes.key($0)] } ?? standard
    }

    /// The compliance percentage of a report: the one it states, else achieved ÷ period target.
    public static func compliance(percent: Double?, achieved: Double?, period: Double?) -> Double? {
        if let percent { return percent }
        guard let achieved, let period, period > 0 else { return nil }
        return achieved / period * 100
    }
}
