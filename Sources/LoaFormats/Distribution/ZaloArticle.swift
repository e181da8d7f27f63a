import LoaCore

/// An issue as the JSON body of Zalo OA's `article/create` (SPEC §10): `type: normal`, a title of at most 150
/// characters, an author of at most 50, a description of at most 300, a cover picture and the body as text and
/// image items, shown, comments open. Zalo fetches pictures itself, so every picture is a URL under the base URL.
public enum ZaloArticle {
    public static let titleLimit = 150, authorLimit = 50, descriptionLimit = 300

    /// The request body; `cover` is the cover picture's path next to the channel's issues (nil: the article has
    /// none, which Zalo refuses — the caller says so first).
    public static func body(_ document: IssueDocument, cover: String, links: PublicLinks) -> JSON {
        let t = Localizer(document.language)
        let channel = document.channel.id.value
        let items = document.items
        let title = items.count == 1 ? items[0].title
            : t(DeliveryText.subject(channel: document.channel.name, number: document.number,
                                     date: t.date(document.date)))
        let summaries = items.compactMap { $0.summary }.filter { !$0.isEmpty }
        let description = summaries.isEmpty ? items.map(\.title).joined(separator: "; ")
            : summaries.joined(separator: " ")
        var body: [JSON] = []
        for item in items {
            var lead = items.count > 1 ? "<h2>\(HTML.escape(item.title))</h2>" : ""
            if let s = item.summary, !s.isEmpty { lead += "<p><strong>\(HTML.escape(s))</strong></p>" }
            var pending = lead
            for piece in pieces(ItemPage.body(item)) {
                switch piece {
                case .text(let html): pending += html
                case .image(let relative):
                    if !pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                        body.append(.object([("type", .string("text")), ("content", .string(pending))]))
                    }
                    pending = ""
                    body.append(.object([("type", .string("image")), ("url", .string(links.file(channel, relative)))]))
                }
            }
            if let author = item.author { pending += "<p><em>\(HTML.escape(author))</em></p>" }
            if !pending.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                body.append(.object([("type", .string("text")), ("content", .string(pending))]))
            }
        }
        return .object([
            ("type", .string("normal")),
            ("title", .string(truncated(title, titleLimit))),
            ("author", .string(truncated(document.plan.issuer, authorLimit))),
            ("cover", .object([("cover_type", .string("photo")), ("photo_url", .string(links.file(channel, cover))),
                               ("status", .string("show"))])),
            ("description", .string(truncated(description, descriptionLimit))),
            ("body", .array(body)),
            ("status", .string("show")),
            ("comment", .string("show")),
        ])
    }

    /// The first picture the issue's items show (its path as linked), for a channel without `cover:`.
    public static func firstPicture(_ items: [Item]) -> String? {
        for item in items {
            for p in pieces(ItemPage.body(item)) { if case .image(let r) = p { return r } }
        }
        return nil
    }

    /// At most `limit` characters (Unicode scalars, the text being NFC), cut at a word with "…" when longer.
    public static func truncated(_ text: String, _ limit: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        var cut = String(String.UnicodeScalarView(scalars[0..<(limit - 1)]))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            cut = String(cut[..<space])
        }
        return cut + "…"
    }

    enum Piece { case text(String), image(String) }

    /// An item's HTML cut at its pictures: the text between them, and each picture's path as the body linked it
    /// (the paragraph that held only a picture does not leave an empty one behind).
    static func pieces(_ html: String) -> [Piece] {
        var out: [Piece] = []
        var rest = html[...]
        while let open = rest.range(of: "<img ") {
            var before = String(rest[..<open.lowerBound])
            guard let close = rest[open.upperBound...].range(of: ">") else { break }
            let tag = rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
            guard let src = ItemPage.attribute("src", in: tag) else {
                out.append(.text(before + tag))
                continue
            }
            if before.hasSuffix("<p>") { before.removeLast(3) }
            if rest.hasPrefix("</p>") { rest = rest.dropFirst(4) }
            out.append(.text(before))
            out.append(.image(ItemPage.decodedAttribute(src)))
        }
        out.append(.text(String(rest)))
        return out
    }
}
