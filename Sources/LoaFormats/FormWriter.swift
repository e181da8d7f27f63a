import LoaCore

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

    public var unit: UnitCode
    public var period: Month
    public var submitted: Day?
    public var reporter = ""
    public var received: [String] = []
    public var activities: [ActivityValues] = []
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
        mood = form.mood?.rawValue ?? ""
        summary = form.feedbackSummary ?? ""
        issues = form.issues.map { IssueValues(topic: $0.topic, detail: $0.detail ?? "", sensitive: $0.sensitive) }
        notes = form.notes
    }
}

/// Writes report values as a `loa-report/1` Markdown form (SPEC §5.1), the same text a unit would send by mail,
/// so a web report is read, checked and recorded by exactly what `loa import` uses. Each line is tagged with the
/// web field it came from, so errors can be shown beside their fields.
public enum FormWriter {
    public struct Written: Sendable {
        public let text: String
        /// The web field each line of `text` holds (line numbers from 1), e.g. `activity-2-date`.
        public let fields: [Int: String]
    }

    public static func markdown(_ v: ReportFormValues) -> Written {
        var lines: [String] = []
        var fields: [Int: String] = [:]
        func add(_ line: String, _ field: String? = nil) {
            lines.append(line)
            if let field { fields[lines.count] = field }
        }
        add("---")
        add("form: \(FormReader.formVersion)")
        add("unit: \(quote(v.unit.rawValue))")
        add("period: \(v.period.iso)")
        if let s = v.submitted { add("submitted: \(s.iso)") }
        if !v.reporter.trimmed.isEmpty { add("reporter: \(quote(v.reporter.trimmed))", "reporter") }
        add("received: [\(v.received.map(quote).joined(separator: ", "))]", "received")
        let activities = v.activities.enumerated().filter { !$0.element.isEmpty }
        add("activities:" + (activities.isEmpty ? " []" : ""))
        for (i, a) in activities {
            let n = "activity-\(i + 1)-"
            add("  - date: \(quote(a.date.trimmed))", n + "date")
            add("    type: \(quote(a.type.trimmed))", n + "type")
            add("    title: \(quote(a.title.trimmed))", n + "title")
            add("    themes: [\(a.themes.map(quote).joined(separator: ", "))]", n + "themes")
            add("    participants: \(quote(a.participants.trimmed))", n + "participants")
            add("    items: [\(a.items.map(quote).joined(separator: ", "))]", n + "items")
        }
        add("feedback:")
        if !v.mood.trimmed.isEmpty { add("  mood: \(quote(v.mood.trimmed))", "mood") }
        if !v.summary.trimmed.isEmpty { add("  summary: \(quote(v.summary.trimmed))", "summary") }
        let issues = v.issues.enumerated().filter { !$0.element.isEmpty }
        add("  issues:" + (issues.isEmpty ? " []" : ""))
        for (i, issue) in issues {
            let n = "issue-\(i + 1)-"
            add("    - topic: \(quote(issue.topic.trimmed))", n + "topic")
            if !issue.detail.trimmed.isEmpty { add("      detail: \(quote(issue.detail.trimmed))", n + "detail") }
            add("      sensitive: \(issue.sensitive)", n + "sensitive")
        }
        add("---")
        let notes = v.notes.trimmed
        if !notes.isEmpty {
            add("")
            for line in notes.split(separator: "\n", omittingEmptySubsequences: false) { add(String(line), "note") }
        }
        return Written(text: lines.joined(separator: "\n") + "\n", fields: fields)
    }

    /// A YAML double-quoted scalar: backslash, quote and line breaks escaped.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": continue
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }
}

extension String {
    /// Without spaces and line breaks at either end.
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
