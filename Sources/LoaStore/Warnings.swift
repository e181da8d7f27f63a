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

    /// The topics raised in current forms submitted between `since` and `until`, dated by submission (SPEC §5.4).
    public func raisedTopics(since: Day, until: Day) throws -> [WarningFacts.RaisedTopic] {
        // issues are far fewer than forms: read them first (CROSS JOIN keeps that order), then their forms
        try withSmallCache { try db.rows("""
            SELECT f.unit, i.topic, f.submitted, i.sensitive FROM feedback_issues i CROSS JOIN forms f
              ON f.id = i.form_id
            WHERE f.current = 1 AND f.submitted BETWEEN ? AND ? ORDER BY f.submitted, f.unit, i.id
            """, [since, until]) { r in
            WarningFacts.RaisedTopic(unit: try r.id(0), topic: try r.text(1), reportedOn: try r.day(2),
                                     sensitive: try r.bool(3))
        } }
    }
}
