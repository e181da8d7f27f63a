import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// A month's schedule as the calendar files hold it.
public enum Calendars {
    /// The entries of a month calendar, or none when it does not exist yet.
    public static func entries(of month: Month, in paths: WorkspacePaths) throws(Failure) -> [ScheduleEntry] {
        let path = paths.calendar(month)
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try ScheduleCalendar.read(try TextFile.decode(try TextFile.readBytes(path), path: paths.relative(path)))
    }

    /// Confirmed entries of every other month's calendar (rule 5).
    public static func confirmed(outside month: Month, in paths: WorkspacePaths) throws(Failure) -> [ScheduleEntry] {
        var out: [ScheduleEntry] = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: paths.calendars)) ?? []).sorted() {
            guard name.hasSuffix(".ics"), let m = Month(iso: name.dropLast(4)), m != month else { continue }
            out += try entries(of: m, in: paths).filter(\.confirmed)
        }
        return out
    }
}

/// `loa plan` and the web calendar's "propose" and "confirm": the same files, byte for byte.
public enum Planning {
    public struct Result: Sendable {
        public let schedule: Schedule
        /// The calendar and the plan document (md, html, docx) written, in that order.
        public let files: [String]
    }

    /// Proposes the month's schedule (keeping confirmed entries), optionally confirms every entry, and writes
    /// `calendars/YYYY-MM.ics` and `out/plans/YYYY-MM.md` and `.html`.
    public static func plan(_ month: Month, confirm: Bool, workspace ws: Workspace,
        session s: Session) throws(Failure) -> Result {
        let published = try s.read(orEmpty: []) { try $0.publications() }
        let input = PlanningInput(workspace: ws, month: month, today: s.today,
                                  existing: try Calendars.entries(of: month, in: s.paths),
                                  confirmedElsewhere: try Calendars.confirmed(outside: month, in: s.paths),
                                  published: published)
        var schedule = try Planner.plan(input)
        if confirm { schedule.entries = schedule.entries.map { var e = $0; e.confirmed = true; return e } }
        let calendar = s.paths.calendar(month)
        let view = documentView(ws, schedule)
        try writeFile(calendar, ScheduleCalendar.write(entries: schedule.entries, month: month, workspace: view,
                                                       today: s.today, language: s.language))
        let doc = PlanDocument.build(schedule, workspace: view, today: s.today, language: s.language)
        return Result(schedule: schedule, files: [calendar] + (try DocumentFiles.write(doc, base: s.paths.plan(month))))
    }

    /// The workspace as the calendar and the plan document read it, so that they index a few items rather than
    /// every item: the items the schedule names (entries, waiting), and enough approved items to carry every theme
    /// approved content carries (the document's "themes without content"). Items keep their order, so a lookup by id
    /// finds the same item as in the whole workspace.
    static func documentView(_ ws: Workspace, _ schedule: Schedule) -> Workspace {
        let named = Set(schedule.entries.map(\.item)).union(schedule.waiting.map(\.item))
        var carried = Set<ThemeRef>()
        var view = ws
        view.items = ws.items.filter { item in
            var keep = named.contains(item.id.value)
            if item.status == .approved {
                for t in item.themes where carried.insert(t.value).inserted { keep = true }
            }
            return keep
        }
        return view
    }

    /// The plan's JSON (SPEC §8).
    public static func json(_ s: Schedule) -> JSON {
        .object([
            ("month", .string(s.month.iso)),
            ("entries", .array(s.entries.map { e in
                .object([("item", .string(e.item.rawValue)), ("channel", .string(e.channel.rawValue)),
                         ("date", .string(e.date.iso)), ("status", .string(e.confirmed ? "confirmed" : "tentative"))])
            })),
            ("uncovered_themes", .array(s.uncoveredThemes.map { .string($0.description) })),
            ("empty_slots", .array(s.emptySlots.map {
                .object([("channel", .string($0.slot.channel.rawValue)), ("date", .string($0.slot.date.iso)),
                         ("free", .int($0.free))])
            })),
            ("passed_slots", .array(s.passedSlots.map {
                .object([("channel", .string($0.channel.rawValue)), ("date", .string($0.date.iso))])
            })),
            ("waiting", .array(s.waiting.map { .string($0.item.rawValue) })),
        ])
    }
}
