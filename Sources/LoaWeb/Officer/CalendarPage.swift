import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/calendar/YYYY-MM`: the month as a grid of weeks × days, Monday first (`MonthGrid`), every entry with its
/// channel and its state in words. Officers confirm, unconfirm, move or remove one entry at a time
/// (`CalendarEditing`, as `loa calendar` does), propose and confirm the month (`loa plan`), and pin an approved
/// item to a day its rules allow (`CalendarRules.pinDays`).
enum CalendarPage {
    /// The grid's changes to one entry.
    enum Change: Sendable { case confirm, unconfirm, move, remove }

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

    /// `POST …/entries/confirm|unconfirm|move|remove` (`item`, `channel`, `date`; `to` for a move): one entry
    /// changed through `CalendarEditing`, the calendar file written as `loa calendar` writes it.
    static func change(_ m: Month, _ c: RequestContext, _ kind: Change) throws -> HTTPResponse {
        let item = ItemID(c.request.formValue("item") ?? "")
        guard let date = c.request.formValue("date").flatMap({ Day(iso: $0) }), date.monthOfYear == m,
              let channel = c.request.formValue("channel").map({ ChannelID($0) }) else {
            return try render(m, c, problems: Failure(.calendar(.noSuchEntry)), status: 422)
        }
        let change: EntryChange
        switch kind {
        case .confirm: change = .confirm
        case .unconfirm: change = .unconfirm
        case .remove: change = .remove
        case .move:
            guard let to = c.request.formValue("to").flatMap({ Day(iso: $0) }) else {
                return try render(m, c, problems: Failure(.calendar(.refused(.pin, leadDays: 0))), status: 422)
            }
            change = .move(to: to)
        }
        let slot = Slot(channel: channel, date: date)
        let result = try c.changing { ws, s throws(Failure) in
            try CalendarEditing.change(change, item: item, slot: slot, workspace: ws, session: s)
        }
        switch result {
        case .success(.unchanged): return .redirect(to: .calendar(m), [("done", "entryUnchanged")])
        case .success: return .redirect(to: .calendar(m), [("done", "entry" + done(kind))])
        case .failure(let f): return try render(m, c, problems: f, status: 422)
        }
    }

    static func done(_ kind: Change) -> String {
        switch kind {
        case .confirm: "Confirmed"
        case .unconfirm: "Unconfirmed"
        case .move: "Moved"
        case .remove: "Removed"
        }
    }

    /// `POST …/pin` (`choice` = `ITEM DATE` from the offered list, or `item` and `date`) and `…/unpin` (`item`):
    /// `loa item pin|unpin`. A pin that would break a rule of the month is refused with the rule in words.
    static func pin(_ m: Month, _ c: RequestContext, unpin: Bool) throws -> HTTPResponse {
        var itemValue = c.request.formValue("item") ?? "", dateValue = c.request.formValue("date") ?? ""
        if let choice = c.request.formValue("choice") {
            let parts = choice.split(separator: " ", maxSplits: 1).map(String.init)
            itemValue = parts.first ?? ""
            dateValue = parts.count > 1 ? parts[1] : ""
        }
        let item = ItemID(itemValue)
        let date = Day(iso: dateValue)
        if !unpin && date == nil {
            return try render(m, c, problems: Failure(.calendar(.pinRefused(.pin, leadDays: 0))), status: 422)
        }
        let result = try c.changing { ws, s throws(Failure) -> Editorial.Outcome in
            if !unpin, let date, date.monthOfYear == m, let listed = ws.items.first(where: { $0.id.value == item }) {
                let rules = try CalendarEditing.rules(m, workspace: ws, session: s)
                if let rule = rules.pinRule(listed, date) {
                    let lead = listed.channels.compactMap { ref in ws.channels.first { $0.id.value == ref.value } }
                        .map(\.leadDays).max() ?? 0
                    throw Failure(.calendar(.pinRefused(rule, leadDays: lead)))
                }
            }
            return try Editorial.pin(item, on: unpin ? nil : date, workspace: ws, session: s)
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
        let rules = try c.reading { () throws(Failure) in try CalendarEditing.rules(m, workspace: ws, session: s) }
        let grid = MonthGrid(workspace: ws, month: m, entries: rules.entries, publishedSlots: rules.publishedSlots,
                             today: c.today)
        let index = WorkspaceIndex(ws)
        let overdue = rules.overdueApprovals()

        var body: [HTML] = [
            .el("h1", text: t(OfficerText.calendarTitle(t.month(m)))),
            .el("p", [("class", "pager")], [
                .el("a", [("href", Route.calendar(m.previous).path)], text: "← " + t.month(m.previous)),
                .el("a", [("href", Route.calendar(m.next).path)], text: t.month(m.next) + " →"),
            ]),
        ]
        body += OfficerUI.doneNotice(c)
        if let key = c.request.queryValue("done"), let text = CalendarText.done(key) {
            body.append(Pages.notice(t(text)))
        }
        if let problems { body.append(failure(problems, c)) }
        let counts = grid.counts
        var legend: [HTML] = [
            OfficerUI.badge(t(OfficerText.entryState(.proposed)) + " \(counts[.proposed] ?? 0)", "proposed"),
            OfficerUI.badge(t(OfficerText.entryState(.confirmed)) + " \(counts[.confirmed] ?? 0)", "confirmed"),
            OfficerUI.badge(t(OfficerText.entryState(.published)) + " \(counts[.published] ?? 0)", "published"),
            OfficerUI.badge(t(OfficerText.emptySlots(grid.emptySlots.count)), "empty"),
        ]
        if !overdue.isEmpty {
            legend.append(OfficerUI.badge(t(CalendarText.overdueApproval) + " \(overdue.count)", "overdue"))
        }
        body.append(.el("p", [("class", "legend")], legend))
        body.append(.el("p", [("class", "muted")], text: t(CalendarText.legendHint)))
        if c.principal.isOfficer {
            body.append(.el("div", [("class", "actions")], [
                OfficerUI.button(.calendarPropose(m), t(OfficerText.propose), c),
                OfficerUI.button(.calendarConfirm(m), t(OfficerText.confirmAll), c, secondary: true),
            ]))
            body.append(.el("p", [("class", "muted")], text: t(CalendarText.consentHint)))
        }
        body.append(weeks(grid, rules, overdue, index, c))
        body.append(pins(grid, rules, ws, index, c))
        return OfficerUI.page(t(OfficerText.calendarTitle(t.month(m))), c, status: status, body)
    }

    /// The messages of a refused change, in words only (the command line names the file and the rule's number; a
    /// page names the item, the channel and the rule in a sentence).
    static func failure(_ f: Failure, _ c: RequestContext) -> HTML {
        let index = try? c.index()
        func said(_ m: Message) -> String {
            let t = c.t
            switch m {
            case .pinBreaks(let item, let channel, let date, let rule):
                let lead = index?.channels[channel]?.leadDays ?? 0
                return t(CalendarText.pinBreaks(title: index?.itemTitle(item) ?? item.rawValue,
                                                channel: index?.channelName(channel) ?? channel.rawValue,
                                                date: t.date(date), rule: rule, leadDays: lead))
            case .pinWithoutSlot(let item, _, let date):
                let title = index?.itemTitle(item) ?? item.rawValue
                return t(CalendarText.pinWithoutIssue(title: title, date: t.date(date)))
            default: return m.inWords.text(c.language)
            }
        }
        return .el("div", [("class", "notice error"), ("role", "alert")], [
            .el("p", [], [.el("strong", text: c.t(OfficerText.notDone))]),
            .el("ul", [], f.diagnostics.filter { $0.severity == .error }.map { .el("li", [], text: said($0.message)) }),
        ])
    }

    /// The month as weeks × days, Monday first; days of the months around it are blank.
    static func weeks(_ grid: MonthGrid, _ rules: CalendarRules, _ overdue: [OverdueApproval],
                      _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        let head = HTML.el("tr", [], (1...7).map { d in
            .el("th", [("scope", "col")], text: t(CalendarText.weekday(d)))
        })
        var weeks: [[MonthGrid.Row?]] = []
        var week: [MonthGrid.Row?] = Array(repeating: nil, count: (grid.rows.first?.date.weekday ?? 1) - 1)
        for row in grid.rows {
            week.append(row)
            if week.count == 7 { weeks.append(week); week = [] }
        }
        if !week.isEmpty { weeks.append(week + Array(repeating: nil, count: 7 - week.count)) }
        let late = Dictionary(grouping: overdue, by: \.slot.date)
        let rows = weeks.map { days in
            HTML.el("tr", [], days.map { row in
                guard let row else { return .el("td", [("class", "out")]) }
                return day(row, grid, rules, late[row.date] ?? [], index, c)
            })
        }
        return .el("div", [("class", "scroll")], [
            .el("table", [("class", "month")], [.el("thead", [], [head]), .el("tbody", [], rows)]),
        ])
    }

    /// One day: its number (and weekday, which a phone shows), observances, overdue approvals, and each slot.
    static func day(_ row: MonthGrid.Row, _ grid: MonthGrid, _ rules: CalendarRules, _ overdue: [OverdueApproval],
                    _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        var parts: [HTML] = [.el("p", [("class", "date")], [
            .el("span", [("class", "wd")], text: t(CalendarText.weekday(row.date.weekday)) + ", "),
            .text(t.shortDate(row.date)),
        ])]
        for o in row.observances {
            let label = o.anniversary.map { "\(o.observance.name) (\(t(DocumentText.anniversaryYears($0))))" }
                ?? o.observance.name
            parts.append(.el("p", [("class", o.roundness > 0 ? "observance round" : "observance")], text: "★ " + label))
        }
        for o in overdue {
            parts.append(.el("p", [("class", "overdue")], [
                OfficerUI.badge(t(CalendarText.overdueApproval), "overdue"), .text(" "),
                .el("a", [("href", Route.item(o.item).path)],
                    text: t(CalendarText.overdueLine(title: index.itemTitle(o.item), deadline: t.date(o.deadline)))),
            ]))
        }
        for cell in row.cells.compactMap({ $0 }) { parts.append(slot(cell, rules, index, c)) }
        let classes = ["day", row.hasSlot ? nil : "noslot", row.date.isWeekend ? "weekend" : nil,
                       row.date == c.today ? "today" : nil, row.observances.isEmpty && overdue.isEmpty ? nil : "marked"]
        return .el("td", [("class", classes.compactMap { $0 }.joined(separator: " "))], parts)
    }

    /// One slot: the channel's name, each entry with its state and its actions, room left, the issue.
    static func slot(_ cell: MonthGrid.Cell, _ rules: CalendarRules, _ index: WorkspaceIndex,
                     _ c: RequestContext) -> HTML {
        let t = c.t
        let name = index.channelName(cell.slot.channel)
        var parts: [HTML] = [.el("p", [("class", "channel")], text: name)]
        if !cell.entries.isEmpty {
            parts.append(.el("ul", [], cell.entries.map { e in entry(e, cell, name, rules, index, c) }))
        }
        let issue = Route.issue(cell.slot).path
        if cell.published {
            parts.append(.el("a", [("class", "small"), ("href", issue)], text: t(OfficerText.readIssue)))
        } else {
            if cell.free > 0 {
                let text = cell.passed ? t(OfficerText.passedSlot) : t(CommandText.free(cell.free))
                parts.append(.el("p", [("class", cell.entries.isEmpty && !cell.passed ? "free empty" : "free")],
                                 text: text))
            }
            if cell.publishable {
                parts.append(.el("a", [("class", "small"), ("href", issue)], text: t(OfficerText.previewAndPublish)))
            }
        }
        return .el("div", [("class", cell.published ? "slot published" : "slot"),
                           ("data-channel", cell.slot.channel.rawValue)], parts)
    }

    /// An entry: its title, its channel and state in words, and (officers, before publication) its actions.
    static func entry(_ e: MonthGrid.Entry, _ cell: MonthGrid.Cell, _ channelName: String, _ rules: CalendarRules,
                      _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        let m = rules.month
        var parts: [HTML] = [
            .el("a", [("href", Route.item(e.item).path)], text: index.itemTitle(e.item)), .text(" "),
            OfficerUI.badge(t(OfficerText.entryState(e.state)), e.state.rawValue),
        ]
        if c.principal.isOfficer && !cell.published {
            let fields = [("item", e.item.rawValue), ("channel", cell.slot.channel.rawValue),
                          ("date", cell.slot.date.iso)]
            var actions: [HTML] = [
                e.state == .confirmed
                    ? OfficerUI.button(.calendarEntryUnconfirm(m), t(CalendarText.unconfirm), c, fields: fields,
                                       secondary: true)
                    : OfficerUI.button(.calendarEntryConfirm(m), t(CalendarText.confirm), c, fields: fields),
            ]
            let scheduled = ScheduleEntry(item: e.item, channel: cell.slot.channel, date: cell.slot.date,
                                          confirmed: e.state == .confirmed)
            let targets = rules.moveTargets(scheduled)
            if targets.isEmpty {
                let pinned = index.items[e.item]?.pin?.value == cell.slot.date
                actions.append(.el("p", [("class", "muted small")],
                                   text: t(pinned ? CalendarText.pinnedHere : CalendarText.noMoveTarget)))
            } else {
                let id = "move-\(e.item)-\(cell.slot.channel)-\(cell.slot.date.iso)"
                actions.append(Pages.form(.calendarEntryMove(m), c, attributes: [("class", "move")],
                    fields.map { Pages.hidden($0.0, $0.1) } + [
                        .el("label", [("for", id)], text: t(CalendarText.moveTo)),
                        .el("select", [("id", id), ("name", "to")], targets.map { d in
                            .el("option", [("value", d.iso)], text: t.weekdayDate(d))
                        }),
                        .el("button", [("type", "submit"), ("class", "secondary")], text: t(CalendarText.move)),
                    ]))
            }
            actions.append(OfficerUI.button(.calendarEntryRemove(m), t(CalendarText.remove), c, fields: fields,
                                            secondary: true))
            parts.append(.el("details", [("class", "entry-actions")], [
                .el("summary", [("aria-label", t(CalendarText.entryActions) + ": " + index.itemTitle(e.item) + " ("
                                  + channelName + ")")], text: t(CalendarText.entryActions)),
            ] + actions))
        }
        return .el("li", [("class", "entry \(e.state.rawValue)"), ("data-item", e.item.rawValue)], parts)
    }

    /// The month's pins, with "unpin", and (officers) the days each approved item may be pinned to.
    static func pins(_ grid: MonthGrid, _ rules: CalendarRules, _ ws: Workspace, _ index: WorkspaceIndex,
                     _ c: RequestContext) -> HTML {
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
        let items = ws.items.filter { $0.status == .approved }
            .sorted { ($0.title, $0.id.value) < ($1.title, $1.id.value) }
        let groups: [HTML] = items.compactMap { item in
            let days = rules.pinDays(item).filter { item.pin?.value != $0 }
            guard !days.isEmpty else { return nil }
            return .el("optgroup", [("label", item.title)], days.map { d in
                let channels = ItemReview.pinChannels(item, on: d, channels: ws.channels).map(index.channelName)
                return .el("option", [("value", "\(item.id.value) \(d.iso)")],
                           text: t.weekdayDate(d) + " — " + channels.joined(separator: ", "))
            })
        }
        if groups.isEmpty {
            parts.append(.el("p", [], text: t(CalendarText.noPinChoice)))
        } else {
            parts.append(Pages.form(.calendarPin(m), c, attributes: [("class", "row")], [
                Pages.field(t(CalendarText.pinChoice), for: "pin-choice",
                            .el("select", [("id", "pin-choice"), ("name", "choice")], groups)),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.pin))]),
            ]))
        }
        parts.append(.el("p", [("class", "muted")], text: t(CalendarText.pinOffersHint)))
        return .el("section", [("class", "card")], parts)
    }
}
