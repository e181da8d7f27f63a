/// What a report concludes from its figures (sections II and III of a báo cáo): shortcomings and next steps,
/// as values; documents only render them.
public struct ReportFindings: Sendable {
    public enum Shortcoming: Sendable {
        /// Units that owe reports, each with the months missing (in the units' order).
        case missingReports([(unit: UnitCode, months: [Month])])
        /// The first late reports (by month, then in the order of `units.csv`) and how many there are in all.
        case lateReports(first: [LateReport], total: Int)
        case themesWithoutPublication([ThemeRef])
        case unitsWithoutActivity([UnitCode])
        case targetNotMet(Target)
        /// The figures show nothing to improve.
        case none
    }

    public enum NextStep: Sendable {
        case prepareItems(for: [ThemeRef])
        case remindUnits(dueDays: Int)
        case resolveAlerts(open: Int)
        case markObservances([ObservanceDay])
        case varyForms
    }

    public let shortcomings: [Shortcoming]
    public let nextSteps: [NextStep]

    /// How far ahead "coming observances" look, and how many a report names.
    public static let observanceHorizonDays = 120
    public static let observancesNamed = 4
    /// How many late reports a finding names (a national report may hold hundreds of thousands).
    public static let lateReportsNamed = 50

    public init(figures f: ReportFigures, workspace ws: Workspace, today: Day) {
        var limits: [Shortcoming] = []
        let missing = f.missingByUnit(order: ws.units)
        if !missing.isEmpty { limits.append(.missingReports(missing)) }
        if f.lateCount > 0 {
            limits.append(.lateReports(first: f.lateReports(first: Self.lateReportsNamed), total: f.lateCount))
        }
        let uncovered = f.activeThemes.filter { (f.byTheme[$0] ?? 0) == 0 }
        if !uncovered.isEmpty { limits.append(.themesWithoutPublication(uncovered)) }
        // in a quick report activities are still coming in with the month's reports: no unit is faulted for them yet
        if !f.unitsWithoutActivity.isEmpty, !f.interim { limits.append(.unitsWithoutActivity(f.unitsWithoutActivity)) }
        for t in f.targets where t.met == false { limits.append(.targetNotMet(t.target)) }
        if limits.isEmpty { limits.append(.none) }
        shortcomings = limits

        var next: [NextStep] = []
        if !uncovered.isEmpty { next.append(.prepareItems(for: uncovered)) }
        if !missing.isEmpty || f.lateCount > 0 { next.append(.remindUnits(dueDays: ws.plan.reportDueDays)) }
        if f.alertsOpen > 0 { next.append(.resolveAlerts(open: f.alertsOpen)) }
        let upcoming = ObservanceDay.occurrences(of: ws.observances, from: today,
                                                 to: today.adding(days: Self.observanceHorizonDays))
        if !upcoming.isEmpty { next.append(.markObservances(Array(upcoming.prefix(Self.observancesNamed)))) }
        next.append(.varyForms)
        nextSteps = next
    }
}
