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
        public init(unit: UnionUnit, cells: [Cell]) { self.unit = unit; self.cells = cells }
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
        public init() {}
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
            for row in rows { t.add(row.cells[i]) }
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

/// The day each unit's current form for each month counts as submitted, for a whole workspace at once: units by
/// their place in `units.csv`, months of a range, one small number a cell (100,000 units × 6 months: 2.4 MB), so a
/// page of 50 units and the totals of 100,000 are read from the same grid.
public struct SubmissionGrid: Sendable {
    public let months: [Month]
    public let units: Int
    var days: [Int32]
    var finder: UnitFinder
    static let none = Int32.min

    public init(codes: [UnitCode], months: [Month]) {
        self.months = months
        units = codes.count
        days = Array(repeating: Self.none, count: codes.count * months.count)
        finder = UnitFinder(codes)
    }

    /// A form, its unit code as the store's bytes; forms of units not listed or months outside count nowhere.
    public mutating func record(unitUTF8: UnsafeBufferPointer<UInt8>, period: Month, submitted: Day) {
        guard let m = months.firstIndex(of: period), let u = finder.slot(unitUTF8) else { return }
        let cell = u * months.count + m
        if days[cell] == Self.none { days[cell] = Int32(clamping: submitted.ordinal) }
    }

    /// Whether a unit's form for a month came, and by its due date (an ordinal day): no day is built, so the totals
    /// of 100,000 units × months are a walk over small numbers. Nil: no form.
    public func onTime(unit: Int, month: Int, dueOrdinal: Int) -> Bool? {
        let d = days[unit * months.count + month]
        return d == Self.none ? nil : Int(d) <= dueOrdinal
    }

    public func submitted(unit: Int, month: Int) -> Day? {
        let d = days[unit * months.count + month]
        return d == Self.none ? nil : Day(ordinal: Int(d))
    }

    /// The cells of one unit (its place in the codes the grid was made with).
    public func cells(_ unit: UnionUnit, at index: Int, plan: Plan, today: Day,
                      expectation: ReportExpectation) -> [Completeness.Cell] {
        months.indices.map { m in
            guard expectation.isExpected(unit, in: months[m]) else { return .notExpected }
            return .expected(ReportState(period: months[m], submitted: submitted(unit: index, month: m), plan: plan,
                                         today: today))
        }
    }
}

extension Completeness {
    /// A grid of the rows given, with totals computed elsewhere (over every unit a filter keeps, not one page).
    public init(months: [Month], rows: [Row], totals: [Totals]) {
        self.months = months
        self.rows = rows
        self.totals = totals
    }
}

extension Completeness {
    /// A cell's state without its days: what totals and filters count.
    public enum State: Sendable, Hashable {
        case notExpected, onTime, late, overdue, pending

        public init(_ cell: Cell) {
            switch cell {
            case .notExpected: self = .notExpected
            case .expected(.onTime): self = .onTime
            case .expected(.late): self = .late
            case .expected(.missing(_, let overdue)): self = overdue ? .overdue : .pending
            }
        }
    }
}

extension Completeness.Totals {
    /// Adds one state.
    public mutating func add(_ state: Completeness.State) {
        switch state {
        case .notExpected: return
        case .onTime: onTime += 1
        case .late: late += 1
        case .overdue: overdue += 1
        case .pending: pending += 1
        }
        expected += 1
    }

    /// Adds one cell.
    public mutating func add(_ cell: Completeness.Cell) { add(Completeness.State(cell)) }
}
