import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit`: the month's report status and deadline, what was delivered, and the months before.
enum UnitHomePage {
    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let code = try c.signedInUnit()
        let ws = try c.workspace()
        let t = c.t
        guard let unit = try c.index().units[code] else { throw HTTPError(403, t(WebText.linkInvalid)) }
        let month = c.today.monthOfYear, previous = month.previous
        let (submissions, drafts, delivered, first) = try c.read(orEmpty: ([:], [:], [], nil)) { r in
            (try r.submissions(of: code),
             try [previous, month].reduce(into: [Month: Day]()) { d,
                 m in d[m] = try r.draft(unit: code, period: m)?.savedOn },
             try r.issuesDelivered(to: code, in: previous) + r.issuesDelivered(to: code, in: month),
             try r.firstReportedPeriod())
        }
        var body: [HTML] = [.el("h1", text: unit.name)]
        if let sent = c.request.queryValue("sent").flatMap { Month(iso: $0) } {
            body.append(Pages.notice(t(WebText.sentNotice(t.month(sent)))))
        }
        if let logged = c.request.queryValue("logged").flatMap { Month(iso: $0) } {
            body.append(Pages.notice(t(WebText.loggedNotice(t.month(logged)))))
        }

        // the report due now: last month's
        if unit.exists(in: previous) {
            body.append(card(for: previous, unit: unit, submissions: submissions, draft: drafts[previous],
                             plan: ws.plan, c))
        }
        // this month: log activities as they happen
        var now: [HTML] = [.el("h2", text: t(WebText.thisMonth(t.month(month))))]
        var actions: [HTML] = [.el("a", [("class", "button"), ("href", Route.unitActivity.path)],
            text: t(WebText.logActivity))]
        if let saved = drafts[month] {
            now.append(.el("p", [("class", "muted")], text: t(WebText.draftSaved(t.date(saved)))))
            actions.append(.el("a", [("class", "button secondary"), ("href", Route.unitReport(month).path)],
                               text: t(WebText.continueDraft)))
        }
        now.append(.el("div", [("class", "actions")], actions))
        body.append(.el("section", [("class", "card")], now))

        // issues delivered, readable on the page
        let index = (try? c.index()) ?? WorkspaceIndex(ws)
        body.append(.el("h2", text: t(WebText.issuesDelivered)))
        body.append(delivered.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.noIssues))
            : .el("ul", [("class", "plain")], delivered.reversed().map { s in
                .el("li", [], [.el("a", [("href", Route.unitIssue(s).path)],
                                   text: t(WebText.issueOf(channel: index.channelName(s.channel),
                                       date: t.date(s.date))))])
            }))

        // earlier months
        let start = [ws.plan.trackingFrom ?? first, unit.joined?.monthOfYear].compactMap { $0 }.max()
        let months = start.map { Month.range($0, previous.previous).filter(unit.exists(in:)).reversed() } ?? []
        body.append(.el("h2", text: t(WebText.pastMonths)))
        body.append(months.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.noPastMonths))
            : .el("ul", [("class", "plain")], months.map { m in
                .el("li", [], [.el("a", [("href", Route.unitReport(m).path)], text: t(WebText.reportFor(t.month(m)))),
                               .text(" — "), stateText(m, submissions[m], ws.plan, c)])
            }))
        body.append(.el("p", [], [.el("a", [("href", Route.unitUpload.path)], text: t(WebText.uploadFile))]))
        return Pages.page(t(WebText.unitHome), context: c, body: body)
    }

    static func card(for m: Month, unit: UnionUnit, submissions: [Month: Day], draft: Day?, plan: Plan,
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
            [.el("a", [("class", "button"), ("href", Route.unitReport(m).path)], text: label)]))
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
