import LoaCore

/// A unit's sent report returned by an officer with a comment (SPEC §9.7), and how the return ended: the unit sent a
/// correction, or an officer reopened the report as it stood. The return changes no figure: the report keeps
/// counting as sent, from its first submission (SPEC §9.5).
public struct ReportReturn: Sendable, Hashable {
    public enum Ending: String, Sendable, Hashable {
        case corrected, reopened
    }
    public let id: Int
    /// The form that was returned.
    public let formId: Int
    public let unit: UnitCode
    public let period: Month
    public let comment: String
    public let returnedOn: Day
    /// Who returned it: a user's name, or the command line's user.
    public let returnedBy: String
    public let endedOn: Day?
    public let endedBy: String?
    public let ending: Ending?

    /// Still waiting for the unit's correction.
    public var isOpen: Bool { ending == nil }
}

extension StoreReader {
    /// Every return of a unit's month, oldest first.
    public func reportReturns(unit: UnitCode, period: Month) throws -> [ReportReturn] {
        try db.rows("""
            SELECT id, form_id, unit, period, comment, returned_on, returned_by, ended_on, ended_by, ending
            FROM report_returns WHERE unit = ? AND period = ? ORDER BY id
            """, [unit, period], StoreReader.reportReturn)
    }

    /// The open returns of a unit, by month.
    public func openReturns(unit: UnitCode) throws -> [Month: ReportReturn] {
        let rows = try db.rows("""
            SELECT id, form_id, unit, period, comment, returned_on, returned_by, ended_on, ended_by, ending
            FROM report_returns WHERE unit = ? AND ending IS NULL ORDER BY id
            """, [unit], StoreReader.reportReturn)
        return Dictionary(rows.map { ($0.period, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The open returns of a month, by unit.
    public func openReturns(period: Month) throws -> [UnitCode: ReportReturn] {
        let rows = try db.rows("""
            SELECT id, form_id, unit, period, comment, returned_on, returned_by, ended_on, ended_by, ending
            FROM report_returns WHERE period = ? AND ending IS NULL ORDER BY id
            """, [period], StoreReader.reportReturn)
        return Dictionary(rows.map { ($0.unit, $0) }, uniquingKeysWith: { _, last in last })
    }

    private static func reportReturn(_ r: Row) throws -> ReportReturn {
        ReportReturn(id: try r.int(0), formId: try r.int(1), unit: try r.id(2), period: try r.month(3),
                     comment: try r.text(4), returnedOn: try r.day(5), returnedBy: try r.text(6),
                     endedOn: try r.optionalDay(7), endedBy: r.optionalText(8),
                     ending: r.optionalText(9).flatMap(ReportReturn.Ending.init))
    }

    /// Every form of a unit's month, oldest first: its id, the day it was recorded, whether it is the current one.
    public func formVersions(unit: UnitCode, period: Month) throws -> [(id: Int, recordedOn: Day, current: Bool)] {
        try db.rows("SELECT id, imported_on, current FROM forms WHERE unit = ? AND period = ? ORDER BY id",
                    [unit, period]) { (try $0.int(0), try $0.day(1), try $0.bool(2)) }
    }
}

extension StoreWriter {
    /// Returns the unit's current report of the month with a comment; false (nothing recorded) when there is no
    /// sent report, or it is already returned.
    public func returnReport(unit: UnitCode, period: Month, comment: String, today: Day, actor: Actor) throws -> Bool {
        guard let form = try db.rows("SELECT id FROM forms WHERE unit = ? AND period = ? AND current = 1",
                                     [unit, period], { try $0.int(0) }).first,
              try reader.openReturns(unit: unit)[period] == nil else { return false }
        try db.run("""
            INSERT INTO report_returns (unit, period, form_id, comment, returned_on, returned_by)
            VALUES (?, ?, ?, ?, ?, ?)
            """, [unit, period, form, comment, today, actor.shownName])
        try audit(AuditEntry(day: today, actor: actor, command: "return", action: .reportReturned,
                             subject: "\(unit)/\(period.iso)", detail: comment))
        return true
    }

    /// Ends the open return of a unit's month without a correction: the report stands as sent. False when none.
    public func reopenReport(unit: UnitCode, period: Month, today: Day, actor: Actor) throws -> Bool {
        try db.run("""
            UPDATE report_returns SET ended_on = ?, ended_by = ?, ending = 'reopened'
            WHERE unit = ? AND period = ? AND ending IS NULL
            """, [today, actor.shownName, unit, period])
        guard db.changes > 0 else { return false }
        try audit(AuditEntry(day: today, actor: actor, command: "return", action: .reportReopened,
                             subject: "\(unit)/\(period.iso)", detail: nil))
        return true
    }

    /// A correction arrived (form `formId`): the month's open return, if any, ends with it.
    func endReturns(unit: UnitCode, period: Month, correctedBy formId: Int, today: Day, actor: Actor) throws {
        try db.run("""
            UPDATE report_returns SET ended_on = ?, ended_by = ?, ending = 'corrected', corrected_form = ?
            WHERE unit = ? AND period = ? AND ending IS NULL
            """, [today, actor.shownName, formId, unit, period])
    }
}

extension Actor {
    /// The name a history shows: the user's or the command line's user, or the unit's code.
    public var shownName: String {
        switch self {
        case .commandLine(let u): return u
        case .user(let u): return u
        case .unit(let c): return c.rawValue
        }
    }
}
