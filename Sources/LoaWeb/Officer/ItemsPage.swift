import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/items`: every content item, read from the files, with a search box and filters (status, channel, theme,
/// project, author) in the query string, pages of 50 (`Pagination`), and (for those who approve) boxes to approve
/// or send back several items at once, each judged by the same rules as alone.
enum ItemsPage {

    struct Filter {
        var query: String?
        var status: ItemStatus?
        var project: ProjectID?
        var theme: ThemeRef?
        var channel: ChannelID?
        var author: String?
        var page = 1

        init(_ c: RequestContext) {
            func value(_ n: String) -> String? {
                c.request.queryValue(n).map { $0.trimmingCharacters(in: .whitespaces) }
                    .flatMap { $0.isEmpty ? nil : $0 }
            }
            query = value("q")
            status = value("status").flatMap(ItemStatus.init(rawValue:))
            project = value("project").map { ProjectID($0) }
            theme = value("theme").flatMap { ThemeRef(parsing: $0) }
            channel = value("channel").map { ChannelID($0) }
            author = value("author")
            page = max(1, value("page").flatMap { Int($0) } ?? 1)
        }

        func admits(_ i: Item) -> Bool {
            (status.map { i.status == $0 } ?? true)
                && (project.map { p in i.themeRefs.contains { $0.project == p } } ?? true)
                && (theme.map { i.themeRefs.contains($0) } ?? true)
                && (channel.map { i.lists($0) } ?? true)
                && (author.map { i.author == $0 } ?? true)
                && (query.map { q in Self.matches(q, i) } ?? true)
        }

        /// Every word of the query in the title, summary, body or id, with or without diacritics.
        static func matches(_ query: String, _ i: Item) -> Bool {
            let text = [i.title, i.summary ?? "", i.body, i.id.value.rawValue].joined(separator: " ").folded
            return query.folded.split(separator: " ").allSatisfy { text.contains($0) }
        }

        /// The query string of this filter on another page.
        func query(page: Int) -> [(String, String?)] {
            [("q", query), ("status", status?.rawValue), ("project", project?.rawValue),
             ("theme", theme?.description), ("channel", channel?.rawValue), ("author", author),
             ("page", page == 1 ? nil : String(page))]
        }
    }

    static func render(_ c: RequestContext, status: Int = 200, result: [HTML] = []) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        let filter = Filter(c)
        let items = ws.items.filter(filter.admits).sorted { a, b in
            (order(a.status), a.title, a.id.value) < (order(b.status), b.title, b.id.value)
        }
        let pagination = Pagination(count: items.count, asked: filter.page)
        let shown = items[pagination.range]
        var body: [HTML] = [.el("h1", text: t(OfficerText.itemsTitle))]
        body += OfficerUI.doneNotice(c)
        body += result
        if c.principal.isOfficer {
            body.append(.el("p", [], [
                .el("a", [("class", "button"), ("href", Route.newItem.path)], text: t(OfficerText.newItem)),
            ]))
        }
        body.append(filters(filter, ws, index, c))
        body.append(.el("p", [("class", "muted")], text: t(OfficerText.itemCount(items.count, of: ws.items.count))))
        let decides = c.principal.holds(.approve)
        let chosen = Set(c.request.formValues("items"))
        let rows = shown.map { i -> HTML in
            var cells: [HTML] = []
            if decides {
                let id = i.id.value.rawValue
                cells.append(.el("td", [], [.el("input", [("type", "checkbox"), ("name", "items"), ("value", id),
                                                          ("id", "choose-" + id),
                                                          ("aria-label", t(ItemText.choose) + ": " + i.title)]
                                                 + (chosen.contains(id) ? [("checked", "")] : []))]))
            }
            cells += [
                .el("td", [], [.el("a", [("href", Route.item(i.id.value).path), ("lang", "vi")], text: i.title)]),
                .el("td", [], [OfficerUI.badge(t(i.status), i.status.rawValue)]),
                .el("td", [("lang", "vi")], text: i.themeRefs.map { index.themeTitle($0) }.joined(separator: "; ")),
                .el("td", [], text: i.channels.map { index.channelName($0.value) }.joined(separator: "; ")),
                .el("td", [], text: i.author ?? ""),
                .el("td", [], text: i.approved.map { t.date($0.value) } ?? ""),
                .el("td", [], text: i.pin.map { t.date($0.value) } ?? ""),
            ]
            return .el("tr", [], cells)
        }
        let head = (decides ? [t(ItemText.chooseAll)] : []) + [
            t(OfficerText.title), t(OfficerText.status), t(WebText.themes), t(OfficerText.channels),
            t(OfficerText.author), t(OfficerText.approvedOn), t(OfficerText.pinnedTo)]
        let table = HTML.el("div", [("class", "scroll")], [.el("table", [("class", "list")], [
            .el("thead", [], [.el("tr", [], head.map { .el("th", [("scope", "col")], text: $0) })]),
            .el("tbody", [], Array(rows)),
        ])])
        let pager = pagination.pages > 1 ? [pagination.links(t(ItemText.page(pagination.page, of: pagination.pages)),
                                                               cssClass: "actions", t: t) {
            Route.items.path(filter.query(page: $0))
        }] : []
        if decides {
            let reasonErrors = status == 422 && c.request.formValue("action") == "sendBack"
                && (c.request.formValue("reason") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? [t(ItemText.bulkReasonNeeded)] : []
            body.append(Pages.form(.itemsBulk, c, [table] + pager + [
                .el("h2", text: t(ItemText.bulkTitle)),
                .el("p", [("class", "muted")], text: t(ItemText.bulkHint)),
                Pages.field(t(ItemText.bulkReason), for: "reason",
                            Pages.textarea("reason", value: c.request.formValue("reason") ?? "", rows: 2,
                                           invalid: !reasonErrors.isEmpty), errors: reasonErrors),
                .el("div", [("class", "actions")], [
                    .el("button", [("type", "submit"), ("name", "action"), ("value", "approve")],
                        text: t(ItemText.bulkApprove)),
                    .el("button", [("type", "submit"), ("name", "action"), ("value", "sendBack"),
                                   ("class", "secondary")], text: t(ItemText.bulkSendBack)),
                ]),
            ]))
        } else {
            body.append(table)
            body += pager
        }
        return OfficerUI.page(t(OfficerText.itemsTitle), c, status: status, body)
    }

    /// `POST /items/bulk`: approves or sends back each chosen item through the same workflow as its own page;
    /// the page says how many were done and, in words, why each refused one was refused.
    static func bulk(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let name = try c.signedInUser()
        let ids = Array(Set(c.request.formValues("items"))).sorted()
        let sendingBack = c.request.formValue("action") == "sendBack"
        let reason = c.request.formValue("reason") ?? ""
        guard !ids.isEmpty else {
            return try render(c, status: 422, result: [Pages.notice(t(ItemText.bulkNothingChosen), kind: "error")])
        }
        if sendingBack, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return try render(c, status: 422, result: [Pages.notice(t(ItemText.bulkReasonNeeded), kind: "error")])
        }
        let titles = Dictionary(try c.workspace().items.map { ($0.id.value.rawValue, $0.title) },
                                uniquingKeysWith: { a, _ in a })
        var done = 0, unchanged = 0
        var refused: [HTML] = []
        for id in ids {
            let result = try c.changing { ws, s throws(Failure) -> Editorial.Outcome in
                sendingBack ? try Editorial.sendBack(ItemID(id), reason: reason, workspace: ws, session: s)
                            : try Editorial.approve(ItemID(id), by: name, workspace: ws, session: s)
            }
            switch result {
            case .success(.unchanged): unchanged += 1
            case .success: done += 1
            case .failure(let f):
                let why = f.diagnostics.filter { $0.severity == .error }.map { $0.message.inWords.text(c.language) }
                refused.append(.el("li", [], [.el("strong", [("lang", "vi")], text: titles[id] ?? id),
                                              .text(" — " + why.joined(separator: "; "))]))
            }
        }
        var notices: [HTML] = []
        if done > 0 { notices.append(Pages.notice(t(sendingBack ? ItemText.bulkSentBack(done) : .bulkApproved(done)))) }
        if unchanged > 0 { notices.append(Pages.notice(t(ItemText.bulkUnchanged(unchanged)), kind: "info")) }
        if !refused.isEmpty {
            notices.append(.el("div", [("class", "notice error"), ("role", "alert"), ("id", "refused")], [
                .el("p", [], [.el("strong", text: t(ItemText.bulkRefused(refused.count)))]), .el("ul", [], refused),
            ]))
        }
        return try render(c, result: notices)
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
        return .el("form", [("method", "get"), ("action", Route.items.path), ("class", "filters"),
                            ("role", "search")], [
            Pages.field(t(ItemText.searchLabel), for: "q",
                        Pages.input("q", value: f.query ?? "", type: "search",
                                    attributes: [("placeholder", t(ItemText.searchPlaceholder))])),
            choice(t(OfficerText.status), "status", ItemStatus.allCases.map { ($0.rawValue, t($0)) },
                   f.status?.rawValue),
            choice(t(OfficerText.channels), "channel", ws.channels.map { ($0.id.value.rawValue, $0.name) },
                   f.channel?.rawValue),
            choice(t(ItemText.theme), "theme",
                   ws.plan.allThemes.map { ($0.ref.description, $0.theme.title) }, f.theme?.description),
            choice(t(OfficerText.project), "project", ws.plan.projects.map { ($0.id.value.rawValue, $0.short) },
                   f.project?.rawValue),
            choice(t(OfficerText.author), "author", authors.map { ($0, $0) }, f.author),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.filter)),
                                                .el("a", [("href", Route.items.path)],
                                                    text: t(OfficerText.clearFilters))]),
        ])
    }
}
