/// One officer's change to one entry of a month's calendar: the web grid's buttons and `loa calendar`.
public enum EntryChange: Sendable, Hashable {
    /// The officer's consent: `loa publish --due` publishes the slot.
    case confirm
    /// Back to a proposal: the next `loa plan` may move or drop it.
    case unconfirm
    /// To another slot of the same channel in the same month; the entry keeps its state.
    case move(to: Day)
    case remove

    /// The audit history's word for the change.
    public var action: AuditAction {
        switch self {
        case .confirm: .entryConfirmed
        case .unconfirm: .entryUnconfirmed
        case .move: .entryMoved
        case .remove: .entryRemoved
        }
    }
}

/// The rules of SPEC §3 applied to one entry or one pin at a time, for an officer's hand changes: which slots an
/// entry may move to, which days an item may be pinned to, and the calendar after a change. Values only.
public struct CalendarRules: Sendable {
    public let month: Month
    let input: PlanningInput
    let channels: [ChannelID: Channel]
    let items: [ItemID: Item]
    let phases: PhaseIndex
    /// Published slots of the month: their entries are history and stay as they are.
    public let publishedSlots: Set<Slot>
    /// Placements rule 5 forbids whatever the month holds: published, or confirmed in another month.
    let blockedElsewhere: Set<Placement>
    /// The month's entries, as the calendar holds them.
    public let entries: [ScheduleEntry]
    /// The items pinned to each day of the month.
    let pinned: [Day: [Item]]

    public init(_ input: PlanningInput, publishedSlots: Set<Slot>) {
        self.input = input
        month = input.month
        channels = input.workspace.channels.indexed { $0.id.value }
        items = input.workspace.items.indexed { $0.id.value }
        phases = PhaseIndex(input.workspace.plan)
        self.publishedSlots = publishedSlots
        var blocked = Set(input.published.map(\.placement))
        for e in input.confirmedElsewhere where e.date.monthOfYear != input.month { blocked.insert(e.placement) }
        blockedElsewhere = blocked
        entries = input.existing.filter { $0.date.monthOfYear == input.month }.sorted()
        var pins: [Day: [Item]] = [:]
        for item in input.workspace.items {
            if let day = item.pin?.value, day.monthOfYear == input.month { pins[day, default: []].append(item) }
        }
        pinned = pins
    }

    /// The rule an item would break in the channel's slot on the date, or nil. `others` are the month's entries
    /// that count against it (rule 4's room and rule 5's "once per channel a month").
    func brokenRule(_ item: Item, _ channel: Channel, _ date: Day, others: [ScheduleEntry],
                    mayHavePassed: Bool = false) -> PlanRule? {
        if date < input.today && !mayHavePassed { return .passed }
        guard channel.slots(in: month).contains(date) else { return .pin }
        if let rule = Planner.brokenRule(item, channel, date, phases: phases, blocked: { p in
            blockedElsewhere.contains(p) || others.contains { $0.placement == p }
        }) { return rule }
        let slot = Slot(channel: channel.id.value, date: date)
        if others.filter({ $0.slot == slot }).count >= channel.capacity { return .capacity }
        return nil
    }

    /// The days of the month an entry may move to: later than yesterday, a slot of its channel not yet published,
    /// with room, where the item keeps every rule.
    public func moveTargets(_ entry: ScheduleEntry) -> [Day] {
        guard let item = items[entry.item], let channel = channels[entry.channel],
              !publishedSlots.contains(entry.slot), item.pin?.value != entry.date else { return [] }
        let others = entries.filter { $0 != entry }
        return channel.slots(in: month).filter { d in
            d != entry.date && !publishedSlots.contains(Slot(channel: entry.channel, date: d))
                && brokenRule(item, channel, d, others: others) == nil
        }
    }

    /// The days of the month an item may be pinned to: a slot of at least one of its channels, and on every
    /// channel of the item with a slot that day, a place that keeps every rule (rule 7 places it on each).
    public func pinDays(_ item: Item) -> [Day] {
        guard item.status == .approved else { return [] }
        var days = Set<Day>()
        for ref in item.channels { for d in channels[ref.value]?.slots(in: month) ?? [] { days.insert(d) } }
        return days.sorted().filter { pinRule(item, $0) == nil }
    }

    /// Why a pin of the item on the date breaks a rule, or nil when it keeps them all.
    public func pinRule(_ item: Item, _ date: Day) -> PlanRule? {
        guard date.monthOfYear == month else { return nil }
        let onDay = item.channels.compactMap { channels[$0.value] }.filter { $0.slots(in: month).contains(date) }
        if onDay.isEmpty { return .pin }
        // proposals are planned again around a pin: only confirmed entries and other pins hold their places
        var held = entries.filter { $0.confirmed && $0.item != item.id.value }
        for other in pinned[date] ?? [] where other.id.value != item.id.value {
            for ref in other.channels where !held.contains(where: { $0.item == other.id.value && $0.channel == ref.value
                                                                      && $0.date == date }) {
                held.append(ScheduleEntry(item: other.id.value, channel: ref.value, date: date, confirmed: true))
            }
        }
        let own = entries.filter { $0.item == item.id.value && $0.confirmed }
        for channel in onDay {
            let slot = Slot(channel: channel.id.value, date: date)
            if publishedSlots.contains(slot) { return .passed }
            if own.contains(where: { $0.slot == slot }) { continue }
            if let rule = brokenRule(item, channel, date, others: held + own) { return rule }
        }
        return nil
    }

    /// The calendar's entries after the change, or nil when it changes nothing; a change that breaks a rule, or
    /// names no entry of the month, is an error.
    public func applying(_ change: EntryChange, to entry: ScheduleEntry) throws(Failure) -> [ScheduleEntry]? {
        var all = entries
        guard let at = all.firstIndex(where: { $0.item == entry.item && $0.slot == entry.slot }) else {
            throw Failure(.calendar(.noSuchEntry))
        }
        let current = all[at]
        if publishedSlots.contains(current.slot) { throw Failure(.calendar(.entryPublished)) }
        switch change {
        case .confirm:
            if current.confirmed { return nil }
            if let item = items[current.item], let channel = channels[current.channel] {
                let others = all.filter { $0 != current }
                // a slot already passed may still be confirmed, to publish late
                if let rule = brokenRule(item, channel, current.date, others: others, mayHavePassed: true),
                   rule != .capacity {
                    throw Failure(.calendar(.refused(rule, leadDays: channel.leadDays)))
                }
            } else {
                throw Failure(.calendar(.noSuchEntry))
            }
            all[at].confirmed = true
        case .unconfirm:
            if !current.confirmed { return nil }
            all[at].confirmed = false
        case .remove:
            all.remove(at: at)
        case .move(let date):
            if date == current.date { return nil }
            guard let item = items[current.item], let channel = channels[current.channel] else {
                throw Failure(.calendar(.noSuchEntry))
            }
            if item.pin?.value == current.date { throw Failure(.calendar(.pinnedHere)) }
            if publishedSlots.contains(Slot(channel: current.channel, date: date)) {
                throw Failure(.calendar(.entryPublished))
            }
            if let rule = brokenRule(item, channel, date, others: all.filter { $0 != current }) {
                throw Failure(.calendar(.refused(rule, leadDays: channel.leadDays)))
            }
            all[at] = ScheduleEntry(item: current.item, channel: current.channel, date: date,
                                    confirmed: current.confirmed)
        }
        return all.sorted()
    }

    /// Items waiting for an approval that comes too late for the month: pinned to a day of it, or tied to an
    /// observance in it, not approved, with the approval deadline of that day's slot already behind today.
    public func overdueApprovals() -> [OverdueApproval] {
        var out: [OverdueApproval] = []
        let observances = input.workspace.observances.indexed { $0.uid }
        for item in input.workspace.items where item.status == .draft || item.status == .review {
            var date = item.pin?.value
            if date == nil, let oid = item.observance?.value, let o = observances[oid] {
                date = o.occurrences(from: month.first, to: month.last).first
            }
            guard let date, date.monthOfYear == month, date >= input.today else { continue }
            for ref in item.channels {
                guard let c = channels[ref.value] else { continue }
                // the observance's own day, or the latest slot before it; a pin's day exactly
                let slot = item.pin != nil ? (c.slots(in: month).contains(date) ? date : nil)
                    : c.slots(in: month).last { $0 <= date }
                guard let slot, slot >= input.today, c.approvalDeadline(forSlotOn: slot) < input.today else { continue }
                out.append(OverdueApproval(item: item.id.value, slot: Slot(channel: c.id.value, date: slot),
                                           deadline: c.approvalDeadline(forSlotOn: slot)))
            }
        }
        return out.sorted { ($0.slot, $0.item) < ($1.slot, $1.item) }
    }
}

/// An item that needed approval by `deadline` to go into `slot`, and is still not approved.
public struct OverdueApproval: Sendable, Hashable {
    public let item: ItemID
    public let slot: Slot
    public let deadline: Day
}
