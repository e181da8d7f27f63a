import LoaCore

/// Ordered, named schema migrations keyed on `PRAGMA user_version`.
struct Migration: Sendable {
    let name: String
    let sql: String
    /// Work SQL cannot do alone (folding text for the search index), run after `sql`.
    var run: (@Sendable (Database) throws -> Void)?
}

enum Schema {
    /// Each migration runs once, in order; `user_version` holds how many have run.
    static let migrations: [Migration] = [
        Migration(name: "publications and deliveries", sql: """
            CREATE TABLE publications (
              id INTEGER PRIMARY KEY,
              channel TEXT NOT NULL,
              date TEXT NOT NULL,
              recorded_on TEXT NOT NULL,
              UNIQUE (channel, date)
            );
            CREATE TABLE publication_items (
              publication_id INTEGER NOT NULL REFERENCES publications(id),
              item TEXT NOT NULL,
              position INTEGER NOT NULL,
              title TEXT NOT NULL,
              themes TEXT NOT NULL,
              audiences TEXT NOT NULL,
              PRIMARY KEY (publication_id, item)
            ) WITHOUT ROWID;
            CREATE TABLE deliveries (
              publication_id INTEGER NOT NULL REFERENCES publications(id),
              unit TEXT NOT NULL,
              item TEXT NOT NULL,
              PRIMARY KEY (publication_id, unit, item)
            ) WITHOUT ROWID;
            CREATE TABLE audit (
              id INTEGER PRIMARY KEY,
              recorded_on TEXT NOT NULL,
              command TEXT NOT NULL,
              action TEXT NOT NULL,
              subject TEXT NOT NULL,
              detail TEXT
            );
            """),
        Migration(name: "reports, activities, feedback and alerts", sql: """
            CREATE TABLE imports (
              id INTEGER PRIMARY KEY,
              recorded_on TEXT NOT NULL,
              path TEXT NOT NULL,
              kind TEXT NOT NULL,
              result TEXT NOT NULL
            );
            CREATE TABLE forms (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              period TEXT NOT NULL,
              submitted TEXT NOT NULL,
              imported_on TEXT NOT NULL,
              reporter TEXT,
              received TEXT NOT NULL,
              mood TEXT,
              feedback_summary TEXT,
              notes TEXT,
              content TEXT NOT NULL,
              source_path TEXT NOT NULL,
              current INTEGER NOT NULL DEFAULT 1,
              replaced_by INTEGER REFERENCES forms(id),
              import_id INTEGER REFERENCES imports(id)
            );
            CREATE UNIQUE INDEX forms_current ON forms(unit, period) WHERE current = 1;
            CREATE TABLE activities (
              id INTEGER PRIMARY KEY,
              form_id INTEGER REFERENCES forms(id),
              unit TEXT NOT NULL,
              date TEXT NOT NULL,
              type TEXT NOT NULL,
              title TEXT NOT NULL,
              participants INTEGER NOT NULL CHECK (participants >= 0),
              themes TEXT NOT NULL,
              items TEXT NOT NULL,
              import_id INTEGER REFERENCES imports(id)
            );
            CREATE UNIQUE INDEX activities_table_key ON activities(unit, date, type, title) WHERE form_id IS NULL;
            CREATE TABLE feedback_issues (
              id INTEGER PRIMARY KEY,
              form_id INTEGER NOT NULL REFERENCES forms(id),
              topic TEXT NOT NULL,
              detail TEXT,
              sensitive INTEGER NOT NULL
            );
            CREATE TABLE alerts (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              period TEXT NOT NULL,
              topic TEXT NOT NULL,
              detail TEXT,
              opened_on TEXT NOT NULL,
              resolved_on TEXT,
              resolved_by TEXT,
              note TEXT,
              UNIQUE (unit, period, topic)
            );
            """),
        Migration(name: "indexes for national-scale reports", sql: """
            CREATE INDEX forms_period ON forms(period, current);
            CREATE INDEX activities_date ON activities(date, unit);
            CREATE INDEX activities_form ON activities(form_id);
            CREATE INDEX deliveries_unit ON deliveries(unit, publication_id);
            CREATE INDEX publications_date ON publications(date);
            CREATE INDEX feedback_form ON feedback_issues(form_id);
            CREATE INDEX alerts_open ON alerts(resolved_on, opened_on);
            """),
        Migration(name: "search index over activities and feedback", sql: """
            CREATE VIRTUAL TABLE search_index USING fts5(
              kind UNINDEXED, ref UNINDEXED, form_id UNINDEXED, sensitive UNINDEXED, title, body, folded,
              tokenize = 'unicode61 remove_diacritics 2'
            );
            """),
        Migration(name: "activities indexed for search on demand", sql: """
            CREATE TABLE search_state (name TEXT PRIMARY KEY, last_id INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO search_state VALUES ('activities', coalesce((SELECT max(id) FROM activities), 0));
            """),
        Migration(name: "forms by unit and month, history included", sql: """
            CREATE INDEX forms_unit_period ON forms(unit, period);
            """),
        Migration(name: "themes of activities and publications in their own tables", sql: """
            CREATE TABLE theme_sets (
              id INTEGER PRIMARY KEY,
              key TEXT NOT NULL UNIQUE
            );
            CREATE TABLE theme_set_members (
              set_id INTEGER NOT NULL REFERENCES theme_sets(id),
              theme TEXT NOT NULL,
              project TEXT NOT NULL,
              PRIMARY KEY (set_id, theme)
            ) WITHOUT ROWID;
            CREATE INDEX theme_set_members_theme ON theme_set_members(theme, set_id);
            INSERT INTO theme_sets (key) SELECT DISTINCT themes FROM activities WHERE themes <> '' ORDER BY themes;
            \(split(source: "SELECT id, key FROM theme_sets", into: """
                INSERT OR IGNORE INTO theme_set_members (set_id, theme, project)
                SELECT k1, part, substr(part, 1, instr(part, '/') - 1) FROM split
                """))
            ALTER TABLE activities ADD COLUMN theme_set INTEGER REFERENCES theme_sets(id);
            UPDATE activities SET theme_set = (SELECT id FROM theme_sets WHERE key = activities.themes)
              WHERE themes <> '';
            ALTER TABLE activities DROP COLUMN themes;

            CREATE TABLE publication_item_themes (
              publication_id INTEGER NOT NULL REFERENCES publications(id),
              item TEXT NOT NULL,
              theme TEXT NOT NULL,
              PRIMARY KEY (publication_id, item, theme)
            ) WITHOUT ROWID;
            CREATE TABLE publication_item_audiences (
              publication_id INTEGER NOT NULL REFERENCES publications(id),
              item TEXT NOT NULL,
              audience TEXT NOT NULL,
              PRIMARY KEY (publication_id, item, audience)
            ) WITHOUT ROWID;
            \(split(source: "SELECT publication_id, item, themes FROM publication_items", keys: 2, into: """
                INSERT OR IGNORE INTO publication_item_themes (publication_id, item, theme)
                  SELECT k1, k2, part FROM split
                """))
            \(split(source: "SELECT publication_id, item, audiences FROM publication_items", keys: 2, into: """
                INSERT OR IGNORE INTO publication_item_audiences (publication_id, item, audience)
                  SELECT k1, k2, part FROM split
                """))
            ALTER TABLE publication_items DROP COLUMN themes;
            ALTER TABLE publication_items DROP COLUMN audiences;
            """),
        Migration(name: "activities of replaced forms marked as not counted", sql: """
            ALTER TABLE activities ADD COLUMN counted INTEGER NOT NULL DEFAULT 1;
            UPDATE activities SET counted = 0 WHERE form_id IN (SELECT id FROM forms WHERE current = 0);
            """),
        Migration(name: "who made each change", sql: """
            ALTER TABLE audit ADD COLUMN actor TEXT;
            """),
        Migration(name: "search index kept current when facts are recorded", sql: """
            DELETE FROM search_index WHERE form_id IN (SELECT id FROM forms WHERE current = 0);
            """, run: indexActivitiesRecordedEarlier),
        Migration(name: "the web front: unit link versions, users and report drafts", sql: """
            CREATE TABLE unit_links (
              unit TEXT PRIMARY KEY,
              version INTEGER NOT NULL CHECK (version >= 1),
              rotated_on TEXT
            ) WITHOUT ROWID;
            CREATE TABLE users (
              name TEXT PRIMARY KEY,
              role TEXT NOT NULL CHECK (role IN ('officer', 'leader')),
              sensitive INTEGER NOT NULL DEFAULT 0,
              password_hash TEXT NOT NULL,
              created_on TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE report_drafts (
              unit TEXT NOT NULL,
              period TEXT NOT NULL,
              content TEXT NOT NULL,
              saved_on TEXT NOT NULL,
              PRIMARY KEY (unit, period)
            ) WITHOUT ROWID;
            """),
        Migration(name: "report scans read their indexes alone", sql: """
            DROP INDEX activities_date;
            CREATE INDEX activities_date ON activities(date, unit, type, participants, theme_set, counted);
            DROP INDEX forms_period;
            CREATE INDEX forms_period ON forms(period, current, unit, submitted, mood);
            """),
        // searches match the folded column only; title and body are kept to be shown. Each row's folded text has
        // as many tokens as its title and body, so every row's length and the average halve alike and bm25 ranks
        // stay the same
        Migration(name: "search index tokenizes the folded text only", sql: """
            CREATE VIRTUAL TABLE search_index_folded USING fts5(
              kind UNINDEXED, ref UNINDEXED, form_id UNINDEXED, sensitive UNINDEXED, title UNINDEXED, body UNINDEXED,
              folded, tokenize = 'unicode61 remove_diacritics 2'
            );
            INSERT INTO search_index_folded (rowid, kind, ref, form_id, sensitive, title, body, folded)
              SELECT rowid, kind, ref, form_id, sensitive, title, body, folded FROM search_index ORDER BY rowid;
            DROP TABLE search_index;
            ALTER TABLE search_index_folded RENAME TO search_index;
            """),
        // the web hardened for the Internet (SPEC §9.5, §9.6): administrators, failed logins kept per user (so no
        // flood of other names can erase them), the one-time keys of recording forms with the answer they got,
        // each unit's bytes stored per day, and a form's notes kept once (in its content)
        Migration(name: "web: admins, login failures, one-time form keys, unit quotas", sql: """
            ALTER TABLE users ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE users ADD COLUMN last_failed_login REAL;
            CREATE TABLE form_keys (
              actor TEXT NOT NULL,
              key TEXT NOT NULL,
              digest TEXT NOT NULL,
              status INTEGER NOT NULL,
              location TEXT,
              recorded_on TEXT NOT NULL,
              PRIMARY KEY (actor, key)
            ) WITHOUT ROWID;
            CREATE INDEX form_keys_recorded ON form_keys(recorded_on);
            CREATE TABLE unit_usage (
              unit TEXT NOT NULL,
              day TEXT NOT NULL,
              bytes INTEGER NOT NULL CHECK (bytes >= 0),
              PRIMARY KEY (unit, day)
            ) WITHOUT ROWID;
            ALTER TABLE forms DROP COLUMN notes;
            """),
        Migration(name: "what was done about each alert: escalations, notes, issued reports", sql: """
            CREATE TABLE alert_events (
              id INTEGER PRIMARY KEY,
              alert_id INTEGER NOT NULL REFERENCES alerts(id),
              recorded_on TEXT NOT NULL,
              actor TEXT NOT NULL,
              action TEXT NOT NULL CHECK (action IN ('escalated', 'note', 'issued')),
              authority TEXT,
              note TEXT,
              number TEXT,
              issued_on TEXT
            );
            CREATE INDEX alert_events_alert ON alert_events(alert_id, id);
            """),
        // an issue's delivery to each unit (and, unit '', the issue's own: the feed entry, the Zalo article) with
        // its medium and state, beside `deliveries`, which keeps one row per unit and item for the reports. Only
        // deliveries still open are indexed, so sending one changes one index page. Issues published before Loa
        // could send anything were handed out by people: they become `print`, `sent`
        Migration(name: "deliveries gain a medium and a state", sql: """
            CREATE TABLE issue_deliveries (
              publication_id INTEGER NOT NULL REFERENCES publications(id),
              unit TEXT NOT NULL,
              medium TEXT NOT NULL CHECK (medium IN ('email', 'zalo-oa', 'feed', 'print')),
              state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'confirmed')),
              problem TEXT,
              changed_on TEXT NOT NULL,
              confirmed_on TEXT,
              remote_token TEXT,
              remote_id TEXT,
              PRIMARY KEY (publication_id, unit)
            ) WITHOUT ROWID;
            CREATE INDEX issue_deliveries_open ON issue_deliveries(publication_id)
              WHERE state IN ('pending', 'sending', 'failed');
            CREATE INDEX issue_deliveries_unit ON issue_deliveries(unit, publication_id);
            INSERT INTO issue_deliveries (publication_id, unit, medium, state, changed_on)
              SELECT DISTINCT d.publication_id, d.unit, 'print', 'sent', p.recorded_on
              FROM deliveries d JOIN publications p ON p.id = d.publication_id;
            """),
        // what a unit sends is what happened (SPEC §9.5): the date a form states for itself beside the day that
        // counts (the server's day for a web report, the first submission's for a correction), and urgent issues
        // that open an alert at once and count once with the month's report, whether or not it repeats them
        Migration(name: "units' reports: stated dates and urgent issues", sql: """
            ALTER TABLE forms ADD COLUMN stated_submitted TEXT;
            CREATE TABLE urgent_issues (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              period TEXT NOT NULL,
              topic TEXT NOT NULL,
              detail TEXT,
              recorded_on TEXT NOT NULL,
              alert_id INTEGER REFERENCES alerts(id)
            );
            CREATE INDEX urgent_issues_unit ON urgent_issues(unit, period);
            CREATE INDEX urgent_issues_recorded ON urgent_issues(recorded_on);
            ALTER TABLE feedback_issues ADD COLUMN urgent_id INTEGER REFERENCES urgent_issues(id);
            """),
        // four eyes (SPEC §9.7): a leader may be given the approval of items (`loa user add --approve`)
        Migration(name: "users: leaders given approval", sql: """
            ALTER TABLE users ADD COLUMN approve INTEGER NOT NULL DEFAULT 0;
            """),
        // an officer returns a unit's sent report with a comment; the return ends with the unit's correction or
        // when an officer reopens the report as it stood (SPEC §9.7)
        Migration(name: "reports returned for correction", sql: """
            CREATE TABLE report_returns (
              id INTEGER PRIMARY KEY,
              unit TEXT NOT NULL,
              period TEXT NOT NULL,
              form_id INTEGER NOT NULL REFERENCES forms(id),
              comment TEXT NOT NULL,
              returned_on TEXT NOT NULL,
              returned_by TEXT NOT NULL,
              ended_on TEXT,
              ended_by TEXT,
              ending TEXT CHECK (ending IN ('corrected', 'reopened')),
              corrected_form INTEGER REFERENCES forms(id)
            );
            CREATE INDEX report_returns_unit ON report_returns(unit, period);
            CREATE INDEX report_returns_open ON report_returns(period) WHERE ending IS NULL;
            """),
    ]

    /// Activities used to be indexed for search on demand; index the ones not indexed yet, then forget the marker.
    static func indexActivitiesRecordedEarlier(_ db: Database) throws {
        let last = try db.scalarInt("SELECT last_id FROM search_state WHERE name = 'activities'")
        let rows = try db.rows("""
            SELECT a.unit, a.date, a.form_id, a.type, a.title, a.participants,
                   coalesce((SELECT group_concat(theme, ', ') FROM (SELECT theme FROM theme_set_members m
                             WHERE m.set_id = a.theme_set ORDER BY theme)), '')
            FROM activities a WHERE a.id > ? AND a.counted = 1 ORDER BY a.id
            """, [last]) { r in
            (ref: "\(try r.text(0)) \(try r.text(1))", form: try r.optionalInt(2), type: try r.text(3),
             title: try r.text(4), participants: try r.int(5), themes: try r.text(6))
        }
        for a in rows {
            let type = ActivityType(rawValue: a.type)?.phrase.vi ?? a.type
            let body = "\(type) · \(a.themes) · \(a.participants)"
            try db.run("""
                INSERT INTO search_index (kind, ref, form_id, sensitive, title, body, folded)
                  VALUES ('activity', ?, ?, 0, ?, ?, ?)
                """, [a.ref, a.form, a.title, body, (a.title + " " + body).folded])
        }
        try db.execute("DROP TABLE search_state")
    }

    /// SQL that splits a space-separated column (the last of `source`, after `keys` key columns) into rows
    /// `split(k1[, k2], part)` and runs `into` over them: for migrating lists once stored as text.
    static func split(source: String, keys: Int = 1, into statement: String) -> String {
        let k = (1...keys).map { "k\($0)" }.joined(separator: ", ")
        return """
            WITH RECURSIVE src(\(k), rest) AS (SELECT * FROM (\(source))),
            split(\(k), rest, part) AS (
              SELECT \(k), trim(rest) || ' ', NULL FROM src
              UNION ALL
              SELECT \(k), ltrim(substr(rest, instr(rest, ' ') + 1)), substr(rest, 1, instr(rest, ' ') - 1)
              FROM split WHERE rest <> ''
            )
            \(statement) WHERE part IS NOT NULL AND part <> '';
            """
    }

    /// Brings the database up to date; a database newer than this binary is refused.
    static func migrate(_ db: Database, upTo target: Int = migrations.count) throws {
        let seen = try db.scalarInt("PRAGMA user_version")
        if seen > migrations.count { throw StoreError.tooNew(version: seen, known: migrations.count) }
        guard seen < target else { return }
        try db.transaction(writing: true) {
            // read again under the write lock: another process may have migrated meanwhile
            let version = try db.scalarInt("PRAGMA user_version")
            for (i, m) in migrations.enumerated() where i >= version && i < target {
                try db.execute(m.sql)
                try m.run?(db)
                try db.execute("PRAGMA user_version = \(i + 1)")
            }
        }
    }
}


