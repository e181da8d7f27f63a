import LoaCore

extension StoreReader {
    /// Calls `body` with the mood of each current form of the months `from` through `to`, in no particular order.
    public func forEachMood(from: Month, to: Month, _ body: (WarningFacts.MoodReport) throws -> Void) throws {
        try withSmallCache {
            try db.query("SELECT unit, period, mood FROM forms WHERE period BETWEEN ? AND ? AND current = 1",
                         [from, to]) { r in
                try body(.init(unit: try r.id(0), period: try r.fastMonth(1), mood: r.isNull(2) ? nil : try r.mood(2)))
            }
        }
    }

    /// The topics raised between `since` and `until` (SPEC §5.4): in current forms, dated by their submission, and
    /// as urgent issues, dated by the day each was recorded; a form's issue that repeats an urgent one is that
    /// urgent issue, counted once.
    public func raisedTopics(since: Day, until: Day) throws -> [WarningFacts.RaisedTopic] {
        // issues are far fewer than forms: read them first (CROSS JOIN keeps that order), then their forms
        try withSmallCache { try db.rows("""
            SELECT f.unit, i.topic, f.submitted, i.sensitive FROM feedback_issues i CROSS JOIN forms f
              ON f.id = i.form_id
            WHERE f.current = 1 AND i.urgent_id IS NULL AND f.submitted BETWEEN ? AND ?
            UNION ALL
            SELECT unit, topic, recorded_on, 1 FROM urgent_issues WHERE recorded_on BETWEEN ? AND ?
            ORDER BY 3, 1, 2
            """, [since, until, since, until]) { r in
            WarningFacts.RaisedTopic(unit: try r.id(0), topic: try r.text(1), reportedOn: try r.day(2),
                                     sensitive: try r.bool(3))
        } }
    }
}
