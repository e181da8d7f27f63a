/// Which months of a report's range count, decided once for every figure: months before the tracking start are
/// outside every figure (publications, forms, activities, feedback and alerts alike), and reports are expected only
/// for the complete months that count.
public struct ReportMonths: Sendable {
    public let from: Day, to: Day
    /// `tracking_from`, or the first month any unit reported; nil counts every month.
    public let trackingFrom: Month?

    public init(from: Day, to: Day, trackingFrom: Month?) {
        self.from = from; self.to = to; self.trackingFrom = trackingFrom
    }

    /// Every month of the range, counted or not.
    public var range: [Month] { Month.range(from.monthOfYear, to.monthOfYear) }

    /// Whether facts of month `m` count in any figure.
    public func counts(_ m: Month) -> Bool {
        from.monthOfYear <= m && m <= to.monthOfYear && trackingFrom.map { m >= $0 } ?? true
    }

    /// Whether units owe a report for `m` in this range: a complete month of the range that counts.
    public func isExpected(_ m: Month) -> Bool { counts(m) && m.first >= from && m.last <= to }

    /// The months units owe reports for, in order.
    public var expected: [Month] { range.filter(isExpected) }
}

extension Plan {
    /// Whether the figures of a period ending on `end` are final on `today`: the due date of its last month's
    /// reports has passed, so nothing more can come in on time. Until then a report on it is a quick report ("báo
    /// cáo nhanh") and a unit without a report for that month is not missing yet.
    public func hasEnded(periodEndingOn end: Day, today: Day) -> Bool {
        reportDueDate(for: end.monthOfYear) < today
    }

    /// The first month reports count from: `tracking_from`, else the first month any unit reported.
    public func trackingStart(firstReported: Month?) -> Month? { trackingFrom ?? firstReported }
}

extension Phase {
    /// Where a report of the phase starts by default: the later of the phase's start and the tracking start, so that
    /// months before anyone reported never fill its charts.
    public func reportStart(trackingFrom: Month?) -> Day {
        max(from.value, trackingFrom?.first ?? from.value)
    }
}
