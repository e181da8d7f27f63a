/// A month's schedule as a grid of days × channels (the web calendar): every slot with what it holds and the
/// state of each entry, empty places, passed slots, the month's observances and pins. Computed from values only.
public struct MonthGrid: Sendable {
    /// Where an entry stands: proposed by the planner, confirmed by an officer, or its issue published.
    public enum EntryState: String, Sendable, Hashable, CaseIterable {
        case proposed, confirmed, published
    }

    public struct Entry: Sendable, Hashable {
        public let item: ItemID
        public let state: EntryState
    }

    /// One slot: a channel on a day.
    public struct Cell: Sendable {
        public let slot: Slot
        public let entries: [Entry]
        public let capacity: Int
        /// Places left.
        public let free: Int
        /// The slot is dated before today: nothing new is proposed for it.
        public let passed: Bool
        /// Its issue has been published.
        public let published: Bool
        /// Confirmed entries waiting for publication: the slot can be published.
        public var publishable: Bool { !published && entries.contains { $0.state == .confirmed } }
    }

    /// One day: its observances, and for each channel (in `channels` order) its slot that day, if any.
    public struct Row: Sendable {
        public let date: Day
        public let observances: [ObservanceDay]
        public let cells: [Cell?]
        public var hasSlot: Bool { cells.contains { $0 != nil } }
    }

    public let month: Month
    public let channels: [ChannelID]
    public let rows: [Row]
    /// Items pinned to a day of the month, by date then id.
    public let pins: [(item: ItemID, date: Day)]

    public init(workspace ws: Workspace, month: Month, entries: [ScheduleEntry], publishedSlots: Set<Slot>,
                today: Day) {
        self.month = month
        channels = ws.channels.map(\.id.value)
        var bySlot: [Slot: [ScheduleEntry]] = [:]
        for e in entries where e.date.monthOfYear == month { bySlot[e.slot, default: []].append(e) }
        let occupancy = SlotOccupancy(channels: ws.channels, entries: entries.filter { $0.date.monthOfYear == month })
        var slotDays: [ChannelID: Set<Day>] = [:]
        for c in ws.channels { slotDays[c.id.value] = Set(c.slots(in: month)) }
        let observances = Dictionary(grouping: ObservanceDay.occurrences(of: ws.observances, from: month.first,
                                                                         to: month.last), by: \.date)
        rows = month.days.map { day in
            let cells: [Cell?] = ws.channels.map { c in
                guard slotDays[c.id.value]?.contains(day) == true else { return nil }
                let slot = Slot(channel: c.id.value, date: day)
                let published = publishedSlots.contains(slot)
                let held = (bySlot[slot] ?? []).sorted().map { e in
                    Entry(item: e.item, state: !e.confirmed ? .proposed : published ? .published : .confirmed)
                }
                return Cell(slot: slot, entries: held, capacity: c.capacity, free: occupancy.free(slot),
                            passed: day < today, published: published)
            }
            return Row(date: day, observances: observances[day] ?? [], cells: cells)
        }
        pins = ws.items.compactMap { i in
            i.pin.flatMap { $0.value.monthOfYear == month ? (i.id.value, $0.value) : nil }
        }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    }

    /// Every slot of the month, by date then channel.
    public var cells: [Cell] { rows.flatMap { $0.cells.compactMap { $0 } } }

    /// How many entries are in each state.
    public var counts: [EntryState: Int] {
        var out: [EntryState: Int] = [:]
        for c in cells { for e in c.entries { out[e.state, default: 0] += 1 } }
        return out
    }

    /// Slots not yet passed with room left.
    public var emptySlots: [Cell] { cells.filter { !$0.passed && !$0.published && $0.free > 0 } }
}
