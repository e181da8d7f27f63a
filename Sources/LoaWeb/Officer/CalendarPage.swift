import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/calendar/YYYY-MM`: the month as a grid of days × channels (`MonthGrid`), with "propose" and "confirm" doing
/// exactly what `loa plan` and `loa plan --confirm` do, pins set from the page, and each slot's issue a click away.
enum CalendarPage {
    /// `POST …/propose` and `…/confirm`: `Planning.plan` through the audited editorial door.
    static func plan(_ m: Month, _ c: RequestContext, confirm: Bool) throws -> HTTPResponse {
        let result = try c.changing { ws, s throws(Failure) in
            try Editorial.plan(m, confirm: confirm, workspace: ws, session: s)
        }
        switch result {
        case .success: return .redirect(to: .calendar(m), [("done", confirm ? "confirmed" : "proposed")])
        case .failure(let f): return try render(m, c, problems: f, status: 422)
        }
    }

    /// `POST …/pin` (`item`, `date`) and `…/unpin` (`item`): `loa item pin|unpin`.
    static func pin(_ m: Month, _ c: RequestContext, unpin: Bool) throws -> HTTPResponse {
        let item = ItemID(c.request.formValue("item") ?? "")
        let date = c.request.formValue("date").flatMap { Day(iso: $0) }
        if !unpin && date == nil {
            return try render(m, c, problems: Failure(.invalidArgument(c.request.formValue("date") ?? "",
                                                                         expected: "YYYY-MM-DD")), status: 422)
        }
        let result = try c.changing { ws, s throws(Failure) in
            try Editorial.pin(item, on: unpin ? nil : date, workspace: ws, session: s)
        }
        switch result {
        case .success(let outcome):
            let done = outcome == .unchanged ? "unchanged" : unpin ? "unpinned" : "pinned"
            return .redirect(to: .calendar(m), [("done", done)])
        case .failure(let f): return try render(m, c, problems: f, status: 422)
        }
    }

    static func render(_ m: Month, _ c: RequestContext, problems: Failure? = nil, status: Int = 200) throws
        -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let s = try c.session()
        let entries = try c.reading { () throws(Failure) in try Calendars.entries(of: m, in: s.paths) }
        let published = try c.read(orEmpty: Set<Slot>()) { try $0.publishedSlots(from: m.first, to: m.last) }
        let grid = MonthGrid(workspace: ws, month: m, entries: entries, publishedSlots: published, today: c.today)
        let index = WorkspaceIndex(ws)

        var body: [HTML] = [
            .el("h1", text: t(OfficerText.calendarTitle(t.month(m)))),
            .el("p", [("class", "pager")], [
                .el("a", [("href", Route.calendar(m.previous).path)], text: "← " + t.month(m.previous)),
                .el("a", [("href", Route.calendar(m.next).path)], text: t.month(m.next) + " →"),
            ]),
        ]
        body += OfficerUI.doneNotice(c)
        if let problems { body.append(OfficerUI.failure(problems, c)) }
        let counts = grid.counts
        body.append(.el("p", [("class", "legend")], [
            OfficerUI.badge(t(OfficerText.entryState(.proposed)) + " \(counts[.proposed] ?? 0)", "proposed"),
            OfficerUI.badge(t(OfficerText.entryState(.confirmed)) + " \(counts[.confirmed] ?? 0)", "confirmed"),
            OfficerUI.badge(t(OfficerText.entryState(.published)) + " \(counts[.published] ?? 0)", "published"),
            OfficerUI.badge(t(OfficerText.emptySlots(grid.emptySlots.count)), "empty"),
        ]))
        if c.principal.isOfficer {
            body.append(.el("div", [("class", "actions")], [
                OfficerUI.button(.calendarPropose(m), t(OfficerText.propose), c),
                OfficerUI.button(.calendarConfirm(m), t(OfficerText.confirmAll), c, secondary: true),
            ]))
            body.append(.el("p", [("class", "muted")], text: t(OfficerText.planHint)))
        }
        body.append(table(grid, index, c))
        body.append(pins(grid, ws, index, c))
        return OfficerUI.page(t(OfficerText.calendarTitle(t.month(m))), c, status: status, body)
    }

    static func table(_ grid: MonthGrid, _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        let head = HTML.el("tr", [], [.el("th", [("scope", "col")], text: t(OfficerText.day))]
            + grid.channels.map { .el("th", [("scope", "col")], text: index.channelName($0)) })
        let rows = grid.rows.map { row -> HTML in
            var day: [HTML] = [.text(t.shortDate(row.date)), .el("small", text: " " + weekday(row.date, t))]
            for o in row.observances {
                let label = o.anniversary.map { "\(o.observance.name) (\(t(DocumentText.anniversaryYears($0))))" }
                    ?? o.observance.name
                let kind = o.roundness > 0 ? "observance round" : "observance"
                day.append(.el("div", [("class", kind)], text: "★ " + label))
            }
            let classes = [row.hasSlot ? nil : "noslot", row.observances.isEmpty ? nil : "marked",
                           row.date.isWeekend ? "weekend" : nil].compactMap { $0 }.joined(separator: " ")
            return .el("tr", classes.isEmpty ? [] : [("class", classes)],
                       [.el("th", [("scope", "row")], day)] + row.cells.map { cell(_: $0, index, c) })
        }
        return .el("div", [("class", "scroll")], [
            .el("table", [("class", "grid")], [.el("thead", [], [head]), .el("tbody", [], rows)]),
        ])
    }

    static func cell(_ cell: MonthGrid.Cell?, _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        guard let cell else { return .el("td", [("class", "none")]) }
        var parts: [HTML] = []
        if !cell.entries.isEmpty {
            parts.append(.el("ul", [], cell.entries.map { e in
                .el("li", [("class", "entry \(e.state.rawValue)")], [
                    .el("a", [("href", Route.item(e.item).path)], text: index.itemTitle(e.item)), .text(" "),
                    OfficerUI.badge(t(OfficerText.entryState(e.state)), e.state.rawValue),
                ])
            }))
        }
        let issue = Route.issue(cell.slot).path
        if cell.published {
            parts.append(.el("a", [("class", "small"), ("href", issue)], text: t(OfficerText.readIssue)))
        } else {
            if cell.free > 0 {
                let text = cell.passed ? t(OfficerText.passedSlot) : t(CommandText.free(cell.free))
                let kind = cell.entries.isEmpty && !cell.passed ? "free empty" : "free"
                parts.append(.el("p", [("class", kind)], text: text))
            }
            if cell.publishable {
                parts.append(.el("a", [("class", "small"), ("href", issue)], text: t(OfficerText.previewAndPublish)))
            }
        }
        // the channel's name, which a phone shows above the slot when the grid becomes a list
        return .el("td", [("class", cell.published ? "slot published" : "slot"),
                          ("data-channel", index.channelName(cell.slot.channel))], parts)
    }

    static func weekday(_ d: Day, _ t: Localizer) -> String {
        String(t.weekdayDate(d).split(separator: t.language == .vi ? "," : " ").first ?? "")
    }

    /// The month's pins, with "unpin", and a form that pins an approved item to a slot day (officers).
    static func pins(_ grid: MonthGrid, _ ws: Workspace, _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        let m = grid.month
        var parts: [HTML] = [.el("h2", text: t(OfficerText.pinsTitle))]
        if grid.pins.isEmpty {
            parts.append(.el("p", [("class", "muted")], text: t(OfficerText.noPins)))
        } else {
            parts.append(.el("ul", [("class", "plain")], grid.pins.map { p in
                var line: [HTML] = [.text(t.date(p.date) + " — "), .el("a", [("href", Route.item(p.item).path)],
                                                                         text: index.itemTitle(p.item))]
                if c.principal.isOfficer {
                    line += [.text(" "), OfficerUI.button(.calendarUnpin(m), t(OfficerText.unpin), c,
                                                          fields: [("item", p.item.rawValue)], secondary: true)]
                }
                return .el("li", [], line)
            }))
        }
        guard c.principal.isOfficer else { return .el("section", [("class", "card")], parts) }
        let days = Array(Set(grid.cells.filter { !$0.passed && !$0.published }.map(\.slot.date))).sorted()
        let items = ws.items.filter { $0.status == .approved }
            .sorted { ($0.title, $0.id.value) < ($1.title, $1.id.value) }
        parts.append(Pages.form(.calendarPin(m), c, attributes: [("class", "row")], [
            Pages.field(t(OfficerText.pinItem), for: "pin-item",
                        .el("select", [("id", "pin-item"), ("name", "item")], items.map { i in
                            .el("option", [("value", i.id.value.rawValue)], text: i.title)
                        })),
            Pages.field(t(OfficerText.pinDate), for: "pin-date",
                        .el("select", [("id", "pin-date"), ("name", "date")], days.map { d in
                            .el("option", [("value", d.iso)], text: t.weekdayDate(d))
                        })),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.pin))]),
        ]))
        parts.append(.el("p", [("class", "muted")], text: t(OfficerText.pinHint)))
        return .el("section", [("class", "card")], parts)
    }
}
