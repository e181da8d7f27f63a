import LoaCore

extension Store {
    /// Reads what a report needs for a range; `unit` limits it to one unit.
    /// Activities come back grouped by unit, month, type and themes, so even national data stays small.
    public func reportFacts(from: Day, to: Day, unit: String? = nil) throws -> ReportFacts {
        let a = from.iso, b = to.iso
        let unitFilter = unit == nil ? "" : " AND unit = ?"
        func args(_ base: [any DatabaseValueConvertible]) -> [any DatabaseValueConvertible] { unit.map { base + [$0] } ?? base }

        var published: [ReportFacts.PublishedItem] = []
        let deliveredTo = unit == nil ? "" : " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.publication_id = p.id AND d.unit = ?)"
        try db.query("""
            SELECT p.channel, p.date, pi.item, pi.themes, pi.audiences FROM publications p JOIN publication_items pi ON pi.publication_id = p.id
            WHERE p.date BETWEEN ? AND ?\(deliveredTo) ORDER BY p.date, p.channel, pi.position
            """, args([a, b])) { s in
            published.append(.init(channel: s.string(0), date: Day(iso: s.string(1))!, item: s.string(2),
                                   themes: s.string(3).split(separator: " ").map(String.init), audiences: s.string(4).split(separator: " ").map(String.init)))
        }
        let deliveries = try db.scalarInt("""
            SELECT count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id WHERE p.date BETWEEN ? AND ?\(unit == nil ? "" : " AND d.unit = ?")
            """, args([a, b]))

        var forms: [ReportFacts.FormRow] = []
        try db.query("SELECT unit, period, submitted, mood FROM forms WHERE current = 1 AND period BETWEEN ? AND ?\(unitFilter)",
                     args([from.monthOfYear.iso, to.monthOfYear.iso])) { s in
            forms.append(.init(unit: s.string(0), period: Month(iso: s.string(1))!, submitted: Day(iso: s.string(2))!, mood: s.optionalString(3)))
        }

        // activities of current forms and of tables, aggregated three ways
        let counted = "FROM activities WHERE date BETWEEN ? AND ? AND (form_id IS NULL OR form_id IN (SELECT id FROM forms WHERE current = 1))\(unitFilter)"
        var activities: [ReportFacts.UnitMonth] = []
        try db.query("SELECT unit, substr(date, 1, 7), count(*), sum(participants) \(counted) GROUP BY 1, 2", args([a, b])) { s in
            activities.append(.init(unit: s.string(0), month: Month(iso: s.string(1))!, count: s.int(2), participants: s.int(3)))
        }
        var byType: [String: Int] = [:], byThemes: [String: Int] = [:]
        try db.query("SELECT type, count(*) \(counted) GROUP BY 1", args([a, b])) { s in byType[s.string(0)] = s.int(1) }
        try db.query("SELECT themes, count(*) \(counted) GROUP BY 1", args([a, b])) { s in byThemes[s.string(0)] = s.int(1) }

        var issues: [ReportFacts.IssueRow] = []
        try db.query("""
            SELECT f.unit, f.period, i.topic, i.detail, i.sensitive FROM feedback_issues i JOIN forms f ON f.id = i.form_id
            WHERE f.current = 1 AND f.period BETWEEN ? AND ?\(unit == nil ? "" : " AND f.unit = ?") ORDER BY f.period, f.unit, i.id
            """, args([from.monthOfYear.iso, to.monthOfYear.iso])) { s in
            issues.append(.init(unit: s.string(0), period: Month(iso: s.string(1))!, topic: s.string(2), detail: s.optionalString(3), sensitive: s.int(4) != 0))
        }
        let alertArgs = args([from.monthOfYear.iso, to.monthOfYear.iso])
        let open = try db.scalarInt("SELECT count(*) FROM alerts WHERE resolved_on IS NULL AND period BETWEEN ? AND ?\(unitFilter)", alertArgs)
        let resolved = try db.scalarInt("SELECT count(*) FROM alerts WHERE resolved_on IS NOT NULL AND period BETWEEN ? AND ?\(unitFilter)", alertArgs)
        return ReportFacts(published: published, deliveries: deliveries, forms: forms, activities: activities,
                           activitiesByType: byType, activitiesByThemes: byThemes, issues: issues,
                           alertsOpen: open, alertsResolved: resolved)
    }
}
