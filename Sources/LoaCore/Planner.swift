/// An item placed in a slot, as it stands in a month's calendar.
public struct ScheduleEntry: Hashable, Sendable, Comparable {
    public let item: String
    public let channel: String
    public let date: Day
    public var confirmed: Bool
    public init(item: String, channel: String, date: Day, confirmed: Bool) {
        self.item = item; self.channel = channel; self.date = date; self.confirmed = confirmed
    }
    public var slot: Slot { Slot(channel: channel, date: date) }
    public var uid: String { "\(item).\(channel).\(date.compact)@loa" }
    public static func < (a: ScheduleEntry, b: ScheduleEntry) -> Bool { (a.date, a.channel, a.item) < (b.date, b.channel, b.item) }
}

/// A recorded publication of an item on a channel (a fact from the store).
public struct Publication: Hashable, Sendable {
    public let item: String
    public let channel: String
    public let date: Day
    public init(item: String, channel: String, date: Day) { self.item = item; self.channel = channel; self.date = date }
}

/// The rules of SPEC §3 that a pin can break.
public enum PlanRule: Int, Sendable {
    case channel = 1, approval, window, capacity, repeatOnChannel, observance, pin

    func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.channel, .vi): return "quy tắc 1: bài chỉ lên kênh bài đó liệt kê"
        case (.approval, .vi): return "quy tắc 2: bài phải được duyệt trước ngày phát hành ít nhất lead_days ngày"
        case (.window, .vi): return "quy tắc 3: ngày phát hành phải trong khung not_before/not_after và trong giai đoạn đang triển khai"
        case (.capacity, .vi): return "quy tắc 4: số bài vượt sức chứa của kênh"
        case (.repeatOnChannel, .vi): return "quy tắc 5: bài đã lên kênh này (đã đăng hoặc đã xác nhận)"
        case (.observance, .vi): return "quy tắc 6: bài gắn ngày kỷ niệm"
        case (.pin, .vi): return "quy tắc 7: ngày ghim không có kỳ phát hành của kênh nào của bài"
        case (.channel, .en): return "rule 1: an item goes only to a channel it lists"
        case (.approval, .en): return "rule 2: the item must be approved at least lead_days before the slot"
        case (.window, .en): return "rule 3: the slot must lie inside the item's window and an active phase of its themes"
        case (.capacity, .en): return "rule 4: the slot is over the channel's capacity"
        case (.repeatOnChannel, .en): return "rule 5: the item is already published or confirmed on this channel"
        case (.observance, .en): return "rule 6: observance item"
        case (.pin, .en): return "rule 7: no slot of the item's channels on the pinned date"
        }
    }
}

extension Message {
    public static func pinBreaks(item: String, channel: String, date: String, rule: PlanRule) -> Message {
        .plain2(vi: "bài \(item) ghim ngày \(date) trên kênh \(channel) vi phạm \(rule.name(.vi))",
                en: "item \(item) pinned to \(date) on \(channel) breaks \(rule.name(.en))")
    }
}

/// Everything the planner needs, all values: no files, no clock.
public struct PlanningInput: Sendable {
    public var workspace: Workspace
    public var month: Month
    /// Entries of this month's existing calendar; confirmed ones are kept.
    public var existing: [ScheduleEntry]
    /// Confirmed entries of other months' calendars (rule 5).
    public var confirmedElsewhere: [ScheduleEntry]
    /// Publications recorded in the store (rules 5 and 8).
    public var published: [Publication]
    public init(workspace: Workspace, month: Month, existing: [ScheduleEntry] = [], confirmedElsewhere: [ScheduleEntry] = [], published: [Publication] = []) {
        self.workspace = workspace; self.month = month; self.existing = existing
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
}

/// The month's proposal.
public struct Schedule: Sendable {
    public let month: Month
    public var entries: [ScheduleEntry]
    public let slots: [Slot]
    public let capacity: [String: Int]
    /// Observance items that found no slot in their window this month.
    public var waiting: [(item: String, observance: ObservanceDay?)]
    public var activeThemes: [ThemeRef]
    public var observances: [ObservanceDay]

    /// Active themes that no entry of the month carries.
    public var uncoveredThemes: [ThemeRef] {
        activeThemes.filter { !coveredThemes.contains($0.description) }
    }
    /// Theme references carried by the month's entries; filled by the planner.
    public var coveredThemes: Set<String> = []
    public var emptySlots: [(slot: Slot, free: Int)] {
        var used: [Slot: Int] = [:]
        for e in entries { used[e.slot, default: 0] += 1 }
        return slots.compactMap { s in
            let free = (capacity[s.channel] ?? 0) - (used[s] ?? 0)
            return free > 0 ? (s, free) : nil
        }
    }
}

/// Proposes a month's schedule holding the rules of SPEC §3.
///
/// Cost: O(S + N log N + N·c·s) for S slots, N items, c channels per item and s slots per channel in the month
/// (s ≤ 31): sorting dominates, so planning grows linearly with the number of items.
public enum Planner {
    public static func plan(_ input: PlanningInput) throws(Failure) -> Schedule {
        let ws = input.workspace
        let month = input.month
        let channels = ws.channels.indexed { $0.id.value }
        var slotsByChannel: [String: [Day]] = [:]
        var allSlots: [Slot] = []
        for c in ws.channels {
            let days = c.slots(in: month)
            slotsByChannel[c.id.value] = days
            allSlots += days.map { Slot(channel: c.id.value, date: $0) }
        }
        allSlots.sort()
        let phaseIndex = PhaseIndex(ws.plan)

        // state: what each slot holds, what each (item, channel) already has
        var used: [Slot: Int] = [:]
        var taken = Set<String>()  // "item|channel" placed this month or blocked by rule 5
        var entries: [ScheduleEntry] = []
        var placedItems = Set<String>()
        for e in input.existing where e.confirmed {
            placedItems.insert(e.item)
            entries.append(e)
            used[e.slot, default: 0] += 1
            taken.insert(e.item + "|" + e.channel)
        }
        var blocked = Set<String>()
        for p in input.published { blocked.insert(p.item + "|" + p.channel) }
        for e in input.confirmedElsewhere where e.date.monthOfYear != month { blocked.insert(e.item + "|" + e.channel) }
        // a slot already published this month counts as blocked for the same item
        // (publication facts dated in this month are themselves confirmed entries of this month)

        // rule 8: staleness from publications before this month
        var lastCoverage: [String: Day] = [:]
        let itemThemes = Dictionary(ws.items.map { ($0.id.value, $0.themes.map(\.value)) }, uniquingKeysWith: { a, _ in a })
        for p in input.published where p.date < month.first {
            for t in itemThemes[p.item] ?? [] where lastCoverage[t].map({ $0 < p.date }) ?? true { lastCoverage[t] = p.date }
        }
        let neverOrdinal = Int.min
        func staleness(_ item: Item) -> Int {
            item.themes.map { lastCoverage[$0.value]?.ordinal ?? neverOrdinal }.min() ?? neverOrdinal
        }

        let observancesById = ws.observances.indexed { $0.uid }
        // observance occurrences whose 30-day window touches this month
        func windowOccurrence(_ o: Observance) -> [Day] {
            o.occurrences(from: month.first, to: month.last.adding(days: 29))
        }
        let monthObservances = ws.observances.flatMap { o in
            o.occurrences(from: month.first, to: month.last).map { ObservanceDay(observance: o, date: $0) }
        }.sorted { ($0.date, $0.observance.uid) < ($1.date, $1.observance.uid) }

        func eligible(_ item: Item, _ channel: Channel, _ date: Day) -> PlanRule? {
            guard item.channels.contains(where: { $0.value == channel.id.value }) else { return .channel }
            guard item.status == .approved, let approved = item.approved?.value,
                  approved <= date.adding(days: -channel.leadDays) else { return .approval }
            if let nb = item.notBefore?.value, date < nb { return .window }
            if let na = item.notAfter?.value, date > na { return .window }
            guard item.themes.contains(where: { phaseIndex.isActive($0.value, on: date) }) else { return .window }
            if blocked.contains(item.id.value + "|" + channel.id.value) { return .repeatOnChannel }
            if taken.contains(item.id.value + "|" + channel.id.value) { return .repeatOnChannel }
            return nil
        }
        func hasRoom(_ channel: Channel, _ date: Day) -> Bool {
            (used[Slot(channel: channel.id.value, date: date)] ?? 0) < channel.capacity
        }
        func place(_ item: Item, _ channel: Channel, _ date: Day) {
            let e = ScheduleEntry(item: item.id.value, channel: channel.id.value, date: date, confirmed: false)
            entries.append(e)
            used[e.slot, default: 0] += 1
            taken.insert(item.id.value + "|" + channel.id.value)
            placedItems.insert(item.id.value)
        }

        // groups: pins in this month, observance items, the rest
        let candidates = ws.items.filter { $0.status == .approved }
        var pins: [Item] = [], observed: [(Item, ObservanceDay?)] = [], rest: [Item] = []
        for item in candidates {
            if let pin = item.pin?.value {
                if pin.monthOfYear == month { pins.append(item) }
                continue
            }
            if let oid = item.observance?.value {
                let occ = observancesById[oid].flatMap { o in windowOccurrence(o).first.map { ObservanceDay(observance: o, date: $0) } }
                observed.append((item, occ))
            } else {
                rest.append(item)
            }
        }
        func rank(_ a: Item, _ ra: Int, _ b: Item, _ rb: Int) -> Bool {
            let sa = staleness(a), sb = staleness(b)
            if sa != sb { return sa < sb }
            if ra != rb { return ra > rb }
            let aa = a.approved?.value.ordinal ?? Int.max, ab = b.approved?.value.ordinal ?? Int.max
            if aa != ab { return aa < ab }
            return a.id.value < b.id.value
        }
        pins.sort { rank($0, 0, $1, 0) }
        observed.sort { rank($0.0, $0.1?.roundness ?? 0, $1.0, $1.1?.roundness ?? 0) }
        rest.sort { rank($0, 0, $1, 0) }

        var problems: [Diagnostic] = []
        for item in pins {
            let date = item.pin!.value
            var anySlot = false
            for ref in item.channels {
                guard let channel = channels[ref.value], slotsByChannel[ref.value]?.contains(date) == true else { continue }
                anySlot = true
                if input.existing.contains(where: { $0.confirmed && $0.item == item.id.value && $0.channel == channel.id.value && $0.date == date }) { continue }
                if let broken = eligible(item, channel, date) {
                    problems.append(.error(.pinBreaks(item: item.id.value, channel: channel.id.value, date: date.iso, rule: broken), at: item.pin!.location))
                } else if !hasRoom(channel, date) {
                    problems.append(.error(.pinBreaks(item: item.id.value, channel: channel.id.value, date: date.iso, rule: .capacity), at: item.pin!.location))
                } else {
                    place(item, channel, date)
                }
            }
            if !anySlot {
                problems.append(.error(.pinBreaks(item: item.id.value, channel: item.channels.map(\.value).joined(separator: ", "), date: date.iso, rule: .pin), at: item.pin!.location))
            }
        }
        if !problems.isEmpty { throw Failure(problems) }

        var waiting: [(item: String, observance: ObservanceDay?)] = []
        for (item, occ) in observed {
            guard let occ else { continue }  // no occurrence near this month: not this month's business
            let windowStart = occ.date.adding(days: -29)
            var placedAny = false
            for ref in item.channels {
                guard let channel = channels[ref.value] else { continue }
                // the latest qualifying slot in the window; if it lies in a later month, the item waits for it
                var laterMonthSlot = false
                for m in [month.next] where occ.date >= m.first {
                    laterMonthSlot = channel.slots(in: m).contains { $0 >= windowStart && $0 <= occ.date && eligible(item, channel, $0) == nil }
                }
                if laterMonthSlot { continue }
                let inWindow = (slotsByChannel[ref.value] ?? []).filter { $0 >= windowStart && $0 <= occ.date }
                if let date = inWindow.reversed().first(where: { eligible(item, channel, $0) == nil && hasRoom(channel, $0) }) {
                    place(item, channel, date)
                    placedAny = true
                }
            }
            if !placedAny && !placedItems.contains(item.id.value) { waiting.append((item.id.value, occ)) }
        }

        for item in rest {
            for ref in item.channels {
                guard let channel = channels[ref.value] else { continue }
                if let date = (slotsByChannel[ref.value] ?? []).first(where: { eligible(item, channel, $0) == nil && hasRoom(channel, $0) }) {
                    place(item, channel, date)
                }
            }
        }

        let active = phaseIndex.themes(activeBetween: month.first, and: month.last)
        let itemsById = ws.items.indexed { $0.id.value }
        let covered = Set(entries.flatMap { itemsById[$0.item]?.themes.map(\.value) ?? [] })
        return Schedule(month: month, entries: entries.sorted(), slots: allSlots,
                        capacity: Dictionary(ws.channels.map { ($0.id.value, $0.capacity) }, uniquingKeysWith: { a, _ in a }),
                        waiting: waiting, activeThemes: active, observances: monthObservances, coveredThemes: covered)
    }
}

/// Looks up a theme reference's phase in O(1).
public struct PhaseIndex: Sendable {
    let phases: [String: Phase]
    let order: [ThemeRef]
    public init(_ plan: Plan) {
        var p: [String: Phase] = [:]
        var order: [ThemeRef] = []
        for t in plan.allThemes {
            p[t.ref.description] = t.phase
            order.append(t.ref)
        }
        phases = p
        self.order = order
    }
    public func isActive(_ ref: String, on day: Day) -> Bool { phases[ref]?.isActive(on: day) ?? false }
    public func phase(of ref: String) -> Phase? { phases[ref] }
    /// Themes whose phase is active on some day of the range, in plan order.
    public func themes(activeBetween a: Day, and b: Day) -> [ThemeRef] {
        order.filter { phases[$0.description]!.overlaps(a, b) }
    }
}
