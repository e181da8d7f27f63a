import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// A changing route with concrete values and the fields a real form sends.
func concrete(_ pattern: String) -> (path: String, fields: [(String, String)]) {
    let path = pattern.replacingOccurrences(of: ":month", with: "2026-12")
        .replacingOccurrences(of: "/alerts/:id", with: "/alerts/1")
        .replacingOccurrences(of: ":id", with: "ho-tay-tien-do")
        .replacingOccurrences(of: ":channel", with: "ban-tin").replacingOccurrences(of: ":date", with: "2026-12-15")
    let fields: [(String, String)] = [("item", "ho-tay-tien-do"), ("date", "2026-12-15"), ("reason", "Thiếu số liệu"),
                                      ("note", "Đã xử lý"), ("title", "Bài mới"), ("themes", "museum/1.1/a"),
                                      ("channels", "ban-tin")]
    return (path, fields)
}

@Suite(.serialized) struct OfficerPagesTests {
    @Test func everyChangingRouteAnswers403ToALeaderAUnitAndNobodyAndChangesNothing() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let leader = try f.userBrowser("lan", role: .leader, sensitive: true)
        let unit = try f.unitBrowser("cdcs-so-yte")
        try unit.get("/unit")
        let before = try f.snapshot(["content", "calendars", "out"])
        let changing = Routes.table.router.routes.filter { $0.method == "POST" && $0.access.who == .officer }
        #expect(!changing.isEmpty)
        for pattern in changing.map(\.pattern) {
            let (path, fields) = concrete(pattern)
            try leader.get("/dashboard")
            #expect(leader.csrfToken != nil)
            #expect(try leader.post(path, fields).status == 403, "leader: \(path)")
            #expect(try unit.post(path, fields).status == 403, "unit: \(path)")
            #expect(try Browser(port: f.port).post(path, fields, csrf: .some(nil)).status == 403, "nobody: \(path)")
        }
        #expect(try f.snapshot(["content", "calendars", "out"]) == before)
        #expect(try f.read { try $0.alerts() }.count == 1)
        // leaders read every page
        for path in ["/dashboard", "/calendar/2026-12", "/items", "/items/ho-tay-tien-do", "/completeness", "/alerts",
                     "/reports", "/reports/month/2026-11", "/reports/phase/digital/2.1", "/search?q=bao+tang"] {
            #expect(try leader.get(path).status == 200, "\(path)")
        }
        #expect(try leader.get("/items/new").status == 403)
        // a unit's session opens no officer page, and nobody's opens none either
        #expect(try unit.get("/dashboard").status == 303)
        #expect(try Browser(port: f.port).get("/calendar/2026-12").header("Location") == "/login")
    }

    @Test func anOfficerApprovesAnItemAndEveryOtherByteOfTheFileStays() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        let path = "content/items/ho-tay/ho-tay-tien-do.md"
        let before = try f.text(path)
        try b.get("/items/ho-tay-tien-do")
        let r = try b.post("/items/ho-tay-tien-do/approve", [])
        #expect(r.status == 303 && r.header("Location") == "/items/ho-tay-tien-do?done=approved")
        let expected = before.replacingOccurrences(of: "status: review\n", with: "status: approved\n")
            .replacingOccurrences(of: "\n---\n", with: "\napproved: 2026-12-03\napproved_by: binh\n---\n")
        #expect(try f.text(path) == expected)
        let page = try b.get("/items/ho-tay-tien-do?done=approved")
        #expect(page.text.contains("badge approved") && page.text.contains("03/12/2026 — binh"))
        let audit = try f.read { try $0.auditHistory(subject: "item ho-tay-tien-do") }
        #expect(audit.map(\.actor) == [.user("binh")] && audit.map(\.command) == ["item approve"])
        // approving again changes nothing
        let again = try b.post("/items/ho-tay-tien-do/approve", [])
        #expect(again.header("Location") == "/items/ho-tay-tien-do?done=unchanged")
    }

    @Test func sendingBackLeavesTheReasonInTheFileAndOnThePage() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/ho-tay-tien-do")
        #expect(try b.post("/items/ho-tay-tien-do/send-back", [("reason", "  ")]).status == 422)
        let reason = "Cần số liệu \"quý IV\"\r\nvà ảnh công trường"
        let r = try b.post("/items/ho-tay-tien-do/send-back", [("reason", reason)])
        #expect(r.status == 303)
        let text = try f.text("content/items/ho-tay/ho-tay-tien-do.md")
        #expect(text.contains("status: draft\n"))
        #expect(text.contains("review_note: \"Cần số liệu \\\"quý IV\\\"\\nvà ảnh công trường\"\n"))
        #expect(try f.workspace.items.first { $0.id.value == "ho-tay-tien-do" }?.reviewNote
                == "Cần số liệu \"quý IV\"\nvà ảnh công trường")
        let page = try b.get("/items/ho-tay-tien-do")
        #expect(page.text.contains("Bài bị trả lại vì:") && page.text.contains("và ảnh công trường"))
        #expect(try f.read { try $0.auditHistory(subject: "item ho-tay-tien-do") }.map(\.action) == [.itemSentBack])
    }

    @Test func anOfficerProposesAndConfirmsTheMonthAndPublishesAnIssue() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/calendar/2026-12")
        var r = try b.post("/calendar/2026-12/propose", [])
        #expect(r.status == 303 && r.header("Location") == "/calendar/2026-12?done=proposed")
        let proposed = try f.text("calendars/2026-12.ics")
        #expect(proposed.contains("STATUS:TENTATIVE") && !proposed.contains("STATUS:CONFIRMED"))
        #expect(try b.get("/calendar/2026-12").text.contains("entry proposed"))
        r = try b.post("/calendar/2026-12/confirm", [])
        #expect(r.status == 303)
        let confirmed = try f.text("calendars/2026-12.ics")
        #expect(confirmed.contains("STATUS:CONFIRMED") && !confirmed.contains("STATUS:TENTATIVE"))
        #expect(f.exists("out/plans/2026-12.html"))

        let slot = try #require(try Calendars.entries(of: Month(iso: "2026-12")!, in: f.paths)
            .first { $0.date >= f.today }?.slot)
        let issue = "/issues/\(slot.channel)/\(slot.date.iso)"
        let preview = try b.get(issue)
        #expect(preview.status == 200 && preview.text.contains("\(issue)/publish"))
        r = try b.post(issue + "/publish", [])
        #expect(r.status == 303 && r.header("Location") == issue + "?done=published")
        #expect(try f.read { try $0.isPublished(slot) })
        let read = try b.get(issue)
        #expect(read.text.contains("<article lang=\"vi\" class=\"issue\">") && !read.text.contains("/publish\""))
        let download = try b.get(issue + "/download?format=html")
        #expect(download.status == 200 && download.header("Content-Disposition")?.hasPrefix("attachment;") == true)
        try b.get(issue)
        #expect(try b.post(issue + "/publish", []).header("Location") == issue + "?done=alreadyPublished")
        let audit = try f.read { try $0.auditHistory() }.filter { $0.actor == .user("binh") }.map(\.command)
        #expect(audit == ["plan", "plan --confirm", "publish"])
    }

    @Test func aPinThatBreaksARuleStopsTheProposalAndSaysWhichRuleInWords() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/cds-mo-hinh-hay")
        // a date with no slot of its channels is refused at once (rule 7)
        let noSlot = try b.post("/items/cds-mo-hinh-hay/pin", [("date", "2026-12-13")])
        #expect(noSlot.status == 422
                && noSlot.text.contains("Chỉ ghim được vào ngày có số phát hành của một kênh mà bài được viết cho."))
        #expect(!noSlot.text.contains("quy tắc 7"), "the rule in a sentence, not by its number")
        // a draft pinned to a slot day is accepted, and the plan names the rule it breaks
        #expect(try b.post("/items/cds-mo-hinh-hay/pin", [("date", "2026-12-15")]).status == 303)
        #expect(try f.text("content/items/chuyen-doi-so/cds-mo-hinh-hay.md").contains("\npin: 2026-12-15\n---\n"))
        try b.get("/calendar/2026-12")
        let r = try b.post("/calendar/2026-12/propose", [])
        #expect(r.status == 422)
        #expect(r.text.contains("Bài phải được duyệt trước ngày phát hành ít nhất 7 ngày."))
        #expect(!r.text.contains("quy tắc") && !r.text.contains(".md:"), "no rule number, no file path")
        #expect(!f.exists("calendars/2026-12.ics"))
        // unpinned from the calendar, the month plans again
        let calendar = try b.get("/calendar/2026-12")
        #expect(calendar.text.contains("/calendar/2026-12/unpin"))
        #expect(try b.post("/calendar/2026-12/unpin", [("item", "cds-mo-hinh-hay")]).status == 303)
        #expect(try b.post("/calendar/2026-12/propose", []).status == 303)
    }

    @Test func anOfficerResolvesAnAlertWithANote() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let alert = try #require(try f.read { try $0.alerts() }.first)
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/alerts")
        #expect(try b.post("/alerts/\(alert.id)/resolve", [("note", "")]).status == 422)
        let r = try b.post("/alerts/\(alert.id)/resolve", [("note", "Đã gặp CĐCS, cải chính thông tin")])
        #expect(r.status == 303 && r.header("Location") == "/alerts?done=resolved")
        let resolved = try #require(try f.read { try $0.alerts(includeResolved: true) }.first)
        #expect(resolved.resolvedOn == f.today && resolved.resolvedBy == "binh")
        #expect(try f.read { try $0.auditHistory(subject: "alert \(alert.id)") }.map(\.actor) == [.user("binh")])
        try b.get("/alerts")
        #expect(try b.post("/alerts/\(alert.id)/resolve", [("note", "lần hai")]).status == 422)
    }

    @Test func sensitiveTopicsAndDetailsReachOnlyUsersWithThePermission() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let pages = ["/dashboard", "/alerts", "/reports/month/2026-11", "/reports/unit/cdcs-so-gddt",
                     "/reports/phase/museum/1.1?from=2026-11-01", "/search?q=tin+don", "/search?q=chi+tiet+nhay+cam"]
            + Reporting.Format.allCases.map { "/reports/month/2026-11?format=\($0.rawValue)" }
            + Reporting.Format.allCases.map { "/reports/unit/cdcs-so-gddt?format=\($0.rawValue)" }
        let permitted = try f.userBrowser("an", role: .leader, sensitive: true)
        #expect(try permitted.get("/alerts").text.contains("TOPIC-SECRET"))
        #expect(try permitted.get("/alerts").text.contains("QX-77"))
        #expect(try permitted.get("/reports/month/2026-11?format=json").text.contains("QX-77"))
        #expect(try permitted.get("/search?q=tin+don").text.contains("TOPIC-SECRET"))
        for browser in [try f.userBrowser("lan", role: .leader), try f.userBrowser("minh", role: .officer)] {
            for path in pages {
                let page = try browser.get(path)
                #expect(page.status == 200, "\(path)")
                #expect(!page.text.contains("TOPIC-SECRET") && !page.text.contains("QX-77"), "\(path)")
            }
            // the count is there for everyone
            #expect(try browser.get("/alerts").text.contains("1 cảnh báo đang mở"))
        }
    }

    @Test func completenessShowsEachUnitsMonthsAndTheRemindersCSVIsSafeToOpen() throws {
        let f = try WebFixture()
        // a unit whose name a spreadsheet would run as a formula
        let units = f.root + "/content/units.csv"
        let csv = try String(contentsOfFile: units, encoding: .utf8)
            .replacingOccurrences(of: ",CĐCS Sở Y tế,", with: ",=2+3 Sở Y tế,")
        try csv.write(toFile: units, atomically: true, encoding: .utf8)
        try f.sendSensitiveReport()
        let b = try f.userBrowser("binh", role: .officer)
        let page = try b.get("/completeness?from=2026-10&to=2026-11")
        #expect(page.status == 200)
        #expect(page.text.contains("<td class=\"state ok\">✓ 03/12</td>"))
        #expect(page.text.contains("Chưa gửi báo cáo tháng 11/2026: 15 đơn vị"))
        let link = "http://127.0.0.1:\(f.port)" + (try f.linkPath("cdcs-so-yte"))
        #expect(page.text.contains(link))
        let cluster = try b.get("/completeness?cluster=cum-y-te")
        #expect(!cluster.text.contains("CĐCS Sở Giáo dục và Đào tạo"))
        let download = try b.get("/completeness/reminders.csv?month=2026-11")
        #expect(download.header("Content-Disposition") == "attachment; filename=\"reminders-2026-11.csv\"")
        #expect(download.text.hasPrefix("\u{FEFF}code,name,cluster,email,period,due,url\r\n"))
        #expect(download.text.contains("cdcs-so-yte,'=2+3 Sở Y tế,cum-quan-ly-nha-nuoc,"))
        #expect(download.text.contains(link + "\r\n"))
        #expect(!download.text.contains("cdcs-so-gddt,"))
        // leaders get the list without the units' secret links
        let leader = try f.userBrowser("lan", role: .leader)
        #expect(!(try leader.get("/completeness").text.contains("/u/")))
        #expect(!(try leader.get("/completeness/reminders.csv?month=2026-11").text.contains("/u/")))
    }

    @Test func reportsArePagesWithTheirChartsAndDownloadsInFourFormats() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("lan", role: .leader)
        let page = try b.get("/reports/phase/digital/2.1")
        #expect(page.status == 200)
        #expect(page.text.contains("<div class=\"document\" lang=\"vi\">") && page.text.contains("<svg"))
        #expect(!page.text.contains("<style") && !page.text.contains("style=\"") && !page.text.contains("<script"))
        for format in Reporting.Format.allCases {
            let r = try b.get("/reports/month/2026-11?format=\(format.rawValue)")
            #expect(r.status == 200)
            let file = format == .annex ? Reporting.annexName("month-2026-11") : "month-2026-11.\(format.rawValue)"
            #expect(r.header("Content-Disposition") == "attachment; filename=\"\(file)\"")
        }
        let json = try b.get("/reports/month/2026-11?format=json").text
        let presenter = try Reporting.presenter(Reporting.month(Month(iso: "2026-11")!), includeSensitive: false,
                                                workspace: try f.workspace, session: f.session)
        #expect(json == Reporting.render(presenter, as: .json))
        // and in Word, beside the others, the same document `loa report --format docx` writes
        #expect(page.text.contains("href=\"?format=docx\""))
        let docx = try b.get("/reports/month/2026-11?format=docx")
        #expect(docx.status == 200)
        #expect(docx.header("Content-Type") == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(docx.header("Content-Disposition") == "attachment; filename=\"month-2026-11.docx\"")
        let expected = try Reporting.docx(presenter)
        #expect(docx.bytes == expected.count && docx.text == String(decoding: expected, as: UTF8.self))
        #expect(docx.text.hasPrefix("PK"))
        #expect(try b.get("/reports/phase/digital/9.9").status == 404)
    }

    @Test func aNewItemFromTheFormIsTheFileLoaNewItemWrites() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/new")
        let bad = try b.post("/items/new", [("title", "Bài thiếu kênh"), ("themes", "museum/1.1/a")])
        #expect(bad.status == 422)
        let unknown = try b.post("/items/new", [("title", "Bài sai"), ("themes", "museum/9/z"),
                                                ("channels", "ban-tin")])
        #expect(unknown.status == 422 && unknown.text.contains("Có lựa chọn không còn trong kế hoạch; hãy chọn lại."))
        let r = try b.post("/items/new", [("title", "Bảo tàng và thế hệ trẻ"), ("themes", "museum/1.1/a"),
                                          ("channels", "ban-tin"), ("channels", "website"), ("folder", "bao-tang")])
        #expect(r.status == 303 && r.header("Location") == "/items/bao-tang-va-the-he-tre?done=created")
        let expected = ItemTemplate.render(id: "bao-tang-va-the-he-tre",
                                           new: ("Bảo tàng và thế hệ trẻ", ["museum/1.1/a"], ["ban-tin", "website"],
                                                 "binh", nil), today: f.today, language: .vi)
        #expect(try f.text("content/items/bao-tang/bao-tang-va-the-he-tre.md") == expected)
        #expect(try b.get("/items/bao-tang-va-the-he-tre").status == 200)
    }

    @Test func officerPagesAreSelfContainedAndCarryNoInlineStyleOrScript() throws {
        let f = try WebFixture()
        let b = try f.userBrowser("binh", role: .officer, sensitive: true)
        for path in ["/dashboard", "/calendar/2026-11", "/calendar/2026-12", "/items", "/items/ho-tay-tien-do",
                     "/items/new", "/completeness", "/alerts", "/reports", "/reports/month/2026-11",
                     "/reports/unit/cdcs-so-gddt", "/search?q=chuyen+doi+so", "/issues/ban-tin/2026-11-13"] {
            let page = try b.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.header("Content-Security-Policy") == "default-src 'self'")
            #expect(!page.text.contains("<script") && !page.text.contains("style=\"") && !page.text.contains("<style"),
                    "\(path)")
            let remote = page.text.range(of: #"(src|href|action)="(https?:)?//"#, options: .regularExpression)
            #expect(remote == nil, "\(path)")
        }
        // search finds "chuyển đổi số" without diacritics
        #expect(try b.get("/search?q=chuyen+doi+so").text.contains("/items/cds-"))
    }
}
