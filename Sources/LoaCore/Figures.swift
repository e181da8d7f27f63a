/// What a report counts: everything, or (a phase report) only what carries one of the phase's themes.
public enum ThemeScope: Sendable {
    case all
    case themes(Set<ThemeRef>)

    public func admits(_ themes: some Sequence<ThemeRef>) -> Bool {
        switch self {
        case .all: return true
        case .themes(let set): return themes.contains(where: set.contains)
        }
    }
    public func admits(theme: ThemeRef) -> Bool {
        switch self {
        case .all: return true
        case .themes(let set): return set.contains(theme)
        }
    }
}

/// The small facts a report reads from the store (publications, feedback issues, alerts, the sets of themes
/// activities carry); forms and activities, which grow with the number of units, are streamed into a
/// `ReportTally` instead.
public struct ReportFacts: Sendable {
    public struct PublishedItem: Sendable {
        public let channel: ChannelID, date: Day, item: ItemID, themes: [ThemeRef], audiences: [AudienceID]
        /// How many units it was delivered to (of the report's unit only, in a unit report).
        public let deliveries: Int
        /// Of those, how many units' deliveries were sent or confirmed, and how many confirmed.
        public let delivered: Int, confirmed: Int
        public init(channel: ChannelID, date: Day, item: ItemID, themes: [ThemeRef], audiences: [AudienceID],
                    deliveries: Int = 0, delivered: Int = 0, confirmed: Int = 0) {
            self.channel = channel; self.date = date; self.item = item; self.themes = themes; self.audiences = audiences
            self.deliveries = deliveries; self.delivered = delivered; self.confirmed = confirmed
        }
    }
    public struct IssueRow: Sendable {
        public let unit: UnitCode, period: Month, topic: String, detail: String?, sensitive: Bool
        public init(unit: UnitCode, period: Month, topic: String, detail: String?, sensitive: Bool) {
            self.unit = unit; self.period = period; self.topic = topic; self.detail = detail; self.sensitive = sensitive
        }
    }
    /// Alerts opened for each month (the month of the form that raised them), open and resolved.
    public struct AlertCount: Sendable, Equatable {
        public var open = 0, resolved = 0
        public init(open: Int = 0, resolved: Int = 0) { self.open = open; self.resolved = resolved }
    }
    public var published: [PublishedItem] = []
    public var issues: [IssueRow] = []
    public var alerts: [Month: AlertCount] = [:]
    /// The themes of each set of themes an activity may carry, by the set's number (`ReportTally.addActivity`).
    public var themeSets: [Int: [ThemeRef]] = [:]
    public init() {}
}

/// Reporting per DHIS2: expected, received, on time, for one month or a sum of unit-months.
public struct ReportingFigures: Sendable, Equatable {
    public var expected = 0, received = 0, onTime = 0
    /// Unit-months without a report whose reports are not due yet: expected, but not missing.
    public var pending = 0
    public var missing: [MissingReport] = []
    public var rate: Double { expected == 0 ? 0 : Double(received) / Double(expected) }
    public var timeliness: Double { expected == 0 ? 0 : Double(onTime) / Double(expected) }
    public init() {}

    mutating func add(_ other: ReportingFigures) {
        expected += other.expected; received += other.received; onTime += other.onTime; pending += other.pending
        missing += other.missing
    }
}

public struct MissingReport: Sendable, Hashable {
    public let unit: UnitCode
    public let period: Month
}

public struct LateReport: Sendable, Hashable {
    public let unit: UnitCode
    public let period: Month
    public let submitted: Day
}

/// Activities and reporting of one cluster of units. Its `reporting` holds the counts; the missing reports
/// themselves are listed once, in `ReportFigures.reporting`.
public struct ClusterFigures: Sendable {
    public let cluster: String?
    public var units = 0
    public var activities = 0
    public var reporting = ReportingFigures()
}

public struct TargetResult: Sendable {
    public let target: Target
    /// The value, so far when the target is interim.
    public let value: Double
    /// Whether the value reaches the target; nil while one of its periods has not ended (a value so far, "tạm
    /// tính", is never judged).
    public let met: Bool?
    /// Each period's figure, in order.
    public let periods: [(label: String, value: Double)]
}

/// Every figure of SPEC §6.2 for a range of days.
public struct ReportFigures: Sendable {
    public let from: Day, to: Day
    /// The report is a quick one ("báo cáo nhanh"): its range has not ended, or its last month's reports are not
    /// due yet. Its figures are as of `asOf`.
    public var interim = false
    public var asOf: Day?
    public var publishedItems = 0
    public var deliveries = 0
    /// Deliveries (unit × item, as `deliveries`) whose unit's delivery was sent or confirmed; of those, confirmed.
    public var delivered = 0, confirmed = 0
    public var byChannel: [ChannelID: Int] = [:]
    public var byTheme: [ThemeRef: Int] = [:]
    public var byAudience: [AudienceID: Int] = [:]
    public var activeThemes: [ThemeRef] = []
    public var themeCoverage = 0.0
    public var activityCount = 0
    public var participants = 0
    public var activitiesByUnit: [UnitCode: Int] = [:]
    public var participantsByUnit: [UnitCode: Int] = [:]
    public var activitiesByType: [ActivityType: Int] = [:]
    public var activitiesByProject: [ProjectID: Int] = [:]
    public var activitiesByTheme: [ThemeRef: Int] = [:]
    public var reach = 0.0
    public var unitsWithoutActivity: [UnitCode] = []
    /// The months of the range that count (from the tracking start), in order.
    public var months: [Month] = []
    /// The first month reports are expected for; earlier months of the range count nowhere in reporting.
    public var trackingFrom: Month?
    /// Reporting of each month (counts; the missing reports are listed once, in `reporting`).
    public var reportingByMonth: [Month: ReportingFigures] = [:]
    public var reporting = ReportingFigures()
    public var activitiesByMonth: [Month: Int] = [:]
    public var coverageGrid: [ThemeRef: Set<Month>] = [:]   // months with a publication
    public var targets: [TargetResult] = []
    public var moods: [Mood: Int] = [:]
    public var issues = 0
    public var issueList: [ReportFacts.IssueRow] = []
    public var alertsOpen = 0
    public var alertsResolved = 0
    /// Late reports kept small (a national report may hold hundreds of thousands): unit, month and day as numbers.
    var late: [CompactLateReport] = []
    var lateUnits: [UnitCode] = []
    /// Activities and reporting of each cluster of units (units without a cluster under `nil`), clusters in
    /// the order they first appear in `units.csv`.
    public var byCluster: [ClusterFigures] = []
    /// What adds up over units, one line per unit of the report in its order (the codes of `unitCodes`): the
    /// figures by level and the per-unit annex read it.
    public var unitLines: [UnitLine] = []
    /// The figures at the report's level (`--level`, else the deepest with at most about 40 groups).
    public var byLevel: LevelFigures?
    /// The report's units' codes, in order.
    public var unitCodes: [UnitCode] { lateUnits }

    /// Missing reports by unit, with how many months each, units in the order given.
    public func missingByUnit(order units: [UnionUnit]) -> [(unit: UnitCode, months: [Month])] {
        let grouped = Dictionary(grouping: reporting.missing, by: \.unit)
        return units.compactMap { u in grouped[u.code.value].map { (u.code.value, $0.map(\.period)) } }
    }
}

/// What a report covers: its range, its units and what it counts.
public struct ReportRequest: Sendable {
    public var from: Day
    public var to: Day
    /// The units the report is about (all of them, or one for a unit report).
    public var units: [UnionUnit]
    public var scope: ThemeScope
    /// `tracking_from`, or the first month any unit reported: months before count nowhere.
    public var trackingFrom: Month?
    /// The day the report is made: periods whose reports are not due by then are interim. Nil: all are due.
    public var today: Day?
    /// Who owes which month (`ReportExpectation`); by default, every unit existing in a month that counts.
    public var expectation: ReportExpectation
    /// The level the figures by level are at; nil: the deepest with at most about 40 groups.
    public var level: ReportLevel?
    public init(from: Day, to: Day, units: [UnionUnit], scope: ThemeScope = .all, trackingFrom: Month? = nil,
                today: Day? = nil, expectation: ReportExpectation? = nil, level: ReportLevel? = nil) {
        self.from = from; self.to = to; self.units = units; self.scope = scope; self.trackingFrom = trackingFrom
        self.today = today; self.level = level
        self.expectation = expectation ?? ReportExpectation(start: trackingFrom ?? from.monthOfYear)
    }

    /// Which months of the range count.
    public var months: ReportMonths { ReportMonths(from: from, to: to, trackingFrom: trackingFrom) }


}

/// A late report as three numbers: the unit's place in `ReportFigures.lateUnits`, the month's place in
/// `ReportFigures.months` (the counted months) and the day it came.
struct CompactLateReport: Sendable {
    let unit: Int32
    let month: Int32
    let submitted: Int32
}

extension ReportFigures {
    /// Reports received after their due date, by month then in the order of `units.csv`.
    /// How many reports came after their due date.
    public var lateCount: Int { late.count }

    /// The first `n` of `lateReports`, without building the others.
    public func lateReports(first n: Int) -> [LateReport] {
        late.prefix(n).map { LateReport(unit: lateUnits[Int($0.unit)], period: months[Int($0.month)],
                                        submitted: Day(ordinal: Int($0.submitted))) }
    }

    public var lateReports: [LateReport] {
        late.map { LateReport(unit: lateUnits[Int($0.unit)], period: months[Int($0.month)],
                              submitted: Day(ordinal: Int($0.submitted))) }
    }
}
