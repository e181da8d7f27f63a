import LoaCore

extension StoreReader {
    /// What early warnings are computed from: the moods of current forms of the months `from` through `to`, and
    /// the topics raised in current forms submitted between `since` and `until` (SPEC §5.4).
    public func warningFacts(moodsFrom from: Month, to: Month, topicsSince since: Day, until: Day) throws
        -> WarningFacts {
        var facts = WarningFacts()
        try db.query("SELECT unit, period, mood FROM forms WHERE period BETWEEN ? AND ? AND current = 1",
                     [from, to]) { r in
            facts.moods.append(.init(unit: try r.id(0), period: try r.month(1), mood: r.isNull(2)
                ? nil : try r.mood(2)))
        }
        // issues are far fewer than forms: read them first (CROSS JOIN keeps that order), then their forms
        facts.topics = try db.rows("""
            SELECT f.unit, i.topic, f.submitted, i.sensitive FROM feedback_issues i CROSS JOIN forms f
              ON f.id = i.form_id
            WHERE f.current = 1 AND f.submitted BETWEEN ? AND ? ORDER BY f.submitted, f.unit, i.id
            """, [since, until]) { r in
            WarningFacts.RaisedTopic(unit: try r.id(0), topic: try r.text(1), reportedOn: try r.day(2),
                                     sensitive: try r.bool(3))
        }
        return facts
    }
}
