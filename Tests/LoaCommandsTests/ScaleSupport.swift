import Foundation
import Testing

/// A national-size workspace generated in a temporary folder: the shipped plan, `units` units in 60 clusters under
/// 12 provinces (`clusters.csv` with parents), and October–December 2026 of forms, activities and issues written
/// straight into Loa's schema with SQL (as bench/run.py does), so that 100,000 units take seconds.
final class BigWorkspace {
    let root: String
    let units: Int
    static let shippedClusters = ["cum-giao-duc", "cum-y-te", "cum-quan-ly-nha-nuoc", "cum-van-hoa"]

    init(units: Int) throws {
        self.units = units
        root = NSTemporaryDirectory() + "loa-big-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        for folder in ["content", "calendars"] {
            try fm.copyItem(atPath: repositoryRoot + "/" + folder, toPath: root + "/" + folder)
        }
        for f in try fm.contentsOfDirectory(atPath: root + "/calendars") where f != "observances.ics" {
            try fm.removeItem(atPath: root + "/calendars/" + f)
        }
        // the shipped channels name the shipped clusters: they stay, among 56 more
        let clusters = Self.shippedClusters + (4..<60).map { "cum-\($0)" }
        var csv = "code,name,parent\n"
        for p in 0..<12 { csv += "tinh-\(p),Tỉnh số \(p),\n" }
        for (i, c) in clusters.enumerated() { csv += "\(c),Cụm số \(i),tinh-\(i % 12)\n" }
        try csv.write(toFile: root + "/content/clusters.csv", atomically: true, encoding: .utf8)
        var lines = ["code,name,cluster,members,email"]
        lines.reserveCapacity(units + 1)
        for i in 0..<units {
            lines.append("u\(100_000 + i),Công đoàn cơ sở số \(i),\(clusters[i % 60]),\(20 + i % 200),u\(i)@example.org")
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: root + "/content/units.csv", atomically: true,
                                                         encoding: .utf8)
        // an empty import creates the schema
        try fm.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        let made = try run(["import", root + "/empty"])
        #expect(made.code == 0, "\(made.stderr)")
        let sql = """
            PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;
            BEGIN;
            INSERT INTO imports (id, recorded_on, path, kind, result) VALUES (1, '2027-01-10', 'gen', 'form', 'imported');
            WITH RECURSIVE u(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM u WHERE i < \(units - 1)),
                 m(k) AS (SELECT 10 UNION ALL SELECT k + 1 FROM m WHERE k < 12)
            INSERT INTO forms (unit, period, submitted, imported_on, received, mood, content, source_path, current,
                               import_id)
            SELECT 'u' || (100000 + i), printf('2026-%02d', k),
                   date(printf('2026-%02d-01', k), '+1 month', printf('+%d day', (i * 7 + k) % 9)), '2027-01-10', '',
                   CASE (i + k) % 3 WHEN 0 THEN 'on-dinh' WHEN 1 THEN 'quan-tam'
                        ELSE CASE WHEN i % 5 = 0 THEN 'lo-ngai' ELSE 'on-dinh' END END, 'x', 'gen', 1, 1
            FROM u, m WHERE (i * 13 + k) % 10 <> 0;
            INSERT INTO theme_sets (id, key) VALUES (1, 'digital/2.1/a'), (2, 'digital/2.1/b museum/1.1/a');
            INSERT INTO theme_set_members (set_id, theme, project) VALUES (1, 'digital/2.1/a', 'digital'),
                   (2, 'digital/2.1/b', 'digital'), (2, 'museum/1.1/a', 'museum');
            INSERT INTO activities (form_id, unit, date, type, title, participants, theme_set, items, import_id)
            SELECT id, unit, period || '-1' || (id % 9), CASE id % 2 WHEN 0 THEN 'hoi-nghi' ELSE 'tham-quan' END,
                   'Hoạt động', 10 + id % 50, 1 + id % 2, '', 1
            FROM forms WHERE id % 3 <> 0;
            INSERT INTO feedback_issues (form_id, topic, detail, sensitive)
            SELECT id, 'Vấn đề số ' || (id % 997), NULL, id % 11 = 0 FROM forms WHERE id % 7 = 0;
            COMMIT;
            ANALYZE;
            """
        try sql.write(toFile: root + "/gen.sql", atomically: true, encoding: .utf8)
        if let r = try tool("sqlite3", [root + "/loa.sqlite", ".read " + root + "/gen.sql"]) {
            #expect(r.code == 0, "sqlite3: \(r.text)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// Runs loa on the workspace, dated 10 January 2027 (October to December's reports all due).
    func run(_ args: [String], stdin: Data? = nil) throws -> RunResult {
        try loa(["--workspace", root, "--today", "2027-01-10"] + args, stdin: stdin)
    }
}
