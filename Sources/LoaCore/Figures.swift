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

/// Facts read from the store for a report, as plain values (the store applies the scope and aggregates,
/// so national data stays small).
public struct ReportFacts: Sendable {
    public struct PublishedItem: Sendable {
        public let channel: ChannelID, date: Day, item: ItemID, themes: [ThemeRef], audiences: [AudienceID]
        public init(channel: ChannelID, date: Day, item: ItemID, themes: [ThemeRef], audiences: [AudienceID]) {
            self.channel = channel; self.date = date; self.item = item; self.themes = themes; self.audiences = audiences
        }
    }
    public struct FormRow: Sendable {
        public let unit: UnitCode, period: Month, submitted: Day, mood: Mood?
        public init(unit: UnitCode, period: Month, submitted: Day, mood: Mood?) {
            self.unit = unit; self.period = period; self.submitted = submitted; self.mood = mood
        }
    }
    /// Activities of one unit in one month.
    public struct UnitMonth: Sendable {
        public let unit: UnitCode, month: Month, count: Int, participants: Int
        public init(unit: UnitCode, month: Month, count: Int, participants: Int) {
            self.unit = unit; self.month = month; self.count = count; self.participants = participants
        }
    }
    public struct IssueRow: Sendable {
        public let unit: UnitCode, period: Month, topic: String, detail: String?, sensitive: Bool
        public init(unit: UnitCode, period: Month, topic: String, detail: String?, sensitive: Bool) {
            self.unit = unit; self.period = period; self.topic = topic; self.detail = detail; self.sensitive = sensitive
        }
    }
    public var published: [PublishedItem] = []
    public var deliveries = 0
    public var forms: [FormRow] = []
    public var activities: [UnitMonth] = []
    public var activitiesByType: [ActivityType: Int] = [:]
    /// Activity counts by theme: an activity carrying two themes counts once for each.
    public var activitiesByTheme: [ThemeRef: Int] = [:]
    /// Activity counts by project: an activity counts once per project among its themes.
    public var activitiesByProject: [ProjectID: Int] = [:]
    public var issues: [IssueRow] = []
    public var alertsOpen = 0
    public var alertsResolved = 0
    public init() {}
}

/// Reporting per DHIS2: expected, received, on time, for one month or a sum of unit-months.
public struct ReportingFigures: Sendable, Equatable {
    public var expected = 0, received = 0, onTime = 0
    public var missing: [MissingReport] = []
    public var rate: Double { expected == 0 ? 0 : Double(received) / Double(expected) }
    public var timeliness: Double { expected == 0 ? 0 : Double(onTime) / Double(expected) }
    public init() {}

    mutating func add(_ other: ReportingFigures) {
        expected += other.expected; received += other.received; onTime += other.onTime; missing += other.missing
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

public struct ClusterFigures: Sendable {
    public let cluster: String?
    public var units = 0
    public var activities = 0
    public var reporting = ReportingFigures()
}

public struct TargetResult: Sendable {
    public let target: Target
    public let value: Double
    public let met: Bool
    /// Each period's figure, in order.
    public let periods: [(label: String, value: Double)]
}

/// Every figure of SPEC §6.2 for a range of days.
public struct ReportFigures: Sendable {
    public let from: Day, to: Day
    public var publishedItems = 0
    public var deliveries = 0
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
    public var months: [Month] = []
    /// The first month reports are expected for; earlier months of the range count nowhere in reporting.
    public var trackingFrom: Month?
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
    public var lateReports: [LateReport] = []
    /// Activities and reporting of each cluster of units (units without a cluster under `nil`), clusters in
    /// the order they first appear in `units.csv`.
    public var byCluster: [ClusterFigures] = []

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
    /// `tracking_from`, or the first month any unit reported: months before are not expected.
    public var trackingFrom: Month?
    public init(from: Day, to: Day, units: [UnionUnit], scope: ThemeScope = .all, trackingFrom: Month? = nil) {
        self.from = from; self.to = to; self.units = units; self.scope = scope; self.trackingFrom = trackingFrom
    }
}

/// Computes report figures from facts; no I/O.
public enum ReportCalculator {
    public static func compute(facts: ReportFacts, workspace ws: Workspace, request: ReportRequest) -> ReportFigures {
        let from = request.from, to = request.to, units = request.units
        var f = ReportFigures(from: from, to: to)
        let phases = PhaseIndex(ws.plan)

        // content: publications carrying a theme in scope
        let published = facts.published.filter { from <= $0.date && $0.date <= to && request.scope.admits($0.themes) }
        f.publishedItems = published.count
        f.deliveries = facts.deliveries
        for p in published {
            f.byChannel.add(1, to: p.channel)
            for t in p.themes where request.scope.admits(theme: t) {
                f.byTheme.add(1, to: t)
                f.coverageGrid[t, default: []].insert(p.date.monthOfYear)
            }
            for a in p.audiences { f.byAudience.add(1, to: a) }
        }
        f.activeThemes = phases.themes(activeBetween: from, and: to).filter(request.scope.admits(theme:))
        f.themeCoverage = coverage(published, f.activeThemes)

        // activities (the store applied the range and the scope)
        let unitCodes = Set(units.map(\.code.value))
        let acts = facts.activities.filter { unitCodes.contains($0.unit) }
        for a in acts {
            f.activityCount = f.activityCount.saturatingAdding(a.count)
            f.participants = f.participants.saturatingAdding(a.participants)
            f.activitiesByUnit.add(a.count, to: a.unit)
            f.participantsByUnit.add(a.participants, to: a.unit)
            f.activitiesByMonth.add(a.count, to: a.month)
        }
        f.activitiesByType = facts.activitiesByType
        f.activitiesByTheme = facts.activitiesByTheme.filter { request.scope.admits(theme: $0.key) }
        f.activitiesByProject = facts.activitiesByProject
        let existing = units.filter { $0.exists(from: from, to: to) }
        f.reach = reach(acts, existing)
        f.unitsWithoutActivity = existing.map(\.code.value).filter { f.activitiesByUnit[$0] == nil }.sorted()

        // reporting over the complete months of the range, from the tracking start on
        f.months = Month.range(from.monthOfYear, to.monthOfYear)
        f.trackingFrom = request.trackingFrom
        let forms = facts.forms.indexed { FormKey(unit: $0.unit, period: $0.period) }
        let reportingMonths = expectedMonths(from: from, to: to, trackingFrom: request.trackingFrom)
        for m in reportingMonths {
            let r = reporting(m, units, forms, ws.plan)
            f.reportingByMonth[m] = r
            f.reporting.add(r)
            for u in units where u.exists(in: m) {
                if let form = forms[FormKey(unit: u.code.value, period: m)], form.submitted > ws.plan.reportDueDate(for: m) {
                    f.lateReports.append(LateReport(unit: u.code.value, period: m, submitted: form.submitted))
                }
            }
        }

        var clusters: [ClusterFigures] = []
        var clusterIndex: [String?: Int] = [:]
        for u in existing {
            let i = clusterIndex[u.cluster] ?? { clusters.append(ClusterFigures(cluster: u.cluster)); return clusters.count - 1 }()
            clusterIndex[u.cluster] = i
            clusters[i].units += 1
            clusters[i].activities = clusters[i].activities.saturatingAdding(f.activitiesByUnit[u.code.value] ?? 0)
            for m in reportingMonths { clusters[i].reporting.add(reporting(m, [u], forms, ws.plan)) }
        }
        f.byCluster = clusters

        // feedback
        let reported = Set(reportingMonths)
        for form in facts.forms where reported.contains(form.period) && unitCodes.contains(form.unit) {
            if let mood = form.mood { f.moods.add(1, to: mood) }
        }
        f.issueList = facts.issues.filter { reported.contains($0.period) && unitCodes.contains($0.unit) }
        f.issues = f.issueList.count
        f.alertsOpen = facts.alertsOpen
        f.alertsResolved = facts.alertsResolved

        f.targets = ws.plan.targets.map { target($0, request, published, acts, forms, ws.plan, phases) }
        return f
    }

    struct FormKey: Hashable { let unit: UnitCode; let period: Month }

    /// The complete months of the range at or after the tracking start.
    static func expectedMonths(from: Day, to: Day, trackingFrom: Month?) -> [Month] {
        Month.range(from.monthOfYear, to.monthOfYear).filter { m in
            m.first >= from && m.last <= to && trackingFrom.map { m >= $0 } ?? true
        }
    }

    static func target(_ t: Target, _ request: ReportRequest, _ published: [ReportFacts.PublishedItem],
                       _ acts: [ReportFacts.UnitMonth], _ forms: [FormKey: ReportFacts.FormRow], _ plan: Plan,
                       _ phases: PhaseIndex) -> TargetResult {
        // nothing is expected before tracking began: target periods start there
        let start = max(request.from, request.trackingFrom?.first ?? request.from)
        var values: [(String, Double)] = []
        for (label, a, b) in periods(t.period, from: start, to: request.to) {
            let v: Double
            let units = request.units.filter { $0.exists(from: a, to: b) }
            switch t.metric {
            case .reportingRate, .timeliness:
                var r = ReportingFigures()
                for m in expectedMonths(from: a, to: b, trackingFrom: request.trackingFrom) {
                    r.add(reporting(m, request.units, forms, plan))
                }
                // a period expecting no report (a month not over yet) neither meets nor misses the target
                if r.expected == 0 { continue }
                v = t.metric == .reportingRate ? r.rate : r.timeliness
            case .reach:
                v = reach(acts.filter { a.monthOfYear <= $0.month && $0.month <= b.monthOfYear }, units)
            case .themeCoverage:
                let active = phases.themes(activeBetween: a, and: b).filter(request.scope.admits(theme:))
                v = coverage(published.filter { a <= $0.date && $0.date <= b }, active)
            case .activitiesPerUnit:
                var count: [UnitCode: Int] = [:]
                for x in acts where a.monthOfYear <= x.month && x.month <= b.monthOfYear { count.add(x.count, to: x.unit) }
                let ok = units.filter { Double(count[$0.code.value] ?? 0) >= t.min }.count
                v = units.isEmpty ? 0 : Double(ok) / Double(units.count)
            }
            values.append((label, v))
        }
        let value = values.map(\.1).min() ?? 0
        let met = t.metric == .activitiesPerUnit ? value >= t.share : value >= t.min
        return TargetResult(target: t, value: value, met: !values.isEmpty && met, periods: values)
    }

    static func reporting(_ m: Month, _ units: [UnionUnit], _ forms: [FormKey: ReportFacts.FormRow],
                          _ plan: Plan) -> ReportingFigures {
        var r = ReportingFigures()
        let due = plan.reportDueDate(for: m)
        for u in units where u.exists(in: m) {
            r.expected += 1
            if let form = forms[FormKey(unit: u.code.value, period: m)] {
                r.received += 1
                if form.submitted <= due { r.onTime += 1 }
            } else {
                r.missing.append(MissingReport(unit: u.code.value, period: m))
            }
        }
        return r
    }

    static func reach(_ acts: [ReportFacts.UnitMonth], _ units: [UnionUnit]) -> Double {
        let members = units.reduce(0) { $0.saturatingAdding($1.members) }
        let attendances = acts.reduce(0) { $0.saturatingAdding($1.participants) }
        return members == 0 ? 0 : Double(attendances) / Double(members)
    }

    static func coverage(_ published: [ReportFacts.PublishedItem], _ active: [ThemeRef]) -> Double {
        guard !active.isEmpty else { return 0 }
        let covered = Set(published.flatMap(\.themes))
        return Double(active.filter(covered.contains).count) / Double(active.count)
    }

    /// The target periods inside the range, clipped to it.
    static func periods(_ p: TargetPeriod, from: Day, to: Day) -> [(String, Day, Day)] {
        guard from <= to else { return [] }
        if p == .phase { return [("\(from.iso)…\(to.iso)", from, to)] }
        var out: [(String, Day, Day)] = []
        var start = from
        while start <= to {
            let m = start.monthOfYear
            let (label, end): (String, Day)
            switch p {
            case .month: (label, end) = (m.iso, m.last)
            case .quarter: (label, end) = ("\(m.year)-Q\(m.quarter)", Month(year: m.year, month: m.quarter * 3)?.last ?? m.last)
            case .year: (label, end) = (String(m.year), Month(year: m.year, month: 12)?.last ?? m.last)
            case .phase: (label, end) = ("", to)
            }
            let clipped = min(end, to)
            out.append((label, start, clipped))
            start = clipped.adding(days: 1)
        }
        return out
    }
}
