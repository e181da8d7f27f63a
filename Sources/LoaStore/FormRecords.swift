import LoaCore

/// What importing one file (or sending one web form) did.
public enum ImportOutcome: String, Sendable {
    case imported, unchanged, corrected, rejected
}

/// An activity table being recorded row by row.
public struct TableImport: Sendable {
    let id: Int
    let source: String
    public internal(set) var added = 0
}

extension StoreWriter {
    /// Records a validated form: new, unchanged (content seen before for that unit and month, current or in the
    /// history, so importing a batch twice changes nothing), or a correction that replaces the current form in
    /// every figure while the earlier one stays in the history.
    public func record(form: ReportForm, source: String, today: Day, actor: Actor) throws -> ImportOutcome {
        let unit = form.unit.value, period = form.period.value
        if try db.scalarInt("SELECT count(*) FROM forms WHERE unit = ? AND period = ? AND content = ?",
                            [unit, period, form.content]) > 0 {
            return .unchanged
        }
        let current = try db.rows("SELECT id FROM forms WHERE unit = ? AND period = ? AND current = 1", [unit, period]) {
            try $0.int(0)
        }.first
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'form', ?)",
                   [today, source, current == nil ? "imported" : "corrected"])
        let importId = db.lastInsertedRowID
        if let current {
            try db.run("UPDATE forms SET current = 0 WHERE id = ?", [current])
            try db.run("UPDATE activities SET counted = 0 WHERE form_id = ?", [current])
            try db.run("DELETE FROM search_index WHERE form_id = ?", [current])
        }
        try db.run("""
            INSERT INTO forms (unit, period, submitted, imported_on, reporter, received, mood, feedback_summary, notes,
                               content, source_path, current, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
            """, [unit, period, form.submission(recordedOn: today), today, form.reporter,
                  form.received.map(\.value.description).joined(separator: " "), form.mood?.rawValue,
                  form.feedbackSummary, form.notes, form.content, source, importId])
        let formId = db.lastInsertedRowID
        if let current { try db.run("UPDATE forms SET replaced_by = ? WHERE id = ?", [formId, current]) }
        for a in form.activities { _ = try insert(a, formId: formId, importId: importId) }
        let ref = "\(unit) \(period.iso)"
        for issue in form.issues {
            try db.run("INSERT INTO feedback_issues (form_id, topic, detail, sensitive) VALUES (?, ?, ?, ?)",
                       [formId, issue.topic, issue.detail, issue.sensitive])
            if issue.sensitive {
                try index(kind: .issue, ref: ref, formId: formId, sensitive: true, title: issue.topic, body: issue.detail ?? "")
            }
        }
        for alert in form.alertsToOpen {
            try db.run("INSERT OR IGNORE INTO alerts (unit, period, topic, detail, opened_on) VALUES (?, ?, ?, ?, ?)",
                       [alert.unit, alert.period, alert.topic, alert.detail, today])
        }
        if let summary = form.feedbackSummary {
            try index(kind: .feedback, ref: ref, formId: formId, sensitive: false, title: form.mood?.rawValue ?? "",
                      body: summary)
        }
        try audit(AuditEntry(day: today, actor: actor, command: "import",
                             action: current == nil ? "form imported" : "form corrected", subject: "\(unit)/\(period.iso)",
                             detail: current.map { "replaces form \($0) with form \(formId), from \(source)" } ?? source))
        return current == nil ? .imported : .corrected
    }

    /// Starts recording an activity table; call `record(row:in:)` per row, then `finish`.
    public func beginTable(source: String, today: Day) throws -> TableImport {
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'activities', 'imported')",
                   [today, source])
        return TableImport(id: db.lastInsertedRowID, source: source)
    }

    /// Records one activity-table row; false when the same (unit, date, type, title) is already recorded.
    public func record(row a: Activity, in table: inout TableImport) throws -> Bool {
        let added = try insert(a, formId: nil, importId: table.id)
        if added { table.added += 1 }
        return added
    }

    /// Closes a table import: it counts as imported only when some row was new.
    public func finish(_ table: TableImport, today: Day, actor: Actor) throws {
        if table.added == 0 {
            try db.run("DELETE FROM imports WHERE id = ?", [table.id])
        } else {
            try audit(AuditEntry(day: today, actor: actor, command: "import", action: "activities imported",
                                 subject: table.source, detail: "\(table.added) rows"))
        }
    }

    /// Records an activity (a table row already there is skipped by SQLite's partial unique index) and indexes it
    /// for search in the same transaction, so searching never has to write.
    func insert(_ a: Activity, formId: Int?, importId: Int) throws -> Bool {
        let themeSet = try themeSetID(a.themes.map(\.value))
        try db.statement("""
            INSERT OR IGNORE INTO activities (form_id, unit, date, type, title, participants, theme_set, items, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([formId, a.unit.value, a.date.value, a.type.rawValue, a.title, a.participants.value, themeSet,
                  a.items.map(\.value.rawValue).joined(separator: " "), importId])
        guard db.changes > 0 else { return false }
        let themes = a.themes.map(\.value.description).joined(separator: ", ")
        try index(kind: .activity, ref: "\(a.unit.value) \(a.date.value.iso)", formId: formId, sensitive: false,
                  title: a.title, body: "\(a.type.phrase.vi) · \(themes) · \(a.participants.value)")
        return true
    }

    /// The id of the set of themes, created on first use; nil for no themes.
    func themeSetID(_ themes: [ThemeRef]) throws -> Int? {
        let sorted = Set(themes).sorted()
        guard !sorted.isEmpty else { return nil }
        let key = sorted.map(\.description).joined(separator: " ")
        if let id = try db.rows("SELECT id FROM theme_sets WHERE key = ?", [key], { try $0.int(0) }).first { return id }
        try db.run("INSERT INTO theme_sets (key) VALUES (?)", [key])
        let id = db.lastInsertedRowID
        for t in sorted { try db.run("INSERT INTO theme_set_members VALUES (?, ?, ?)", [id, t, t.project]) }
        return id
    }

    func index(kind: SearchHit.Kind, ref: String, formId: Int?, sensitive: Bool, title: String, body: String) throws {
        try db.run("INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [kind.rawValue, ref, formId, sensitive, title, body, (title + " " + body).folded])
    }
}

extension StoreReader {
    /// Units with a current form for the month.
    public func reportingUnits(period: Month) throws -> Set<UnitCode> {
        Set(try db.rows("SELECT unit FROM forms WHERE period = ? AND current = 1", [period]) { try $0.id(0) })
    }

    /// The earliest month any unit reported for.
    public func firstReportedPeriod() throws -> Month? {
        Month(iso: try db.scalarText("SELECT coalesce(min(period), '') FROM forms"))
    }

    /// The current form of a unit for a month, as its text, with the day it counts as submitted.
    public func currentForm(unit: UnitCode, period: Month) throws -> (content: String, submitted: Day)? {
        try db.rows("SELECT content, submitted FROM forms WHERE unit = ? AND period = ? AND current = 1", [unit, period]) {
            (try $0.text(0), try $0.day(1))
        }.first
    }

    /// Every form of a unit for a month, oldest first: the current one last, corrections before it.
    public func formHistory(unit: UnitCode, period: Month) throws -> [(importedOn: Day, source: String, current: Bool)] {
        try db.rows("SELECT imported_on, source_path, current FROM forms WHERE unit = ? AND period = ? ORDER BY id",
                    [unit, period]) { (try $0.day(0), try $0.text(1), try $0.bool(2)) }
    }
}
