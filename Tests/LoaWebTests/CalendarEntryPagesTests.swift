import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// The month grid's changes to one entry at a time, pins offered only where they keep every rule, and publishing
/// that asks first (SPEC §9.7), over real HTTP on loopback against a copy of the shipped workspace.
@Suite(.serialized) struct CalendarEntryPagesTests {
    static let december = Month(iso: "2026-12")!

    /// The month proposed by the officer, and its entries.
    func proposed(_ f: WebFixture, _ b: Browser) throws -> [ScheduleEntry] {
        try b.get("/calendar/2026-12")
        #expect(try b.post("/calendar/2026-12/propose", []).status == 303)
        return try Calendars.entries(of: Self.december, in: f.paths)
    }

    func fields(_ e: ScheduleEntry) -> [(String, String)] {
        [("item", e.item.rawValue), ("channel", e.channel.rawValue), ("date", e.date.iso)]
    }

    func entry(_ f: WebFixture, _ e: ScheduleEntry) throws -> ScheduleEntry? {
        try Calendars.entries(of: Self.december, in: f.paths).first { $0.item == e.item && $0.slot == e.slot }
    }

    /// The calendar as `CalendarEditing` (the door `loa calendar` uses) writes it after the same change.
    func expectedBytes(_ f: WebFixture, _ entries: [ScheduleEntry]) throws -> [UInt8] {
        ScheduleCalendar.write(entries: entries, month: Self.december, workspace: try f.workspace, today: f.today,
                               language: .vi)
    }

    @Test func anOfficerConfirmsUnconfirmsMovesAndRemovesOneEntryAtATime() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        let entries = try proposed(f, b)
        let rules = try CalendarEditing.rules(Self.december, workspace: try f.workspace, session: f.session)
        let target = try #require(entries.first { !rules.moveTargets($0).isEmpty && $0.date >= f.today })
        let other = try #require(entries.first { $0 != target && $0.date >= f.today })
        let page = try b.get("/calendar/2026-12")
        // the grid: weeks of seven days, Monday first, each entry with its channel's name and its state in words
        #expect(page.text.contains("<table class=\"month\"><thead><tr><th scope=\"col\">Thứ Hai</th>"))
        #expect(page.text.contains("data-item=\"\(target.item)\""))
        #expect(page.text.contains("<span class=\"badge proposed\">đề xuất</span>"))
        #expect(page.text.contains("action=\"/calendar/2026-12/entries/confirm\""))

        // confirm one entry: only it changes
        var r = try b.post("/calendar/2026-12/entries/confirm", fields(target))
        #expect(r.status == 303 && r.header("Location") == "/calendar/2026-12?done=entryConfirmed")
        var now = entries.map { $0 == target ? ScheduleEntry(item: $0.item, channel: $0.channel, date: $0.date,
                                                             confirmed: true) : $0 }
        #expect(try f.file("calendars/2026-12.ics") == (try expectedBytes(f, now)))
        #expect(try entry(f, other)?.confirmed == false)
        #expect(try b.get("/calendar/2026-12?done=entryConfirmed").text.contains("Đã xác nhận bài trên lịch."))

        // unconfirm it
        r = try b.post("/calendar/2026-12/entries/unconfirm", fields(target))
        #expect(r.header("Location") == "/calendar/2026-12?done=entryUnconfirmed")
        #expect(try f.file("calendars/2026-12.ics") == (try expectedBytes(f, entries)))

        // move it to a day the page offers
        try b.get("/calendar/2026-12")
        let to = try #require(rules.moveTargets(target).first)
        #expect(b.lastPage.contains("<option value=\"\(to.iso)\">"))
        r = try b.post("/calendar/2026-12/entries/move", fields(target) + [("to", to.iso)])
        #expect(r.header("Location") == "/calendar/2026-12?done=entryMoved")
        let moved = ScheduleEntry(item: target.item, channel: target.channel, date: to, confirmed: false)
        now = (entries.filter { $0 != target } + [moved]).sorted()
        #expect(try f.file("calendars/2026-12.ics") == (try expectedBytes(f, now)))

        // remove another one
        try b.get("/calendar/2026-12")
        r = try b.post("/calendar/2026-12/entries/remove", fields(other))
        #expect(r.header("Location") == "/calendar/2026-12?done=entryRemoved")
        now = now.filter { $0 != other }
        #expect(try f.file("calendars/2026-12.ics") == (try expectedBytes(f, now)))

        let audit = try f.read { try $0.auditHistory(subject: "calendar 2026-12") }.filter { $0.actor == .user("binh") }
        #expect(audit.map(\.action) == [.monthProposed, .entryConfirmed, .entryUnconfirmed, .entryMoved, .entryRemoved])
        #expect(audit.map(\.command).dropFirst() == ["calendar confirm", "calendar unconfirm", "calendar move",
                                                     "calendar remove"])
    }

    @Test func aMoveThatBreaksARuleIsRefusedInASentenceAndChangesNothing() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        // the website's issue of 22 December holds two items, as many as it takes
        let full = Slot(channel: "website", date: Day(iso: "2026-12-22")!)
        // and the digital signature item waits for the website a week later
        let target = ScheduleEntry(item: "cds-chu-ky-so", channel: "website", date: Day(iso: "2026-12-29")!,
                                   confirmed: false)
        let entries = try proposed(f, b) + ["bao-tang-vi-sao-can-xay", "ho-tay-vi-sao-nang-cap"].map {
            ScheduleEntry(item: ItemID($0), channel: full.channel, date: full.date, confirmed: true)
        } + [target]
        try FileManager.default.removeItem(atPath: f.paths.calendar(Self.december))
        try Data(try expectedBytes(f, entries.sorted())).write(to: URL(fileURLWithPath: f.paths.calendar(Self.december)))
        let before = try f.file("calendars/2026-12.ics")
        let rules = try CalendarEditing.rules(Self.december, workspace: try f.workspace, session: f.session)
        #expect(!rules.moveTargets(target).contains(full.date))
        // the rule said in words, never by number, no file named
        try b.get("/calendar/2026-12")
        let r = try b.post("/calendar/2026-12/entries/move", fields(target) + [("to", full.date.iso)])
        #expect(r.status == 422)
        // (it was on the website in November, and that issue is full anyway)
        #expect(r.text.contains("<li>Không đổi được lịch. Mỗi bài chỉ lên một kênh một lần"))
        #expect(!r.text.contains("quy tắc") && !r.text.contains(".ics"))
        #expect(try f.file("calendars/2026-12.ics") == before)
        // a day the channel has no issue on
        let noSlot = try b.post("/calendar/2026-12/entries/move", fields(target) + [("to", "2026-12-13")])
        #expect(noSlot.status == 422 && noSlot.text.contains("Ngày chọn phải là ngày phát hành của một kênh của bài."))
        // an entry that is not there
        let missing = try b.post("/calendar/2026-12/entries/confirm",
                                 [("item", "khong-co"), ("channel", "ban-tin"), ("date", "2026-12-15")])
        #expect(missing.status == 422 && missing.text.contains("Lịch tháng không có bài này ở kỳ đó"))
        #expect(try f.file("calendars/2026-12.ics") == before)
        #expect(try f.read { try $0.auditHistory(subject: "calendar 2026-12") }.count == 1)
    }

    @Test func entryChangesNeedAnOfficerTheFormsTokenAndRecordOncePerKey() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        let entries = try proposed(f, b)
        let target = try #require(entries.first { $0.date >= f.today })
        let before = try f.file("calendars/2026-12.ics")
        let leader = try f.userBrowser("lan", role: .leader)
        try leader.get("/calendar/2026-12")
        // a leader sees the states, and no button
        #expect(!leader.lastPage.contains("/entries/") && leader.lastPage.contains("badge proposed"))
        for path in ["confirm", "unconfirm", "move", "remove"] {
            let to = [("to", "2026-12-22")]
            #expect(try leader.post("/calendar/2026-12/entries/" + path, fields(target) + to).status == 403)
            #expect(try b.post("/calendar/2026-12/entries/" + path, fields(target) + to, csrf: .some(nil)).status
                    == 403)
            #expect(try b.post("/calendar/2026-12/entries/" + path, fields(target) + to, csrf: .some("forged"))
                .status == 403)
        }
        #expect(try f.file("calendars/2026-12.ics") == before)
        // the same form sent twice with one key confirms once and answers the same
        try b.get("/calendar/2026-12")
        let key = try #require(b.formKey(for: "/calendar/2026-12/entries/confirm"))
        let first = try b.post("/calendar/2026-12/entries/confirm", fields(target), key: .some(key))
        let confirmed = try f.file("calendars/2026-12.ics")
        try b.post("/calendar/2026-12/entries/unconfirm", fields(target))
        let second = try b.post("/calendar/2026-12/entries/confirm", fields(target), key: .some(key))
        #expect(first.status == 303 && second.header("Location") == first.header("Location"))
        #expect(try f.file("calendars/2026-12.ics") == before, "the resent confirm recorded again")
        #expect(confirmed != before)
        let actions = try f.read { try $0.auditHistory(subject: "calendar 2026-12") }.map(\.action)
        #expect(actions == [.monthProposed, .entryConfirmed, .entryUnconfirmed])
    }

    @Test func confirmingOneEntryIsTheConsentPublishDueActsOn() throws {
        let f = try WebFixture(today: "2026-12-15")
        let b = try f.userBrowser("binh", role: .officer)
        let entries = try proposed(f, b)
        // an entry on today's slot: due once confirmed, not before
        let today = try #require(entries.first { $0.date == f.today })
        #expect(try Scheduling.due(session: f.session).slots.isEmpty)
        try b.get("/calendar/2026-12")
        #expect(try b.post("/calendar/2026-12/entries/confirm", fields(today)).status == 303)
        #expect(try Scheduling.due(session: f.session).slots == [today.slot])
        try b.get("/calendar/2026-12")
        #expect(try b.post("/calendar/2026-12/entries/unconfirm", fields(today)).status == 303)
        #expect(try Scheduling.due(session: f.session).slots.isEmpty)
    }

    @Test func thePinListOffersOnlyDaysThatKeepEveryRuleAndARefusedPinIsSaidInASentence() throws {
        // a week later: an item approved today is too late for the newsletter of the 15th (7 days ahead)
        let f = try WebFixture(today: "2026-12-10")
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/ho-tay-tien-do")
        #expect(try b.post("/items/ho-tay-tien-do/approve", []).status == 303)
        let page = try b.get("/calendar/2026-12")
        let options = page.text.matches(of: /<option value="([a-z0-9-]+) ([0-9-]+)">/).map {
            (ItemID(String($0.output.1)), Day(iso: String($0.output.2))!)
        }
        #expect(!options.isEmpty)
        let ws = try f.workspace
        let rules = try CalendarEditing.rules(Self.december, workspace: ws, session: f.session)
        for (id, day) in options {
            let item = try #require(ws.items.first { $0.id.value == id })
            #expect(!ItemReview.pinChannels(item, on: day, channels: ws.channels).isEmpty, "\(id) \(day)")
            #expect(rules.pinRule(item, day) == nil && day >= f.today, "\(id) \(day)")
        }
        // every approved item's every other slot day of its channels is left out for a reason
        #expect(!options.contains { $0.0 == "ho-tay-tien-do" })
        let refused = try b.post("/calendar/2026-12/pin", [("choice", "ho-tay-tien-do 2026-12-15")])
        #expect(refused.status == 422)
        #expect(refused.text.contains("Bài phải được duyệt trước ngày phát hành ít nhất 7 ngày."))
        #expect(!refused.text.contains("quy tắc"))
        #expect(!(try f.text("content/items/ho-tay/ho-tay-tien-do.md")).contains("pin:"))
        // an offered choice pins, as `loa item pin` writes it
        let (id, day) = try #require(options.first)
        try b.get("/calendar/2026-12")
        let r = try b.post("/calendar/2026-12/pin", [("choice", "\(id) \(day.iso)")])
        #expect(r.status == 303 && r.header("Location") == "/calendar/2026-12?done=pinned")
        let item = try #require(try f.workspace.items.first { $0.id.value == id })
        #expect(item.pin?.value == day)
        // and the month plans with it
        try b.get("/calendar/2026-12")
        #expect(try b.post("/calendar/2026-12/propose", []).status == 303)
        #expect(try Calendars.entries(of: Self.december, in: f.paths).contains { $0.item == id && $0.date == day })
    }

    @Test func theItemPageOffersOnlyTheDaysTheCalendarWouldAndNoneBeforeApproval() throws {
        let f = try WebFixture(today: "2026-12-10")
        let b = try f.userBrowser("binh", role: .officer)
        // a draft: no day is offered, a sentence says why
        let draft = try b.get("/items/cds-mo-hinh-hay")
        #expect(draft.text.contains("Chỉ ghim được bài đã duyệt"))
        #expect(!draft.text.contains("name=\"date\""))
        try b.get("/items/ho-tay-tien-do")
        #expect(try b.post("/items/ho-tay-tien-do/approve", []).status == 303)
        let page = try b.get("/items/ho-tay-tien-do")
        let offered = page.text.matches(of: /<option value="([0-9]{4}-[0-9]{2}-[0-9]{2})"/).map {
            Day(iso: String($0.output.1))!
        }
        // the same days as the calendar's rules, this month and the next two, from today on
        let ws = try f.workspace
        let item = try #require(ws.items.first { $0.id.value == "ho-tay-tien-do" })
        var expected: [Day] = []
        for month in [Self.december, Self.december.next, Self.december.adding(months: 2)] {
            let rules = try CalendarEditing.rules(month, workspace: ws, session: f.session)
            expected += rules.pinDays(item).filter { $0 >= f.today }
        }
        #expect(!offered.isEmpty && offered == expected)
        #expect(!offered.contains(Day(iso: "2026-12-15")!), "too late for the newsletter of the 15th")
    }

    @Test func anApprovalTooLateForAPinnedDayIsMarkedOnTheGrid() throws {
        let f = try WebFixture(today: "2026-12-10", before: { paths in
            let file = paths.root + "/content/items/ho-tay/ho-tay-tien-do.md"
            let text = try String(contentsOfFile: file, encoding: .utf8)
            try text.replacingOccurrences(of: "status: review\n", with: "status: review\npin: 2026-12-15\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
        })
        let b = try f.userBrowser("lan", role: .leader)
        let page = try b.get("/calendar/2026-12")
        #expect(page.text.contains("<span class=\"badge overdue\">quá hạn duyệt</span>"))
        #expect(page.text.contains("Quá hạn duyệt: «Tiến độ thi công Nhà khách Hồ Tây» lẽ ra phải được duyệt trước "
                                   + "08/12/2026 để lên kỳ này."))
    }

    @Test func publishingAsksFirstAndAnIssueCanBeTakenBackUntilADeliveryLeaves() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        _ = try proposed(f, b)
        #expect(try b.post("/calendar/2026-12/confirm", []).status == 303)
        let slot = Slot(channel: "ban-tin", date: Day(iso: "2026-12-15")!)
        let issue = "/issues/ban-tin/2026-12-15"
        // the issue page's button only opens the question; the question records nothing
        #expect(try b.get(issue).text.contains("<a class=\"button\" href=\"\(issue)/publish\">Phát hành số này</a>"))
        let ask = try b.get(issue + "/publish")
        let units = try f.workspace.channels.first { $0.id.value == "ban-tin" }!
            .receivingUnits(try f.workspace.units, on: slot.date)
        #expect(ask.status == 200 && ask.text.contains("<h1>Phát hành số này?</h1>"))
        #expect(ask.text.contains("gửi tới \(units.count) đơn vị"))
        let addressed = units.filter { $0.email.map(isMailAddress) ?? false }.count
        #expect(addressed < units.count)
        #expect(ask.text.contains("<li>\(addressed) thư điện tử, mỗi đơn vị một thư</li>"))
        #expect(ask.text.contains("<li>\(units.count - addressed) đơn vị chưa có địa chỉ thư điện tử"))
        #expect(ask.text.contains(units[0].name))
        #expect(ask.text.contains("action=\"\(issue)/publish\"") && ask.text.contains("href=\"\(issue)\">Thôi"))
        #expect(try !f.read { try $0.isPublished(slot) })
        // a leader may not even see the question
        let leader = try f.userBrowser("lan", role: .leader)
        #expect(try leader.get(issue + "/publish").status == 403)
        // the confirm button publishes
        let r = try b.post(issue + "/publish", [])
        #expect(r.status == 303 && r.header("Location") == issue + "?done=published")
        #expect(try f.read { try $0.isPublished(slot) })
        // each delivery's state in words; nothing left the machine, so it can be taken back
        let page = try b.get(issue)
        #expect(page.text.contains("<h2 class=\"noprint\">Tình hình gửi</h2>"))
        #expect(page.text.contains("<span class=\"badge pending\">chờ gửi</span>"))
        #expect(page.text.contains("href=\"\(issue)/unpublish\">Thu hồi số này</a>"))
        let question = try b.get(issue + "/unpublish")
        #expect(question.text.contains("<h1>Thu hồi số này?</h1>"))
        #expect(try f.read { try $0.isPublished(slot) })
        let back = try b.post(issue + "/unpublish", [])
        #expect(back.status == 303 && back.header("Location") == issue + "?done=unpublished")
        #expect(try !f.read { try $0.isPublished(slot) })
        #expect(!f.exists("out/issues/ban-tin/2026-12-15.html"))
        let audit = try f.read { try $0.auditHistory() }.filter { $0.actor == .user("binh") }.map(\.command)
        #expect(audit.suffix(2) == ["publish", "unpublish"])
    }

    @Test func anIssueWithADeliveryThatLeftSaysWhyItCannotBeTakenBackAndRetriesAFailedOne() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        // November's newsletter: its e-mails wait; one unit confirms receiving it
        let slot = try #require(try f.read { try $0.publications() }.first { $0.channel == "ban-tin" }
            .map { Slot(channel: $0.channel, date: $0.date) })
        let issue = "/issues/\(slot.channel)/\(slot.date.iso)"
        let unit = try #require(try Delivering.states(of: slot, session: f.session).first { $0.state == .pending }?.unit)
        _ = try Receipts.confirm(unit: unit, issue: slot, session: f.session)
        let page = try b.get(issue)
        #expect(!page.text.contains("/unpublish\""))
        #expect(page.text.contains("Không thu hồi được số này: 1 lần gửi đã đi hoặc đã được đơn vị xác nhận đã nhận."))
        let ask = try b.get(issue + "/unpublish")
        #expect(!ask.text.contains("action=\"\(issue)/unpublish\""))
        let forced = try b.post(issue + "/unpublish", [])
        #expect(forced.status == 422)
        #expect(try f.read { try $0.isPublished(slot) })
        // a failed delivery: "send again" asks first, then sends it alone
        let failed = try #require(try Delivering.states(of: slot, session: f.session).first { $0.state == .failed })
        let code = try #require(failed.unit)
        #expect(try b.get(issue).text.contains("href=\"\(issue)/retry?unit=\(code)\">Gửi lại</a>"))
        let retry = try b.get(issue + "/retry?unit=\(code)")
        #expect(retry.text.contains("<h1>Gửi lại?</h1>") && retry.text.contains("name=\"unit\" value=\"\(code)\""))
        let sent = try b.post(issue + "/retry", [("unit", code.rawValue)])
        // still no address: it fails again, and the page says so
        #expect(sent.status == 303 && sent.header("Location") == issue + "?done=retryFailed")
        let audit = try f.read { try $0.auditHistory(subject: slot.description) }
        #expect(audit.last?.action == .deliveryRetried && audit.last?.actor == .user("binh"))
    }
}
