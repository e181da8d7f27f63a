import LoaCore

/// What a web user may do: leaders read, officers also change things; `sensitive` shows sensitive topics.
public enum Role: String, Sendable, CaseIterable {
    case officer, leader
}

/// A web user as recorded: the password only as its Argon2id hash.
public struct UserRecord: Sendable, Hashable {
    public let name: String
    public let role: Role
    public let sensitive: Bool
    public let passwordHash: String
    public init(name: String, role: Role, sensitive: Bool, passwordHash: String) {
        self.name = name; self.role = role; self.sensitive = sensitive; self.passwordHash = passwordHash
    }
}

extension StoreReader {
    /// The link version of every unit that has one (units without a row are at version 1).
    /// A unit's current link version (1 until its link is first rotated).
    public func linkVersion(of unit: UnitCode) throws -> Int {
        try db.rows("SELECT version FROM unit_links WHERE unit = ?", [unit]) { try $0.int(0) }.first ?? 1
    }

    /// A value that changes whenever any link is rotated (the table holds only rotated units' rows, and a rotation
    /// adds a row or raises a version).
    public func linksStamp() throws -> Int {
        try db.rows("SELECT count(*) + coalesce(sum(version), 0) FROM unit_links") { try $0.int(0) }.first ?? 0
    }

    public func linkVersions() throws -> [UnitCode: Int] {
        var out: [UnitCode: Int] = [:]
        try db.query("SELECT unit, version FROM unit_links") { r in out[try r.id(0)] = try r.int(1) }
        return out
    }

    public func user(named name: String) throws -> UserRecord? {
        try db.rows("SELECT name, role, sensitive, password_hash FROM users WHERE name = ?", [name]) { r in
            UserRecord(name: try r.text(0), role: try r.choice(1), sensitive: try r.bool(2),
                passwordHash: try r.text(3))
        }.first
    }

    public func users() throws -> [UserRecord] {
        try db.rows("SELECT name, role, sensitive, password_hash FROM users ORDER BY name") { r in
            UserRecord(name: try r.text(0), role: try r.choice(1), sensitive: try r.bool(2),
                passwordHash: try r.text(3))
        }
    }

    /// A unit's saved draft of a month's report (it counts nowhere until sent).
    public func draft(unit: UnitCode, period: Month) throws -> (content: String, savedOn: Day)? {
        try db.rows("SELECT content, saved_on FROM report_drafts WHERE unit = ? AND period = ?", [unit, period]) {
            (try $0.text(0), try $0.day(1))
        }.first
    }
}

extension StoreWriter {
    /// Bumps a unit's link version, which revokes its current link at once; returns the new version.
    public func rotateLink(unit: UnitCode, today: Day, actor: Actor) throws -> Int {
        let current = try reader.linkVersions()[unit] ?? 1
        try db.run("""
            INSERT INTO unit_links (unit, version, rotated_on) VALUES (?, ?, ?)
            ON CONFLICT (unit) DO UPDATE SET version = excluded.version, rotated_on = excluded.rotated_on
            """, [unit, current + 1, today])
        try audit(AuditEntry(day: today, actor: actor, command: "links", action: "link rotated", subject: unit.rawValue,
                             detail: "version \(current + 1)"))
        return current + 1
    }

    /// Adds a user, or replaces an existing one's role, permission and password.
    public func save(user: UserRecord, today: Day, actor: Actor) throws {
        let existed = try reader.user(named: user.name) != nil
        try db.run("""
            INSERT INTO users (name, role, sensitive, password_hash, created_on) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, sensitive = excluded.sensitive,
              password_hash = excluded.password_hash
            """, [user.name, user.role.rawValue, user.sensitive, user.passwordHash, today])
        try audit(AuditEntry(day: today, actor: actor, command: "user", action: existed ? "user changed" : "user added",
                             subject: user.name, detail: "\(user.role.rawValue)\(user.sensitive ? ", sensitive" : "")"))
    }

    /// Removes a user; false when there was none.
    public func removeUser(named name: String, today: Day, actor: Actor) throws -> Bool {
        try db.run("DELETE FROM users WHERE name = ?", [name])
        guard db.changes > 0 else { return false }
        try audit(AuditEntry(day: today, actor: actor, command: "user", action: "user removed", subject: name,
            detail: nil))
        return true
    }

    public func saveDraft(unit: UnitCode, period: Month, content: String, today: Day) throws {
        try db.run("""
            INSERT INTO report_drafts (unit, period, content, saved_on) VALUES (?, ?, ?, ?)
            ON CONFLICT (unit, period) DO UPDATE SET content = excluded.content, saved_on = excluded.saved_on
            """, [unit, period, content, today])
    }

    public func deleteDraft(unit: UnitCode, period: Month) throws {
        try db.run("DELETE FROM report_drafts WHERE unit = ? AND period = ?", [unit, period])
    }
}

extension StoreReader {
    /// The day each current form of a unit counts as submitted, by month.
    public func submissions(of unit: UnitCode) throws -> [Month: Day] {
        var out: [Month: Day] = [:]
        try db.query("SELECT period, submitted FROM forms WHERE unit = ? AND current = 1", [unit]) { r in
            out[try r.month(0)] = try r.day(1)
        }
        return out
    }

    /// The items of the issues delivered to a unit in a month, in order of publication.
    public func itemsDelivered(to unit: UnitCode, in month: Month) throws -> [ItemID] {
        try db.rows("""
            SELECT DISTINCT d.item FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE d.unit = ? AND p.date BETWEEN ? AND ? ORDER BY p.date, p.channel, d.item
            """, [unit, month.first, month.last]) { try $0.id(0) }
    }

    /// The items of a published issue, in the order they were printed.
    public func publishedItems(_ slot: Slot) throws -> [ItemID] {
        try db.rows("""
            SELECT pi.item FROM publication_items pi JOIN publications p ON p.id = pi.publication_id
            WHERE p.channel = ? AND p.date = ? ORDER BY pi.position
            """, [slot.channel, slot.date]) { try $0.id(0) }
    }

    /// Whether an issue was delivered to a unit.
    public func wasDelivered(_ slot: Slot, to unit: UnitCode) throws -> Bool {
        try db.scalarInt("""
            SELECT count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE p.channel = ? AND p.date = ? AND d.unit = ?
            """, [slot.channel, slot.date, unit]) > 0
    }
}
