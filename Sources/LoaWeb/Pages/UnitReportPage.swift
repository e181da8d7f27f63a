import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/report/YYYY-MM`: the monthly report as an HTML form with every field of the Markdown form (SPEC §9.3).
/// "Lưu nháp" keeps a draft that counts nowhere; "Gửi báo cáo" records it exactly as `loa import` would, once it
/// answers what a report must (SPEC §9.5). Every write goes through `UnitReports`.
enum UnitReportPage {
    /// What the page needs besides the values: the month's issues, themes and items to choose from, the versions
    /// sent, and the urgent issues already reported this month.
    struct Choices {
        let delivered: [Slot]
        let themes: [ThemeRef]
        let items: [ItemID]
        let history: [(importedOn: Day, source: String, current: Bool)]
        let urgent: [UrgentIssue]
    }

    /// The month when the unit may work on it (`OpenMonths`), else 404.
    static func open(_ m: Month, _ c: RequestContext, unit: UnionUnit) throws -> Month {
        guard OpenMonths.isOpen(m, for: unit, expectation: try c.expectation(), today: c.today) else {
            throw HTTPError(404, c.t(WebText.monthNotOpen))
        }
        return m
    }

    static func unit(_ c: RequestContext) throws -> UnionUnit {
        let code = try c.signedInUnit()
        guard let unit = try c.index().units[code] else { throw HTTPError(403, c.t(WebText.linkInvalid)) }
        return unit
    }

    static func loadChoices(_ unit: UnitCode, _ m: Month, _ index: WorkspaceIndex,
                            _ r: StoreReader?) throws -> Choices {
        Choices(delivered: try r?.issuesDelivered(to: unit, in: m) ?? [],
                themes: index.phases.themes(activeBetween: m.first, and: m.last),
                items: try r?.itemsDelivered(to: unit, in: m) ?? [],
                history: try r?.formHistory(unit: unit, period: m) ?? [],
                urgent: try r?.urgentIssues(unit: unit, period: m) ?? [])
    }

    /// The month's drafting and choices as recorded now.
    static func load(_ unit: UnitCode, _ m: Month, _ c: RequestContext,
                     startFromPrevious: Bool) throws -> (ReportDrafting, Choices) {
        let index = try c.index()
        return try c.read(orEmpty: (ReportDrafting.blank(unit: unit, period: m),
                                    try loadChoices(unit, m, index, nil))) { r in
            (try ReportDrafting.load(unit: unit, period: m, startFromPrevious: startFromPrevious, reader: r),
             try loadChoices(unit, m, index, r))
        }
    }

    static func get(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let unit = try unit(c)
        let m = try open(month, c, unit: unit)
        let previous = c.request.queryValue("start") == "previous"
        let (d, choices) = try load(unit.code.value, m, c, startFromPrevious: previous)
        let notice = c.request.queryValue("saved") != nil
            ? Pages.notice(c.t(WebText.draftSaved(c.t.date(c.today)))) : nil
        return try render(d, choices, c, notice: notice)
    }

    static func post(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let unit = try unit(c)
        let m = try open(month, c, unit: unit)
        var (drafting, choices) = try load(unit.code.value, m, c, startFromPrevious: false)
        drafting.take(c.request.form)
        let s = try c.session()
        switch c.request.formValue("action") {
        case "add-activity":
            return try render(drafting, choices, c, extraActivity: 1)
        case "add-issue":
            return try render(drafting, choices, c, extraIssue: 1)
        case "draft":
            try c.workflow { try UnitReports.saveDraft(drafting.toRecord, session: s) }
            return .redirect(to: .unitReport(m), [("saved", "1")])
        case "submit":
            let index = try c.index()
            switch try c.workflow({ try UnitReports.submit(drafting.toRecord, index: index, session: s) }) {
            case .success: return .redirect(to: .unitReportSent(m))
            case .failure(let problems):
                return try render(drafting, choices, c, errors: FieldErrors(problems.all, c.t), status: 422)
            }
        default:
            throw HTTPError(400, c.t(WebText.badRequest))
        }
    }

    /// Values that came back instead of being recorded: after the session ended, the labelled page asking to
    /// reopen the link (401); once it is open again, or when the key was used with other content, this form filled
    /// with them (200, 409).
    static func returned(_ form: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        UnitPages.returned(form, c) { fields in
            guard case .unitReport(let month)? = Route(parsing: form.path) else { return nil }
            let unit = try unit(c)
            let m = try open(month, c, unit: unit)
            var (drafting, choices) = try load(unit.code.value, m, c, startFromPrevious: false)
            drafting.take(fields)
            return try render(drafting, choices, c, notice: UnitPages.returnedNotice(form, c),
                              status: form.reason.status)
        }
    }

    // MARK: the form

    static func render(_ d: ReportDrafting, _ ch: Choices, _ c: RequestContext, errors: FieldErrors = .none,
                       extraActivity: Int = 0, extraIssue: Int = 0, notice: HTML? = nil,
                       status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let index = try c.index()
        let ws = index.workspace
        let v = d.values
        var shown = Set<String>()
        func errs(_ field: String) -> [String] { shown.insert(field); return errors.on(field) }

        var body: [HTML] = [.el("h1", text: t(WebText.reportTitle(t.month(d.period))))]
        if let notice { body.append(notice) }
        body += try UnitMonthPage.returnedNotices(d.unit, months: [d.period], c)
        body.append(.el("p", [], text: t(WebText.reportIntro(due: t.date(ws.plan.reportDueDate(for: d.period))))))
        if d.source == .sent { body.append(Pages.notice(t(WebText.correctionNote), kind: "info")) }

        // Enter in any field saves the draft: the form's first submit button, out of sight
        var form: [HTML] = [.el("button", [("type", "submit"), ("name", "action"), ("value", "draft"),
                                           ("class", "default-action"), ("tabindex", "-1"), ("aria-hidden", "true")],
                                text: t(WebText.saveDraft))]
        form.append(Pages.field(t(WebText.reporter), for: "reporter",
                                Pages.input("reporter", value: v.reporter, attributes: [("autocomplete", "name")],
                                            invalid: !errors.on("reporter").isEmpty),
                                errors: errs("reporter"), hint: t(WebText.reporterHint)))

        // received: ticked only by the unit (or as it saved or sent them)
        var received: [HTML] = [.el("legend", text: t(WebText.received))]
        if ch.delivered.isEmpty {
            received.append(.el("p", [("class", "muted")], text: t(WebText.noneDelivered)))
        } else {
            received.append(.el("p", [("class", "hint")], text: t(WebText.receivedHint)))
            for (i, s) in ch.delivered.enumerated() {
                received.append(Pages.checkbox("received", value: s.description,
                                               label: t(WebText.issueOf(channel: index.channelName(s.channel),
                                                                        date: t.date(s.date))),
                                               checked: v.received.contains(s.description), id: "received-\(i + 1)"))
            }
        }
        received += Pages.errorLines(errs("received"))
        form.append(.el("fieldset", [("id", "received")], received))

        // activities: the rows there are, plus one empty row to fill (more when one is added)
        let rows = v.filledActivities + Array(repeating: .init(), count: 1 + extraActivity)
        var acts: [HTML] = [.el("legend", text: t(WebText.activities))]
        acts += Pages.errorLines(errs("activities"))
        for (i, a) in rows.enumerated() { acts.append(activityRow(i + 1, a, ch, index, d.period, t, errs)) }
        // the new row's number: the page opens on it
        acts.append(.el("button", [("type", "submit"), ("name", "action"), ("value", "add-activity"),
                                   ("class", "secondary"),
                                   ("formaction", Route.unitReport(d.period).path + "#activity-\(rows.count + 1)")],
                        text: t(WebText.addActivity)))
        acts.append(Pages.checkbox("no-activity", value: "yes", label: t(WebText.noActivity), checked: v.noActivity,
                                   id: "no-activity"))
        acts += Pages.errorLines(errs("no-activity"), id: "no-activity")
        acts.append(Pages.field(t(WebText.noActivityReason), for: "no-activity-reason",
                                Pages.input("no-activity-reason", value: v.noActivityReason),
                                errors: errs("no-activity-reason")))
        form.append(.el("fieldset", [("id", "activities")], acts))

        // feedback: nothing chosen for the unit
        var fb: [HTML] = [.el("legend", text: t(WebText.feedback))]
        fb.append(Pages.field(t(WebText.mood), for: "mood",
                              Pages.select("mood", options: [("", t(WebText.moodNone))]
                                  + Mood.allCases.map { ($0.rawValue, t($0)) },
                                           selected: v.mood, invalid: !errors.on("mood").isEmpty),
                              errors: errs("mood")))
        fb.append(Pages.field(t(WebText.summary), for: "summary",
                              Pages.textarea("summary", value: v.summary, invalid: !errors.on("summary").isEmpty),
                              errors: errs("summary")))
        form.append(.el("fieldset", [], fb))

        // issues: visible ones, one empty row, the kept sensitive ones by topic, the urgent ones of the month
        let issueRows = v.issues.filter { !$0.isEmpty } + Array(repeating: .init(), count: 1 + extraIssue)
        var iss: [HTML] = [.el("legend", text: t(WebText.issues)),
                           .el("p", [("class", "hint")], text: t(WebText.sensitiveHint))]
        if !ch.urgent.isEmpty {
            iss.append(.el("p", [], text: t(WebText.urgentCounted)))
            iss.append(.el("ul", [("class", "plain")], ch.urgent.map {
                .el("li", text: t(WebText.urgentEntry(date: t.date($0.recordedOn), topic: $0.topic)))
            }))
        }
        for (i, issue) in issueRows.enumerated() {
            let n = "issue-\(i + 1)-"
            iss.append(.el("div", [("class", "card"), ("id", "issue-\(i + 1)")], [
                .el("h2", text: t(WebText.issueNumber(i + 1))),
                Pages.field(t(WebText.topic), for: n + "topic", Pages.input(n + "topic", value: issue.topic,
                            invalid: !errors.on(n + "topic").isEmpty), errors: errs(n + "topic")),
                Pages.field(t(WebText.detail), for: n + "detail", Pages.textarea(n + "detail", value: issue.detail),
                            errors: errs(n + "detail")),
                Pages.checkbox(n + "sensitive", value: "true", label: t(WebText.sensitive), checked: issue.sensitive,
                               id: n + "sensitive"),
            ]))
        }
        if !d.hiddenSensitive.isEmpty {
            iss.append(.el("p", [], text: t(WebText.keptSensitive(d.hiddenSensitive.count))))
            for (k, issue) in d.hiddenSensitive.enumerated() {
                iss.append(Pages.checkbox("keep-sensitive", value: String(k + 1),
                                          label: t(WebText.keepSensitive(issue.topic)), checked: true,
                                          id: "keep-sensitive-\(k + 1)"))
            }
        }
        iss.append(.el("button", [("type", "submit"), ("name", "action"), ("value", "add-issue"),
                                  ("class", "secondary"),
                                  ("formaction", Route.unitReport(d.period).path + "#issue-\(issueRows.count + 1)")],
                       text: t(WebText.addIssue)))
        form.append(.el("fieldset", [], iss))

        form.append(Pages.field(t(WebText.notes), for: "note", Pages.textarea("note", value: v.notes, rows: 4),
                                errors: errs("note")))
        form.append(.el("div", [("class", "actions")], [
            .el("button", [("type", "submit"), ("name", "action"), ("value", "submit")], text: t(WebText.sendReport)),
            .el("button", [("type", "submit"), ("name", "action"), ("value", "draft"), ("class", "secondary")],
                text: t(WebText.saveDraft)),
        ]))

        if let box = errors.summaryBox(t, shown: shown) { body.append(box) }
        if d.source == .empty {
            body.append(.el("p", [], [.el("a", [("href", Route.unitReport(d.period).path([("start", "previous")]))],
                                          text: t(WebText.startFromPrevious))]))
        }
        body.append(Pages.form(.unitReport(d.period), c, form))
        if !ch.history.isEmpty {
            body.append(.el("h2", text: t(WebText.history)))
            body.append(.el("ul", [("class", "plain")], ch.history.map {
                .el("li", text: t(WebText.historyEntry(date: t.date($0.importedOn), current: $0.current)))
            }))
        }
        return Pages.page(t(WebText.reportTitle(t.month(d.period))), context: c, status: status, body: body)
    }

    static func activityRow(_ n: Int, _ a: ReportFormValues.ActivityValues, _ ch: Choices, _ index: WorkspaceIndex,
                            _ m: Month, _ t: Localizer, _ errs: (String) -> [String]) -> HTML {
        let p = "activity-\(n)-"
        func field(_ f: String) -> [String] { errs(p + f) }
        let types = [("", "—")] + ActivityType.allCases.map { ($0.rawValue, t($0)) }
        var parts: [HTML] = [
            .el("h2", text: t(WebText.activityNumber(n))),
            Pages.field(t(WebText.date), for: p + "date",
                        Pages.input(p + "date", value: a.date, type: "date",
                                    attributes: [("min", m.first.iso), ("max", m.last.iso)],
                                    invalid: !field("date").isEmpty),
                        errors: field("date")),
            Pages.field(t(WebText.type), for: p + "type",
                        Pages.select(p + "type", options: types, selected: a.type, invalid: !field("type").isEmpty),
                        errors: field("type")),
            Pages.field(t(WebText.title), for: p + "title",
                        Pages.input(p + "title", value: a.title, invalid: !field("title").isEmpty),
                        errors: field("title")),
            Pages.field(t(WebText.participants), for: p + "participants",
                        Pages.input(p + "participants", value: a.participants, type: "number",
                                    attributes: [("min", "0"), ("inputmode", "numeric")],
                                    invalid: !field("participants").isEmpty),
                        errors: field("participants")),
        ]
        // themes by their titles, never their codes
        let themes = ch.themes.enumerated().map { i, ref in
            Pages.checkbox(p + "themes", value: ref.description, label: index.themeName(ref),
                           checked: a.themes.contains(ref.description), id: "\(p)themes-\(i + 1)")
        }
        let themeErrors = Pages.errorLines(field("themes"))
        let themesOpen = !a.themes.isEmpty || !themeErrors.isEmpty
        parts.append(.el("details", [("id", p + "themes")] + (themesOpen ? [("open", "")] : []),
                         [.el("summary", text: t(WebText.chooseThemes))] + themes + themeErrors))
        if !ch.items.isEmpty {
            let items = ch.items.enumerated().map { i, id in
                Pages.checkbox(p + "items", value: id.rawValue, label: index.itemTitle(id),
                               checked: a.items.contains(id.rawValue), id: "\(p)items-\(i + 1)")
            }
            let itemErrors = Pages.errorLines(field("items"))
            let itemsOpen = !a.items.isEmpty || !itemErrors.isEmpty
            parts.append(.el("details", [("id", p + "items")] + (itemsOpen ? [("open", "")] : []),
                             [.el("summary", text: t(WebText.chooseItems))] + items + itemErrors))
        }
        return .el("div", [("class", "card"), ("id", "activity-\(n)")], parts)
    }
}
