import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/activity`: log one activity on the day it happens; it goes into that month's report (its draft).
enum UnitActivityPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let unit = try UnitReportPage.unit(c, ws)
        let values = ReportFormValues.ActivityValues(date: c.today.iso)
        return try render(values, unit: unit.code.value, ws, c, errors: [:], status: 200)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let unit = try UnitReportPage.unit(c, ws)
        let code = unit.code.value
        let p = "activity-1-"
        let a = ReportFormValues.ActivityValues(
            date: c.request.formValue(p + "date") ?? "", type: c.request.formValue(p + "type") ?? "",
            title: c.request.formValue(p + "title") ?? "", participants: c.request.formValue(p + "participants") ?? "",
            themes: c.request.formValues(p + "themes"), items: c.request.formValues(p + "items"))
        let first = try c.read(orEmpty: Month?.none) { try $0.firstReportedPeriod() }
        guard let day = Day(iso: a.date.trimmingCharacters(in: .whitespaces)), unit.exists(on: day),
              OpenMonths.isOpen(day.monthOfYear, for: unit, plan: ws.plan, firstReported: first, today: c.today) else {
            return try render(a, unit: code, ws, c, errors: [p + "date": [c.t(Message.badDate(a.date))]], status: 422)
        }
        // checked as a one-activity report of its month, by the same reader and validator as `loa import`
        var single = ReportFormValues(unit: code, period: day.monthOfYear)
        single.activities = [a]
        let written = FormWriter.markdown(single)
        let problems = try check(written.text, ws, c)
        let errors = ReportDrafting.fieldErrors(problems, written: written, language: c.language).byField
        if !errors.isEmpty { return try render(a, unit: code, ws, c, errors: errors, status: 422) }
        let month = day.monthOfYear
        try c.write { w in
            var drafting = try ReportDrafting.load(unit: code, period: month, startFromPrevious: false,
                                                   delivered: try w.reader.issuesDelivered(to: code, in: month),
                                                       reader: w.reader)
            drafting.values.activities = drafting.values.activities.filter { !$0.isEmpty } + [a]
            try w.saveDraft(unit: code, period: month, content: drafting.written(submittedOn: nil).text, today: c.today)
            try w.audit(AuditEntry(day: c.today, actor: .unit(code), command: "web", action: .activityLogged,
                                   subject: "\(code)/\(month.iso)", detail: a.title))
        }
        return .redirect(to: .unitHome, [("logged", month.iso)])
    }

    static func check(_ text: String, _ ws: Workspace, _ c: RequestContext) throws -> [Diagnostic] {
        guard let file = try? TextFile.decode(Array(text.utf8), path: "web") else { return [] }
        let d = Diagnostics()
        let validator = ReportValidator(try c.index(), today: c.today)
        if let form = FormReader.form(file, diagnostics: d,
            checking: validator) { d.add(contentsOf: validator.check(form)) }
        return d.all
    }

    static func render(_ a: ReportFormValues.ActivityValues, unit: UnitCode, _ ws: Workspace, _ c: RequestContext,
                       errors: [String: [String]], status: Int) throws -> HTTPResponse {
        let t = c.t
        let month = Day(iso: a.date)?.monthOfYear ?? c.today.monthOfYear
        let choices = try c.read(orEmpty: try UnitReportPage.loadChoices(unit, month, try c.index(), nil)) {
            try UnitReportPage.loadChoices(unit, month, try c.index(), $0)
        }
        let count = errors.values.map(\.count).reduce(0, +)
        var body: [HTML] = [.el("h1", text: t(WebText.activityTitle)), .el("p", [], text: t(WebText.activityIntro))]
        if count > 0 { body.append(Pages.notice(t(WebText.errorsHeading(count)), kind: "error")) }
        let row = UnitReportPage.activityRow(1, a, choices, try c.index(), month, t) { errors[$0] ?? [] }
        body.append(Pages.form(.unitActivity, c, [
            row,
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.addToReport))]),
        ]))
        return Pages.page(t(WebText.activityTitle), context: c, status: status, body: body)
    }
}
