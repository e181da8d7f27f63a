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
    public var id: Located<AudienceID>
    public var name: String
    public init(id: Located<AudienceID>, name: String) { self.id = id; self.name = name }
}

public struct Theme: Sendable, Hashable {
    public var id: Located<ThemeID>
    public var title: String
    public var source: String?
    public var audiences: [Located<AudienceID>]
    public init(id: Located<ThemeID>, title: String, source: String?, audiences: [Located<AudienceID>]) {
        self.id = id; self.title = title; self.source = source; self.audiences = audiences
    }
}

public struct Phase: Sendable, Hashable {
    public var id: Located<PhaseID>
    public var name: String
    public var from: Located<Day>
    public var to: Located<Day>?
    public var themes: [Theme]
    public init(id: Located<PhaseID>, name: String, from: Located<Day>, to: Located<Day>?, themes: [Theme]) {
        self.id = id; self.name = name; self.from = from; self.to = to; self.themes = themes
    }
    public func isActive(on day: Day) -> Bool { from.value <= day && (to.map { day <= $0.value } ?? true) }
    /// Whether the phase is active on some day of the closed range.
    public func overlaps(_ a: Day, _ b: Day) -> Bool { from.value <= b && (to.map { a <= $0.value } ?? true) }
}

public struct Project: Sendable, Hashable {
    public var id: Located<ProjectID>
    public var name: String
    public var short: String
    public var phases: [Phase]
    public init(id: Located<ProjectID>, name: String, short: String, phases: [Phase]) {
        self.id = id; self.name = name; self.short = short; self.phases = phases
    }
}

public enum Metric: String, Sendable, CaseIterable {
    case reportingRate = "reporting_rate", timeliness, reach, themeCoverage = "theme_coverage"
    case activitiesPerUnit = "activities_per_unit"
}

public enum TargetPeriod: String, Sendable, CaseIterable {
    case month, quarter, year, phase
}

public struct Target: Sendable, Hashable {
    public var id: Located<TargetID>
    public var title: String
    public var metric: Metric
    public var period: TargetPeriod
    public var min: Double
    public var share: Double
    public init(id: Located<TargetID>, title: String, metric: Metric, period: TargetPeriod, min: Double,
        share: Double) {
        self.id = id; self.title = title; self.metric = metric; self.period = period; self.min = min; self.share = share
    }
}

/// Who signs a document (Nghị định 30/2020): the authority line ("TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH"),
/// the signer's position and name. From `plan.yml`, never from code: union bodies are renamed and merged.
public struct Signature: Sendable, Hashable {
    public var authority: String
    public var position: String
    public var name: String
    public init(authority: String, position: String, name: String) {
        self.authority = authority; self.position = position; self.name = name
    }
}

/// "Nơi nhận" of each kind of document.
public struct Recipients: Sendable, Hashable {
    public var plan: [String]
    public var report: [String]
    public init(plan: [String] = [], report: [String] = []) { self.plan = plan; self.report = report }
}

/// A document the plan carries out ("Thực hiện Kế hoạch số 199/KH-LĐLĐ ngày 19/02/2025 của …"): `implements:` in
/// `plan.yml`. `title` says what it is about, as it reads after "về".
public struct PlanReference: Sendable, Hashable {
    public var number: String
    public var date: Day
    public var issuer: String
    public var title: String?
    public init(number: String, date: Day, issuer: String, title: String?) {
        self.number = number; self.date = date; self.issuer = issuer; self.title = title
    }
}

/// A competent authority the union reports sensitive issues to (`authorities:` in `plan.yml`, SPEC §5.4): the parent
/// union, the Party committee of the bloc, the provincial police.
public struct Authority: Sendable, Hashable {
    public var id: Located<AuthorityID>
    public var name: String
    public var email: String?
    public init(id: Located<AuthorityID>, name: String,
        email: String?) { self.id = id; self.name = name; self.email = email }
}

/// Who may approve an item (`approval:` in `plan.yml`, SPEC §9.7): `others` (four eyes, the default) or `self`
/// (a union with one officer, who approves what they wrote).
public enum ApprovalPolicy: String, Sendable, Hashable, CaseIterable {
    case others
    case ownItems = "self"
}

public struct Plan: Sendable, Hashable {
    public var id: String
    public var title: String
    public var issuer: String
    public var parentIssuer: String?
    public var place: String
    public var issuerCode: String?
    public var reportDueDays: Int
    /// The first month reports are expected for (`tracking_from`); months before it are never counted missing.
    public var trackingFrom: Month?
    /// The most a unit may store on the web in one day, in MiB (`unit_quota_mib`, default 20).
    public var unitQuotaMiB: Int = 20
    /// Who may approve an item (`approval`): by default someone other than its writer (four eyes).
    public var approval: ApprovalPolicy = .others
    public var signature: Signature?
    public var recipients: Recipients
    /// The documents the plan carries out, and its own number and date once issued.
    public var implements: [PlanReference] = []
    public var number: String?
    public var date: Day?
    /// Who sensitive issues are reported to.
    public var authorities: [Authority] = []
    public var audiences: [Audience]
    public var projects: [Project]
    public var targets: [Target]
    public init(id: String, title: String, issuer: String, parentIssuer: String?, place: String, issuerCode: String?,
                reportDueDays: Int, trackingFrom: Month? = nil, signature: Signature? = nil,
                recipients: Recipients = Recipients(), audiences: [Audience], projects: [Project], targets: [Target]) {
        self.id = id; self.title = title; self.issuer = issuer; self.parentIssuer = parentIssuer; self.place = place
        self.issuerCode = issuerCode; self.reportDueDays = reportDueDays; self.trackingFrom = trackingFrom
        self.signature = signature; self.recipients = recipients; self.audiences = audiences
        self.projects = projects; self.targets = targets
    }

    /// The last day a month's report is on time: the month's end plus `report_due_days`.
    public func reportDueDate(for period: Month) -> Day { period.last.adding(days: reportDueDays) }

    /// Every theme with its full reference, phase and project, in plan order.
    public var allThemes: [PlannedTheme] {
        projects.flatMap { p in
            p.phases.flatMap { ph in
                ph.themes.map { t in
                    PlannedTheme(ref: ThemeRef(project: p.id.value, phase: ph.id.value, theme: t.id.value),
                                 theme: t, phase: ph, project: p)
                }
            }
        }
    }
}

/// A theme with where it sits in the plan.
public struct PlannedTheme: Sendable {
    public let ref: ThemeRef
    public let theme: Theme
    public let phase: Phase
    public let project: Project
}

public enum ChannelKind: String, Sendable, CaseIterable {
    case newsletter, bulletinBoard = "bulletin-board", website, social, meeting, broadcast
}

public enum Cadence: String, Sendable, CaseIterable { case month, week }

public enum UnitScope: Sendable, Hashable {
    case all
    /// Unit codes or cluster names, as written in `channels.yml`.
    case some([Located<String>])
}

public struct Channel: Sendable, Hashable {
    public var id: Located<ChannelID>
    public var name: String
    public var kind: ChannelKind
    public var every: Cadence
    public var on: [Located<Int>]  // days of month, or ISO weekdays 1…7
    public var skipWeekends: Bool
    public var capacity: Int
    public var leadDays: Int
    public var audiences: [Located<AudienceID>]
    public var units: UnitScope
    /// The medium written in `deliver:`; nil: the default of the kind (`medium`).
    public var deliver: Medium?
    /// The picture a Zalo article shows on top (`cover:`, a file under `content/` or `content/media/`).
    public var cover: Located<String>?
    public init(id: Located<ChannelID>, name: String, kind: ChannelKind, every: Cadence, on: [Located<Int>],
                skipWeekends: Bool, capacity: Int, leadDays: Int, audiences: [Located<AudienceID>], units: UnitScope,
                deliver: Medium? = nil, cover: Located<String>? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.every = every; self.on = on;
        self.skipWeekends = skipWeekends
        self.capacity = capacity; self.leadDays = leadDays; self.audiences = audiences; self.units = units
        self.deliver = deliver; self.cover = cover
    }

    /// The last day an item may be approved to go into the slot on `slot` (rule 2).
    public func approvalDeadline(forSlotOn slot: Day) -> Day { slot.adding(days: -leadDays) }
}

public struct UnionUnit: Sendable, Hashable {
    public var code: Located<UnitCode>
    public var name: String
    public var cluster: String?
    public var members: Int
    public var email: String?
    public var joined: Day?
    public var left: Day?
    public init(code: Located<UnitCode>, name: String, cluster: String?, members: Int, email: String?,
                joined: Day?, left: Day?) {
        self.code = code; self.name = name; self.cluster = cluster; self.members = members; self.email = email
        self.joined = joined; self.left = left
    }
    /// Whether the unit exists on the day.
    public func exists(on day: Day) -> Bool { exists(from: day, to: day) }
    /// Whether the unit exists on some day of the month, and so owes its report.
    public func exists(in month: Month) -> Bool { exists(from: month.first, to: month.last) }
    /// Whether the unit exists on some day of the closed range.
    public func exists(from a: Day, to b: Day) -> Bool {
        (joined.map { $0 <= b } ?? true) && (left.map { $0 >= a } ?? true)
    }
}

public enum ItemStatus: String, Sendable, CaseIterable { case draft, review, approved, archived }

public struct Item: Sendable, Hashable {
    public var id: Located<ItemID>
    public var path: String
    public var title: String
    public var themes: [Located<ThemeRef>]
    public var channels: [Located<ChannelID>]
    public var audiences: [Located<AudienceID>]
    public var status: ItemStatus
    public var approved: Located<Day>?
    public var author: String?
    public var approvedBy: String?
    public var notBefore: Located<Day>?
    public var notAfter: Located<Day>?
    public var observance: Located<ObservanceID>?
    public var pin: Located<Day>?
    public var summary: String?
    public var body: String
    /// The line of the file where the body starts, for messages about it.
    public var bodyLine = 1
    /// Why an officer sent the item back to its author (`review_note`), until it is approved.
    public var reviewNote: String?
    public init(id: Located<ItemID>, path: String, title: String, themes: [Located<ThemeRef>],
                channels: [Located<ChannelID>], audiences: [Located<AudienceID>], status: ItemStatus,
                approved: Located<Day>?, author: String?, approvedBy: String?, notBefore: Located<Day>?,
                notAfter: Located<Day>?, observance: Located<ObservanceID>?, pin: Located<Day>?,
                summary: String?, body: String) {
        self.id = id; self.path = path; self.title = title; self.themes = themes; self.channels = channels
        self.audiences = audiences; self.status = status; self.approved = approved; self.author = author
        self.approvedBy = approvedBy; self.notBefore = notBefore; self.notAfter = notAfter; self.observance = observance
        self.pin = pin; self.summary = summary; self.body = body
    }
    public var themeRefs: [ThemeRef] { themes.map(\.value) }
    /// Whether the item lists the channel (rule 1).
    public func lists(_ channel: ChannelID) -> Bool { channels.contains { $0.value == channel } }
    /// Whether the day lies inside the item's `not_before`/`not_after` window (half of rule 3).
    public func windowContains(_ day: Day) -> Bool {
        if let nb = notBefore?.value, day < nb { return false }
        if let na = notAfter?.value, day > na { return false }
        return true
    }
}

/// A yearly observance: the original event's day and, for lunar ones, the expanded dates.
public struct Observance: Sendable, Hashable {
    public var uid: ObservanceID
    public var name: String
    public var original: Day
    public var location: SourceLocation
    /// Explicit dates (lunar observances); when empty, the original's month and day recur yearly.
    public var dates: [Day]
    public var yearly: Bool
    public init(uid: ObservanceID, name: String, original: Day, location: SourceLocation, dates: [Day], yearly: Bool) {
        self.uid = uid; self.name = name; self.original = original; self.location = location; self.dates = dates
        self.yearly = yearly
    }

    /// The observance's days that fall in the closed range.
    public func occurrences(from a: Day, to b: Day) -> [Day] {
        var out: [Day] = []
        if yearly, a.year <= b.year {
            for y in a.year...b.year {
                let d = Day(year: y, month: original.month, day: original.day)
                    ?? Month(year: y, month: original.month)?.last
                if let d, a <= d, d <= b, d >= original { out.append(d) }
            }
        }
        for d in dates where a <= d && d <= b { out.append(d) }
        if a <= original, original <= b, !out.contains(original) { out.append(original) }
        return Array(Set(out)).sorted()
    }

    /// The anniversary number on a day (years since the original), 0 for the event itself.
    public func anniversary(on day: Day) -> Int { day.year - original.year }
}

/// A cluster of units (`content/clusters.csv`): the code `units.csv` uses, the name documents show, and the
/// cluster it belongs to (a province or a sector), if any.
public struct Cluster: Sendable, Hashable {
    public var code: Located<String>
    public var name: String
    public var parent: Located<String>?
    public init(code: Located<String>, name: String, parent: Located<String>?) {
        self.code = code; self.name = name; self.parent = parent
    }
}

/// Everything authored in a workspace, as values.
public struct Workspace: Sendable {
    public var plan: Plan
    public var channels: [Channel]
    public var units: [UnionUnit]
    public var items: [Item]
    public var observances: [Observance]
    /// The named clusters; empty when the workspace has no `clusters.csv`.
    public var clusters: [Cluster]
    public init(plan: Plan, channels: [Channel], units: [UnionUnit], items: [Item], observances: [Observance],
                clusters: [Cluster] = []) {
        self.plan = plan; self.channels = channels; self.units = units; self.items = items;
        self.observances = observances; self.clusters = clusters
    }
}

/// Units by code, as positions in the workspace's list: a national federation's 130,000 units cost a few MiB here
/// rather than a second copy of every unit.
public struct UnitLookup: Sendable {
    private let units: [UnionUnit]
    private let positions: [UnitCode: Int]

    public init(_ units: [UnionUnit]) {
        self.units = units
        var positions: [UnitCode: Int] = [:]
        positions.reserveCapacity(units.count)
        for (i, u) in units.enumerated() where positions[u.code.value] == nil { positions[u.code.value] = i }
        self.positions = positions
    }

    /// The unit with the code; the first one listed where codes repeat (`loa check` reports duplicates).
    public subscript(code: UnitCode) -> UnionUnit? { positions[code].map { units[$0] } }
    /// Every code, in no particular order.
    public var codes: Dictionary<UnitCode, Int>.Keys { positions.keys }
}

/// Lookups a workspace needs again and again, built once: by id, theme titles, phases of themes.
public struct WorkspaceIndex: Sendable {
    public let workspace: Workspace
    public let items: [ItemID: Item]
    public let channels: [ChannelID: Channel]
    public let units: UnitLookup
    public let themes: [ThemeRef: PlannedTheme]
    public let projects: [ProjectID: Project]
    public let audiences: [AudienceID: Audience]
    public let observances: [ObservanceID: Observance]
    public let phases: PhaseIndex
    public let clusters: [String: Cluster]

    public init(_ w: Workspace) {
        workspace = w
        items = w.items.indexed { $0.id.value }
        channels = w.channels.indexed { $0.id.value }
        units = UnitLookup(w.units)
        themes = w.plan.allThemes.indexed(by: \.ref)
        projects = w.plan.projects.indexed { $0.id.value }
        audiences = w.plan.audiences.indexed { $0.id.value }
        observances = w.observances.indexed { $0.uid }
        phases = PhaseIndex(w.plan)
        clusters = w.clusters.indexed { $0.code.value }
    }

    public func channelName(_ id: ChannelID) -> String { channels[id]?.name ?? id.rawValue }
    public func unitName(_ code: UnitCode) -> String { units[code]?.name ?? code.rawValue }
    public func itemTitle(_ id: ItemID) -> String { items[id]?.title ?? id.rawValue }
    public func themeTitle(_ ref: ThemeRef) -> String { themes[ref]?.theme.title ?? "" }
    /// A theme as a reader names it: its project's short name and its title ("Bảo tàng Đảng: Vì sao …"); the title
    /// alone where the project is plain from the context. Never its code.
    public func themeName(_ ref: ThemeRef, withProject: Bool = true) -> String {
        guard let t = themes[ref] else { return ref.description }
        return withProject ? "\(t.project.short): \(t.theme.title)" : t.theme.title
    }
    /// A cluster's name from `clusters.csv`, else its code (a workspace that has not named its clusters).
    public func clusterName(_ code: String) -> String { clusters[code]?.name ?? code }
    public func projectName(_ id: ProjectID) -> String { projects[id]?.short ?? id.rawValue }
    public func audienceName(_ id: AudienceID) -> String { audiences[id]?.name ?? id.rawValue }
}
