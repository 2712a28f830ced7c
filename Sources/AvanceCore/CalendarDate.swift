/// A day of the proleptic Gregorian calendar, without time zones: report dates are days.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// `nil` unless the day exists (no 31 de junio, no 29 de febrero outside leap years).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The first and last day of a quarter (1-4).
    public static func quarterBounds(year: Int, quarter: Int) -> (start: CalendarDate, end: CalendarDate) {
        let q = min(max(quarter, 1), 4)
        let firstMonth = (q - 1) * 3 + 1
        let lastMonth = firstMonth + 2
        // Both days exist for every month and year, so the initializers cannot fail here.
        let start = CalendarDate(unchecked: year, firstMonth, 1)
        let end = CalendarDate(unchecked: year, lastMonth, daysIn(month: lastMonth, year: year))
        return (start, end)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The quarter (1-4) the day falls in.
    public var quarter: Int { (month - 1) / 3 + 1 }

    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
