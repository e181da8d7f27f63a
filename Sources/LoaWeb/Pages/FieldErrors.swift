import LoaCore
import LoaFormats
import LoaWorkflows

/// What is wrong with a form, in words (SPEC §9.5): each problem beside its field under the field's label, and a
/// summary at the top whose entries link to the fields (`href="#ID"`). Never a key, a path, a position or a rule
/// number. A unit's forms make it from the recorder's problems; officers' forms add their own words.
struct FieldErrors {
    /// The texts beside each field, by field id.
    private(set) var byField: [String: [String]] = [:]
    /// Every problem in order: the field it links to (nil: the form as a whole) and its text with its context
    /// ("Hoạt động 2 — «Ngày»: …").
    private(set) var summary: [(field: String?, text: String)] = []

    static let none = FieldErrors()

    init() {}

    init(_ problems: [UnitReports.Problem], _ t: Localizer) {
        for p in problems {
            let where_ = p.field.map { FieldLabels.of($0, t) }
            let text = t(Self.text(p.kind, label: where_?.label, t))
            if let field = p.field {
                byField[field, default: []].append(text)
            }
            summary.append((p.field, where_?.context.map { "\($0) — \(text)" } ?? text))
        }
    }

    /// The words of a problem said of the field labelled `label`.
    static func text(_ kind: UnitReports.Problem.Kind, label: String?, _ t: Localizer) -> FieldText {
        switch kind {
        case .message(let m): return FieldText.of(m, label: label)
        case .unanswered(.reporter): return .fill(t(WebText.reporter))
        case .unanswered(.mood): return .choose(t(WebText.mood))
        case .unanswered(.activities):
            return .noActivityAnswer(activities: t(WebText.activities), none: t(WebText.noActivity))
        case .noActivityContradiction: return .noActivityContradiction(t(WebText.noActivity))
        case .tooLong(let n): return .tooLong(label ?? "", limit: n)
        case .monthNotOpen(let m): return .monthClosed(label ?? "", month: m)
        }
    }

    /// A problem of a field, already in words.
    mutating func add(_ field: String, _ text: String) {
        byField[field, default: []].append(text)
        summary.append((field, text))
    }

    var isEmpty: Bool { summary.isEmpty }
    var count: Int { summary.count }

    func on(_ field: String) -> [String] { byField[field] ?? [] }

    /// The summary box: how many things to fix, each linking to its field when the page shows that field (nil:
    /// every field), at the element `anchor` names (by default the field itself).
    func summaryBox(_ t: Localizer, shown: Set<String>?, anchor: (String) -> String = { $0 }) -> HTML? {
        guard !isEmpty else { return nil }
        let items: [HTML] = summary.map { entry in
            if let field = entry.field, shown?.contains(field) ?? true {
                return .el("li", [], [.el("a", [("href", "#" + anchor(field))], text: entry.text)])
            }
            return .el("li", text: entry.text)
        }
        return .el("div", [("class", "notice error"), ("role", "alert"), ("id", "errors")], [
            .el("p", [], [.el("strong", text: t(WebText.notRecorded(count)))]),
            .el("ul", [], items),
        ])
    }
}

/// The labels of a unit's form fields, as the page shows them: for `activity-2-date`, "Ngày" in the context
/// "Hoạt động 2". Also the keys and columns of a sent file (`date`, `participants` …).
enum FieldLabels {
    static func of(_ field: String, _ t: Localizer) -> (label: String, context: String?) {
        for (prefix, context) in [("activity-", WebText.activityNumber), ("issue-", WebText.issueNumber)] {
            guard field.hasPrefix(prefix) else { continue }
            let rest = field.dropFirst(prefix.count)
            let digits = rest.prefix { $0.isNumber }
            guard let n = Int(digits), rest.dropFirst(digits.count).hasPrefix("-") else { continue }
            return (label(String(rest.dropFirst(digits.count + 1)), t) ?? "", t(context(n)))
        }
        return (label(field, t) ?? "", nil)
    }

    /// The label of a field or a file's key; nil for a key no form has.
    static func label(_ key: String, _ t: Localizer) -> String? {
        let text: WebText? = switch key {
        case "reporter": .reporter
        case "received": .received
        case "activities": .activities
        case "no-activity", "no_activity": .noActivity
        case "no-activity-reason", "no_activity_reason": .noActivityReason
        case "date": .date
        case "type": .type
        case "title": .title
        case "themes": .themes
        case "participants": .participants
        case "items": .items
        case "mood": .mood
        case "summary": .summary
        case "issues": .issues
        case "topic": .topic
        case "detail": .detail
        case "sensitive": .sensitive
        case "note", "notes": .notes
        case "unit": .unitLabel
        case "period": .periodLabel
        case "submitted": .submittedLabel
        default: nil
        }
        return text.map { t($0) }
    }

    /// A problem of a sent file in words: where it is ("Dòng 3: ") and what is wrong with which column or key.
    static func fileProblem(_ p: UnitReports.FileProblem, _ t: Localizer) -> String {
        let text = t(FieldText.of(p.message, label: p.key.flatMap { label($0, t) }))
        return p.line.map { t(FieldText.line($0)) + text } ?? text
    }
}
