/// A value read from a file, with where it was found.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    public let value: Value
    public let location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

public struct Audience: Sendable, Hashable {
    public var id: Located<String>
    public var name: String
    public init(id: Located<String>, name: String) { self.id = id; self.name = name }
}

/// `PROJECT/PHASE/THEME`, e.g. `museum/1.1/b`.
public struct ThemeRef: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let project: String
    public let phase: String
    public let theme: String
    public init(project: String, phase: String, theme: String) {
        self.project = project; self.phase = phase; self.theme = theme
    }
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(project: String(parts[0]), phase: String(parts[1]), theme: String(parts[2]))
    }
    public var description: String { "\(project)/\(phase)/\(theme)" }
    public static func < (a: ThemeRef, b: ThemeRef) -> Bool { a.description < b.description }
}

public struct Theme: Sendable, Hashable {
    public var id: Located<String>
    public var title: String
    public var source: String?
    public var audiences: [Located<String>]
    public init(id: Located<String>, title: String, source: String?, audiences: [Located<String>]) {
        self.id = id; self.title = title; self.source = source; self.audiences = audiences
    }
}

public struct Phase: Sendable, Hashable {
    public var id: Located<String>
    public var name: String
    public var from: Located<Day>
    public var to: Located<Day>?
    public var themes: [Theme]
    public init(id: Located<String>, name: String, from: Located<Day>, to: Located<Day>?, themes: [Theme]) {
        self.id = id; self.name = name; self.from = from; self.to = to; self.themes = themes
    }
    public func isActive(on day: Day) -> Bool { from.value <= day && (to.map { day <= $0.value } ?? true) }
    /// Whether the phase is active on some day of the closed range.
    public func overlaps(_ a: Day, _ b: Day) -> Bool { from.value <= b && (to.map { a <= $0.value } ?? true) }
}

public struct Project: Sendable, Hashable {
    public var id: Located<String>
    public var name: String
    public var short: String
    public var phases: [Phase]
    public init(id: Located<String>, name: String, short: String, phases: [Phase]) {
        self.id = id; self.name = name; self.short = short; self.phases = phases
    }
}

public enum Metric: String, Sendable, CaseIterable {
    case reportingRate = "reporting_rate", timeliness, reach, themeCoverage = "theme_coverage", activitiesPerUnit = "activities_per_unit"
}

public enum TargetPeriod: String, Sendable, CaseIterable {
    case month, quarter, year, phase
}

public struct Target: Sendable, Hashable {
    public var id: Located<String>
    public var title: String
    public var metric: Metric
    public var period: TargetPeriod
    public var min: Double
    public var share: Double
    public init(id: Located<String>, title: String, metric: Metric, period: TargetPeriod, min: Double, share: Double) {
        self.id = id; self.title = title; self.metric = metric; self.period = period; self.min = min; self.share = share
    }
}

public struct Plan: Sendable, Hashable {
    public var id: String
    public var title: String
    public var issuer: String
    public var parentIssuer: String?
    public var place: String
    public var issuerCode: String?
    public var reportDueDays: Int
    public var audiences: [Audience]
    public var projects: [Project]
    public var targets: [Target]
    public init(id: String, title: String, issuer: String, parentIssuer: String?, place: String, issuerCode: String?,
                reportDueDays: Int, audiences: [Audience], projects: [Project], targets: [Target]) {
        self.id = id; self.title = title; self.issuer = issuer; self.parentIssuer = parentIssuer; self.place = place
        self.issuerCode = issuerCode; self.reportDueDays = reportDueDays; self.audiences = audiences
        self.projects = projects; self.targets = targets
    }

    /// Every theme with its full reference and phase, in plan order.
    public var allThemes: [(ref: ThemeRef, theme: Theme, phase: Phase, project: Project)] {
        projects.flatMap { p in
            p.phases.flatMap { ph in
                ph.themes.map { t in (ThemeRef(project: p.id.value, phase: ph.id.value, theme: t.id.value), t, ph, p) }
            }
        }
    }
}

public enum ChannelKind: String, Sendable, CaseIterable {
    case newsletter, bulletinBoard = "bulletin-board", website, social, meeting, broadcast
}

public enum Cadence: String, Sendable, CaseIterable { case month, week }

public enum UnitScope: Sendable, Hashable {
    case all
    case some([Located<String>])  // unit codes or cluster names
}

public struct Channel: Sendable, Hashable {
    public var id: Located<String>
    public var name: String
    public var kind: ChannelKind
    public var every: Cadence
    public var on: [Located<Int>]  // days of month, or ISO weekdays 1…7
    public var skipWeekends: Bool
    public var capacity: Int
    public var leadDays: Int
    public var audiences: [Located<String>]
    public var units: UnitScope
    public init(id: Located<String>, name: String, kind: ChannelKind, every: Cadence, on: [Located<Int>], skipWeekends: Bool,
                capacity: Int, leadDays: Int, audiences: [Located<String>], units: UnitScope) {
        self.id = id; self.name = name; self.kind = kind; self.every = every; self.on = on; self.skipWeekends = skipWeekends
        self.capacity = capacity; self.leadDays = leadDays; self.audiences = audiences; self.units = units
    }
}

public struct UnionUnit: Sendable, Hashable {
    public var code: Located<String>
    public var name: String
    public var cluster: String?
    public var members: Int
    public var email: String?
    public var joined: Day?
    public var left: Day?
    public init(code: Located<String>, name: String, cluster: String?, members: Int, email: String?, joined: Day?, left: Day?) {
        self.code = code; self.name = name; self.cluster = cluster; self.members = members; self.email = email
        self.joined = joined; self.left = left
    }
    /// Whether the unit exists on the day.
    public func exists(on day: Day) -> Bool { (joined.map { $0 <= day } ?? true) && (left.map { day <= $0 } ?? true) }
    /// Whether the unit exists on some day of the month, and so owes its report.
    public func exists(in month: Month) -> Bool { (joined.map { $0 <= month.last } ?? true) && (left.map { $0 >= month.first } ?? true) }
}

public enum ItemStatus: String, Sendable, CaseIterable { case draft, review, approved, archived }

public struct Item: Sendable, Hashable {
    public var id: Located<String>
    public var path: String
    public var title: String
    public var themes: [Located<String>]
    public var channels: [Located<String>]
    public var audiences: [Located<String>]
    public var status: ItemStatus
    public var approved: Located<Day>?
    public var author: String?
    public var approvedBy: String?
    public var notBefore: Located<Day>?
    public var notAfter: Located<Day>?
    public var observance: Located<String>?
    public var pin: Located<Day>?
    public var summary: String?
    public var body: String
    public init(id: Located<String>, path: String, title: String, themes: [Located<String>], channels: [Located<String>],
                audiences: [Located<String>], status: ItemStatus, approved: Located<Day>?, author: String?, approvedBy: String?,
                notBefore: Located<Day>?, notAfter: Located<Day>?, observance: Located<String>?, pin: Located<Day>?,
                summary: String?, body: String) {
        self.id = id; self.path = path; self.title = title; self.themes = themes; self.channels = channels
        self.audiences = audiences; self.status = status; self.approved = approved; self.author = author
        self.approvedBy = approvedBy; self.notBefore = notBefore; self.notAfter = notAfter; self.observance = observance
        self.pin = pin; self.summary = summary; self.body = body
    }
    public var themeRefs: [ThemeRef] { themes.compactMap { ThemeRef(parsing: $0.value) } }
}

/// A yearly observance: the original event's day and, for lunar ones, the expanded dates.
public struct Observance: Sendable, Hashable {
    public var uid: String
    public var name: String
    public var original: Day
    public var location: SourceLocation
    /// Explicit dates (lunar observances); when empty, the original's month and day recur yearly.
    public var dates: [Day]
    public var yearly: Bool
    public init(uid: String, name: String, original: Day, location: SourceLocation, dates: [Day], yearly: Bool) {
        self.uid = uid; self.name = name; self.original = original; self.location = location; self.dates = dates; self.yearly = yearly
    }

    /// The observance's days that fall in the closed range.
    public func occurrences(from a: Day, to b: Day) -> [Day] {
        var out: [Day] = []
        if yearly {
            for y in a.year...b.year {
                let d = Day(year: y, month: original.month, day: original.day)
                    ?? Day(year: y, month: original.month, day: Day.daysIn(year: y, month: original.month))!
                if a <= d, d <= b, d >= original { out.append(d) }
            }
        }
        for d in dates where a <= d && d <= b { out.append(d) }
        if a <= original, original <= b, !out.contains(original) { out.append(original) }
        return Array(Set(out)).sorted()
    }

    /// The anniversary number on a day (years since the original), 0 for the event itself.
    public func anniversary(on day: Day) -> Int { day.year - original.year }
}

/// Everything authored in a workspace, as values.
public struct Workspace: Sendable {
    public var plan: Plan
    public var channels: [Channel]
    public var units: [UnionUnit]
    public var items: [Item]
    public var observances: [Observance]
    public init(plan: Plan, channels: [Channel], units: [UnionUnit], items: [Item], observances: [Observance]) {
        self.plan = plan; self.channels = channels; self.units = units; self.items = items; self.observances = observances
    }
}

extension Sequence {
    /// A lookup table by `key`; the first element wins where keys repeat (`loa check` reports duplicates).
    public func indexed(by key: (Element) -> String) -> [String: Element] {
        var out: [String: Element] = [:]
        for e in self where out[key(e)] == nil { out[key(e)] = e }
        return out
    }
}
