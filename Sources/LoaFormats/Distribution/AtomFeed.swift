import LoaCore

/// A channel's published items as an Atom 1.0 feed (RFC 4287), for the union's website and anyone who
/// subscribes: one entry per published item, newest first, ids that never change (a `tag:` URI of the address's
/// host, the date, the channel and the item), every link under the base URL.
public enum AtomFeed {
    /// One published item: the issue it came in, the item as it is now, its body as HTML.
    public struct Entry: Sendable {
        public let slot: Slot
        public let item: Item
        public init(slot: Slot, item: Item) { self.slot = slot; self.item = item }
    }

    public static func render(channel: Channel, plan: Plan, entries: [Entry], links: PublicLinks) -> String {
        let e = HTML.escape
        let themes = plan.allThemes.indexed(by: \.ref)
        let newest = entries.map(\.slot.date).max()
        var s = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        s += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n"
        s += "  <id>\(e(links.feed(channel.id.value)))</id>\n"
        s += "  <title>\(e(channel.name))</title>\n"
        s += "  <subtitle>\(e(plan.issuer))</subtitle>\n"
        s += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(links.feed(channel.id.value)))\"/>\n"
        s += "  <updated>\(timestamp(newest ?? Day(ordinal: 0)))</updated>\n"
        s += "  <author><name>\(e(plan.issuer))</name></author>\n"
        s += "  <generator>Loa</generator>\n"
        for entry in entries {
            let item = entry.item, slot = entry.slot
            s += "  <entry>\n"
            s += "    <id>tag:\(e(links.host)),\(slot.date.iso):\(slot.channel)/\(item.id.value)</id>\n"
            s += "    <title>\(e(item.title))</title>\n"
            s += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(e(links.issue(slot)))\"/>\n"
            s += "    <published>\(timestamp(slot.date))</published>\n"
            s += "    <updated>\(timestamp(slot.date))</updated>\n"
            if let author = item.author { s += "    <author><name>\(e(author))</name></author>\n" }
            for ref in item.themeRefs {
                let label = themes[ref].map { "\($0.project.short): \($0.theme.title)" } ?? ref.description
                s += "    <category term=\"\(e(ref.description))\" label=\"\(e(label))\"/>\n"
            }
            if let summary = item.summary, !summary.isEmpty { s += "    <summary>\(e(summary))</summary>\n" }
            let body = ItemPage.rewritingImageSources(ItemPage.body(item)) { links.file(slot.channel, $0) }
            s += "    <content type=\"html\">\(e(body))</content>\n"
            s += "  </entry>\n"
        }
        s += "</feed>\n"
        return s
    }

    /// A day as an Atom date: 08:00 in Hanoi.
    static func timestamp(_ d: Day) -> String { d.iso + "T08:00:00+07:00" }
}
