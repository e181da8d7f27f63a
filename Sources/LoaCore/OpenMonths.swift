/// Which months a unit may save a draft of, or send a report for, on the web (SPEC §9.5): from its first
/// expected month (`ReportExpectation`) to the current month, and the current month always (while the unit
/// exists). Anything else is answered 404, so no draft or report is ever kept for a month long past or not begun.
public enum OpenMonths {
    /// Whether the unit may save a draft of or send its report for `month` today.
    public static func isOpen(_ month: Month, for unit: UnionUnit, expectation: ReportExpectation,
                              today: Day) -> Bool {
        let current = today.monthOfYear
        guard month <= current, unit.exists(in: month) else { return false }
        return month == current || month >= expectation.firstMonth(of: unit)
    }

    /// The open months before the current one, newest first: the months a unit's page lists.
    public static func earlier(for unit: UnionUnit, expectation: ReportExpectation, today: Day) -> [Month] {
        let first = expectation.firstMonth(of: unit), last = today.monthOfYear.previous
        guard first <= last else { return [] }
        return Month.range(first, last).filter { expectation.isExpected(unit, in: $0) }.reversed()
    }
}
