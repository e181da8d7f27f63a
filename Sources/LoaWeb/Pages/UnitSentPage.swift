import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/report/YYYY-MM/sent`: what was recorded of the month's report, exactly — the day it counts from, the
/// issues received, each activity, the mood, the issues raised (sensitive ones by topic only) and the urgent issues
/// counted with it — in the unit's words, with "Sửa báo cáo" (SPEC §9.5).
enum UnitSentPage {
    static func render(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let unit = try UnitReportPage.unit(c)
        let m = try UnitReportPage.open(month, c, unit: unit)
        let code = unit.code.value
        let (sent, urgent) = try c.read(orEmpty: (Optional<(content: String, submitted: Day)>.none, [UrgentIssue]())) {
            (try $0.currentForm(unit: code, period: m), try $0.urgentIssues(unit: code, period: m))
        }
        guard let sent, let v = UnitReports.values(of: sent.content) else { throw Redirect(to: .unitReport(m)) }
        let index = try c.index()
        let plan = index.workspace.plan
        let onTime = sent.submitted <= plan.reportDueDate(for: m)

        let facts = facts(of: v, urgent: urgent, index: index, t: t)

        let body: [HTML] = [
            .el("h1", text: t(WebText.sentTitle(t.month(m)))),
            Pages.notice(t(WebText.sentNotice(t.month(m)))),
            .el("p", [], [.el("strong", text: t(WebText.recordedOn(date: t.date(sent.submitted), onTime: onTime)))]),
            .el("p", [], text: t(WebText.sentWhatWasRecorded)),
            facts,
            .el("div", [("class", "actions")], [
                .el("a", [("class", "button"), ("href", Route.unitReport(m).path)], text: t(WebText.editReport)),
                .el("a", [("class", "button secondary"), ("href", Route.unitHome.path)], text: t(WebText.backHome)),
            ]),
        ]
        return Pages.page(t(WebText.sentTitle(t.month(m))), context: c, body: body)
    }

    /// What a report holds, in the unit's words: sensitive issues by topic only (details stay with the officers who
    /// have the permission, on the alerts page). The officers' page of a unit's month shows the same.
    static func facts(of v: ReportFormValues, urgent: [UrgentIssue], index: WorkspaceIndex, t: Localizer) -> HTML {
        var facts: [HTML] = []
        func fact(_ label: WebText, _ value: HTML) { facts += [.el("dt", text: t(label)), .el("dd", [], [value])] }
        func text(_ s: String) -> HTML { s.trimmed.isEmpty ? .text(t(WebText.noneRecorded)) : .text(s) }
        func list(_ items: [String]) -> HTML {
            items.isEmpty ? .text(t(WebText.noneRecorded)) : .el("ul", [], items.map { .el("li", text: $0) })
        }
        fact(.reporter, text(v.reporter))
        fact(.received, list(v.received.compactMap(Slot.init(issue:)).map {
            t(WebText.issueOf(channel: index.channelName($0.channel), date: t.date($0.date)))
        }))
        // each activity: its title, then when, how and how many, then its themes and items by name
        let activities: [HTML] = v.filledActivities.map { a in
            let type = ActivityType(rawValue: a.type).map { t($0) } ?? a.type
            let date = Day(iso: a.date).map { t.date($0) } ?? a.date
            let lines = ["\(date) · \(type) · \(t(WebText.participants)): \(a.participants)"]
                + a.themes.compactMap(ThemeRef.init(parsing:)).map { index.themeName($0) }
                + a.items.map { index.itemTitle(ItemID($0)) }
            return .el("li", [], [.el("strong", text: a.title)] + lines.flatMap { [HTML.el("br"), .text($0)] })
        }
        if activities.isEmpty {
            let reason = v.noActivityReason.trimmed
            fact(.activities, .text(t(WebText.noActivityRecorded) + (reason.isEmpty ? "" : " — " + reason)))
        } else {
            fact(.activities, .el("ul", [], activities))
        }
        fact(.mood, text(Mood(rawValue: v.mood).map { t($0) } ?? ""))
        fact(.summary, text(v.summary))
        let urgentKeys = Set(urgent.map { UrgentIssue.topicKey($0.topic) })
        let issues = v.issues.filter { !urgentKeys.contains(UrgentIssue.topicKey($0.topic)) }.map { i in
            i.sensitive ? t(WebText.sensitiveTopic(i.topic)) : (i.detail.isEmpty ? i.topic : "\(i.topic): \(i.detail)")
        } + urgent.map {
            t(WebText.sensitiveTopic(t(WebText.urgentEntry(date: t.date($0.recordedOn), topic: $0.topic))))
        }
        fact(.issues, list(issues))
        fact(.notes, text(v.notes))
        return .el("dl", [("class", "facts")], facts)
    }
}
