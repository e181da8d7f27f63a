import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/alerts`: open and resolved alerts, oldest first, with "resolve with a note" for officers — the same as
/// `loa alerts` and `loa alerts resolve`. Topics, details and notes only for users with the sensitive permission;
/// everyone else sees counts, units, months and ages, as `loa status` shows them.
enum AlertsPage {
    static func render(_ c: RequestContext, problem: String? = nil, status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        let all = try c.read(orEmpty: [Alert]()) { try $0.alerts(includeResolved: true) }
        let open = all.filter { $0.resolvedOn == nil }, resolved = all.filter { $0.resolvedOn != nil }
        let sensitive = c.principal.seesSensitive
        var body: [HTML] = [.el("h1", text: t(OfficerText.alertsTitle))]
        body += OfficerUI.doneNotice(c)
        if let problem { body.append(Pages.notice(problem, kind: "error")) }
        body.append(.el("p", [], text: t(OfficerText.alertCounts(open: open.count, resolved: resolved.count))))
        if !sensitive { body.append(.el("p", [("class", "notice info")], text: t(OfficerText.sensitiveHidden))) }

        body.append(.el("h2", text: t(CommandText.statusAlerts(open.count))))
        body.append(open.isEmpty ? .el("p", [("class", "muted")], text: t(CommandText.noOpenAlerts))
            : .el("div", [], open.map { a in
                let heading = "#\(a.id) · \(index.unitName(a.unit)) · \(t.shortMonth(a.period))"
                var parts: [HTML] = [.el("h3", text: heading),
                                     .el("p", [("class", "muted")], text: t(OfficerText.openedAgo(
                                         t.date(a.openedOn), days: a.age(on: c.today))))]
                if sensitive {
                    parts.append(.el("p", [], [.el("strong", text: a.topic)]))
                    if let d = a.detail { parts.append(.el("p", [("class", "pre")], text: d)) }
                }
                if c.principal.isOfficer {
                    parts.append(Pages.form(.alertResolve(a.id), c, [
                        Pages.field(t(OfficerText.resolutionNote), for: "note-\(a.id)",
                                    .el("textarea", [("id", "note-\(a.id)"), ("name", "note"), ("rows", "2"),
                                                     ("required", "")])),
                        .el("div", [("class", "actions")], [
                            .el("button", [("type", "submit")], text: t(OfficerText.resolve)),
                        ]),
                    ]))
                }
                return .el("section", [("class", "card"), ("id", "alert-\(a.id)")], parts)
            }))

        body.append(.el("h2", text: t(OfficerText.resolvedAlerts(resolved.count))))
        if !resolved.isEmpty {
            body.append(.el("ul", [("class", "plain")], resolved.reversed().map { a in
                var line = "#\(a.id) · \(index.unitName(a.unit)) · \(t.shortMonth(a.period)) · "
                    + t(CommandText.resolvedOn(t.date(a.resolvedOn ?? a.openedOn)))
                if let by = a.resolvedBy { line += " · \(by)" }
                var parts: [HTML] = [.text(line)]
                if sensitive {
                    parts.append(.el("div", [], [.el("strong", text: a.topic)]))
                    if let n = a.note { parts.append(.el("div", [("class", "pre muted")], text: n)) }
                }
                return .el("li", [("id", "alert-\(a.id)")], parts)
            }))
        }
        return OfficerUI.page(t(OfficerText.alertsTitle), c, status: status, body)
    }

    /// `POST /alerts/ID/resolve` (`note`): `loa alerts resolve ID --note TEXT`, with this user in the audit history.
    static func resolve(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        let note = (c.request.formValue("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { return try render(c, problem: c.t(OfficerText.noteNeeded), status: 422) }
        let s = try c.session()
        let done = try c.write { try $0.resolveAlert(id: id, note: note, today: s.today, actor: s.actor) }
        guard done else { return try render(c, problem: c.t(Message.noOpenAlert(id)), status: 422) }
        return .redirect(to: .alerts, [("done", "resolved")])
    }
}
