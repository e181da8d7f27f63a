import LoaCore

/// What importing one file did.
public enum ImportOutcome: String, Sendable {
    case imported, unchanged, corrected, rejected
}

public struct AlertRow: Sendable {
    public let id: Int
    public let unit: String
    public let period: String
    public let topic: String
    public let detail: String?
    public let openedOn: Day
    public let resolvedOn: Day?
}

extension Store {
    /// Records a validated form: new, unchanged (same content), or a correction that replaces the current one.
    /// Call inside `db.write` or `db.savepoint`.
    public func record(form: ReportForm, sourcePath: String, today: Day) throws -> ImportOutcome {
        let unit = form.unit.value, period = form.period.value.iso
        // content seen before for this unit and month (current or in the history) is already imported:
        // importing the same batch twice changes nothing
        if try db.scalarInt("SELECT count(*) FROM forms WHERE unit = ? AND period = ? AND content = ?", [unit, period, form.content]) > 0 {
            return .unchanged
        }
        var currentId: Int?
        try db.query("SELECT id FROM forms WHERE unit = ? AND period = ? AND current = 1", [unit, period]) { s in currentId = s.int(0) }
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'form', ?)", [today.iso, sourcePath, currentId == nil ? "imported" : "corrected"])
        let importId = db.lastInsertedRowID
        if let currentId {
            try db.run("UPDATE forms SET current = 0 WHERE id = ?", [currentId])
            try db.run("DELETE FROM search_index WHERE form_id = ?", [currentId])
        }
        try db.run("""
            INSERT INTO forms (unit, period, submitted, imported_on, reporter, received, mood, feedback_summary, notes, content, source_path, current, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """, [unit, period, (form.submitted?.value ?? today).iso, today.iso, form.reporter, form.received.map(\.value).joined(separator: " "),
                  form.mood?.rawValue, form.feedbackSummary, form.notes, form.content, sourcePath, importId])
        let formId = db.lastInsertedRowID
        if let currentId { try db.run("UPDATE forms SET replaced_by = ? WHERE id = ?", [formId, currentId]) }
        for a in form.activities { try insert(a, formId: formId, importId: importId) }
        for issue in form.issues {
            try db.run("INSERT INTO feedback_issues (form_id, topic, detail, sensitive) VALUES (?, ?, ?, ?)", [formId, issue.topic, issue.detail, issue.sensitive])
            if issue.sensitive {
                try db.run("INSERT OR IGNORE INTO alerts (unit, period, topic, detail, opened_on) VALUES (?, ?, ?, ?, ?)",
                           [unit, period, issue.topic, issue.detail, today.iso])
                try index(kind: "issue", ref: "\(unit) \(period)", formId: formId, sensitive: true, title: issue.topic, body: issue.detail ?? "")
            }
        }
        if let summary = form.feedbackSummary {
            try index(kind: "feedback", ref: "\(unit) \(period)", formId: formId, sensitive: false, title: form.mood?.rawValue ?? "", body: summary)
        }
        try audit(today, "import", currentId == nil ? "form imported" : "form corrected", "\(unit)/\(period)",
                  currentId.map { "replaces form \($0) with form \(formId), from \(sourcePath)" } ?? sourcePath)
        return currentId == nil ? .imported : .corrected
    }

    /// Starts recording an activity table; call `record(tableRow:…)` per row, then `finishTable`.
    public func beginTable(sourcePath: String, today: Day) throws -> Int {
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'activities', 'imported')", [today.iso, sourcePath])
        return db.lastInsertedRowID
    }

    /// Records one activity-table row; false when the same (unit, date, type, title) is already recorded.
    public func record(tableRow a: Activity, importId: Int) throws -> Bool { try insert(a, formId: nil, importId: importId) }

    /// Closes a table import: how many rows were new decides whether it counts as imported.
    public func finishTable(importId: Int, added: Int, sourcePath: String, today: Day) throws {
        if added == 0 {
            try db.run("DELETE FROM imports WHERE id = ?", [importId])
        } else {
            try audit(today, "import", "activities imported", sourcePath, "\(added) rows")
        }
    }

    /// Records activities (SQLite's partial unique index skips rows already there). Activities are indexed
    /// for search when a search needs them, which keeps large imports fast.
    @discardableResult
    func insert(_ a: Activity, formId: Int?, importId: Int) throws -> Bool {
        try insertActivity().execute([formId, a.unit.value, a.date.value.iso, a.type.rawValue, a.title, a.participants.value,
                  a.themes.map(\.value).joined(separator: " "), a.items.map(\.value).joined(separator: " "), importId])
        return db.changes > 0
    }

    /// Adds activities recorded since the last search to the search index.
    func indexNewActivities() throws {
        let last = try db.scalarInt("SELECT last_id FROM search_state WHERE name = 'activities'")
        let top = try db.scalarInt("SELECT coalesce(max(id), 0) FROM activities")
        guard top > last else { return }
        try db.write {
            var rows: [(String, Int?, String, String)] = []
            try db.query("SELECT unit, date, form_id, type, title, participants, themes FROM activities WHERE id > ? ORDER BY id", [last]) { s in
                let type = ActivityType(rawValue: s.string(3))?.name(.vi) ?? s.string(3)
                rows.append(("\(s.string(0)) \(s.string(1))", s.isNull(2) ? nil : s.int(2), s.string(4),
                             type + " · " + s.string(6).split(separator: " ").joined(separator: ", ") + " · \(s.int(5))"))
            }
            for r in rows { try index(kind: "activity", ref: r.0, formId: r.1, sensitive: false, title: r.2, body: r.3) }
            try db.run("UPDATE search_state SET last_id = ? WHERE name = 'activities'", [top])
        }
    }

    func index(kind: String, ref: String, formId: Int?, sensitive: Bool, title: String, body: String) throws {
        try db.run("INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [kind, ref, formId, sensitive, title, body, (title + " " + body).folded])
    }

    /// Open alerts (or all), oldest first.
    public func alerts(includeResolved: Bool = false) throws -> [AlertRow] {
        var out: [AlertRow] = []
        let sql = "SELECT id, unit, period, topic, detail, opened_on, resolved_on FROM alerts" + (includeResolved ? "" : " WHERE resolved_on IS NULL") + " ORDER BY opened_on, id"
        try db.query(sql) { s in
            out.append(AlertRow(id: s.int(0), unit: s.string(1), period: s.string(2), topic: s.string(3), detail: s.optionalString(4),
                                openedOn: Day(iso: s.string(5))!, resolvedOn: s.optionalString(6).flatMap { Day(iso: $0) }))
        }
        return out
    }

    /// Closes an alert; false when no open alert has that id.
    public func resolveAlert(id: Int, note: String, by: String, today: Day) throws -> Bool {
        try db.write {
            try db.run("UPDATE alerts SET resolved_on = ?, resolved_by = ?, note = ? WHERE id = ? AND resolved_on IS NULL", [today.iso, by, note, id])
            guard db.changes > 0 else { return false }
            try audit(today, "alerts resolve", "alert resolved", "alert \(id)", "by \(by): \(note)")
            return true
        }
    }

    public struct SearchHit: Sendable {
        public let kind: String
        public let ref: String
        public let title: String
        public let body: String
        public let rank: Double
    }

    /// Searches activities and feedback (and sensitive issues when asked) with an FTS5 query on folded text;
    /// `items` are indexed for this search only, so results are always current with the files.
    public func search(_ query: String, items: [(id: String, title: String, text: String)], includeSensitive: Bool, limit: Int = 20) throws -> [SearchHit] {
        let terms = query.folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { "\"\($0)\"*" }
        guard !terms.isEmpty else { return [] }
        try indexNewActivities()
        let match = terms.joined(separator: " ")
        try db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.item_index USING fts5(ref UNINDEXED, title, body, folded, tokenize = 'unicode61 remove_diacritics 2')")
        try db.execute("DELETE FROM temp.item_index")
        try db.write {
            for i in items { try db.run("INSERT INTO temp.item_index VALUES (?, ?, ?, ?)", [i.id, i.title, i.text, (i.title + " " + i.text).folded]) }
        }
        var hits: [SearchHit] = []
        try db.query("SELECT ref, title, body, bm25(item_index) FROM temp.item_index WHERE item_index MATCH ? ORDER BY bm25(item_index) LIMIT ?", ["folded : (\(match))", limit]) { s in
            hits.append(SearchHit(kind: "item", ref: s.string(0), title: s.string(1), body: s.string(2), rank: s.double(3)))
        }
        let sensitiveFilter = includeSensitive ? "" : " AND sensitive = 0"
        try db.query("""
            SELECT kind, ref, title, body, bm25(search_index) FROM search_index
            WHERE search_index MATCH ? AND (form_id IS NULL OR form_id IN (SELECT id FROM forms WHERE current = 1))\(sensitiveFilter)
            ORDER BY bm25(search_index) LIMIT ?
            """, ["folded : (\(match))", limit]) { s in
            hits.append(SearchHit(kind: s.string(0), ref: s.string(1), title: s.string(2), body: s.string(3), rank: s.double(4)))
        }
        // bm25 scores of two indexes are not comparable: content items first, then recorded facts, each by rank
        let order = ["item": 0, "activity": 1, "feedback": 2, "issue": 3]
        return Array(hits.sorted { (order[$0.kind] ?? 9, $0.rank, $0.ref) < (order[$1.kind] ?? 9, $1.rank, $1.ref) }.prefix(limit))
    }
}

extension Store {
    /// Units with a current form for the month.
    public func reportingUnits(period: Month) throws -> Set<String> {
        var out = Set<String>()
        try db.query("SELECT unit FROM forms WHERE period = ? AND current = 1", [period.iso]) { out.insert($0.string(0)) }
        return out
    }
}

extension Store {
    /// The earliest month any unit reported for: reporting is expected from then on.
    public func firstReportedPeriod() throws -> Month? {
        let s = try db.scalarString("SELECT coalesce(min(period), '') FROM forms")
        return Month(iso: s)
    }
}
