import LoaCore

/// What a publication carries for each item, frozen at publication time.
public struct PublishedItemRecord: Sendable {
    public let id: ItemID
    public let title: String
    public let themes: [ThemeRef]
    public let audiences: [AudienceID]
    public init(id: ItemID, title: String, themes: [ThemeRef], audiences: [AudienceID]) {
        self.id = id; self.title = title; self.themes = themes; self.audiences = audiences
    }
}

extension StoreReader {
    public func isPublished(_ slot: Slot) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM publications WHERE channel = ? AND date = ?",
            [slot.channel, slot.date]) > 0
    }

    /// Every (item, channel, date) published.
    public func publications() throws -> [Publication] {
        try db.rows("""
            SELECT pi.item, p.channel, p.date FROM publication_items pi JOIN publications p ON p.id = pi.publication_id
            ORDER BY p.date, p.channel, pi.item
            """) { r in Publication(item: try r.id(0), channel: try r.id(1), date: try r.day(2)) }
    }

    /// Issues delivered to a unit in a month, in date order.
    public func issuesDelivered(to unit: UnitCode, in month: Month) throws -> [Slot] {
        try db.rows("""
            SELECT DISTINCT p.channel, p.date FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE d.unit = ? AND p.date BETWEEN ? AND ? ORDER BY p.date, p.channel
            """, [unit, month.first, month.last]) { r in Slot(channel: try r.id(0), date: try r.day(1)) }
    }

    /// How many issues each channel published before the slot, plus one: the issue number ("Số 12").
    public func issueNumber(of slot: Slot) throws -> Int {
        try db.scalarInt("SELECT count(*) FROM publications WHERE channel = ? AND date < ?", [slot.channel, slot.date])
            + 1
    }

    public func deliveryCount(from: Day, to: Day) throws -> Int {
        try db.scalarInt("""
            SELECT count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id WHERE p.date BETWEEN ? AND
              ?
            """, [from, to])
    }

    public func publishedSlots(from: Day, to: Day) throws -> Set<Slot> {
        Set(try db.rows("SELECT channel, date FROM publications WHERE date BETWEEN ? AND ?", [from, to]) { r in
            Slot(channel: try r.id(0), date: try r.day(1))
        })
    }
}

extension StoreWriter {
    /// Records a publication and its deliveries; false (and nothing written) when the slot was already published.
    public func recordPublication(_ slot: Slot, items: [PublishedItemRecord], units: [UnitCode], today: Day,
                                  actor: Actor) throws -> Bool {
        if try reader.isPublished(slot) { return false }
        try db.run("INSERT INTO publications (channel, date, recorded_on) VALUES (?, ?, ?)",
            [slot.channel, slot.date, today])
        let pid = db.lastInsertedRowID
        let delivery = try db.statement("INSERT INTO deliveries VALUES (?, ?, ?)")
        for (i, item) in items.enumerated() {
            try db.run("INSERT INTO publication_items (publication_id, item, position, title) VALUES (?, ?, ?, ?)",
                       [pid, item.id, i, item.title])
            for t in Set(item.themes) {
                try db.run("INSERT INTO publication_item_themes VALUES (?, ?, ?)", [pid, item.id, t])
            }
            for a in Set(item.audiences) {
                try db.run("INSERT INTO publication_item_audiences VALUES (?, ?, ?)", [pid, item.id, a])
            }
            for u in units { try delivery.execute([pid, u, item.id]) }
        }
        try audit(AuditEntry(day: today, actor: actor, command: "publish", action: .publication,
            subject: slot.description,
                             detail: "\(items.count) items × \(units.count) units"))
        return true
    }
}
