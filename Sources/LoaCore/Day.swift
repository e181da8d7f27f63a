/// A civil day in the proleptic Gregorian calendar, free of time zones.
///
/// Slots, deadlines and anniversaries are days, not instants, so the rules never touch `Date`.
/// Every value has a year in `Day.representableYears`, so arithmetic on days never overflows:
/// results beyond that range stop at its first or last day.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Years a `Day` can hold at all.
    public static let representableYears = 1...9999
    /// Years accepted from text (`Day(iso:)`, `Month(iso:)`): a date outside them is an input error, not a value.
    public static let inputYears = 1900...2200
    /// Years accepted from calendar files (`Day(compact:)`): anniversaries reach further back than any report
    /// (the shipped observances start in 1886).
    public static let calendarYears = 1800...2200

    /// Creates a day when the triple names a real date (2026-02-30 does not) in a representable year.
    public init?(year: Int, month: Int, day: Int) {
        guard Day.representableYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    fileprivate init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` with a year in `years`.
    public init?(iso text: some StringProtocol, years: ClosedRange<Int> = Day.inputYears) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[5..<7]), let d = Day.digits(bytes[8..<10]),
              years.contains(y)
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses the compact iCalendar form `YYYYMMDD` with a year in `years`.
    public init?(compact text: some StringProtocol, years: ClosedRange<Int> = Day.calendarYears) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[4..<6]),
              let d = Day.digits(bytes[6..<8]), years.contains(y) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Whether `text` has the shape `YYYY-MM-DD` of a real date whose year lies outside `years`,
    /// so a message can say "out of range" rather than "invalid".
    public static func isOutOfRange(iso text: some StringProtocol, years: ClosedRange<Int> = Day.inputYears) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let y = Day.digits(bytes[0..<4]), let m = Day.digits(bytes[5..<7]), let d = Day.digits(bytes[8..<10]),
              (1...12).contains(m), (1...Day.daysIn(year: y, month: m)).contains(d)
        else { return false }
        return !years.contains(y)
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for b in bytes {
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
        }
        return value
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The ordinals of 0001-01-01 and 9999-12-31.
    static let ordinals = -719_162...2_932_896

    /// The day with this ordinal; ordinals outside the representable years give its first or last day.
    public init(ordinal z0: Int) {
        let z = min(max(z0, Day.ordinals.lowerBound), Day.ordinals.upperBound) + 719_468
        let era = z / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `days` later (earlier when negative), stopping at the ends of the representable years.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(days)
        if overflow { return Day(ordinal: days < 0 ? Day.ordinals.lowerBound : Day.ordinals.upperBound) }
        return Day(ordinal: sum)
    }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public var isWeekend: Bool { weekday >= 6 }
    public var monthOfYear: Month { Month(unchecked: year, month) }

    public static func - (lhs: Day, rhs: Day) -> Int { lhs.ordinal - rhs.ordinal }
    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var iso: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))" }
    public var compact: String { "\(Day.pad(year, 4))\(Day.pad(month, 2))\(Day.pad(day, 2))" }
    public var description: String { iso }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

/// A calendar month, the unit of planning and of reporting.
/// Its year lies in `Day.representableYears`; `next` and `previous` stop at the ends of that range.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), Day.representableYears.contains(year) else { return nil }
        self.year = year
        self.month = month
    }

    fileprivate init(unchecked year: Int, _ month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM` with a year in `years`.
    public init?(iso text: some StringProtocol, years: ClosedRange<Int> = Day.inputYears) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"), let y = Day.digits(bytes[0..<4]),
              let m = Day.digits(bytes[5..<7]), years.contains(y) else { return nil }
        self.init(year: y, month: m)
    }

    public var first: Day { Day(unchecked: year, month, 1) }
    public var last: Day { first.adding(days: Day.daysIn(year: year, month: month) - 1) }
    public var days: [Day] { (first.ordinal...last.ordinal).map(Day.init(ordinal:)) }

    /// Months since January of year 0, the step the arithmetic below counts in.
    var index: Int { year * 12 + month - 1 }
    init(index: Int) {
        let lowest = Day.representableYears.lowerBound * 12, highest = Day.representableYears.upperBound * 12 + 11
        let i = min(max(index, lowest), highest)
        self.init(unchecked: i / 12, i % 12 + 1)
    }

    public var next: Month { Month(index: index + 1) }
    public var previous: Month { Month(index: index - 1) }
    /// The month `months` later (earlier when negative).
    public func adding(months: Int) -> Month { Month(index: index + months) }
    public var quarter: Int { (month - 1) / 3 + 1 }
    public var iso: String { "\(Day.pad(year, 4))-\(Day.pad(month, 2))" }
    public var description: String { iso }
    public static func < (lhs: Month, rhs: Month) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// Every month from `from` through `to`, inclusive.
    public static func range(_ from: Month, _ to: Month) -> [Month] {
        guard from <= to else { return [] }
        return (from.index...to.index).map(Month.init(index:))
    }
}
