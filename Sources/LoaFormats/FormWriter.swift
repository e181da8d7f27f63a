import LoaCore

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
        let activities = v.activities.filter { !$0.isEmpty }.enumerated()
        add("activities:" + (v.filledActivities.isEmpty ? " []" : ""), "activities")
        for (i, a) in activities {
            let n = "activity-\(i + 1)-"
            add("  - date: \(quote(a.date.trimmed))", n + "date")
            add("    type: \(quote(a.type.trimmed))", n + "type")
            add("    title: \(quote(a.title.trimmed))", n + "title")
            add("    themes: [\(a.themes.map(quote).joined(separator: ", "))]", n + "themes")
            add("    participants: \(quote(a.participants.trimmed))", n + "participants")
            add("    items: [\(a.items.map(quote).joined(separator: ", "))]", n + "items")
        }
        if v.noActivity {
            add("no_activity: true", "no-activity")
            let reason = v.noActivityReason.trimmed
            if !reason.isEmpty { add("no_activity_reason: \(quote(reason))", "no-activity-reason") }
        }
        add("feedback:")
        if !v.mood.trimmed.isEmpty { add("  mood: \(quote(v.mood.trimmed))", "mood") }
        if !v.summary.trimmed.isEmpty { add("  summary: \(quote(v.summary.trimmed))", "summary") }
        let issues = v.issues.filter { !$0.isEmpty }.enumerated()
        add("  issues:" + (v.issues.allSatisfy(\.isEmpty) ? " []" : ""))
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
