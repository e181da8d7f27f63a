/// A place in a channel's cadence that can hold up to `capacity` items; also names a published issue
/// (`CHANNEL.YYYY-MM-DD` in report forms).
public struct Slot: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let channel: ChannelID
    public let date: Day
    public init(channel: ChannelID, date: Day) { self.channel = channel; self.date = date }
    public static func < (a: Slot, b: Slot) -> Bool { (a.date, a.channel) < (b.date, b.channel) }
    /// `CHANNEL.YYYY-MM-DD`, the way forms name a delivered issue.
    public var description: String { "\(channel).\(date.iso)" }
    /// Parses `CHANNEL.YYYY-MM-DD`.
    public init?(issue text: some StringProtocol) {
        guard let dot = text.lastIndex(of: "."), let date = Day(iso: text[text.index(after: dot)...]),
              dot > text.startIndex else { return nil }
        self.init(channel: ChannelID(String(text[..<dot])), date: date)
    }
}

extension Channel {
    /// The channel's slots dated inside the month. A weekend slot moves to the Friday before when
    /// `skip_weekends` is set, so a slot may come from a nominal day of the next month.
    public func slots(in month: Month) -> [Day] {
        var out = Set<Day>()
        for m in [month, month.next] {
            for nominal in nominalDays(in: m) {
                var d = nominal
                if skipWeekends, d.isWeekend { d = d.adding(days: -(d.weekday - 5)) }
                if d.monthOfYear == month { out.insert(d) }
            }
        }
        return out.sorted()
    }

    func nominalDays(in month: Month) -> [Day] {
        switch every {
        case .month:
            let last = month.last.day
            return on.compactMap { Day(year: month.year, month: month.month, day: min($0.value, last)) }
        case .week:
            let weekdays = Set(on.map(\.value))
            return month.days.filter { weekdays.contains($0.weekday) }
        }
    }

    /// Whether the unit is in the channel's scope (`units: all`, or listed by code or cluster).
    public func reaches(_ unit: UnionUnit) -> Bool {
        switch units {
        case .all: return true
        case .some(let list):
            return list.contains { $0.value == unit.code.value.rawValue || $0.value == unit.cluster }
        }
    }

    /// The units that receive this channel on a day: its scope, restricted to units existing then.
    public func receivingUnits(_ units: [UnionUnit], on day: Day) -> [UnionUnit] {
        units.filter { $0.exists(on: day) && reaches($0) }
    }
}

/// How full each slot of a set is, given the entries placed in them: the one place "room" is computed,
/// for the planner, the plan document, `loa status` and the web calendar.
public struct SlotOccupancy: Sendable {
    public private(set) var used: [Slot: Int] = [:]
    let capacity: [ChannelID: Int]

    public init(channels: [Channel], entries: [ScheduleEntry] = []) {
        capacity = channels.indexed { $0.id.value }.mapValues(\.capacity)
        for e in entries { used[e.slot, default: 0] += 1 }
    }

    public mutating func add(_ slot: Slot) { used[slot, default: 0] += 1 }
    public func count(_ slot: Slot) -> Int { used[slot] ?? 0 }
    /// Places left in the slot (never negative).
    public func free(_ slot: Slot) -> Int { max(0, (capacity[slot.channel] ?? 0) - count(slot)) }
    public func hasRoom(_ slot: Slot) -> Bool { free(slot) > 0 }
    /// The slots with room, in order, with how much.
    public func withRoom(_ slots: [Slot]) -> [(slot: Slot, free: Int)] {
        slots.compactMap { s in free(s) > 0 ? (s, free(s)) : nil }
    }
}
