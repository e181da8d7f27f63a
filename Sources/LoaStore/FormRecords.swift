import LoaCore

/// What importing one file (or sending one web form) did.
public enum ImportOutcome: String, Sendable {
    case imported, unchanged, corrected, rejected
}

/// An activity-table row ready to record: its values as stored and its search entry, prepared away from the
/// database (on another thread, while the database records earlier rows).
public struct StagedActivity: Sendable {
    let unit: String
    let date: String
    let type: String
    let title: String
    let participants: Int
    let themes: [ThemeRef]
    let items: String
    let ref: String
    let body: String
    let folded: String
}

/// Prepares activity-table rows, remembering the texts that repeat from row to row.
public struct ActivityStager: Sendable {
    struct BodyKey: Hashable { let type: ActivityType, themes: String }
    var themeTexts: [[ThemeRef]: String] = [:]
    var bodies: [BodyKey: (shown: String, folded: String)] = [:]
    public init() {}

    /// The row as `StoreWriter.record(row:in:)` records it. The search text is folded in parts: folding goes
    /// letter by letter (lower case is its only context, and a space ends that), so the parts fold as the whole.
    public mutating func stage(_ a: Activity) -> StagedActivity {
        let themes = a.themes.map(\.value)
        let themesText: String
        if let known = themeTexts[themes] { themesText = known } else {
            themesText = ActivitySearch.themes(themes)
            if themeTexts.count < 4096 { themeTexts[themes] = themesText }
        }
        let key = BodyKey(type: a.type, themes: themesText)
        let head: (shown: String, folded: String)
        if let known = bodies[key] { head = known } else {
            let shown = ActivitySearch.head(a.type, themes: themesText)
            head = (shown, shown.folded)
            if bodies.count < 4096 { bodies[key] = head }
        }
        let participants = String(a.participants.value)
        return StagedActivity(unit: a.unit.value.rawValue, date: a.date.value.iso, type: a.type.rawValue,
                              title: a.title, participants: a.participants.value, themes: themes,
                              items: a.items.isEmpty ? "" : a.items.map(\.value.rawValue).joined(separator: " "),
                              ref: ActivitySearch.ref(a), body: head.shown + participants,
                              folded: a.title.folded + " " + head.folded + participants)
    }
}

/// How an activity is shown in search results, whether it came in a form or a table: "unit date" over
/// "type · themes · participants".
enum ActivitySearch {
    static func ref(_ a: Activity) -> String { "\(a.unit.value) \(a.date.value.iso)" }
    /// The body up to the participants, which follow it.
    static func head(_ type: ActivityType, themes: String) -> String { "\(type.phrase.vi) · \(themes) · " }
    static func themes(_ themes: [ThemeRef]) -> String { themes.map(\.description).joined(separator: ", ") }
}

/// An activity table being recorded: rows are staged as they come, then recorded a large chunk at a time in the
/// order of the table's unique index (so every index of `activities` grows at a few places, not at random
/// ones), and indexed for search in the order of the file.
public struct TableImport {
    let id: Int
    let source: String
    public internal(set) var added = 0
    /// Rows staged and not recorded yet.
    var staged = 0
    let stage: Statement
    /// Sets of themes already looked up, by the themes as a row lists them.
    var themeSets: [[ThemeRef]: Int?] = [:]
    let cacheSize: Int
    /// The page cache while a table is recorded, in KiB: sorted inserts need few pages.
    static let cacheKiB = 4096
    /// Rows recorded at a time.
    static let chunkRows = 200_000
}

extension StoreWriter {
    /// Records a validated form: new, unchanged (content seen before for that unit and month, current or in the
    /// history, so importing a batch twice changes nothing), or a correction that replaces the current form in
    /// every figure while the earlier one stays in the history.
    ///
    /// The day a form counts as submitted is its first submission's (SPEC §9.5): a correction never changes it.
    /// A first form counts from its own `submitted:` (`loa import`: the officer vouches for a mailed form), or from
    /// `today` when `datedByServer` (a web form or upload); the form's own date is kept beside it either way. The
    /// unit's urgent issues of the month count once with the form: a form repeating one is linked to it, any other
    /// is added to the form's issues, and neither opens a second alert.
    public func record(form: ReportForm, source: String, today: Day, actor: Actor, datedByServer: Bool = false)
        throws -> ImportOutcome {
        let unit = form.unit.value, period = form.period.value
        // the forms of the unit and month, in one query: is this content among them, and which is current
        let seen = try db.rows("SELECT id, current, content = ?, submitted FROM forms WHERE unit = ? AND period = ?",
                               [form.content, unit, period]) { (id: try $0.int(0), current: try $0.bool(1),
                                                                same: try $0.bool(2), submitted: try $0.day(3)) }
        if seen.contains(where: \.same) { return .unchanged }
        let previous = seen.first(where: \.current)
        let current = previous?.id
        let submitted = previous?.submitted ?? (datedByServer ? today : form.submission(recordedOn: today))
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'form', ?)",
                   [today, source, current == nil ? "imported" : "corrected"])
        let importId = db.lastInsertedRowID
        if let current {
            try db.run("UPDATE forms SET current = 0 WHERE id = ?", [current])
            try db.run("UPDATE activities SET counted = 0 WHERE form_id = ?", [current])
            try db.run("DELETE FROM search_index WHERE form_id = ?", [current])
        }
        // bound value by value, without boxing: a form's largest statement, run once per form
        let insertForm = try db.statement("""
            INSERT INTO forms (unit, period, submitted, imported_on, reporter, received, mood, feedback_summary,
                               content, source_path, current, import_id, stated_submitted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """)
        try insertForm.bind(1, unit.rawValue)
        try insertForm.bind(2, period.iso)
        try insertForm.bind(3, submitted.iso)
        try insertForm.bind(4, today.iso)
        try insertForm.bind(5, text: form.reporter)
        try insertForm.bind(6, form.received.map(\.value.description).joined(separator: " "))
        try insertForm.bind(7, text: form.mood?.rawValue)
        try insertForm.bind(8, text: form.feedbackSummary)
        // the notes live in the content only: a form's text is stored once
        try insertForm.bind(9, form.content)
        try insertForm.bind(10, source)
        try insertForm.bind(11, importId)
        try insertForm.bind(12, text: form.submitted?.value.iso)
        try insertForm.run()
        let formId = db.lastInsertedRowID
        if let current {
            try db.run("UPDATE forms SET replaced_by = ? WHERE id = ?", [formId, current])
            // a correction answers the month's return, if it was returned
            try endReturns(unit: unit, period: period, correctedBy: formId, today: today, actor: actor)
        }
        for a in form.activities { _ = try insert(a, formId: formId, importId: importId) }
        let ref = "\(unit) \(period.iso)"
        var urgent = Dictionary(try reader.urgentIssues(unit: unit, period: period).map {
            (UrgentIssue.topicKey($0.topic), $0) }, uniquingKeysWith: { first, _ in first })
        var repeated = Set<String>()
        for issue in form.issues {
            let key = UrgentIssue.topicKey(issue.topic)
            let stands = urgent.removeValue(forKey: key)
            if stands != nil { repeated.insert(key) }
            try db.run("""
                INSERT INTO feedback_issues (form_id, topic, detail, sensitive, urgent_id) VALUES (?, ?, ?, ?, ?)
                """, [formId, issue.topic, issue.detail, issue.sensitive, stands?.id])
            if issue.sensitive {
                try index(kind: .issue, ref: ref, formId: formId, sensitive: true, title: issue.topic,
                    body: issue.detail ?? "")
            }
        }
        // urgent issues the form does not repeat still count with it, once
        for u in urgent.values.sorted(by: { $0.id < $1.id }) {
            try db.run("""
                INSERT INTO feedback_issues (form_id, topic, detail, sensitive, urgent_id) VALUES (?, ?, ?, 1, ?)
                """, [formId, u.topic, u.detail, u.id])
        }
        for alert in form.alertsToOpen where !repeated.contains(UrgentIssue.topicKey(alert.topic)) {
            try db.run("INSERT OR IGNORE INTO alerts (unit, period, topic, detail, opened_on) VALUES (?, ?, ?, ?, ?)",
                       [alert.unit, alert.period, alert.topic, alert.detail, today])
        }
        if let summary = form.feedbackSummary {
            try index(kind: .feedback, ref: ref, formId: formId, sensitive: false, title: form.mood?.rawValue ?? "",
                      body: summary)
        }
        try audit(AuditEntry(day: today, actor: actor, command: "import",
                             action: current == nil ? .formImported : .formCorrected,
                             subject: "\(unit)/\(period.iso)",
                             detail: current.map { "replaces form \($0) with form \(formId), from \(source)" }
                                 ?? source))
        return current == nil ? .imported : .corrected
    }

    /// Starts recording an activity table; call `record(row:in:)` per row, then `finish`, and `close` in any case.
    public func beginTable(source: String, today: Day) throws -> TableImport {
        try db.run("INSERT INTO imports (recorded_on, path, kind, result) VALUES (?, ?, 'activities', 'imported')",
                   [today, source])
        let id = db.lastInsertedRowID
        // rows are staged in a temporary table (a file, not memory) and sorted by SQLite when recorded; a small
        // page cache is enough for sorted inserts and keeps memory bounded however large the table
        let cacheSize = try db.scalarInt("PRAGMA cache_size")
        try db.execute("""
            PRAGMA cache_size = -\(TableImport.cacheKiB);
            CREATE TEMP TABLE IF NOT EXISTS staged_activities (
              seq INTEGER PRIMARY KEY, unit TEXT, date TEXT, type TEXT, title TEXT, participants INTEGER,
              theme_set INTEGER, items TEXT, ref TEXT, body TEXT, folded TEXT);
            DELETE FROM temp.staged_activities;
            """)
        let stage = try db.statement("""
            INSERT INTO temp.staged_activities (seq, unit, date, type, title, participants, theme_set, items, ref,
                                                body, folded)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        return TableImport(id: id, source: source, stage: stage, cacheSize: cacheSize)
    }

    /// Stages one activity-table row; it is recorded (by this call, a chunk at a time, or by `finish`) unless the
    /// same (unit, date, type, title) is recorded already, or comes earlier in the same table.
    public func record(row a: StagedActivity, in table: inout TableImport) throws {
        let themeSet: Int?
        if let known = table.themeSets[a.themes] { themeSet = known } else {
            themeSet = try themeSetID(a.themes)
            table.themeSets[a.themes] = themeSet
        }
        let s = table.stage
        try s.bind(1, table.staged + 1)
        try s.bind(2, a.unit)
        try s.bind(3, a.date)
        try s.bind(4, a.type)
        try s.bind(5, a.title)
        try s.bind(6, a.participants)
        try s.bind(7, themeSet)
        try s.bind(8, a.items)
        try s.bind(9, a.ref)
        try s.bind(10, a.body)
        try s.bind(11, a.folded)
        try s.run()
        table.staged += 1
        if table.staged >= TableImport.chunkRows { try recordStaged(&table) }
    }

    /// Records the staged rows in the order of activities_table_key (the first of equal rows in the file wins,
    /// as row by row), then indexes the new ones for search in the order of the file.
    func recordStaged(_ table: inout TableImport) throws {
        guard table.staged > 0 else { return }
        var added = [UInt64](repeating: 0, count: table.staged / 64 + 1)
        var any = false
        let insert = try db.statement("""
            INSERT OR IGNORE INTO activities (form_id, unit, date, type, title, participants, theme_set, items,
                                              import_id)
            VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.bind(8, table.id)
        let sorted = try db.statement("""
            SELECT seq, unit, date, type, title, participants, theme_set, items FROM temp.staged_activities
            ORDER BY unit, date, type, title, seq
            """)
        do {
            defer { sorted.reset() }
            while try sorted.step() {
                for c in Int32(1)...7 { try insert.bind(c, column: c, of: sorted) }
                try insert.run()
                if db.changes > 0 {
                    let seq = try Row(statement: sorted).int(0)
                    added[seq >> 6] |= 1 << UInt64(seq & 63)
                    table.added += 1
                    any = true
                }
            }
        }
        if any {
            let index = try db.statement("""
                INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded)
                VALUES ('activity', ?, NULL, 0, ?, ?, ?)
                """)
            let rows = try db.statement("SELECT seq, ref, title, body, folded FROM temp.staged_activities ORDER BY seq")
            defer { rows.reset() }
            while try rows.step() {
                let seq = try Row(statement: rows).int(0)
                guard added[seq >> 6] & (1 << UInt64(seq & 63)) != 0 else { continue }
                for c in Int32(1)...4 { try index.bind(c, column: c, of: rows) }
                try index.run()
            }
        }
        try db.execute("DELETE FROM temp.staged_activities")
        table.staged = 0
    }

    /// Records the rows still staged and closes a table import: it counts as imported only when some row was new.
    public func finish(_ table: inout TableImport, today: Day, actor: Actor) throws {
        try recordStaged(&table)
        if table.added == 0 {
            try db.run("DELETE FROM imports WHERE id = ?", [table.id])
        } else {
            try audit(AuditEntry(day: today, actor: actor, command: "import", action: .activitiesImported,
                                 subject: table.source, detail: "\(table.added) rows"))
        }
    }

    /// Empties the staging table and gives the connection its page cache back, whether the table was recorded
    /// or rejected.
    public func close(_ table: TableImport) {
        try? db.execute("DELETE FROM temp.staged_activities; PRAGMA cache_size = \(table.cacheSize)")
    }

    /// Records an activity (a table row already there is skipped by SQLite's partial unique index) and indexes it
    /// for search in the same transaction, so searching never has to write.
    func insert(_ a: Activity, formId: Int?, importId: Int) throws -> Bool {
        let themeSet = try themeSetID(a.themes.map(\.value))
        let s = try db.statement("""
            INSERT OR IGNORE INTO activities (form_id, unit, date, type, title, participants, theme_set, items,
                                              import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try s.bind(1, formId)
        try s.bind(2, a.unit.value.rawValue)
        try s.bind(3, a.date.value.iso)
        try s.bind(4, a.type.rawValue)
        try s.bind(5, a.title)
        try s.bind(6, a.participants.value)
        try s.bind(7, themeSet)
        try s.bind(8, a.items.map(\.value.rawValue).joined(separator: " "))
        try s.bind(9, importId)
        try s.run()
        guard db.changes > 0 else { return false }
        try index(kind: .activity, ref: ActivitySearch.ref(a), formId: formId, sensitive: false, title: a.title,
                  body: ActivitySearch.head(a.type, themes: ActivitySearch.themes(a.themes.map(\.value)))
                      + String(a.participants.value))
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
        let s = try db.statement("""
            INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        try s.bind(1, kind.rawValue)
        try s.bind(2, ref)
        try s.bind(3, formId)
        try s.bind(4, sensitive ? 1 : 0)
        try s.bind(5, title)
        try s.bind(6, body)
        try s.bind(7, (title + " " + body).folded)
        try s.run()
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
        try db.rows("SELECT content, submitted FROM forms WHERE unit = ? AND period = ? AND current = 1",
            [unit, period]) {
            (try $0.text(0), try $0.day(1))
        }.first
    }

    /// The date the current form of a unit and month states for itself (`submitted:`), kept beside the day it
    /// counts from; nil when it states none.
    public func statedSubmission(unit: UnitCode, period: Month) throws -> Day? {
        try db.rows("SELECT stated_submitted FROM forms WHERE unit = ? AND period = ? AND current = 1",
                    [unit, period]) { try $0.optionalDay(0) }.first ?? nil
    }

    /// Every form of a unit for a month, oldest first: the current one last, corrections before it.
    public func formHistory(unit: UnitCode, period: Month)
        throws -> [(importedOn: Day, source: String, current: Bool)] {
        try db.rows("SELECT imported_on, source_path, current FROM forms WHERE unit = ? AND period = ? ORDER BY id",
                    [unit, period]) { (try $0.day(0), try $0.text(1), try $0.bool(2)) }
    }
}
