import LoaCore

/// What a web user may do: leaders read, officers also change things; `sensitive` shows sensitive topics.
public enum Role: String, Sendable, CaseIterable {
    case officer, leader
}

/// A web user as recorded: the password only as its Argon2id hash; `admin` manages users and links on the web.
public struct UserRecord: Sendable, Hashable {
    public let name: String
    public let role: Role
    public let sensitive: Bool
    public let admin: Bool
    /// A leader given the approval of items (`--approve`); officers approve in any case.
    public let approve: Bool
    public let passwordHash: String
    public init(name: String, role: Role, sensitive: Bool, admin: Bool = false, approve: Bool = false,
                passwordHash: String) {
        self.name = name; self.role = role; self.sensitive = sensitive; self.admin = admin; self.approve = approve
        self.passwordHash = passwordHash
    }

    /// Whether the user may approve items and send them back: an officer, or a leader given approval.
    public var approves: Bool { role == .officer || approve }
}

/// A user's failed logins since the last success: how many, and when the last one was (seconds since 1970).
public struct LoginFailures: Sendable, Hashable {
    public let count: Int
    public let last: Double?
    public init(count: Int, last: Double?) { self.count = count; self.last = last }
}

/// The one-time key of a recording form, as recorded with the first request that carried it.
public struct FormKeyRecord: Sendable, Hashable {
    /// A digest of what the form held: the same key with other content is another request.
    public let digest: String
    /// The first answer's status and `Location`, given again to every repeat.
    public let status: Int
    public let location: String?
    public init(digest: String, status: Int, location: String?) {
        self.digest = digest; self.status = status; self.location = location
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
        try db.rows("SELECT name, role, sensitive, admin, password_hash, approve FROM users WHERE name = ?", [name],
                    StoreReader.userRecord).first
    }

    public func users() throws -> [UserRecord] {
        try db.rows("SELECT name, role, sensitive, admin, password_hash, approve FROM users ORDER BY name", [],
                    StoreReader.userRecord)
    }

    private static func userRecord(_ r: Row) throws -> UserRecord {
        UserRecord(name: try r.text(0), role: try r.choice(1), sensitive: try r.bool(2), admin: try r.bool(3),
                   approve: try r.bool(5), passwordHash: try r.text(4))
    }

    /// A user's failed logins, or nil when there is no such user (names that do not exist are never counted).
    public func loginFailures(of name: String) throws -> LoginFailures? {
        try db.rows("SELECT failed_logins, last_failed_login FROM users WHERE name = ?", [name]) { r in
            LoginFailures(count: try r.int(0), last: r.isNull(1) ? nil : r.double(1))
        }.first
    }

    /// The one-time key `key` of `actor`'s forms, if a request carrying it recorded something.
    public func formKey(_ key: String, actor: Actor) throws -> FormKeyRecord? {
        try db.rows("SELECT digest, status, location FROM form_keys WHERE actor = ? AND key = ?",
                    [actor.description, key]) { r in
            FormKeyRecord(digest: try r.text(0), status: try r.int(1), location: r.optionalText(2))
        }.first
    }

    /// The bytes a unit has stored on the web on a day.
    public func usage(of unit: UnitCode, on day: Day) throws -> Int {
        try db.scalarInt("SELECT bytes FROM unit_usage WHERE unit = ? AND day = ?", [unit, day])
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
        try audit(AuditEntry(day: today, actor: actor, command: "links", action: .linkRotated, subject: unit.rawValue,
                             detail: "version \(current + 1)"))
        return current + 1
    }

    /// Adds a user, or replaces an existing one's role, permissions and password (which clears its failed logins).
    public func save(user: UserRecord, today: Day, actor: Actor) throws {
        let existed = try reader.user(named: user.name) != nil
        try db.run("""
            INSERT INTO users (name, role, sensitive, admin, approve, password_hash, created_on)
              VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET role = excluded.role, sensitive = excluded.sensitive,
              admin = excluded.admin, approve = excluded.approve, password_hash = excluded.password_hash,
              failed_logins = 0, last_failed_login = NULL
            """, [user.name, user.role.rawValue, user.sensitive, user.admin, user.approve, user.passwordHash, today])
        let flags = (user.sensitive ? ", sensitive" : "") + (user.admin ? ", admin" : "")
            + (user.approve ? ", approve" : "")
        try audit(AuditEntry(day: today, actor: actor, command: "user", action: existed ? .userChanged : .userAdded,
                             subject: user.name, detail: user.role.rawValue + flags))
    }

    /// Counts a failed login of an existing user at `time` (seconds since 1970); failures older than `forgetAfter`
    /// seconds are forgotten first. Returns the user's failures now (nil: no such user, nothing recorded).
    public func recordLoginFailure(of name: String, at time: Double, forgetAfter: Double) throws -> LoginFailures? {
        try db.run("""
            UPDATE users SET failed_logins = CASE WHEN last_failed_login IS NULL OR ? - last_failed_login >= ?
                                                  THEN 1 ELSE failed_logins + 1 END,
                             last_failed_login = ?
            WHERE name = ?
            """, [time, forgetAfter, time, name])
        guard db.changes > 0 else { return nil }
        return try reader.loginFailures(of: name)
    }

    /// A successful login clears the user's failures.
    public func clearLoginFailures(of name: String) throws {
        try db.run("UPDATE users SET failed_logins = 0, last_failed_login = NULL WHERE name = ? AND failed_logins > 0",
                   [name])
    }

    /// Records a recording form's one-time key with the answer it got (keys older than `keepDays` are forgotten).
    public func recordFormKey(_ key: String, actor: Actor, record: FormKeyRecord, today: Day, keepDays: Int = 90)
        throws {
        try db.run("DELETE FROM form_keys WHERE recorded_on < ?", [today.adding(days: -keepDays)])
        try db.run("""
            INSERT INTO form_keys (actor, key, digest, status, location, recorded_on) VALUES (?, ?, ?, ?, ?, ?)
            """, [actor.description, key, record.digest, record.status, record.location, today])
    }

    /// Adds to the bytes a unit stored on the web today.
    public func addUsage(of unit: UnitCode, on day: Day, bytes: Int) throws {
        try db.run("""
            INSERT INTO unit_usage (unit, day, bytes) VALUES (?, ?, ?)
            ON CONFLICT (unit, day) DO UPDATE SET bytes = bytes + excluded.bytes
            """, [unit, day, bytes])
        try db.run("DELETE FROM unit_usage WHERE day < ?", [day.adding(days: -7)])
    }

    /// How many rows this connection has changed so far: compared before and after some work, it tells whether
    /// the work recorded anything.
    public var changeCount: Int { db.totalChanges }

    /// Removes a user; false when there was none.
    public func removeUser(named name: String, today: Day, actor: Actor) throws -> Bool {
        try db.run("DELETE FROM users WHERE name = ?", [name])
        guard db.changes > 0 else { return false }
        try audit(AuditEntry(day: today, actor: actor, command: "user", action: .userRemoved, subject: name,
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
