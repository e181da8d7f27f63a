import Testing
import LoaCore

/// An item of the small world, looked up by id.
func worldItem(_ w: World, _ id: String) -> Item { w.items.first { $0.id.value.rawValue == id }! }

@Suite struct ItemReviewTests {
    @Test func approvingSetsStatusDateAndApproverAndDropsAnEarlierReason() throws {
        var w = World()
        w.item("a", approved: nil, status: .review)
        var item = worldItem(w, "a")
        item.reviewNote = "thiếu ảnh"
        let edit = try #require(try ItemReview.approval(of: item, by: "  Trần Thị B ", on: day("2026-12-03")))
        #expect(edit.changes == [.init("status", .word("approved")), .init("approved", .day(day("2026-12-03"))),
                                 .init("approved_by", .text("Trần Thị B")), .init("review_note", nil)])
    }

    @Test func anApprovedItemStaysAsItIsAndAnArchivedOneIsRefused() throws {
        var w = World()
        w.item("a")
        w.item("b", approved: nil, status: .archived)
        #expect(try ItemReview.approval(of: worldItem(w, "a"), by: "B", on: day("2026-12-03")) == nil)
        #expect(throws: Failure.self) { try ItemReview.approval(of: worldItem(w, "b"), by: "B", on: day("2026-12-03")) }
        #expect(throws: Failure.self) {
            try ItemReview.approval(of: worldItem(w, "a"), by: " \n", on: day("2026-12-03"))
        }
    }

    @Test func sendingBackReturnsTheItemToDraftWithTheReasonAndWithdrawsTheApproval() throws {
        var w = World()
        w.item("a")
        let reason = "Sai số liệu\r\nkiểm tra lại\r\n"
        let edit = try #require(try ItemReview.sendingBack(worldItem(w, "a"), reason: reason))
        #expect(edit.changes == [.init("status", .word("draft")),
                                 .init("review_note", .text("Sai số liệu\nkiểm tra lại")),
                                 .init("approved", nil), .init("approved_by", nil)])
        #expect(throws: Failure.self) { try ItemReview.sendingBack(worldItem(w, "a"), reason: "   ") }
        #expect(throws: Failure.self) { try ItemReview.sendingBack(worldItem(w, "a"), reason: "a\u{1B}[2J") }
        // the same reason on a draft that already carries it changes nothing
        var draft = worldItem(w, "a")
        draft.status = .draft
        draft.approved = nil
        draft.reviewNote = "Sai số liệu"
        #expect(try ItemReview.sendingBack(draft, reason: "Sai số liệu") == nil)
    }

    @Test func aPinMustFallOnASlotDayOfTheItemsChannels() throws {
        var w = World()
        w.item("a", channels: ["news", "web"])
        let item = worldItem(w, "a")
        // news: the 15th (a Tuesday in December 2026); web: Tuesdays
        #expect(ItemReview.pinChannels(item, on: day("2026-12-15"), channels: w.channels) == ["news", "web"])
        #expect(ItemReview.pinChannels(item, on: day("2026-12-08"), channels: w.channels) == ["web"])
        #expect(try ItemReview.pinning(item, to: day("2026-12-08"), channels: w.channels)?.changes
                == [.init("pin", .day(day("2026-12-08")))])
        do {
            _ = try ItemReview.pinning(item, to: day("2026-12-09"), channels: w.channels)
            Issue.record("a pin on a day without a slot was accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == [.pinWithoutSlot(item: "a", channels: ["news", "web"],
                                                                          date: day("2026-12-09"))])
        }
        #expect(try ItemReview.pinning(item, to: nil, channels: w.channels) == nil)
        var pinned = item
        pinned.pin = L(day("2026-12-08"))
        #expect(try ItemReview.pinning(pinned, to: day("2026-12-08"), channels: w.channels) == nil)
        #expect(try ItemReview.pinning(pinned, to: nil, channels: w.channels)?.changes == [.init("pin", nil)])
    }
}

@Suite struct MonthGridTests {
    @Test func everySlotShowsItsEntriesStatesRoomAndWhetherItPassed() throws {
        var w = World()
        w.item("a")
        w.item("b", pin: "2026-12-15")
        let entries = [
            ScheduleEntry(item: "a", channel: "news", date: day("2026-12-15"), confirmed: true),
            ScheduleEntry(item: "b", channel: "news", date: day("2026-12-15"), confirmed: false),
            ScheduleEntry(item: "a", channel: "web", date: day("2026-12-01"), confirmed: true),
        ]
        let published: Set<Slot> = [Slot(channel: "web", date: day("2026-12-01"))]
        let grid = MonthGrid(workspace: w.workspace, month: Month(iso: "2026-12")!, entries: entries,
                             publishedSlots: published, today: day("2026-12-03"))
        #expect(grid.rows.count == 31 && grid.channels == ["news", "web"])
        let first = try #require(grid.rows[0].cells[1])
        #expect(first.published && first.passed && first.entries.map(\.state) == [.published])
        #expect(grid.rows[0].cells[0] == nil)
        let fifteenth = try #require(grid.rows[14].cells[0])
        #expect(fifteenth.entries.map(\.item) == ["a", "b"])
        #expect(fifteenth.entries.map(\.state) == [.confirmed, .proposed])
        #expect(fifteenth.free == 0 && fifteenth.publishable && !fifteenth.passed)
        #expect(grid.counts == [.published: 1, .confirmed: 1, .proposed: 1])
        // web on Tuesdays 8, 15, 22, 29 are open with room; the 1st has passed
        #expect(grid.emptySlots.map(\.slot.date.day) == [8, 15, 22, 29])
        #expect(grid.pins.map(\.item) == ["b"])
        #expect(grid.rows.filter(\.hasSlot).count == 5)
    }

    @Test func observancesAreMarkedOnTheirDay() {
        var w = World()
        w.observances = [Observance(uid: "tet", name: "Kỷ niệm", original: day("1946-12-19"), location: here, dates: [],
                                    yearly: true)]
        let grid = MonthGrid(workspace: w.workspace, month: Month(iso: "2026-12")!, entries: [], publishedSlots: [],
                             today: day("2026-11-01"))
        #expect(grid.rows[18].observances.map(\.anniversary) == [80])
        #expect(grid.rows[18].observances.first?.roundness == 10)
        #expect(grid.rows.filter { !$0.observances.isEmpty }.count == 1)
    }
}

@Suite struct CompletenessTests {
    func unit(_ code: String, cluster: String? = nil, joined: String? = nil, left: String? = nil) -> UnionUnit {
        UnionUnit(code: L(UnitCode(code)), name: code.uppercased(), cluster: cluster, members: 10, email: nil,
                  joined: joined.map(day), left: left.map(day))
    }

    @Test func eachCellIsOnTimeLateMissingPendingOrNotExpected() {
        let plan = World().workspace.plan  // reports are due 5 days after the month
        let units = [unit("a"), unit("b", joined: "2026-11-10"), unit("c", left: "2026-09-30")]
        let months = Month.range(Month(iso: "2026-10")!, Month(iso: "2026-11")!)
        let submissions: [UnitCode: [Month: Day]] = ["a": [months[0]: day("2026-11-05"), months[1]: day("2026-12-07")]]
        let grid = Completeness(units: units, months: months, submissions: submissions, plan: plan,
                                today: day("2026-12-03"), expectation: ReportExpectation(start: months[0]))
        #expect(grid.rows[0].cells == [.expected(.onTime(submitted: day("2026-11-05"))),
                                       .expected(.late(submitted: day("2026-12-07")))])
        #expect(grid.rows[1].cells == [.notExpected, .expected(.missing(due: day("2026-12-05"), overdue: false))])
        #expect(grid.rows[2].cells == [.notExpected, .notExpected])
        #expect(grid.totals[0].expected == 1 && grid.totals[0].onTime == 1 && grid.totals[0].received == 1)
        #expect(grid.totals[1].expected == 2 && grid.totals[1].late == 1 && grid.totals[1].pending == 1)
        #expect(grid.totals[1].rate == 0.5 && grid.totals[1].timeliness == 0)
        #expect(grid.missing(in: months[1]).map(\.code.value) == ["b"])
        // a week later b's report is overdue
        let later = Completeness(units: units, months: months, submissions: submissions, plan: plan,
                                 today: day("2026-12-10"), expectation: ReportExpectation(start: months[0]))
        #expect(later.rows[1].cells[1] == .expected(.missing(due: day("2026-12-05"), overdue: true)))
        #expect(later.totals[1].overdue == 1)
    }

    @Test func monthsBeforeTrackingBeganAreNotExpected() {
        let grid = Completeness(units: [unit("a")], months: Month.range(Month(iso: "2026-09")!, Month(iso: "2026-10")!),
                                submissions: [:], plan: World().workspace.plan, today: day("2026-12-03"),
                                expectation: ReportExpectation(start: Month(iso: "2026-10")!))
        #expect(grid.rows[0].cells[0] == .notExpected)
        #expect(grid.totals.map(\.expected) == [0, 1])
    }

    @Test func theDefaultViewEndsWithTheLastMonthDueAndStartsNoEarlierThanTracking() {
        func months(_ start: String) -> [String] {
            Completeness.defaultMonths(today: day("2026-12-03"),
                                       expectation: ReportExpectation(start: Month(iso: start)!)).map(\.iso)
        }
        #expect(months("2020-01") == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(months("2026-10") == ["2026-10", "2026-11"])
        #expect(months("2027-05") == ["2026-11"])
        #expect(Completeness.clusters(of: [unit("a", cluster: "y"), unit("b", cluster: "x"), unit("c"),
                                           unit("d", cluster: "x")]) == ["x", "y"])
    }
}

@Suite struct FourEyesTests {
    func written(_ body: String, author: String? = "Nguyễn Thị Hoa") -> Item {
        var w = World()
        w.item("a", approved: nil, status: .review)
        var item = worldItem(w, "a")
        item.body = body
        item.author = author
        return item
    }

    @Test func theWriterCannotApproveUnlessThePlanSaysSelf() throws {
        let item = written("Nội dung.")
        #expect(throws: Failure.self) { try ItemReview.approval(of: item, by: " nguyễn  THỊ hoa", on: day("2026-12-03")) }
        // whoever created or edited it, as the audit history says
        #expect(throws: Failure.self) {
            try ItemReview.approval(of: written("x", author: nil), by: "binh", on: day("2026-12-03"), writers: ["binh"])
        }
        #expect(try ItemReview.approval(of: item, by: "Nguyễn Thị Hoa", on: day("2026-12-03"), policy: .ownItems)
                != nil)
        #expect(try ItemReview.approval(of: item, by: "Trần Văn Bình", on: day("2026-12-03"), writers: ["binh"])
                != nil)
    }

    @Test func thePlaceholderCannotBeApprovedWhateverThePolicy() throws {
        for body in ["\nViết nội dung bài ở đây (Markdown).\n", "Write the item's body here (Markdown)."] {
            #expect(CommandText.newItemBody.phrase.en == "Write the item's body here (Markdown).")
            let item = written(body)
            #expect(throws: Failure.self) {
                try ItemReview.approval(of: item, by: "Trần Văn Bình", on: day("2026-12-03"), policy: .ownItems)
            }
        }
        #expect(try ItemReview.approval(of: written("Viết nội dung bài ở đây (Markdown). Và thêm."),
                                        by: "Trần Văn Bình", on: day("2026-12-03")) != nil)
    }

    @Test func rewritingAnApprovedItemWithdrawsItsApproval() throws {
        var w = World()
        w.item("a")
        let item = worldItem(w, "a")
        let same = try ItemReview.rewriting(item, title: item.title, themes: item.themeRefs.map(\.description),
                                            channels: item.channels.map(\.value.rawValue),
                                            audiences: item.audiences.map(\.value.rawValue),
                                            summary: item.summary ?? "", body: item.body)
        #expect(same == nil)
        let edit = try #require(try ItemReview.rewriting(item, title: "Mới", themes: item.themeRefs.map(\.description),
                                                         channels: item.channels.map(\.value.rawValue),
                                                         audiences: [], summary: item.summary ?? "", body: "Khác"))
        #expect(edit.changes.contains(.init("status", .word("review"))) && edit.changes.contains(.init("approved", nil)))
        #expect(edit.body == "Khác")
    }
}
