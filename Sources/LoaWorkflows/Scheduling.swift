import Foundation
import LoaCore
import LoaFormats

/// `loa publish --due` (SPEC §10): the confirmed slots of the last 7 days (today and the 6 before, or from
/// `--since`) not yet published, and the older ones, which are only listed. Confirming a calendar entry is the
/// consent this acts on.
public enum Scheduling {
    public struct Due: Sendable {
        public let from: Day
        public let to: Day
        /// To publish now, in date order.
        public let slots: [Slot]
        /// Confirmed, not published, dated before `from`: listed for a person, never published by themselves.
        public let older: [Slot]
    }

    public static let window = 7

    public static func due(session s: Session, since: Day? = nil) throws(Failure) -> Due {
        let from = since ?? s.today.adding(days: -(window - 1)), to = s.today
        var confirmed: Set<Slot> = []
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: s.paths.calendars)) ?? []).sorted() {
            guard name.hasSuffix(".ics"), let month = Month(iso: name.dropLast(4)), month.first <= to else { continue }
            for entry in try Calendars.entries(of: month, in: s.paths) where entry.confirmed && entry.slot.date <= to {
                confirmed.insert(entry.slot)
            }
        }
        guard let earliest = confirmed.map(\.date).min() else { return Due(from: from, to: to, slots: [], older: []) }
        let published = try s.read(orEmpty: []) { try $0.publishedSlots(from: earliest, to: to) }
        let waiting = confirmed.subtracting(published).sorted()
        return Due(from: from, to: to, slots: waiting.filter { $0.date >= from },
                   older: waiting.filter { $0.date < from })
    }
}
