import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/dashboard`: what `loa status` shows (the same `StatusFigures`), each entry linking to where it is handled.
enum DashboardPage {
    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let name = try c.signedInUser()
        let t = c.t
        let ws = try c.workspace()
        let s = try c.session()
        let f = try c.reading { () throws(Failure) in try Status.figures(workspace: ws, session: s) }
        let index = WorkspaceIndex(ws)
        let calendar = Route.calendar(f.month).path
        var body: [HTML] = [
            .el("h1", text: t(OfficerText.dashboardTitle(t.weekdayDate(f.today)))),
            .el("p", [("class", "muted")], text: t(WebText.signedInAs(name))),
        ]

        var approvals: [HTML] = [.el("h2", text: t(CommandText.statusApprovals(StatusFigures.approvalHorizonDays)))]
        approvals.append(f.approvalsDue.isEmpty ? none(c) : .el("ul", [("class", "plain")], f.approvalsDue.map { a in
            .el("li", [], [
                .el("a", [("href", Route.item(a.item).path)], text: index.itemTitle(a.item)), .text(" — "),
                .text(t(OfficerText.approvalDue(deadline: t.date(a.deadline), channel: index.channelName(a.channel),
                                                slot: t.date(a.slot)))),
            ])
        }))

        var slots: [HTML] = [heading(t(CommandText.statusSlots(t.month(f.month))), calendar)]
        slots.append(.el("ul", [("class", "plain")], f.slots.map { s in
            .el("li", [], [
                .el("a", [("href", Route.issue(s.slot).path)],
                    text: t.shortDate(s.slot.date) + " · " + index.channelName(s.slot.channel)),
                .text(" "), slotBadge(s.state, t),
            ])
        }))
        slots.append(.el("p", [("class", "muted")], text: t(CommandText.statusDeliveries(f.deliveriesThisMonth))))

        var empty: [HTML] = [.el("h2", text: t(CommandText.statusEmptySlots(f.emptySlots.count)))]
        empty.append(f.emptySlots.isEmpty ? none(c) : .el("ul", [("class", "plain")], f.emptySlots.prefix(8).map { e in
            .el("li", [], [.el("a", [("href", Route.calendar(e.slot.date.monthOfYear).path)],
                               text: t.shortDate(e.slot.date) + " · " + index.channelName(e.slot.channel)),
                           .text(" — " + t(CommandText.free(e.free)))])
        }))
        if f.emptySlots.count > 8 {
            let more = t(OfficerText.more(f.emptySlots.count - 8))
            empty.append(.el("p", [], [.el("a", [("href", calendar)], text: more)]))
        }

        var overdue: [HTML] = [heading(t(CommandText.statusOverdue), Route.completeness.path)]
        // at most 20 units here (a national body has thousands): the rest on the completeness pages
        let listed = f.overdue.prefix(20)
        overdue.append(f.overdue.isEmpty ? none(c) : .el("ul", [("class", "plain")], listed.map { o in
            .el("li", [], [.el("a", [("href", Route.completeness.path([("month", o.months.last?.iso),
                                                                       ("q", index.unitName(o.unit))]))],
                               text: index.unitName(o.unit)),
                           .text(" — " + o.months.map { t.shortMonth($0) }.joined(separator: ", "))])
        }))
        if f.overdue.count > listed.count {
            overdue.append(.el("p", [], [.el("a", [("href", Route.completeness.path([("state", "missing")]))],
                                             text: t(OfficerText.moreNotSent(f.overdue.count - listed.count)))]))
        }

        var alerts: [HTML] = [heading(t(CommandText.statusAlerts(f.alerts.count)), Route.alerts.path)]
        alerts.append(f.alerts.isEmpty ? none(c) : .el("ul", [("class", "plain")], f.alerts.map { a in
            var line = "#\(a.id) · \(t(CommandText.days(a.age(on: f.today)))) · \(index.unitName(a.unit)) · "
                + t.shortMonth(a.period)
            if c.principal.seesSensitive { line += " — " + a.topic }
            return .el("li", [], [.el("a", [("href", Route.alerts.path + "#alert-\(a.id)")], text: line)])
        }))

        // early warnings: a sensitive shared topic is named only for users with the permission
        var warnings: [HTML] = [.el("h2", text: t(WarningText.heading))]
        warnings.append(f.warnings.isEmpty ? none(c) : .el("ul", [("class", "plain")], f.warnings.prefix(20).map { w in
            .el("li", [], text: w.sentence(index, showSensitive: c.principal.seesSensitive, t: t))
        }))
        if f.warnings.count > 20 {
            let more = t(DocumentText.moreWarnings(t.count(f.warnings.count - 20)))
            warnings.append(.el("p", [("class", "muted")], text: more))
        }

        var anniversaries: [HTML] = [.el("h2", text: t(CommandText.statusAnniversaries))]
        anniversaries.append(.el("ul", [("class", "plain")], f.roundAnniversaries.map { o in
            .el("li", [], [.el("a", [("href", Route.calendar(o.date.monthOfYear).path)], text: t.date(o.date)),
                           .text(" — \(o.observance.name) — " + t(DocumentText.anniversaryYears(o.anniversary ?? 0)))])
        }))

        body.append(.el("div", [("class", "cards")],
            [approvals, slots, empty, overdue, alerts, warnings, anniversaries].map {
            .el("section", [("class", "card")], $0)
        }))
        return OfficerUI.page(t(WebText.officerHome), c, body)
    }

    static func none(_ c: RequestContext) -> HTML {
        .el("p", [("class", "muted")], text: c.t(CommandText.noneParenthesized))
    }

    /// A card's heading that links to the page where its entries are handled.
    static func heading(_ text: String, _ href: String) -> HTML {
        .el("h2", [], [.el("a", [("href", href)], text: text)])
    }

    static func slotBadge(_ state: StatusFigures.SlotState, _ t: Localizer) -> HTML {
        switch state {
        case .published: return OfficerUI.badge(t(CommandText.slotPublished), "published")
        case .confirmed(let n): return OfficerUI.badge(t(CommandText.slotConfirmed(n)), "confirmed")
        case .proposed(let n): return OfficerUI.badge(t(CommandText.slotProposed(n)), "proposed")
        case .empty: return OfficerUI.badge(t(CommandText.slotEmpty), "empty")
        }
    }
}
