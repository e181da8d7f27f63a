import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// Following up a sensitive issue on the officers' alert page (SPEC §5.4): the same workflow as `loa alerts
/// escalate|note|issued`, the escalation only for officers with the sensitive permission.
@Suite struct AlertFollowUpPagesTests {
    @Test func anOfficerWithThePermissionReportsTheMatterUpwardAndTheHistoryShowsIt() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let alert = try #require(try f.read { try $0.alerts() }.first)
        let b = try f.userBrowser("lan", role: .officer, sensitive: true)
        let page = try b.get("/alerts")
        #expect(page.text.contains("Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"), "the authorities to choose")
        let r = try b.post("/alerts/\(alert.id)/escalate", [("to", "ldld-tinh"), ("note", "Đề nghị chỉ đạo.")])
        // no e-mail settings in the fixture: the notice is written, not sent, and the page says so
        #expect(r.status == 303 && r.header("Location") == "/alerts?done=escalated&notice=written")
        #expect(try b.get("/alerts?done=escalated&notice=written").text.contains("Chưa thiết lập gửi thư điện tử"))
        #expect(f.exists("out/reports/alert-\(alert.id).docx") && f.exists("out/reports/alert-\(alert.id).html"))
        let after = try b.get("/alerts?done=escalated").text
        #expect(after.contains("lan báo cáo lên cấp có thẩm quyền — gửi Ban Thường vụ Liên đoàn Lao động tỉnh Điện Biên"))
        let word = try b.get("/alerts/\(alert.id)/report?format=docx")
        #expect(word.status == 200 && word.header("Content-Type")?.contains("wordprocessingml") == true)
        #expect(try b.get("/alerts/\(alert.id)/report").text.contains("Kính gửi"))

        try b.get("/alerts")
        #expect(try b.post("/alerts/\(alert.id)/note", [("note", "Đã gặp đoàn viên")]).status == 303)
        try b.get("/alerts")
        #expect(try b.post("/alerts/\(alert.id)/issued", [("number", "21"), ("date", "2026-12-03")]).status == 303)
        let events = try #require(try f.read { try $0.alertEvents(alert: alert.id) }[alert.id])
        #expect(events.map(\.action) == [.escalated, .note, .issued])
        #expect(events.allSatisfy { $0.by == "lan" })
        #expect(try f.read { try $0.auditHistory(subject: "alert \(alert.id)") }.map(\.action)
                == [.alertEscalated, .alertNoted, .alertReportIssued])
        #expect(try f.text("out/reports/alert-\(alert.id).md").contains("Số: 21/BC-CĐVC"))
    }

    @Test func withoutThePermissionNoEscalationAndNoNoteText() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let alert = try #require(try f.read { try $0.alerts() }.first)
        let officer = try f.userBrowser("binh", role: .officer)
        let page = try officer.get("/alerts").text
        #expect(!page.contains("/alerts/\(alert.id)/escalate"), "no escalation form without the permission")
        #expect(try officer.post("/alerts/\(alert.id)/escalate", [("to", "ldld-tinh")]).status == 403)
        #expect(try officer.get("/alerts/\(alert.id)/report").status == 403)
        // a note is open to every officer; its text only to those with the permission
        try officer.get("/alerts")
        #expect(try officer.post("/alerts/\(alert.id)/note", [("note", "GHI-CHU-NHAY-CAM")]).status == 303)
        #expect(!(try officer.get("/alerts").text.contains("GHI-CHU-NHAY-CAM")))
        #expect(try f.userBrowser("an", role: .leader, sensitive: true).get("/alerts").text.contains("GHI-CHU-NHAY-CAM"))
        #expect(!f.exists("out/reports/alert-\(alert.id).md"))
    }

    @Test func aWrongStepIsRefusedInWordsAndRecordsNothing() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let alert = try #require(try f.read { try $0.alerts() }.first)
        let b = try f.userBrowser("lan", role: .officer, sensitive: true)
        try b.get("/alerts")
        let unsigned = try b.post("/alerts/\(alert.id)/issued", [("number", "5")])
        #expect(unsigned.status == 422 && unsigned.text.contains("chưa được báo cáo lên cấp có thẩm quyền"))
        try b.get("/alerts")
        #expect(try b.post("/alerts/\(alert.id)/note", [("note", " ")]).status == 422)
        #expect(try f.read { try $0.alertEvents(alert: alert.id) }.isEmpty)
        #expect(!(unsigned.text.contains("loa ")), "no command on a page")
    }
}
