import LoaCore

/// The report's figures for machines: JSON (SPEC §8) and CSV for spreadsheets.
extension ReportPresenter {
    /// Every figure as JSON (SPEC §8), keys in their natural order, as a tree (`writeJSON` writes the same bytes
    /// without building it).
    public func json() -> JSON {
        let f = figures, r = f.reporting
        return .object([
            ("from", .string(f.from.iso)), ("to", .string(f.to.iso)),
            ("interim", .bool(f.interim)), ("as_of", f.asOf.map { .string($0.iso) } ?? .null),
            ("content", contentJSON),
            ("activities", .object([("count", .int(f.activityCount)), ("participants", .int(f.participants)),
                                    ("by_unit", .counts(f.activitiesByUnit)),
                                    ("by_type", .counts(Dictionary(
                                        uniqueKeysWithValues: f.activitiesByType.map { ($0.key.rawValue, $0.value) }))),
                                    ("by_project", .counts(f.activitiesByProject)),
                                        ("by_theme", .counts(f.activitiesByTheme)),
                                    ("reach", .share(f.reach)),
                                    ("units_without_activity",
                                        .array(f.unitsWithoutActivity.map { .string($0.rawValue) }))])),
            ("reporting", .object([("expected", .int(r.expected)), ("received", .int(r.received)),
                ("on_time", .int(r.onTime)), ("pending", .int(r.pending)),
                                   ("rate", .share(r.rate)), ("timeliness", .share(r.timeliness)),
                                   ("tracking_from", f.trackingFrom.map { .string($0.iso) } ?? .null),
                                   ("missing", .array(r.missing.map { .object([("unit", .string($0.unit.rawValue)),
                                                                               ("period", .string($0.period.iso))]) })),
                                   ("missing_by_unit", .counts(Dictionary(grouping: r.missing,
                                       by: \.unit).mapValues(\.count))),
                                   ("by_month", byMonthJSON)])),
            ("targets", targetsJSON),
            ("feedback", feedbackJSON),
            ("by_level", levelJSON),
        ])
    }

    /// The figures by level: the level, the levels the workspace has, and each group's figures (`group` its code,
    /// null for units without a cluster).
    var levelJSON: JSON {
        guard let l = figures.byLevel else { return .null }
        return .object([("level", .string(l.level.description)),
                        ("levels", .array(l.levels.map { .string($0.description) })),
                        ("groups", .array(l.groups.map(groupJSON)))])
    }

    func groupJSON(_ g: GroupFigures) -> JSON {
        let r = g.reporting
        return .object([("group", g.group.map(JSON.string) ?? .null), ("name", .string(groupName(g))),
                        ("units", .int(g.units)), ("members", .int(g.members)),
                        ("expected", .int(r.expected)), ("received", .int(r.received)), ("on_time", .int(r.onTime)),
                        ("missing", .int(g.missing)), ("rate", .share(r.rate)), ("timeliness", .share(r.timeliness)),
                        ("activities", .int(g.activities)), ("participants", .int(g.participants)),
                        ("reach", .share(g.reach)),
                        ("moods", .counts(Dictionary(uniqueKeysWithValues: g.moods.map { ($0.key.rawValue,
                            $0.value) }))),
                        ("issues", .int(g.issues))])
    }

    /// The content figures: `deliveries` counts unit × item as ever; `delivered` those whose unit's delivery was
    /// sent or confirmed, `confirmed` those the unit confirmed.
    var contentJSON: JSON {
        let f = figures
        return .object([("published_items", .int(f.publishedItems)), ("deliveries", .int(f.deliveries)),
                        ("delivered", .int(f.delivered)), ("confirmed", .int(f.confirmed)),
                        ("by_channel", .counts(f.byChannel)), ("by_theme", .counts(f.byTheme)),
                        ("by_audience", .counts(f.byAudience)), ("theme_coverage", .share(f.themeCoverage)),
                        ("active_themes", .array(f.activeThemes.map { .string($0.description) }))])
    }

    /// Every figure as JSON, written as it goes: the same bytes as `json().text`, without building the tree
    /// (whose lists grow with the number of units).
    public func writeJSON(to w: JSONWriter) {
        let f = figures, r = f.reporting
        w.beginObject()
        w.field("from", .string(f.from.iso))
        w.field("to", .string(f.to.iso))
        w.field("interim", .bool(f.interim))
        w.field("as_of", f.asOf.map { .string($0.iso) } ?? .null)
        w.field("content", contentJSON)
        w.key("activities")
        w.beginObject()
        w.field("count", .int(f.activityCount))
        w.field("participants", .int(f.participants))
        w.key("by_unit")
        w.counts(f.activitiesByUnit)
        w.field("by_type", .counts(Dictionary(uniqueKeysWithValues: f.activitiesByType.map { ($0.key.rawValue,
            $0.value) })))
        w.field("by_project", .counts(f.activitiesByProject))
        w.field("by_theme", .counts(f.activitiesByTheme))
        w.field("reach", .share(f.reach))
        w.key("units_without_activity")
        w.beginArray()
        for u in f.unitsWithoutActivity { w.value(.string(u.rawValue)) }
        w.endArray()
        w.endObject()
        w.key("reporting")
        w.beginObject()
        w.field("expected", .int(r.expected))
        w.field("received", .int(r.received))
        w.field("on_time", .int(r.onTime))
        w.field("pending", .int(r.pending))
        w.field("rate", .share(r.rate))
        w.field("timeliness", .share(r.timeliness))
        w.field("tracking_from", f.trackingFrom.map { .string($0.iso) } ?? .null)
        w.key("missing")
        w.beginArray()
        var missingByUnit: [UnitCode: Int] = [:]
        for m in r.missing {
            w.value(.object([("unit", .string(m.unit.rawValue)), ("period", .string(m.period.iso))]))
            missingByUnit[m.unit, default: 0] += 1
        }
        w.endArray()
        w.key("missing_by_unit")
        w.counts(missingByUnit)
        w.field("by_month", byMonthJSON)
        w.endObject()
        w.field("targets", targetsJSON)
        w.field("feedback", feedbackJSON)
        w.key("by_level")
        if let l = figures.byLevel {
            // a level of units may hold a group per unit: written group by group
            w.beginObject()
            w.field("level", .string(l.level.description))
            w.field("levels", .array(l.levels.map { .string($0.description) }))
            w.key("groups")
            w.beginArray()
            for g in l.groups { w.value(groupJSON(g)) }
            w.endArray()
            w.endObject()
        } else {
            w.value(.null)
        }
        w.endObject()
    }

    /// The figures as CSV for spreadsheets: one figure per row (`section, key, value, status`), numbers alone in
    /// their cells, UTF-8 with a BOM for Excel, cells that would run as formulas neutralised.
    public func csv() -> String {
        var text = ""
        writeCSV { text += $0 }
        return text
    }

    /// The CSV of `csv()`, handed to `sink` in chunks as it is written.
    public func writeCSV(to sink: (String) -> Void) {
        let f = figures, r = f.reporting
        var out = "\u{FEFF}"
        func add(_ section: String, _ key: String, _ value: String, _ status: String = "") {
            out += CSVWriter.cell(section); out += ","; out += CSVWriter.cell(key); out += ","
            out += CSVWriter.cell(value); out += ","; out += CSVWriter.cell(status); out += "\r\n"
            if out.utf8.count >= 1 << 16 { sink(out); out = "" }
        }
        add("section", "key", "value", "status")
        add("range", "from", f.from.iso); add("range", "to", f.to.iso)
        add("content", "published_items", String(f.publishedItems)); add("content", "deliveries", String(f.deliveries))
        add("content", "delivered", String(f.delivered)); add("content", "confirmed", String(f.confirmed))
        for k in f.byChannel.keys.sorted() { add("content.by_channel", k.rawValue, String(f.byChannel[k] ?? 0)) }
        for k in f.byTheme.keys.sorted() { add("content.by_theme", k.description, String(f.byTheme[k] ?? 0)) }
        add("content", "theme_coverage", share(f.themeCoverage))
        add("activities", "count", String(f.activityCount)); add("activities", "participants", String(f.participants))
        add("activities", "reach", share(f.reach))
        for k in f.activitiesByUnit.keys.sorted() { add("activities.by_unit", k.rawValue,
            String(f.activitiesByUnit[k] ?? 0)) }
        for k in ActivityType.allCases { if let n = f.activitiesByType[k] { add("activities.by_type", k.rawValue,
            String(n)) } }
        for k in f.activitiesByProject.keys.sorted() { add("activities.by_project", k.rawValue,
            String(f.activitiesByProject[k] ?? 0)) }
        for k in f.activitiesByTheme.keys.sorted() { add("activities.by_theme", k.description,
            String(f.activitiesByTheme[k] ?? 0)) }
        for u in f.unitsWithoutActivity { add("activities.without_activity", u.rawValue, "") }
        add("reporting", "expected", String(r.expected)); add("reporting", "received", String(r.received))
        add("reporting", "on_time", String(r.onTime)); add("reporting", "pending", String(r.pending))
        add("reporting", "rate", share(r.rate))
        add("reporting", "timeliness", share(r.timeliness))
        for m in r.missing { add("reporting.missing", m.unit.rawValue, m.period.iso) }
        for tr in f.targets { add("targets", tr.target.id.value.rawValue, share(tr.value),
            tr.met.map { $0 ? "met" : "not met" } ?? "interim") }
        for k in Mood.allCases { if let n = f.moods[k] { add("feedback.moods", k.rawValue, String(n)) } }
        add("feedback", "issues", String(f.issues)); add("feedback", "alerts_open", String(f.alertsOpen))
        add("feedback", "alerts_resolved", String(f.alertsResolved))
        for i in f.issueList where !i.sensitive
            || includeSensitive { add("feedback.issue", "\(i.unit) \(i.period.iso)", i.topic) }
        sink(out)
    }

    /// The per-unit annex a document's capped lists point to: one row per unit of the report, in `units.csv`
    /// order, with its cluster and the groups above it and what it adds to the report. CSV as `writeCSV`.
    public func writeAnnex(to sink: (String) -> Void) {
        let f = figures
        let units: [UnionUnit]
        if case .unit(let u) = subject { units = [u] } else { units = workspace.units }
        let hierarchy = UnitHierarchy(clusters: workspace.clusters)
        var out = "\u{FEFF}"
        func row(_ cells: [String]) {
            for (i, c) in cells.enumerated() { if i > 0 { out += "," }; out += CSVWriter.cell(c) }
            out += "\r\n"
            if out.utf8.count >= 1 << 16 { sink(out); out = "" }
        }
        let above = (0..<hierarchy.height).map { ReportLevel.above($0 + 1) }
        row(["code", "name", "cluster"] + above.map { "level_\($0)" } + ["members", "expected", "received", "on_time",
            "missing", "late", "rate", "timeliness", "activities", "participants"]
            + Mood.allCases.map(\.rawValue) + ["issues"])
        for (i, u) in units.enumerated() where i < f.unitLines.count {
            let l = f.unitLines[i]
            let expected = Int(l.expected)
            row([u.code.value.rawValue, u.name, u.cluster ?? ""] + above.map { hierarchy.group(of: u, at: $0) ?? "" }
                + [String(u.members), String(l.expected), String(l.received), String(l.onTime), String(l.missing),
                   String(l.late),
                   share(expected == 0 ? 0 : Double(l.received) / Double(expected)),
                   share(expected == 0 ? 0 : Double(l.onTime) / Double(expected)),
                   String(l.activities), String(l.participants)]
                + Mood.allCases.indices.map { String(l.moods[$0]) } + [String(l.issues)])
        }
        sink(out)
    }

    var byMonthJSON: JSON {
        let f = figures
        return .array(f.months.compactMap { m in f.reportingByMonth[m].map { x in
            .object([("month", .string(m.iso)), ("expected", .int(x.expected)), ("received", .int(x.received)),
                     ("on_time", .int(x.onTime)), ("rate", .share(x.rate)), ("timeliness", .share(x.timeliness))])
        } })
    }

    var targetsJSON: JSON {
        .array(figures.targets.map { tr in
            .object([("id", .string(tr.target.id.value.rawValue)), ("metric", .string(tr.target.metric.rawValue)),
                     ("period", .string(tr.target.period.rawValue)), ("value", .share(tr.value)),
                     ("met", tr.met.map(JSON.bool) ?? .null), ("interim", .bool(tr.met == nil)),
                     ("periods", .array(tr.periods.map { .object([("period", .string($0.label)),
                         ("value", .share($0.value))]) }))])
        })
    }

    var feedbackJSON: JSON {
        let f = figures
        return .object([("moods",
            .counts(Dictionary(uniqueKeysWithValues: f.moods.map { ($0.key.rawValue, $0.value) }))),
                        ("issues", .int(f.issues)), ("alerts_open", .int(f.alertsOpen)),
                        ("alerts_resolved", .int(f.alertsResolved)),
                        ("issue_list", .array(f.issueList.filter { !$0.sensitive || includeSensitive }.map { i in
                            var fields: [(String, JSON)] = [("unit", .string(i.unit.rawValue)),
                                ("period", .string(i.period.iso)),
                                                            ("topic", .string(i.topic)),
                                                                ("sensitive", .bool(i.sensitive))]
                            if i.sensitive { fields.append(("detail", i.detail.map(JSON.string) ?? .null)) }
                            return .object(fields)
                        })),
                        ("warnings", .array(warnings.map {
                            WarningsPresenter.json($0, includeSensitive: includeSensitive)
                        }))])
    }

    func share(_ x: Double) -> String { JSON.share(x).text }
}
