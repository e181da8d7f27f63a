import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/completeness`: reporting completeness, units × months (`Completeness`), filtered by cluster, and the units
/// that have not sent a month's report with their links (officers), as a page and as CSV for reminders.
enum CompletenessPage {
    struct View {
        let grid: Completeness
        let month: Month
        let cluster: String?
        let clusters: [String]
        let from: Month
        let to: Month
    }

    static func view(_ c: RequestContext) throws -> View {
        let ws = try c.workspace()
        let expectation = try c.expectation()
        let defaults = Completeness.defaultMonths(today: c.today, expectation: expectation)
        var from = c.monthQuery("from") ?? defaults.first ?? c.today.monthOfYear.previous
        var to = c.monthQuery("to") ?? defaults.last ?? c.today.monthOfYear.previous
        if to < from { swap(&from, &to) }
        // at most three years on one screen
        let months = Array(Month.range(from, to).suffix(36))
        let cluster = c.request.queryValue("cluster").flatMap { $0.isEmpty ? nil : $0 }
        let units = VietnameseOrder.sorted(ws.units.filter { cluster == nil || $0.cluster == cluster }) { $0.name }
        let submissions = try c.read(orEmpty: [:]) { try $0.submissions(from: months[0], to: months[months.count - 1]) }
        let grid = Completeness(units: units, months: months, submissions: submissions, plan: ws.plan, today: c.today,
                                expectation: expectation)
        let month = c.monthQuery("month").flatMap { months.contains($0) ? $0 : nil } ?? months[months.count - 1]
        return View(grid: grid, month: month, cluster: cluster, clusters: Completeness.clusters(of: ws.units),
                    from: months[0], to: months[months.count - 1])
    }

    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let v = try view(c)
        let ws = try c.workspace()
        var body: [HTML] = [.el("h1", text: t(OfficerText.completenessTitle))]
        body.append(.el("form", [("method", "get"), ("action", Route.completeness.path),
                                 ("class", "filters noprint")], [
            Pages.field(t(OfficerText.fromMonth), for: "from", Pages.input("from", value: v.from.iso, type: "month")),
            Pages.field(t(OfficerText.toMonth), for: "to", Pages.input("to", value: v.to.iso, type: "month")),
            Pages.field(t(OfficerText.cluster), for: "cluster",
                        Pages.select("cluster", options: [("", t(OfficerText.all))] + v.clusters.map { ($0, $0) },
                                     selected: v.cluster ?? "")),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.filter))]),
        ]))
        body.append(try table(v, c))
        body.append(.el("p", [("class", "legend")], [
            OfficerUI.badge("✓ " + t(OfficerText.onTime), "ok"), OfficerUI.badge("± " + t(OfficerText.late), "late"),
            OfficerUI.badge("✗ " + t(OfficerText.missing), "missing"),
            OfficerUI.badge("… " + t(OfficerText.pending), "pending"),
            OfficerUI.badge("— " + t(OfficerText.notExpected), "none"),
        ]))
        body.append(try reminders(v, ws, c))
        return OfficerUI.page(t(OfficerText.completenessTitle), c, body)
    }

    static func table(_ v: View, _ c: RequestContext) throws -> HTML {
        let t = c.t
        let returned = try c.read(orEmpty: [:]) { try $0.openReturns(period: v.month) }
        let head = HTML.el("tr", [], [.el("th", [("scope", "col")], text: t(OfficerText.unit)),
                                      .el("th", [("scope", "col")], text: t(OfficerText.cluster))]
                           + v.grid.months.map { m in
                               .el("th", [("scope", "col")], [
                                   .el("a", [("href", link(v, month: m))], text: t.shortMonth(m)),
                               ])
                           })
        let rows = v.grid.rows.map { row -> HTML in
            .el("tr", [], [.el("th", [("scope", "row")], UnitMonthPage.rowHeading(row.unit, v.month, returned, c)),
                           .el("td", [], text: row.unit.cluster ?? "")] + row.cells.map { cell($0, t) })
        }
        let totals = HTML.el("tr", [("class", "totals")], [.el("th", [("scope", "row"), ("colspan", "2")],
                                                                text: t(OfficerText.receivedOfExpected))]
            + v.grid.totals.map { x in
                .el("td", [("class", "num")], text: "\(x.received)/\(x.expected) · \(t.percent(x.rate))")
            })
        return .el("div", [("class", "scroll")], [.el("table", [("class", "grid completeness")], [
            .el("thead", [], [head]), .el("tbody", [], rows + [totals]),
        ])])
    }

    static func cell(_ cell: Completeness.Cell, _ t: Localizer) -> HTML {
        switch cell {
        case .notExpected: return .el("td", [("class", "state none")], text: "—")
        case .expected(.onTime(let d)): return .el("td", [("class", "state ok")], text: "✓ " + t.shortDate(d))
        case .expected(.late(let d)): return .el("td", [("class", "state late")], text: "± " + t.shortDate(d))
        case .expected(.missing(_, true)): return .el("td", [("class", "state missing")], text: "✗")
        case .expected(.missing(let due, false)):
            return .el("td", [("class", "state pending")], text: "… " + t.shortDate(due))
        }
    }

    static func link(_ v: View, month: Month) -> String {
        Route.completeness.path([("from", v.from.iso), ("to", v.to.iso), ("cluster", v.cluster),
                                 ("month", month.iso)]) + "#reminders"
    }

    /// The units that have not sent the month's report, with their links (officers), e-mail and a CSV of both.
    static func reminders(_ v: View, _ ws: Workspace, _ c: RequestContext) throws -> HTML {
        let t = c.t
        let missing = v.grid.missing(in: v.month)
        let links = c.principal.isOfficer ? try c.unitLinks(missing.map(\.code.value)) : [:]
        let heading = t(OfficerText.notSent(t.month(v.month), missing.count))
        var parts: [HTML] = [.el("h2", [("id", "reminders")], text: heading)]
        parts.append(.el("p", [("class", "muted")],
                         text: t(OfficerText.dueOn(t.date(ws.plan.reportDueDate(for: v.month))))))
        if missing.isEmpty {
            parts.append(.el("p", [], text: t(OfficerText.everyoneSent)))
            return .el("section", [("class", "card")], parts)
        }
        parts.append(.el("ul", [("class", "plain")], missing.map { u in
            var line: [HTML] = [.el("strong", text: u.name)]
            if let e = u.email { line += [.text(" · "), .el("a", [("href", "mailto:\(e)")], text: e)] }
            if let l = links[u.code.value] { line += [.el("br"), .el("code", [("class", "link")], text: l)] }
            return .el("li", [], line)
        }))
        let csv = Route.reminders.path([("month", v.month.iso), ("cluster", v.cluster), ("from", v.from.iso),
                                        ("to", v.to.iso)])
        parts.append(.el("p", [("class", "noprint")], [.el("a", [("class", "button secondary"), ("href", csv)],
                                                           text: t(OfficerText.downloadCSV))]))
        if !c.principal.isOfficer {
            parts.append(.el("p", [("class", "muted")], text: t(OfficerText.linksForOfficers)))
        }
        return .el("section", [("class", "card")], parts)
    }

    /// `/completeness/reminders.csv`: `code,name,cluster,email,period,due,url` (the link for officers only), UTF-8
    /// with a BOM, cells that would run as formulas neutralised (`CSVWriter`).
    static func csv(_ c: RequestContext) throws -> HTTPResponse {
        let v = try view(c)
        let ws = try c.workspace()
        let missing = v.grid.missing(in: v.month)
        let links = c.principal.isOfficer ? try c.unitLinks(missing.map(\.code.value)) : [:]
        let due = ws.plan.reportDueDate(for: v.month).iso
        var rows: [[String]] = [["code", "name", "cluster", "email", "period", "due", "url"]]
        for u in missing {
            rows.append([u.code.value.rawValue, u.name, u.cluster ?? "", u.email ?? "", v.month.iso, due,
                         links[u.code.value] ?? ""])
        }
        return OfficerUI.download(CSVWriter.document(rows), name: "reminders-\(v.month.iso).csv",
                                  type: "text/csv; charset=utf-8")
    }
}
