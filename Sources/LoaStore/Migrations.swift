/// Ordered, named schema migrations keyed on `PRAGMA user_version`.
public struct Migration: Sendable {
    public let name: String
    public let sql: String
}

public enum Schema {
    /// Each migration runs once, in order; `user_version` holds how many have run.
    public static let migrations: [Migration] = [
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
    ]

    /// Brings the database up to date; a database newer than this binary is refused.
    public static func migrate(_ db: Database, upTo target: Int = migrations.count) throws {
        let seen = try db.scalarInt("PRAGMA user_version")
        if seen > migrations.count { throw StoreError.tooNew(version: seen, known: migrations.count) }
        guard seen < target else { return }
        try db.write {
            // read again under the write lock: another process may have migrated meanwhile
            let version = try db.scalarInt("PRAGMA user_version")
            for (i, m) in migrations.enumerated() where i >= version && i < target {
                try db.execute(m.sql)
                try db.execute("PRAGMA user_version = \(i + 1)")
            }
        }
    }
}

public enum StoreError: Error, Sendable {
    case tooNew(version: Int, known: Int)
}
