/// Facts read from the store for a report, as plain values.
public struct ReportFacts: Sendable {
    public struct PublishedItem: Sendable {
        public let channel: String, date: Day, item: String, themes: [String], audiences: [String]
        public init(channel: String, date: Day, item: String, themes: [String], audiences: [String]) {
            self.channel = channel; self.date = date; self.item = item; self.themes = themes; self.audiences = audiences
        }
    }
    public struct FormRow: Sendable {
        public let unit: String, period: Month, submitted: Day, mood: String?
        public init(unit: String, period: Month, submitted: Day, mood: String?) { self.unit = unit; self.period = period; self.submitted = submitted; self.mood = mood }
    }
    /// Activities of one unit in one month (the store aggregates, so national data stays small).
    public struct UnitMonth: Sendable {
        public let unit: String, month: Month, count: Int, participants: Int
        public init(unit: String, month: Month, count: Int, participants: Int) {
            self.unit = unit; self.month = month; self.count = count; self.participants = participants
        }
    }
    public struct IssueRow: Sendable {
        public let unit: String, period: Month, topic: String, detail: String?, sensitive: Bool
        public init(unit: String, period: Month, topic: String, detail: String?, sensitive: Bool) {
            self.unit = unit; self.period = period; self.topic = topic; self.detail = detail; self.sensitive = sensitive
        }
    }
    public var published: [PublishedItem]
    public var deliveries: Int
    public var forms: [FormRow]
    public var activities: [UnitMonth]
    /// Activity counts by type, and by the set of themes an activity carries (space-separated refs).
    public var activitiesByType: [String: Int]
    public var activitiesByThemes: [String: Int]
    public var issues: [IssueRow]
    public var alertsOpen: Int
    public var alertsResolved: Int
    public init(published: [PublishedItem], deliveries: Int, forms: [FormRow], activities: [UnitMonth], activitiesByType: [String: Int],
                activitiesByThemes: [String: Int], issues: [IssueRow], alertsOpen: Int, alertsResolved: Int) {
        self.published = published; self.deliveries = deliveries; self.forms = forms; self.activities = activities
        self.activitiesByType = activitiesByType; self.activitiesByThemes = activitiesByThemes
        self.issues = issues; self.alertsOpen = alertsOpen; self.alertsResolved = alertsResolved
    }
}

/// Reporting per DHIS2: expected, received, on time, for one month or a sum of unit-months.
public struct ReportingFigures: Sendable, Equatable {
    public var expected = 0, received = 0, onTime = 0
    public var missing: [(unit: String, period: Month)] = []
    public var rate: Double { expected == 0 ? 0 : Double(received) / Double(expected) }
    public var timeliness: Double { expected == 0 ? 0 : Double(onTime) / Double(expected) }
    public static func == (a: ReportingFigures, b: ReportingFigures) -> Bool {
        a.expected == b.expected && a.received == b.received && a.onTime == b.onTime && a.missing.map { "\($0.unit)\($0.period)" } == b.missing.map { "\($0.unit)\($0.period)" }
    }
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
    public var byChannel: [String: Int] = [:]
    public var byTheme: [String: Int] = [:]
    public var byAudience: [String: Int] = [:]
    public var activeThemes: [ThemeRef] = []
    public var themeCoverage = 0.0
    public var activityCount = 0
    public var participants = 0
    public var activitiesByUnit: [String: Int] = [:]
    public var participantsByUnit: [String: Int] = [:]
    public var activitiesByType: [String: Int] = [:]
    public var activitiesByProject: [String: Int] = [:]
    public var activitiesByTheme: [String: Int] = [:]
    public var reach = 0.0
    public var unitsWithoutActivity: [String] = []
    public var months: [Month] = []
    public var reportingByMonth: [Month: ReportingFigures] = [:]
    public var reporting = ReportingFigures()
    public var activitiesByMonth: [Month: Int] = [:]
    public var coverageGrid: [String: Set<Month>] = [:]   // theme ref -> months with a publication
    public var targets: [TargetResult] = []
    public var moods: [String: Int] = [:]
    public var issues = 0
    public var issueList: [ReportFacts.IssueRow] = []
    public var alertsOpen = 0
    public var alertsResolved = 0
    public var lateUnits: [(unit: String, period: Month, submitted: Day)] = []
}

/// Computes report figures from facts; no I/O.
public enum ReportCalculator {
    /// - Parameter units: the units the report is about (all of them, or one for a unit report).
    public static func compute(facts: ReportFacts, workspace ws: Workspace, units: [UnionUnit], from: Day, to: Day) -> ReportFigures {
        var f = ReportFigures(from: from, to: to)
        let phaseIndex = PhaseIndex(ws.plan)
        let dueDays = ws.plan.reportDueDays
        let inRange = { (d: Day) in from <= d && d <= to }

        // content
        let published = facts.published.filter { inRange($0.date) }
        f.publishedItems = published.count
        f.deliveries = facts.deliveries
        for p in published {
            f.byChannel[p.channel, default: 0] += 1
            for t in p.themes { f.byTheme[t, default: 0] += 1; f.coverageGrid[t, default: []].insert(p.date.monthOfYear) }
            for a in p.audiences { f.byAudience[a, default: 0] += 1 }
        }
        f.activeThemes = phaseIndex.themes(activeBetween: from, and: to)
        f.themeCoverage = coverage(published, phaseIndex, from, to)

        // activities
        let unitCodes = Set(units.map(\.code.value))
        // the store already limited activities to the range
        let acts = facts.activities.filter { unitCodes.contains($0.unit) }
        for a in acts {
            f.activityCount += a.count
            f.participants += a.participants
            f.activitiesByUnit[a.unit, default: 0] += a.count
            f.participantsByUnit[a.unit, default: 0] += a.participants
            f.activitiesByMonth[a.month, default: 0] += a.count
        }
        f.activitiesByType = facts.activitiesByType
        for (set, count) in facts.activitiesByThemes {
            let themes = set.split(separator: " ")
            var projects: [Substring] = []
            for t in themes {
                f.activitiesByTheme[String(t), default: 0] += count
                let p = t.prefix { $0 != "/" }
                if p.count < t.count, !projects.contains(p) { projects.append(p) }
            }
            for p in projects { f.activitiesByProject[String(p), default: 0] += count }
        }
        let existing = units.filter { u in (u.joined.map { $0 <= to } ?? true) && (u.left.map { $0 >= from } ?? true) }
        f.reach = reach(acts, existing)
        f.unitsWithoutActivity = existing.map(\.code.value).filter { f.activitiesByUnit[$0] == nil }.sorted()

        // reporting over the complete months of the range
        f.months = Month.range(from.monthOfYear, to.monthOfYear)
        let reportingMonths = f.months.filter { $0.first >= from.monthOfYear.first && $0.last <= to }
        let formsByKey = Dictionary(facts.forms.map { (FormKey(unit: $0.unit, period: $0.period), $0) }, uniquingKeysWith: { a, _ in a })
        for m in reportingMonths {
            let r = reporting(m, units, formsByKey, dueDays)
            f.reportingByMonth[m] = r
            f.reporting.expected += r.expected
            f.reporting.received += r.received
            f.reporting.onTime += r.onTime
            f.reporting.missing += r.missing
            for u in units where u.exists(in: m) {
                if let form = formsByKey[FormKey(unit: u.code.value, period: m)], form.submitted > ReportValidator.dueDate(m, dueDays: dueDays) {
                    f.lateUnits.append((u.code.value, m, form.submitted))
                }
            }
        }

        // feedback
        let reportedPeriods = Set(reportingMonths)
        for form in facts.forms where reportedPeriods.contains(form.period) && unitCodes.contains(form.unit) {
            if let mood = form.mood { f.moods[mood, default: 0] += 1 }
        }
        f.issueList = facts.issues.filter { reportedPeriods.contains($0.period) && unitCodes.contains($0.unit) }
        f.issues = f.issueList.count
        f.alertsOpen = facts.alertsOpen
        f.alertsResolved = facts.alertsResolved

        // targets
        f.targets = ws.plan.targets.map { t in
            let spans = periods(t.period, from: from, to: to)
            var values: [(String, Double)] = []
            for (label, a, b) in spans {
                let months = Month.range(a.monthOfYear, b.monthOfYear).filter { $0.first >= a.monthOfYear.first && $0.last <= b }
                let v: Double
                switch t.metric {
                case .reportingRate, .timeliness:
                    var r = ReportingFigures()
                    for m in months {
                        let x = reporting(m, units, formsByKey, dueDays)
                        r.expected += x.expected; r.received += x.received; r.onTime += x.onTime
                    }
                    v = t.metric == .reportingRate ? r.rate : r.timeliness
                case .reach:
                    let us = units.filter { u in (u.joined.map { $0 <= b } ?? true) && (u.left.map { $0 >= a } ?? true) }
                    v = reach(acts.filter { a.monthOfYear <= $0.month && $0.month <= b.monthOfYear }, us)
                case .themeCoverage:
                    v = coverage(published.filter { a <= $0.date && $0.date <= b }, phaseIndex, a, b)
                case .activitiesPerUnit:
                    let us = units.filter { u in (u.joined.map { $0 <= b } ?? true) && (u.left.map { $0 >= a } ?? true) }
                    var count: [String: Int] = [:]
                    for x in acts where a.monthOfYear <= x.month && x.month <= b.monthOfYear { count[x.unit, default: 0] += x.count }
                    let ok = us.filter { Double(count[$0.code.value] ?? 0) >= t.min }.count
                    v = us.isEmpty ? 0 : Double(ok) / Double(us.count)
                }
                values.append((label, v))
            }
            let value = values.map(\.1).min() ?? 0
            let met = t.metric == .activitiesPerUnit ? value >= t.share : value >= t.min
            return TargetResult(target: t, value: value, met: !values.isEmpty && met, periods: values)
        }
        return f
    }

    struct FormKey: Hashable { let unit: String; let period: Month }

    static func reporting(_ m: Month, _ units: [UnionUnit], _ forms: [FormKey: ReportFacts.FormRow], _ dueDays: Int) -> ReportingFigures {
        var r = ReportingFigures()
        let due = ReportValidator.dueDate(m, dueDays: dueDays)
        for u in units where u.exists(in: m) {
            r.expected += 1
            if let form = forms[FormKey(unit: u.code.value, period: m)] {
                r.received += 1
                if form.submitted <= due { r.onTime += 1 }
            } else {
                r.missing.append((u.code.value, m))
            }
        }
        return r
    }

    static func reach(_ acts: [ReportFacts.UnitMonth], _ units: [UnionUnit]) -> Double {
        let members = units.reduce(0) { $0 + $1.members }
        return members == 0 ? 0 : Double(acts.reduce(0) { $0 + $1.participants }) / Double(members)
    }

    static func coverage(_ published: [ReportFacts.PublishedItem], _ index: PhaseIndex, _ a: Day, _ b: Day) -> Double {
        let active = index.themes(activeBetween: a, and: b).map(\.description)
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
            case .quarter:
                let lastMonth = Month(year: m.year, month: m.quarter * 3)!
                (label, end) = ("\(m.year)-Q\(m.quarter)", lastMonth.last)
            case .year: (label, end) = (String(m.year), Month(year: m.year, month: 12)!.last)
            case .phase: (label, end) = ("", to)
            }
            let clipped = min(end, to)
            out.append((label, start, clipped))
            start = clipped.adding(days: 1)
        }
        return out
    }
}
