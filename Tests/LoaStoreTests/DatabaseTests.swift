import Foundation
import Testing
@testable import LoaStore
import LoaCore

/// A temporary folder for SQLite files, removed with everything in it when the test ends.
final class TempFolder {
    let path = NSTemporaryDirectory() + "loa-store-\(UUID().uuidString)"
    init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func file(_ name: String = "loa.sqlite") -> String { path + "/" + name }
}

@Suite struct DatabaseTests {
    @Test func everyTypeBindsAndReadsBack() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        let blob: [UInt8] = [0, 1, 255, 7]
        try db.run("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int64.max, 2.5, "Điện Biên 'quoted' \"x\"", DatabaseValue.blob(blob), String?.none])
        let rows = try db.rows("SELECT i, r, s, b, n FROM t") { r in
            (r.value(0), r.double(1), try r.text(2), r.value(3), r.isNull(4), r.optionalText(4))
        }
        try #require(rows.count == 1)
        #expect(rows[0].0 == .integer(Int64.max))
        #expect(rows[0].1 == 2.5)
        #expect(rows[0].2 == "Điện Biên 'quoted' \"x\"")
        #expect(rows[0].3 == .blob(blob))
        #expect(rows[0].4 && rows[0].5 == nil)
        try db.run("INSERT INTO t (i) VALUES (?)", [true])
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE i = ?", [1]) == 1)
    }

    @Test func aValueOfTheWrongKindIsAnErrorNotACrash() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        try db.execute("CREATE TABLE t (d TEXT, n TEXT); INSERT INTO t VALUES ('2026-13-45', NULL)")
        #expect(throws: DatabaseError.self) { _ = try db.rows("SELECT d FROM t") { try $0.day(0) } }
        #expect(throws: DatabaseError.self) { _ = try db.rows("SELECT n FROM t") { try $0.text(0) } }
        #expect(throws: DatabaseError.self) { _ = try db.rows("SELECT d FROM t") { try $0.int(0) } }
    }

    @Test func cachedStatementsRebindCleanly() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        try db.execute("CREATE TABLE t (x INTEGER)")
        for i in 0..<100 { try db.run("INSERT INTO t VALUES (?)", [i]) }
        #expect(try db.scalarInt("SELECT sum(x) FROM t") == 4950)
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE x > ?", [90]) == 9)
        #expect(try db.scalarInt("SELECT count(*) FROM t WHERE x > ?", [10]) == 89)
    }

    @Test func aThrownErrorRollsTheWholeTransactionBack() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        try db.execute("CREATE TABLE t (x INTEGER UNIQUE)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction(writing: true) {
                try db.run("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(throws: DatabaseError.self) {
            try db.transaction(writing: true) {
                try db.run("INSERT INTO t VALUES (2)")
                try db.run("INSERT INTO t VALUES (2)")  // constraint violation
            }
        }
        #expect(try db.scalarInt("SELECT count(*) FROM t") == 0)
    }

    @Test func aNestedWriteIsASavepointRolledBackAlone() throws {
        let tmp = try TempFolder()
        let store = try Store(path: tmp.file())
        struct Boom: Error {}
        try store.write { _ in
            try store.db.run("CREATE TABLE t (x INTEGER)")
            try store.db.run("INSERT INTO t VALUES (1)")
            #expect(throws: Boom.self) {
                try store.write { _ in
                    try store.db.run("INSERT INTO t VALUES (2)")
                    throw Boom()
                }
            }
            try store.write { _ in try store.db.run("INSERT INTO t VALUES (3)") }
        }
        #expect(try store.db.rows("SELECT x FROM t ORDER BY x") { try $0.int(0) } == [1, 3])
    }

    @Test func errorsCarrySQLitesCodeAndMessage() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        do { try db.execute("SELECT * FROM missing"); Issue.record("no error") } catch {
            #expect(error.code == 1)
            #expect(error.message.contains("no such table"))
        }
    }

    @Test func walAndForeignKeysAreOn() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        #expect(try db.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try db.scalarInt("PRAGMA foreign_keys") == 1)
    }

    @Test func migrationsRunFromEmptyAndFromEveryEarlierVersion() throws {
        let tmp = try TempFolder()
        let full = try Database(path: tmp.file("full.sqlite"))
        try Schema.migrate(full)
        let expected = try tables(full)
        #expect(try full.scalarInt("PRAGMA user_version") == Schema.migrations.count)
        for start in 0..<Schema.migrations.count {
            let db = try Database(path: tmp.file("from-\(start).sqlite"))
            try Schema.migrate(db, upTo: start)
            #expect(try db.scalarInt("PRAGMA user_version") == start)
            try Schema.migrate(db)
            #expect(try tables(db) == expected)
        }
        // running again is a no-op
        try Schema.migrate(full)
        #expect(try tables(full) == expected)
    }

    @Test func activitiesRecordedBeforeTheThemeTablesKeepTheirThemesAndBecomeSearchable() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        let before = Schema.migrations.firstIndex { $0.name.hasPrefix("themes of activities") } ?? 0
        try Schema.migrate(db, upTo: before)
        try db.execute("""
            INSERT INTO imports VALUES (1, '2026-11-02', 't.csv', 'activities', 'imported');
            INSERT INTO activities (unit, date, type, title, participants, themes, items, import_id)
            VALUES ('u1', '2026-11-01', 'hoi-nghi', 'Hội nghị chuyển đổi số', 40, 'museum/1.1/a digital/2.1/b', '', 1),
                   ('u2', '2026-11-03', 'khac', 'Không chủ đề', 5, '', '', 1);
            INSERT INTO publications VALUES (1, 'ban-tin', '2026-11-15', '2026-11-15');
            INSERT INTO publication_items VALUES (1, 'i1', 0, 'T', 'museum/1.1/a', 'doan-vien nguoi-lao-dong');
            """)
        try Schema.migrate(db)
        let themes = try db.rows("""
            SELECT m.theme, m.project FROM activities a JOIN theme_set_members m ON m.set_id = a.theme_set
            WHERE a.unit = 'u1' ORDER BY m.theme
            """) { "\(try $0.text(0))@\(try $0.text(1))" }
        #expect(themes == ["digital/2.1/b@digital", "museum/1.1/a@museum"])
        #expect(try db.scalarInt("SELECT count(*) FROM activities WHERE theme_set IS NULL") == 1)
        #expect(try db.rows("SELECT audience FROM publication_item_audiences ORDER BY 1") { try $0.text(0) }
                == ["doan-vien", "nguoi-lao-dong"])
        let store = try ReadOnlyStore(path: tmp.file())
        let hits = try store.read { try $0.search("chuyen doi so", items: [], includeSensitive: false) }
        #expect(hits.map(\.ref) == ["u1 2026-11-01"])
    }

    @Test func deliveriesRecordedBeforeDistributionBecomeSentInPrint() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        let before = Schema.migrations.firstIndex { $0.name == "deliveries gain a medium and a state" } ?? 0
        try Schema.migrate(db, upTo: before)
        try db.execute("""
            INSERT INTO publications VALUES (1, 'ban-tin', '2026-11-13', '2026-11-14');
            INSERT INTO publication_items (publication_id, item, position, title) VALUES (1, 'i1', 0, 'A'),
              (1, 'i2', 1, 'B');
            INSERT INTO deliveries VALUES (1, 'u1', 'i1'), (1, 'u1', 'i2'), (1, 'u2', 'i1'), (1, 'u2', 'i2');
            """)
        try Schema.migrate(db)
        // one delivery per unit, handed out by people on the day it was recorded
        #expect(try db.rows("""
            SELECT unit, medium, state, changed_on, coalesce(problem, '-') FROM issue_deliveries ORDER BY unit
            """) { "\(try $0.text(0)) \(try $0.text(1)) \(try $0.text(2)) \(try $0.text(3)) \(try $0.text(4))" }
                == ["u1 print sent 2026-11-14 -", "u2 print sent 2026-11-14 -"])
        let store = try ReadOnlyStore(path: tmp.file())
        let facts = try store.read { try $0.reportFacts(from: Day(iso: "2026-11-01")!, to: Day(iso: "2026-11-30")!) }
        #expect(facts.published.map(\.deliveries) == [2, 2])
        #expect(facts.published.map(\.delivered) == [2, 2])
        #expect(facts.published.map(\.confirmed) == [0, 0])
    }

    @Test func aDatabaseNewerThanTheBinaryIsRefused() throws {
        let tmp = try TempFolder()
        let db = try Database(path: tmp.file())
        try db.execute("PRAGMA user_version = 99")
        #expect(throws: StoreError.self) { try Schema.migrate(db) }
        #expect(throws: StoreError.self) { _ = try ReadOnlyStore(path: tmp.file()) }
    }

    @Test func aReaderRefusesADatabaseThatDoesNotExist() throws {
        let tmp = try TempFolder()
        #expect(throws: StoreError.self) { _ = try ReadOnlyStore(path: tmp.file("missing.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: tmp.file("missing.sqlite")))
    }

    @Test func backupCopiesAConsistentSnapshot() throws {
        let tmp = try TempFolder()
        let store = try Store(path: tmp.file())
        let day = try #require(Day(iso: "2026-12-15"))
        let slot = Slot(channel: "c", date: day)
        _ = try store.write { w in
            try w.recordPublication(slot, items: [PublishedItemRecord(id: "i", title: "T", themes: [], audiences: [])],
                                    units: ["u1", "u2"], today: day, actor: .commandLine(user: "test"))
        }
        try ReadOnlyStore(path: tmp.file()).backup(to: tmp.file("copy.sqlite"))
        let copy = try Database(path: tmp.file("copy.sqlite"))
        #expect(try copy.scalarInt("SELECT count(*) FROM deliveries") == 2)
        #expect(try copy.scalarText("PRAGMA integrity_check") == "ok")
        #expect(try copy.scalarInt("PRAGMA user_version") == Schema.migrations.count)
    }

    func tables(_ db: Database) throws -> [String] {
        try db.rows("SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_schema ORDER BY name") { try $0.text(0) }
    }

    @Test func aFormsNotesAreStoredOnceInItsContentAndWebBookkeepingHasItsTables() throws {
        let tmp = try TempFolder()
        let store = try Store(path: tmp.file())
        let columns = try store.db.rows("PRAGMA table_info(forms)") { try $0.text(1) }
        #expect(columns.contains("content") && !columns.contains("notes"))
        let day = try #require(Day(iso: "2026-12-03"))
        // a one-time key is kept per actor, with the answer it got
        try store.write { w in
            try w.recordFormKey("k1", actor: .unit("u1"), record: FormKeyRecord(digest: "d", status: 303,
                                                                               location: "/unit"), today: day)
            try w.addUsage(of: "u1", on: day, bytes: 100)
            try w.addUsage(of: "u1", on: day, bytes: 50)
        }
        #expect(try store.read { try $0.formKey("k1", actor: .unit("u1")) }?.location == "/unit")
        #expect(try store.read { try $0.formKey("k1", actor: .unit("u2")) } == nil)
        #expect(try store.read { try $0.usage(of: "u1", on: day) } == 150)
        // a user's failures are counted only for a user that exists, and forgotten after quiet
        let counts = try store.write { w -> [Int?] in
            try w.save(user: UserRecord(name: "lan", role: .officer, sensitive: false, admin: true, passwordHash: "h"),
                       today: day, actor: .commandLine(user: "t"))
            return [try w.recordLoginFailure(of: "không-có", at: 100, forgetAfter: 900)?.count,
                    try w.recordLoginFailure(of: "lan", at: 100, forgetAfter: 900)?.count,
                    try w.recordLoginFailure(of: "lan", at: 200, forgetAfter: 900)?.count,
                    try w.recordLoginFailure(of: "lan", at: 2000, forgetAfter: 900)?.count]
        }
        #expect(counts == [nil, 1, 2, 1])
        #expect(try store.read { try $0.user(named: "lan") }?.admin == true)
    }
}
