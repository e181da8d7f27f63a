import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit`: the month's report status and deadline, what was delivered, and the months before — the months a
/// report is expected for decided by `ReportExpectation`, as completeness and the reports decide them.
enum UnitHomePage {
    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let unit = try UnitReportPage.unit(c)
        let code = unit.code.value
        let index = try c.index()
        let plan = index.workspace.plan
        let expectation = try c.expectation()
        let month = c.today.monthOfYear, previous = month.previous
        let (submissions, drafts, delivered) = try c.read(orEmpty: ([:], [:], [])) { r in
            (try r.submissions(of: code),
             try [previous, month].reduce(into: [Month: Day]()) { d, m in
                 d[m] = try r.draft(unit: code, period: m)?.savedOn
             },
             try r.receipts(of: code, in: previous) + r.receipts(of: code, in: month))
        }
        var body: [HTML] = [.el("h1", text: unit.name)]
        if let cluster = unit.cluster {
            body.append(.el("p", [("class", "muted")], text: t(WebText.clusterOf(index.clusterName(cluster)))))
        }
        // a report an officer returned for correction: the comment, and the way to correct it
        body += try UnitMonthPage.returnedNotices(code, c)
        if let logged = c.request.queryValue("logged").flatMap({ Month(iso: $0) }) {
            body.append(Pages.notice(t(WebText.loggedNotice(t.month(logged)))))
        }
        if let received = c.request.queryValue("received").flatMap(Slot.init(issue:)) {
            body.append(Pages.notice(t(WebText.receivedNotice(t(WebText.issueOf(
                channel: index.channelName(received.channel), date: t.date(received.date)))))))
        }

        // the report due now: last month's
        if expectation.isExpected(unit, in: previous) {
            body.append(card(for: previous, submissions: submissions, draft: drafts[previous], plan: plan, c))
        }
        // this month: log activities as they happen, report a sensitive issue at once
        var now: [HTML] = [.el("h2", text: t(WebText.thisMonth(t.month(month))))]
        var actions: [HTML] = [.el("a", [("class", "button"), ("href", Route.unitActivity.path)],
                                   text: t(WebText.logActivity))]
        if let saved = drafts[month] {
            now.append(.el("p", [("class", "muted")], text: t(WebText.draftSaved(t.date(saved)))))
            actions.append(.el("a", [("class", "button secondary"), ("href", Route.unitReport(month).path)],
                               text: t(WebText.continueDraft)))
        }
        actions.append(.el("a", [("class", "button secondary"), ("href", Route.unitUrgentIssue.path)],
                           text: t(WebText.reportUrgent)))
        now.append(.el("div", [("class", "actions")], actions))
        body.append(.el("section", [("class", "card")], now))

        // issues delivered, readable on the page, each with "Đã nhận" until the unit confirms it
        body.append(.el("h2", text: t(WebText.issuesDelivered)))
        body.append(delivered.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.noIssues))
            : .el("ul", [("class", "plain receipts")], delivered.reversed().map { receipt in
                let s = receipt.slot
                return .el("li", [], [
                    .el("a", [("href", Route.unitIssue(s).path)],
                        text: t(WebText.issueOf(channel: index.channelName(s.channel), date: t.date(s.date)))),
                    ReceiptPage.control(s, confirmed: receipt.state == .confirmed, c),
                ])
            }))

        // earlier months: every one whose report is expected, before last month's
        let months = OpenMonths.earlier(for: unit, expectation: expectation, today: c.today).filter { $0 < previous }
        body.append(.el("h2", text: t(WebText.pastMonths)))
        body.append(months.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.noPastMonths))
            : .el("ul", [("class", "plain")], months.map { m in
                .el("li", [], [.el("a", [("href", link(m, submissions))], text: t(WebText.reportFor(t.month(m)))),
                               .text(" — "), stateText(m, submissions[m], plan, c)])
            }))
        body.append(.el("p", [], [.el("a", [("href", Route.unitUpload.path)], text: t(WebText.uploadFile))]))
        return Pages.page(t(WebText.unitHome), context: c, body: body)
    }

    /// A sent month opens on what was recorded; a month not sent on its form.
    static func link(_ m: Month, _ submissions: [Month: Day]) -> String {
        submissions[m] == nil ? Route.unitReport(m).path : Route.unitReportSent(m).path
    }

    static func card(for m: Month, submissions: [Month: Day], draft: Day?, plan: Plan,
                     _ c: RequestContext) -> HTML {
        let t = c.t
        var parts: [HTML] = [.el("h2", text: t(WebText.reportFor(t.month(m)))),
                             .el("p", [], [stateText(m, submissions[m], plan, c)])]
        if case .missing(let due, _) = ReportState(period: m, submitted: submissions[m], plan: plan, today: c.today) {
            let left = due - c.today
            let when = left > 0 ? t(WebText.daysLeft(left)) : left == 0
                ? t(WebText.dueToday) : t(WebText.overdueBy(-left))
            parts.append(.el("p", [], text: when))
        }
        if let draft { parts.append(.el("p", [("class", "muted")], text: t(WebText.draftSaved(t.date(draft))))) }
        let label = submissions[m] == nil ? t(WebText.send) : t(WebText.viewOrCorrect)
        parts.append(.el("div", [("class", "actions")],
                         [.el("a", [("class", "button"), ("href", link(m, submissions))], text: label)]))
        return .el("section", [("class", "card")], parts)
    }

    static func stateText(_ m: Month, _ submitted: Day?, _ plan: Plan, _ c: RequestContext) -> HTML {
        let t = c.t
        switch ReportState(period: m, submitted: submitted, plan: plan, today: c.today) {
        case .onTime(let d): return .el("span", [("class", "state ok")], text: t(WebText.sentOnTime(t.date(d))))
        case .late(let d): return .el("span", [("class", "state late")], text: t(WebText.sentLate(t.date(d))))
        case .missing(let due, let overdue):
            return .el("span", [("class", overdue ? "state missing" : "state")],
                       text: t(WebText.notSent(due: t.date(due))))
        }
    }
}
