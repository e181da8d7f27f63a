import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/completeness`: reporting completeness, units × months (`Completeness`), 50 units a page, filtered by group
/// (a cluster or a group above it), name and state; the month's states by group of a level, each group drilling
/// down to its own; and the units that have not sent a month's report with their links (officers), as a page and
/// as CSV for reminders.
enum CompletenessPage {
    /// A unit's state in the month a filter looks at.
    enum StateFilter: String, CaseIterable {
        case missing, late, onTime = "on-time"

        func admits(_ state: Completeness.State) -> Bool {
            switch (self, state) {
            case (.missing, .overdue), (.missing, .pending), (.late, .late), (.onTime, .onTime): true
            default: false
            }
        }
    }

    /// One group of the summary by level: its units kept by the filters and their states in the month.
    struct GroupRow {
        let group: String?
        var units = 0
        var totals = Completeness.Totals()
    }

    struct View {
        /// The page of units shown (`grid.rows`), with the totals of every unit the filters keep.
        let grid: Completeness
        let listing: UnitListing
        let month: Month
        let state: StateFilter?
        /// Places in `units.csv` of the units kept that have not sent the month's report, in name order.
        let missing: [Int]
        let level: ReportLevel
        let groups: [GroupRow]
        let from: Month
        let to: Month

        /// The filters as query values, for links that keep them.
        var query: [(String, String?)] {
            [("from", from.iso), ("to", to.iso), ("month", month.iso), ("group", listing.group),
             ("q", listing.query.isEmpty ? nil : listing.query), ("state", state?.rawValue)]
        }
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
        var listing = try UnitListing(c)
        let units = listing.units
        let generation = try c.indexAndGeneration().generation
        let grid = try c.appOrFail().unitLists.grid(c, units: units, generation: generation, months: months)
        let month = c.monthQuery("month").flatMap { months.contains($0) ? $0 : nil } ?? months[months.count - 1]
        let m = months.firstIndex(of: month) ?? months.count - 1
        let dues = months.map { ws.plan.reportDueDate(for: $0) }
        let dueOrdinals = dues.map(\.ordinal)
        let firsts = months.map(\.first), lasts = months.map(\.last)
        let counted = months.map { $0 >= expectation.start }
        let today = c.today
        /// `ReportExpectation.isExpected` with each month's first and last day worked out once.
        func expected(_ i: Int, _ k: Int) -> Bool { counted[k] && units[i].exists(from: firsts[k], to: lasts[k]) }
        // the same states as `ReportState`, with each month's due date worked out once
        func cell(_ i: Int, _ k: Int) -> Completeness.Cell {
            guard expected(i, k) else { return .notExpected }
            if let d = grid.submitted(unit: i, month: k) {
                return .expected(d <= dues[k] ? .onTime(submitted: d) : .late(submitted: d))
            }
            return .expected(.missing(due: dues[k], overdue: today > dues[k]))
        }
        /// The same state as a small number, for totals and filters over every unit (no day is built).
        func state(_ i: Int, _ k: Int) -> Completeness.State {
            guard expected(i, k) else { return .notExpected }
            switch grid.onTime(unit: i, month: k, dueOrdinal: dueOrdinals[k]) {
            case true?: return .onTime
            case false?: return .late
            case nil: return today > dues[k] ? .overdue : .pending
            }
        }
        // totals and the summary by level count every unit the group and name filters keep
        var totals = [Completeness.Totals](repeating: Completeness.Totals(), count: months.count)
        var missing: [Int] = []
        let hierarchy = listing.names.hierarchy
        // the summary's levels stop above the unit: units are listed below it
        let levels = Array(hierarchy.levels.dropFirst())
        let level = c.request.queryValue("level").flatMap(ReportLevel.init).flatMap { levels.contains($0) ? $0 : nil }
            ?? hierarchy.defaultLevel(for: listing.kept.lazy.map { units[$0] }, among: levels)
        var groups: [GroupRow] = []
        var groupIndex: [String?: Int] = [:]
        for i in listing.kept {
            for k in months.indices { totals[k].add(state(i, k)) }
            let here = state(i, m)
            if here == .overdue || here == .pending { missing.append(i) }
            let key = hierarchy.group(of: units[i], at: level)
            let g = groupIndex[key] ?? {
                groups.append(GroupRow(group: key))
                groupIndex[key] = groups.count - 1
                return groups.count - 1
            }()
            groups[g].units += 1
            groups[g].totals.add(here)
        }
        groups.sort { hierarchy.precedes($0.group, $1.group) }
        let filter = c.request.queryValue("state").flatMap(StateFilter.init(rawValue:))
        if let filter { listing.kept = listing.kept.filter { filter.admits(state($0, m)) } }
        let rows = listing.shown.map { i in
            Completeness.Row(unit: units[i], cells: months.indices.map { cell(i, $0) })
        }
        return View(grid: Completeness(months: months, rows: rows, totals: totals), listing: listing, month: month,
                    state: filter, missing: missing, level: level, groups: groups, from: months[0],
                    to: months[months.count - 1])
    }

    static func render(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let v = try view(c)
        let ws = try c.workspace()
        let index = try c.index()
        var body: [HTML] = [.el("h1", text: t(OfficerText.completenessTitle))]
        body.append(.el("form", [("method", "get"), ("action", Route.completeness.path),
                                 ("class", "filters noprint")], [
            Pages.field(t(OfficerText.fromMonth), for: "from", Pages.input("from", value: v.from.iso, type: "month")),
            Pages.field(t(OfficerText.toMonth), for: "to", Pages.input("to", value: v.to.iso, type: "month")),
            Pages.field(t(OfficerText.group), for: "group",
                        Pages.select("group", options: v.listing.groupOptions(index, t: t),
                                     selected: v.listing.group ?? "")),
            Pages.field(t(OfficerText.nameContains), for: "q", Pages.input("q", value: v.listing.query,
                                                                             type: "search")),
            Pages.field(t(OfficerText.stateIn(t.shortMonth(v.month))), for: "state",
                        Pages.select("state", options: [("", t(OfficerText.anyState))] + [
                            (StateFilter.missing.rawValue, t(OfficerText.missing)),
                            (StateFilter.late.rawValue, t(OfficerText.late)),
                            (StateFilter.onTime.rawValue, t(OfficerText.onTime)),
                        ], selected: v.state?.rawValue ?? "")),
            .el("input", [("type", "hidden"), ("name", "month"), ("value", v.month.iso)]),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(OfficerText.filter))]),
        ]))
        body.append(summary(v, index, c))
        body.append(v.listing.pager(.completeness, v.query, t: t))
        body.append(try table(v, c))
        body.append(v.listing.pager(.completeness, v.query, t: t))
        body.append(.el("p", [("class", "legend")], [
            OfficerUI.badge("✓ " + t(OfficerText.onTime), "ok"), OfficerUI.badge("± " + t(OfficerText.late), "late"),
            OfficerUI.badge("✗ " + t(OfficerText.missing), "missing"),
            OfficerUI.badge("… " + t(OfficerText.pending), "pending"),
            OfficerUI.badge("— " + t(OfficerText.notExpected), "none"),
        ]))
        body.append(try reminders(v, ws, c))
        return OfficerUI.page(t(OfficerText.completenessTitle), c, body)
    }

    /// The month's states by group of a level, each group a link to its own units and the groups below it.
    static func summary(_ v: View, _ index: WorkspaceIndex, _ c: RequestContext) -> HTML {
        let t = c.t
        guard v.groups.contains(where: { $0.group != nil }) || v.listing.group != nil else { return .trusted("") }
        var parts: [HTML] = [.el("h2", text: t(OfficerText.groupsOf(t.month(v.month))))]
        if let group = v.listing.group {
            let chain = v.listing.names.hierarchy.chain(of: group)
            let up = chain.count > 1 ? chain[1] : nil
            parts.append(.el("p", [("class", "noprint")], [
                .el("a", [("href", Route.completeness.path(filters(v, group: up)))], text: t(OfficerText.upOneLevel)),
                .text(" · " + index.clusterName(group)),
            ]))
        }
        let head = HTML.el("tr", [], [t(OfficerText.group), t(OfficerText.groupUnits), t(OfficerText.onTime),
                                      t(OfficerText.late), t(OfficerText.missing), t(OfficerText.pending),
                                      t(OfficerText.receivedOfExpected)].map {
            .el("th", [("scope", "col")], text: $0)
        })
        let rows = v.groups.prefix(200).map { g -> HTML in
            let name = g.group.map(index.clusterName) ?? t(DocumentText.clusterNone)
            let label: HTML = g.group.map { .el("a", [("href", Route.completeness.path(filters(v, group: $0)))],
                                                text: name) } ?? .text(name)
            let x = g.totals
            return .el("tr", [], [.el("th", [("scope", "row")], [label])] + [
                t.count(g.units), t.count(x.onTime), t.count(x.late), t.count(x.overdue), t.count(x.pending),
                "\(t.count(x.received))/\(t.count(x.expected)) · \(t.percent(x.rate))",
            ].map { .el("td", [("class", "num")], text: $0) })
        }
        parts.append(.el("div", [("class", "scroll")], [.el("table", [("class", "grid groups")], [
            .el("thead", [], [head]), .el("tbody", [], rows),
        ])]))
        return .el("section", [("class", "card")], parts)
    }

    /// The view's filters with another group (drilling down or up), from its first page.
    static func filters(_ v: View, group: String?) -> [(String, String?)] {
        [("from", v.from.iso), ("to", v.to.iso), ("month", v.month.iso), ("group", group),
         ("state", v.state?.rawValue)]
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
        let rows = v.grid.rows.map { row(v, $0, returned, c) }
        let totals = HTML.el("tr", [("class", "totals")], [.el("th", [("scope", "row"), ("colspan", "2")],
                                                                text: t(OfficerText.receivedOfExpected))]
            + v.grid.totals.map { x in
                .el("td", [("class", "num")], text: "\(x.received)/\(x.expected) · \(t.percent(x.rate))")
            })
        return .el("div", [("class", "scroll")], [.el("table", [("class", "grid completeness")], [
            .el("thead", [], [head]), .el("tbody", [], rows + [totals]),
        ])])
    }

    /// One unit's row: its name (a link to what it sent for the month, marked when returned), its cluster and a
    /// cell per month.
    static func row(_ v: View, _ row: Completeness.Row, _ returned: [UnitCode: ReportReturn],
                    _ c: RequestContext) -> HTML {
        .el("tr", [], [.el("th", [("scope", "row")], UnitMonthPage.rowHeading(row.unit, v.month, returned, c)),
                       .el("td", [], text: row.unit.cluster ?? "")] + row.cells.map { cell($0, c.t) })
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
        Route.completeness.path([("from", v.from.iso), ("to", v.to.iso), ("group", v.listing.group),
                                 ("q", v.listing.query.isEmpty ? nil : v.listing.query), ("month", month.iso)])
            + "#reminders"
    }

    /// The units that have not sent the month's report, with their links (officers), e-mail and a CSV of both.
    static func reminders(_ v: View, _ ws: Workspace, _ c: RequestContext) throws -> HTML {
        let t = c.t
        // the first units not sent, with their links; every one of them in the CSV
        let missing = v.missing.prefix(Pagination.size).map { v.listing.units[$0] }
        let links = c.principal.isOfficer ? try c.unitLinks(missing.map(\.code.value)) : [:]
        let heading = t(OfficerText.notSent(t.month(v.month), v.missing.count))
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
        if v.missing.count > missing.count {
            parts.append(.el("p", [("class", "muted")],
                             text: t(OfficerText.moreNotSent(v.missing.count - missing.count))))
        }
        let csv = Route.reminders.path([("month", v.month.iso), ("group", v.listing.group),
                                        ("q", v.listing.query.isEmpty ? nil : v.listing.query), ("from", v.from.iso),
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
        let missing = v.missing.map { v.listing.units[$0] }
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
