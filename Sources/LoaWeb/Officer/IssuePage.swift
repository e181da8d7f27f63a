import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/issues/CHANNEL/DATE`: a slot's issue — before publication its confirmed items and (officers) "publish", which
/// is `loa publish CHANNEL DATE`; after, the issue as published, to read and print, with its files to download.
enum IssuePage {
    static func publish(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        switch try c.changing({ ws, s throws(Failure) in try Publishing.publish(slot, workspace: ws, session: s) }) {
        case .success(.published): return .redirect(to: .issue(slot), [("done", "published")])
        case .success(.alreadyPublished): return .redirect(to: .issue(slot), [("done", "alreadyPublished")])
        case .failure(let f): return try render(slot, c, problems: f, status: 422)
        }
    }

    /// Each delivery of a published issue with its state in words, "send again" for a failed one, and "take
    /// back" while none has left (or the reason it cannot be taken back).
    static func deliveries(_ slot: Slot, _ index: WorkspaceIndex, _ c: RequestContext) throws -> [HTML] {
        let t = c.t
        let session = try c.session()
        let records = try c.reading { () throws(Failure) in try Delivering.states(of: slot, session: session) }
        var out: [HTML] = [.el("h2", [("class", "noprint")], text: t(CalendarText.deliveriesTitle))]
        if !records.isEmpty {
            let head = HTML.el("tr", [], [CalendarText.unit, .medium, .state, .changedOn, .problem].map {
                .el("th", [("scope", "col")], text: t($0))
            } + (c.principal.isOfficer ? [.el("th", [("scope", "col")], text: "")] : []))
            let rows = records.map { d -> HTML in
                var cells: [HTML] = [
                    .el("th", [("scope", "row")], text: d.unit.map(index.unitName) ?? t(CalendarText.theIssueItself)),
                    .el("td", [], text: t(d.medium)),
                    .el("td", [("class", "delivery \(d.state.rawValue)")], [
                        OfficerUI.badge(t(d.state), d.state.rawValue)]),
                    .el("td", [], text: t.shortDate(d.changed)),
                    .el("td", [], text: d.problem.map { t($0) } ?? ""),
                ]
                if c.principal.isOfficer {
                    let retry = d.state == .failed
                        ? [HTML.el("a", [("class", "button secondary"),
                                         ("href", Route.issueRetry(slot).path([("unit", d.unit?.rawValue)]))],
                                   text: t(CalendarText.retry))] : []
                    cells.append(.el("td", [], retry))
                }
                return .el("tr", [], cells)
            }
            out.append(.el("div", [("class", "scroll noprint")], [
                .el("table", [("class", "deliveries")], [.el("thead", [], [head]), .el("tbody", [], rows)]),
            ]))
        }
        guard c.principal.isOfficer else { return out }
        let states = records.map(\.state)
        if Unpublishing.isAllowed(states) {
            out.append(.el("p", [("class", "actions noprint")], [
                .el("a", [("class", "button secondary"), ("href", Route.issueUnpublish(slot).path)],
                    text: t(CalendarText.unpublish)),
            ]))
            out.append(.el("p", [("class", "muted noprint")], text: t(CalendarText.unpublishHint)))
        } else {
            out.append(.el("p", [("class", "muted noprint")],
                           text: t(CalendarText.cannotUnpublish(left: states.filter(\.mayHaveLeft).count))))
        }
        return out
    }

    /// `/issues/CHANNEL/DATE/download?format=html|md`: the issue's files as `loa publish` wrote them.
    static func download(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let format = c.request.queryValue("format") == "md" ? Reporting.Format.md : .html
        let path = try c.session().paths.issue(slot) + "." + format.rawValue
        guard try c.read(orEmpty: false, { try $0.isPublished(slot) }),
              let data = FileManager.default.contents(atPath: path) else { throw HTTPError(404, c.t(WebText.notFound)) }
        return OfficerUI.download(String(decoding: data, as: UTF8.self),
                                  name: "\(slot.channel)-\(slot.date.iso).\(format.rawValue)",
                                  type: OfficerUI.contentType(format))
    }

    static func render(_ slot: Slot, _ c: RequestContext, problems: Failure? = nil,
                       status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        guard let channel = index.channels[slot.channel],
              channel.slots(in: slot.date.monthOfYear).contains(slot.date) else {
            throw HTTPError(404, t(WebText.notFound))
        }
        let (published, printed, number) = try c.read(orEmpty: (false, [ItemID](), 1)) { r in
            (try r.isPublished(slot), try r.publishedItems(slot), try r.issueNumber(of: slot))
        }
        let paths = try c.session().paths
        let entries = try c.reading { () throws(Failure) in
            try Calendars.entries(of: slot.date.monthOfYear, in: paths).filter { $0.slot == slot }
        }
        let ids = published ? printed : entries.filter(\.confirmed).map(\.item)
        let title = t(WebText.issueOf(channel: channel.name, date: t.date(slot.date)))
        let month = slot.date.monthOfYear
        var body: [HTML] = [
            .el("p", [("class", "noprint")], [.el("a", [("href", Route.calendar(month).path)],
                                                  text: "← " + t(OfficerText.calendarTitle(t.month(month))))]),
            .el("h1", text: title),
        ]
        body += OfficerUI.doneNotice(c)
        if let key = c.request.queryValue("done"), let text = CalendarText.done(key) {
            body.append(Pages.notice(t(text)))
        }
        if let problems { body.append(CalendarPage.failure(problems, c)) }
        if published {
            body.append(.el("p", [("class", "muted")], text: t(DocumentText.issueNumber(number)) + " · "
                             + t(DocumentText.itemCount(ids.count))))
            body.append(.el("p", [("class", "actions noprint")], [
                .el("a", [("class", "button secondary"),
                          ("href", Route.issueDownload(slot).path([("format", "html")]))],
                    text: t(OfficerText.downloadHTML)),
                .el("a", [("class", "button secondary"),
                          ("href", Route.issueDownload(slot).path([("format", "md")]))],
                    text: t(OfficerText.downloadMarkdown)),
            ]))
            body += try deliveries(slot, index, c)
        } else {
            body.append(.el("p", [], text: t(OfficerText.notPublishedYet(confirmed: ids.count,
                                                                         proposed: entries.count - ids.count))))
            if c.principal.isOfficer && !ids.isEmpty {
                // publishing reaches units: the button opens a page that says what will happen and asks
                body.append(.el("p", [("class", "actions noprint")], [
                    .el("a", [("class", "button"), ("href", Route.issuePublish(slot).path)],
                        text: t(OfficerText.publish)),
                ]))
                body.append(.el("p", [("class", "muted noprint")], text: t(OfficerText.publishHint(
                    units: channel.receivingUnits(ws.units, on: slot.date).count))))
            }
        }
        for id in ids {
            guard let item = index.items[id] else { continue }
            var parts: [HTML] = [.el("h2", text: item.title)]
            if let s = item.summary, !s.isEmpty { parts.append(.el("p", [("class", "lead")], text: s)) }
            parts.append(.trusted(Markdown.html(item.body)))
            if let a = item.author { parts.append(.el("p", [("class", "byline")], text: a)) }
            // content items are written in Vietnamese whatever the interface language
            body.append(.el("article", [("lang", "vi"), ("class", "issue")], parts))
        }
        return OfficerUI.page(title, c, status: status, body)
    }
}
