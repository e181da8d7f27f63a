import Foundation

/// The Vietnamese lunisolar calendar, computed for UTC+7 from the mean new moons and the sun's
/// longitude (Meeus, Astronomical Algorithms). It differs from the Chinese calendar (UTC+8) in some years,
/// which is why Loa computes rather than borrows it.
public enum LunarCalendar {
    static let synodicMonth = 29.530588853
    static let zone = 7.0

    /// The Gregorian day of a lunar date (day, month, year, leap month) in Vietnam.
    public static func solar(day: Int, month: Int, year: Int, leap: Bool = false) -> Day? {
        let a11: Int, b11: Int
        if month < 11 {
            a11 = month11(year - 1)
            b11 = month11(year)
        } else {
            a11 = month11(year)
            b11 = month11(year + 1)
        }
        let k = Int(0.5 + (Double(a11) - 2_415_021.076998695) / synodicMonth)
        var offset = month - 11
        if offset < 0 { offset += 12 }
        if b11 - a11 > 365 {
            let leapOffset = leapMonthOffset(a11)
            var leapMonth = leapOffset - 2
            if leapMonth < 0 { leapMonth += 12 }
            if leap && month != leapMonth { return nil }
            if leap || offset >= leapOffset { offset += 1 }
        } else if leap {
            return nil
        }
        return Day(julianDay: newMoonDay(k + offset) + day - 1)
    }

    /// Tết Nguyên đán: the first day of the first lunar month.
    public static func tet(_ year: Int) -> Day { solar(day: 1, month: 1, year: year)! }

    static func newMoon(_ k: Int) -> Double {
        let k = Double(k)
        let t = k / 1236.85, t2 = t * t, t3 = t2 * t
        let dr = Double.pi / 180
        var jd = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
        jd += 0.00033 * sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
        let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
        let mp = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
        let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
        var c = (0.1734 - 0.000393 * t) * sin(m * dr) + 0.0021 * sin(2 * dr * m)
        c += -0.4068 * sin(mp * dr) + 0.0161 * sin(dr * 2 * mp)
        c += -0.0004 * sin(dr * 3 * mp)
        c += 0.0104 * sin(dr * 2 * f) - 0.0051 * sin(dr * (m + mp))
        c += -0.0074 * sin(dr * (m - mp)) + 0.0004 * sin(dr * (2 * f + m))
        c += -0.0004 * sin(dr * (2 * f - m)) - 0.0006 * sin(dr * (2 * f + mp))
        c += 0.0010 * sin(dr * (2 * f - mp)) + 0.0005 * sin(dr * (2 * mp + m))
        let deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2
        return jd + c - deltaT
    }

    /// The local (UTC+7) Julian day number on which new moon `k` falls.
    static func newMoonDay(_ k: Int) -> Int { Int(floor(newMoon(k) + 0.5 + zone / 24)) }

    /// The sun's longitude at a Julian day, as one of 12 sectors of 30°.
    static func sunSector(_ jdn: Int) -> Int {
        let jd = Double(jdn) - 0.5 - zone / 24
        let t = (jd - 2_451_545.0) / 36525, t2 = t * t
        let dr = Double.pi / 180
        let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
        let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * sin(dr * m)
        dl += (0.019993 - 0.000101 * t) * sin(dr * 2 * m) + 0.000290 * sin(dr * 3 * m)
        var l = (l0 + dl) * dr
        l -= 2 * Double.pi * floor(l / (2 * Double.pi))
        return Int(l / Double.pi * 6)
    }

    /// The first day of the lunar month holding the winter solstice (month 11) of a year.
    static func month11(_ year: Int) -> Int {
        let off = Day(year: year, month: 12, day: 31)!.julianDay - 2_415_021
        let k = Int(Double(off) / synodicMonth)
        var nm = newMoonDay(k)
        if sunSector(nm) >= 9 { nm = newMoonDay(k - 1) }
        return nm
    }

    static func leapMonthOffset(_ a11: Int) -> Int {
        let k = Int((Double(a11) - 2_415_021.076998695) / synodicMonth + 0.5)
        var i = 1
        var arc = sunSector(newMoonDay(k + i))
        var last: Int
        repeat {
            last = arc
            i += 1
            arc = sunSector(newMoonDay(k + i))
        } while arc != last && i < 14
        return i - 1
    }
}

extension Day {
    /// The Julian day number (noon-based count used by astronomers).
    public var julianDay: Int { ordinal + 2_440_588 }
    public init(julianDay: Int) { self.init(ordinal: julianDay - 2_440_588) }
}
