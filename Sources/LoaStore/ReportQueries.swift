import LoaCore

extension StoreReader {
    /// Reads what a report needs for a range: `unit` limits it to one unit, `scope` to what carries one of a
    /// phase's themes. Activities come back aggregated (by unit and month, by type, by set of themes), so even
    /// national data stays small; only counted activities (of current forms, and of tables) are read.
    public func reportFacts(from: Day, to: Day, unit: UnitCode? = nil, scope: ThemeScope = .all) throws -> ReportFacts {
        var facts = ReportFacts()
        let unitFilter = unit == nil ? "" : " AND unit = ?"
        func args(_ base: [any DatabaseValueConvertible]) -> [any DatabaseValueConvertible] { unit.map { base + [$0] } ?? base }

        let deliveredTo = unit == nil ? ""
            : " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.publication_id = p.id AND d.unit = ?)"
        let themes = try publicationLists("publication_item_themes", "theme", from, to) { try $0.themeRef(0) }
        let audiences = try publicationLists("publication_item_audiences", "audience", from, to) { try $0.id(0, as: AudienceID.self) }
        facts.published = try db.rows("""
            SELECT p.id, p.channel, p.date, pi.item FROM publications p JOIN publication_items pi ON pi.publication_id = p.id
            WHERE p.date BETWEEN ? AND ?\(deliveredTo) ORDER BY p.date, p.channel, pi.position
            """, args([from, to])) { r in
            let key = PublicationKey(publication: try r.int(0), item: try r.text(3))
            return ReportFacts.PublishedItem(channel: try r.id(1), date: try r.day(2), item: try r.id(3),
                                             themes: themes[key] ?? [], audiences: audiences[key] ?? [])
        }
        facts.deliveries = try db.scalarInt("""
            SELECT count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE p.date BETWEEN ? AND ?\(unit == nil ? "" : " AND d.unit = ?")
            """, args([from, to]))

        let months: [any DatabaseValueConvertible] = [from.monthOfYear, to.monthOfYear]
        facts.forms = try db.rows("""
            SELECT unit, period, submitted, mood FROM forms WHERE current = 1 AND period BETWEEN ? AND ?\(unitFilter)
            """, args(months)) { r in
            ReportFacts.FormRow(unit: try r.id(0), period: try r.month(1), submitted: try r.day(2),
                                mood: r.isNull(3) ? nil : try r.choice(3, as: Mood.self))
        }

        // the scope: activities whose set of themes holds one of the scope's themes
        var scopeFilter = ""
        var scopeArgs: [any DatabaseValueConvertible] = []
        if case .themes(let set) = scope {
            scopeFilter = " AND theme_set IN (SELECT set_id FROM theme_set_members WHERE theme IN (SELECT value FROM json_each(?)))"
            scopeArgs = [jsonArray(set.map(\.description).sorted())]
        }
        let counted = "FROM activities WHERE counted = 1 AND date BETWEEN ? AND ?\(unitFilter)\(scopeFilter)"
        let countedArgs = args([from, to]) + scopeArgs
        facts.activities = try db.rows("""
            SELECT unit, substr(date, 1, 7), count(*), CAST(min(total(participants), 9.0e18) AS INTEGER)
            \(counted) GROUP BY 1, 2
            """, countedArgs) { r in
            ReportFacts.UnitMonth(unit: try r.id(0), month: try r.month(1), count: try r.int(2), participants: try r.int(3))
        }
        try db.query("SELECT type, count(*) \(counted) GROUP BY 1", countedArgs) { r in
            facts.activitiesByType[try r.choice(0, as: ActivityType.self)] = try r.int(1)
        }
        // by set of themes (few distinct sets), then spread over their themes and projects
        let bySet = try db.rows("SELECT theme_set, count(*) \(counted) AND theme_set IS NOT NULL GROUP BY 1", countedArgs) {
            (try $0.int(0), try $0.int(1))
        }
        let members = try themeSetMembers()
        for (set, count) in bySet {
            let refs = members[set] ?? []
            for t in refs { facts.activitiesByTheme.add(count, to: t) }
            for p in Set(refs.map(\.project)) { facts.activitiesByProject.add(count, to: p) }
        }

        facts.issues = try db.rows("""
            SELECT f.unit, f.period, i.topic, i.detail, i.sensitive FROM feedback_issues i JOIN forms f ON f.id = i.form_id
            WHERE f.current = 1 AND f.period BETWEEN ? AND ?\(unit == nil ? "" : " AND f.unit = ?") ORDER BY f.period, f.unit, i.id
            """, args(months)) { r in
            ReportFacts.IssueRow(unit: try r.id(0), period: try r.month(1), topic: try r.text(2), detail: r.optionalText(3),
                                 sensitive: try r.bool(4))
        }
        facts.alertsOpen = try db.scalarInt(
            "SELECT count(*) FROM alerts WHERE resolved_on IS NULL AND period BETWEEN ? AND ?\(unitFilter)", args(months))
        facts.alertsResolved = try db.scalarInt(
            "SELECT count(*) FROM alerts WHERE resolved_on IS NOT NULL AND period BETWEEN ? AND ?\(unitFilter)", args(months))
        return facts
    }

    struct PublicationKey: Hashable { let publication: Int; let item: String }

    /// The themes (or audiences) of each published item in the range.
    func publicationLists<T>(_ table: String, _ column: String, _ from: Day, _ to: Day,
                             _ decode: (Row) throws -> T) throws -> [PublicationKey: [T]] {
        var out: [PublicationKey: [T]] = [:]
        try db.query("""
            SELECT t.\(column), t.publication_id, t.item FROM \(table) t JOIN publications p ON p.id = t.publication_id
            WHERE p.date BETWEEN ? AND ? ORDER BY t.publication_id, t.item, t.\(column)
            """, [from, to]) { r in
            out[PublicationKey(publication: try r.int(1), item: try r.text(2)), default: []].append(try decode(r))
        }
        return out
    }

    /// The themes of every set of themes.
    func themeSetMembers() throws -> [Int: [ThemeRef]] {
        var out: [Int: [ThemeRef]] = [:]
        try db.query("SELECT set_id, theme FROM theme_set_members ORDER BY set_id, theme") { r in
            out[try r.int(0), default: []].append(try r.themeRef(1))
        }
        return out
    }

    func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }
}
