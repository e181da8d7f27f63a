import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/issue`, "Báo cáo vấn đề nhạy cảm" (SPEC §9.5): a topic and a detail, recorded at once as an open alert of
/// the unit for the current month (`UnitReports.reportUrgentIssue`). The unit rereads the topics it reported;
/// details stay with the officers who have the sensitive permission.
enum UnitUrgentIssuePage {
    static func get(_ c: RequestContext) throws -> HTTPResponse {
        let notice = c.request.queryValue("sent") != nil ? Pages.notice(c.t(WebText.urgentSent)) : nil
        return try render(topic: "", detail: "", c, notice: notice)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let unit = try UnitReportPage.unit(c)
        let topic = c.request.formValue("topic") ?? "", detail = c.request.formValue("detail") ?? ""
        let s = try c.session()
        switch try c.workflow({ try UnitReports.reportUrgentIssue(topic: topic, detail: detail, unit: unit,
                                                                  session: s) }) {
        case .success: return .redirect(to: .unitUrgentIssue, [("sent", "1")])
        case .failure(let problems):
            return try render(topic: topic, detail: detail, c, errors: FieldErrors(problems.all, c.t), status: 422)
        }
    }

    /// Values that came back instead of being recorded (`UnitPages.returned`).
    static func returned(_ form: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        UnitPages.returned(form, c) { fields in
            func value(_ name: String) -> String { fields.first { $0.name == name }?.value ?? "" }
            return try render(topic: value("topic"), detail: value("detail"), c,
                              notice: UnitPages.returnedNotice(form, c), status: form.reason.status)
        }
    }

    static func render(topic: String, detail: String, _ c: RequestContext, errors: FieldErrors = .none,
                       notice: HTML? = nil, status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let code = try c.signedInUnit()
        // this month's and last month's, newest first: topics only
        let reported = try c.read(orEmpty: [UrgentIssue]()) {
            try $0.urgentIssues(unit: code, since: c.today.monthOfYear.previous)
        }.reversed()
        var body: [HTML] = [.el("h1", text: t(WebText.urgentTitle))]
        if let notice { body.append(notice) }
        body.append(.el("p", [], text: t(WebText.urgentIntro)))
        if let box = errors.summaryBox(t, shown: ["topic", "detail"]) { body.append(box) }
        body.append(Pages.form(.unitUrgentIssue, c, [
            Pages.field(t(WebText.topic), for: "topic",
                        Pages.input("topic", value: topic, attributes: [("maxlength", String(UrgentIssue.topicLimit))],
                                    invalid: !errors.on("topic").isEmpty),
                        errors: errors.on("topic")),
            Pages.field(t(WebText.detail), for: "detail",
                        Pages.textarea("detail", value: detail, rows: 6, invalid: !errors.on("detail").isEmpty),
                        errors: errors.on("detail")),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.urgentSend))]),
        ]))
        body.append(.el("h2", text: t(WebText.urgentEarlier)))
        body.append(reported.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.urgentNone))
            : .el("ul", [("class", "plain")], reported.map {
                .el("li", text: t(WebText.urgentEntry(date: t.date($0.recordedOn), topic: $0.topic)))
            }))
        body.append(.el("p", [], [.el("a", [("href", Route.unitHome.path)], text: t(WebText.backHome))]))
        return Pages.page(t(WebText.urgentTitle), context: c, status: status, body: body)
    }
}
