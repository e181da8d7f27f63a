import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/alerts`: open and resolved alerts, oldest first, each with its follow-up, for officers to resolve, note and report
/// to the competent authority — the same as `loa alerts`, `resolve`, `note`, `escalate` and `issued`, through the same
/// workflow. Topics, details and notes only for users with the sensitive permission; everyone else sees counts, units,
/// months, ages and the steps taken.
enum AlertsPage {
    static func render(_ c: RequestContext, problem: String? = nil, status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let index = WorkspaceIndex(ws)
        let s = try c.session()
        let all = try c.reading { () throws(Failure) in try AlertFollowUp.all(includeResolved: true, session: s) }
        let open = all.filter { $0.alert.resolvedOn == nil }, resolved = all.filter { $0.alert.resolvedOn != nil }
        let sensitive = c.principal.seesSensitive
        var body: [HTML] = [.el("h1", text: t(OfficerText.alertsTitle))]
        body += OfficerUI.doneNotice(c)
        if let key = c.request.queryValue("done"), let text = doneText[key] { body.append(Pages.notice(t(text))) }
        if let key = c.request.queryValue("notice"), let (text, kind) = noticeText[key] {
            body.append(Pages.notice(t(text), kind: kind))
        }
        if let problem { body.append(Pages.notice(problem, kind: "error")) }
        body.append(.el("p", [], text: t(OfficerText.alertCounts(open: open.count, resolved: resolved.count))))
        if !sensitive { body.append(.el("p", [("class", "notice info")], text: t(OfficerText.sensitiveHidden))) }

        body.append(.el("h2", text: t(CommandText.statusAlerts(open.count))))
        body.append(open.isEmpty ? .el("p", [("class", "muted")], text: t(CommandText.noOpenAlerts))
            : .el("div", [], open.map { card($0, ws: ws, index: index, c) }))

        body.append(.el("h2", text: t(OfficerText.resolvedAlerts(resolved.count))))
        if !resolved.isEmpty {
            body.append(.el("ul", [("class", "plain")], resolved.reversed().map { record in
                let a = record.alert
                var line = "#\(a.id) · \(index.unitName(a.unit)) · \(t.shortMonth(a.period)) · "
                    + t(CommandText.resolvedOn(t.date(a.resolvedOn ?? a.openedOn)))
                if let by = a.resolvedBy { line += " · \(by)" }
                var parts: [HTML] = [.text(line)]
                if sensitive {
                    parts.append(.el("div", [], [.el("strong", text: a.topic)]))
                    if let n = a.note { parts.append(.el("div", [("class", "pre muted")], text: n)) }
                }
                parts.append(history(record, plan: ws.plan, c))
                return .el("li", [("id", "alert-\(a.id)")], parts)
            }))
        }
        return OfficerUI.page(t(OfficerText.alertsTitle), c, status: status, body)
    }

    /// An open alert: what was reported, its follow-up, and the forms of what an officer may do next.
    static func card(_ record: AlertFollowUp.Record, ws: Workspace, index: WorkspaceIndex,
                     _ c: RequestContext) -> HTML {
        let t = c.t, a = record.alert, id = a.id
        let heading = "#\(id) · \(index.unitName(a.unit)) · \(t.shortMonth(a.period))"
        var parts: [HTML] = [.el("h3", text: heading),
                             .el("p", [("class", "muted")], text: t(OfficerText.openedAgo(
                                 t.date(a.openedOn), days: a.age(on: c.today))))]
        if c.principal.seesSensitive {
            parts.append(.el("p", [], [.el("strong", text: a.topic)]))
            if let d = a.detail { parts.append(.el("p", [("class", "pre")], text: d)) }
        }
        parts.append(history(record, plan: ws.plan, c))
        guard c.principal.isOfficer else { return .el("section", [("class", "card"), ("id", "alert-\(id)")], parts) }

        let escalated = record.history.contains { $0.action == .escalated }
        if c.principal.seesSensitive {
            parts.append(.el("h4", text: t(EscalationText.escalateHeading)))
            if escalated {
                parts.append(.el("p", [("class", "actions")], [
                    .el("a", [("class", "button secondary"), ("href", Route.alertReport(id).path([("format", "docx")])),
                              ("download", "")], text: t(EscalationText.downloadWord)),
                    .el("a", [("class", "button secondary"), ("href", Route.alertReport(id).path)],
                        text: t(EscalationText.downloadPage)),
                ]))
                parts.append(Pages.form(.alertIssued(id), c, [
                    Pages.field(t(EscalationText.numberLabel), for: "number-\(id)",
                                .el("input", [("id", "number-\(id)"), ("name", "number"), ("required", "")])),
                    Pages.field(t(EscalationText.issuedOnLabel), for: "date-\(id)",
                                .el("input", [("id", "date-\(id)"), ("name", "date"), ("type", "date"),
                                              ("value", c.today.iso)])),
                    .el("div", [("class", "actions")], [
                        .el("button", [("type", "submit")], text: t(EscalationText.recordIssued)),
                    ]),
                ]))
            }
            if ws.plan.authorities.isEmpty {
                parts.append(.el("p", [("class", "muted")], text: t(EscalationText.noAuthorities)))
            } else {
                parts.append(Pages.form(.alertEscalate(id), c, [
                    Pages.field(t(EscalationText.authorityLabel), for: "to-\(id)",
                                .el("select", [("id", "to-\(id)"), ("name", "to")], ws.plan.authorities.map {
                                    .el("option", [("value", $0.id.value.rawValue)], text: $0.name)
                                })),
                    Pages.field(t(EscalationText.proposalLabel), for: "proposal-\(id)",
                                .el("textarea", [("id", "proposal-\(id)"), ("name", "note"), ("rows", "2")])),
                    .el("div", [("class", "actions")], [
                        .el("button", [("type", "submit")], text: t(EscalationText.escalateButton)),
                    ]),
                ]))
            }
        }
        parts.append(Pages.form(.alertNote(id), c, [
            Pages.field(t(EscalationText.noteLabel), for: "follow-\(id)",
                        .el("textarea", [("id", "follow-\(id)"), ("name", "note"), ("rows", "2"), ("required", "")])),
            .el("div", [("class", "actions")], [
                .el("button", [("type", "submit"), ("class", "secondary")], text: t(EscalationText.addNote)),
            ]),
        ]))
        parts.append(Pages.form(.alertResolve(id), c, [
            Pages.field(t(OfficerText.resolutionNote), for: "note-\(id)",
                        .el("textarea", [("id", "note-\(id)"), ("name", "note"), ("rows", "2"), ("required", "")])),
            .el("div", [("class", "actions")], [
                .el("button", [("type", "submit")], text: t(OfficerText.resolve)),
            ]),
        ]))
        return .el("section", [("class", "card"), ("id", "alert-\(id)")], parts)
    }

    /// The steps after the alert opened, one a line; a note's text only with the sensitive permission.
    static func history(_ record: AlertFollowUp.Record, plan: Plan, _ c: RequestContext) -> HTML {
        let steps = record.history.filter { [.escalated, .note, .issued].contains($0.action) }
        guard !steps.isEmpty else { return .text("") }
        return .el("div", [("class", "history")], [
            .el("h4", text: c.t(EscalationText.historyHeading)),
            .el("ul", [("class", "plain")], steps.map { e in
                .el("li", [], text: AlertHistoryText.line(e, plan: plan, details: c.principal.seesSensitive, t: c.t))
            }),
        ])
    }

    /// `POST /alerts/ID/resolve` (`note`): `loa alerts resolve ID --note TEXT`.
    static func resolve(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        try act(c, done: "resolved") { s throws(Failure) in
            try AlertFollowUp.resolve(id, note: c.request.formValue("note") ?? "", session: s)
        }
    }

    /// `POST /alerts/ID/note` (`note`): `loa alerts note ID --note TEXT`.
    static func note(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        try act(c, done: "noted") { s throws(Failure) in
            try AlertFollowUp.note(id, note: c.request.formValue("note") ?? "", session: s)
        }
    }

    /// `POST /alerts/ID/escalate` (`to`, `note`): `loa alerts escalate ID --to AUTHORITY --note TEXT`.
    static func escalate(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let proposal = (c.request.formValue("note") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var notice = "none"
        return try act(c, done: "escalated", also: { [("notice", notice)] }) { s throws(Failure) in
            switch try AlertFollowUp.escalate(id, to: AuthorityID(c.request.formValue("to") ?? ""),
                                              proposal: proposal.isEmpty ? nil : proposal, workspace: ws,
                                              session: s).notice {
            case .sent: notice = "sent"
            case .written: notice = "written"
            case .failed: notice = "failed"
            case .noAddress: notice = "none"
            }
        }
    }

    /// `POST /alerts/ID/issued` (`number`, `date`): `loa alerts issued ID --number N --date D`.
    static func issued(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        let date = c.request.formValue("date").flatMap { Day(iso: $0) } ?? c.today
        return try act(c, done: "issued") { s throws(Failure) in
            try AlertFollowUp.issued(id, number: c.request.formValue("number") ?? "", on: date, workspace: ws,
                                     session: s)
        }
    }

    /// `GET /alerts/ID/report[?format=docx]`: the report of the matter as written last, to print or to finish in Word.
    static func report(_ id: Int, _ c: RequestContext) throws -> HTTPResponse {
        let docx = c.request.queryValue("format") == "docx"
        let path = try c.session().paths.report("alert-\(id)") + (docx ? ".docx" : ".html")
        guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(404, c.t(WebText.notFound)) }
        var r = HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", docx ? docxType
            : "text/html; charset=utf-8")], body: Array(data))
        if docx { r.setHeader("Content-Disposition", "attachment; filename=\"alert-\(id).docx\"") }
        r.setHeader("Cache-Control", "no-store")
        return r
    }

    /// Runs a follow-up step through the workflow: back to the page with a notice, or the page again with what was
    /// wrong (422) and nothing recorded.
    static func act(_ c: RequestContext, done: String, also: () -> [(String, String?)] = { [] },
                    _ step: (Session) throws(Failure) -> Void) throws -> HTTPResponse {
        do {
            try step(try c.session())
        } catch let f as Failure {
            let why = f.diagnostics.filter { $0.severity == .error }.map { $0.message.text(c.language) }
            return try render(c, problem: why.joined(separator: " "), status: 422)
        }
        return .redirect(to: .alerts, [("done", done)] + also())
    }

    /// What became of the notice to the authority after an escalation.
    static let noticeText: [String: (EscalationText, String)] = [
        "sent": (.noticeSentWeb, "ok"), "written": (.noticeNotSetUp, "info"), "failed": (.noticeFailedWeb, "error"),
    ]

    static let doneText: [String: EscalationText] = [
        "noted": .doneNoted, "escalated": .doneEscalated, "issued": .doneIssued,
    ]
}

/// The content type of a Word document.
private let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
