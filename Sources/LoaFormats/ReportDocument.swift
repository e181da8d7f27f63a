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
    /// Loa's findings (section II), worked out when a document asks: JSON and CSV never need them.
    public var findings: ReportFindings { ReportFindings(figures: figures, workspace: workspace, today: today) }
    public let workspace: Workspace
    public let subject: ReportSubject
    public let language: Language
    public let includeSensitive: Bool
    public let today: Day
    /// What officers wrote for sections II–IV; parts it lacks print as placeholders.
    public let officerText: ReportText
    /// The early warnings on the day the document is dated (section I.5), those about its unit in a unit report.
    public var warnings: [EarlyWarning] = []
    /// The file name of the per-unit annex (`writeAnnex`), which capped lists point to.
    public var annexName = "units.csv"
    let index: WorkspaceIndex
    let t: Localizer

    public init(figures: ReportFigures, workspace: Workspace, subject: ReportSubject, language: Language,
                includeSensitive: Bool, today: Day, officerText: ReportText? = nil) {
        self.figures = figures; self.workspace = workspace; self.subject = subject; self.language = language
        self.includeSensitive = includeSensitive; self.today = today
        self.officerText = officerText ?? ReportText(path: "")
        index = WorkspaceIndex(workspace)
        t = Localizer(language)
    }

    /// Outside text, escaped for Loa's inline markup.
    func md(_ s: String) -> String { MarkdownRenderer.escape(s) }
    func unit(_ c: UnitCode) -> String { md(index.unitName(c)) }
    func theme(_ r: ThemeRef) -> String { md(themeLabel(r)) }
    /// A theme as people read it: by its title, after its project's short name unless the report is about one
    /// phase. Never its code.
    func themeLabel(_ r: ThemeRef) -> String {
        if case .phase = subject { return index.themeName(r, withProject: false) }
        return index.themeName(r)
    }
    /// Units in Vietnamese alphabetical order of their names.
    func byName(_ codes: some Sequence<UnitCode>) -> [UnitCode] {
        VietnameseOrder.sorted(Array(codes)) { index.unitName($0) }
    }

    /// What the report is about; a quick report adds the day its figures stand at ("tính đến ngày 08/12/2026").
    public var subtitle: String {
        let f = figures
        let asOf = f.interim ? f.asOf : nil
        let range = t(DocumentText.range(from: t.date(f.from), to: t.date(asOf ?? f.to), asOf: asOf != nil))
        switch subject {
        case .month(let m):
            return t(DocumentText.monthReportSubtitle(month: t.month(m)))
                + (asOf.map { t(DocumentText.asOf(t.date($0))) } ?? "")
        case .phase(let p, let ph):
            let ended = ph.to.map { f.to >= $0.value } ?? false
            return t(DocumentText.phaseReportSubtitle(final: ended, project: p.name, phase: ph.name, range: range))
        case .unit(let u):
            return t(DocumentText.unitReportSubtitle(unit: u.name, range: range))
        }
    }

    /// "BÁO CÁO", or "BÁO CÁO NHANH" while the period is unfinished.
    public var title: String { t(figures.interim ? DocumentText.quickReportTitle : DocumentText.reportTitle) }

    /// The report as a document: I. the figures, II. Loa's findings and the officers' assessment, III. next steps
    /// and IV. proposals from the officers' text. A part officers have not written is a placeholder, and the
    /// document a draft.
    public func document() -> AdminDocument {
        let results = content() + activities() + reporting() + targets() + feedback()
        let findings = self.findings
        var doc = AdminDocument(kind: .report, plan: workspace.plan, date: today, title: title, subtitle: subtitle,
                                sections: [
                                    Section(t(DocumentText.sectionResults), results),
                                    Section(t(DocumentText.sectionAssessment), assessment(findings)),
                                    Section(t(DocumentText.sectionNextSteps),
                                            officer(.nextSteps) + suggestions(findings)),
                                    Section(t(DocumentText.sectionProposals), officer(.proposals)),
                                ], language: language)
        doc.opening = DocumentOpening.report(workspace.plan, language: language)
        doc.draft = !officerText.missing.isEmpty
        return doc
    }

    /// II: Loa's own findings, then the officers' strengths and shortcomings with their causes.
    func assessment(_ findings: ReportFindings) -> [Block] {
        var out: [Block] = [.paragraph(t(DocumentText.findingsLead)),
                            .outline(findings.shortcomings.map(shortcoming))]
        if let text = officerText.parts[.assessment] { out += MarkdownTree.documentBlocks(text) }
        out.append(.subheading(t(DocumentText.strengths)))
        out += officer(.strengths)
        out.append(.subheading(t(DocumentText.weaknesses)))
        out += officer(.weaknesses)
        return out
    }

    /// A part of the officers' text as blocks, or the placeholder that asks for it.
    func officer(_ part: ReportText.Part) -> [Block] {
        if let text = officerText.parts[part] { return MarkdownTree.documentBlocks(text) }
        let name: DocumentText
        switch part {
        case .strengths: name = .partStrengths
        case .weaknesses: name = .partWeaknesses
        case .nextSteps: name = .partNextSteps
        case .proposals: name = .partProposals
        case .assessment: return []
        }
        return [.paragraph(t(DocumentText.placeholder(t(name))))]
    }

    /// While officers have not written III, what the figures suggest, for them to take up or leave.
    func suggestions(_ findings: ReportFindings) -> [Block] {
        guard officerText.parts[.nextSteps] == nil else { return [] }
        return [.paragraph(t(DocumentText.suggestionsLead)), .outline(findings.nextSteps.map(nextStep))]
    }

    /// `keys` in the order the workspace lists them (channels.yml, plan.yml); keys it no longer lists (a channel
    /// removed since) follow in their own order, so that no recorded figure drops out of the document.
    func ordered<K: Hashable & Comparable>(_ keys: some Collection<K>, as listed: [K]) -> [K] {
        let present = Set(keys)
        let known = listed.filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    /// A chart block whose text fallback gives every bar's label and value. A long series of months names the
    /// months with a figure and sums up the rest ("các tháng còn lại: 0").
    func chart(_ title: String, svg: String, data: [(label: String, value: String, zero: Bool)],
               months: Bool = false) -> Block {
        let zeros = data.filter(\.zero)
        var parts = data.map { "\($0.label): \($0.value)" }
        if months, data.count > 6, zeros.count >= 3, let zero = zeros.first {
            parts = data.filter { !$0.zero }.map { "\($0.label): \($0.value)" }
                + [t(DocumentText.otherMonths(zero.value))]
        }
        return .chart(Chart(title: title, svg: svg, fallback: t(DocumentText.chartData(parts.joined(separator: "; ")))))
    }

    func barChart(_ title: String, labels: [String], values: [Double], maxValue: Double? = nil, target: Double? = nil,
                  months: Bool = false, valueLabel: (Double) -> String) -> Block {
        chart(title, svg: Charts.bars(title: title, labels: labels, values: values, maxValue: maxValue, target: target,
                                      valueLabel: valueLabel),
              data: zip(labels, values).map { ($0, valueLabel($1), $1 == 0) }, months: months)
    }

    func content() -> [Block] {
        let f = figures
        var out: [Block] = [.subheading(t(DocumentText.contentHeading))]
        out.append(.paragraph(t(DocumentText.contentSummary(placements: t.count(f.publishedItems),
                                                            deliveries: t.count(f.deliveries),
                                                            coverage: t.percent(f.themeCoverage)))))
        if f.deliveries > 0 {
            out.append(.paragraph(t(DeliveryText.reportDelivered(delivered: t.count(f.delivered),
                                                                 confirmed: t.count(f.confirmed)))))
        }
        if !f.byChannel.isEmpty {
            // channels in the order of channels.yml, the order officers know them by
            let channels = ordered(f.byChannel.keys, as: workspace.channels.map(\.id.value))
            out.append(.table(Table(header: [t(DocumentText.channel), t(DocumentText.placements)],
                                    rows: channels.map { [md(index.channelName($0)), t.count(f.byChannel[$0] ?? 0)] },
                                    numeric: [1])))
        }
        out.append(.table(Table(header: [t(DocumentText.theme), t(DocumentText.placements), t(DocumentText.activities)],
                                rows: f.activeThemes.map {
                                    [theme($0), t.count(f.byTheme[$0] ?? 0), t.count(f.activitiesByTheme[$0] ?? 0)]
                                }, numeric: [1, 2])))
        if f.activeThemes.reduce(0, { $0 + (f.activitiesByTheme[$1] ?? 0) }) > f.activityCount {
            out.append(.paragraph(t(DocumentText.countedUnderEachTheme)))
        }
        if !f.byAudience.isEmpty {
            let list = ordered(f.byAudience.keys, as: workspace.plan.audiences.map(\.id.value)).map {
                "\(md(index.audienceName($0))) \(t.count(f.byAudience[$0] ?? 0))"
            }
            out.append(.paragraph(t(DocumentText.byAudience(list.joined(separator: "; ")))))
        }
        if f.months.count > 1, !f.activeThemes.isEmpty {
            let active = f.activeThemes
            let title = t(DocumentText.chartThemesByMonth)
            let columns = f.months.map { t.shortMonth($0) }
            let svg = Charts.grid(title: title, rows: active.map(themeLabel), columns: columns) {
                f.coverageGrid[active[$0]]?.contains(f.months[$1]) ?? false
            }
            out.append(chart(title, svg: svg, data: f.months.map { m in
                let covered = active.filter { f.coverageGrid[$0]?.contains(m) ?? false }.count
                let text = t(DocumentText.themesCovered(covered: covered, active: active.count))
                return (t.shortMonth(m), text, covered == 0)
            }, months: true))
        }
        return out
    }

    func activities() -> [Block] {
        let f = figures
        var out: [Block] = [.subheading(t(DocumentText.activitiesHeading))]
        out.append(.paragraph(t(DocumentText.activitiesSummary(count: t.count(f.activityCount),
                                                               attendances: t.count(f.participants),
                                                               reach: t.number(f.reach)))))
        if !f.activitiesByType.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.activityType), t(DocumentText.activities)],
                                    rows: ActivityType.allCases.compactMap { k in
                                        f.activitiesByType[k].map { [t(k), t.count($0)] }
                                    }, numeric: [1])))
        }
        if !f.activitiesByProject.isEmpty {
            let list = ordered(f.activitiesByProject.keys, as: workspace.plan.projects.map(\.id.value)).map {
                "\(md(index.projectName($0))) \(t.count(f.activitiesByProject[$0] ?? 0))"
            }
            out.append(.paragraph(t(DocumentText.byProject(list.joined(separator: "; ")))))
            if f.activitiesByProject.values.reduce(0, +) > f.activityCount {
                out.append(.paragraph(t(DocumentText.countedUnderEachProject)))
            }
        }
        if case .unit = subject {} else if let level = levelShown {
            out += groupTable(level, [t(DocumentText.unitsCount), t(DocumentText.activities),
                                      t(DocumentText.attendances), t(DocumentText.reach)]) { g in
                [t.count(g.units), t.count(g.activities), t.count(g.participants), t.number(g.reach)]
            }
        } else if !f.activitiesByUnit.isEmpty {
            // at unit level: every unit with activities while they are few, else those with the most
            let codes = f.activitiesByUnit.count <= DocumentCaps.groups ? byName(f.activitiesByUnit.keys)
                : Array(top(DocumentCaps.units, f.activitiesByUnit.keys) { f.activitiesByUnit[$0] ?? 0 })
            out.append(.table(Table(header: [t(DocumentText.unit), t(DocumentText.activities),
                                             t(DocumentText.attendances)],
                                    rows: codes.map {
                                        [unit($0), t.count(f.activitiesByUnit[$0] ?? 0),
                                         t.count(f.participantsByUnit[$0] ?? 0)]
                                    }, numeric: [1, 2])))
            if codes.count < f.activitiesByUnit.count {
                out.append(.paragraph(t(DocumentText.moreUnits(count: t.count(f.activitiesByUnit.count - codes.count),
                                                               annex: md(annexName)))))
            }
        }
        let count: (Double) -> String = { t.count(Int($0)) }
        if f.months.count > 1 {
            out.append(barChart(t(DocumentText.chartActivitiesByMonth), labels: f.months.map { t.shortMonth($0) },
                                values: f.months.map { Double(f.activitiesByMonth[$0] ?? 0) }, months: true,
                                valueLabel: count))
        } else if byClusters {
            out.append(barChart(t(DocumentText.chartActivitiesByCluster), labels: f.byCluster.map(clusterName),
                                values: f.byCluster.map { Double($0.activities) }, valueLabel: count))
        } else {
            // one month of one unit, or units without clusters: the activities by type, every type shown
            out.append(barChart(t(DocumentText.chartActivitiesByType), labels: ActivityType.allCases.map { t($0) },
                                values: ActivityType.allCases.map { Double(f.activitiesByType[$0] ?? 0) },
                                valueLabel: count))
        }
        return out
    }

    /// A month report of every unit compares clusters, when the units are grouped in more than one.
    var byClusters: Bool {
        if case .unit = subject { return false }
        return figures.byCluster.count > 1
    }

    func clusterName(_ c: ClusterFigures) -> String { c.cluster.map(index.clusterName) ?? t(DocumentText.clusterNone) }

    /// The figures by level a document shows as tables: those of a report over many units at a level above the unit
    /// (a level of units reads as the per-unit lists, capped).
    var levelShown: LevelFigures? {
        if case .unit = subject { return nil }
        guard let level = figures.byLevel, level.level != .unit else { return nil }
        return level
    }

    func levelLabel(_ level: ReportLevel) -> String {
        switch level {
        case .unit: t(DocumentText.levelName(height: 0))
        case .cluster: t(DocumentText.levelName(height: 1))
        case .above(let n): t(DocumentText.levelName(height: n + 1))
        }
    }

    /// A table of the level's groups under its heading (at most `DocumentCaps.groups` rows, then where the rest
    /// is), a column per figure `cells` gives.
    func groupTable(_ level: LevelFigures, _ header: [String], _ cells: (GroupFigures) -> [String]) -> [Block] {
        let shown = level.groups.prefix(DocumentCaps.groups)
        var out: [Block] = [.paragraph("**" + t(DocumentText.byLevelHeading(levelLabel(level.level))) + "**"),
                            .table(Table(header: [levelLabel(level.level)] + header,
                                                rows: shown.map { [md(groupName($0))] + cells($0) },
                                                numeric: Set(1...header.count)))]
        if shown.count < level.groups.count {
            out.append(.paragraph(t(DocumentText.moreGroups(count: t.count(level.groups.count - shown.count),
                                                            annex: md(annexName)))))
        }
        return out
    }

    /// The `n` keys with the largest `weight`, largest first, ties in Vietnamese order of the units' names: a
    /// partial selection, so 100,000 units cost one pass and a small sort.
    func top(_ n: Int, _ codes: some Sequence<UnitCode>, weight: (UnitCode) -> Int) -> [UnitCode] {
        var best: [(UnitCode, Int)] = []
        for c in codes {
            let w = weight(c)
            if best.count == n, let last = best.last, last.1 > w || (last.1 == w && last.0 < c) { continue }
            let at = best.firstIndex { $0.1 < w || ($0.1 == w && c < $0.0) } ?? best.count
            best.insert((c, w), at: at)
            if best.count > n { best.removeLast() }
        }
        // equal weights read by name
        let groups = Dictionary(grouping: best, by: \.1)
        return groups.keys.sorted(by: >).flatMap { byName(groups[$0]?.map(\.0) ?? []) }
    }

    /// A group of the figures by level by its name: the unit's or the cluster's, or "units without a cluster".
    func groupName(_ g: GroupFigures) -> String {
        guard let key = g.group else { return t(DocumentText.clusterNone) }
        if figures.byLevel?.level == .unit { return index.unitName(UnitCode(key)) }
        return index.clusterName(key)
    }

    func reporting() -> [Block] {
        let f = figures, r = f.reporting
        var out: [Block] = [.subheading(t(DocumentText.reportingHeading))]
        out.append(.paragraph(t(DocumentText.reportingSummary(received: t.count(r.received),
                                                              expected: t.count(r.expected), rate: t.percent(r.rate),
                                                              onTime: t.count(r.onTime),
                                                              timeliness: t.percent(r.timeliness)))))
        if r.pending > 0 {
            let due = f.months.filter { (f.reportingByMonth[$0]?.pending ?? 0) > 0 }
                .map { workspace.plan.reportDueDate(for: $0) }.max() ?? f.to
            out.append(.paragraph(t(DocumentText.reportingPending(count: t.count(r.pending), due: t.date(due)))))
        }
        if let since = f.trackingFrom, f.from.monthOfYear < since {
            out.append(.paragraph(t(DocumentText.reportingNotTracked(since: t.month(since)))))
        }
        let months = f.months.filter { f.reportingByMonth[$0] != nil }
        if !months.isEmpty {
            out.append(.table(Table(header: [t(DocumentText.month), t(DocumentText.expected), t(DocumentText.received),
                                             t(DocumentText.onTime), t(DocumentText.rate), t(DocumentText.timeliness)],
                                    rows: months.map { m in
                                        let x = f.reportingByMonth[m] ?? ReportingFigures()
                                        return [t.shortMonth(m), t.count(x.expected), t.count(x.received),
                                                t.count(x.onTime), t.percent(x.rate), t.percent(x.timeliness)]
                                    }, numeric: [1, 2, 3, 4, 5])))
        }
        if let level = levelShown {
            out += groupTable(level, [t(DocumentText.unitsCount), t(DocumentText.expected), t(DocumentText.received),
                                      t(DocumentText.onTime), t(DocumentText.missingCount), t(DocumentText.rate),
                                      t(DocumentText.timeliness)]) { g in
                let r = g.reporting
                return [t.count(g.units), t.count(r.expected), t.count(r.received), t.count(r.onTime),
                        t.count(g.missing), t.percent(r.rate), t.percent(r.timeliness)]
            }
        }
        let target = workspace.plan.targets.first { $0.metric == .reportingRate }?.min
        let targetText = target.map { t.percent($0) }
        if months.count > 1 {
            out.append(barChart(t(DocumentText.chartReportingByMonth(target: targetText)),
                                labels: months.map { t.shortMonth($0) },
                                values: months.map { f.reportingByMonth[$0]?.rate ?? 0 }, maxValue: 1, target: target,
                                months: true, valueLabel: t.percent))
        } else if byClusters, !months.isEmpty {
            out.append(barChart(t(DocumentText.chartReportingByCluster(target: targetText)),
                                labels: f.byCluster.map(clusterName), values: f.byCluster.map(\.reporting.rate),
                                maxValue: 1, target: target, valueLabel: t.percent))
        }
        return out
    }

    func targets() -> [Block] {
        let rows = figures.targets.map { r -> [String] in
            let required = r.target.metric == .activitiesPerUnit ? t.percent(r.target.share)
                : r.target.metric == .reach ? t.number(r.target.min) : t.percent(r.target.min)
            let value = r.target.metric == .reach ? t.number(r.value) : t.percent(r.value)
            let assessment = r.met.map { t($0 ? DocumentText.met : DocumentText.notMet) }
                ?? t(DocumentText.interimTarget)
            return [md(r.target.title), value, required, assessment]
        }
        return [.subheading(t(DocumentText.targetsHeading)),
                .table(Table(header: [t(DocumentText.target), t(DocumentText.value), t(DocumentText.required),
                                      t(DocumentText.assessment)], rows: rows, numeric: [1, 2], unbroken: [3]))]
    }

    func feedback() -> [Block] {
        let f = figures
        let moods = Mood.allCases.map { "\(t($0)): \(f.moods[$0] ?? 0)" }.joined(separator: "; ")
        let withheld = includeSensitive ? 0 : f.issueList.filter(\.sensitive).count
        let summary = DocumentText.feedbackSummary(moods: moods, issues: t.count(f.issues), withheld: withheld,
                                                   open: t.count(f.alertsOpen), resolved: t.count(f.alertsResolved))
        var out: [Block] = [.subheading(t(DocumentText.feedbackHeading)), .paragraph(t(summary))]
        if let level = levelShown {
            out += groupTable(level, Mood.allCases.map { t($0) } + [t(DocumentText.issuesCount)]) { g in
                Mood.allCases.map { t.count(g.moods[$0] ?? 0) } + [t.count(g.issues)]
            }
        }
        let listed = f.issueList.filter { !$0.sensitive || includeSensitive }
        let shown = listed.prefix(DocumentCaps.issues)
        if !shown.isEmpty {
            out.append(.bullets(shown.map { i in
                var s = "\(unit(i.unit)) (\(t.month(i.period))): \(md(i.topic))"
                if i.sensitive, let d = i.detail { s += " — " + md(d) }
                if i.sensitive { s += t(DocumentText.sensitiveMark) }
                return s
            }))
            if shown.count < listed.count {
                out.append(.paragraph(t(DocumentText.moreIssues(t.count(listed.count - shown.count)))))
            }
        }
        out.append(.paragraph("**" + t(WarningText.heading) + "**"))
        let warned = warnings.prefix(DocumentCaps.issues)
        out.append(warnings.isEmpty ? .paragraph(t(WarningText.none))
                   : .bullets(warned.map { md($0.sentence(index, showSensitive: includeSensitive, t: t)) }))
        if warned.count < warnings.count {
            out.append(.paragraph(t(DocumentText.moreWarnings(t.count(warnings.count - warned.count)))))
        }
        return out
    }

    /// A finding with what it names: on its line when it names one thing, else as a list under it, each entry
    /// ended by ";" and the last by ".", as administrative documents write lists.
    func bullet(_ lead: DocumentText, _ entries: [String], more: String? = nil) -> Bullet {
        if entries.count == 1, more == nil { return Bullet(t(lead) + " " + entries[0] + ".") }
        let items = entries + (more.map { [$0] } ?? [])
        return Bullet(t(lead), items: items.enumerated().map { i, e in e + (i == items.count - 1 ? "." : ";") })
    }

    func shortcoming(_ s: ReportFindings.Shortcoming) -> Bullet {
        let cap = DocumentCaps.units
        switch s {
        case .missingReports(let list):
            // the units with the most overdue reports first, capped: the annex lists every unit
            let months = Dictionary(list.map { ($0.unit, $0.months) }, uniquingKeysWith: { a, _ in a })
            let named = list.count <= cap ? byName(list.map(\.unit))
                : top(cap, list.map(\.unit)) { months[$0]?.count ?? 0 }
            return bullet(.missingReports, named.map {
                t(DocumentText.missingMonths(unit: unit($0), count: months[$0]?.count ?? 0,
                                             months: monthRanges(months[$0] ?? [])))
            }, more: list.count > cap ? t(DocumentText.moreUnits(count: t.count(list.count - cap),
                                                                  annex: md(annexName))) : nil)
        case .lateReports(let list, let total):
            return bullet(.lateReports, list.prefix(cap).map {
                t(DocumentText.lateReport(unit: unit($0.unit), month: t.shortMonth($0.period),
                                          submitted: t.date($0.submitted)))
            }, more: total > cap ? t(DocumentText.moreReports(count: t.count(total - min(cap, list.count)),
                                                                    annex: md(annexName))) : nil)
        case .themesWithoutPublication(let refs): return bullet(.themesWithoutPublication, refs.map(theme))
        case .unitsWithoutActivity(let codes):
            return bullet(.unitsWithoutActivity, byName(codes.prefix(cap)).map(unit),
                          more: codes.count > cap ? t(DocumentText.moreUnits(count: t.count(codes.count - cap),
                                                                             annex: md(annexName))) : nil)
        case .targetNotMet(let target): return Bullet(t(DocumentText.targetNotMet(md(target.title))))
        case .none: return Bullet(t(DocumentText.noShortcoming))
        }
    }

    /// Months as compact ranges: "10/2026–12/2026, 3/2027".
    func monthRanges(_ months: [Month]) -> String {
        var ranges: [(Month, Month)] = []
        for m in months.sorted() {
            if let last = ranges.last, last.1.next == m {
                ranges[ranges.count - 1].1 = m
            } else {
                ranges.append((m, m))
            }
        }
        return ranges.map { $0 == $1 ? t.shortMonth($0) : "\(t.shortMonth($0))–\(t.shortMonth($1))" }
            .joined(separator: ", ")
    }

    func nextStep(_ s: ReportFindings.NextStep) -> Bullet {
        switch s {
        case .prepareItems(let refs): return Bullet(t(DocumentText.prepareItems(refs.count)))
        case .remindUnits(let due): return Bullet(t(DocumentText.remindUnits(dueDay: due)))
        case .resolveAlerts(let n): return Bullet(t(DocumentText.resolveAlerts(n)))
        case .markObservances(let list):
            return bullet(.markObservances, list.map { o in
                var s = "\(md(o.observance.name)) (\(t.date(o.date))"
                if let n = o.anniversary, n > 0 { s += ", " + t(DocumentText.anniversaryYears(n)) }
                return s + ")"
            })
        case .varyForms: return Bullet(t(DocumentText.varyForms))
        }
    }
}

/// How much a document lists before it points to the annex: single units in a list, groups in a table by level,
/// issues raised (docs/rules.md, "Levels").
public enum DocumentCaps {
    public static let units = 20
    public static let groups = 40
    public static let issues = 20
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
