import Foundation
import LoaCore

/// Why the store could not be used, beyond SQLite's own errors.
public enum StoreError: Error, Sendable {
    /// The database was written by a newer Loa.
    case tooNew(version: Int, known: Int)
    /// A reader was asked for a database that does not exist.
    case missing(path: String)
    /// The database needs migrating, and this reader cannot write it.
    case needsMigration(path: String)
}

/// The recorded facts of a workspace (SPEC §1: what happened is recorded in SQLite), read and written only
/// through transactions: `write { … }` for changes (nested calls become savepoints), `read { … }` for a
/// consistent snapshot. Every query and every line of SQL Loa has lives in this module.
public final class Store {
    let db: Database
    let writers: NSLock?
    private var writing = false

    /// Opens the database at `path` for writing, creating and migrating it. Connections of one process that share
    /// `writers` queue on it for their transactions, instead of sleeping in SQLite's busy handler.
    public init(path: String, writers: NSLock? = nil) throws {
        db = try Database(path: path, mode: .readWrite)
        self.writers = writers
        try Schema.migrate(db)
    }

    /// Runs `body` as one transaction that takes the write lock up front; any thrown error rolls it all back.
    /// Called inside another `write`, it is a savepoint: only its own work is rolled back.
    public func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        guard let writers, !writing else { return try db.transaction(writing: true) { try body(StoreWriter(db: db)) } }
        writers.lock()
        writing = true
        defer {
            writing = false
            writers.unlock()
        }
        return try db.transaction(writing: true) { try body(StoreWriter(db: db)) }
    }

    /// Runs `body` on one consistent snapshot, without taking the write lock.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try db.transaction(writing: false) { try body(StoreReader(db: db)) }
    }
}

/// A read-only connection for the commands that only look (report, search, status, alerts, backup): it never
/// waits for a writer (WAL), and works on a database it may not write, such as an auditor's mounted copy.
public final class ReadOnlyStore {
    let db: Database

    /// Opens an existing database read-only; a missing file is `StoreError.missing`, an old schema is migrated
    /// first when the file can be written.
    public init(path: String) throws {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else {
            throw StoreError.missing(path: path)
        }
        var connection = try Database(path: path, mode: .readOnly)
        let version = try connection.scalarInt("PRAGMA user_version")
        if version > Schema.migrations.count { throw StoreError.tooNew(version: version,
            known: Schema.migrations.count) }
        if version < Schema.migrations.count {
            do { _ = try Store(path: path) } catch let e as DatabaseError where e.isReadOnly || e.isCannotOpen {
                throw StoreError.needsMigration(path: path)
            }
            connection = try Database(path: path, mode: .readOnly)
        }
        db = connection
    }

    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try db.transaction(writing: false) { try body(StoreReader(db: db)) }
    }

    /// A consistent copy of the whole database at `path` (which must not exist), taken from one snapshot
    /// without waiting for writers.
    public func backup(to path: String) throws { try db.snapshot(to: path) }
}

/// The queries; handed out by `Store.read`, `ReadOnlyStore.read` and (as `StoreWriter.reader`) inside writes.
public struct StoreReader {
    let db: Database
}

/// The recording operations, available only inside `Store.write`.
public struct StoreWriter {
    let db: Database
    /// Queries made inside the same transaction.
    public var reader: StoreReader { StoreReader(db: db) }

    /// Runs `body` as a savepoint of this transaction: a thrown error rolls back its own work only.
    public func savepoint<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        try db.transaction(writing: true) { try body(self) }
    }

    /// Records who did what: every change, from the command line or the web, lands in the one audit history.
    public func audit(_ entry: AuditEntry) throws {
        try db.run("INSERT INTO audit (recorded_on, command, action, subject, detail, actor) VALUES (?, ?, ?, ?, ?, ?)",
                   [entry.day, entry.command, entry.action.rawValue, entry.subject, entry.detail,
                    entry.actor.description])
    }
}

/// Who made a change: a person at the command line, a web user, or a unit through its link.
public enum Actor: Sendable, Hashable, CustomStringConvertible {
    case commandLine(user: String)
    case user(String)
    case unit(UnitCode)
    public var description: String {
        switch self {
        case .commandLine(let u): return "cli:\(u)"
        case .user(let u): return "user:\(u)"
        case .unit(let c): return "unit:\(c)"
        }
    }
}

/// One line of the audit history.
public struct AuditEntry: Sendable {
    public let day: Day
    public let actor: Actor
    public let command: String
    public let action: AuditAction
    public let subject: String
    public let detail: String?
    public init(day: Day, actor: Actor, command: String, action: AuditAction, subject: String, detail: String?) {
        self.day = day; self.actor = actor; self.command = command; self.action = action; self.subject = subject
        self.detail = detail
    }
}

extension StoreReader {
    /// The audit history, oldest first.
    public func auditHistory(subject: String? = nil) throws -> [AuditEntry] {
        let filter = subject == nil ? "" : " WHERE subject = ?"
        return try db.rows("SELECT recorded_on, coalesce(actor, ''), command, action, subject, detail FROM "
            + "audit\(filter) ORDER BY id",
                           subject.map { [$0] } ?? []) { r in
            let actor = try r.text(1)
            let who: Actor = actor.hasPrefix("user:") ? .user(String(actor.dropFirst(5)))
                : actor.hasPrefix("unit:") ? .unit(UnitCode(String(actor.dropFirst(5))))
                : .commandLine(user: actor.hasPrefix("cli:") ? String(actor.dropFirst(4)) : actor)
            return AuditEntry(day: try r.day(0), actor: who, command: try r.text(2), action: try r.choice(3),
                              subject: try r.text(4), detail: r.optionalText(5))
        }
    }
}
