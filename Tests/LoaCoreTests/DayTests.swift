import Testing
import LoaCore

@Suite struct DayTests {
    @Test func onlyExistingDatesParse() {
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2028-02-29") != nil)
        #expect(Day(iso: "2027-02-29") == nil)
        #expect(Day(iso: "2026-1-05") == nil)
        #expect(Day(iso: "2026-12-15")?.iso == "2026-12-15")
    }

    @Test func ordinalsRoundTripAndWeekdaysAreRight() {
        for o in stride(from: -1000, to: 40000, by: 37) { #expect(Day(ordinal: o).ordinal == o) }
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        #expect(Day(iso: "2026-11-23")!.weekday == 1)   // a Monday
        #expect(Day(iso: "2026-12-13")!.weekday == 7)
        #expect(Day(iso: "2026-12-31")!.adding(days: 1).iso == "2027-01-01")
    }

    @Test func vietnameseTetDatesMatchTheKnownOnes() {
        let known = [2025: "2025-01-29", 2026: "2026-02-17", 2027: "2027-02-06", 2028: "2028-01-26", 2029: "2029-02-13",
                     2031: "2031-01-23", 2032: "2032-02-11", 2033: "2033-01-31", 2034: "2034-02-19", 2035: "2035-02-08"]
        for (y, d) in known { #expect(LunarCalendar.tet(y).iso == d) }
        // 1985 and 2007 are years in which Vietnam's Tết (UTC+7) falls a day before China's (UTC+8)
        #expect(LunarCalendar.tet(1985).iso == "1985-01-21")
        #expect(LunarCalendar.tet(2007).iso == "2007-02-17")
        // Giỗ Tổ Hùng Vương, 10/3 âm lịch
        #expect(LunarCalendar.solar(day: 10, month: 3, year: 2026)?.iso == "2026-04-26")
        #expect(LunarCalendar.solar(day: 10, month: 3, year: 2025)?.iso == "2025-04-07")
    }

    @Test func foldingMakesSearchDiacriticInsensitive() {
        #expect("Chuyển đổi số".folded == "chuyen doi so")
        #expect("ĐẢNG".folded == "dang")
        #expect("Vì sao cần xây Bảo tàng?".slug == "vi-sao-can-xay-bao-tang")
    }
}
