import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/reports`: month, phase and unit reports as pages with their charts (`HTMLRenderer.fragment` of the same
/// document `loa report` writes), and their Markdown, HTML, CSV, JSON and Word downloads (`?format=…`, as
/// `loa report … --format`). Sensitive topics appear only for users with the permission (`--include-sensitive`).
enum ReportsPage {
    static func index(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let last = c.today.monthOfYear.previous
        var body: [HTML] = [.el("h1", text: t(OfficerText.reportsTitle))]
        body.append(.el("section", [("class", "card")], [
            .el("h2", text: t(OfficerText.monthReport)),
            .el("form", [("method", "get"), ("action", Route.reportMonthChooser.path)], [
                Pages.field(t(OfficerText.month), for: "month", Pages.input("month", value: last.iso, type: "month")),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.open))]),
            ]),
        ]))
        body.append(.el("section", [("class", "card")], [
            .el("h2", text: t(OfficerText.phaseReports)),
            .el("ul", [("class", "plain")], ws.plan.projects.flatMap { p in
                p.phases.map { ph in
                    let active = ph.from.value <= c.today
                    return .el("li", [], [.el("a", [("href", Route.reportPhase(p.id.value, ph.id.value).path)],
                                              text: "\(p.short) \(ph.id.value) — \(ph.name)")]
                                   + (active ? [] : [.text(" "), .el("small", [("class", "muted")],
                                                                     text: t(OfficerText.notStarted))]))
                }
            }),
        ]))
        body.append(try unitFinder(c))
        body.append(.el("section", [("class", "card")], [
            .el("h2", text: t(OfficerText.searchTitle)),
            .el("form", [("method", "get"), ("action", Route.search.path), ("role", "search")], [
                Pages.field(t(OfficerText.searchFor), for: "q", Pages.input("q", value: "", type: "search")),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.search))]),
            ]),
        ]))
        return OfficerUI.page(t(OfficerText.reportsTitle), c, body)
    }

    /// The unit reports: a finder by name and group, its results 50 a page, each a link to the unit's report (a
    /// list of 100,000 units in one page would be megabytes).
    static func unitFinder(_ c: RequestContext) throws -> HTML {
        let t = c.t
        let listing = try UnitListing(c, search: "unit-name")
        let index = try c.index()
        let query: [(String, String?)] = [("unit-name", listing.query.isEmpty ? nil : listing.query),
                                          ("group", listing.group)]
        return .el("section", [("class", "card"), ("id", "units")], [
            .el("h2", text: t(OfficerText.unitReports)),
            .el("form", [("method", "get"), ("action", Route.reports.path + "#units"), ("class", "filters")], [
                Pages.field(t(OfficerText.nameContains), for: "unit-name",
                            Pages.input("unit-name", value: listing.query, type: "search")),
                Pages.field(t(OfficerText.group), for: "group",
                            Pages.select("group", options: listing.groupOptions(index, t: t),
                                         selected: listing.group ?? "")),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")],
                                                        text: t(OfficerText.findUnit))]),
            ]),
            .el("p", [("class", "muted")], text: t(OfficerText.unitsFound(listing.kept.count))),
            .el("ul", [("class", "plain columns")], listing.shown.map { i in
                let u = listing.units[i]
                return .el("li", [], [.el("a", [("href", Route.reportUnit(u.code.value).path)], text: u.name)]
                           + (u.cluster.map {
                               [.el("small", [("class", "muted")], text: " · " + index.clusterName($0))]
                           } ?? []))
            }),
            listing.pager(.reports, query, t: t),
        ])
    }

    /// `/reports/month?month=…`: the form's target, sent on to the report's address.
    static func chooseMonth(_ c: RequestContext) throws -> HTTPResponse {
        guard let month = c.monthQuery("month") else { throw HTTPError(404, c.t(WebText.notFound)) }
        return .redirect(to: .reportMonth(month))
    }

    /// `/reports/unit?unit=…`: the form's target, sent on to the report's address.
    static func chooseUnit(_ c: RequestContext) throws -> HTTPResponse {
        guard let value = c.request.queryValue("unit"), isValidId(value) else {
            throw HTTPError(404, c.t(WebText.notFound))
        }
        return .redirect(to: .reportUnit(UnitCode(value)))
    }

    static func month(_ m: Month, _ c: RequestContext) throws -> HTTPResponse {
        try show(Reporting.month(m), c)
    }

    static func phase(_ projectID: ProjectID, _ phaseID: PhaseID, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        guard let project = ws.plan.projects.first(where: { $0.id.value == projectID }),
              let phase = project.phases.first(where: { $0.id.value == phaseID }) else {
            throw HTTPError(404, c.t(WebText.notFound))
        }
        return try show(Reporting.phase(project, phase, from: c.dayQuery("from"), to: c.dayQuery("to"),
                                        today: c.today), c)
    }

    static func unit(_ code: UnitCode, _ c: RequestContext) throws -> HTTPResponse {
        let ws = try c.workspace()
        guard let unit = ws.units.first(where: { $0.code.value == code }) else {
            throw HTTPError(404, c.t(WebText.notFound))
        }
        return try show(Reporting.unit(unit, from: c.dayQuery("from"), to: c.dayQuery("to"), today: c.today), c)
    }

    /// The report as a page, or (`?format=md|html|csv|json`) as a file to save.
    static func show(_ request: Reporting.Request, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let s = try c.session()
        let sensitive = c.principal.seesSensitive
        let presenter: ReportPresenter
        switch Result(catching: { () throws(Failure) in
            try Reporting.presenter(request, includeSensitive: sensitive, workspace: ws, session: s)
        }) {
        case .success(let p): presenter = p
        case .failure(let f):
            return OfficerUI.page(t(OfficerText.reportsTitle), c, status: 422, [OfficerUI.failure(f, c)])
        }
        if c.request.queryValue("format") == "docx" {
            let bytes = try c.reading { () throws(Failure) in try Reporting.docx(presenter) }
            var r = HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", docxType)], body: bytes)
            r.setHeader("Content-Disposition", "attachment; filename=\"\(request.name).docx\"")
            r.setHeader("Cache-Control", "no-store")
            return r
        }
        if let f = c.request.queryValue("format") {
            guard let format = Reporting.Format(rawValue: f) else { throw HTTPError(404, t(WebText.notFound)) }
            let name = format == .annex ? Reporting.annexName(request.name) : "\(request.name).\(format.rawValue)"
            return OfficerUI.download(Reporting.render(presenter, as: format), name: name,
                                      type: OfficerUI.contentType(format))
        }
        let range = OfficerUI.query([("from", c.request.queryValue("from")), ("to", c.request.queryValue("to"))])
        let keep = range.isEmpty ? "?" : range + "&"
        let doc = presenter.document()
        var body: [HTML] = [
            .el("p", [("class", "noprint")], [
                .el("a", [("href", Route.reports.path)], text: "← " + t(OfficerText.reportsTitle)),
            ]),
            .el("h1", text: doc.subtitle),
        ]
        if case .month = request.subject {} else {
            body.append(.el("form", [("method", "get"), ("class", "filters noprint")], [
                Pages.field(t(OfficerText.from), for: "from",
                            Pages.input("from", value: presenter.figures.from.iso, type: "date")),
                Pages.field(t(OfficerText.to), for: "to", Pages.input("to", value: request.to.iso, type: "date")),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.filter))]),
            ]))
        }
        let formats = Reporting.Format.allCases.map(\.rawValue) + ["docx"]
        body.append(.el("p", [("class", "actions noprint")], formats.map { f in
            .el("a", [("class", "button secondary"), ("href", keep + "format=\(f)"), ("download", "")],
                text: f == "annex" ? t(DocumentText.annexDownload) : t(OfficerText.download(f.uppercased())))
        }))
        if !c.principal.seesSensitive {
            body.append(.el("p", [("class", "notice info noprint")], text: t(OfficerText.sensitiveHidden)))
        }
        body.append(HTMLRenderer.fragment(doc))
        return OfficerUI.page(doc.subtitle, c, body)
    }
}

/// The content type of a Word document.
private let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

/// `/search?q=…`: `loa search` over items, activities and feedback, diacritics optional; sensitive issues only for
/// users with the permission.
enum SearchPage {
    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let q = (c.request.queryValue("q") ?? "").trimmingCharacters(in: .whitespaces)
        var body: [HTML] = [.el("h1", text: t(OfficerText.searchTitle)),
                            .el("form", [("method", "get"), ("action", Route.search.path), ("role", "search")], [
                                Pages.field(t(OfficerText.searchFor), for: "q",
                                            Pages.input("q", value: q, type: "search"),
                                            hint: t(OfficerText.searchHint)),
                                .el("div", [("class", "actions")], [.el("button", [("type", "submit")],
                                                                        text: t(OfficerText.search))]),
                            ])]
        guard !q.isEmpty else { return OfficerUI.page(t(OfficerText.searchTitle), c, body) }
        let ws = try c.workspace()
        let s = try c.session()
        let sensitive = c.principal.seesSensitive
        let hits = try c.reading { () throws(Failure) in
            try Searching.search(String(q.prefix(200)), includeSensitive: sensitive, workspace: ws, session: s)
        }
        body.append(.el("p", [("class", "muted")], text: t(OfficerText.hits(hits.count))))
        body.append(.el("ul", [("class", "plain results")], hits.map { h in
            let title: HTML = h.kind == .item ? .el("a", [("href", Route.item(ItemID(h.ref)).path)], text: h.title)
                : .el("strong", text: h.title)
            let snippet = h.body.count > 240 ? String(h.body.prefix(240)) + "…" : h.body
            return .el("li", [], [OfficerUI.badge(t(h.kind), h.kind.rawValue), .text(" "), title,
                                  .el("small", [("class", "muted")], text: " " + h.ref),
                                  .el("p", [("lang", "vi")], text: snippet)])
        }))
        return OfficerUI.page(t(OfficerText.searchTitle), c, body)
    }
}
