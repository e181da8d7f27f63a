import Foundation
import LoaCore

/// What a report is about.
public enum ReportSubject: Sendable {
    case month(Month)
    case phase(project: Project, phase: Phase)
    case unit(UnionUnit)
}

/// Turns report figures and findings into a document (Markdown/HTML), CSV rows and JSON; it decides nothing.
public struct ReportPresenter {
    public let figures: ReportFigures
    public let findings: ReportFindings
    public let workspace: Workspace
    public let subject: ReportSubject
    public let language: Language
    public let includeSensitive: Bool
    public let today: Day
    let index: WorkspaceIndex
    let t: Localizer

    public init(figures: ReportFigures, workspace: Workspace, subject: ReportSubject, language: Language,
                includeSensitive: Bool, today: Day) {
        self.figures = figures; self.workspace = workspace; self.subject = subject; self.language = language
        self.includeSensitive = includeSensitive; self.today = today
        findings = ReportFindings(figures: figures, workspace: workspace, today: today)
        index = WorkspaceIndex(workspace)
        t = Localizer(language)
    }

    /// Outside text, escaped for Loa's inline markup.
    func md(_ s: String) -> String { MarkdownRenderer.escape(s) }
    func unit(_ c: UnitCode) -> String { md(index.unitName(c)) }
    func theme(_ r: ThemeRef) -> String { md("\(r) — \(index.themeTitle(r))") }
    /// Units in Vietnamese alphabetical order of their names.
    func byName(_ codes: some Sequence<UnitCode>) -> [UnitCode] { VietnameseOrder.sorted(Array(codes)) { index.unitName($0) } }

    var subtitle: String {
        let f = figures
        switch subject {
        case .month(let m): return t(DocumentText.monthReportSubtitle(month: t.month(m)))
        case .phase(let p, let ph):
            let ended = ph.to.map { f.to >= $0.value } ?? false
            return t(DocumentText.phaseReportSubtitle(final: ended, project: p.name, phase: ph.name,
                                                       from: t.date(f.from), to: t.date(f.to)))
        case .unit(let u): return t(DocumentText.unitReportSubtitle(unit: u.name, from: t.date(f.from), to: t.date(f.to)))
        }
    }

    public func document() -> AdminDocument {
        AdminDocument(kind: .report, plan: workspace.plan, date: today, title: t(DocumentText.reportTitle), subtitle: subtitle,
                      sections: [
                          Section(t(DocumentText.sectionResults), content() + activities() + reporting() + targets() + feedback()),
                          Section(t(DocumentText.sectionShortcomings), [.bullets(findings.shortcomings.map(shortcoming))]),
                          Section(t(DocumentText.sectionNextSteps), [.bullets(findings.nextSteps.map(nextStep))]),
                      ], language: language)
    }

    func content() -> [Block] {
        let f = figures
        var out: [Block] = [.subheading(t(DocumentText.contentHeading))]
        out.append(.paragraph(t(DocumentText.contentSummary(placements: t.count(f.publishedItems), deliveries: t.count(f.deliveries),
                                                            coverage: t.percent(f.themeCoverage)))))
        if !f.byChannel.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.channel), t(DocumentText.placements)],
                                    rows: f.byChannel.keys.sorted().map { [md(index.channelName($0)), t.count(f.byChannel[$0] ?? 0)] },
                                    numeric: [1])))
        }
        out.append(.table(Table(header: [t(DocumentText.theme), t(DocumentText.placements), t(DocumentText.activities)],
                                rows: f.activeThemes.map { [theme($0), t.count(f.byTheme[$0] ?? 0), t.count(f.activitiesByTheme[$0] ?? 0)] },
                                numeric: [1, 2])))
        if !f.byAudience.isEmpty {
            let list = f.byAudience.keys.sorted().map { "\(md(index.audienceName($0))) \(f.byAudience[$0] ?? 0)" }
            out.append(.paragraph(t(DocumentText.byAudience(list.joined(separator: "; ")))))
        }
        if f.months.count > 1 {
            let active = f.activeThemes
            out.append(.chart(svg: Charts.grid(title: t(DocumentText.chartThemesByMonth), rows: active.map(\.description),
                                               columns: f.months.map { t.shortMonth($0) }) { i, j in
                f.coverageGrid[active[i]]?.contains(f.months[j]) ?? false
            }, fallback: t(DocumentText.chartThemesByMonthFallback)))
        }
        return out
    }

    func activities() -> [Block] {
        let f = figures
        var out: [Block] = [.subheading(t(DocumentText.activitiesHeading))]
        out.append(.paragraph(t(DocumentText.activitiesSummary(count: t.count(f.activityCount), attendances: t.count(f.participants),
                                                               reach: t.number(f.reach)))))
        if !f.activitiesByType.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.activityType), t(DocumentText.activities)],
                                    rows: ActivityType.allCases.compactMap { k in f.activitiesByType[k].map { [t(k), t.count($0)] } },
                                    numeric: [1])))
        }
        if !f.activitiesByProject.isEmpty {
            let list = f.activitiesByProject.keys.sorted().map { "\(md(index.projectName($0))) \(f.activitiesByProject[$0] ?? 0)" }
            out.append(.paragraph(t(DocumentText.byProject(list.joined(separator: "; ")))))
        }
        if case .unit = subject {} else if !f.activitiesByUnit.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.unit), t(DocumentText.activities), t(DocumentText.attendances)],
                                    rows: byName(f.activitiesByUnit.keys).map {
                                        [unit($0), t.count(f.activitiesByUnit[$0] ?? 0), t.count(f.participantsByUnit[$0] ?? 0)]
                                    }, numeric: [1, 2])))
        }
        if f.months.count > 1 {
            out.append(.chart(svg: Charts.bars(title: t(DocumentText.chartActivitiesByMonth), labels: f.months.map { t.shortMonth($0) },
                                               values: f.months.map { Double(f.activitiesByMonth[$0] ?? 0) },
                                               valueLabel: { t.count(Int($0)) }),
                              fallback: t(DocumentText.chartActivitiesByMonthFallback)))
        } else if case .unit = subject {} else if f.byCluster.count > 1 {
            out.append(.chart(svg: Charts.bars(title: t(DocumentText.chartActivitiesByCluster), labels: f.byCluster.map(clusterName),
                                               values: f.byCluster.map { Double($0.activities) }, valueLabel: { t.count(Int($0)) }),
                              fallback: t(DocumentText.chartActivitiesByClusterFallback)))
        }
        return out
    }

    func clusterName(_ c: ClusterFigures) -> String { c.cluster ?? t(DocumentText.clusterNone) }

    func reporting() -> [Block] {
        let f = figures, r = f.reporting
        var out: [Block] = [.subheading(t(DocumentText.reportingHeading))]
        out.append(.paragraph(t(DocumentText.reportingSummary(received: t.count(r.received), expected: t.count(r.expected),
                                                              rate: t.percent(r.rate), onTime: t.count(r.onTime),
                                                              timeliness: t.percent(r.timeliness)))))
        if let since = f.trackingFrom, f.from.monthOfYear < since {
            out.append(.paragraph(t(DocumentText.reportingNotTracked(since: t.month(since)))))
        }
        let months = f.months.filter { f.reportingByMonth[$0] != nil }
        if !months.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.month), t(DocumentText.expected), t(DocumentText.received),
                                             t(DocumentText.onTime), t(DocumentText.rate), t(DocumentText.timeliness)],
                                    rows: months.map { m in
                                        let x = f.reportingByMonth[m] ?? ReportingFigures()
                                        return [t.shortMonth(m), t.count(x.expected), t.count(x.received), t.count(x.onTime),
                                                t.percent(x.rate), t.percent(x.timeliness)]
                                    }, numeric: [1, 2, 3, 4, 5])))
        }
        let target = workspace.plan.targets.first { $0.metric == .reportingRate }?.min
        if months.count > 1 {
            out.append(.chart(svg: Charts.bars(title: t(DocumentText.chartReportingByMonth), labels: months.map { t.shortMonth($0) },
                                               values: months.map { f.reportingByMonth[$0]?.rate ?? 0 }, maxValue: 1,
                                               target: target, valueLabel: t.percent),
                              fallback: t(DocumentText.chartReportingByMonthFallback)))
        } else if case .unit = subject {} else if f.byCluster.count > 1, !months.isEmpty {
            out.append(.chart(svg: Charts.bars(title: t(DocumentText.chartReportingByCluster), labels: f.byCluster.map(clusterName),
                                               values: f.byCluster.map(\.reporting.rate), maxValue: 1, target: target,
                                               valueLabel: t.percent),
                              fallback: t(DocumentText.chartReportingByClusterFallback)))
        }
        return out
    }

    func targets() -> [Block] {
        [.subheading(t(DocumentText.targetsHeading)),
         .table(Table(header: [t(DocumentText.target), t(DocumentText.value), t(DocumentText.required), t(DocumentText.assessment)],
                      rows: figures.targets.map { r in
                          let required = r.target.metric == .activitiesPerUnit ? t.percent(r.target.share)
                              : r.target.metric == .reach ? t.number(r.target.min) : t.percent(r.target.min)
                          let value = r.target.metric == .reach ? t.number(r.value) : t.percent(r.value)
                          return [md(r.target.title), value, required, t(r.met ? DocumentText.met : DocumentText.notMet)]
                      }, numeric: [1, 2]))]
    }

    func feedback() -> [Block] {
        let f = figures
        let moods = Mood.allCases.map { "\(t($0)): \(f.moods[$0] ?? 0)" }.joined(separator: "; ")
        var out: [Block] = [.subheading(t(DocumentText.feedbackHeading)),
                            .paragraph(t(DocumentText.feedbackSummary(moods: moods, issues: t.count(f.issues),
                                                                      open: t.count(f.alertsOpen), resolved: t.count(f.alertsResolved))))]
        let shown = f.issueList.filter { !$0.sensitive || includeSensitive }
        if !shown.isEmpty {
            out.append(.bullets(shown.map { i in
                var s = "\(unit(i.unit)) (\(t.shortMonth(i.period))): \(md(i.topic))"
                if i.sensitive, let d = i.detail { s += " — " + md(d) }
                if i.sensitive { s += t(DocumentText.sensitiveMark) }
                return s
            }))
        }
        return out
    }

    func shortcoming(_ s: ReportFindings.Shortcoming) -> String {
        switch s {
        case .missingReports(let list):
            let named = byName(list.map(\.unit)).compactMap { u in list.first { $0.unit == u } }
            return t(DocumentText.missingReports(named.map {
                t(DocumentText.missingMonths(unit: unit($0.unit), count: $0.months.count, months: monthRanges($0.months)))
            }.joined(separator: "; ")))
        case .lateReports(let list):
            return t(DocumentText.lateReports(list.map {
                t(DocumentText.lateReport(unit: unit($0.unit), month: t.shortMonth($0.period), submitted: t.date($0.submitted)))
            }.joined(separator: "; ")))
        case .themesWithoutPublication(let refs): return t(DocumentText.themesWithoutPublication(refs.map(theme).joined(separator: "; ")))
        case .unitsWithoutActivity(let codes): return t(DocumentText.unitsWithoutActivity(byName(codes).map(unit).joined(separator: "; ")))
        case .targetNotMet(let target): return t(DocumentText.targetNotMet(md(target.title)))
        case .none: return t(DocumentText.noShortcoming)
        }
    }

    /// Months as compact ranges: "10/2026–12/2026, 3/2027".
    func monthRanges(_ months: [Month]) -> String {
        var parts: [String] = []
        var start: Month?, end: Month?
        for m in months.sorted() {
            if let e = end, e.next == m { end = m; continue }
            if let s = start, let e = end { parts.append(s == e ? t.shortMonth(s) : "\(t.shortMonth(s))–\(t.shortMonth(e))") }
            start = m; end = m
        }
        if let s = start, let e = end { parts.append(s == e ? t.shortMonth(s) : "\(t.shortMonth(s))–\(t.shortMonth(e))") }
        return parts.joined(separator: ", ")
    }

    func nextStep(_ s: ReportFindings.NextStep) -> String {
        switch s {
        case .prepareItems(let refs): return t(DocumentText.prepareItems(refs.map(theme).joined(separator: "; ")))
        case .remindUnits(let due): return t(DocumentText.remindUnits(dueDay: due))
        case .resolveAlerts(let n): return t(DocumentText.resolveAlerts(n))
        case .markObservances(let list):
            return t(DocumentText.markObservances(list.map { o in
                var s = "\(md(o.observance.name)) (\(t.date(o.date))"
                if let n = o.anniversary, n > 0 { s += ", " + t(DocumentText.anniversaryYears(n)) }
                return s + ")"
            }.joined(separator: "; ")))
        case .varyForms: return t(DocumentText.varyForms)
        }
    }

}

/// Vietnamese alphabetical order (vi_VN collation): "Đ" after "D", tones after the bare letter.
public enum VietnameseOrder {
    static let locale = Locale(identifier: "vi_VN")

    public static func sorted<T>(_ values: [T], by name: (T) -> String) -> [T] {
        values.map { (name($0), $0) }.sorted { a, b in
            let order = a.0.compare(b.0, options: [.caseInsensitive], range: nil, locale: locale)
            return order == .orderedSame ? a.0 < b.0 : order == .orderedAscending
        }.map(\.1)
    }
}
