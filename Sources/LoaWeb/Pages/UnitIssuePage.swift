import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/unit/issues/CHANNEL/DATE`: an issue delivered to the unit, readable on the page.
enum UnitIssuePage {
    static func render(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        let code = try c.signedInUnit()
        let t = c.t
        let date = slot.date
        let ids = try c.read(orEmpty: [ItemID]()) { r in try r.wasDelivered(slot, to: code)
            ? try r.publishedItems(slot) : [] }
        guard !ids.isEmpty else { throw HTTPError(404, t(WebText.notFound)) }
        let ws = try c.workspace()
        let index = (try? c.index()) ?? WorkspaceIndex(ws)
        let title = t(WebText.issueOf(channel: index.channelName(slot.channel), date: t.date(date)))
        var body: [HTML] = [.el("h1", text: title)]
        for id in ids {
            guard let item = index.items[id] else { continue }
            var parts: [HTML] = [.el("h2", text: item.title)]
            if let s = item.summary, !s.isEmpty { parts.append(.el("p", [], [.el("strong", text: s)])) }
            parts.append(.trusted(Markdown.html(item.body)))
            // content items are written in Vietnamese whatever the interface language
            body.append(.el("article", [("lang", "vi")], parts))
        }
        let confirmed = try ReceiptPage.state(of: code, slot, c) == .confirmed
        body.append(.el("div", [("class", "actions")], [ReceiptPage.control(slot, confirmed: confirmed, c)]))
        body.append(.el("p", [], [.el("a", [("href", Route.unitHome.path)], text: t(WebText.backHome))]))
        return Pages.page(title, context: c, body: body)
    }
}
