/// An item placed in a slot, as it stands in a month's calendar.
public struct ScheduleEntry: Hashable, Sendable, Comparable {
    public let item: ItemID
    public let channel: ChannelID
    public let date: Day
    public var confirmed: Bool
    public init(item: ItemID, channel: ChannelID, date: Day, confirmed: Bool) {
        self.item = item; self.channel = channel; self.date = date; self.confirmed = confirmed
    }
    public var slot: Slot { Slot(channel: channel, date: date) }
    public var placement: Placement { Placement(item: item, channel: channel) }
    public var uid: String { "\(item).\(channel).\(date.compact)@loa" }
    public static func < (a: ScheduleEntry, b: ScheduleEntry) -> Bool {
        (a.date, a.channel, a.item) < (b.date, b.channel, b.item)
    }
}

/// An item on a channel, whatever the date: rule 5 allows one per month and none after publication.
public struct Placement: Hashable, Sendable {
    public let item: ItemID
    public let channel: ChannelID
    public init(item: ItemID, channel: ChannelID) { self.item = item; self.channel = channel }
}

/// A recorded publication of an item on a channel (a fact from the store).
public struct Publication: Hashable, Sendable {
    public let item: ItemID
    public let channel: ChannelID
    public let date: Day
    public init(item: ItemID, channel: ChannelID,
        date: Day) { self.item = item; self.channel = channel; self.date = date }
    public var placement: Placement { Placement(item: item, channel: channel) }
}

/// The rules of SPEC §3 that a pin can break, and the date rule every proposal keeps.
public enum PlanRule: Int, Sendable, CaseIterable {
    case channel = 1, approval, window, capacity, repeatOnChannel, observance, pin
    /// A proposal never puts an unconfirmed item into a slot dated before today.
    case passed = 100
}

/// Everything the planner needs, all values: no files, no clock.
public struct PlanningInput: Sendable {
    public var workspace: Workspace
    public var month: Month
    /// The day the plan is made: slots dated before it get no new proposals.
    public var today: Day
    /// Entries of this month's existing calendar; confirmed ones are kept.
    public var existing: [ScheduleEntry]
    /// Confirmed entries of other months' calendars (rule 5).
    public var confirmedElsewhere: [ScheduleEntry]
    /// Publications recorded in the store (rules 5 and 8).
    public var published: [Publication]
    public init(workspace: Workspace, month: Month, today: Day, existing: [ScheduleEntry] = [],
                confirmedElsewhere: [ScheduleEntry] = [], published: [Publication] = []) {
        self.workspace = workspace; self.month = month; self.today = today; self.existing = existing
        self.confirmedElsewhere = confirmedElsewhere; self.published = published
    }
}

public struct ObservanceDay: Sendable, Hashable {
    public let observance: Observance
    public let date: Day
    public init(observance: Observance, date: Day) { self.observance = observance; self.date = date }
    public var anniversary: Int? { observance.yearly ? observance.anniversary(on: date) : nil }
    /// 10 for multiples of ten (năm tròn), 5 for other multiples of five (năm lẻ), 0 otherwise.
    public var roundness: Int {
        guard let n = anniversary, n > 0 else { return 0 }
        return n % 10 == 0 ? 10 : n % 5 == 0 ? 5 : 0
    }

    /// Occurrences of the observances in the closed range, by date then id.
    public static func occurrences(of observances: [Observance], from a: Day, to b: Day) -> [ObservanceDay] {
        observances.flatMap { o in o.occurrences(from: a, to: b).map { ObservanceDay(observance: o, date: $0) } }
            .sorted { ($0.date, $0.observance.uid) < ($1.date, $1.observance.uid) }
    }
}

/// An observance item that found no slot in its window this month.
public struct WaitingItem: Sendable {
    public let item: ItemID
    public let observance: ObservanceDay?
}

/// The month's proposal.
public struct Schedule: Sendable {
    public let month: Month
    public var entries: [ScheduleEntry]
    public let slots: [Slot]
    /// Slots of the month dated before the planning day: no new proposals went there.
    public let passedSlots: [Slot]
    let channels: [Channel]
    public var waiting: [WaitingItem]
    public var activeThemes: [ThemeRef]
    public var observances: [ObservanceDay]
    /// Theme references carried by the month's entries.
    public var coveredThemes: Set<ThemeRef>

    /// Active themes that no entry of the month carries.
    public var uncoveredThemes: [ThemeRef] { activeThemes.filter { !coveredThemes.contains($0) } }
    public var occupancy: SlotOccupancy { SlotOccupancy(channels: channels, entries: entries) }
    /// Slots still open (not passed) with room, and how much.
    public var emptySlots: [(slot: Slot, free: Int)] {
        let passed = Set(passedSlots)
        return occupancy.withRoom(slots.filter { !passed.contains($0) })
    }
}

/// Proposes a month's schedule holding the rules of SPEC §3.
///
/// Cost: O(S + N log N + N·c·s) for S slots, N items, c channels per item and s slots per channel in the month
/// (s ≤ 31): sorting dominates, so planning grows linearly with the number of items. Items are handled by their
/// position in the workspace, never copied or indexed whole, so memory beyond the workspace stays O(N) small words.
public enum Planner {
    public static func plan(_ input: PlanningInput) throws(Failure) -> Schedule {
        var state = PlanningState(input)
        try state.placePins()
        let waiting = state.placeObservanceItems()
        state.placeTheRest()
        return state.schedule(waiting: waiting)
    }

    /// Why the item may not go into the channel's slot on the date, or nil when it may (rules 1, 2, 3, 5).
    public static func brokenRule(_ item: Item, _ channel: Channel, _ date: Day, phases: PhaseIndex,
                                  blocked: (Placement) -> Bool) -> PlanRule? {
        guard item.lists(channel.id.value) else { return .channel }
        guard item.status == .approved, let approved = item.approved?.value,
              approved <= channel.approvalDeadline(forSlotOn: date) else { return .approval }
        guard item.windowContains(date), item.themes.contains(where: { phases.isActive($0.value, on: date) })
        else { return .window }
        if blocked(Placement(item: item.id.value, channel: channel.id.value)) { return .repeatOnChannel }
        return nil
    }
}

/// The planner's working state for one month: what each slot holds and which placements are taken.
struct PlanningState {
    let input: PlanningInput
    let month: Month
    let channels: [ChannelID: Channel]
    let slotsByChannel: [ChannelID: [Day]]
    let allSlots: [Slot]
    let phases: PhaseIndex
    var occupancy: SlotOccupancy
    var entries: [ScheduleEntry] = []
    var taken = Set<Placement>()     // placed this month, or blocked by rule 5
    var placedItems = Set<ItemID>()
    let lastCoverage: [ThemeRef: Day]

    init(_ input: PlanningInput) {
        self.input = input
        let ws = input.workspace
        month = input.month
        channels = ws.channels.indexed { $0.id.value }
        var byChannel: [ChannelID: [Day]] = [:]
        var all: [Slot] = []
        for c in ws.channels {
            let days = c.slots(in: month)
            byChannel[c.id.value] = days
            all += days.map { Slot(channel: c.id.value, date: $0) }
        }
        slotsByChannel = byChannel
        allSlots = all.sorted()
        phases = PhaseIndex(ws.plan)
        occupancy = SlotOccupancy(channels: ws.channels)
        for e in input.existing where e.confirmed {
            entries.append(e)
            occupancy.add(e.slot)
            taken.insert(e.placement)
            placedItems.insert(e.item)
        }
        for p in input.published { taken.insert(p.placement) }
        for e in input.confirmedElsewhere where e.date.monthOfYear != month { taken.insert(e.placement) }
        // rule 8: a theme's last coverage is its latest publication before the month
        let first = input.month.first
        let before = input.published.filter { $0.date < first }
        let itemThemes = Self.themes(of: Set(before.map(\.item)), in: ws.items)
        var last: [ThemeRef: Day] = [:]
        for p in before {
            for t in itemThemes[p.item] ?? [] where last[t].map({ $0 < p.date }) ?? true { last[t] = p.date }
        }
        lastCoverage = last
    }

    func brokenRule(_ item: Item, _ channel: Channel, _ date: Day) -> PlanRule? {
        if date < input.today { return .passed }
        return Planner.brokenRule(item, channel, date, phases: phases) { taken.contains($0) }
    }

    /// The theme references of the named items (the first item of an id, as `indexed` keeps it).
    static func themes(of ids: Set<ItemID>, in items: [Item]) -> [ItemID: [ThemeRef]] {
        var out: [ItemID: [ThemeRef]] = [:]
        if ids.isEmpty { return out }
        for item in items where ids.contains(item.id.value) && out[item.id.value] == nil {
            out[item.id.value] = item.themeRefs
        }
        return out
    }

    /// Room first: once a slot is full, the rules need not be read again for every item that follows.
    func admits(_ item: Item, _ channel: Channel, _ date: Day) -> Bool {
        occupancy.hasRoom(Slot(channel: channel.id.value, date: date)) && brokenRule(item, channel, date) == nil
    }

    mutating func place(_ item: Item, _ channel: Channel, _ date: Day) {
        let e = ScheduleEntry(item: item.id.value, channel: channel.id.value, date: date, confirmed: false)
        entries.append(e)
        occupancy.add(e.slot)
        taken.insert(e.placement)
        placedItems.insert(e.item)
    }

    /// Rule 8's order within a group of items (positions in the workspace, each with its roundness):
    /// staleness, roundness, older approval, id.
    func ranked(_ group: [(index: Int, round: Int)]) -> [Int] {
        let items = input.workspace.items
        func staleness(_ item: Item) -> Int {
            var stale: Int?
            for t in item.themes {
                let s = lastCoverage[t.value]?.ordinal ?? Int.min
                if stale.map({ s < $0 }) ?? true { stale = s }
            }
            return stale ?? Int.min
        }
        struct Key { let index: Int, stale: Int, round: Int, approved: Int }
        let keys = group.map { g in
            let item = items[g.index]
            return Key(index: g.index, stale: staleness(item), round: g.round,
                       approved: item.approved?.value.ordinal ?? Int.max)
        }
        return keys.sorted { a, b in
            if a.stale != b.stale { return a.stale < b.stale }
            if a.round != b.round { return a.round > b.round }
            if a.approved != b.approved { return a.approved < b.approved }
            return items[a.index].id.value < items[b.index].id.value
        }.map(\.index)
    }

    /// Rule 7: every pin in the month goes to its date on each of its channels with a slot then, or the plan stops.
    mutating func placePins() throws(Failure) {
        let items = input.workspace.items
        let pinned = items.indices.filter { items[$0].pin?.value.monthOfYear == month }
        var problems: [Diagnostic] = []
        for i in ranked(pinned.map { ($0, 0) }) {
            let item = items[i]
            guard let pin = item.pin else { continue }
            let date = pin.value
            var anySlot = false
            for ref in item.channels {
                guard let channel = channels[ref.value], slotsByChannel[ref.value]?.contains(date) == true
                    else { continue }
                anySlot = true
                let entry = ScheduleEntry(item: item.id.value, channel: ref.value, date: date, confirmed: true)
                if input.existing.contains(entry) { continue }
                let broken = brokenRule(item, channel, date)
                    ?? (occupancy.hasRoom(Slot(channel: ref.value, date: date)) ? nil : .capacity)
                if let broken {
                    problems.append(.error(.pinBreaks(item: item.id.value, channel: ref.value, date: date,
                        rule: broken),
                                           at: pin.location))
                } else {
                    place(item, channel, date)
                }
            }
            if !anySlot {
                problems.append(.error(.pinWithoutSlot(item: item.id.value, channels: item.channels.map(\.value),
                    date: date),
                                       at: pin.location))
            }
        }
        if !problems.isEmpty { throw Failure(problems) }
    }

    /// Rule 6: an observance item takes the latest qualifying slot in the 30 days up to its observance,
    /// or waits (when the qualifying slot lies next month, or there is none).
    mutating func placeObservanceItems() -> [WaitingItem] {
        let ws = input.workspace
        let items = ws.items
        let observances = ws.observances.indexed { $0.uid }
        var group: [(index: Int, round: Int)] = []
        var occurrence: [ItemID: ObservanceDay] = [:]
        for (i, item) in items.enumerated() where item.status == .approved && item.pin == nil {
            guard let oid = item.observance?.value else { continue }
            if let o = observances[oid],
               let d = o.occurrences(from: month.first, to: month.last.adding(days: 29)).first {
                occurrence[item.id.value] = ObservanceDay(observance: o, date: d)
            }
            group.append((i, occurrence[item.id.value]?.roundness ?? 0))
        }
        var waiting: [WaitingItem] = []
        for i in ranked(group) {
            let item = items[i]
            guard let occ = occurrence[item.id.value] else { continue }  // not this month's business
            let windowStart = occ.date.adding(days: -29)
            var placedAny = false
            for ref in item.channels {
                guard let channel = channels[ref.value] else { continue }
                // the latest qualifying slot lies next month: the item waits for it
                if occ.date >= month.next.first, channel.slots(in: month.next).contains(where: {
                    $0 >= windowStart && $0 <= occ.date && brokenRule(item, channel, $0) == nil
                }) { continue }
                let inWindow = (slotsByChannel[ref.value] ?? []).filter { $0 >= windowStart && $0 <= occ.date }
                if let date = inWindow.reversed().first(where: { admits(item, channel, $0) }) {
                    place(item, channel, date)
                    placedAny = true
                }
            }
            if !placedAny && !placedItems.contains(item.id.value) {
                waiting.append(WaitingItem(item: item.id.value, observance: occ))
            }
        }
        return waiting
    }

    /// Everything else, each item into the earliest admitting slot of each of its channels.
    mutating func placeTheRest() {
        let items = input.workspace.items
        var rest: [(index: Int, round: Int)] = []
        for (i, item) in items.enumerated() where item.status == .approved && item.pin == nil {
            if item.observance == nil { rest.append((i, 0)) }
        }
        for i in ranked(rest) {
            let item = items[i]
            for ref in item.channels {
                guard let channel = channels[ref.value] else { continue }
                if let date = (slotsByChannel[ref.value] ?? []).first(where: { admits(item, channel, $0) }) {
                    place(item, channel, date)
                }
            }
        }
    }

    func schedule(waiting: [WaitingItem]) -> Schedule {
        let ws = input.workspace
        let items = Self.themes(of: Set(entries.map(\.item)), in: ws.items)
        let covered = Set(entries.flatMap { items[$0.item] ?? [] })
        return Schedule(month: month, entries: entries.sorted(), slots: allSlots,
                        passedSlots: allSlots.filter { $0.date < input.today }, channels: ws.channels,
                        waiting: waiting, activeThemes: phases.themes(activeBetween: month.first, and: month.last),
                        observances: ObservanceDay.occurrences(of: ws.observances, from: month.first, to: month.last),
                        coveredThemes: covered)
    }
}

/// Looks up a theme reference's phase in O(1).
public struct PhaseIndex: Sendable {
    let phases: [ThemeRef: Phase]
    let order: [ThemeRef]
    public init(_ plan: Plan) {
        var p: [ThemeRef: Phase] = [:]
        var order: [ThemeRef] = []
        for t in plan.allThemes where p[t.ref] == nil {
            p[t.ref] = t.phase
            order.append(t.ref)
        }
        phases = p
        self.order = order
    }
    public func isActive(_ ref: ThemeRef, on day: Day) -> Bool { phases[ref]?.isActive(on: day) ?? false }
    public func phase(of ref: ThemeRef) -> Phase? { phases[ref] }
    /// Themes whose phase is active on some day of the range, in plan order.
    public func themes(activeBetween a: Day, and b: Day) -> [ThemeRef] {
        order.filter { phases[$0]?.overlaps(a, b) ?? false }
    }
}
