import LoaCore

extension StoreReader {
    /// Open alerts (or all), oldest first.
    public func alerts(includeResolved: Bool = false) throws -> [Alert] {
        try db.rows("""
            SELECT id, unit, period, topic, detail, opened_on, resolved_on, resolved_by, note FROM alerts
            \(includeResolved ? "" : "WHERE resolved_on IS NULL ") ORDER BY opened_on, id
            """) { r in
            Alert(id: try r.int(0), unit: try r.id(1), period: try r.month(2), topic: try r.text(3),
                  detail: r.optionalText(4), openedOn: try r.day(5), resolvedOn: try r.optionalDay(6),
                  resolvedBy: r.optionalText(7), note: r.optionalText(8))
        }
    }

    /// The alert with this id, open or resolved.
    public func alert(id: Int) throws -> Alert? {
        try db.rows("""
            SELECT id, unit, period, topic, detail, opened_on, resolved_on, resolved_by, note FROM alerts WHERE id = ?
            """, [id]) { r in
            Alert(id: try r.int(0), unit: try r.id(1), period: try r.month(2), topic: try r.text(3),
                  detail: r.optionalText(4), openedOn: try r.day(5), resolvedOn: try r.optionalDay(6),
                  resolvedBy: r.optionalText(7), note: r.optionalText(8))
        }.first
    }

    /// What was recorded about alerts after they opened (escalations, notes, issued reports), by alert, in order.
    public func alertEvents(alert: Int? = nil) throws -> [Int: [AlertEvent]] {
        var out: [Int: [AlertEvent]] = [:]
        try db.query("""
            SELECT alert_id, recorded_on, actor, action, authority, note, number, issued_on FROM alert_events
            \(alert == nil ? "" : "WHERE alert_id = ? ")ORDER BY alert_id, id
            """, alert.map { [$0] } ?? []) { r in
            out[try r.int(0), default: []].append(AlertEvent(
                on: try r.day(1), by: try r.text(2), action: try r.choice(3),
                to: r.isNull(4) ? nil : try r.id(4), note: r.optionalText(5), number: r.optionalText(6),
                issuedOn: try r.optionalDay(7)))
        }
        return out
    }
}

extension StoreWriter {
    /// Closes an open alert; false when no open alert has that id.
    public func resolveAlert(id: Int, note: String, today: Day, actor: Actor) throws -> Bool {
        try db.run("UPDATE alerts SET resolved_on = ?, resolved_by = ?, note = ? WHERE id = ? AND resolved_on IS NULL",
                   [today, actor.name, note, id])
        guard db.changes > 0 else { return false }
        try audit(AuditEntry(day: today, actor: actor, command: "alerts resolve", action: .alertResolved,
                             subject: "alert \(id)", detail: note))
        return true
    }

    /// Records a step of following an alert up (escalated, note, issued), with its audit entry.
    public func recordAlertEvent(alert id: Int, _ event: AlertEvent, actor: Actor) throws {
        try db.run("""
            INSERT INTO alert_events (alert_id, recorded_on, actor, action, authority, note, number, issued_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [id, event.on, event.by, event.action.rawValue, event.to, event.note, event.number, event.issuedOn])
        let action: AuditAction = switch event.action {
        case .escalated: .alertEscalated
        case .issued: .alertReportIssued
        default: .alertNoted
        }
        try audit(AuditEntry(day: event.on, actor: actor, command: "alerts \(event.action.rawValue)", action: action,
                             subject: "alert \(id)", detail: event.to?.rawValue ?? event.number))
    }
}

extension Actor {
    /// The person or unit, without the door they came through.
    public var name: String {
        switch self {
        case .commandLine(let u), .user(let u): return u
        case .unit(let c): return c.rawValue
        }
    }
}
