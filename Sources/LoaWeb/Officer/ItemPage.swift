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
            .el("li", text: index.themeName(r))
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
        if c.principal.isOfficer, item.status != .archived {
            body.append(.el("p", [], [.el("a", [("class", "button"), ("href", Route.itemEdit(item.id.value).path)],
                                          text: t(ItemText.edit))]))
        }
        if c.principal.holds(.approve) { body.append(actions(item, pinDays: try pinDays(item, ws, c), c)) }

        var preview: [HTML] = [.el("h2", [("lang", "vi")], text: item.title)]
        if let s = item.summary, !s.isEmpty { preview.append(.el("p", [("class", "lead")], text: s)) }
        preview.append(.trusted(ItemEditorPage.previewHTML(item.body)))
        body.append(.el("h2", text: t(OfficerText.preview)))
        // content items are written in Vietnamese whatever the interface language
        body.append(.el("article", [("lang", "vi"), ("class", "preview")], preview))

        let history = try c.read(orEmpty: [AuditEntry]()) {
            try $0.auditHistory(subject: Editorial.subject(item.id.value))
        }
        if !history.isEmpty {
            body.append(.el("h2", text: t(OfficerText.history)))
            body.append(.el("ul", [("class", "plain")], history.reversed().map { e in
                // a creation's detail is the file it wrote: a page names no file
                let detail = e.action == .itemCreated ? nil : e.detail
                return .el("li", [], [
                    .text("\(t.date(e.day)) · \(e.actor.name) · \(t(OfficerText.auditAction(e.action)))"),
                    .el("span", [("class", "pre muted")], text: detail.map { " — \($0)" } ?? ""),
                ])
            }))
        }
        return OfficerUI.page(item.title, c, status: status, body)
    }

    /// The days an officer is offered to pin the item to, this month and the next two: the calendar's own list.
    static func pinDays(_ item: Item, _ ws: Workspace, _ c: RequestContext) throws -> [Day] {
        guard c.principal.isOfficer else { return [] }
        let s = try c.session()
        return try c.workflow { () throws(Failure) in try CalendarEditing.pinDays(item, months: 3, workspace: ws,
                                                                                   session: s) }
    }

    static func actions(_ item: Item, pinDays: [Day], _ c: RequestContext) -> HTML {
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
        guard c.principal.isOfficer else { return .el("section", [("class", "card")], parts) }
        // only days that keep every rule are offered (SPEC §9.7); with none, a sentence says why
        var pin: [HTML] = []
        var buttons: [HTML] = []
        if pinDays.isEmpty {
            pin.append(.el("p", [("class", "muted")], text: t(item.status == .approved ? OfficerText.noPinDays
                                                                : OfficerText.pinNeedsApproval)))
        } else {
            let current = item.pin?.value.iso ?? ""
            pin.append(Pages.field(t(OfficerText.pinDate), for: "date",
                                   Pages.select("date", options: pinDays.map { ($0.iso, t.date($0)) },
                                                selected: current),
                                   hint: t(OfficerText.pinHint)))
            buttons.append(.el("button", [("type", "submit"), ("class", "secondary")], text: t(OfficerText.pin)))
        }
        if item.pin != nil {
            buttons.append(.el("button", [("type", "submit"), ("class", "secondary"),
                                          ("formaction", Route.itemUnpin(id).path),
                                          ("formnovalidate", "")], text: t(OfficerText.unpin)))
        }
        if buttons.isEmpty {
            parts += pin
        } else {
            pin.append(.el("div", [("class", "actions")], buttons))
            parts.append(Pages.form(.itemPin(id), c, pin))
        }
        return .el("section", [("class", "card")], parts)
    }
}

extension String {
    /// A theme reference as an HTML id part: `museum/1.1/b` → `museum-1-1-b`.
    var slugForID: String { String(map { $0.isLetter || $0.isNumber ? $0 : "-" }) }
}
