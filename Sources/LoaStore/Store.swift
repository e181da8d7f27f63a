import Foundation
import LoaCore

/// The recorded facts of a workspace: every query and write Loa makes lives here.
public final class Store {
    public let db: Database
    private var insertActivityStatement: Statement?

    /// The activity insert, prepared once: imports run it for every row.
    func insertActivity() throws -> Statement {
        if let s = insertActivityStatement { return s }
        let s = try db.prepare("""
            INSERT OR IGNORE INTO activities (form_id, unit, date, type, title, participants, themes, items, import_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertActivityStatement = s
        return s
    }

    /// Opens (creating and migrating) the database at `path`.
    public init(path: String) throws {
        db = try Database(path: path)
        try Schema.migrate(db)
    }

    /// What a publication carries for each item, frozen at publication time.
    public struct PublishedItem: Sendable {
        public let id: String
        public let title: String
        public let themes: [String]
        public let audiences: [String]
        public init(id: String, title: String, themes: [String], audiences: [String]) {
            self.id = id; self.title = title; self.themes = themes; self.audiences = audiences
        }
    }

    public func isPublished(channel: String, date: Day) throws -> Bool {
        try db.scalarInt("SELECT count(*) FROM publications WHERE channel = ? AND date = ?", [channel, date.iso]) > 0
    }

    /// Records a publication and its deliveries in one transaction; false when the slot was already published.
    public func recordPublication(channel: String, date: Day, items: [PublishedItem], units: [String], today: Day) throws -> Bool {
        try db.write {
            if try isPublished(channel: channel, date: date) { return false }
            try db.run("INSERT INTO publications (channel, date, recorded_on) VALUES (?, ?, ?)", [channel, date.iso, today.iso])
            let pid = db.lastInsertedRowID
            for (i, item) in items.enumerated() {
                try db.run("INSERT INTO publication_items VALUES (?, ?, ?, ?, ?, ?)",
                           [pid, item.id, i, item.title, item.themes.joined(separator: " "), item.audiences.joined(separator: " ")])
                for u in units { try db.run("INSERT INTO deliveries VALUES (?, ?, ?)", [pid, u, item.id]) }
            }
            try audit(today, "publish", "publication", "\(channel)/\(date.iso)", "\(items.count) items × \(units.count) units")
            return true
        }
    }

    public func audit(_ today: Day, _ command: String, _ action: String, _ subject: String, _ detail: String?) throws {
        try db.run("INSERT INTO audit (recorded_on, command, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                   [today.iso, command, action, subject, detail])
    }

    /// Every (item, channel, date) published.
    public func publications() throws -> [Publication] {
        var out: [Publication] = []
        try db.query("SELECT pi.item, p.channel, p.date FROM publication_items pi JOIN publications p ON p.id = pi.publication_id ORDER BY p.date, p.channel, pi.item") { s in
            out.append(Publication(item: s.string(0), channel: s.string(1), date: Day(iso: s.string(2))!))
        }
        return out
    }

    /// Publication ids delivered to a unit in a month, as `CHANNEL.DATE`.
    public func issuesDelivered(unit: String, month: Month) throws -> [String] {
        var out: [String] = []
        try db.query("""
            SELECT DISTINCT p.channel, p.date FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE d.unit = ? AND p.date BETWEEN ? AND ? ORDER BY p.date, p.channel
            """, [unit, month.first.iso, month.last.iso]) { s in out.append("\(s.string(0)).\(s.string(1))") }
        return out
    }

    public func deliveryCount(from: Day, to: Day) throws -> Int {
        try db.scalarInt("SELECT count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id WHERE p.date BETWEEN ? AND ?", [from.iso, to.iso])
    }

    public func publishedSlots(from: Day, to: Day) throws -> Set<Slot> {
        var out = Set<Slot>()
        try db.query("SELECT channel, date FROM publications WHERE date BETWEEN ? AND ?", [from.iso, to.iso]) { s in
            out.insert(Slot(channel: s.string(0), date: Day(iso: s.string(1))!))
        }
        return out
    }

    public func backup(to path: String) throws { try db.backup(to: path) }
}
