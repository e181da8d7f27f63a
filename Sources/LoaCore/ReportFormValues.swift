/// A monthly report as a web form holds it: every value as the unit typed it, before any checking.
public struct ReportFormValues: Sendable, Hashable {
    public struct ActivityValues: Sendable, Hashable {
        public var date = "", type = "", title = "", participants = ""
        public var themes: [String] = []
        public var items: [String] = []
        public init(date: String = "", type: String = "", title: String = "", participants: String = "",
                    themes: [String] = [], items: [String] = []) {
            self.date = date; self.type = type; self.title = title; self.participants = participants
            self.themes = themes; self.items = items
        }
        /// A row the unit left wholly empty is ignored.
        public var isEmpty: Bool {
            [date, type, title, participants].allSatisfy { $0.trimmed.isEmpty } && themes.isEmpty && items.isEmpty
        }
    }
    public struct IssueValues: Sendable, Hashable {
        public var topic = "", detail = ""
        public var sensitive = false
        public init(topic: String = "", detail: String = "", sensitive: Bool = false) {
            self.topic = topic; self.detail = detail; self.sensitive = sensitive
        }
        public var isEmpty: Bool { topic.trimmed.isEmpty && detail.trimmed.isEmpty && !sensitive }
    }

    /// What a sent report must answer (SPEC §9.5): who reports, the members' mood, and what was done — at least
    /// one activity, or the answer that there was none.
    public enum Question: String, Sendable, CaseIterable {
        case reporter, mood, activities
    }

    public var unit: UnitCode
    public var period: Month
    public var submitted: Day?
    public var reporter = ""
    public var received: [String] = []
    public var activities: [ActivityValues] = []
    /// The unit says it held no activity this month (`no_activity: true`), and why if it wishes.
    public var noActivity = false
    public var noActivityReason = ""
    public var mood = ""
    public var summary = ""
    public var issues: [IssueValues] = []
    public var notes = ""

    public init(unit: UnitCode, period: Month) { self.unit = unit; self.period = period }

    /// The values of a form as it was recorded (to show a sent report again, or start from last month's).
    public init(_ form: ReportForm) {
        unit = form.unit.value
        period = form.period.value
        submitted = form.submitted?.value
        reporter = form.reporter ?? ""
        received = form.received.map(\.value.description)
        activities = form.activities.map { a in
            ActivityValues(date: a.date.value.iso, type: a.type.rawValue, title: a.title,
                           participants: String(a.participants.value), themes: a.themes.map(\.value.description),
                           items: a.items.map(\.value.rawValue))
        }
        noActivity = form.noActivity
        noActivityReason = form.noActivityReason ?? ""
        mood = form.mood?.rawValue ?? ""
        summary = form.feedbackSummary ?? ""
        issues = form.issues.map { IssueValues(topic: $0.topic, detail: $0.detail ?? "", sensitive: $0.sensitive) }
        notes = form.notes
    }

    /// The activities the unit filled in (rows left wholly empty are ignored).
    public var filledActivities: [ActivityValues] { activities.filter { !$0.isEmpty } }

    /// What a submit leaves unanswered, in the order of the form: nothing is assumed, so a blank form sent by
    /// mistake records nothing.
    public var unanswered: [Question] {
        var out: [Question] = []
        if reporter.trimmed.isEmpty { out.append(.reporter) }
        if filledActivities.isEmpty && !noActivity { out.append(.activities) }
        if mood.trimmed.isEmpty { out.append(.mood) }
        return out
    }

    /// Whether the unit both says it held no activity and lists activities.
    public var contradictsNoActivity: Bool { noActivity && !filledActivities.isEmpty }

    /// A new month's report started from this one: its shape only — each activity's type, themes and title — so
    /// nothing of last month (head-counts, dates, items, receipts, mood, summary, issues, notes, the reporter) is
    /// ever sent again as this month's.
    public func shape(for period: Month) -> ReportFormValues {
        var next = ReportFormValues(unit: unit, period: period)
        next.activities = filledActivities.map { ActivityValues(type: $0.type, title: $0.title, themes: $0.themes) }
        return next
    }
}

extension String {
    /// Without spaces and line breaks at either end.
    public var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
