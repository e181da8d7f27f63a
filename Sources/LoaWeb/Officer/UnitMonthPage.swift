import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/units/UNIT/YYYY-MM`: what a unit sent for a month, as the unit sees it, with its history; officers return it for
/// correction with a comment ("Trả lại để sửa") or reopen it as it stood ("Mở lại"), through `Returning`. The unit
/// reads the comment on its home page and on the month's form; its correction ends the return. A returned report
/// keeps counting as sent from its first submission: the return changes no figure.
enum UnitMonthPage {
    static func render(_ code: UnitCode, _ month: Month, _ c: RequestContext, problem: String? = nil,
                       comment: String = "", status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let index = try c.index()
        guard let unit = index.workspace.units.first(where: { $0.code.value == code }) else {
            throw HTTPError(404, t(WebText.notFound))
        }
        let s = try c.session()
        let (sent, urgent) = try c.read(orEmpty: (Optional<(content: String, submitted: Day)>.none, [UrgentIssue]())) {
            (try $0.currentForm(unit: code, period: month), try $0.urgentIssues(unit: code, period: month))
        }
        let (open, steps) = try c.workflow {
            (try Returning.openReturn(unit: code, period: month, session: s),
             try Returning.history(unit: code, period: month, session: s))
        }
        let title = t(AdminText.unitMonthTitle(unit: unit.name, month: t.month(month)))
        var body: [HTML] = [.el("h1", text: title)]
        body.append(.el("p", [("class", "actions noprint")], [
            .el("a", [("class", "button secondary"), ("href", Route.unitMonth(code, month.previous).path)],
                text: "← " + t(AdminText.previousMonth)),
            .el("a", [("class", "button secondary"), ("href", Route.unitMonth(code, month.next).path)],
                text: t(AdminText.nextMonth) + " →"),
        ]))
        if let done = c.request.queryValue("done") {
            if done == "returned" { body.append(Pages.notice(t(AdminText.doneReturned))) }
            if done == "reopened" { body.append(Pages.notice(t(AdminText.doneReopened))) }
        }
        if let problem { body.append(Pages.notice(problem, kind: "error")) }
        guard let sent, let values = UnitReports.values(of: sent.content) else {
            body.append(.el("p", [], text: t(AdminText.notSentYet)))
            return OfficerUI.page(title, c, status: status, body)
        }
        let onTime = sent.submitted <= index.workspace.plan.reportDueDate(for: month)
        body.append(.el("p", [], [.el("strong", text: t(AdminText.sentOn(t.date(sent.submitted), onTime: onTime)))]))
        if let open {
            body.append(.el("section", [("class", "card returned"), ("id", "return")], [
                .el("p", [], [OfficerUI.badge(t(AdminText.returnedBadge), "late"), .text(" "),
                              .text(t(AdminText.returnedNotice(by: open.returnedBy, on: t.date(open.returnedOn))))]),
                .el("blockquote", [("class", "pre")], text: open.comment),
            ] + (c.principal.isOfficer ? [
                .el("p", [("class", "muted")], text: t(AdminText.reopenHint)),
                OfficerUI.button(.unitMonthReopen(code, month), t(AdminText.reopenButton), c, secondary: true),
            ] : [])))
        } else if c.principal.isOfficer {
            body.append(.el("section", [("class", "card noprint"), ("id", "return")], [
                .el("h2", text: t(AdminText.returnTitle)),
                Pages.form(.unitMonthReturn(code, month), c, [
                    Pages.field(t(AdminText.returnComment), for: "comment",
                                Pages.textarea("comment", value: comment, rows: 3, invalid: problem != nil),
                                hint: t(AdminText.returnCommentHint)),
                    .el("div", [("class", "actions")], [.el("button", [("type", "submit")],
                                                            text: t(AdminText.returnButton))]),
                ]),
            ]))
        }
        body.append(.el("p", [("class", "muted")], text: t(AdminText.countsNote)))
        body.append(UnitSentPage.facts(of: values, urgent: urgent, index: index, t: t))
        body.append(.el("h2", text: t(AdminText.historyTitle)))
        body.append(.el("ul", [("class", "plain history")], steps.map { step in
            switch step {
            case .sent(let on): .el("li", [], text: t(AdminText.historySent(on: t.date(on))))
            case .corrected(let on): .el("li", [], text: t(AdminText.historyCorrected(on: t.date(on))))
            case .returned(let on, let by, let comment):
                .el("li", [], [.text(t(AdminText.historyReturned(by: by, on: t.date(on))) + ": "),
                               .el("q", text: comment)])
            case .reopened(let on, let by): .el("li", [], text: t(AdminText.historyReopened(by: by, on: t.date(on))))
            }
        }))
        return OfficerUI.page(title, c, status: status, body)
    }

    /// `POST /units/UNIT/YYYY-MM/return` (`comment`).
    static func returnReport(_ code: UnitCode, _ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let comment = c.request.formValue("comment") ?? ""
        let s = try c.session()
        let outcome = try c.workflow {
            try Returning.returnReport(unit: code, period: month, comment: comment, session: s)
        }
        switch outcome {
        case .done: return .redirect(to: .unitMonth(code, month), [("done", "returned")])
        case .commentNeeded:
            return try render(code, month, c, problem: c.t(AdminText.commentNeeded(limit: Returning.commentLimit)),
                              comment: comment, status: 422)
        case .notApplicable: return try render(code, month, c, problem: c.t(AdminText.notReturnable), status: 422)
        }
    }

    /// `POST /units/UNIT/YYYY-MM/reopen`.
    static func reopen(_ code: UnitCode, _ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let s = try c.session()
        let outcome = try c.workflow { try Returning.reopen(unit: code, period: month, session: s) }
        guard outcome == .done else {
            return try render(code, month, c, problem: c.t(AdminText.notReopenable), status: 422)
        }
        return .redirect(to: .unitMonth(code, month), [("done", "reopened")])
    }

    /// On a unit's own pages: the comment of a month's return, with the way to correct the report.
    static func returnedNotices(_ unit: UnitCode, months: [Month]? = nil, _ c: RequestContext) throws -> [HTML] {
        let t = c.t
        let open = try c.read(orEmpty: [:]) { try $0.openReturns(unit: unit) }
        return open.sorted { $0.key < $1.key }.filter { months?.contains($0.key) ?? true }.map { month, ret in
            .el("div", [("class", "notice warning"), ("role", "status"), ("id", "returned-\(month.iso)")], [
                .el("p", [], [.el("strong", text: t(AdminText.returnedForUnit(month: t.month(month))))]),
                .el("blockquote", [("class", "pre")], text: ret.comment),
            ] + (months == nil ? [
                .el("p", [], [.el("a", [("class", "button"), ("href", Route.unitReport(month).path)],
                                  text: t(AdminText.yourReportReturned))]),
            ] : []))
        }
    }

    /// A unit's row on the completeness page: its name, linking to what it sent for the month in focus, and
    /// "đã trả lại" while that report waits for a correction.
    static func rowHeading(_ unit: UnionUnit, _ month: Month, _ returned: [UnitCode: ReportReturn],
                           _ c: RequestContext) -> [HTML] {
        var parts: [HTML] = [.el("a", [("href", Route.unitMonth(unit.code.value, month).path)], text: unit.name)]
        if returned[unit.code.value] != nil {
            parts += [.text(" "), OfficerUI.badge(c.t(AdminText.returnedBadge), "late")]
        }
        return parts
    }
}
