import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// The fields of a valid November report with two activities and a sensitive issue.
func novemberReport(reporter: String = "Nguyễn Thị Lan", participants: String = "42",
                    sensitiveDetail: String = "Chi tiết nhạy cảm QX-77") -> [(String, String)] {
    [("reporter", reporter), ("received", "ban-tin.2026-11-13"),
     ("activity-1-date", "2026-11-05"), ("activity-1-type", "hoi-nghi"), ("activity-1-title", "Hội nghị quán triệt 03 đề án"),
     ("activity-1-themes", "museum/1.1/a"), ("activity-1-themes", "digital/2.1/a"), ("activity-1-participants", participants),
     ("activity-2-date", "2026-11-20"), ("activity-2-type", "sinh-hoat-chuyen-de"),
     ("activity-2-title", "Sinh hoạt chuyên đề chuyển đổi số"), ("activity-2-themes", "digital/2.1/b"),
     ("activity-2-participants", "30"),
     ("activity-3-date", ""), ("activity-3-type", ""), ("activity-3-title", ""), ("activity-3-participants", ""),
     ("mood", "quan-tam"), ("summary", "Đoàn viên quan tâm tiến độ Bảo tàng."),
     ("issue-1-topic", "Tin đồn TOPIC-SECRET trên mạng"), ("issue-1-detail", sensitiveDetail), ("issue-1-sensitive", "true"),
     ("issue-2-topic", ""), ("issue-2-detail", ""),
     ("note", "Không có."), ("action", "submit")]
}

@Suite(.serialized) struct UnitPagesTests {
    @Test func aUnitLinkOpensASessionAndTheAddressBarForgetsTheToken() throws {
        let f = try WebFixture()
        let b = Browser(port: f.port)
        let r = try b.get(try f.linkPath("cdcs-so-gddt"))
        #expect(r.status == 303)
        #expect(r.header("Location") == "/unit")
        let cookie = try #require(r.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
        let home = try b.get("/unit")
        #expect(home.status == 200)
        #expect(home.text.contains("CĐCS Sở Giáo dục và Đào tạo"))
        #expect(try Browser(port: f.port).get("/u/not-a-token").status == 404)
        // without a session, unit pages are refused
        #expect(try Browser(port: f.port).get("/unit").status == 403)
    }

    @Test func sendingTheReportRecordsItAsImportWouldAndOpensTheAlert() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        #expect(try b.get("/unit/report/2026-11").status == 200)
        let before = try f.figures()
        let r = try b.post("/unit/report/2026-11", novemberReport())
        #expect(r.status == 303, "\(r.text)")
        #expect(r.header("Location") == "/unit/report/2026-11/sent")
        let after = try f.figures()
        #expect(after.activityCount == before.activityCount + 2)
        #expect(after.participants == before.participants + 72)
        #expect(after.reporting.received == before.reporting.received + 1)
        let alerts = try f.read { try $0.alerts() }
        #expect(alerts.map(\.topic) == ["Tin đồn TOPIC-SECRET trên mạng"])
        #expect(alerts.first?.unit == "cdcs-so-gddt")
        // recorded with the unit as the actor, in the one audit history
        let audit = try f.read { try $0.auditHistory(subject: "cdcs-so-gddt/2026-11") }
        #expect(audit.map(\.actor) == [.unit("cdcs-so-gddt")])
        // the unit page now says it was sent on time; the unit rereads its sensitive topic, never the detail
        let home = try b.get("/unit")
        #expect(home.text.contains("Đã gửi đúng hạn ngày 03/12/2026"))
        let form = try b.get("/unit/report/2026-11")
        let sent = try b.get("/unit/report/2026-11/sent")
        for page in [home.text, form.text, sent.text] { #expect(!page.contains("QX-77")) }
        #expect(form.text.contains("keep-sensitive") && form.text.contains("Giữ: Tin đồn TOPIC-SECRET trên mạng"))
        #expect(sent.text.contains("Tin đồn TOPIC-SECRET trên mạng (nhạy cảm"))
    }

    @Test func invalidInputComesBackBesideItsFieldsWith422AndRecordsNothing() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        var fields = novemberReport(participants: "bốn mươi")
        fields = fields.map { $0.0 == "activity-2-date" ? ($0.0, "2026-10-31") : $0 }
        let r = try b.post("/unit/report/2026-11", fields)
        #expect(r.status == 422)
        #expect(r.text.contains("id=\"activity-1-participants-error-1\""))
        #expect(r.text.contains("id=\"activity-2-date-error-1\""))
        #expect(r.text.contains("Hoạt động 2 — «Ngày»: ngày 31/10/2026 không thuộc tháng 11/2026."))
        // what the unit typed is still there
        #expect(r.text.contains("value=\"bốn mươi\"") && r.text.contains("Hội nghị quán triệt 03 đề án"))
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) } == nil)
        #expect(try f.read { try $0.alerts() }.isEmpty)
    }

    @Test func sendingAgainIsACorrectionWithHistoryAndTheSameContentChangesNothing() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        #expect(try b.post("/unit/report/2026-11", novemberReport()).status == 303)
        // the form opens with its current values; sending it unchanged (sensitive issue kept) changes nothing
        let form = try b.get("/unit/report/2026-11")
        var same = novemberReport().filter { !$0.0.hasPrefix("issue-1") }
        same.append(("keep-sensitive", "1"))
        #expect(form.text.contains("value=\"Nguyễn Thị Lan\""))
        #expect(try b.post("/unit/report/2026-11", same).status == 303)
        let m = try #require(Month(iso: "2026-11"))
        #expect(try f.read { try $0.formHistory(unit: "cdcs-so-gddt", period: m) }.count == 1)
        // a changed report is a correction: it replaces the current one, the earlier stays in the history
        try b.get("/unit/report/2026-11")
        let corrected = same.map { $0.0 == "activity-1-participants" ? ($0.0, "50") : $0 }
        #expect(try b.post("/unit/report/2026-11", corrected).status == 303)
        let history = try f.read { try $0.formHistory(unit: "cdcs-so-gddt", period: m) }
        #expect(history.map(\.current) == [false, true])
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 2)
        #expect(try f.read { try $0.alerts() }.count == 1)
        #expect(try b.get("/unit/report/2026-11").text.contains("(đã được thay)"))
    }

    @Test func aDraftCountsNowhereUntilSent() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        let before = try f.figures()
        let r = try b.post("/unit/report/2026-11", novemberReport().map { $0.0 == "action" ? ("action", "draft") : $0 })
        #expect(r.status == 303 && r.header("Location") == "/unit/report/2026-11?saved=1")
        #expect(try f.figures().activityCount == before.activityCount)
        #expect(try f.figures().reporting.received == before.reporting.received)
        #expect(try f.read { try $0.alerts() }.isEmpty)
        let again = try b.get("/unit/report/2026-11?saved=1")
        #expect(again.text.contains("Sinh hoạt chuyên đề chuyển đổi số"))
    }

    @Test func aLoggedActivityLandsInThatMonthsReport() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/activity")
        let r = try b.post("/unit/activity", [("activity-1-date", "2026-12-02"), ("activity-1-type", "tuyen-truyen-mieng"),
                                             ("activity-1-title", "Nói chuyện đầu giờ"), ("activity-1-participants", "15"),
                                             ("activity-1-themes", "digital/2.1/a")])
        #expect(r.status == 303 && r.header("Location") == "/unit?logged=2026-12")
        #expect(try b.get("/unit/report/2026-12").text.contains("Nói chuyện đầu giờ"))
        let bad = try b.post("/unit/activity", [("activity-1-date", "2026-12-02"), ("activity-1-type", "hop-mat"),
                                               ("activity-1-title", "x"), ("activity-1-participants", "1")])
        #expect(bad.status == 422)
        #expect(bad.text.contains("id=\"activity-1-type-error-1\""))
    }

    @Test func aUnitNeverSeesAnotherUnitsReport() throws {
        let f = try WebFixture()
        let a = try f.unitBrowser("cdcs-so-gddt")
        try a.get("/unit/report/2026-11")
        #expect(try a.post("/unit/report/2026-11", novemberReport(reporter: "Người Của Sở GD")).status == 303)
        let other = try f.unitBrowser("cdcs-so-yte")
        for path in ["/unit", "/unit/report/2026-11", "/unit/report/2026-10"] {
            let page = try other.get(path)
            #expect(!page.text.contains("Người Của Sở GD") && !page.text.contains("Hội nghị quán triệt 03 đề án"))
        }
        // an upload of another unit's form is refused, and records nothing
        try other.get("/unit/upload")
        let form = FormWriter.markdown({
            var v = ReportFormValues(unit: "cdcs-so-gddt", period: Month(iso: "2026-10")!)
            v.reporter = "Giả danh"
            return v
        }()).text
        let up = try other.upload("/unit/upload", fileName: "bao-cao.md", bytes: Array(form.utf8))
        #expect(up.status == 422)
        #expect(up.text.contains("Đây là báo cáo của đơn vị khác"))
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-10")!) } == nil)
    }

    @Test func changingFormsNeedTheTokenAndOurOwnOrigin() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        #expect(try b.post("/unit/report/2026-11", novemberReport(), csrf: .some(nil)).status == 403)
        #expect(try b.post("/unit/report/2026-11", novemberReport(), csrf: "forged").status == 403)
        #expect(try b.post("/unit/report/2026-11", novemberReport(), headers: [("Sec-Fetch-Site", "cross-site")]).status == 403)
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) } == nil)
    }

    @Test func aRotatedLinkIsRefusedAtOnceAndItsSessionsEnd() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let old = try f.linkPath("cdcs-so-gddt")
        _ = try Store(path: f.paths.defaultDatabase).write {
            try $0.rotateLink(unit: "cdcs-so-gddt", today: f.today, actor: .commandLine(user: "test"))
        }
        #expect(try b.get("/unit").status == 403)
        #expect(try Browser(port: f.port).get(old).status == 404)
        let fresh = try f.unitBrowser("cdcs-so-gddt")
        #expect(try fresh.get("/unit").status == 200)
    }

    @Test func anUploadedFormIsImportedExactlyAsLoaImportWould() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/upload")
        var v = ReportFormValues(unit: "cdcs-so-gddt", period: try #require(Month(iso: "2026-11")))
        v.activities = [.init(date: "2026-11-09", type: "bang-tin", title: "Bảng tin tháng 11", participants: "60",
                              themes: ["museum/1.1/b"])]
        let r = try b.upload("/unit/upload", fileName: "bao-cao-11.md", bytes: Array(FormWriter.markdown(v).text.utf8))
        #expect(r.status == 200)
        #expect(r.text.contains("Đã ghi nhận."))
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 1)
        let table = "unit,date,type,title,themes,participants,items\ncdcs-so-gddt,2026-11-21,khac,Thi ảnh,museum/1.1/c,12,\n"
        #expect(try b.upload("/unit/upload", fileName: "hoat-dong.csv", bytes: Array(table.utf8)).status == 200)
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 2)
        let bad = try b.upload("/unit/upload", fileName: "x.csv", bytes: Array("unit,date\nx,y\n".utf8))
        #expect(bad.status == 422)
        #expect(bad.text.contains("Thiếu cột «Tên hoạt động»") && !bad.text.contains("x.csv:"))
    }

    @Test func anIssueIsReadableOnlyByTheUnitsItWasDeliveredTo() throws {
        let f = try WebFixture()
        let slots = try f.read { try $0.issuesDelivered(to: "cdcs-so-gddt", in: Month(iso: "2026-11")!) }
        let slot = try #require(slots.first)
        let b = try f.unitBrowser("cdcs-so-gddt")
        let page = try b.get("/unit/issues/\(slot.channel)/\(slot.date.iso)")
        #expect(page.status == 200)
        #expect(page.text.contains("<article lang=\"vi\">"))
        // a unit outside the channel's scope gets nothing (the school-radio channel reaches schools only)
        let ws = try f.workspace
        let narrow = try #require(ws.channels.first { if case .some = $0.units { return true } else { return false } })
        let outsider = try #require(ws.units.first { !narrow.reaches($0) })
        let published = try f.read { try $0.publishedSlots(from: Day(iso: "2026-11-01")!, to: Day(iso: "2026-11-30")!) }
        let date = try #require(published.filter { $0.channel == narrow.id.value }.map(\.date).min())
        let o = try f.unitBrowser(outsider.code.value)
        #expect(try o.get("/unit/issues/\(narrow.id.value)/\(date.iso)").status == 404)
        // and the same page opens for a unit the channel reaches
        let insider = try #require(ws.units.first { narrow.reaches($0) && $0.exists(on: date) })
        #expect(try f.unitBrowser(insider.code.value).get("/unit/issues/\(narrow.id.value)/\(date.iso)").status == 200)
    }

    @Test func everyPageIsSmallSelfContainedAndCarriesTheSecurityHeaders() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        for path in ["/unit", "/unit/report/2026-11", "/unit/activity", "/unit/upload", "/login", "/nowhere"] {
            let page = try b.get(path)
            #expect(page.bytes < 50_000, "\(path) is \(page.bytes) bytes")
            #expect(page.header("Content-Security-Policy") == "default-src 'self'")
            #expect(page.header("X-Frame-Options") == "DENY")
            #expect(page.header("X-Content-Type-Options") == "nosniff")
            #expect(page.header("Referrer-Policy") == "no-referrer")
            #expect(!page.text.contains("<script") && !page.text.contains("style=\""))
            #expect(page.text.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression) == nil, "\(path)")
        }
        #expect(try b.get("/nowhere").status == 404)
    }

    @Test func limitsHoldInFrontOfTheApp() throws {
        let f = try WebFixture()
        let big = [UInt8](repeating: 97, count: 1_100_000)
        let r = try #require(try exchange(port: f.port, method: "POST", target: "/unit/report/2026-11",
                                          headers: [("Content-Type", "application/x-www-form-urlencoded")], body: big))
        #expect(r.status == 413)
        let huge = (0..<400).map { ("X-Padding-\($0)", String(repeating: "p", count: 60)) }
        #expect(try exchange(port: f.port, target: "/unit", headers: huge)?.status == 431)
    }
}
