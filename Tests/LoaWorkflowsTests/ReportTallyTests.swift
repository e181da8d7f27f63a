import Foundation
import Testing
@testable import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWorkflows

/// The one-pass tally against the calculator it replaced (kept below as the reference: every row in memory,
/// every figure computed the plain way), on random workspaces and rows: the JSON, the CSV and the Markdown
/// document must come out byte for byte the same.
@Suite struct ReportTallyTests {
    @Test(arguments: 1...12)
    func theTallyGivesTheFiguresOfTheRowByRowCalculator(seed: UInt64) throws {
        var rng = SplitMix(seed: seed)
        let w = try FixtureWorkspace()
        var ws = try w.session(today: "2027-03-01").loadWorkspace().workspace
        ws.units = randomUnits(&rng)
        ws.plan.targets = variedTargets(ws.plan.targets)
        if rng.below(2) == 0 { ws.plan.trackingFrom = Month(year: 2026, month: 1 + rng.below(6)) }
        let months = (1...14).compactMap { i in Month(year: 2025 + (i + 5) / 12, month: (i + 5) % 12 + 1) }
        let forms = randomForms(&rng, units: ws.units, months: months)
        let activities = randomActivities(&rng, units: ws.units, months: months)
        let sets: [Int: [ThemeRef]] = [1: [ref("p/1/a")], 2: [ref("p/1/a"), ref("p/1/b")], 3: [ref("q/9/z")],
                                       4: [ref("p/1/b"), ref("q/9/z")]]
        let ranges: [(String, String)] = [("2025-12-01", "2027-01-31"), ("2026-03-10", "2026-08-20"),
                                          ("2026-05-01", "2026-05-31"), ("2026-11-15", "2026-12-14")]
        for (a, b) in ranges {
            for scope in [ThemeScope.all, .themes([ref("p/1/a")])] {
                for oneUnit in [nil, ws.units[rng.below(ws.units.count)]] {
                    let from = try #require(Day(iso: a)), to = try #require(Day(iso: b))
                    let units = oneUnit.map { [$0] } ?? ws.units
                    let request = ReportRequest(from: from, to: to, units: units, scope: scope,
                                                trackingFrom: ws.plan.trackingFrom ?? months.first)
                    let inRange = activities.filter { from <= $0.date && $0.date <= to && scope.admits(sets[$0.set ?? 0] ?? [])
                        && (oneUnit == nil || $0.unit == oneUnit?.code.value) }
                    let rangeForms = forms.filter { from.monthOfYear <= $0.period && $0.period <= to.monthOfYear
                        && (oneUnit == nil || $0.unit == oneUnit?.code.value) }
                    var facts = ReportFacts()
                    facts.themeSets = sets
                    var tally = ReportTally(request: request, plan: ws.plan)
                    for f in rangeForms { tally.addForm(unit: f.unit, period: f.period, submitted: f.submitted, mood: f.mood) }
                    for x in inRange {
                        tally.addActivity(unit: x.unit, month: x.date.monthOfYear, type: x.type, participants: x.participants,
                                          themeSet: x.set)
                    }
                    let streamed = tally.figures(facts: facts, workspace: ws)
                    let reference = ReferenceCalculator.compute(forms: rangeForms, activities: inRange, sets: sets,
                                                                workspace: ws, request: request)
                    for (name, text) in outputs(streamed, ws).enumerated() {
                        #expect(text == outputs(reference, ws)[name], "seed \(seed) \(a)…\(b) output \(name)")
                    }
                }
            }
        }
    }

    @Test func theUnitFinderFindsEveryCodeInAnyOrderAndNothingElse() {
        var rng = SplitMix(seed: 99)
        let codes = (0..<500).map { _ in UnitCode("u" + String(rng.below(100_000))) }
        let distinct = Array(Set(codes))
        var finder = UnitFinder(distinct)
        let probes = (distinct.map(\.rawValue) + ["", "u", "zzz", "u-1", "Đơn"]).shuffled(using: &rng)
            + distinct.map(\.rawValue).sorted()
        for p in probes {
            var text = p
            let found = text.withUTF8 { finder.slot($0) }
            #expect(found.map { distinct[$0].rawValue } == (distinct.contains(UnitCode(p)) ? p : nil), "\(p)")
        }
    }

    func outputs(_ f: ReportFigures, _ ws: Workspace) -> [String] {
        let p = ReportPresenter(figures: f, workspace: ws, subject: .month(f.from.monthOfYear), language: .vi,
                                includeSensitive: true, today: f.to)
        return [p.json().text, p.csv(), MarkdownRenderer.render(p.document())]
    }

    func ref(_ s: String) -> ThemeRef { ThemeRef(parsing: s) ?? ThemeRef(project: "x", phase: "x", theme: "x") }

    func randomUnits(_ rng: inout SplitMix) -> [UnionUnit] {
        (0..<60).map { i in
            let joined = rng.below(5) == 0 ? Day(year: 2026, month: 1 + rng.below(12), day: 1 + rng.below(28)) : nil
            let left = rng.below(6) == 0 ? Day(year: 2026, month: 1 + rng.below(12), day: 1 + rng.below(28)) : nil
            return UnionUnit(code: Located(UnitCode("u\(i)"), at: SourceLocation(path: "units.csv", line: i + 2, column: 1)),
                             name: "Đơn vị \(i)", cluster: rng.below(4) == 0 ? nil : "cụm \(rng.below(3))",
                             members: rng.below(50), email: nil, joined: joined, left: left)
        }
    }

    func variedTargets(_ targets: [Target]) -> [Target] {
        targets + targets.flatMap { t in
            [TargetPeriod.month, .quarter, .year, .phase].map { p in
                Target(id: Located(TargetID(t.id.value.rawValue + "-" + p.rawValue), at: t.id.location), title: t.title,
                       metric: t.metric, period: p, min: t.min, share: t.share)
            }
        }
    }

    func randomForms(_ rng: inout SplitMix, units: [UnionUnit], months: [Month]) -> [ReferenceCalculator.Form] {
        var out: [ReferenceCalculator.Form] = []
        for u in units + [UnionUnit(code: Located("ghost", at: SourceLocation(path: "", line: 1, column: 1)), name: "",
                                    cluster: nil, members: 1, email: nil, joined: nil, left: nil)] {
            for m in months where rng.below(4) != 0 {
                out.append(.init(unit: u.code.value, period: m, submitted: m.last.adding(days: rng.below(9)),
                                 mood: rng.below(4) == 0 ? nil : Mood.allCases[rng.below(3)]))
            }
        }
        return out.shuffled(using: &rng)
    }

    func randomActivities(_ rng: inout SplitMix, units: [UnionUnit], months: [Month]) -> [ReferenceCalculator.Activity] {
        (0..<900).map { _ in
            let m = months[rng.below(months.count)]
            let unit = rng.below(20) == 0 ? UnitCode("ghost") : units[rng.below(units.count)].code.value
            return .init(unit: unit, date: m.first.adding(days: rng.below(28)), type: ActivityType.allCases[rng.below(8)],
                         participants: rng.below(80), set: rng.below(5) == 0 ? nil : 1 + rng.below(4))
        }
    }
}

/// A small deterministic random generator, so that a failing seed can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// The report calculator before the tally: every form and every unit-month of activities in memory, each figure
/// computed on its own. Kept as the reference the tally must agree with.
enum ReferenceCalculator {
    struct Form { let unit: UnitCode, period: Month, submitted: Day, mood: Mood? }
    struct Activity { let unit: UnitCode, date: Day, type: ActivityType, participants: Int, set: Int? }
    struct UnitMonth { let unit: UnitCode, month: Month, count: Int, participants: Int }
    struct FormKey: Hashable { let unit: UnitCode; let period: Month }

    static func compute(forms allForms: [Form], activities rangeActivities: [Activity], sets: [Int: [ThemeRef]],
                        workspace ws: Workspace, request: ReportRequest) -> ReportFigures {
        let from = request.from, to = request.to, units = request.units
        // months before the tracking start count nowhere
        let activities = rangeActivities.filter { a in request.trackingFrom.map { a.date.monthOfYear >= $0 } ?? true }
        var f = ReportFigures(from: from, to: to)
        let phases = PhaseIndex(ws.plan)
        f.activeThemes = phases.themes(activeBetween: from, and: to).filter(request.scope.admits(theme:))
        f.themeCoverage = ReportCalculator.coverage([], f.activeThemes)

        // what SQL grouped: by unit and month, by type, by set of themes
        var grouped: [FormKey: (Int, Int)] = [:]
        var byType: [ActivityType: Int] = [:], bySet: [Int: Int] = [:]
        for a in activities {
            let k = FormKey(unit: a.unit, period: a.date.monthOfYear)
            grouped[k] = ((grouped[k]?.0 ?? 0) + 1, (grouped[k]?.1 ?? 0) + a.participants)
            byType[a.type, default: 0] += 1
            if let s = a.set { bySet[s, default: 0] += 1 }
        }
        let unitCodes = Set(units.map(\.code.value))
        let acts = grouped.map { UnitMonth(unit: $0.key.unit, month: $0.key.period, count: $0.value.0, participants: $0.value.1) }
            .filter { unitCodes.contains($0.unit) }
        for a in acts {
            f.activityCount += a.count
            f.participants += a.participants
            f.activitiesByUnit.add(a.count, to: a.unit)
            f.participantsByUnit.add(a.participants, to: a.unit)
            f.activitiesByMonth.add(a.count, to: a.month)
        }
        f.activitiesByType = byType
        for (set, count) in bySet {
            let refs = sets[set] ?? []
            for t in refs where request.scope.admits(theme: t) { f.activitiesByTheme.add(count, to: t) }
            for p in Set(refs.map(\.project)) { f.activitiesByProject.add(count, to: p) }
        }
        let existing = units.filter { $0.exists(from: from, to: to) }
        f.reach = reach(acts, existing)
        f.unitsWithoutActivity = existing.map(\.code.value).filter { f.activitiesByUnit[$0] == nil }.sorted()

        f.months = Month.range(from.monthOfYear, to.monthOfYear).filter { m in request.trackingFrom.map { m >= $0 } ?? true }
        f.trackingFrom = request.trackingFrom
        let forms = allForms.indexed { FormKey(unit: $0.unit, period: $0.period) }
        let reportingMonths = ReportMonths(from: from, to: to, trackingFrom: request.trackingFrom).expected
        f.lateUnits = units.map(\.code.value)
        for m in reportingMonths {
            let r = reporting(m, units, forms, ws.plan)
            f.reportingByMonth[m] = r
            f.reporting.add(r)
            for (i, u) in units.enumerated() where u.exists(in: m) {
                if let form = forms[FormKey(unit: u.code.value, period: m)], form.submitted > ws.plan.reportDueDate(for: m) {
                    f.late.append(CompactLateReport(unit: Int32(i), month: Int32(f.months.firstIndex(of: m) ?? 0),
                                                    submitted: Int32(form.submitted.ordinal)))
                }
            }
        }
        var clusters: [ClusterFigures] = []
        var clusterIndex: [String?: Int] = [:]
        for u in existing {
            let i = clusterIndex[u.cluster] ?? { clusters.append(ClusterFigures(cluster: u.cluster)); return clusters.count - 1 }()
            clusterIndex[u.cluster] = i
            clusters[i].units += 1
            clusters[i].activities += f.activitiesByUnit[u.code.value] ?? 0
            for m in reportingMonths { clusters[i].reporting.add(reporting(m, [u], forms, ws.plan)) }
        }
        f.byCluster = clusters
        let reported = Set(reportingMonths)
        for form in allForms where reported.contains(form.period) && unitCodes.contains(form.unit) {
            if let mood = form.mood { f.moods.add(1, to: mood) }
        }
        f.targets = ws.plan.targets.map { target($0, request, acts, forms, ws.plan, phases) }
        // each unit's line, unit by unit, then the level's groups from them
        f.unitLines = units.map { u in
            var line = UnitLine()
            for m in reportingMonths {
                let r = reporting(m, [u], forms, ws.plan)
                line.expected += Int32(r.expected); line.received += Int32(r.received); line.onTime += Int32(r.onTime)
                line.missing += Int32(r.missing.count)
                line.late += Int32(r.received - r.onTime)
                if let mood = forms[FormKey(unit: u.code.value, period: m)]?.mood {
                    line.moods[Mood.allCases.firstIndex(of: mood) ?? 0] += 1
                }
            }
            line.activities = Int32(f.activitiesByUnit[u.code.value] ?? 0)
            line.participants = Int32(f.participantsByUnit[u.code.value] ?? 0)
            return line
        }
        let hierarchy = UnitHierarchy(clusters: ws.clusters)
        f.byLevel = f.levelFigures(at: request.level ?? hierarchy.defaultLevel(for: units), units: units,
                                   hierarchy: hierarchy)
        return f
    }

    static func target(_ t: Target, _ request: ReportRequest, _ acts: [UnitMonth], _ forms: [FormKey: Form], _ plan: Plan,
                       _ phases: PhaseIndex) -> TargetResult {
        let start = max(request.from, request.trackingFrom?.first ?? request.from)
        var values: [(String, Double)] = []
        for (label, a, b) in ReportCalculator.periods(t.period, from: start, to: request.to) {
            let v: Double
            let units = request.units.filter { $0.exists(from: a, to: b) }
            switch t.metric {
            case .reportingRate, .timeliness:
                var r = ReportingFigures()
                for m in ReportMonths(from: a, to: b, trackingFrom: request.trackingFrom).expected {
                    r.add(reporting(m, request.units, forms, plan))
                }
                if r.expected == 0 { continue }    // as the tally: a period expecting no report yet is skipped
                v = t.metric == .reportingRate ? r.rate : r.timeliness
            case .reach:
                v = reach(acts.filter { a.monthOfYear <= $0.month && $0.month <= b.monthOfYear }, units)
            case .themeCoverage:
                v = ReportCalculator.coverage([], phases.themes(activeBetween: a, and: b).filter(request.scope.admits(theme:)))
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

    static func reporting(_ m: Month, _ units: [UnionUnit], _ forms: [FormKey: Form], _ plan: Plan) -> ReportingFigures {
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

    static func reach(_ acts: [UnitMonth], _ units: [UnionUnit]) -> Double {
        let members = units.reduce(0) { $0 + $1.members }
        let attendances = acts.reduce(0) { $0 + $1.participants }
        return members == 0 ? 0 : Double(attendances) / Double(members)
    }
}
