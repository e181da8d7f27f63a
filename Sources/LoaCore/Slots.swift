/// A place in a channel's cadence that can hold up to `capacity` items.
public struct Slot: Hashable, Sendable, Comparable {
    public let channel: String
    public let date: Day
    public init(channel: String, date: Day) { self.channel = channel; self.date = date }
    public static func < (a: Slot, b: Slot) -> Bool { (a.date, a.channel) < (b.date, b.channel) }
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
            return on.map { Day(year: month.year, month: month.month, day: min($0.value, last))! }
        case .week:
            let weekdays = Set(on.map(\.value))
            return month.days.filter { weekdays.contains($0.weekday) }
        }
    }

    /// The units that receive this channel on a day: its scope, restricted to units existing then.
    public func receivingUnits(_ units: [UnionUnit], on day: Day) -> [UnionUnit] {
        units.filter { u in
            guard u.exists(on: day) else { return false }
            switch self.units {
            case .all: return true
            case .some(let list): return list.contains { $0.value == u.code.value || (u.cluster != nil && $0.value == u.cluster!) }
            }
        }
    }
}
