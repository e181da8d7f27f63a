import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// A unit's report for a month as the web form works on it: what to show, what is kept hidden, and how the
/// posted fields become report values.
struct ReportDrafting {
    /// Where the values on screen come from.
    enum Source: Sendable, Equatable { case draft, sent, previousMonth, empty }

    let unit: UnitCode
    let period: Month
    var values: ReportFormValues
    /// Sensitive issues already stored (in the draft or the sent report): their topics are shown, their details
    /// never sent back to the browser.
    var hiddenSensitive: [ReportFormValues.IssueValues]
    let source: Source

    /// What the unit sees when it opens the month: its draft, else its sent report, else (when asked) the shape of
    /// last month's report to start from, else an empty form — nothing chosen for the unit, and only the issues it
    /// confirmed receiving ticked (SPEC §9.5, §10).
    static func load(unit: UnitCode, period: Month, startFromPrevious: Bool,
                     reader: StoreReader) throws -> ReportDrafting {
        var fresh = try loadRecorded(unit: unit, period: period, startFromPrevious: startFromPrevious, reader: reader)
        if fresh.source == .empty || fresh.source == .previousMonth {
            fresh.values.received = try reader.receipts(of: unit, in: period).filter { $0.state == .confirmed }
                .map(\.slot.description)
        }
        return fresh
    }

    private static func loadRecorded(unit: UnitCode, period: Month, startFromPrevious: Bool,
                                     reader: StoreReader) throws -> ReportDrafting {
        if let draft = try reader.draft(unit: unit, period: period),
           let values = UnitReports.values(of: draft.content) {
            return ReportDrafting(unit: unit, period: period, values: values, source: .draft)
        }
        if let sent = try reader.currentForm(unit: unit, period: period),
           let values = UnitReports.values(of: sent.content) {
            return ReportDrafting(unit: unit, period: period, values: values, source: .sent)
        }
        if startFromPrevious, let before = try reader.currentForm(unit: unit, period: period.previous),
           let old = UnitReports.values(of: before.content) {
            return ReportDrafting(unit: unit, period: period, values: old.shape(for: period), source: .previousMonth)
        }
        return blank(unit: unit, period: period)
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

    /// The posted fields as report values (SPEC §9.3 field names), with the hidden sensitive issues the unit kept.
    mutating func take(_ fields: [FormField]) {
        func value(_ name: String) -> String { fields.first { $0.name == name }?.value ?? "" }
        func values(_ name: String) -> [String] { fields.filter { $0.name == name }.map(\.value) }
        var v = ReportFormValues(unit: unit, period: period)
        v.reporter = value("reporter")
        v.received = values("received")
        for n in 1...max(1, Self.highestRow("activity", in: fields)) {
            let p = "activity-\(n)-"
            v.activities.append(.init(date: value(p + "date"), type: value(p + "type"), title: value(p + "title"),
                                      participants: value(p + "participants"), themes: values(p + "themes"),
                                      items: values(p + "items")))
        }
        v.noActivity = value("no-activity") == "yes"
        v.noActivityReason = value("no-activity-reason")
        v.mood = value("mood")
        v.summary = value("summary")
        for n in 1...max(1, Self.highestRow("issue", in: fields)) {
            let p = "issue-\(n)-"
            v.issues.append(.init(topic: value(p + "topic"), detail: value(p + "detail"),
                                  sensitive: !value(p + "sensitive").isEmpty))
        }
        v.notes = value("note")
        let kept = Set(values("keep-sensitive").compactMap(Int.init))
        hiddenSensitive = hiddenSensitive.enumerated().filter { kept.contains($0.offset + 1) }.map(\.element)
        self.values = v
    }

    /// The highest N of the `PREFIX-N-…` fields posted.
    static func highestRow(_ prefix: String, in fields: [FormField]) -> Int {
        fields.compactMap { f -> Int? in
            guard f.name.hasPrefix(prefix + "-") else { return nil }
            return Int(f.name.dropFirst(prefix.count + 1).prefix { $0.isNumber })
        }.max() ?? 0
    }

    /// The values to record: visible rows first, then the kept sensitive issues, so the same report sent twice is
    /// the same text (and records nothing the second time).
    var toRecord: ReportFormValues {
        var all = values
        all.issues = values.issues.filter { !$0.isEmpty } + hiddenSensitive
        return all
    }
}
