import CSQLite
import Foundation
import LoaCore

/// An error from SQLite, with its extended result code and message, or a row that did not decode.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let sql: String?
    public var description: String { "SQLite error \(code): \(message)" + (sql.map { " (\($0.prefix(80)))" } ?? "") }
    /// Busy or locked after the busy timeout: another process holds the database.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
    /// The file could not be opened (missing folder, no permission, not a database).
    public var isCannotOpen: Bool { code & 0xFF == SQLITE_CANTOPEN }
    /// A write was attempted on a read-only file or folder.
    public var isReadOnly: Bool { code & 0xFF == SQLITE_READONLY }
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
extension Day: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .text(iso) } }
extension Month: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .text(iso) } }
extension Identifier: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .text(rawValue) } }
extension ThemeRef: DatabaseValueConvertible { public var databaseValue: DatabaseValue { .text(description) } }
extension Optional: DatabaseValueConvertible where Wrapped: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { self?.databaseValue ?? .null }
}

let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement; finalised when released.
final class Statement {
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
    func bind(_ values: [any DatabaseValueConvertible]) throws(DatabaseError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, v) in values.enumerated() {
            let n = Int32(i + 1)
            let rc: Int32
            switch v.databaseValue {
            case .null: rc = sqlite3_bind_null(handle, n)
            case .integer(let x): rc = sqlite3_bind_int64(handle, n, x)
            case .real(let x): rc = sqlite3_bind_double(handle, n, x)
            case .text(var s):
                rc = s.withUTF8 { sqlite3_bind_text(handle, n, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            case .blob(let b):
                rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, n, $0.baseAddress, Int32(b.count),
                    SQLITE_TRANSIENT) }
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
        }
    }

    /// Steps once; true while a row is available.
    func step() throws(DatabaseError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(rc, sql: sql)
        }
    }

    // Binding one value at a time, without boxing: for statements run once per row of a large import.

    /// Makes the statement ready to bind and run again.
    func reset() {
        sqlite3_reset(handle)
    }
    func bind(_ n: Int32, _ value: Int) throws(DatabaseError) {
        let rc = sqlite3_bind_int64(handle, n, Int64(value))
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }
    func bind(_ n: Int32, _ value: Int?) throws(DatabaseError) {
        guard let value else { return try bindNull(n) }
        try bind(n, value)
    }
    func bindNull(_ n: Int32) throws(DatabaseError) {
        let rc = sqlite3_bind_null(handle, n)
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }
    func bind(_ n: Int32, _ value: String) throws(DatabaseError) {
        var s = value
        let rc = s.withUTF8 { sqlite3_bind_text(handle, n, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }
    /// Binds text, or NULL for nil.
    func bind(_ n: Int32, text value: String?) throws(DatabaseError) {
        guard let value else { return try bindNull(n) }
        try bind(n, value)
    }
    /// Binds parameter `n` to column `c` of the current row of `row` (copied, so `row` may step on).
    func bind(_ n: Int32, column c: Int32, of row: Statement) throws(DatabaseError) {
        let rc = sqlite3_bind_value(handle, n, sqlite3_column_value(row.handle, c))
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }
    /// Runs a statement bound with the methods above that returns no rows, and resets it.
    func run() throws(DatabaseError) {
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Binds and runs a statement that returns no rows.
    func execute(_ values: [any DatabaseValueConvertible]) throws(DatabaseError) {
        try bind(values)
        while try step() {}
        sqlite3_reset(handle)
    }
}

/// The current row of a statement, decoded column by column; a value of the wrong kind is an error,
/// never a crash.
struct Row {
    let statement: Statement
    var handle: OpaquePointer { statement.handle }

    func isNull(_ c: Int32) -> Bool { sqlite3_column_type(handle, c) == SQLITE_NULL }

    func mismatch(_ c: Int32, _ expected: String) -> DatabaseError {
        let found = isNull(c) ? "NULL" : "\"\(optionalText(c) ?? "")\""
        return DatabaseError(code: SQLITE_MISMATCH, message: "column \(c): expected \(expected), found \(found)",
                             sql: statement.sql)
    }

    func int(_ c: Int32) throws(DatabaseError) -> Int {
        guard sqlite3_column_type(handle, c) == SQLITE_INTEGER else { throw mismatch(c, "an integer") }
        return Int(sqlite3_column_int64(handle, c))
    }
    func optionalInt(_ c: Int32) throws(DatabaseError) -> Int? { isNull(c) ? nil : try int(c) }
    func double(_ c: Int32) -> Double { sqlite3_column_double(handle, c) }
    func bool(_ c: Int32) throws(DatabaseError) -> Bool { try int(c) != 0 }

    func optionalText(_ c: Int32) -> String? {
        guard !isNull(c), let p = sqlite3_column_text(handle, c) else { return nil }
        return String(cString: p)
    }
    func text(_ c: Int32) throws(DatabaseError) -> String {
        guard let s = optionalText(c) else { throw mismatch(c, "text") }
        return s
    }
    func day(_ c: Int32) throws(DatabaseError) -> Day {
        guard let d = try Day(iso: text(c)) else { throw mismatch(c, "a date") }
        return d
    }
    func optionalDay(_ c: Int32) throws(DatabaseError) -> Day? { isNull(c) ? nil : try day(c) }
    func month(_ c: Int32) throws(DatabaseError) -> Month {
        guard let m = try Month(iso: text(c)) else { throw mismatch(c, "a month") }
        return m
    }
    func id<Tag>(_ c: Int32, as _: Identifier<Tag>.Type = Identifier<Tag>.self)
        throws(DatabaseError) -> Identifier<Tag> {
        Identifier(try text(c))
    }
    func themeRef(_ c: Int32) throws(DatabaseError) -> ThemeRef {
        guard let r = try ThemeRef(parsing: text(c)) else { throw mismatch(c, "a theme reference") }
        return r
    }
    func choice<E: RawRepresentable>(_ c: Int32,
        as _: E.Type = E.self) throws(DatabaseError) -> E where E.RawValue == String {
        guard let v = try E(rawValue: text(c)) else { throw mismatch(c, "one of \(E.self)") }
        return v
    }
    func value(_ c: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, c) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, c))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, c))
        case SQLITE_TEXT: return .text(optionalText(c) ?? "")
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, c))
            guard n > 0, let p = sqlite3_column_blob(handle, c) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default: return .null
        }
    }
}

/// One connection to a SQLite file: WAL, foreign keys, a busy timeout, cached statements,
/// and transactions that roll back on any thrown error.
final class Database {
    enum Mode { case readWrite, readOnly }

    let handle: OpaquePointer
    let path: String
    let mode: Mode
    private var cache: [String: Statement] = [:]
    /// How many transactions and savepoints are open: the outermost is a transaction, the others savepoints.
    private var depth = 0
    /// A private copy of a read-only database and its WAL, removed on close (see `open`).
    private let scratch: String?

    init(path: String, mode: Mode = .readWrite, busyTimeoutMilliseconds: Int32 = 10_000) throws(DatabaseError) {
        self.path = path
        self.mode = mode
        (handle, scratch) = try Database.open(path, mode)
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        _ = loa_sqlite3_db_config_defensive(handle, 1)
        if mode == .readWrite && path != ":memory:" {
            // switching to WAL needs a moment alone with the file; a process opening it at the same time retries
            var walMode = ""
            for attempt in 0..<200 {
                do { walMode = try scalarText("PRAGMA journal_mode=WAL"); break } catch let e where e.isBusy
                    && attempt < 199 {
                    sqlite3_sleep(25)
                }
            }
            guard walMode.lowercased() == "wal" else {
                throw DatabaseError(code: SQLITE_ERROR, message: "journal_mode is \(walMode), not wal", sql: nil)
            }
            try execute("PRAGMA synchronous=NORMAL")
        }
        try execute("PRAGMA foreign_keys=ON")
        try execute("PRAGMA cache_size=-65536")  // 64 MiB: large imports touch many index pages
    }

    /// Opens the file. A read-only connection to a WAL database needs its `-shm` file; in a folder it may not
    /// write (a mounted copy, an auditor's account) it opens the file as immutable instead — or, when a `-wal`
    /// file holds changes that an immutable file would silently leave out, a private copy of both (the scratch
    /// folder returned, removed on close).
    private static func open(_ path: String, _ mode: Mode) throws(DatabaseError) -> (OpaquePointer, String?) {
        func attempt(_ name: String, _ flags: Int32) -> (OpaquePointer?, DatabaseError?) {
            var h: OpaquePointer?
            let rc = sqlite3_open_v2(name, &h, flags | SQLITE_OPEN_NOMUTEX, nil)
            if rc == SQLITE_OK, let h { return (h, nil) }
            let message = h.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let h { sqlite3_close_v2(h) }
            return (nil, DatabaseError(code: rc, message: message, sql: nil))
        }
        func readable(_ h: OpaquePointer) -> Bool {
            sqlite3_exec(h, "SELECT count(*) FROM sqlite_schema", nil, nil, nil) == SQLITE_OK
        }
        switch mode {
        case .readWrite:
            let (h, e) = attempt(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            if let h { return (h, nil) }
            throw e ?? DatabaseError(code: SQLITE_CANTOPEN, message: "cannot open", sql: nil)
        case .readOnly:
            let (h, e) = attempt(path, SQLITE_OPEN_READONLY)
            if let h {
                // the first read proves the WAL index can be used; a folder without write access cannot hold it
                if readable(h) { return (h, nil) }
                sqlite3_close_v2(h)
            } else if let e, !FileManager.default.fileExists(atPath: path) {
                throw e
            }
            if let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int,
               walSize > 0 {
                let scratch = try privateCopy(of: path)
                let (h2, e2) = attempt(scratch + "/copy.sqlite", SQLITE_OPEN_READONLY)
                if let h2, readable(h2) { return (h2, scratch) }
                if let h2 { sqlite3_close_v2(h2) }
                try? FileManager.default.removeItem(atPath: scratch)
                throw e2 ?? DatabaseError(code: SQLITE_CANTOPEN, message: "cannot read the copy", sql: nil)
            }
            var uri = URLComponents()
            uri.scheme = "file"
            uri.path = path
            uri.queryItems = [URLQueryItem(name: "immutable", value: "1")]
            let (h2, e2) = attempt(uri.string ?? path, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI)
            if let h2 { return (h2, nil) }
            throw e2 ?? e ?? DatabaseError(code: SQLITE_CANTOPEN, message: "cannot open", sql: nil)
        }
    }

    /// Copies a database and its `-wal` into a new private temporary folder, where SQLite can build the WAL
    /// index the read-only folder cannot hold.
    private static func privateCopy(of path: String) throws(DatabaseError) -> String {
        let fm = FileManager.default
        let scratch = NSTemporaryDirectory() + "loa-readonly-" + UUID().uuidString
        do {
            try fm.createDirectory(atPath: scratch, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o700])
            try fm.copyItem(atPath: path, toPath: scratch + "/copy.sqlite")
            try fm.copyItem(atPath: path + "-wal", toPath: scratch + "/copy.sqlite-wal")
        } catch {
            try? fm.removeItem(atPath: scratch)
            throw DatabaseError(code: SQLITE_CANTOPEN, message: "cannot copy \(path) to read its WAL: \(error)",
                                sql: nil)
        }
        return scratch
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
        if let scratch { try? FileManager.default.removeItem(atPath: scratch) }
    }

    func error(_ rc: Int32, sql: String?) -> DatabaseError {
        DatabaseError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)),
            sql: sql)
    }

    /// Runs one or more statements without results.
    func execute(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A cached prepared statement for `sql`, with `arguments` bound.
    func statement(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> Statement {
        let s: Statement
        if let cached = cache[sql] { s = cached } else {
            s = try Statement(self, sql)
            cache[sql] = s
        }
        try s.bind(arguments)
        return s
    }

    /// Runs a statement that returns no rows.
    func run(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        while try s.step() {}
    }

    /// Calls `row` for each result row.
    func query(_ sql: String, _ arguments: [any DatabaseValueConvertible] = [], _ row: (Row) throws -> Void) throws {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        while try s.step() { try row(Row(statement: s)) }
    }

    /// The rows decoded by `decode`, in order.
    func rows<T>(_ sql: String, _ arguments: [any DatabaseValueConvertible] = [],
        _ decode: (Row) throws -> T) throws -> [T] {
        var out: [T] = []
        try query(sql, arguments) { out.append(try decode($0)) }
        return out
    }

    /// The first column of the first row, as an integer (0 when there is no row or it is NULL).
    func scalarInt(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> Int {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        guard try s.step() else { return 0 }
        let row = Row(statement: s)
        return row.isNull(0) ? 0 : try row.int(0)
    }

    /// The first column of the first row, as text ("" when there is no row or it is NULL).
    func scalarText(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws(DatabaseError) -> String {
        let s = try statement(sql, arguments)
        defer { sqlite3_reset(s.handle) }
        return try s.step() ? Row(statement: s).optionalText(0) ?? "" : ""
    }

    var lastInsertedRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    var changes: Int { Int(sqlite3_changes(handle)) }
    /// Rows changed by every statement of this connection since it opened.
    var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// Runs `body` in a transaction: `BEGIN IMMEDIATE … COMMIT` when `writing` (the write lock is taken up
    /// front, so a second writer waits on the busy timeout instead of failing half-way), `BEGIN … COMMIT` for a
    /// read snapshot. Inside another transaction it is a savepoint, rolled back alone when `body` throws.
    func transaction<T>(writing: Bool, _ body: () throws -> T) throws -> T {
        let name = "loa_\(depth)"
        if depth == 0 {
            try execute(writing ? "BEGIN IMMEDIATE" : "BEGIN")
        } else {
            try execute("SAVEPOINT \(name)")
        }
        depth += 1
        defer { depth -= 1 }
        do {
            let result = try body()
            try execute(depth == 1 ? "COMMIT" : "RELEASE \(name)")
            return result
        } catch {
            if depth == 1 {
                try? execute("ROLLBACK")
            } else {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
            }
            throw error
        }
    }

    /// A consistent copy of the database at `target`, made from one read snapshot: writers in other processes
    /// go on meanwhile and never make the copy wait or restart (WAL readers do not block writers).
    func snapshot(to target: String) throws(DatabaseError) {
        try run("VACUUM INTO ?", [target])
    }
}
