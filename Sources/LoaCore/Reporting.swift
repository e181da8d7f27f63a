/// The kinds of activity a unit may report (SPEC §5.1).
public enum ActivityType: String, Sendable, CaseIterable {
    case hoiNghi = "hoi-nghi", sinhHoatChuyenDe = "sinh-hoat-chuyen-de", tuyenTruyenMieng = "tuyen-truyen-mieng"
    case bangTin = "bang-tin", mangXaHoi = "mang-xa-hoi", thiTimHieu = "thi-tim-hieu", thamQuan = "tham-quan", khac
}

/// Members' mood as a unit reports it.
public enum Mood: String, Sendable, CaseIterable {
    case onDinh = "on-dinh", quanTam = "quan-tam", loNgai = "lo-ngai"
}

/// One activity a unit held, from a form or an activity table.
public struct Activity: Sendable, Hashable {
    public var unit: Located<UnitCode>
    public var date: Located<Day>
    public var type: ActivityType
    public var title: String
    public var themes: [Located<ThemeRef>]
    public var participants: Located<Int>
    public var items: [Located<ItemID>]
    public init(unit: Located<UnitCode>, date: Located<Day>, type: ActivityType, title: String,
                themes: [Located<ThemeRef>], participants: Located<Int>, items: [Located<ItemID>]) {
        self.unit = unit; self.date = date; self.type = type; self.title = title; self.themes = themes
        self.participants = participants; self.items = items
    }

    /// Participants at or above this are refused: no activity of a grassroots union gathers a million people,
    /// and such a number would poison every sum.
    public static let participantLimit = 1_000_000
    /// Participants above this many times the unit's members get a warning.
    public static let participantsPerMemberWarning = 3
}

public struct FeedbackIssue: Sendable, Hashable {
    public var topic: String
    public var detail: String?
    public var sensitive: Bool
    public init(topic: String, detail: String?, sensitive: Bool) {
        self.topic = topic; self.detail = detail; self.sensitive = sensitive
    }
}

/// A unit's monthly report form (SPEC §5.1), as read from its file or a web form.
public struct ReportForm: Sendable {
    public var path: String
    public var unit: Located<UnitCode>
    public var period: Located<Month>
    public var submitted: Located<Day>?
    public var reporter: String?
    public var received: [Located<Slot>]
    public var activities: [Activity]
    public var mood: Mood?
    public var feedbackSummary: String?
    public var issues: [FeedbackIssue]
    public var notes: String
    /// `no_activity: true`: the unit answers that it held no activity (a form with `activities: []` says the same),
    /// with `no_activity_reason` if it gave one.
    public var noActivity = false
    public var noActivityReason: String?
    /// The form's text, NFC with LF line ends: equal content means an unchanged form.
    public var content: String
    public init(path: String, unit: Located<UnitCode>, period: Located<Month>, submitted: Located<Day>?,
                reporter: String?, received: [Located<Slot>], activities: [Activity], mood: Mood?,
                feedbackSummary: String?, issues: [FeedbackIssue], notes: String, content: String) {
        self.path = path; self.unit = unit; self.period = period; self.submitted = submitted; self.reporter = reporter
        self.received = received; self.activities = activities; self.mood = mood; self.feedbackSummary = feedbackSummary
        self.issues = issues; self.notes = notes; self.content = content
    }

    /// The alerts this form opens (SPEC §5.3): one per sensitive issue, the first of each topic.
    public var alertsToOpen: [AlertDraft] {
        var seen = Set<String>()
        return issues.compactMap { issue in
            guard issue.sensitive, seen.insert(issue.topic).inserted else { return nil }
            return AlertDraft(unit: unit.value, period: period.value, topic: issue.topic, detail: issue.detail)
        }
    }

    /// The day the form counts as submitted: its `submitted`, else the day it was recorded.
    public func submission(recordedOn today: Day) -> Day { submitted?.value ?? today }
}

/// A sensitive issue to be followed up, as a form raises it.
public struct AlertDraft: Sendable, Hashable {
    public let unit: UnitCode
    public let period: Month
    public let topic: String
    public let detail: String?
}

/// Whether a unit's report for a month is in, on time, late, or still expected.
public enum ReportState: Sendable, Hashable {
    case onTime(submitted: Day)
    case late(submitted: Day)
    case missing(due: Day, overdue: Bool)

    public init(period: Month, submitted: Day?, plan: Plan, today: Day) {
        let due = plan.reportDueDate(for: period)
        if let submitted {
            self = submitted <= due ? .onTime(submitted: submitted) : .late(submitted: submitted)
        } else {
            self = .missing(due: due, overdue: today > due)
        }
    }
}

/// Checks a form or activity rows against the workspace (units, themes, items, periods, dates).
public struct ReportValidator: Sendable {
    let units: UnitLookup
    let themes: [ThemeRef: PlannedTheme]
    let items: [ItemID: Item]
    let channels: [ChannelID: Channel]
    public let today: Day

    public init(_ w: Workspace, today: Day) { self.init(WorkspaceIndex(w), today: today) }

    /// A validator over lookups already built (a server builds them once per version of the workspace).
    public init(_ index: WorkspaceIndex, today: Day) {
        units = index.units
        themes = index.themes
        items = index.items
        channels = index.channels
        self.today = today
    }

    public func check(_ form: ReportForm) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let period = form.period.value
        if let u = unit(form.unit, &out), !u.exists(in: period) {
            out.append(.error(.unitAbsentInMonth(u.code.value, period), at: form.unit.location))
        }
        if let s = form.submitted, s.value > today {
            out.append(.error(.submittedAfterToday(s.value, today: today), at: s.location))
        }
        if period.first > today {
            out.append(.error(.periodNotBegun(period), at: form.period.location))
        }
        for r in form.received where channels[r.value.channel] == nil {
            out.append(.error(.unknown(r.value.channel, among: channels.keys), at: r.location))
        }
        for a in form.activities {
            if a.date.value.monthOfYear != period {
                out.append(.error(.activityOutsidePeriod(a.date.value, period), at: a.date.location))
            }
            out += check(activity: a, checkUnitToo: false)
        }
        return out
    }

    /// Checks one activity; `checkUnitToo` for table rows, where each row names its unit.
    public func check(activity a: Activity, checkUnitToo: Bool) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var unit = units[a.unit.value]
        if checkUnitToo {
            unit = self.unit(a.unit, &out)
            if let u = unit, !u.exists(on: a.date.value) {
                out.append(.error(.unitAbsentOnDay(u.code.value, a.date.value), at: a.date.location))
            }
        }
        if a.date.value > today {
            out.append(.error(.activityAfterToday(a.date.value, today: today), at: a.date.location))
        }
        out += checkReferences(themes: a.themes, items: a.items)
        let n = a.participants.value
        if n >= Activity.participantLimit {
            out.append(.error(.participantsTooMany(n, limit: Activity.participantLimit), at: a.participants.location))
        } else if let u = unit, u.members > 0, n > Activity.participantsPerMemberWarning * u.members {
            out.append(.warning(.participantsAboveMembers(n, members: u.members,
                                                          factor: Activity.participantsPerMemberWarning),
                                at: a.participants.location))
        }
        return out
    }

    /// Checks the themes and items an activity names, also for a record that could not be read whole, so a user
    /// sees every error of a file at once.
    public func checkReferences(themes: [Located<ThemeRef>], items: [Located<ItemID>]) -> [Diagnostic] {
        themes.filter { self.themes[$0.value] == nil }
            .map { .error(.unknown($0.value, among: self.themes.keys), at: $0.location) }
            + items.filter { self.items[$0.value] == nil }
            .map { .error(.unknown($0.value, among: self.items.keys), at: $0.location) }
    }

    /// Checks a unit code read from a record that could not be read whole.
    public func checkUnit(_ code: Located<UnitCode>) -> [Diagnostic] {
        var out: [Diagnostic] = []
        _ = unit(code, &out)
        return out
    }

    func unit(_ code: Located<UnitCode>, _ out: inout [Diagnostic]) -> UnionUnit? {
        if let u = units[code.value] { return u }
        out.append(.error(.unknown(code.value, among: units.codes), at: code.location))
        return nil
    }
}
