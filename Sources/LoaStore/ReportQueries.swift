import CSQLite
import Foundation
import LoaCore

extension StoreReader {
    /// Reads the small facts a report needs for a range (publications, deliveries, feedback issues, alerts, sets
    /// of themes): `unit` limits it to one unit. Forms and activities are streamed by `forEachReportForm` and
    /// `forEachCountedActivity`.
    public func reportFacts(from: Day, to: Day, unit: UnitCode? = nil) throws -> ReportFacts {
        try withSmallCache { try smallReportFacts(from: from, to: to, unit: unit) }
    }

    func smallReportFacts(from: Day, to: Day, unit: UnitCode?) throws -> ReportFacts {
        var facts = ReportFacts()
        let unitFilter = unit == nil ? "" : " AND unit = ?"
        func args(_ base: [any DatabaseValueConvertible]) -> [any DatabaseValueConvertible] { unit.map { base + [$0] }
            ?? base }

        let deliveredTo = unit == nil ? ""
            : " AND EXISTS (SELECT 1 FROM deliveries d WHERE d.publication_id = p.id AND d.unit = ?)"
        let themes = try publicationLists("publication_item_themes", "theme", from, to) { try $0.themeRef(0) }
        let audiences = try publicationLists("publication_item_audiences", "audience", from,
            to) { try $0.id(0, as: AudienceID.self) }
        var delivered: [PublicationKey: Int] = [:]
        try db.query("""
            SELECT d.publication_id, d.item, count(*) FROM deliveries d JOIN publications p ON p.id = d.publication_id
            WHERE p.date BETWEEN ? AND ?\(unit == nil ? "" : " AND d.unit = ?") GROUP BY d.publication_id, d.item
            """, args([from, to])) { r in
            delivered[PublicationKey(publication: try r.int(0), item: try r.text(1))] = try r.int(2)
        }
        // every unit of an issue gets each of its items: a unit's delivery state counts once per item
        var states: [Int: (delivered: Int, confirmed: Int)] = [:]
        try db.query("""
            SELECT s.publication_id, sum(s.state IN ('sent', 'confirmed')), sum(s.state = 'confirmed')
            FROM issue_deliveries s JOIN publications p ON p.id = s.publication_id
            WHERE p.date BETWEEN ? AND ? AND s.unit <> ''\(unit == nil ? "" : " AND s.unit = ?")
            GROUP BY s.publication_id
            """, args([from, to])) { r in states[try r.int(0)] = (try r.int(1), try r.int(2)) }
        facts.published = try db.rows("""
            SELECT p.id, p.channel, p.date, pi.item FROM publications p JOIN publication_items pi ON pi.publication_id =
              p.id
            WHERE p.date BETWEEN ? AND ?\(deliveredTo) ORDER BY p.date, p.channel, pi.position
            """, args([from, to])) { r in
            let key = PublicationKey(publication: try r.int(0), item: try r.text(3))
            let state = states[key.publication]
            return ReportFacts.PublishedItem(channel: try r.id(1), date: try r.day(2), item: try r.id(3),
                                             themes: themes[key] ?? [], audiences: audiences[key] ?? [],
                                             deliveries: delivered[key] ?? 0, delivered: state?.delivered ?? 0,
                                             confirmed: state?.confirmed ?? 0)
        }

        let months: [any DatabaseValueConvertible] = [from.monthOfYear, to.monthOfYear]
        // issues are far fewer than forms: read them first (CROSS JOIN keeps that order), then their forms
        // units write the same topics again and again: one copy of each text, not one per row (100,000 units'
        // issues are most of a national report's memory)
        var texts: [String: String] = [:]
        func shared(_ s: String) -> String {
            if let known = texts[s] { return known }
            texts[s] = s
            return s
        }
        facts.issues = try db.rows("""
            SELECT f.unit, f.period, i.topic, i.detail, i.sensitive FROM feedback_issues i CROSS JOIN forms f ON f.id =
              i.form_id
            WHERE f.current = 1 AND f.period BETWEEN ? AND ?\(unit == nil ? "" : " AND f.unit = ?") ORDER BY f.period,
              f.unit, i.id
            """, args(months)) { r in
            ReportFacts.IssueRow(unit: try r.id(0), period: try r.month(1), topic: shared(try r.text(2)),
                                 detail: r.optionalText(3).map(shared), sensitive: try r.bool(4))
        }
        // by month: which months count is the report's rule (LoaCore's `ReportMonths`), not the query's
        try db.query("""
            SELECT period, count(*) FILTER (WHERE resolved_on IS NULL), count(*) FILTER (WHERE resolved_on IS NOT NULL)
            FROM alerts WHERE period BETWEEN ? AND ?\(unitFilter) GROUP BY period
            """, args(months)) { r in
            facts.alerts[try r.month(0)] = ReportFacts.AlertCount(open: try r.int(1), resolved: try r.int(2))
        }
        facts.themeSets = try themeSetMembers()
        return facts
    }

    /// Calls `body` with each current form of the months of the range (`unit`: of that unit only), in no
    /// particular order: the unit code's UTF-8 bytes (valid during the call only), month, the day it counts as
    /// submitted, mood.
    public func forEachReportForm(from: Day, to: Day, unit: UnitCode? = nil,
                                  _ body: (UnsafeBufferPointer<UInt8>, Month, Day, Mood?) throws -> Void) throws {
        var args: [any DatabaseValueConvertible] = [from.monthOfYear, to.monthOfYear]
        if let unit { args.append(unit) }
        try withSmallCache {
            try db.query("""
                SELECT unit, period, submitted, mood FROM forms
                WHERE period BETWEEN ? AND ? AND current = 1\(unit == nil ? "" : " AND unit = ?")
                """, args) { r in
                try body(try r.bytes(0), try r.fastMonth(1), try r.fastDay(2), r.isNull(3) ? nil : try r.mood(3))
            }
        }
    }

    /// Calls `body` with each counted activity (of a current form, or of a table) dated in the range, in no
    /// particular order: `unit` limits it to one unit, `scope` to activities carrying one of a phase's themes.
    /// The unit comes as its code's UTF-8 bytes (valid during the call only), the set of themes as its number in
    /// `ReportFacts.themeSets`.
    public func forEachCountedActivity(from: Day, to: Day, unit: UnitCode? = nil, scope: ThemeScope = .all,
                                       _ body: (UnsafeBufferPointer<UInt8>, Month, ActivityType, Int,
                                           Int?) throws -> Void)
        throws {
        var filter = unit == nil ? "" : " AND unit = ?"
        var args: [any DatabaseValueConvertible] = [from, to]
        if let unit { args.append(unit) }
        if case .themes(let set) = scope {
            filter += " AND theme_set IN (SELECT set_id FROM theme_set_members WHERE theme IN (SELECT value FROM "
                + "json_each(?)))"
            args.append(jsonArray(set.map(\.description).sorted()))
        }
        // one pass over the covering index activities(date, unit, type, participants, theme_set, counted)
        try withSmallCache {
            try db.query("""
                SELECT unit, date, type, participants, theme_set FROM activities
                WHERE date BETWEEN ? AND ? AND counted = 1\(filter)
                """, args) { r in
                try body(try r.bytes(0), try r.fastMonth(1), try r.activityType(2), try r.int(3),
                         r.isNull(4) ? nil : try r.int(4))
            }
        }
    }

    /// Runs a long scan with a small page cache: pages of a scan are read once, so a large cache only costs memory.
    func withSmallCache<T>(_ body: () throws -> T) throws -> T {
        let before = try db.scalarInt("PRAGMA cache_size")
        try db.execute("PRAGMA cache_size = -4096")
        defer { try? db.execute("PRAGMA cache_size = \(before)") }
        return try body()
    }

    struct PublicationKey: Hashable { let publication: Int; let item: String }

    /// The themes (or audiences) of each published item in the range.
    func publicationLists<T>(_ table: String, _ column: String, _ from: Day, _ to: Day,
                             _ decode: (Row) throws -> T) throws -> [PublicationKey: [T]] {
        var out: [PublicationKey: [T]] = [:]
        try db.query("""
            SELECT t.\(column), t.publication_id, t.item FROM \(table) t JOIN publications p ON p.id = t.publication_id
            WHERE p.date BETWEEN ? AND ? ORDER BY t.publication_id, t.item, t.\(column)
            """, [from, to]) { r in
            out[PublicationKey(publication: try r.int(1), item: try r.text(2)), default: []].append(try decode(r))
        }
        return out
    }

    /// The themes of every set of themes.
    func themeSetMembers() throws -> [Int: [ThemeRef]] {
        var out: [Int: [ThemeRef]] = [:]
        try db.query("SELECT set_id, theme FROM theme_set_members ORDER BY set_id, theme") { r in
            out[try r.int(0), default: []].append(try r.themeRef(1))
        }
        return out
    }

    func jsonArray(_ strings: [String]) -> String {
        "[" + strings.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"",
            with: "\\\"") + "\"" }
            .joined(separator: ",") + "]"
    }
}

/// Decoding the columns of large scans straight from SQLite's bytes, without building intermediate strings.
extension Row {
    func bytes(_ c: Int32) throws(DatabaseError) -> UnsafeBufferPointer<UInt8> {
        guard let p = sqlite3_column_text(handle, c) else { throw mismatch(c, "text") }
        return UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, c)))
    }

    /// The month of a `YYYY-MM` or `YYYY-MM-DD` column.
    func fastMonth(_ c: Int32) throws(DatabaseError) -> Month {
        let b = try bytes(c)
        guard b.count == 7 || b.count == 10, b[4] == 45, let y = number(b, 0, 4), let m = number(b, 5, 2),
              b.count == 7 || b[7] == 45, let month = Month(year: y, month: m) else { throw mismatch(c, "a month") }
        return month
    }

    func fastDay(_ c: Int32) throws(DatabaseError) -> Day {
        let b = try bytes(c)
        guard b.count == 10, b[4] == 45, b[7] == 45, let y = number(b, 0, 4), let m = number(b, 5, 2),
              let d = number(b, 8, 2), let day = Day(year: y, month: m, day: d) else { throw mismatch(c, "a date") }
        return day
    }

    func activityType(_ c: Int32) throws(DatabaseError) -> ActivityType {
        let b = try bytes(c)
        for (type, raw) in ActivityType.utf8 where same(raw, b) {
            return type
        }
        throw mismatch(c, "one of ActivityType")
    }

    func mood(_ c: Int32) throws(DatabaseError) -> Mood {
        let b = try bytes(c)
        for (mood, raw) in Mood.utf8 where same(raw, b) {
            return mood
        }
        throw mismatch(c, "one of Mood")
    }

    private func same(_ raw: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard raw.count == b.count, let base = b.baseAddress else { return raw.count == b.count }
        return memcmp(raw, base, b.count) == 0
    }

    private func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for i in start..<start + count {
            guard b[i] >= 48, b[i] <= 57 else { return nil }
            value = value * 10 + Int(b[i] - 48)
        }
        return value
    }
}

extension ActivityType {
    static let utf8: [(ActivityType, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }
}

extension Mood {
    static let utf8: [(Mood, [UInt8])] = allCases.map { ($0, Array($0.rawValue.utf8)) }
}
