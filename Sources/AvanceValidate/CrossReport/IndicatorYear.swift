import AvanceCore

/// What makes two records speak of the same indicator: the program, component, activity
/// and indicator, each by its code (case, dots and spaces ignored, so `C.01` is `C01`) or,
/// where a report gives no code, by its name (case, accents and punctuation ignored).
/// The institution is compared apart (see `IndicatorMatcher`), because one report may
/// spell it out and another give only its acronym.
public struct IndicatorIdentity: Hashable, Sendable, Comparable {
    public var program: String?
    public var component: String?
    public var activity: String?
    public var indicator: String?

    public init(program: String? = nil, component: String? = nil, activity: String? = nil, indicator: String? = nil) {
        self.program = program
        self.component = component
        self.activity = activity
        self.indicator = indicator
    }

    public init(_ record: IndicatorRecord) {
        func level(_ code: String?, _ name: String?) -> String? {
            // A code of zeros (`0`, `00`) is a placeholder, no code: the name decides.
            if let code, Codes.key(code).contains(where: { $0 != "0" }) { return Codes.key(code) }
            if let name, !Self.normalisedName(name).isEmpty { return "name:" + Self.normalisedName(name) }
            return nil
        }
        program = level(record.program?.code, record.program?.name)
        component = level(record.component?.code, record.component?.name)
        activity = level(record.activity?.code, record.activity?.name)
        indicator = level(record.indicator?.code, record.indicator?.name)
    }

    /// A record that names none of the four levels cannot be matched with any other.
    public var isEmpty: Bool { program == nil && component == nil && activity == nil && indicator == nil }

    /// `Número de Talleres  impartidos.` → `numero de talleres impartidos`.
    public static func normalisedName(_ name: String) -> String {
        Folding.fold(name).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).joined(separator: " ")
    }

    public static func < (a: IndicatorIdentity, b: IndicatorIdentity) -> Bool {
        let l = [a.program, a.component, a.activity, a.indicator].map { $0 ?? "" }
        let r = [b.program, b.component, b.activity, b.indicator].map { $0 ?? "" }
        return l.lexicographicallyPrecedes(r)
    }
}

/// The records of one indicator, across years and quarters.
public struct IndicatorGroup: Sendable {
    public var identity: IndicatorIdentity
    /// By year, quarter, then path and row; records without a period last.
    public var records: [IndicatorRecord]

    /// One value per year the records report.
    public var years: [IndicatorYear] {
        var byYear: [Int: [Int: [IndicatorRecord]]] = [:]
        for r in records {
            guard let period = r.period else { continue }
            byYear[period.year, default: [:]][period.quarter, default: []].append(r)
        }
        return byYear.keys.sorted().map { year in
            IndicatorYear(identity: identity, year: year, quarters: byYear[year] ?? [:])
        }
    }
}

/// The records of one indicator in one year: what the cross-report rules read.
public struct IndicatorYear: Sendable {
    public var identity: IndicatorIdentity
    public var year: Int
    /// The records of each quarter (1-4), in path order: several where more than one
    /// document reports the quarter.
    public var quarters: [Int: [IndicatorRecord]]

    public init(identity: IndicatorIdentity, year: Int, quarters: [Int: [IndicatorRecord]]) {
        self.identity = identity
        self.year = year
        self.quarters = quarters
    }

    /// The record that speaks for a quarter: the first in path order (the others are
    /// checked against it by `conflicting-duplicate`).
    public func record(_ quarter: Int) -> IndicatorRecord? { quarters[quarter]?.first }
}

/// Sorts records into indicators.
public enum IndicatorMatcher {
    /// Groups records by `IndicatorIdentity`, then by institution and responsible unit: two
    /// records of the same identity belong together unless both name their institution (or
    /// both their responsible unit) and neither the acronyms nor the names (case and accents
    /// ignored) agree. (A work program's table of units reports one measure, `Cursos`, for
    /// each unit: each unit's is its own series.) A record that names no program,
    /// component, activity or indicator stands alone.
    public static func group(_ records: [IndicatorRecord]) -> [IndicatorGroup] {
        /// The names and acronyms an organisation goes by in a cluster's records.
        struct Names {
            var names: Set<String> = []
            var acronyms: Set<String> = []

            init(_ organization: IndicatorRecord.Organization?) {
                names = Set([organization?.name].compactMap { $0 }.map(IndicatorIdentity.normalisedName).filter { !$0.isEmpty })
                acronyms = Set([organization?.acronym].compactMap { $0 }.map(Codes.key).filter { !$0.isEmpty })
            }

            var isEmpty: Bool { names.isEmpty && acronyms.isEmpty }

            /// Unless both are named and differ. Across documents, a name that holds the other
            /// agrees with it (`Dirección de Planeación` and `Dirección de Planeación y
            /// Evaluación`, as wording drifts); within one, only the same name does (its rows
            /// `ACCIÓN MÓVIL TUXTLA` and `ACCIÓN MÓVIL TUXTLA CHICO` are two units).
            func agrees(with other: Names, sameDocument: Bool = false) -> Bool {
                if isEmpty || other.isEmpty || !acronyms.isDisjoint(with: other.acronyms) || !names.isDisjoint(with: other.names) {
                    return true
                }
                return !sameDocument && names.contains { a in other.names.contains { b in a.contains(b) || b.contains(a) } }
            }

            mutating func add(_ other: Names) {
                names.formUnion(other.names)
                acronyms.formUnion(other.acronyms)
            }
        }
        struct Cluster {
            var identity: IndicatorIdentity
            var institution: Names
            var unit: Names
            var records: [IndicatorRecord] = []
        }
        var clusters: [Cluster] = []
        var byIdentity: [IndicatorIdentity: [Int]] = [:]
        for record in records.sorted(by: order) {
            let identity = IndicatorIdentity(record)
            let institution = Names(record.reportingInstitution)
            let unit = Names(record.responsibleUnit)
            if !identity.isEmpty, let k = byIdentity[identity, default: []].first(where: {
                clusters[$0].institution.agrees(with: institution)
                    && clusters[$0].unit.agrees(with: unit, sameDocument: clusters[$0].records.contains { $0.source.path == record.source.path })
            }) {
                clusters[k].records.append(record)
                clusters[k].institution.add(institution)
                clusters[k].unit.add(unit)
            } else {
                clusters.append(Cluster(identity: identity, institution: institution, unit: unit, records: [record]))
                byIdentity[identity, default: []].append(clusters.count - 1)
            }
        }
        return clusters.map { IndicatorGroup(identity: $0.identity, records: $0.records) }
    }

    /// Year and quarter, then path and row; records without a period last.
    static func order(_ a: IndicatorRecord, _ b: IndicatorRecord) -> Bool {
        let ka = (a.period?.year ?? Int.max, a.period?.quarter ?? Int.max)
        let kb = (b.period?.year ?? Int.max, b.period?.quarter ?? Int.max)
        if ka != kb { return ka < kb }
        if a.source.path != b.source.path { return a.source.path < b.source.path }
        return (a.source.row ?? 0) < (b.source.row ?? 0)
    }
}
