import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/items/ID`: an item's front matter, a rendered preview, its history, and (officers) approve, send back with a
/// reason, pin — the same `Editorial` workflow as `loa item approve|send-back|pin|unpin`.
enum ItemPage {
    /// What an officer does to an item from its page.
    enum Action: Sendable { case approve, sendBack, pin, unpin }

    static func item(_ id: ItemID, _ ws: Workspace, _ c: RequestContext) throws -> Item {
        guard let item = ws.items.first(where: { $0.id.value == id }) else {
            throw HTTPError(404, c.t(WebText.notFound))
        }
        return item
    }

    /// `POST /items/ID/approve|send-back|pin|unpin`.
    static func post(_ id: ItemID, _ c: RequestContext, _ action: Action) throws -> HTTPResponse {
        let name = try c.signedInUser()
        let form = c.request
        let result = try c.changing { ws, s throws(Failure) -> Editorial.Outcome in
            switch action {
            case .approve: return try Editorial.approve(id, by: name, workspace: ws, session: s)
            case .sendBack:
                return try Editorial.sendBack(id, reason: form.formValue("reason") ?? "", workspace: ws, session: s)
            case .unpin: return try Editorial.pin(id, on: nil, workspace: ws, session: s)
            case .pin:
                let text = form.formValue("date") ?? ""
                guard let date = Day(iso: text) else {
                    throw Failure(.invalidArgument(text, expected: "YYYY-MM-DD"), exitCode: ExitCode.usage)
                }
                return try Editorial.pin(id, on: date, workspace: ws, session: s)
            }
        }
        switch result {
        case .success(let outcome):
            let changed: String = switch action {
            case .approve: "approved"
            case .sendBack: "sentBack"
            case .pin: "pinned"
            case .unpin: "unpinned"
            }
            let done = outcome == .unchanged ? "unchanged" : changed
            return .redirect(to: .item(id), [("done", done)])
        case .failure(let f): return try render(id, c, problems: f, status: 422)
        }
    }

    static func render(_ id: ItemID, _ c: RequestContext, problems: Failure?, status: Int = 200) throws
        -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let item = try item(id, ws, c)
        let index = WorkspaceIndex(ws)
        var body: [HTML] = [.el("p", [], [.el("a", [("href", Route.items.path)],
                                              text: "← " + t(OfficerText.itemsTitle))]),
                            .el("h1", [("lang", "vi")], text: item.title)]
        body += OfficerUI.doneNotice(c)
        if let problems { body.append(OfficerUI.failure(problems, c)) }
        if let note = item.reviewNote {
            body.append(.el("div", [("class", "notice info")], [
                .el("strong", text: t(OfficerText.sentBackBecause) + " "), .el("span", [("class", "pre")], text: note),
            ]))
        }
        var facts: [HTML] = []
        facts += OfficerUI.fact(t(OfficerText.status), [OfficerUI.badge(t(item.status), item.status.rawValue)])
        facts += OfficerUI.fact(t(WebText.themes), [.el("ul", [], item.themeRefs.map { r in
            .el("li", text: "\(r) — \(index.themeTitle(r))")
        })])
        facts += OfficerUI.fact(t(OfficerText.channels), [.text(item.channels.map { index.channelName($0.value) }
            .joined(separator: "; "))])
        if let a = item.author { facts += OfficerUI.fact(t(OfficerText.author), [.text(a)]) }
        if let d = item.approved?.value {
            let by = item.approvedBy.map { " — \($0)" } ?? ""
            facts += OfficerUI.fact(t(OfficerText.approvedOn), [.text(t.date(d) + by)])
        }
        if item.notBefore != nil || item.notAfter != nil {
            let window = (item.notBefore.map { t.date($0.value) } ?? "…") + " – "
                + (item.notAfter.map { t.date($0.value) } ?? "…")
            facts += OfficerUI.fact(t(OfficerText.window), [.text(window)])
        }
        if let o = item.observance?.value {
            facts += OfficerUI.fact(t(OfficerText.observance), [.text(index.observances[o]?.name ?? o.rawValue)])
        }
        if let pin = item.pin?.value {
            facts += OfficerUI.fact(t(OfficerText.pinnedTo), [.el("a", [("href", Route.calendar(pin.monthOfYear).path)],
                                                                  text: t.date(pin))])
        }
        body.append(.el("dl", [("class", "facts")], facts))
        if c.principal.isOfficer { body.append(actions(item, c)) }

        var preview: [HTML] = [.el("h2", [("lang", "vi")], text: item.title)]
        if let s = item.summary, !s.isEmpty { preview.append(.el("p", [("class", "lead")], text: s)) }
        preview.append(.trusted(Markdown.html(item.body)))
        body.append(.el("h2", text: t(OfficerText.preview)))
        // content items are written in Vietnamese whatever the interface language
        body.append(.el("article", [("lang", "vi"), ("class", "preview")], preview))

        let history = try c.read(orEmpty: [AuditEntry]()) {
            try $0.auditHistory(subject: Editorial.subject(item.id.value))
        }
        if !history.isEmpty {
            body.append(.el("h2", text: t(OfficerText.history)))
            body.append(.el("ul", [("class", "plain")], history.reversed().map { e in
                .el("li", [], [.text("\(t.date(e.day)) · \(e.actor.name) · \(t(OfficerText.auditAction(e.action)))"),
                               .el("span", [("class", "pre muted")], text: e.detail.map { " — \($0)" } ?? "")])
            }))
        }
        return OfficerUI.page(item.title, c, status: status, body)
    }

    static func actions(_ item: Item, _ c: RequestContext) -> HTML {
        let t = c.t
        let id = item.id.value
        var parts: [HTML] = [.el("h2", text: t(OfficerText.decide))]
        guard item.status != .archived else {
            parts.append(.el("p", [("class", "muted")], text: t(OfficerText.archivedItem(item.id.value))))
            return .el("section", [("class", "card")], parts)
        }
        if item.status != .approved {
            parts.append(.el("div", [("class", "actions")], [
                OfficerUI.button(.itemApprove(id), t(OfficerText.approve), c),
            ]))
        }
        parts.append(Pages.form(.itemSendBack(id), c, [
            Pages.field(t(OfficerText.reason), for: "reason", Pages.textarea("reason", value: "", rows: 3),
                        hint: t(OfficerText.reasonHint)),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit"), ("class", "secondary")],
                                                    text: t(OfficerText.sendBack))]),
        ]))
        var pin: [HTML] = [
            Pages.field(t(OfficerText.pinDate), for: "date",
                        Pages.input("date", value: item.pin?.value.iso ?? "", type: "date",
                                    attributes: [("required", "")]),
                        hint: t(OfficerText.pinHint)),
        ]
        var buttons: [HTML] = [.el("button", [("type", "submit"), ("class", "secondary")], text: t(OfficerText.pin))]
        if item.pin != nil {
            buttons.append(.el("button", [("type", "submit"), ("class", "secondary"),
                                          ("formaction", Route.itemUnpin(id).path),
                                          ("formnovalidate", "")], text: t(OfficerText.unpin)))
        }
        pin.append(.el("div", [("class", "actions")], buttons))
        parts.append(Pages.form(.itemPin(id), c, pin))
        return .el("section", [("class", "card")], parts)
    }
}

/// `/items/new`: a new draft item from a form, the same file as `loa new item`.
enum NewItemPage {
    static func post(_ c: RequestContext) throws -> HTTPResponse {
        let name = try c.signedInUser()
        let r = c.request
        func value(_ n: String) -> String? {
            r.formValue(n).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let new = NewItem(title: value("title") ?? "", themes: r.formValues("themes"),
                          channels: r.formValues("channels").map { ChannelID($0) }, id: value("id"),
                          author: value("author") ?? name, summary: value("summary"), folder: value("folder"))
        if new.title.isEmpty || new.themes.isEmpty || new.channels.isEmpty {
            return try render(c, problems: Failure(.officer(.newItemIncomplete), exitCode: ExitCode.usage), status: 422)
        }
        switch try c.changing({ ws, s throws(Failure) in try Editorial.create(new, workspace: ws, session: s) }) {
        case .success(let file):
            let id = String(file.split(separator: "/").last?.dropLast(3) ?? "")
            return .redirect(to: .item(ItemID(id)), [("done", "created")])
        case .failure(let f): return try render(c, problems: f, status: 422)
        }
    }

    static func render(_ c: RequestContext, problems: Failure?, status: Int) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let r = c.request
        let chosenThemes = Set(r.formValues("themes")), chosenChannels = Set(r.formValues("channels"))
        var body: [HTML] = [.el("h1", text: t(OfficerText.newItem))]
        if let problems { body.append(OfficerUI.failure(problems, c)) }
        let folders = Array(Set(ws.items.compactMap { i -> String? in
            let parts = i.path.split(separator: "/")
            return parts.count > 3 ? parts[2..<(parts.count - 1)].joined(separator: "/") : nil
        })).sorted()
        let themes: [HTML] = ws.plan.projects.map { p in
            .el("details", [], [.el("summary", text: p.short)] + p.phases.flatMap { ph in
                ph.themes.map { th in
                    let ref = "\(p.id.value)/\(ph.id.value)/\(th.id.value)"
                    return Pages.checkbox("themes", value: ref, label: "\(ref) — \(th.title)",
                                          checked: chosenThemes.contains(ref), id: "theme-" + ref.slugForID)
                }
            })
        }
        body.append(Pages.form(.newItem, c, [
            Pages.field(t(OfficerText.title), for: "title", Pages.input("title", value: r.formValue("title") ?? "",
                                                                       attributes: [("required", "")])),
            .el("fieldset", [], [.el("legend", text: t(WebText.themes))] + themes),
            .el("fieldset", [], [.el("legend", text: t(OfficerText.channels))] + ws.channels.map { ch in
                let id = ch.id.value.rawValue
                return Pages.checkbox("channels", value: id, label: ch.name, checked: chosenChannels.contains(id),
                                      id: "channel-" + id)
            }),
            Pages.field(t(OfficerText.itemID), for: "id", Pages.input("id", value: r.formValue("id") ?? ""),
                        hint: t(OfficerText.itemIDHint)),
            Pages.field(t(OfficerText.author), for: "author",
                        Pages.input("author", value: r.formValue("author") ?? "")),
            Pages.field(t(WebText.summary), for: "summary",
                        Pages.textarea("summary", value: r.formValue("summary") ?? "")),
            Pages.field(t(OfficerText.folder), for: "folder",
                        Pages.select("folder", options: [("", "—")] + folders.map { ($0, $0) },
                                     selected: r.formValue("folder") ?? "")),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.createItem))]),
        ]))
        return OfficerUI.page(t(OfficerText.newItem), c, status: status, body)
    }
}

extension String {
    /// A theme reference as an HTML id part: `museum/1.1/b` → `museum-1-1-b`.
    var slugForID: String { String(map { $0.isLetter || $0.isNumber ? $0 : "-" }) }
}
