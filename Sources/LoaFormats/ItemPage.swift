import LoaCore

/// A content item as a page (`loa render`, the web's preview), and the text of a new item's file.
public enum ItemPage {
    public static func html(_ item: Item, plan: Plan, language: Language) -> String {
        let t = Localizer(language)
        let themes = plan.allThemes.indexed(by: \.ref)
        var parts: [HTML] = [.el("h1", text: item.title)]
        parts.append(.el("div", [("class", "themes")], item.themeRefs.map { r in
            .el("span", text: themes[r].map { "\($0.project.short): \($0.theme.title)" } ?? r.description)
        }))
        if let s = item.summary, !s.isEmpty { parts.append(.el("p", [("class", "lead")], text: s)) }
        parts.append(.trusted(Markdown.html(item.body)))
        let meta = [t(item.status)] + (item.author.map { [$0] } ?? []) + (item.approved.map { [t.date($0.value)] } ?? [])
        parts.append(.el("p", [("class", "byline"), ("lang", language.rawValue)], text: meta.joined(separator: " · ")))
        // content items are written in Vietnamese whatever the interface language; only Loa's own words follow it
        return HTMLRenderer.page(title: item.title, language: .vi, style: issueStyle, body: [.el("article", [], parts)])
    }

    public static func index(_ items: [Item], plan: Plan, language: Language) -> String {
        let list = HTML.el("ul", [], items.map { .el("li", [], [.el("a", [("href", "\($0.id.value).html")], text: $0.title)]) })
        return HTMLRenderer.page(title: plan.title, language: .vi, style: issueStyle, body: [.el("h1", text: plan.title), list])
    }
}

/// The file of a new draft item (`loa new item`).
public enum ItemTemplate {
    public static func render(id: String, new: (title: String, themes: [String], channels: [ChannelID], author: String?,
                                              summary: String?), today: Day, language: Language) -> String {
        func q(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let t = Localizer(language)
        var text = "---\nid: \(id)\ntitle: \(q(new.title))\nthemes: [\(new.themes.joined(separator: ", "))]\n"
        text += "channels: [\(new.channels.map(\.rawValue).joined(separator: ", "))]\nstatus: draft\n"
        if let a = new.author { text += "author: \(q(a))\n" }
        text += "summary: \(q(new.summary ?? ""))\n"
        text += "# approved: \(today.iso)   # \(t(CommandText.approveHint))\n---\n\n"
        text += t(CommandText.newItemBody) + "\n"
        return text
    }
}
