import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/report/YYYY-MM`: the monthly report as an HTML form with every field of the Markdown form (SPEC §9.3).
/// "Lưu nháp" keeps a draft that counts nowhere; "Gửi báo cáo" records it exactly as `loa import` would.
enum UnitReportPage {
    /// What the page needs besides the values: the month's issues, themes and items to choose from.
    struct Choices {
        let delivered: [Slot]
        let themes: [ThemeRef]
        let items: [ItemID]
        let history: [(importedOn: Day, source: String, current: Bool)]
    }

    /// The month when the unit may work on it (`OpenMonths`), else 404.
    static func open(_ m: Month, _ c: RequestContext, unit: UnionUnit, plan: Plan) throws -> Month {
        let first = try c.read(orEmpty: Month?.none) { try $0.firstReportedPeriod() }
        guard OpenMonths.isOpen(m, for: unit, plan: plan, firstReported: first, today: c.today) else {
            throw HTTPError(404, c.t(WebText.monthNotOpen))
        }
        return m
    }

    static func unit(_ c: RequestContext, _ ws: Workspace) throws -> UnionUnit {
        let code = try c.signedInUnit()
        guard let unit = try c.index().units[code] else { throw HTTPError(403, c.t(WebText.linkInvalid)) }
        return unit
    }

    static func loadChoices(_ unit: UnitCode, _ m: Month, _ index: WorkspaceIndex,
        _ r: StoreReader?) throws -> Choices {
        Choices(delivered: try r?.issuesDelivered(to: unit, in: m) ?? [],
                themes: index.phases.themes(activeBetween: m.first, and: m.last),
                items: try r?.itemsDelivered(to: unit, in: m) ?? [],
                history: try r?.formHistory(unit: unit, period: m) ?? [])
    }

    static func get(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let unit = try unit(c, ws)
        let m = try open(month, c, unit: unit, plan: ws.plan)
        let (drafting, choices) = try c.read(orEmpty: (Optional<ReportDrafting>.none,
            try loadChoices(unit.code.value, m, try c.index(), nil))) { r in
            let ch = try loadChoices(unit.code.value, m, try c.index(), r)
            return (try ReportDrafting.load(unit: unit.code.value, period: m,
                                            startFromPrevious: c.request.queryValue("start") == "previous",
                                            delivered: ch.delivered, reader: r), ch)
        }
        let d = drafting ?? emptyDrafting(unit.code.value, m, choices)
        let notice = c.request.queryValue("saved") != nil
            ? Pages.notice(c.t(WebText.draftSaved(c.t.date(c.today)))) : nil
        return render(d, choices, ws, c, errors: ([:], []), extraActivity: 0, extraIssue: 0, notice: notice,
            status: 200)
    }

    /// No database yet: an empty form, as `load` would give.
    static func emptyDrafting(_ unit: UnitCode, _ m: Month, _ ch: Choices) -> ReportDrafting {
        ReportDrafting.blank(unit: unit, period: m)
    }

    static func post(_ month: Month, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let unit = try unit(c, ws)
        let m = try open(month, c, unit: unit, plan: ws.plan)
        let code = unit.code.value
        var (drafting, choices) = try c.read(orEmpty: (ReportDrafting.blank(unit: code, period: m),
            try loadChoices(code, m, try c.index(), nil))) { r in
            let ch = try loadChoices(code, m, try c.index(), r)
            return (try ReportDrafting.load(unit: code, period: m, startFromPrevious: false, delivered: ch.delivered,
                reader: r), ch)
        }
        drafting.take(c.request)
        let t = c.t
        switch c.request.formValue("action") {
        case "add-activity":
            return render(drafting, choices, ws, c, errors: ([:], []), extraActivity: 1, extraIssue: 0, notice: nil,
                status: 200)
        case "add-issue":
            return render(drafting, choices, ws, c, errors: ([:], []), extraActivity: 0, extraIssue: 1, notice: nil,
                status: 200)
        case "draft":
            let text = drafting.written(submittedOn: nil).text
            try c.write { w in
                try w.saveDraft(unit: code, period: m, content: text, today: c.today)
                try w.audit(AuditEntry(day: c.today, actor: .unit(code), command: "web", action: .draftSaved,
                                       subject: "\(code)/\(m.iso)", detail: nil))
            }
            return .redirect(to: .unitReport(m), [("saved", "1")])
        case "submit":
            let written = drafting.written(submittedOn: c.today)
            let s = try c.session()
            let result: Importing.FileResult
            do {
                result = try Importing.importText(written.text, name: "web:\(code)/\(m.iso)",
                                                  options: .init(onlyUnit: code, archiveInbox: false), workspace: ws,
                                                      session: s,
                                                  index: try c.index())
            } catch let f as Failure { throw HTTPError(500, c.describe(f)) }
            guard result.outcome != .rejected else {
                let errors = ReportDrafting.fieldErrors(result.errors, written: written, language: c.language)
                return render(drafting, choices, ws, c, errors: errors, extraActivity: 0, extraIssue: 0, notice: nil,
                    status: 422)
            }
            try c.write { try $0.deleteDraft(unit: code, period: m) }
            return .redirect(to: .unitHome, [("sent", m.iso)])
        default:
            throw HTTPError(400, t(WebText.badRequest))
        }
    }

    // MARK: the form

    static func render(_ d: ReportDrafting, _ ch: Choices, _ ws: Workspace, _ c: RequestContext,
                       errors: (byField: [String: [String]], general: [String]), extraActivity: Int, extraIssue: Int,
                       notice: HTML?, status: Int) -> HTTPResponse {
        let t = c.t
        let index = (try? c.index()) ?? WorkspaceIndex(ws)
        let v = d.values
        var shown = Set<String>()
        func errs(_ field: String) -> [String] { shown.insert(field); return errors.byField[field] ?? [] }

        var body: [HTML] = [.el("h1", text: t(WebText.reportTitle(t.month(d.period))))]
        if let notice { body.append(notice) }
        body.append(.el("p", [], text: t(WebText.reportIntro(due: t.date(ws.plan.reportDueDate(for: d.period))))))
        if d.source == .sent { body.append(Pages.notice(t(WebText.correctionNote), kind: "info")) }

        var form: [HTML] = []
        // reporter
        form.append(Pages.field(t(WebText.reporter), for: "reporter",
                                Pages.input("reporter", value: v.reporter, attributes: [("autocomplete", "name")],
                                            invalid: !(errors.byField["reporter"] ?? []).isEmpty),
                                errors: errs("reporter"), hint: t(WebText.reporterHint)))
        // received
        var received: [HTML] = [.el("legend", text: t(WebText.received))]
        if ch.delivered.isEmpty {
            received.append(.el("p", [("class", "muted")], text: t(WebText.noneDelivered)))
        } else {
            received.append(.el("small", text: t(WebText.receivedHint)))
            for (i, s) in ch.delivered.enumerated() {
                received.append(Pages.checkbox("received", value: s.description,
                                               label: t(WebText.issueOf(channel: index.channelName(s.channel),
                                                   date: t.date(s.date))),
                                               checked: v.received.contains(s.description), id: "received-\(i + 1)"))
            }
        }
        for e in errs("received") { received.append(.el("p", [("class", "error"), ("role", "alert")], text: e)) }
        form.append(.el("fieldset", [], received))

        // activities: the rows there are, plus one empty row to fill
        let rows = v.activities.filter { !$0.isEmpty } + Array(repeating: .init(), count: 1 + extraActivity)
        var acts: [HTML] = [.el("legend", text: t(WebText.activities))]
        for (i, a) in rows.enumerated() {
            acts.append(activityRow(i + 1, a, ch, index, d.period, t, errs))
        }
        acts.append(.el("button",
            [("type", "submit"), ("name", "action"), ("value", "add-activity"), ("class", "secondary")],
                        text: t(WebText.addActivity)))
        form.append(.el("fieldset", [], acts))

        // feedback
        var fb: [HTML] = [.el("legend", text: t(WebText.feedback))]
        fb.append(Pages.field(t(WebText.mood), for: "mood",
                              Pages.select("mood", options: [("", t(WebText.moodNone))]
                                  + Mood.allCases.map { ($0.rawValue, t($0)) },
                                           selected: v.mood, invalid: !(errors.byField["mood"] ?? []).isEmpty),
                              errors: errs("mood")))
        fb.append(Pages.field(t(WebText.summary), for: "summary",
                              Pages.textarea("summary", value: v.summary,
                                  invalid: !(errors.byField["summary"] ?? []).isEmpty),
                              errors: errs("summary")))
        form.append(.el("fieldset", [], fb))

        // issues: visible ones, one empty row, and the kept sensitive ones (hidden)
        let issueRows = v.issues.filter { !$0.isEmpty } + Array(repeating: .init(), count: 1 + extraIssue)
        var iss: [HTML] = [.el("legend", text: t(WebText.issues)), .el("small", text: t(WebText.sensitiveHint))]
        for (i, issue) in issueRows.enumerated() {
            let n = "issue-\(i + 1)-"
            iss.append(.el("div", [("class", "card")], [
                .el("h3", text: t(WebText.issueNumber(i + 1))),
                Pages.field(t(WebText.topic), for: n + "topic", Pages.input(n + "topic", value: issue.topic,
                            invalid: !(errors.byField[n + "topic"] ?? []).isEmpty), errors: errs(n + "topic")),
                Pages.field(t(WebText.detail), for: n + "detail", Pages.textarea(n + "detail", value: issue.detail),
                            errors: errs(n + "detail")),
                Pages.checkbox(n + "sensitive", value: "true", label: t(WebText.sensitive), checked: issue.sensitive,
                               id: n + "sensitive"),
            ]))
        }
        if !d.hiddenSensitive.isEmpty {
            iss.append(.el("p", [], text: t(WebText.keptSensitive(d.hiddenSensitive.count))))
            for k in 1...d.hiddenSensitive.count {
                iss.append(Pages.checkbox("keep-sensitive", value: String(k), label: t(WebText.keepSensitive(k)),
                    checked: true,
                                          id: "keep-sensitive-\(k)"))
            }
        }
        iss.append(.el("button", [("type", "submit"), ("name", "action"), ("value", "add-issue"),
            ("class", "secondary")],
                       text: t(WebText.addIssue)))
        form.append(.el("fieldset", [], iss))

        form.append(Pages.field(t(WebText.notes), for: "note", Pages.textarea("note", value: v.notes, rows: 4),
                                errors: errs("note")))
        form.append(.el("div", [("class", "actions")], [
            .el("button", [("type", "submit"), ("name", "action"), ("value", "submit")], text: t(WebText.sendReport)),
            .el("button", [("type", "submit"), ("name", "action"), ("value", "draft"), ("class", "secondary")],
                text: t(WebText.saveDraft)),
        ]))

        // errors that belong to no field on the page go on top
        let general = errors.general + errors.byField.filter { !shown.contains($0.key) }.flatMap(\.value)
        let count = general.count + errors.byField.filter { shown.contains($0.key) }.map(\.value.count).reduce(0, +)
        if count > 0 {
            body.append(.el("div", [("class", "notice error"), ("role", "alert")],
                            [.el("p", [], [.el("strong", text: t(WebText.errorsHeading(count)))]),
                                .el("p", text: t(WebText.fixAndSend))]
                            + (general.isEmpty ? [] : [.el("ul", [], general.map { .el("li", text: $0) })])))
        }
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
        func invalid(_ f: String) -> Bool { !errs(p + f).isEmpty }
        let types = [("", "—")] + ActivityType.allCases.map { ($0.rawValue, t($0)) }
        var parts: [HTML] = [
            .el("h3", text: t(WebText.activityNumber(n))),
            Pages.field(t(WebText.date), for: p + "date",
                        Pages.input(p + "date", value: a.date, type: "date",
                                    attributes: [("min", m.first.iso), ("max", m.last.iso)], invalid: invalid("date")),
                        errors: errs(p + "date")),
            Pages.field(t(WebText.type), for: p + "type", Pages.select(p + "type", options: types, selected: a.type,
                                                                       invalid: invalid("type")),
                                                                           errors: errs(p + "type")),
            Pages.field(t(WebText.title), for: p + "title",
                Pages.input(p + "title", value: a.title, invalid: invalid("title")),
                        errors: errs(p + "title")),
            Pages.field(t(WebText.participants), for: p + "participants",
                        Pages.input(p + "participants", value: a.participants, type: "number",
                                    attributes: [("min", "0"), ("inputmode", "numeric")],
                                        invalid: invalid("participants")),
                        errors: errs(p + "participants")),
        ]
        let themes = ch.themes.enumerated().map { i, ref in
            Pages.checkbox(p + "themes", value: ref.description, label: "\(ref) — \(index.themeTitle(ref))",
                           checked: a.themes.contains(ref.description), id: "\(p)themes-\(i + 1)")
        }
        let themeErrors = errs(p + "themes").map { HTML.el("p", [("class", "error"), ("role", "alert")], text: $0) }
        parts.append(.el("details", a.themes.isEmpty && themeErrors.isEmpty ? [] : [("open", "")],
                         [.el("summary", text: t(WebText.chooseThemes))] + themes + themeErrors))
        if !ch.items.isEmpty {
            let items = ch.items.enumerated().map { i, id in
                Pages.checkbox(p + "items", value: id.rawValue, label: index.itemTitle(id),
                    checked: a.items.contains(id.rawValue),
                               id: "\(p)items-\(i + 1)")
            }
            let itemErrors = errs(p + "items").map { HTML.el("p", [("class", "error"), ("role", "alert")], text: $0) }
            parts.append(.el("details", a.items.isEmpty && itemErrors.isEmpty ? [] : [("open", "")],
                             [.el("summary", text: t(WebText.chooseItems))] + items + itemErrors))
        }
        return .el("div", [("class", "card")], parts)
    }
}
