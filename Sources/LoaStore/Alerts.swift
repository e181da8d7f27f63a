import LoaCore

extension StoreReader {
    /// Open alerts (or all), oldest first.
    public func alerts(includeResolved: Bool = false) throws -> [Alert] {
        try db.rows("""
            SELECT id, unit, period, topic, detail, opened_on, resolved_on, resolved_by, note FROM alerts
            \(includeResolved ? "" : "WHERE resolved_on IS NULL ") ORDER BY opened_on, id
            """) { r in
            Alert(id: try r.int(0), unit: try r.id(1), period: try r.month(2), topic: try r.text(3),
                detail: r.optionalText(4),
                  openedOn: try r.day(5), resolvedOn: try r.optionalDay(6), resolvedBy: r.optionalText(7),
                  note: r.optionalText(8))
        }
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
