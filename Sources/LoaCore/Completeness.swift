/// Reporting completeness as DHIS2 shows it: units × months, each cell sent on time, late, missing, not yet due,
/// or not expected (the unit did not exist then, or tracking had not begun), with the totals of each month.
public struct Completeness: Sendable {
    public enum Cell: Sendable, Hashable {
        /// No report is expected: the unit did not exist in the month, or the month is before tracking began.
        case notExpected
        case expected(ReportState)
    }

    public struct Row: Sendable {
        public let unit: UnionUnit
        /// One per month of `months`.
        public let cells: [Cell]
    }

    /// A month's column summed (DHIS2: expected, received, on time).
    public struct Totals: Sendable, Hashable {
        public var expected = 0, onTime = 0, late = 0
        /// Not sent, the due date passed.
        public var overdue = 0
        /// Not sent, still before the due date.
        public var pending = 0
        public var received: Int { onTime + late }
        public var rate: Double { expected == 0 ? 0 : Double(received) / Double(expected) }
        public var timeliness: Double { expected == 0 ? 0 : Double(onTime) / Double(expected) }
    }

    public let months: [Month]
    public let rows: [Row]
    public let totals: [Totals]

    /// - Parameters:
    ///   - submissions: the day each current form counts as submitted, by unit and month.
    ///   - expectation: which unit owes which month (`ReportExpectation`).
    public init(units: [UnionUnit], months: [Month], submissions: [UnitCode: [Month: Day]], plan: Plan, today: Day,
                expectation: ReportExpectation) {
        self.months = months
        let rows = units.map { u in
            Row(unit: u, cells: months.map { m in
                guard expectation.isExpected(u, in: m) else { return .notExpected }
                return .expected(ReportState(period: m, submitted: submissions[u.code.value]?[m], plan: plan,
                                             today: today))
            })
        }
        self.rows = rows
        totals = months.indices.map { i in
            var t = Totals()
            for row in rows {
                guard case .expected(let state) = row.cells[i] else { continue }
                t.expected += 1
                switch state {
                case .onTime: t.onTime += 1
                case .late: t.late += 1
                case .missing(_, let overdue): if overdue { t.overdue += 1 } else { t.pending += 1 }
                }
            }
            return t
        }
    }

    /// The units whose report for the month is expected and not sent (overdue or not), in row order.
    public func missing(in month: Month) -> [UnionUnit] {
        guard let i = months.firstIndex(of: month) else { return [] }
        return rows.filter { row in
            if case .expected(.missing) = row.cells[i] { return true }
            return false
        }.map(\.unit)
    }

    /// The months a completeness view shows by default: the `count` months up to the last whose report is due
    /// (the month before today's), never before tracking began.
    public static func defaultMonths(today: Day, count: Int = 6, expectation: ReportExpectation) -> [Month] {
        let last = today.monthOfYear.previous
        var first = last
        for _ in 1..<max(1, count) { first = first.previous }
        if expectation.start > first { first = min(expectation.start, last) }
        return Month.range(first, last)
    }

    /// The clusters of the units, sorted, for a filter.
    public static func clusters(of units: [UnionUnit]) -> [String] {
        Array(Set(units.compactMap(\.cluster))).sorted()
    }
}
