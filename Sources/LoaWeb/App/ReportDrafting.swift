import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// A unit's report for a month as the web form works on it: what to show, what is kept hidden, and how the
/// posted fields become a `loa-report/1` text.
struct ReportDrafting {
    /// Where the values on screen come from.
    enum Source: Sendable, Equatable { case draft, sent, previousMonth, empty }

    let unit: UnitCode
    let period: Month
    var values: ReportFormValues
    /// Sensitive issues already stored (in the draft or the sent report): never sent back to the browser.
    var hiddenSensitive: [ReportFormValues.IssueValues]
    let source: Source

    /// What the unit sees when it opens the month: its draft, else its sent report, else (when asked) last
    /// month's values to start from, else an empty form with every delivered issue ticked.
    static func load(unit: UnitCode, period: Month, startFromPrevious: Bool, delivered: [Slot],
                     reader: StoreReader) throws -> ReportDrafting {
        if let draft = try reader.draft(unit: unit, period: period), let values = parse(draft.content) {
            return ReportDrafting(unit: unit, period: period, values: values, source: .draft)
        }
        if let sent = try reader.currentForm(unit: unit, period: period), let values = parse(sent.content) {
            return ReportDrafting(unit: unit, period: period, values: values, source: .sent)
        }
        var values = ReportFormValues(unit: unit, period: period)
        values.received = delivered.map(\.description)
        if startFromPrevious, let before = try reader.currentForm(unit: unit, period: period.previous),
           let old = parse(before.content) {
            // last month's people, activities and opinions as a start; dates and sensitive issues start afresh
            values.reporter = old.reporter
            values.activities = old.activities.map { var a = $0; a.date = ""; a.items = []; return a }
            values.mood = old.mood
            values.summary = old.summary
            values.issues = old.issues.filter { !$0.sensitive }
            values.notes = old.notes
            return ReportDrafting(unit: unit, period: period, values: values, source: .previousMonth)
        }
        return ReportDrafting(unit: unit, period: period, values: values, source: .empty)
    }

    /// An empty form (nothing recorded yet).
    static func blank(unit: UnitCode, period: Month) -> ReportDrafting {
        ReportDrafting(unit: unit, period: period, values: ReportFormValues(unit: unit, period: period), source: .empty)
    }

    private init(unit: UnitCode, period: Month, values: ReportFormValues, source: Source) {
        self.unit = unit
        self.period = period
        self.source = source
        var shown = values
        shown.issues = values.issues.filter { !$0.sensitive }
        self.values = shown
        hiddenSensitive = values.issues.filter(\.sensitive)
    }

    /// The values of a stored form text (a draft may be incomplete; whatever reads is kept).
    static func parse(_ text: String) -> ReportFormValues? {
        guard let file = try? TextFile.decode(Array(text.utf8), path: "web") else { return nil }
        return FormReader.form(file, diagnostics: Diagnostics()).map(ReportFormValues.init)
    }

    /// The posted fields as report values (SPEC §9.3 field names), with the hidden sensitive issues the unit kept.
    mutating func take(_ request: HTTPRequest) {
        var v = ReportFormValues(unit: unit, period: period)
        v.reporter = request.formValue("reporter") ?? ""
        v.received = request.formValues("received")
        for n in 1...max(1, Self.highestRow("activity", in: request)) {
            let p = "activity-\(n)-"
            v.activities.append(.init(date: request.formValue(p + "date") ?? "", type: request.formValue(p + "type")
                ?? "",
                                      title: request.formValue(p + "title") ?? "",
                                      participants: request.formValue(p + "participants") ?? "",
                                      themes: request.formValues(p + "themes"), items: request.formValues(p + "items")))
        }
        v.mood = request.formValue("mood") ?? ""
        v.summary = request.formValue("summary") ?? ""
        for n in 1...max(1, Self.highestRow("issue", in: request)) {
            let p = "issue-\(n)-"
            v.issues.append(.init(topic: request.formValue(p + "topic") ?? "", detail: request.formValue(p + "detail")
                ?? "",
                                  sensitive: request.formValue(p + "sensitive") != nil))
        }
        v.notes = request.formValue("note") ?? ""
        let kept = Set(request.formValues("keep-sensitive").compactMap(Int.init))
        hiddenSensitive = hiddenSensitive.enumerated().filter { kept.contains($0.offset + 1) }.map(\.element)
        values = v
    }

    /// The highest N of the `PREFIX-N-…` fields posted.
    static func highestRow(_ prefix: String, in request: HTTPRequest) -> Int {
        request.form.compactMap { f -> Int? in
            guard f.name.hasPrefix(prefix + "-") else { return nil }
            return Int(f.name.dropFirst(prefix.count + 1).prefix { $0.isNumber })
        }.max() ?? 0
    }

    /// The text to record: visible rows first, then the kept sensitive issues, so the same report sent twice is
    /// the same text (and records nothing the second time).
    func written(submittedOn day: Day?) -> FormWriter.Written {
        var all = values
        all.submitted = day
        all.issues = values.issues.filter { !$0.isEmpty } + hiddenSensitive
        return FormWriter.markdown(all)
    }

    /// Errors by web field (from the diagnostics' lines), and the ones that belong to no field.
    static func fieldErrors(_ diagnostics: [Diagnostic], written: FormWriter.Written,
                            language: Language) -> (byField: [String: [String]], general: [String]) {
        var byField: [String: [String]] = [:], general: [String] = []
        for d in diagnostics where d.severity == .error {
            let text = d.message.text(language)
            if let line = d.location?.line, let field = written.fields[line] {
                byField[field, default: []].append(text)
            } else {
                general.append(text)
            }
        }
        return (byField, general)
    }
}
