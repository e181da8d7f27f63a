import Foundation
import Testing

/// A unit reports from a phone, in real Chromium at 360×740, against the real `loa serve`; what it sent is then
/// counted by `loa report month` and listed by `loa alerts`, exactly as if it had been imported.
@Suite(.serialized) struct UnitBrowserTests {
    @Test func aUnitSendsItsMonthlyReportFromAPhoneAndTheReportsCountIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium"),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else {
            toolMissing("Debian's chromium and chromium-driver are not installed")
            return
        }
        let ws = try publishedNovember()
        let server = try RunningServer(workspace: ws.root, today: "2026-12-03")
        let links = try ws.run(["links", "--base-url", server.base], today: "2026-12-03")
        #expect(links.code == 0, "\(links.stderr)")
        let line = try #require(links.stdout.split(separator: "\r\n").first { $0.hasPrefix("cdcs-so-gddt,") })
        let link = String(try #require(line.split(separator: ",").last))
        #expect(link.hasPrefix(server.base + "/u/"))

        // the receipt link of the unit's e-mail of the newsletter (written to the outbox: nothing was set up to send)
        let mail = try readMail([ws.path("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml")]).first
        let mailed = try #require(mail?["receipt"] as? String)
        let receipt = server.base + "/r/" + String(try #require(mailed.split(separator: "/").last))
        let before = try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM issue_deliveries WHERE state = 'confirmed'")

        let shots = ws.path("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let run = try python(repositoryRoot + "/Tests/browser/unit_flow.py", [link, shots, receipt])
        if run.code == 2 { toolMissing(run.output.trimmingCharacters(in: .whitespacesAndNewlines)); return }
        #expect(run.code == 0, "\(run.output)")
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])

        // the link became a session, and the address bar no longer holds the token; names, never codes
        #expect(seen["home_url"] as? String == server.base + "/unit")
        #expect(seen["home_heading"] as? String == "CĐCS Sở Giáo dục và Đào tạo")
        #expect((seen["home_text"] as? String)?.contains("Cụm: Cụm các cơ quan quản lý nhà nước") == true)
        #expect((seen["page_width"] as? Int ?? 999) <= 360)
        // on every unit page: tap targets of 44 px, a focus ring at 3:1, headings in order, text at 4.5:1
        #expect((seen["audited"] as? [String])?.count == 8)
        #expect(seen["audit"] == nil, "\(seen["audit"] ?? "")")

        // the receipt link's page asked; its button confirmed that unit's receipt of that issue, and only it
        #expect((seen["receipt_page"] as? String)?.contains("Bản tin Công đoàn Viên chức tỉnh — số ra ngày 13/11/2026") == true)
        #expect((seen["receipt_done"] as? String)?.contains("Đã ghi nhận: đơn vị đã nhận số này.") == true)
        let confirmed = try sqlite(ws.path("loa.sqlite"), """
            SELECT d.unit || ' ' || p.channel || '.' || p.date FROM issue_deliveries d JOIN publications p
            ON p.id = d.publication_id WHERE d.state = 'confirmed'
            """)
        #expect(before == "0" && confirmed == "cdcs-so-gddt ban-tin.2026-11-13")

        // explicit answers: only the confirmed receipt ticked, a blank report refused with links to its fields
        #expect(seen["receipts_ticked"] as? [String] == ["ban-tin.2026-11-13"])
        #expect(seen["blank_links"] as? [String] == ["#reporter", "#no-activity", "#mood"])
        #expect((seen["blank_errors"] as? [String])?.first == "Hãy điền «Người báo cáo».")
        #expect(seen["summary_link_lands_on_field"] as? Bool == true)
        // Enter saves the draft and adds no row; adding a row lands on it
        #expect(seen["enter_url"] as? String == server.base + "/unit/report/2026-11?saved=1")
        #expect(seen["enter_rows"] as? [Int] == [1, 1])
        #expect(seen["enter_kept"] as? String == "Nguyễn Thị Lan")
        #expect(seen["added_url"] as? String == server.base + "/unit/report/2026-11#activity-2")
        #expect(seen["added_row_in_view"] as? Bool == true)

        // the page after sending shows what was recorded, with a way to correct it
        #expect(seen["sent_url"] as? String == server.base + "/unit/report/2026-11/sent")
        #expect((seen["sent_notice"] as? String)?.contains("Đã nhận báo cáo tháng 11/2026") == true)
        let sent = seen["sent_text"] as? String ?? ""
        for shown in ["Nguyễn Thị Lan", "Hội nghị quán triệt kế hoạch tuyên truyền 03 đề án", "Số người tham dự: 42",
                      "Quan tâm", "Sửa báo cáo", "Tin sai lệch về kinh phí Bảo tàng trên mạng xã hội (nhạy cảm"] {
            #expect(sent.contains(shown), "\(shown)")
        }
        #expect(!sent.contains("Một tài khoản chia sẻ") && !sent.contains("museum/1.1/a"))
        #expect(seen["reopened_has_sensitive_topic"] as? Bool == true)
        #expect(seen["reopened_has_sensitive_detail"] as? Bool == false)
        #expect(seen["corrected_url"] as? String == server.base + "/unit/report/2026-11/sent")
        let history = seen["history"] as? [String] ?? []
        #expect(history.count == 2 && history[0].contains("(đã được thay)") && history[1].contains("(đang dùng)"))

        // the urgent issue is there at once, its topic only for the unit
        #expect(seen["urgent_url"] as? String == server.base + "/unit/issue?sent=1")
        let urgent = seen["urgent_text"] as? String ?? ""
        #expect(urgent.contains("Đoàn viên lo lắng về tin đồn sáp nhập đơn vị") && !urgent.contains("Nhiều đoàn viên hỏi"))
        // a double tap recorded one activity
        #expect(seen["double_tap_url"] as? String == server.base + "/unit?logged=2026-12")
        let drafts = try sqlite(ws.path("loa.sqlite"), "SELECT content FROM report_drafts WHERE period = '2026-12'")
        #expect(drafts.components(separatedBy: "Hội nghị chạm hai lần").count == 2, "one activity, not two")

        // the same figures as an import: two activities, 45 + 30 attendances after the correction
        let report = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-03")
        let json = try #require(try JSONSerialization.jsonObject(with: report.stdoutBytes) as? [String: Any])
        let activities = try #require(json["activities"] as? [String: Any])
        #expect((activities["by_unit"] as? [String: Int])?["cdcs-so-gddt"] == 2)
        #expect(activities["participants"] as? Int == 75)
        let reporting = try #require(json["reporting"] as? [String: Any])
        #expect(reporting["received"] as? Int == 1 && reporting["on_time"] as? Int == 1)
        let alerts = try ws.run(["alerts"], today: "2026-12-03")
        #expect(alerts.stdout.contains("cdcs-so-gddt  11/2026  0 ngày  Tin sai lệch về kinh phí Bảo tàng trên mạng xã hội"))
        #expect(alerts.stdout.contains("cdcs-so-gddt  12/2026  0 ngày  Đoàn viên lo lắng về tin đồn sáp nhập đơn vị"))
        #expect(!alerts.stdout.contains("Một tài khoản chia sẻ"))

        // SIGTERM: the server stops accepting, finishes, and exits 0; its log names no token
        let (status, log) = server.stop()
        #expect(status == 0)
        #expect(log.contains("GET /u/… 303"))
        #expect(!log.contains(link.components(separatedBy: "/u/").last ?? "?"))
        #expect(log.contains("GET /r/… 200") && log.contains("POST /r/… 303"))
        #expect(!log.contains(String(receipt.suffix(24))), "no log line holds the receipt token")
        #expect(log.contains("POST /unit/report/2026-11 303"))

        // the README shows these pages: keep them current when LOA_SCREENSHOTS names a folder
        if let folder = ProcessInfo.processInfo.environment["LOA_SCREENSHOTS"] {
            for name in ["unit-home.png", "unit-errors.png", "unit-report.png", "unit-sent.png", "unit-issue.png"] {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
                try FileManager.default.copyItem(atPath: shots + "/" + name, toPath: folder + "/" + name)
            }
        }
    }
}
