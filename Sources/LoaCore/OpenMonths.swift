/// Which months a unit may save a draft of, or send a report for, on the web (SPEC §9.5): from its first
/// expected month to the current month, and the current month always (while the unit exists). Anything else is
/// answered 404, so no draft or report is ever kept for a month long past or not begun.
public enum OpenMonths {
    /// The unit's first expected month: the latest of the month it joined, `tracking_from`, and the first month
    /// any unit reported. When none of them is known, the month before today's (the report due now).
    public static func first(for unit: UnionUnit, plan: Plan, firstReported: Month?, today: Day) -> Month {
        let known = [unit.joined?.monthOfYear, plan.trackingFrom, firstReported].compactMap { $0 }
        return known.max() ?? today.monthOfYear.previous
    }

    /// Whether the unit may save a draft of or send its report for `month` today.
    public static func isOpen(_ month: Month, for unit: UnionUnit, plan: Plan, firstReported: Month?,
                              today: Day) -> Bool {
        let current = today.monthOfYear
        guard month <= current, unit.exists(in: month) else { return false }
        return month == current || month >= first(for: unit, plan: plan, firstReported: firstReported, today: today)
    }
}
