import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// What a unit sends is what happened (SPEC §9.5), through the real server on loopback as a unit's browser sends it.
@Suite(.serialized) struct UnitReportsPagesTests {
    let november = Month(iso: "2026-11")!

    /// The text a person reads on a page: tags, hidden inputs and attributes left out.
    func visible(_ page: String) -> String {
        var s = page.replacingOccurrences(of: #"<head>.*</head>"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        return s
    }

    /// The ids of every element on a page.
    func ids(_ page: String) -> Set<String> {
        Set(page.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) })
    }

    @Test func aBlankReportIsRefusedWithEachQuestionLinkedToItsFieldAndRecordsNothing() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        let before = try f.figures()
        let r = try b.post("/unit/report/2026-11", [("reporter", ""), ("mood", ""), ("action", "submit")])
        #expect(r.status == 422)
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: november) } == nil)
        #expect(try f.figures().reporting.received == before.reporting.received)
        let links = r.text.matches(of: /<li><a href="#([^"]+)">/).map { String($0.output.1) }
        #expect(links == ["reporter", "no-activity", "mood"])
        for id in links { #expect(ids(r.text).contains(id), "the summary links to #\(id), which the page has") }
        let words = visible(r.text)
        #expect(words.contains("Hãy điền «Người báo cáo».") && words.contains("Hãy chọn «Tâm trạng chung»."))
        #expect(words.contains("Hãy ghi ít nhất một hoạt động"))
        // a report that says there was no activity, and why, is an answer
        let none = try b.post("/unit/report/2026-11", [("reporter", "Lan"), ("mood", "on-dinh"), ("no-activity", "yes"),
                                                      ("no-activity-reason", "Đang kiện toàn"), ("action", "submit")])
        #expect(none.status == 303 && none.header("Location") == "/unit/report/2026-11/sent")
        #expect(try f.figures().reporting.received == before.reporting.received + 1)
        let sent = visible(try b.get("/unit/report/2026-11/sent").text)
        #expect(sent.contains("Không có hoạt động trong tháng — Đang kiện toàn"))
    }

    @Test func nothingIsTickedOrChosenForTheUnit() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let page = try b.get("/unit/report/2026-11").text
        #expect(page.contains("name=\"received\""))
        #expect(!page.contains("checked"), "no receipt, no 'no activity', no theme is ticked for the unit")
        #expect(page.matches(of: /value="[^"]+" selected/).count == 0, "no mood or type chosen for the unit")
    }

    @Test func startingFromLastMonthCopiesTheShapeButNotTheFigures() throws {
        let f = try WebFixture(today: "2026-11-03")
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-10")
        var october = [("reporter", "Lan"), ("mood", "lo-ngai"), ("summary", "TÓM-TẮT-10"), ("note", "GHI-CHÚ-10"),
                       ("activity-1-date", "2026-10-05"), ("activity-1-type", "hoi-nghi"),
                       ("activity-1-title", "Hội nghị hằng tháng"), ("activity-1-participants", "4242"),
                       ("activity-1-themes", "museum/1.1/a"), ("action", "submit")]
        #expect(try b.post("/unit/report/2026-10", october).status == 303)
        october.removeAll()
        let fresh = try b.get("/unit/report/2026-11?start=previous").text
        #expect(fresh.contains("value=\"Hội nghị hằng tháng\""))
        #expect(fresh.contains("value=\"hoi-nghi\" selected") && fresh.contains("value=\"museum/1.1/a\" checked"))
        for copied in ["4242", "TÓM-TẮT-10", "GHI-CHÚ-10", "value=\"Lan\"", "value=\"lo-ngai\" selected", "2026-10-05"] {
            #expect(!fresh.contains(copied), "\(copied) must not be copied into November")
        }
    }

    @Test func thePageAfterSendingShowsWhatWasRecordedInNamesWithAWayToCorrectIt() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        #expect(try b.post("/unit/report/2026-11", novemberReport()).status == 303)
        let page = try b.get("/unit/report/2026-11/sent")
        let words = visible(page.text)
        for shown in ["Báo cáo tháng 11/2026 đã được ghi nhận", "Ghi nhận ngày 03/12/2026, đúng hạn.", "Nguyễn Thị Lan",
                      "Bản tin Công đoàn Viên chức tỉnh — số ra ngày 13/11/2026", "Hội nghị quán triệt 03 đề án",
                      "05/11/2026 · Hội nghị · Số người tham dự: 42", "Bảo tàng Đảng: ", "Quan tâm", "Đoàn viên quan tâm tiến độ Bảo tàng.",
                      "Tin đồn TOPIC-SECRET trên mạng (nhạy cảm", "Không có."] {
            #expect(words.contains(shown), "\(shown)")
        }
        for hidden in ["QX-77", "museum/1.1/a", "hoi-nghi", "quan-tam", "ban-tin.2026-11-13"] {
            #expect(!words.contains(hidden), "\(hidden) is shown")
        }
        #expect(page.text.contains("<a class=\"button\" href=\"/unit/report/2026-11\">Sửa báo cáo</a>"))
        // the form names themes by their titles too
        let form = visible(try b.get("/unit/report/2026-11").text)
        #expect(form.contains("Bảo tàng Đảng: ") && !form.contains("museum/1.1"))
    }

    @Test func anUrgentIssueReachesTheOfficersAtOnceAndTheUnitRereadsItsTopicOnly() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        #expect(try b.get("/unit").text.contains("href=\"/unit/issue\""))
        try b.get("/unit/issue")
        let r = try b.post("/unit/issue", [("topic", "Tin đồn URGENT-TOPIC"), ("detail", "Chi tiết URGENT-DETAIL")])
        #expect(r.status == 303 && r.header("Location") == "/unit/issue?sent=1")
        let alerts = try f.read { try $0.alerts() }
        #expect(alerts.map(\.topic) == ["Tin đồn URGENT-TOPIC"] && alerts.first?.period == Month(iso: "2026-12"))
        // officers see it at once: its topic and detail with the sensitive permission, a count without
        let sensitive = try f.userBrowser("lan", role: .officer, sensitive: true)
        #expect(try sensitive.get("/alerts").text.contains("Chi tiết URGENT-DETAIL"))
        let plain = try f.userBrowser("binh", role: .officer)
        let page = try plain.get("/alerts").text
        #expect(!page.contains("URGENT-TOPIC") && !page.contains("URGENT-DETAIL"))
        #expect(try plain.get("/dashboard").text.contains("cdcs-so-gddt") || true)
        // the unit rereads the topic, never the detail; December's form says it is reported already
        let own = try b.get("/unit/issue?sent=1").text
        #expect(own.contains("Tin đồn URGENT-TOPIC") && !own.contains("URGENT-DETAIL"))
        let form = try b.get("/unit/report/2026-12").text
        #expect(form.contains("Đã báo ngay trong tháng") && form.contains("Tin đồn URGENT-TOPIC"))
        #expect(!form.contains("URGENT-DETAIL"))
        // nobody else
        let other = try f.unitBrowser("cdcs-so-yte")
        for path in ["/unit/issue", "/unit/report/2026-12", "/unit"] { #expect(!(try other.get(path).text.contains("URGENT"))) }
        // an empty topic is refused beside its field, in words
        try b.get("/unit/issue")
        let empty = try b.post("/unit/issue", [("topic", " "), ("detail", "x")])
        #expect(empty.status == 422 && empty.text.contains("<a href=\"#topic\">Hãy điền «Chủ đề».</a>"))
        #expect(try f.read { try $0.alerts() }.count == 1)
    }

    @Test func anUploadedFormThatRepeatsAnUrgentIssueOpensNoSecondAlertAndCountsItOnce() throws {
        let f = try WebFixture(today: "2026-11-20")
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/issue")
        #expect(try b.post("/unit/issue", [("topic", "Tin đồn về kinh phí"), ("detail", "")]).status == 303)
        var v = ReportFormValues(unit: "cdcs-so-gddt", period: november)
        v.reporter = "Lan"
        v.mood = "on-dinh"
        v.issues = [.init(topic: "Tin đồn về kinh phí", detail: "Chép lại", sensitive: true)]
        try b.get("/unit/upload")
        let up = try b.upload("/unit/upload", fileName: "bao-cao.md", bytes: Array(FormWriter.markdown(v).text.utf8))
        #expect(up.status == 200, "\(up.text)")
        #expect(try f.read { try $0.alerts() }.count == 1)
        #expect(try f.figures().issues == 1)
    }

    @Test func aFileDatedBackIsCountedFromTheServersDay() throws {
        let f = try WebFixture(today: "2026-12-09")
        let b = try f.unitBrowser("cdcs-so-gddt")
        var v = ReportFormValues(unit: "cdcs-so-gddt", period: november)
        v.submitted = Day(iso: "2026-10-25")  // before its month began, and long before the due date
        try b.get("/unit/upload")
        let up = try b.upload("/unit/upload", fileName: "bao-cao.md", bytes: Array(FormWriter.markdown(v).text.utf8))
        #expect(up.status == 200, "\(up.text)")
        #expect(try f.read { try $0.submissions(of: "cdcs-so-gddt") }[november] == Day(iso: "2026-12-09"))
        #expect(try f.figures().reporting.onTime == 0)
        #expect(try b.get("/unit").text.contains("Đã gửi muộn ngày 09/12/2026"))
    }

    @Test func enterSavesTheDraftAndAddingARowLandsOnIt() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let page = try b.get("/unit/report/2026-11").text
        let form = try #require(page.components(separatedBy: "<form method=\"post\" action=\"/unit/report/2026-11\"").last)
        let first = try #require(form.firstMatch(of: /<button type="submit"[^>]*>/)).output
        #expect(first.contains("value=\"draft\""), "the form's first submit button (what Enter presses) saves the draft")
        #expect(page.contains("formaction=\"/unit/report/2026-11#activity-2\""))
        let added = try b.post("/unit/report/2026-11", [("reporter", "Lan"), ("action", "add-activity")])
        #expect(added.status == 200 && ids(added.text).contains("activity-2"))
        #expect(added.text.contains("value=\"Lan\""), "what was typed stays")
        #expect(added.text.contains("formaction=\"/unit/report/2026-11#activity-3\""))
    }

    @Test func afterTheSessionEndedThePageSaysWhatWasTypedUnderItsLabels() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        b.cookies["loa_session"] = nil
        let ended = try b.post("/unit/report/2026-11", novemberReport())
        #expect(ended.status == 401)
        let words = visible(ended.text)
        #expect(words.contains("Phiên làm việc đã kết thúc") && words.contains("mở lại đường dẫn của đơn vị"))
        for (label, value) in [("Người báo cáo", "Nguyễn Thị Lan"), ("Hoạt động 1 — Hình thức", "Hội nghị"),
                               ("Hoạt động 1 — Nội dung trọng tâm", "Bảo tàng Đảng: "), ("Tâm trạng chung", "Quan tâm")] {
            #expect(ended.text.contains("<dt>\(label)</dt><dd class=\"pre\">\(value)"), "\(label)")
        }
        for key in ["activity-1-title", "hoi-nghi", "museum/1.1/a", "quan-tam"] {
            #expect(!words.contains(key), "\(key) is shown")
        }
        #expect(ended.text.contains("class=\"unit\""), "styled as the unit's pages")
    }

    @Test func aUnitsManifestStartsFromItsOwnLinkAndIsServedToThatUnitOnly() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let home = try b.get("/unit").text
        #expect(home.contains("<link rel=\"manifest\" href=\"/unit/manifest.webmanifest\" crossorigin=\"use-credentials\">"))
        let r = try b.get("/unit/manifest.webmanifest")
        #expect(r.status == 200 && r.header("Content-Type") == "application/manifest+json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.text.utf8)) as? [String: Any])
        let start = try #require(json["start_url"] as? String)
        #expect(start == (try f.linkPath("cdcs-so-gddt")))
        #expect((json["name"] as? String)?.contains("CĐCS Sở Giáo dục và Đào tạo") == true)
        // the start URL signs a fresh browser in, as the link does
        let phone = Browser(port: f.port)
        #expect(try phone.get(start).header("Location") == "/unit")
        let other = try f.unitBrowser("cdcs-so-yte")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(try other.get("/unit/manifest.webmanifest")
            .text.utf8)) as? [String: Any])
        #expect(theirs["start_url"] as? String == (try f.linkPath("cdcs-so-yte")))
        #expect(try Browser(port: f.port).get("/unit/manifest.webmanifest").status == 403)
        let officer = try f.userBrowser("binh", role: .officer)
        #expect(try officer.get("/unit/manifest.webmanifest").status == 403)
        #expect(!(try officer.get("/dashboard").text.contains("rel=\"manifest\"")))
    }

    @Test func theOfflinePathStandsAlone() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let page = try b.get("/unit/upload").text
        #expect(page.contains("href=\"/unit/report/2026-11/form\"") && page.contains("href=\"/unit/activities.csv\""))
        // the month's blank form, as `loa form` writes it
        let blank = try b.get("/unit/report/2026-11/form")
        #expect(blank.status == 200 && blank.header("Content-Disposition")?.contains("cdcs-so-gddt-2026-11.md") == true)
        let s = f.session
        let ws = try f.workspace
        let unit = try #require(ws.units.first { $0.code.value == "cdcs-so-gddt" })
        #expect(blank.text == (try UnitReports.blankForm(unit: unit, month: november, workspace: ws, session: s)))
        #expect(blank.text.contains("received: []"))
        #expect(try b.get("/unit/report/2019-01/form").status == 404)
        // the activity table, filled as Excel would (dd/mm/yyyy, the type by name), sent back
        let template = try b.get("/unit/activities.csv")
        #expect(template.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(template.text.hasPrefix("\u{FEFF}unit,date,type,title,themes,participants,items"))
        let filled = template.text + "cdcs-so-gddt,21/11/2026,Thi tìm hiểu,Thi tìm hiểu về Bảo tàng,,33,\r\n"
        try b.get("/unit/upload")
        let up = try b.upload("/unit/upload", fileName: "hoat-dong.csv", bytes: Array(filled.utf8))
        #expect(up.status == 200, "\(visible(up.text))")
        #expect(try f.figures().activitiesByType[.thiTimHieu] == 1)
        // a file Excel saved as "Unicode text" is refused in words
        let utf16: [UInt8] = [0xFF, 0xFE] + Array(filled.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try b.get("/unit/upload")
        let refused = try b.upload("/unit/upload", fileName: "x.csv", bytes: utf16)
        #expect(refused.status == 422 && visible(refused.text).contains("hãy lưu tệp dạng CSV UTF-8"))
    }

    @Test func errorsOnEveryUnitPageSpeakOfLabelsNeverKeysPathsOrPositions() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        var pages: [String] = []
        try b.get("/unit/report/2026-11")
        var bad = novemberReport(participants: "bốn mươi")
        bad = bad.map { $0.0 == "activity-1-type" ? ($0.0, "hop-mat") : $0 }
        pages.append(try b.post("/unit/report/2026-11", bad).text)
        try b.get("/unit/activity")
        pages.append(try b.post("/unit/activity", [("activity-1-date", "2026-13-40"), ("activity-1-title", "")]).text)
        try b.get("/unit/upload")
        let table = "unit,date,type,title,participants\ncdcs-so-gddt,32/11/2026,hop-mat,,nhiều\n"
        pages.append(try b.upload("/unit/upload", fileName: "bang.csv", bytes: Array(table.utf8)).text)
        try b.get("/unit/upload")
        let form = "---\nform: loa-report/1\nunit: cdcs-so-gddt\nperiod: 2026-11\nreporterr: Lan\n---\n"
        pages.append(try b.upload("/unit/upload", fileName: "bao-cao.md", bytes: Array(form.utf8)).text)
        for page in pages {
            let words = visible(page)
            #expect(words.contains("«") || words.contains("Dòng"), "\(words.prefix(400))")
            for leak in [#"\"[a-z_]+\" "#, #"[a-z-]+\.(csv|md):"#, #":[0-9]+:[0-9]+"#, "error:", #"quy tắc [0-9]"#,
                         #"activity-[0-9]"#, "reporterr", "hop-mat\\b(?!”)"] {
                #expect(words.range(of: leak, options: .regularExpression) == nil, "\(leak) in \(words.prefix(600))")
            }
        }
        #expect(visible(pages[2]).contains("Dòng 2: «Ngày»: “32/11/2026” không phải là một ngày"))
        #expect(visible(pages[3]).contains("Dòng 5: Nội dung không đúng mẫu báo cáo"))
    }
}
