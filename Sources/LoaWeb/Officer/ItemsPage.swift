import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/items`: every content item with filters (status, project, theme, channel, author), read from the files.
enum ItemsPage {
    struct Filter {
        var status: ItemStatus?
        var project: ProjectID?
        var theme: ThemeRef?
        var channel: ChannelID?
        var author: String?

        init(_ c: RequestContext) {
            func value(_ n: String) -> String? { c.request.queryValue(n).flatMap { $0.isEmpty ? nil : $0 } }
            status = value("status").flatMap(ItemStatus.init(rawValue:))
            project = value("project").map { ProjectID($0) }
            theme = value("theme").flatMap { ThemeRef(parsing: $0) }
            channel = value("channel").map { ChannelID($0) }
            author = value("author")
        }

        func admits(_ i: Item) -> Bool {
            (status.map { i.status == $0 } ?? true)
                && (project.map { p in i.themeRefs.contains { $0.project == p } } ?? true)
                && (theme.map { i.themeRefs.contains($0) } ?? true)
                && (channel.map { i.lists($0) } ?? true)
                && (author.map { i.author == $0 } ?? true)
        }
    }

    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        let filter = Filter(c)
        let items = ws.items.filter(filter.admits).sorted { a, b in
            (order(a.status), a.title, a.id.value) < (order(b.status), b.title, b.id.value)
        }
        var body: [HTML] = [.el("h1", text: t(OfficerText.itemsTitle))]
        body += OfficerUI.doneNotice(c)
        if c.principal.isOfficer {
            body.append(.el("p", [], [
                .el("a", [("class", "button"), ("href", Route.newItem.path)], text: t(OfficerText.newItem)),
            ]))
        }
        body.append(filters(filter, ws, index, c))
        body.append(.el("p", [("class", "muted")], text: t(OfficerText.itemCount(items.count, of: ws.items.count))))
        let rows = items.map { i -> HTML in
            .el("tr", [], [
                .el("td", [], [.el("a", [("href", Route.item(i.id.value).path), ("lang", "vi")], text: i.title)]),
                .el("td", [], [OfficerUI.badge(t(i.status), i.status.rawValue)]),
                .el("td", [], text: i.themeRefs.map(\.description).joined(separator: ", ")),
                .el("td", [], text: i.channels.map { index.channelName($0.value) }.joined(separator: "; ")),
                .el("td", [], text: i.author ?? ""),
                .el("td", [], text: i.approved.map { t.date($0.value) } ?? ""),
                .el("td", [], text: i.pin.map { t.date($0.value) } ?? ""),
            ])
        }
        let head = [t(OfficerText.title), t(OfficerText.status), t(WebText.themes), t(OfficerText.channels),
                    t(OfficerText.author), t(OfficerText.approvedOn), t(OfficerText.pinnedTo)]
        body.append(.el("div", [("class", "scroll")], [.el("table", [("class", "list")], [
            .el("thead", [], [.el("tr", [], head.map { .el("th", [("scope", "col")], text: $0) })]),
            .el("tbody", [], rows),
        ])]))
        return OfficerUI.page(t(OfficerText.itemsTitle), c, body)
    }

    /// Items waiting for a decision first, then approved, drafts, archived.
    static func order(_ s: ItemStatus) -> Int {
        switch s {
        case .review: return 0
        case .approved: return 1
        case .draft: return 2
        case .archived: return 3
        }
    }

    static func filters(_ f: Filter, _ ws: Workspace, _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        let all = (value: "", label: t(OfficerText.all))
        let authors = Array(Set(ws.items.compactMap(\.author))).sorted()
        func choice(_ label: String, _ name: String, _ options: [(String, String)], _ selected: String?) -> HTML {
            let all = [all] + options.map { (value: $0.0, label: $0.1) }
            return Pages.field(label, for: name, Pages.select(name, options: all, selected: selected ?? ""))
        }
        return .el("form", [("method", "get"), ("action", Route.items.path), ("class", "filters")], [
            choice(t(OfficerText.status), "status", ItemStatus.allCases.map { ($0.rawValue, t($0)) },
                   f.status?.rawValue),
            choice(t(OfficerText.project), "project", ws.plan.projects.map { ($0.id.value.rawValue, $0.short) },
                   f.project?.rawValue),
            choice(t(WebText.themes), "theme",
                   ws.plan.allThemes.map { ($0.ref.description, "\($0.ref) — \($0.theme.title)") },
                   f.theme?.description),
            choice(t(OfficerText.channels), "channel", ws.channels.map { ($0.id.value.rawValue, $0.name) },
                   f.channel?.rawValue),
            choice(t(OfficerText.author), "author", authors.map { ($0, $0) }, f.author),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.filter)),
                                                .el("a", [("href", Route.items.path)],
                                                    text: t(OfficerText.clearFilters))]),
        ])
    }
}
