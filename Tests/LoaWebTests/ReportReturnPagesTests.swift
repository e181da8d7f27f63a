import Foundation
import Testing
import LoaCore
import LoaStore
@testable import LoaWeb

/// Returning a unit's report for correction (SPEC §9.7, issue 23 part 5): an officer returns it with a comment, the
/// unit reads the comment and corrects, and the history keeps the return and the correction; the figures do not move.
@Suite struct ReportReturnPagesTests {
    static let page = "/units/cdcs-so-gddt/2026-11"
    static let comment = "Hoạt động 2 thiếu số người tham dự đúng; đề nghị kiểm tra lại."

    @Test func anOfficerReturnsAReportTheUnitReadsTheCommentAndItsCorrectionEndsTheReturn() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let before = try f.figures()
        let submitted = try f.read { try $0.submissions(of: "cdcs-so-gddt")[Month(iso: "2026-11")!] }
        let officer = try f.userBrowser("binh", role: .officer)
        // the completeness page's row leads to what the unit sent
        let grid = try officer.get("/completeness?month=2026-11")
        #expect(grid.text.contains("href=\"\(Self.page)\""))
        let sent = try officer.get(Self.page)
        #expect(sent.status == 200 && sent.text.contains("Hội nghị quán triệt 03 đề án"))
        #expect(sent.text.contains("Trả lại để sửa"))
        let r = try officer.post(Self.page + "/return", [("comment", Self.comment)])
        #expect(r.status == 303 && r.header("Location") == Self.page + "?done=returned")
        let returned = try officer.get(Self.page + "?done=returned").text
        #expect(returned.contains("đã trả lại") && returned.contains(Self.comment) && returned.contains("Mở lại"))
        #expect(try officer.get("/completeness?month=2026-11").text.contains("đã trả lại"))
        let audit = try f.read { try $0.auditHistory(subject: "cdcs-so-gddt/2026-11") }
        #expect(audit.last?.action == .reportReturned && audit.last?.actor == .user("binh"))
        // it still counts as sent, from its first submission
        #expect(try f.figures().activitiesByUnit == before.activitiesByUnit)

        // the unit sees the comment on its home page and on the month's form, and corrects
        let unit = try f.unitBrowser("cdcs-so-gddt")
        let home = try unit.get("/unit").text
        #expect(home.contains(Self.comment) && home.contains("href=\"/unit/report/2026-11\""))
        let form = try unit.get("/unit/report/2026-11").text
        #expect(form.contains(Self.comment))
        let corrected = try unit.post("/unit/report/2026-11", novemberReport(participants: "45"))
        #expect(corrected.status == 303)
        #expect(!(try unit.get("/unit").text.contains(Self.comment)), "the correction ends the return")
        #expect(try f.read { try $0.submissions(of: "cdcs-so-gddt")[Month(iso: "2026-11")!] } == submitted)

        // the history keeps both
        let after = try officer.get(Self.page).text
        #expect(!after.contains("Mở lại"))
        let history = try #require(after.range(of: "Lịch sử").map { String(after[$0.lowerBound...]) })
        let sentLine = try #require(history.range(of: "đơn vị gửi báo cáo"))
        let returnLine = try #require(history.range(of: "binh trả lại để sửa"))
        let correctionLine = try #require(history.range(of: "đơn vị gửi bản sửa"))
        #expect(sentLine.lowerBound < returnLine.lowerBound && returnLine.lowerBound < correctionLine.lowerBound)
        #expect(history.contains(Self.comment))
        #expect(!(try officer.get("/completeness?month=2026-11").text.contains("đã trả lại")))
    }

    @Test func aReturnNeedsAnOfficerAFormTokenAComment_AndIsRecordedOnce() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let leader = try f.userBrowser("lan", role: .leader)
        #expect(try leader.get(Self.page).status == 200, "leaders read")
        #expect(!(try leader.get(Self.page).text.contains("Trả lại để sửa")))
        #expect(try leader.post(Self.page + "/return", [("comment", Self.comment)]).status == 403)
        let officer = try f.userBrowser("binh", role: .officer)
        try officer.get(Self.page)
        #expect(try officer.post(Self.page + "/return", [("comment", Self.comment)], csrf: .some(nil)).status == 403)
        try officer.get(Self.page)
        let empty = try officer.post(Self.page + "/return", [("comment", "   ")])
        #expect(empty.status == 422 && empty.text.contains("Hãy viết nhận xét"))
        try officer.get("/units/cdcs-so-yte/2026-11")
        let unsent = try officer.post("/units/cdcs-so-yte/2026-11/return", [("comment", Self.comment)])
        #expect(unsent.status == 422)
        #expect(try f.read { try $0.openReturns(period: Month(iso: "2026-11")!) }.isEmpty)
        // a double tap records one return
        try officer.get(Self.page)
        let key = try #require(officer.formKey(for: Self.page + "/return"))
        #expect(try officer.post(Self.page + "/return", [("comment", Self.comment)], key: key).status == 303)
        try officer.get(Self.page)
        #expect(try officer.post(Self.page + "/return", [("comment", Self.comment)], key: key).status == 303)
        #expect(try f.read { try $0.reportReturns(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) }.count == 1)
    }

    @Test func reopeningEndsTheReturnWithoutACorrection() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let officer = try f.userBrowser("binh", role: .officer)
        try officer.get(Self.page)
        #expect(try officer.post(Self.page + "/return", [("comment", Self.comment)]).status == 303)
        try officer.get(Self.page)
        #expect(try officer.post(Self.page + "/reopen", []).status == 303)
        let page = try officer.get(Self.page).text
        #expect(page.contains("binh mở lại") && page.contains("Trả lại để sửa"))
        #expect(!(try f.unitBrowser("cdcs-so-gddt").get("/unit").text.contains(Self.comment)))
        let audit = try f.read { try $0.auditHistory(subject: "cdcs-so-gddt/2026-11") }.map(\.action)
        #expect(audit.suffix(2) == [.reportReturned, .reportReopened])
        try officer.get(Self.page)
        #expect(try officer.post(Self.page + "/reopen", []).status == 422, "nothing to reopen")
    }
}
