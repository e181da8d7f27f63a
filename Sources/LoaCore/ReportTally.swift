/// Report figures gathered in one pass: the store streams forms and counted activities in any order, and the
/// tally keeps only fixed-size counters per unit and month (no row is held), so a national report needs memory
/// for its answer, not for its rows. No I/O.
public struct ReportTally: Sendable {
    public let request: ReportRequest
    let plan: Plan
    /// Every month of the range, and where each unit code's counters live.
    let months: [Month]
    let firstMonth: Int
    /// The distinct unit codes, by slot, and a finder from a code's bytes to its slot.
    let codes: [UnitCode]
    var finder: UnitFinder
    /// The counter slot of each of `request.units`, in order (a code listed twice shares one slot).
    let slotOfUnit: [Int]
    /// Which month indexes count at all (from the tracking start), and which expect reports (complete months that
    /// count): `ReportMonths` decides both.
    let isCountedMonth: [Bool]
    let isReportingMonth: [Bool]

    // per slot
    var activityCount: [Int]
    var participantTotal: [Int]
    /// Activities per slot and month (slot × months), kept only when an `activities_per_unit` target needs them.
    var monthlyActivities: [Int32]
    /// The day (ordinal) each slot's form for each month counts as submitted, or `noForm` (slot × months).
    var submitted: [Int32]
    static let noForm = Int32.min

    // totals
    var activitiesByMonth: [Int]
    var participantsByMonth: [Int]
    var byType: [Int]
    /// Activities by set of themes: small set numbers in an array, others (never seen so far) in a dictionary.
    var bySet: [Int] = []
    var byLargeSet: [Int: Int] = [:]
    var moods: [Int]
    /// Moods of reporting months per slot (slot × 3), for the figures by level.
    var moodsBySlot: [Int32]

    public init(request: ReportRequest, plan: Plan) {
        self.request = request
        self.plan = plan
        months = Month.range(request.from.monthOfYear, request.to.monthOfYear)
        firstMonth = request.from.monthOfYear.number
        var slots: [UnitCode: Int] = [:]
        slots.reserveCapacity(request.units.count)
        var codes: [UnitCode] = []
        var slotOfUnit: [Int] = []
        slotOfUnit.reserveCapacity(request.units.count)
        for u in request.units {
            let code = u.code.value
            if let s = slots[code] { slotOfUnit.append(s) } else {
                slots[code] = codes.count
                slotOfUnit.append(codes.count)
                codes.append(code)
            }
        }
        self.codes = codes
        finder = UnitFinder(codes)
        self.slotOfUnit = slotOfUnit
        let which = request.months
        isCountedMonth = months.map(which.counts)
        isReportingMonth = months.map(which.isExpected)
        activityCount = Array(repeating: 0, count: codes.count)
        participantTotal = Array(repeating: 0, count: codes.count)
        let needsMonthly = plan.targets.contains { $0.metric == .activitiesPerUnit }
        monthlyActivities = Array(repeating: 0, count: needsMonthly ? codes.count * months.count : 0)
        submitted = Array(repeating: ReportTally.noForm, count: codes.count * months.count)
        activitiesByMonth = Array(repeating: 0, count: months.count)
        participantsByMonth = Array(repeating: 0, count: months.count)
        byType = Array(repeating: 0, count: ActivityType.allCases.count)
        moods = Array(repeating: 0, count: Mood.allCases.count)
        moodsBySlot = Array(repeating: 0, count: codes.count * Mood.allCases.count)
    }

    func monthIndex(_ m: Month) -> Int? {
        let i = m.number - firstMonth
        return i >= 0 && i < months.count ? i : nil
    }

    /// A current form of the range. Forms of units the report is not about count nowhere.
    public mutating func addForm(unit: UnitCode, period: Month, submitted day: Day, mood: Mood?) {
        var code = unit.rawValue
        code.withUTF8 { addForm(unitUTF8: $0, period: period, submitted: day, mood: mood) }
    }

    /// `addForm` with the unit code as UTF-8 bytes, as the store reads them (no string is built per row).
    public mutating func addForm(unitUTF8: UnsafeBufferPointer<UInt8>, period: Month, submitted day: Day, mood: Mood?) {
        guard let m = monthIndex(period), isCountedMonth[m], let slot = finder.slot(unitUTF8) else { return }
        if isReportingMonth[m], let mood {
            moods[mood.index] += 1
            moodsBySlot[slot * Mood.allCases.count + mood.index] += 1
        }
        let cell = slot * months.count + m
        if submitted[cell] == ReportTally.noForm { submitted[cell] = Int32(clamping: day.ordinal) }
    }

    /// A counted activity of the range and scope. Types and themes count every activity of a month that counts;
    /// the other figures only those of the report's units. `themeSet` is the number of its set of themes
    /// (`ReportFacts.themeSets`).
    public mutating func addActivity(unit: UnitCode, month: Month, type: ActivityType, participants: Int,
                                     themeSet: Int?) {
        var code = unit.rawValue
        code.withUTF8 { addActivity(unitUTF8: $0, month: month, type: type, participants: participants,
            themeSet: themeSet) }
    }

    /// `addActivity` with the unit code as UTF-8 bytes, as the store reads them.
    public mutating func addActivity(unitUTF8: UnsafeBufferPointer<UInt8>, month: Month, type: ActivityType,
                                     participants: Int, themeSet: Int?) {
        guard let m = monthIndex(month), isCountedMonth[m] else { return }
        byType[type.index] += 1
        if let set = themeSet {
            if set >= 0 && set < 1 << 16 {
                if set >= bySet.count { bySet += Array(repeating: 0, count: set + 1 - bySet.count) }
                bySet[set] += 1
            } else {
                byLargeSet[set, default: 0] += 1
            }
        }
        guard let slot = finder.slot(unitUTF8) else { return }
        activityCount[slot] = activityCount[slot].saturatingAdding(1)
        participantTotal[slot] = participantTotal[slot].saturatingAdding(participants)
        activitiesByMonth[m] = activitiesByMonth[m].saturatingAdding(1)
        participantsByMonth[m] = participantsByMonth[m].saturatingAdding(participants)
        if !monthlyActivities.isEmpty {
            let cell = slot * months.count + m
            if monthlyActivities[cell] < Int32.max { monthlyActivities[cell] += 1 }
        }
    }
}

/// Finds a unit's slot from its code's UTF-8 bytes without building a string. Codes are kept sorted by their
/// bytes (SQLite's BINARY order) and each search starts where the previous one ended: rows that come in sorted
/// runs, as the store's indexes give them, cost a step or two each, and any order stays correct.
struct UnitFinder: Sendable {
    /// The codes' bytes in sorted order, end to end; code `i` of the order spans `starts[i]..<starts[i + 1]`.
    let bytes: [UInt8]
    let starts: [Int]
    /// The slot of each code of the sorted order.
    let slots: [Int]
    var finger = 0

    init(_ codes: [UnitCode]) {
        let order = codes.indices.sorted { codes[$0].rawValue.utf8.lexicographicallyPrecedes(codes[$1].rawValue.utf8) }
        var bytes: [UInt8] = [], starts = [0]
        for i in order {
            bytes += codes[i].rawValue.utf8
            starts.append(bytes.count)
        }
        self.bytes = bytes
        self.starts = starts
        slots = order
    }

    /// Compares the code at sorted position `p` with `key`, as memcmp then length.
    func compare(_ p: Int, _ key: UnsafeBufferPointer<UInt8>) -> Int {
        let a = starts[p], n = starts[p + 1] - a, common = min(n, key.count)
        let order = bytes.withUnsafeBufferPointer { b -> Int in
            var i = 0
            while i < common {
                let x = b[a + i], y = key[i]
                if x != y { return x < y ? -1 : 1 }
                i += 1
            }
            return 0
        }
        if order != 0 { return order }
        return n == key.count ? 0 : n < key.count ? -1 : 1
    }

    mutating func slot(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = slots.count
        guard n > 0 else { return nil }
        // the first position at or after `key`: gallop from the finger, then halve
        var lo: Int, hi: Int
        let here = compare(finger, key)
        if here == 0 { return slots[finger] }
        if here < 0 {
            lo = finger + 1
            var step = 1
            hi = lo
            while hi < n && compare(hi, key) < 0 { lo = hi + 1; hi += step; step *= 2 }
            hi = min(hi, n)
        } else {
            hi = finger
            var step = 1
            lo = hi
            while lo > 0 && compare(lo - 1, key) >= 0 { hi = lo - 1; lo = max(0, lo - step); step *= 2 }
        }
        while lo < hi {
            let mid = (lo + hi) / 2
            if compare(mid, key) < 0 { lo = mid + 1 } else { hi = mid }
        }
        finger = min(lo, n - 1)
        return lo < n && compare(lo, key) == 0 ? slots[lo] : nil
    }
}

extension Mood {
    /// The mood's place in `allCases`.
    var index: Int {
        switch self {
        case .onDinh: 0
        case .quanTam: 1
        case .loNgai: 2
        }
    }
}

extension ActivityType {
    /// The type's place in `allCases`.
    var index: Int {
        switch self {
        case .hoiNghi: 0
        case .sinhHoatChuyenDe: 1
        case .tuyenTruyenMieng: 2
        case .bangTin: 3
        case .mangXaHoi: 4
        case .thiTimHieu: 5
        case .thamQuan: 6
        case .khac: 7
        }
    }
}

extension ReportTally {
    /// Every figure of SPEC §6.2, from the tally and the small facts.
    public func figures(facts: ReportFacts, workspace ws: Workspace) -> ReportFigures {
        let from = request.from, to = request.to, units = request.units
        var f = ReportFigures(from: from, to: to)
        let phases = PhaseIndex(ws.plan)
        if let today = request.today, !plan.hasEnded(periodEndingOn: to, today: today) {
            f.interim = true
            f.asOf = min(today, to)
        }
        let which = request.months

        // content: publications of the counted months carrying a theme in scope
        let published = facts.published.filter {
            from <= $0.date && $0.date <= to && which.counts($0.date.monthOfYear) && request.scope.admits($0.themes)
        }
        f.publishedItems = published.count
        // deliveries of the items in scope: a phase report counts only its phase's content
        f.deliveries = published.reduce(0) { $0.saturatingAdding($1.deliveries) }
        f.delivered = published.reduce(0) { $0.saturatingAdding($1.delivered) }
        f.confirmed = published.reduce(0) { $0.saturatingAdding($1.confirmed) }
        for p in published {
            f.byChannel.add(1, to: p.channel)
            for t in p.themes where request.scope.admits(theme: t) {
                f.byTheme.add(1, to: t)
                f.coverageGrid[t, default: []].insert(p.date.monthOfYear)
            }
            for a in p.audiences { f.byAudience.add(1, to: a) }
        }
        f.activeThemes = phases.themes(activeBetween: from, and: to).filter(request.scope.admits(theme:))
        f.themeCoverage = ReportCalculator.coverage(published, f.activeThemes)

        // activities
        let withActivity = activityCount.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        f.activitiesByUnit.reserveCapacity(withActivity)
        f.participantsByUnit.reserveCapacity(withActivity)
        for slot in codes.indices where activityCount[slot] > 0 {
            f.activitiesByUnit[codes[slot]] = activityCount[slot]
            f.participantsByUnit[codes[slot]] = participantTotal[slot]
        }
        f.activityCount = activityCount.reduce(0) { $0.saturatingAdding($1) }
        f.participants = participantTotal.reduce(0) { $0.saturatingAdding($1) }
        for (i, m) in months.enumerated() where activitiesByMonth[i] > 0 {
            f.activitiesByMonth[m] = activitiesByMonth[i]
        }
        for (type, n) in zip(ActivityType.allCases, byType) where n > 0 { f.activitiesByType[type] = n }
        let sets = bySet.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
            + byLargeSet.map { ($0, $1) }
        for (set, count) in sets {
            let refs = facts.themeSets[set] ?? []
            for t in refs where request.scope.admits(theme: t) { f.activitiesByTheme.add(count, to: t) }
            for p in Set(refs.map(\.project)) { f.activitiesByProject.add(count, to: p) }
        }
        var members = 0
        var withoutActivity: [UnitCode] = []
        for (i, u) in units.enumerated() where u.exists(from: from, to: to) {
            members = members.saturatingAdding(u.members)
            if activityCount[slotOfUnit[i]] == 0 { withoutActivity.append(u.code.value) }
        }
        f.reach = members == 0 ? 0 : Double(f.participants) / Double(members)
        f.unitsWithoutActivity = withoutActivity.sorted()

        // reporting over the complete months of the range, from the tracking start on
        f.months = months.indices.filter { isCountedMonth[$0] }.map { months[$0] }
        f.trackingFrom = request.trackingFrom
        reporting(into: &f)

        // feedback
        for (mood, n) in zip(Mood.allCases, moods) where n > 0 { f.moods[mood] = n }
        let unitCodes = Set(codes)
        f.issueList = facts.issues.filter { i in
            monthIndex(i.period).map { isReportingMonth[$0] } == true && unitCodes.contains(i.unit)
        }
        f.issues = f.issueList.count
        if !f.issueList.isEmpty {
            var firstIndex: [UnitCode: Int] = [:]
            for (i, u) in units.enumerated() where firstIndex[u.code.value] == nil { firstIndex[u.code.value] = i }
            for issue in f.issueList { if let i = firstIndex[issue.unit] { f.unitLines[i].issues += 1 } }
        }
        let hierarchy = UnitHierarchy(clusters: ws.clusters)
        f.byLevel = f.levelFigures(at: request.level ?? hierarchy.defaultLevel(for: units), units: units,
                                   hierarchy: hierarchy)
        for (month, n) in facts.alerts where which.counts(month) {
            f.alertsOpen = f.alertsOpen.saturatingAdding(n.open)
            f.alertsResolved = f.alertsResolved.saturatingAdding(n.resolved)
        }

        f.targets = ws.plan.targets.map { target($0, published: published, figures: f, phases: phases) }
        return f
    }

    /// Expected, received, on time and missing per reporting month, per cluster, and the late reports: one walk
    /// over units × months.
    func reporting(into f: inout ReportFigures) {
        let units = request.units, n = months.count
        let reportingMonths = months.indices.filter { isReportingMonth[$0] }
        let due = months.map { Int32(clamping: plan.reportDueDate(for: $0).ordinal) }
        // a month whose reports are not due yet has no missing report, only pending ones
        let today = request.today.map { Int32(clamping: $0.ordinal) } ?? Int32.max
        // late reports name their month by its place among the counted months
        let countedIndex = months.indices.reduce(into: [Int]()) { out, i in
            out.append(i == 0 ? 0 : out[i - 1] + (isCountedMonth[i - 1] ? 1 : 0))
        }
        var byMonth = [ReportingFigures](repeating: ReportingFigures(), count: n)
        var late = [[CompactLateReport]](repeating: [], count: n)
        var clusters: [ClusterFigures] = []
        var clusterIndex: [String?: Int] = [:]
        // who owes which month is `ReportExpectation`'s one rule; the range's counted months are the reporting ones
        let expectation = request.expectation
        var lines = [UnitLine](repeating: UnitLine(), count: units.count)
        var firstOfSlot = [Bool](repeating: false, count: codes.count)
        for (i, u) in units.enumerated() {
            let slot = slotOfUnit[i]
            // what a slot counts once (activities, moods) goes to the first listing of its code
            if !firstOfSlot[slot] {
                firstOfSlot[slot] = true
                lines[i].activities = Int32(clamping: activityCount[slot])
                lines[i].participants = Int32(clamping: participantTotal[slot])
                let k = Mood.allCases.count
                for j in 0..<k { lines[i].moods[j] = moodsBySlot[slot * k + j] }
            }
            var own = ReportingFigures()
            for m in reportingMonths where expectation.isExpected(u, in: months[m]) {
                own.expected += 1
                byMonth[m].expected += 1
                let day = submitted[slot * n + m]
                if day == ReportTally.noForm {
                    if due[m] < today {
                        lines[i].missing += 1
                        byMonth[m].missing.append(MissingReport(unit: u.code.value, period: months[m]))
                    } else {
                        byMonth[m].pending += 1
                    }
                    continue
                }
                own.received += 1
                byMonth[m].received += 1
                if day <= due[m] {
                    own.onTime += 1
                    byMonth[m].onTime += 1
                } else {
                    lines[i].late += 1
                    late[m].append(CompactLateReport(unit: Int32(i), month: Int32(countedIndex[m]), submitted: day))
                }
            }
            lines[i].expected = Int32(clamping: own.expected)
            lines[i].received = Int32(clamping: own.received)
            lines[i].onTime = Int32(clamping: own.onTime)
            guard u.exists(from: request.from, to: request.to) else { continue }
            let c = clusterIndex[u.cluster] ?? {
                clusters.append(ClusterFigures(cluster: u.cluster))
                return clusters.count - 1
            }()
            clusterIndex[u.cluster] = c
            clusters[c].units += 1
            clusters[c].activities = clusters[c].activities.saturatingAdding(activityCount[slot])
            clusters[c].reporting.expected += own.expected
            clusters[c].reporting.received += own.received
            clusters[c].reporting.onTime += own.onTime
        }
        for m in reportingMonths {
            f.reporting.add(byMonth[m])
            byMonth[m].missing = []  // listed once, in `reporting`
            f.reportingByMonth[months[m]] = byMonth[m]
        }
        f.late = late.flatMap { $0 }
        f.lateUnits = units.map(\.code.value)
        f.byCluster = clusters
        f.unitLines = lines
    }

    func target(_ t: Target, published: [ReportFacts.PublishedItem], figures f: ReportFigures,
                phases: PhaseIndex) -> TargetResult {
        // nothing is expected before tracking began: target periods start there
        let start = max(request.from, request.trackingFrom?.first ?? request.from)
        var values: [(String, Double)] = []
        var interim = false
        for (label, a, b) in ReportCalculator.periods(t.period, from: start, to: request.to) {
            let v: Double
            var inPeriod: [Int] { request.units.indices.filter { request.units[$0].exists(from: a, to: b) } }
            let monthSpan = (monthIndex(a.monthOfYear) ?? 0)...(monthIndex(b.monthOfYear) ?? 0)
            switch t.metric {
            case .reportingRate, .timeliness:
                var r = ReportingFigures()
                for m in ReportMonths(from: a, to: b, trackingFrom: request.trackingFrom).expected {
                    if let x = f.reportingByMonth[m] {
                        r.expected += x.expected; r.received += x.received; r.onTime += x.onTime
                    }
                }
                // a period expecting no report (a month not over yet) neither meets nor misses the target
                if r.expected == 0 { continue }
                v = t.metric == .reportingRate ? r.rate : r.timeliness
            case .reach:
                let attendances = monthSpan.reduce(0) { $0.saturatingAdding(participantsByMonth[$1]) }
                let members = inPeriod.reduce(0) { $0.saturatingAdding(request.units[$1].members) }
                v = members == 0 ? 0 : Double(attendances) / Double(members)
            case .themeCoverage:
                let active = phases.themes(activeBetween: a, and: b).filter(request.scope.admits(theme:))
                v = ReportCalculator.coverage(published.filter { a <= $0.date && $0.date <= b }, active)
            case .activitiesPerUnit:
                let n = months.count, inPeriod = inPeriod
                let ok = inPeriod.filter { i in
                    let slot = slotOfUnit[i]
                    let count = monthSpan.reduce(0) { $0 + Int(monthlyActivities[slot * n + $1]) }
                    return Double(count) >= t.min
                }.count
                v = inPeriod.isEmpty ? 0 : Double(ok) / Double(inPeriod.count)
            }
            values.append((label, v))
            if let today = request.today, !plan.hasEnded(periodEndingOn: b, today: today) { interim = true }
        }
        let value = values.map(\.1).min() ?? 0
        let met = t.metric == .activitiesPerUnit ? value >= t.share : value >= t.min
        return TargetResult(target: t, value: value, met: interim ? nil : !values.isEmpty && met, periods: values)
    }
}

/// The rules of report ranges shared by every figure.
public enum ReportCalculator {
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
            case .quarter: (label, end) = ("\(m.year)-Q\(m.quarter)", Month(year: m.year, month: m.quarter * 3)?.last
                ?? m.last)
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

extension Month {
    /// Months since the start of year 0, so that a range of months maps onto array indexes.
    var number: Int { year * 12 + month - 1 }
}
