import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// What reaches units is asked first (SPEC §9.7): a GET shows what will happen — the units, the deliveries by
/// medium — with a button whose POST does it and a link back; nothing is recorded before that POST. Publishing
/// (`loa publish`), sending one failed delivery again (`loa deliver --retry`) and taking an issue back.
enum PublishingPages {
    /// `GET /issues/CHANNEL/DATE/publish`: the units the issue goes to and how, and "publish now".
    static func askPublish(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        guard let channel = index.channels[slot.channel] else { throw HTTPError(404, t(WebText.notFound)) }
        if try c.read(orEmpty: false, { try $0.isPublished(slot) }) { return .redirect(to: .issue(slot)) }
        let paths = try c.session().paths
        let confirmed = try c.reading { () throws(Failure) in
            try Calendars.entries(of: slot.date.monthOfYear, in: paths).filter { $0.slot == slot && $0.confirmed }
        }
        let units = channel.receivingUnits(ws.units, on: slot.date)
        let medium = channel.medium
        var body = header(slot, index, t(CalendarText.publishAskTitle), c)
        body.append(.el("p", [], text: t(DocumentText.itemCount(confirmed.count))))
        body.append(.el("p", [], text: t(CalendarText.publishAsk(units: units.count))))
        // e-mail goes to the units with an address; the others are told apart
        let without = medium == .email ? units.filter { u in !(u.email.map(isMailAddress) ?? false) }.count : 0
        var what: [HTML] = [.el("li", [], text: t(CalendarText.deliveriesBy(medium, count: units.count - without)))]
        if without > 0 { what.append(.el("li", [], text: t(CalendarText.withoutAddress(without)))) }
        if medium == .email || medium == .zaloOA, (try? DistributionSettings.load(paths)) == nil {
            what.append(.el("li", [], text: t(CalendarText.nothingLeavesYet)))
        }
        body.append(.el("ul", [("class", "what")], what))
        body.append(.el("h2", text: t(CalendarText.unitsList) + " (\(units.count))"))
        body.append(units.isEmpty ? .el("p", [], text: t(CalendarText.noUnits))
                    : .el("ul", [("class", "units")], units.map { .el("li", [], text: $0.name) }))
        if confirmed.isEmpty {
            body.append(.el("p", [], text: t(CalendarText.nothingConfirmed)))
            body.append(cancel(slot, c))
        } else {
            body.append(ask(.issuePublish(slot), t(CalendarText.confirmPublish), slot, c))
        }
        return OfficerUI.page(t(CalendarText.publishAskTitle), c, body)
    }

    /// `GET /issues/CHANNEL/DATE/retry?unit=CODE` (no unit: the issue's own delivery): asks before sending again.
    static func askRetry(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let index = try c.index()
        let unit = c.request.queryValue("unit").map { UnitCode($0) }
        let who = unit.map(index.unitName) ?? t(CalendarText.theIssueItself)
        var body = header(slot, index, t(CalendarText.retryAskTitle), c)
        body.append(.el("p", [], text: t(CalendarText.retryAsk(who))))
        body.append(ask(.issueRetry(slot), t(CalendarText.confirmRetry), slot, c,
                        fields: unit.map { [("unit", $0.rawValue)] } ?? []))
        return OfficerUI.page(t(CalendarText.retryAskTitle), c, body)
    }

    /// `POST …/retry` (`unit`, or none for the issue's own delivery).
    static func retry(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let target: Delivering.Target = c.request.formValue("unit").flatMap { $0.isEmpty ? nil : UnitCode($0) }
            .map { .unit($0) } ?? .issue
        let result = try c.changing { ws, s throws(Failure) in
            try Delivering.retry(slot, target, workspace: ws, session: s)
        }
        switch result {
        case .success(let report):
            let done = report.sent > 0 ? "retried" : report.failed.isEmpty ? "retryWaiting" : "retryFailed"
            return .redirect(to: .issue(slot), [("done", done)])
        case .failure(let f): return try IssuePage.render(slot, c, problems: f, status: 422)
        }
    }

    /// `GET /issues/CHANNEL/DATE/unpublish`: asks, or says in words why the issue can no longer be taken back.
    static func askUnpublish(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let index = try c.index()
        let session = try c.session()
        let states = try c.reading { () throws(Failure) in try Delivering.states(of: slot, session: session) }
        var body = header(slot, index, t(CalendarText.unpublishAskTitle), c)
        if Unpublishing.isAllowed(states.map(\.state)) {
            body.append(.el("p", [], text: t(CalendarText.unpublishAsk)))
            body.append(ask(.issueUnpublish(slot), t(CalendarText.confirmUnpublish), slot, c))
        } else {
            body.append(.el("p", [], text: t(CalendarText.cannotUnpublish(left: states.filter(\.state.mayHaveLeft)
                .count))))
            body.append(cancel(slot, c))
        }
        return OfficerUI.page(t(CalendarText.unpublishAskTitle), c, body)
    }

    /// `POST …/unpublish`: `Publishing.unpublish`, refused when a delivery may have left.
    static func unpublish(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        switch try c.changing({ _, s throws(Failure) in try Publishing.unpublish(slot, session: s) }) {
        case .success: return .redirect(to: .issue(slot), [("done", "unpublished")])
        case .failure(let f): return try IssuePage.render(slot, c, problems: f, status: 422)
        }
    }

    static func header(_ slot: Slot, _ index: WorkspaceIndex, _ question: String, _ c: RequestContext) -> [HTML] {
        let t = c.t
        return [
            .el("h1", text: question),
            .el("p", [("class", "lead")], text: t(WebText.issueOf(channel: index.channelName(slot.channel),
                                                                  date: t.date(slot.date)))),
        ]
    }

    /// The button that does it (a POST with the CSRF token and a one-time key) and the link that does not.
    static func ask(_ route: Route, _ label: String, _ slot: Slot, _ c: RequestContext,
                    fields: [(String, String)] = []) -> HTML {
        Pages.form(route, c, attributes: [("class", "ask")], fields.map { Pages.hidden($0.0, $0.1) } + [
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: label), back(slot, c)]),
        ])
    }

    static func cancel(_ slot: Slot, _ c: RequestContext) -> HTML {
        .el("p", [("class", "actions")], [back(slot, c)])
    }

    /// Back to the issue, doing nothing.
    static func back(_ slot: Slot, _ c: RequestContext) -> HTML {
        .el("a", [("class", "button secondary"), ("href", Route.issue(slot).path)], text: c.t(CalendarText.cancel))
    }
}
