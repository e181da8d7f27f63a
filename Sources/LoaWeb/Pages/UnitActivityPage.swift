import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/activity`: log one activity on the day it happens; it goes into that month's report (its draft), through
/// `UnitReports.logActivity`.
enum UnitActivityPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse {
        let unit = try UnitReportPage.unit(c)
        return try render(ReportFormValues.ActivityValues(date: c.today.iso), unit: unit.code.value, c)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let unit = try UnitReportPage.unit(c)
        let a = values(c.request.form)
        let (index, s) = (try c.index(), try c.session())
        switch try c.workflow({ try UnitReports.logActivity(a, unit: unit, index: index, session: s) }) {
        case .success(let month): return .redirect(to: .unitHome, [("logged", month.iso)])
        case .failure(let problems):
            return try render(a, unit: unit.code.value, c, errors: FieldErrors(problems.all, c.t), status: 422)
        }
    }

    static func values(_ fields: [FormField]) -> ReportFormValues.ActivityValues {
        func value(_ name: String) -> String { fields.first { $0.name == "activity-1-" + name }?.value ?? "" }
        func values(_ name: String) -> [String] { fields.filter { $0.name == "activity-1-" + name }.map(\.value) }
        return .init(date: value("date"), type: value("type"), title: value("title"),
                     participants: value("participants"), themes: values("themes"), items: values("items"))
    }

    /// Values that came back instead of being recorded (`UnitPages.returned`).
    static func returned(_ form: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        UnitPages.returned(form, c) { fields in
            try render(values(fields), unit: try c.signedInUnit(), c, notice: UnitPages.returnedNotice(form, c),
                       status: form.reason.status)
        }
    }

    static func render(_ a: ReportFormValues.ActivityValues, unit: UnitCode, _ c: RequestContext,
                       errors: FieldErrors = .none, notice: HTML? = nil, status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let month = Day(iso: a.date)?.monthOfYear ?? c.today.monthOfYear
        let index = try c.index()
        let choices = try c.read(orEmpty: try UnitReportPage.loadChoices(unit, month, index, nil)) {
            try UnitReportPage.loadChoices(unit, month, index, $0)
        }
        var shown = Set<String>()
        let row = UnitReportPage.activityRow(1, a, choices, index, month, t) { shown.insert($0); return errors.on($0) }
        var body: [HTML] = [.el("h1", text: t(WebText.activityTitle)), .el("p", [], text: t(WebText.activityIntro))]
        if let notice { body.append(notice) }
        if let box = errors.summaryBox(t, shown: shown) { body.append(box) }
        body.append(Pages.form(.unitActivity, c, [
            row,
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.addToReport))]),
        ]))
        return Pages.page(t(WebText.activityTitle), context: c, status: status, body: body)
    }
}
