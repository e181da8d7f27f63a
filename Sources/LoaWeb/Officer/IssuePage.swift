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
        if let problems { body.append(OfficerUI.failure(problems, c)) }
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
        } else {
            body.append(.el("p", [], text: t(OfficerText.notPublishedYet(confirmed: ids.count,
                                                                         proposed: entries.count - ids.count))))
            if c.principal.isOfficer && !ids.isEmpty {
                body.append(.el("div", [("class", "actions noprint")], [
                    OfficerUI.button(.issuePublish(slot), t(OfficerText.publish), c),
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
