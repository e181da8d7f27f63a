/// A sensitive issue being followed up (SPEC §5.3), as recorded.
public struct Alert: Sendable, Hashable {
    public let id: Int
    public let unit: UnitCode
    public let period: Month
    public let topic: String
    public let detail: String?
    public let openedOn: Day
    public let resolvedOn: Day?
    public let resolvedBy: String?
    public let note: String?
    public init(id: Int, unit: UnitCode, period: Month, topic: String, detail: String?, openedOn: Day,
                resolvedOn: Day?, resolvedBy: String?, note: String?) {
        self.id = id; self.unit = unit; self.period = period; self.topic = topic; self.detail = detail
        self.openedOn = openedOn; self.resolvedOn = resolvedOn; self.resolvedBy = resolvedBy; self.note = note
    }
    public func age(on today: Day) -> Int { today - openedOn }
}

/// What `loa status` and the web dashboard need from the store and the calendars, as values.
public struct StatusFacts: Sendable {
    /// Entries of this month's and next month's calendars.
    public var entries: [ScheduleEntry] = []
    /// Slots of this month and next already published.
    public var publishedSlots: Set<Slot> = []
    public var deliveriesThisMonth = 0
    /// Units with a current form, per month, for the months `StatusFigures.overdueMonths` asks about.
    public var reportingUnits: [Month: Set<UnitCode>] = [:]
    /// The first month any unit reported (the tracking start when `tracking_from` is not set).
    public var firstReportedPeriod: Month?
    public var openAlerts: [Alert] = []
    /// Today's early warnings (SPEC §5.4).
    public var warnings: [EarlyWarning] = []
    public init() {}
}

/// One screen of what needs doing today (SPEC §6.1 `loa status`), computed once for every door.
public struct StatusFigures: Sendable {
    public enum SlotState: Sendable, Hashable {
        case published, confirmed(Int), proposed(Int), empty
    }
    public struct ApprovalDue: Sendable, Hashable {
        public let item: ItemID
        public let channel: ChannelID
        public let slot: Day
        public let deadline: Day
    }

    public let today: Day
    public let month: Month
    /// This month's slots and what each holds.
    public let slots: [(slot: Slot, state: SlotState)]
    public let deliveriesThisMonth: Int
    /// Items in review whose approval deadline for a slot falls in the next `approvalHorizonDays` days.
    public let approvalsDue: [ApprovalDue]
    /// Slots from today to the end of next month with room, and how much.
    public let emptySlots: [(slot: Slot, free: Int)]
    /// Units with reports past their due date, with the months.
    public let overdue: [(unit: UnitCode, months: [Month])]
    /// Open alerts, oldest first.
    public let alerts: [Alert]
    /// Today's early warnings, in the order `EarlyWarnings.compute` gives.
    public let warnings: [EarlyWarning]
    public let roundAnniversaries: [ObservanceDay]

    public static let approvalHorizonDays = 7
    /// How many past months are checked for overdue reports.
    public static let overdueMonthsChecked = 3
    public static let anniversaryHorizonDays = 730
    public static let anniversariesShown = 5

    /// The months whose reports `loa status` checks: the last few whose due date has passed.
    public static func overdueMonths(today: Day, plan: Plan) -> [Month] {
        var months: [Month] = []
        var m = today.monthOfYear.previous
        for _ in 0..<(overdueMonthsChecked + 1) {
            if plan.reportDueDate(for: m) < today { months.append(m) }
            m = m.previous
        }
        return Array(months.prefix(overdueMonthsChecked))
    }

    public init(workspace ws: Workspace, facts: StatusFacts, today: Day) {
        self.today = today
        let month = today.monthOfYear, next = month.next
        self.month = month
        let occupancy = SlotOccupancy(channels: ws.channels, entries: facts.entries)
        let thisMonth = ws.channels.flatMap { c in c.slots(in: month).map { Slot(channel: c.id.value,
            date: $0) } }.sorted()
        let nextMonth = ws.channels.flatMap { c in c.slots(in: next).map { Slot(channel: c.id.value,
            date: $0) } }.sorted()
        var confirmed: [Slot: Int] = [:], proposed: [Slot: Int] = [:]
        for e in facts.entries { if e.confirmed { confirmed[e.slot, default: 0] += 1 }
            else { proposed[e.slot, default: 0] += 1 } }
        slots = thisMonth.map { s in
            let state: SlotState = facts.publishedSlots.contains(s) ? .published
                : confirmed[s].map(SlotState.confirmed) ?? proposed[s].map(SlotState.proposed) ?? .empty
            return (s, state)
        }
        deliveriesThisMonth = facts.deliveriesThisMonth
        emptySlots = occupancy.withRoom((thisMonth + nextMonth).filter { $0.date >= today
            && !facts.publishedSlots.contains($0) })

        let phases = PhaseIndex(ws.plan)
        let channels = ws.channels.indexed { $0.id.value }
        let horizon = today.adding(days: Self.approvalHorizonDays)
        var due: [ApprovalDue] = []
        for item in ws.items where item.status == .review {
            for ref in item.channels {
                guard let c = channels[ref.value] else { continue }
                let slot = (c.slots(in: month) + c.slots(in: next)).first { d in
                    let deadline = c.approvalDeadline(forSlotOn: d)
                    return item.windowContains(d) && item.themes.contains { phases.isActive($0.value, on: d) }
                        && deadline >= today && deadline <= horizon
                }
                if let slot {
                    due.append(ApprovalDue(item: item.id.value, channel: ref.value, slot: slot,
                                           deadline: c.approvalDeadline(forSlotOn: slot)))
                }
            }
        }
        approvalsDue = due.sorted { ($0.deadline, $0.item, $0.channel) < ($1.deadline, $1.item, $1.channel) }

        let expectation = ReportExpectation(plan: ws.plan, firstReported: facts.firstReportedPeriod, today: today)
        var missing: [UnitCode: [Month]] = [:]
        for m in Self.overdueMonths(today: today, plan: ws.plan) {
            let received = facts.reportingUnits[m] ?? []
            for u in ws.units where expectation.isExpected(u, in: m) && !received.contains(u.code.value) {
                missing[u.code.value, default: []].append(m)
            }
        }
        overdue = missing.keys.sorted().map { ($0, missing[$0, default: []].sorted()) }
        alerts = facts.openAlerts.sorted { ($0.openedOn, $0.id) < ($1.openedOn, $1.id) }
        warnings = facts.warnings
        roundAnniversaries = Array(ObservanceDay.occurrences(of: ws.observances, from: today,
                                                             to: today.adding(days: Self.anniversaryHorizonDays))
            .filter { $0.roundness > 0 }.prefix(Self.anniversariesShown))
    }
}
