import Foundation
import Synchronization
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// Once-only writes (SPEC §9.5): the same form sent twice records once and is answered as the first time.
@Suite(.serialized) struct OnceOnlyTests {
    /// Sends the same post twice with one key: the second records nothing more and gets the first answer.
    @discardableResult
    func twice(_ b: Browser, _ f: WebFixture, _ path: String, _ fields: [(String, String)],
               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Browser.Page {
        let key = Browser.newKey()
        let audit = try f.read { try $0.auditHistory() }.count
        let first = try b.post(path, fields, key: key)
        #expect(first.status == 303, "\(path): \(first.status) \(first.text.prefix(300))", sourceLocation: sourceLocation)
        let recorded = try f.read { try $0.auditHistory() }.count
        #expect(recorded > audit, "\(path) recorded nothing", sourceLocation: sourceLocation)
        let second = try b.post(path, fields, key: key)
        #expect(second.status == first.status && second.header("Location") == first.header("Location"),
                "\(path)", sourceLocation: sourceLocation)
        #expect(try f.read { try $0.auditHistory() }.count == recorded, "\(path) recorded twice",
                sourceLocation: sourceLocation)
        return first
    }

    @Test func aUnitsReportDraftAndActivitySentTwiceRecordOnce() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        try twice(b, f, "/unit/report/2026-11", novemberReport().map { $0.0 == "action" ? ("action", "draft") : $0 })
        try twice(b, f, "/unit/report/2026-11", novemberReport())
        #expect(try f.read { try $0.formHistory(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) }.count == 1)
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 2)
        try b.get("/unit/activity")
        let activity = [("activity-1-date", "2026-12-02"), ("activity-1-type", "tuyen-truyen-mieng"),
                        ("activity-1-title", "Nói chuyện đầu giờ"), ("activity-1-participants", "15")]
        try twice(b, f, "/unit/activity", activity)
        let draft = try #require(try f.read { try $0.draft(unit: "cdcs-so-gddt", period: Month(iso: "2026-12")!) })
        #expect(draft.content.components(separatedBy: "Nói chuyện đầu giờ").count == 2, "one activity, not two")
        try b.get("/unit/issue")
        try twice(b, f, "/unit/issue", [("topic", "Tin đồn một lần"), ("detail", "")])
        #expect(try f.read { try $0.urgentIssues(unit: "cdcs-so-gddt") }.count == 1)
    }

    @Test func aDoubleTapOnAnActivitySendsTwoRequestsAtOnceAndRecordsOne() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/activity")
        let key = try #require(b.formKey(for: "/unit/activity"))
        let fields = [("activity-1-date", "2026-12-02"), ("activity-1-type", "hoi-nghi"),
                      ("activity-1-title", "Hội nghị 40 người"), ("activity-1-participants", "40"),
                      ("csrf", b.csrfToken ?? ""), ("key", key)]
        let body = Array(fields.map { "\(b.encode($0.0))=\(b.encode($0.1))" }.joined(separator: "&").utf8)
        let cookie = b.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        // two phones' worth of taps: both requests are in flight together, on their own connections
        let answers = Mutex<[Int]>([])
        let port = f.port
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            let r = try? exchange(port: port, method: "POST", target: "/unit/activity",
                                  headers: [("Content-Type", "application/x-www-form-urlencoded"),
                                            ("Sec-Fetch-Site", "same-origin"), ("Cookie", cookie)], body: body)
            answers.withLock { $0.append(r?.status ?? 0) }
        }
        #expect(answers.withLock { $0 } == [303, 303], "both get the first answer")
        let draft = try #require(try f.read { try $0.draft(unit: "cdcs-so-gddt", period: Month(iso: "2026-12")!) })
        #expect(draft.content.components(separatedBy: "Hội nghị 40 người").count == 2, "one activity, not two")
        #expect(try f.read { try $0.auditHistory() }.filter { $0.action == .activityLogged }.count == 1)
    }

    @Test func anUploadSentTwiceRecordsOnce() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/upload")
        let table = "unit,date,type,title,themes,participants,items\n"
            + "cdcs-so-gddt,2026-11-21,khac,Thi ảnh,museum/1.1/c,12,\n"
        let key = Browser.newKey()
        #expect(try b.upload("/unit/upload", fileName: "hoat-dong.csv", bytes: Array(table.utf8), key: key).status == 200)
        let again = try b.upload("/unit/upload", fileName: "hoat-dong.csv", bytes: Array(table.utf8), key: key)
        #expect(again.status == 200 && again.text.contains("đã được ghi nhận trước đó"))
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 1)
        #expect(try f.read { try $0.auditHistory() }.filter { $0.action == .activitiesImported }.count == 1)
    }

    @Test func everyOfficerActionSentTwiceRecordsOnce() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let b = try f.userBrowser("binh", role: .officer)
        try b.get("/items/ho-tay-tien-do")
        try twice(b, f, "/items/ho-tay-tien-do/approve", [])
        try twice(b, f, "/items/cds-mo-hinh-hay/send-back", [("reason", "Thiếu số liệu")])
        try twice(b, f, "/items/ho-tay-tien-do/pin", [("date", "2026-12-15")])
        try twice(b, f, "/items/ho-tay-tien-do/unpin", [])
        try twice(b, f, "/calendar/2026-12/pin", [("item", "ho-tay-tien-do"), ("date", "2026-12-15")])
        try twice(b, f, "/calendar/2026-12/unpin", [("item", "ho-tay-tien-do")])
        try twice(b, f, "/calendar/2026-12/propose", [])
        try twice(b, f, "/calendar/2026-12/confirm", [])
        let slot = try #require(try Calendars.entries(of: Month(iso: "2026-12")!, in: f.paths)
            .first { $0.date >= f.today }?.slot)
        try twice(b, f, Route.issuePublish(slot).path, [])
        let alert = try #require(try f.read { try $0.alerts() }.first)
        try twice(b, f, "/alerts/\(alert.id)/resolve", [("note", "Đã xử lý")])
        try twice(b, f, "/items/new", [("title", "Bài mới một lần"), ("themes", "museum/1.1/a"), ("channels", "ban-tin")])
        let audit = try f.read { try $0.auditHistory() }.filter { $0.actor == .user("binh") }.map(\.action)
        #expect(audit == [.itemApproved, .itemSentBack, .itemPinned, .itemUnpinned, .itemPinned, .itemUnpinned,
                          .monthProposed, .monthConfirmed, .publication, .alertResolved, .itemCreated])
    }

    @Test func theSameKeyWithOtherContentIs409AndWhatWasTypedComesBack() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/activity")
        let key = Browser.newKey()
        let fields = [("activity-1-date", "2026-12-02"), ("activity-1-type", "tuyen-truyen-mieng"),
                      ("activity-1-title", "Buổi một"), ("activity-1-participants", "15")]
        #expect(try b.post("/unit/activity", fields, key: key).status == 303)
        let other = fields.map { $0.0 == "activity-1-title" ? ($0.0, "Buổi hai khác hẳn") : $0 }
        let r = try b.post("/unit/activity", other, key: key)
        #expect(r.status == 409)
        #expect(r.text.contains("Buổi hai khác hẳn") && r.text.contains("name=\"activity-1-title\""))
        #expect(!r.text.contains("value=\"\(key)\""), "the values come back with a new key")
        // sent again from that page, they are a new form and are recorded
        #expect(try b.post("/unit/activity", other).status == 303)
        let draft = try #require(try f.read { try $0.draft(unit: "cdcs-so-gddt", period: Month(iso: "2026-12")!) })
        #expect(draft.content.contains("Buổi một") && draft.content.contains("Buổi hai khác hẳn"))
    }

    @Test func aRecordingFormWithoutItsKeyIsRefusedAndRecordsNothing() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        let r = try b.post("/unit/report/2026-11", novemberReport(), key: .some(nil))
        #expect(r.status == 400)
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) } == nil)
    }

    @Test func everyFormOfARecordingRouteCarriesAKeyFromTheFormHelper() throws {
        let f = try WebFixture()
        let unit = try f.unitBrowser("cdcs-so-gddt")
        let officer = try f.userBrowser("binh", role: .officer)
        for (browser, path) in [(unit, "/unit/report/2026-11"), (unit, "/unit/activity"), (unit, "/unit/upload"),
                                (unit, "/unit/issue"),
                                (officer, "/items/ho-tay-tien-do"), (officer, "/calendar/2026-12"),
                                (officer, "/items/new")] {
            let page = try browser.get(path).text
            let forms = page.components(separatedBy: "<form method=\"post\"").dropFirst()
            #expect(!forms.isEmpty)
            for form in forms {
                let action = form.components(separatedBy: "action=\"").dropFirst().first?
                    .components(separatedBy: "\"").first ?? ""
                let records = Routes.table.postRoute(at: action)?.records ?? false
                #expect(form.contains("name=\"csrf\""), "\(path) → \(action)")
                #expect(form.contains("name=\"key\"") == records, "\(path) → \(action)")
            }
        }
    }
}
