import Foundation
import Testing

/// The month grid and publishing in real Chromium at 1280×800 (`Tests/browser/officer_calendar_flow.py`), against
/// the real `loa serve`: each of the officer's clicks changes what it says, in the files and the database.
/// `LOA_SCREENSHOTS=$PWD/docs/images swift test --filter OfficerCalendarBrowserTests` refreshes the README's
/// picture of the grid.
@Suite(.serialized) struct OfficerCalendarBrowserTests {
    @Test func anOfficerChangesOneEntryAtATimePinsAndPublishesAfterBeingAsked() throws {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !tools.isEmpty { toolMissing("Chromium is missing (\(tools.joined(separator: ", ")))"); return }
        let ws = try OfficerBrowserTests.preparedWorkspace()
        let server = try ServeProcess(workspace: ws.root, today: OfficerBrowserTests.today)
        let shots = ProcessInfo.processInfo.environment["LOA_SCREENSHOTS"] ?? ws.path("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (code, output) = try runScript(repositoryRoot + "/Tests/browser/officer_calendar_flow.py",
                                           [server.base, shots], env: ["LOA_OFFICER": OfficerBrowserTests.officer])
        server.stop()
        if code == 2 { toolMissing(output.trimmingCharacters(in: .whitespacesAndNewlines)); return }
        #expect(code == 0, "officer_calendar_flow.py failed; server log:\n\(server.output.suffix(3000))")
        let line = output.split(separator: "\n").last.map(String.init) ?? "{}"
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let calendar = try ws.read("calendars/2026-12.ics")
        func uid(_ e: [String: String], date: String? = nil) -> String {
            let day = (date ?? e["date"] ?? "").replacingOccurrences(of: "-", with: "")
            return "UID:\(e["item"] ?? "").\(e["channel"] ?? "").\(day)@loa"
        }

        #expect(seen["weekdays"] as? [String] == ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
                                                   "Chủ Nhật"])
        #expect((seen["proposed_before"] as? Int ?? 0) > 2)
        // confirm and unconfirm one entry: only it changes, and the page says so
        #expect(seen["confirm_notice"] as? String == "Đã xác nhận bài trên lịch.")
        #expect(seen["news_after_confirm"] as? String == "entry confirmed")
        #expect(seen["confirmed_count"] as? Int == 1)
        #expect(seen["unconfirm_notice"] as? String == "Đã bỏ xác nhận: bài trở lại là đề xuất.")
        #expect(seen["news_after_unconfirm"] as? String == "entry proposed")
        // moved to the day chosen, removed from the schedule
        let moved = try #require(seen["moved"] as? [String: String])
        #expect(seen["move_notice"] as? String == "Đã dời bài sang ngày mới.")
        #expect(seen["moved_now"] as? String != nil)
        #expect(calendar.contains(uid(moved, date: moved["to"])) && !calendar.contains(uid(moved)))
        let removed = try #require(seen["removed"] as? [String: String])
        #expect(seen["remove_notice"] as? String == "Đã bỏ bài khỏi lịch.")
        #expect(seen["removed_now"] is NSNull || seen["removed_now"] == nil)
        #expect(!calendar.contains(uid(removed)))
        // pinned to an offered day, as `loa item pin` writes it
        #expect((seen["pin_notice"] as? String)?.hasPrefix("Đã ghim bài.") == true)
        let pinned = try #require((seen["pinned"] as? String)?.split(separator: " ").map(String.init))
        let itemFile = try #require(FileManager.default.enumerator(atPath: ws.path("content/items"))?
            .compactMap { $0 as? String }.first { $0.hasSuffix("/\(pinned[0]).md") })
        #expect(try ws.read("content/items/" + itemFile).contains("\npin: \(pinned[1])\n"))
        // readable at 1280 × 800, a list at 360
        #expect(seen["desk_page_width"] as? Int ?? 9999 <= 1280)
        #expect(seen["desk_column_width"] as? Double ?? 0 >= 150)
        #expect(seen["phone_page_width"] as? Int ?? 999 <= 360)
        #expect(seen["phone_head_display"] as? String == "none")
        // publishing asked first, then done; taken back while nothing had left
        #expect(seen["ask_heading"] as? String == "Phát hành số này?")
        let units = seen["ask_units"] as? Int ?? 0
        #expect(units > 0)
        let what = seen["ask_what"] as? [String] ?? []
        #expect(what.first?.hasSuffix(" thư điện tử, mỗi đơn vị một thư") == true && what.count == 3, "\(what)")
        #expect(seen["ask_cancel"] as? String == seen["issue_url"] as? String)
        #expect(seen["publish_notice"] as? String == "Đã phát hành số này và ghi nhận việc gửi tới các đơn vị.")
        #expect((seen["delivery_states"] as? [String])?.contains("chờ gửi") == true)
        #expect(seen["unpublish_heading"] as? String == "Thu hồi số này?")
        #expect((seen["unpublish_notice"] as? String)?.hasPrefix("Đã thu hồi số này") == true)
        #expect(seen["publish_link_again"] as? Int == 1)
        #expect(!ws.exists("out/issues/ban-tin/2026-12-15.html"))
        let actions = try sqlite(ws.path("loa.sqlite"), "SELECT action FROM audit WHERE actor = 'user:binh' ORDER BY id")
        #expect(actions.split(separator: "\n") == ["month proposed", "entry confirmed", "entry unconfirmed",
                                                   "entry moved", "entry removed", "item pinned", "entry confirmed",
                                                   "publication", "unpublished"])
        for name in ["officer-calendar", "officer-publish-ask"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(name).png"), "\(name).png")
        }
    }
}
