import CSQLite
import Foundation

/// An error from SQLite, with its extended result code and message.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?
    public var description: String { "SQLite error \(code): \(message)" + (sql.map { " (\($0.prefix(80)))" } ?? "") }
    /// Busy or locked after the busy timeout: another process holds the database.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}

/// A value SQLite stores.
public enum DatabaseValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
}

public protocol DatabaseValueConvertible { var databaseValue: DatabaseValue { get } }
extension Int: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .integer(Int64(self)) } }
extension Int64: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .integer(self) } }
extension Double: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .real(self) } }
extension String: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .text(self) } }
extension Bool: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .integer(self ? 1 : 0) } }
extension DatabaseValue: DatabaseValueConvertible { public var databaseValue: DatabaseValue { self } }
extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement; finalised when released.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    let sql: String

    init(_ database: Database, _ sql: String) throws(DatabaseError) {
        var h: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &h, nil)
        guard rc == SQLITE_OK, let h else { throw database.error(rc, sql: sql) }
        handle = h
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds arguments by position, replacing earlier bindings.
    public func bind(_ values: [any DatabaseValueConvertible]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, v) in values.enumerated() {
            let n = Int32(i + 1)
            let rc: Int32
            switch v.databaseValue {
            case .null: rc = sqlite3_bind_null(handle, n)
            case .integer(let x): rc = sqlite3_bind_int64(handle, n, x)
            case .real(let x): rc = sqlite3_bind_double(handle, n, x)
            case .text(var s): rc = s.withUTF8 { sqlite3_bind_text(handle, n, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            case .blob(let b): rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, n, $0.baseAddress, Int32(b.count), SQLITE_TRANSIENT) }
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
        }
    }

    /// Steps once; true while a row is available.
    public func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc, sql: sql)
        }
    }

    /// Binds and runs a statement that returns no rows.
    public func execute(_ values: [any DatabaseValueConvertible]) throws(DatabaseError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }
    public func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    public func string(_ column: Int32) -> String {
        guard let p = sqlite3_column_text(handle, column) else { return "" }
        return String(cString: p)
    }
    public func optionalString(_ column: Int32) -> String? { isNull(column) ? nil : string(column) }
    public func value(_ column: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(string(column))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, column))
            guard n > 0, let p = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default: return .null
        }
    }
}

/// One connection to a SQLite file: WAL, foreign keys, a busy timeout, cached statements,
/// and transactions that roll back on any thrown error.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var cache: [String: Statement] = [:]

    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000, readOnly: Bool = false) throws(DatabaseError) {
        var h: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let rc = sqlite3_open_v2(path, &h, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard rc == SQLITE_OK, let h else {
            let message = h.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let h { sqlite3_close_v2(h) }
            throw DatabaseError(code: rc, message: message, sql: nil)
        }
        handle = h
        self.path = path
        sqlite3_extended_result_codes(h, 1)
        sqlite3_busy_timeout(h, busyTimeoutMilliseconds)
        _ = loa_sqlite3_db_config_defensive(h, 1)
        if !readOnly && path != ":memory:" {
            // switching to WAL needs a moment alone with the file; a process opening it at the same time retries
            var mode = ""
            for attempt in 0..<200 {
                do { mode = try scalarString("PRAGMA journal_mode=WAL"); break } catch let e where e.isBusy && attempt < 199 {
                    sqlite3_sleep(25)
                }
            }
            guard mode.lowercased() == "wal" else {
                throw DatabaseError(code: SQLITE_ERROR, message: "journal_mode is \(mode), not wal", sql: nil)
            }
        }
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA cache_size=-65536")  // 64 MiB: large imports touch many index pages
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements without results.
    public func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A cached prepared statement for `sql`, with `arguments` bound.
    public func statement(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> Statement {
        let s: Statement
        if let cached = cache[sql] { s = cached } else {
            s = try Statement(self, sql)
            cache[sql] = s
        }
        try s.bind(arguments)
        return s
    }

    /// A statement the caller keeps for a hot loop (no cache lookup per call).
    public func prepare(_ sql: String) throws(DatabaseError) -> Statement { try Statement(self, sql) }

    /// Runs a statement that returns no rows.
    public func run(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) {
        let s = try statement(sql, arguments)
        while try s.step() {}
        sqlite3_reset(s.handle)
    }

    /// Calls `row` for each result row.
    public func query(_ sql: String, _ arguments: [any DatabaseValueConvertible] = [], _ row: (Statement) throws -> Void) throws {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        while try s.step() { try row(s) }
    }

    public func scalarInt(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> Int {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        return try s.step() ? s.int(0) : 0
    }

    public func scalarString(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> String {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        return try s.step() ? s.string(0) : ""
    }

    public var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Runs `body` in `BEGIN IMMEDIATE … COMMIT`; any thrown error rolls everything back.
    /// IMMEDIATE takes the write lock up front, so a second writer waits on the busy timeout
    /// instead of failing half-way.
    public func write<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// A savepoint inside a transaction: rolled back alone when `body` throws.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT loa_sp")
        do {
            let r = try body()
            try execute("RELEASE loa_sp")
            return r
        } catch {
            try? execute("ROLLBACK TO loa_sp")
            try? execute("RELEASE loa_sp")
            throw error
        }
    }

    /// Copies the whole database to `target` with SQLite's online backup API, step by step,
    /// so writers in other processes are never blocked for long.
    public func backup(to target: String) throws(DatabaseError) {
        var dest: OpaquePointer?
        let rc = sqlite3_open_v2(target, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard rc == SQLITE_OK, let dest else {
            let message = dest.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let dest { sqlite3_close_v2(dest) }
            throw DatabaseError(code: rc, message: message, sql: nil)
        }
        defer { sqlite3_close_v2(dest) }
        guard let b = sqlite3_backup_init(dest, "main", handle, "main") else {
            throw DatabaseError(code: sqlite3_extended_errcode(dest), message: String(cString: sqlite3_errmsg(dest)), sql: nil)
        }
        var step: Int32
        repeat {
            step = sqlite3_backup_step(b, 256)
            if step == SQLITE_BUSY || step == SQLITE_LOCKED { sqlite3_sleep(20) }
        } while step == SQLITE_OK || step == SQLITE_BUSY || step == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(b)
        guard step == SQLITE_DONE, finish == SQLITE_OK else {
            throw DatabaseError(code: finish != SQLITE_OK ? finish : step, message: String(cString: sqlite3_errmsg(dest)), sql: nil)
        }
    }
}
