import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// One entry of a month's calendar changed by hand: `loa calendar confirm|unconfirm|move|remove` and the web
/// grid's buttons. The calendar file is rewritten by the same writer `loa plan` uses, inside the transaction that
/// records who did it, so both doors leave the same bytes and the same history. Confirming an entry is the consent
/// `loa publish --due` acts on: it reads the same `STATUS:CONFIRMED`.
public enum CalendarEditing {
    public enum Outcome: Sendable, Equatable {
        case changed(path: String)
        /// The calendar already read so: nothing written or recorded.
        case unchanged
    }

    /// The rules for hand changes in the month: the calendar as it is now, what other months confirmed, and what
    /// was published.
    public static func rules(_ month: Month, workspace ws: Workspace, session s: Session) throws(Failure)
        -> CalendarRules {
        try rules(month, published: try s.read(orEmpty: []) { try $0.publications() }, workspace: ws, session: s)
    }

    /// The days from today on, in this month and the `months - 1` after it, the item may be pinned to with every
    /// rule kept (`CalendarRules.pinDays`): what an item's page offers. What was published is read once.
    public static func pinDays(_ item: Item, months: Int, workspace ws: Workspace,
                               session s: Session) throws(Failure) -> [Day] {
        guard item.status == .approved else { return [] }
        let published = try s.read(orEmpty: []) { try $0.publications() }
        var days: [Day] = []
        for n in 0..<months {
            let rules = try rules(s.today.monthOfYear.adding(months: n), published: published, workspace: ws,
                                  session: s)
            days += rules.pinDays(item).filter { $0 >= s.today }
        }
        return days
    }

    static func rules(_ month: Month, published: [Publication], workspace ws: Workspace,
                      session s: Session) throws(Failure) -> CalendarRules {
        let slots = try s.read(orEmpty: Set<Slot>()) { try $0.publishedSlots(from: month.first, to: month.last) }
        let input = PlanningInput(workspace: ws, month: month, today: s.today,
                                  existing: try Calendars.entries(of: month, in: s.paths),
                                  confirmedElsewhere: try Calendars.confirmed(outside: month, in: s.paths),
                                  published: published)
        return CalendarRules(input, publishedSlots: slots)
    }

    /// Applies the change to the entry of `item` in `slot`, writes the calendar and records it, or throws the rule
    /// it would break.
    public static func change(_ change: EntryChange, item: ItemID, slot: Slot, workspace ws: Workspace,
                              session s: Session) throws(Failure) -> Outcome {
        let month = slot.date.monthOfYear
        let path = s.paths.calendar(month)
        // the command line says which file; the web shows the words alone
        let at = SourceLocation(path: s.paths.relative(path), line: 1, column: 1)
        if case .move(let to) = change, to.monthOfYear != month {
            throw Failure(.calendar(.refused(.pin, leadDays: 0)), at: at)
        }
        let rules = try rules(month, workspace: ws, session: s)
        let entry = ScheduleEntry(item: item, channel: slot.channel, date: slot.date, confirmed: false)
        let changed: [ScheduleEntry]?
        do { changed = try rules.applying(change, to: entry) } catch {
            throw Failure(error.diagnostics.map { .error($0.message, at: $0.location ?? at) })
        }
        guard let entries = changed else { return .unchanged }
        let bytes = ScheduleCalendar.write(entries: entries, month: month, workspace: ws, today: s.today,
                                           language: s.language)
        var detail = slot.description
        if case .move(let to) = change { detail += " → " + to.iso }
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: command(change), action: change.action,
                                       subject: "calendar \(month.iso)", detail: "\(item) \(detail)"))
                // the file is replaced inside the transaction: a file that cannot be written records nothing
                try writeFile(path, bytes)
            }
        }
        return .changed(path: path)
    }

    /// The command line that does the same.
    static func command(_ change: EntryChange) -> String {
        switch change {
        case .confirm: "calendar confirm"
        case .unconfirm: "calendar unconfirm"
        case .move: "calendar move"
        case .remove: "calendar remove"
        }
    }
}
