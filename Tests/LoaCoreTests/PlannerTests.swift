import Testing
import LoaCore

let here = SourceLocation(path: "t", line: 1, column: 1)
func L<T>(_ v: T) -> Located<T> { Located(v, at: here) }
func day(_ s: String) -> Day { Day(iso: s)! }

/// A small world: one project with one phase open through 2027, a few channels.
struct World {
    var channels: [Channel] = [
        Channel(id: L("news"), name: "News", kind: .newsletter, every: .month, on: [L(15)], skipWeekends: true,
                capacity: 2, leadDays: 7, audiences: [], units: .all),
        Channel(id: L("web"), name: "Web", kind: .website, every: .week, on: [L(2)], skipWeekends: false,
                capacity: 1, leadDays: 0, audiences: [], units: .all),
    ]
    var items: [Item] = []
    var observances: [Observance] = []
    var phaseTo = day("2027-12-31")

    mutating func item(_ id: String, channels: [String] = ["news"], approved: String? = "2026-11-01", themes: [String] = ["p/1/a"],
                       status: ItemStatus = .approved, notBefore: String? = nil, notAfter: String? = nil,
                       observance: String? = nil, pin: String? = nil) {
        items.append(Item(id: L(ItemID(id)), path: "\(id).md", title: id.uppercased(),
                          themes: themes.compactMap { ThemeRef(parsing: $0).map(L) }, channels: channels.map { L(ChannelID($0)) },
                          audiences: [], status: status, approved: approved.map { L(day($0)) }, author: nil, approvedBy: nil,
                          notBefore: notBefore.map { L(day($0)) }, notAfter: notAfter.map { L(day($0)) },
                          observance: observance.map { L(ObservanceID($0)) }, pin: pin.map { L(day($0)) }, summary: nil, body: ""))
    }

    var workspace: Workspace {
        let themes = ["a", "b", "c"].map { Theme(id: L(ThemeID($0)), title: $0, source: nil, audiences: []) }
        let later = Phase(id: L("2"), name: "later", from: L(day("2028-01-01")), to: nil, themes: [Theme(id: L("z"), title: "z", source: nil, audiences: [])])
        let plan = Plan(id: "p", title: "P", issuer: "Issuer", parentIssuer: nil, place: "Place", issuerCode: nil, reportDueDays: 5,
                        audiences: [], projects: [Project(id: L("p"), name: "P", short: "P",
                                                          phases: [Phase(id: L("1"), name: "one", from: L(day("2025-01-01")), to: L(phaseTo), themes: themes), later])],
                        targets: [])
        return Workspace(plan: plan, channels: channels, units: [], items: items, observances: observances)
    }

    func plan(_ month: String = "2026-12", today: String = "2026-11-23", existing: [ScheduleEntry] = [],
              elsewhere: [ScheduleEntry] = [], published: [Publication] = []) throws(Failure) -> Schedule {
        try Planner.plan(PlanningInput(workspace: workspace, month: Month(iso: month)!, today: day(today), existing: existing,
                                       confirmedElsewhere: elsewhere, published: published))
    }
}

func placements(_ s: Schedule) -> [String] { s.entries.map { "\($0.item)@\($0.channel)@\($0.date.iso)" } }

@Suite struct SlotTests {
    @Test func weekendSlotsMoveToTheFridayBefore() {
        let c = Channel(id: L("c"), name: "c", kind: .newsletter, every: .month, on: [L(1), L(13)], skipWeekends: true,
                        capacity: 1, leadDays: 0, audiences: [], units: .all)
        // 2026-12-13 is a Sunday -> Friday 11th; 2027-01-01 is a Friday (stays); 2026-08-01 is a Saturday -> 2026-07-31
        #expect(c.slots(in: Month(iso: "2026-12")!).map(\.iso) == ["2026-12-01", "2026-12-11"])
        #expect(c.slots(in: Month(iso: "2026-07")!).map(\.iso) == ["2026-07-01", "2026-07-13", "2026-07-31"])
        #expect(c.slots(in: Month(iso: "2026-08")!).map(\.iso) == ["2026-08-13"])
    }

    @Test func weeklySlotsFallOnTheirWeekdays() {
        let c = Channel(id: L("c"), name: "c", kind: .website, every: .week, on: [L(2)], skipWeekends: false,
                        capacity: 1, leadDays: 0, audiences: [], units: .all)
        #expect(c.slots(in: Month(iso: "2026-12")!).map(\.day) == [1, 8, 15, 22, 29])
    }
}

@Suite struct PlannerRuleTests {
    @Test func rule1AnItemGoesOnlyToChannelsItLists() throws {
        var w = World(); w.item("a", channels: ["news"])
        let s = try w.plan()
        #expect(placements(s) == ["a@news@2026-12-15"])
    }

    @Test func rule2OnlyApprovedItemsWithEnoughLeadTime() throws {
        var w = World()
        w.item("late", approved: "2026-12-09")     // 15 Dec − 7 = 8 Dec: too late
        w.item("ontime", approved: "2026-12-08")
        w.item("draft", approved: nil, status: .review)
        let s = try w.plan()
        #expect(placements(s) == ["ontime@news@2026-12-15"])
    }

    @Test func rule3WindowAndActivePhase() throws {
        var w = World()
        w.item("before", channels: ["web"], notBefore: "2026-12-10")
        w.item("after", channels: ["web"], notAfter: "2026-12-07")
        w.item("future-phase", channels: ["web"], themes: ["p/2/z"])
        let s = try w.plan()
        #expect(placements(s) == ["after@web@2026-12-01", "before@web@2026-12-15"])
    }

    @Test func rule4NoSlotHoldsMoreThanItsCapacity() throws {
        var w = World()
        for i in 0..<5 { w.item("i\(i)") }
        let s = try w.plan()
        // one news slot (15 Dec) of capacity 2: two items in it, three left out, and no room left
        #expect(s.entries.filter { $0.channel == "news" }.map(\.date.iso) == ["2026-12-15", "2026-12-15"])
        #expect(s.emptySlots.contains { $0.slot.channel == "news" } == false)
        #expect(s.occupancy.count(Slot(channel: "news", date: day("2026-12-15"))) == 2)
    }

    @Test func aPinnedItemThatIsNotApprovedStopsThePlanNamingRule2() throws {
        for status in [ItemStatus.draft, .review] {
            var w = World()
            w.item("pinned-draft", approved: nil, status: status, pin: "2026-12-15")
            do {
                _ = try w.plan()
                Issue.record("a pinned \(status) item was dropped silently")
            } catch {
                #expect(error.diagnostics.count == 1)
                #expect(error.diagnostics[0].message.text(.en).contains("pinned-draft"))
                #expect(error.diagnostics[0].message.text(.en).contains("rule 2"))
            }
        }
    }

    @Test func nothingNewGoesIntoASlotDatedBeforeToday() throws {
        var w = World()
        for i in 0..<3 { w.item("w\(i)", channels: ["web"]) }
        // web slots on Tuesdays: 1, 8, 15, 22, 29 December; planning on 10 December leaves 1 and 8 alone
        let s = try w.plan(today: "2026-12-10")
        #expect(placements(s) == ["w0@web@2026-12-15", "w1@web@2026-12-22", "w2@web@2026-12-29"])
        #expect(s.passedSlots.map(\.date.iso) == ["2026-12-01", "2026-12-08"])
        #expect(s.emptySlots.allSatisfy { $0.slot.date >= day("2026-12-10") })
        // a confirmed entry in a passed slot stays where it is
        let kept = ScheduleEntry(item: "w0", channel: "web", date: day("2026-12-01"), confirmed: true)
        #expect(placements(try w.plan(today: "2026-12-10", existing: [kept])).first == "w0@web@2026-12-01")
        // a pin on a passed date is an error, not a silent drop
        var p = World()
        p.item("late-pin", channels: ["web"], pin: "2026-12-08")
        #expect(throws: Failure.self) { try p.plan(today: "2026-12-10") }
    }

    @Test func rule5OncePerChannelAndNeverAgainAfterPublicationOrConfirmation() throws {
        var w = World()
        w.item("pub", channels: ["web"])
        w.item("conf", channels: ["web"])
        w.item("fresh", channels: ["web"])
        let s = try w.plan(elsewhere: [ScheduleEntry(item: "conf", channel: "web", date: day("2026-11-03"), confirmed: true)],
                           published: [Publication(item: "pub", channel: "web", date: day("2026-10-06"))])
        #expect(placements(s) == ["fresh@web@2026-12-01"])
    }

    @Test func rule6ObservanceItemsTakeTheLatestSlotInTheirWindow() throws {
        var w = World()
        w.observances = [Observance(uid: "obs", name: "Obs", original: day("1946-12-19"), location: here, dates: [], yearly: true)]
        w.item("tied", channels: ["web"], observance: "obs")
        w.item("plain", channels: ["web"])
        let s = try w.plan()
        // web slots: 1, 8, 15, 22, 29; the latest on or before the 19th is the 15th
        #expect(placements(s).contains("tied@web@2026-12-15"))
        #expect(placements(s).contains("plain@web@2026-12-01"))
        // an observance early next month: a qualifying slot next month makes the item wait
        var w2 = World()
        w2.observances = [Observance(uid: "obs", name: "Obs", original: day("2000-01-06"), location: here, dates: [], yearly: true)]
        w2.item("tied", channels: ["web"], observance: "obs")
        let s2 = try w2.plan()
        #expect(s2.entries.isEmpty)
        #expect(try w2.plan("2027-01").entries.map(\.date.iso) == ["2027-01-05"])
    }

    @Test func rule6AnObservanceItemWithNoQualifyingSlotWaitsAndIsListed() throws {
        var w = World()
        w.observances = [Observance(uid: "obs", name: "Obs", original: day("1946-12-19"), location: here, dates: [], yearly: true)]
        w.item("tied", channels: ["news"], approved: "2026-12-14", observance: "obs")   // lead time misses the only slot
        let s = try w.plan()
        #expect(s.entries.isEmpty)
        #expect(s.waiting.map(\.item) == ["tied"])
    }

    @Test func rule7PinsGoFirstAndABadPinIsAnErrorNamingTheRule() throws {
        var w = World()
        w.channels[0] = Channel(id: L("news"), name: "News", kind: .newsletter, every: .month, on: [L(15)], skipWeekends: true,
                                capacity: 1, leadDays: 7, audiences: [], units: .all)
        w.item("aaa")
        w.item("pinned", approved: "2026-11-20", pin: "2026-12-15")
        #expect(placements(try w.plan()) == ["pinned@news@2026-12-15"])
        // a pin outside the month is neither placed nor checked
        #expect(placements(try w.plan("2027-01")).contains { $0.hasPrefix("pinned") } == false)
        var bad = World()
        bad.item("nodate", pin: "2026-12-16")
        do { _ = try bad.plan(); Issue.record("no error") } catch {
            #expect(error.diagnostics[0].message.text(.en).contains("rule 7"))
            #expect(error.diagnostics[0].message.text(.en).contains("nodate"))
        }
        var late = World()
        late.item("late", approved: "2026-12-12", pin: "2026-12-15")
        do { _ = try late.plan(); Issue.record("no error") } catch {
            #expect(error.diagnostics[0].message.text(.en).contains("rule 2"))
        }
    }

    @Test func rule8StalenessThenRoundAnniversariesThenApprovalThenId() throws {
        var w = World()
        w.channels = [Channel(id: L("web"), name: "Web", kind: .website, every: .week, on: [L(2)], skipWeekends: false,
                              capacity: 1, leadDays: 0, audiences: [], units: .all)]
        w.item("b-recent", channels: ["web"], approved: "2026-10-01", themes: ["p/1/a"])
        w.item("a-stale", channels: ["web"], approved: "2026-11-01", themes: ["p/1/b"])
        w.item("c-never", channels: ["web"], approved: "2026-11-02", themes: ["p/1/c"])
        w.item("d-never-older", channels: ["web"], approved: "2026-10-30", themes: ["p/1/c"])
        w.item("e-never-older", channels: ["web"], approved: "2026-10-30", themes: ["p/1/c"])
        w.item("x", channels: ["web"], approved: "2026-10-30", themes: ["p/1/a"])
        let published = [Publication(item: "x", channel: "news", date: day("2026-11-17")),
                         Publication(item: "old", channel: "news", date: day("2026-09-15"))]
        w.items.append(Item(id: L("old"), path: "", title: "", themes: [L(ThemeRef(parsing: "p/1/b")!)], channels: [], audiences: [], status: .archived,
                            approved: nil, author: nil, approvedBy: nil, notBefore: nil, notAfter: nil, observance: nil, pin: nil, summary: nil, body: ""))
        let s = try w.plan(published: published)
        // never covered (c) first, by approval date then id; then theme b (last 2026-09-15); then theme a
        // (2026-11-17) by older approval, which leaves x without a slot
        #expect(s.entries.map(\.item) == ["d-never-older", "e-never-older", "c-never", "a-stale", "b-recent"])
        // round anniversaries rank observance items
        var r = World()
        r.observances = [Observance(uid: "eighty", name: "", original: day("1946-12-19"), location: here, dates: [], yearly: true),
                         Observance(uid: "plain", name: "", original: day("1947-12-19"), location: here, dates: [], yearly: true)]
        r.channels[0] = Channel(id: L("news"), name: "News", kind: .newsletter, every: .month, on: [L(15)], skipWeekends: true,
                                capacity: 1, leadDays: 7, audiences: [], units: .all)
        r.item("a-plain", approved: "2026-10-01", observance: "plain")
        r.item("z-eighty", approved: "2026-11-01", observance: "eighty")
        #expect(try r.plan().entries.map(\.item) == ["z-eighty"])
    }

    @Test func confirmedEntriesAreKeptAndCountAgainstCapacity() throws {
        var w = World()
        w.item("a", channels: ["web"])
        w.item("b", channels: ["web"])
        let kept = ScheduleEntry(item: "b", channel: "web", date: day("2026-12-29"), confirmed: true)
        let dropped = ScheduleEntry(item: "a", channel: "web", date: day("2026-12-22"), confirmed: false)
        let s = try w.plan(existing: [kept, dropped])
        #expect(placements(s) == ["a@web@2026-12-01", "b@web@2026-12-29"])
        #expect(s.entries.last?.confirmed == true)
    }

    @Test func theResultDoesNotDependOnFileOrder() throws {
        var w = World()
        for i in 0..<12 { w.item("i\(i)", channels: ["news", "web"], approved: "2026-11-0\(i % 9 + 1)") }
        let a = try w.plan()
        w.items.reverse()
        let b = try w.plan()
        #expect(a.entries == b.entries)
    }
}
