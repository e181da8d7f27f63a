import Foundation
import Testing
@testable import LoaStore
import LoaCore

func tempDatabasePath() -> String { NSTemporaryDirectory() + "loa-db-\(UUID().uuidString).sqlite" }

@Suite struct DatabaseTests {
    @Test func everyTypeBindsAndReadsBack() throws {
        let db = try Database(path: tempDatabasePath())
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let blob: [UInt8] = [0, 1, 255, 7]
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int64.max, 2.5, "Điện Biên 'quoted' \"x\"", DatabaseValue.blob(blob), String?.none])
        try db.query("SELECT i, r, s, b, n FROM t") { s in
            #expect(s.value(0) == .integer(Int64.max))
            #expect(s.double(1) == 2.5)
            #expect(s.string(2) == "Điện Biên 'quoted' \"x\"")
            #expect(s.value(3) == .blob(blob))
            #expect(s.isNull(4) && s.optionalString(4) == nil)
        }
        try db.run("INSERT INTO t (i) VALUES (?)", [true])
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE i = ?", [1]) == 1)
    }

    @Test func cachedStatementsRebindCleanly() throws {
        let db = try Database(path: tempDatabasePath())
        try db.execute("CREATE TABLE t (x INTEGER)")
        for i in 0..<100 { try db.run("INSERT INTO t VALUES (?)", [i]) }
        #expect(try db.scalarInt("SELECT sum(x) FROM t") == 4950)
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE x > ?", [90]) == 9)
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE x > ?", [10]) == 89)
    }

    @Test func aThrownErrorRollsTheWholeTransactionBack() throws {
        let db = try Database(path: tempDatabasePath())
        try db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.write {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(throws: DatabaseError.self) {
            try db.write {
                try db.run("INSERT INTO t VALUES (2)")
                try db.run("INSERT INTO t VALUES (2)")  // constraint violation
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func errorsCarrySQLitesCodeAndMessage() throws {
        let db = try Database(path: tempDatabasePath())
        do { try db.execute("SELECT * FROM missing"); Issue.record("no error") } catch {
            #expect(error.code == 1)
            #expect(error.message.contains("no such table"))
        }
    }

    @Test func walAndForeignKeysAreOn() throws {
        let db = try Database(path: tempDatabasePath())
        #expect(try db.scalarString("PRAGMA journal_mode") == "wal")
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }

    @Test func migrationsRunFromEmptyAndFromEveryEarlierVersion() throws {
        let full = try Database(path: tempDatabasePath())
        try Schema.migrate(full)
        let expected = try tables(full)
        #expect(try full.scalarInt("PRAGMA user_version") == Schema.migrations.count)
        for start in 0..<Schema.migrations.count {
            let db = try Database(path: tempDatabasePath())
            try Schema.migrate(db, upTo: start)
            #expect(try db.scalarInt("PRAGMA user_version") == start)
            try Schema.migrate(db)
            #expect(try tables(db) == expected)
        }
        // running again is a no-op
        try Schema.migrate(full)
        #expect(try tables(full) == expected)
    }

    @Test func aDatabaseNewerThanTheBinaryIsRefused() throws {
        let path = tempDatabasePath()
        let db = try Database(path: path)
        try db.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { try Schema.migrate(db) }
    }

    @Test func backupCopiesEverything() throws {
        let store = try Store(path: tempDatabasePath())
        _ = try store.recordPublication(channel: "c", date: Day(iso: "2026-12-15")!, items: [.init(id: "i", title: "T", themes: ["a/1/b"], audiences: [])],
                                        units: ["u1", "u2"], today: Day(iso: "2026-12-15")!)
        let target = tempDatabasePath()
        try store.backup(to: target)
        let copy = try Database(path: target)
        #expect(try copy.scalarInt("SELECT count(*) FROM deliveries") == 2)
        #expect(try copy.scalarString("PRAGMA integrity_check") == "ok")
    }

    func tables(_ db: Database) throws -> [String] {
        var out: [String] = []
        try db.query("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name") { out.append($0.string(0)) }
        return out
    }
}
