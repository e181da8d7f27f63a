import LoaCore

extension StoreReader {
    /// A unit's urgent issues, oldest first: of one month, or of the months from `since` on.
    public func urgentIssues(unit: UnitCode, period: Month? = nil, since: Month? = nil) throws -> [UrgentIssue] {
        var filter = "unit = ?"
        var args: [any DatabaseValueConvertible] = [unit]
        if let period { filter += " AND period = ?"; args.append(period) }
        if let since { filter += " AND period >= ?"; args.append(since) }
        return try db.rows("""
            SELECT id, unit, period, topic, detail, recorded_on FROM urgent_issues WHERE \(filter) ORDER BY id
            """, args) { r in
            UrgentIssue(id: try r.int(0), unit: try r.id(1), period: try r.month(2), topic: try r.text(3),
                        detail: r.optionalText(4), recordedOn: try r.day(5))
        }
    }
}

extension StoreWriter {
    /// Records an urgent issue of a unit (SPEC §9.5): an open alert of the unit for the month at once (the alert
    /// already there when one has the same topic), and, when the month's report came already, one issue more
    /// counted with it — unless the report raised the same topic, which then stands for it. Returns the alert.
    @discardableResult
    public func recordUrgentIssue(unit: UnitCode, period: Month, topic: String, detail: String?, today: Day,
                                  actor: Actor) throws -> Int {
        let key = UrgentIssue.topicKey(topic)
        let alerts = try db.rows("SELECT id, topic FROM alerts WHERE unit = ? AND period = ? ORDER BY id",
                                 [unit, period]) { (id: try $0.int(0), topic: try $0.text(1)) }
        let alert: Int
        if let same = alerts.first(where: { UrgentIssue.topicKey($0.topic) == key }) {
            alert = same.id
        } else {
            try db.run("INSERT INTO alerts (unit, period, topic, detail, opened_on) VALUES (?, ?, ?, ?, ?)",
                       [unit, period, topic, detail, today])
            alert = db.lastInsertedRowID
        }
        try db.run("""
            INSERT INTO urgent_issues (unit, period, topic, detail, recorded_on, alert_id) VALUES (?, ?, ?, ?, ?, ?)
            """, [unit, period, topic, detail, today, alert])
        let urgent = db.lastInsertedRowID
        let ref = "\(unit) \(period.iso)"
        if let form = try db.rows("SELECT id FROM forms WHERE unit = ? AND period = ? AND current = 1",
                                  [unit, period], { try $0.int(0) }).first {
            let issues = try db.rows("SELECT id, topic FROM feedback_issues WHERE form_id = ? AND urgent_id IS NULL",
                                     [form]) { (id: try $0.int(0), topic: try $0.text(1)) }
            if let same = issues.first(where: { UrgentIssue.topicKey($0.topic) == key }) {
                try db.run("UPDATE feedback_issues SET urgent_id = ? WHERE id = ?", [urgent, same.id])
            } else {
                try db.run("""
                    INSERT INTO feedback_issues (form_id, topic, detail, sensitive, urgent_id) VALUES (?, ?, ?, 1, ?)
                    """, [form, topic, detail, urgent])
            }
        }
        try index(kind: .issue, ref: ref, formId: nil, sensitive: true, title: topic, body: detail ?? "")
        try audit(AuditEntry(day: today, actor: actor, command: "web", action: .urgentIssueReported,
                             subject: "\(unit)/\(period.iso)", detail: "alert \(alert)"))
        return alert
    }
}
