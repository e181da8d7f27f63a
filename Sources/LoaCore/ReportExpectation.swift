/// "Is a report expected from this unit in this month?", decided once (SPEC §6.2, §9.5) and used by completeness,
/// `loa status`, the unit's pages, the months open on the web and the reports, so no two of them disagree.
public struct ReportExpectation: Sendable, Hashable {
    /// The first month any report is expected for: the later of `tracking_from` and the first month any unit
    /// reported; when neither is known (nothing recorded yet), the month whose report is due now, the one before
    /// today's.
    public let start: Month

    public init(plan: Plan, firstReported: Month?, today: Day) {
        start = [plan.trackingFrom, firstReported].compactMap { $0 }.max() ?? today.monthOfYear.previous
    }

    public init(start: Month) { self.start = start }

    /// The unit's first expected month: the latest of the month it joined, `tracking_from` and the first month any
    /// unit reported.
    public func firstMonth(of unit: UnionUnit) -> Month {
        max(start, unit.joined?.monthOfYear ?? start)
    }

    /// Whether the unit owes a report for the month: the month is not before the tracking start and the unit
    /// exists on some day of it.
    public func isExpected(_ unit: UnionUnit, in month: Month) -> Bool {
        month >= start && unit.exists(in: month)
    }
}
