import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb

/// The web front's defences that are not about signing in (SPEC §9.5, §9.6).
@Suite(.serialized) struct WebHardeningTests {
    @Test func redirectsOnlyEverPointIntoThisSite() throws {
        let f = try WebFixture()
        for target in ["//evil.example?lang=en", "/%5Cevil.example?lang=en", "/%2F%2Fevil.example?lang=en",
                       "/\\evil.example?lang=en", "/nowhere/at/all?lang=en"] {
            let r = try #require(try exchange(port: f.port, target: target), "\(target)")
            #expect(r.status == 303 && r.header("Location") == "/", "\(target): \(r.header("Location") ?? "-")")
        }
        let same = try exchange(port: f.port, target: "/unit/report/2026-11?lang=en")
        #expect(same?.header("Location") == "/unit/report/2026-11")
        for location in ["//evil.example", "/\\evil.example", "https://evil.example/", "/%5Cevil", "/%2f%2fevil",
                         "", "unit", "/a\r\nSet-Cookie: x=y"] {
            #expect(!HTTPResponse.isLocalPath(location), "\(location)")
            #expect(HTTPResponse.redirect(to: location).header("Location") == "/")
        }
        #expect(HTTPResponse.isLocalPath("/unit?sent=2026-11") && HTTPResponse.isLocalPath("/"))
        // whatever a handler answers, the server sends no Location off the site
        let (server, _) = try startServer { _ in } handler: { _ in
            HTTPResponse(status: 302, headers: [HTTPHeader("Location", "//evil.example/x")])
        }
        defer { server.stop() }
        #expect(try exchange(port: server.port, target: "/")?.header("Location") == "/")
    }

    @Test func aUnitLinkOpenedInABrowserSignedInAsSomeoneElseAsksFirst() throws {
        let f = try WebFixture()
        let officer = try f.userBrowser("binh", role: .officer)
        let link = try f.linkPath("cdcs-so-gddt")
        let asked = try officer.get(link, headers: [("Sec-Fetch-Site", "cross-site")])
        #expect(asked.status == 200 && asked.text.contains("Mở trang của đơn vị?") && asked.text.contains("binh"))
        // nothing changed: the officer is still signed in
        #expect(try officer.get("/dashboard").status == 200)
        // the button (with the officer's token) opens the unit's page
        try officer.get(link)
        let opened = try officer.post(link, [])
        #expect(opened.status == 303 && opened.header("Location") == "/unit")
        #expect(try officer.get("/unit").status == 200)
        #expect(try officer.get("/dashboard").status == 303)
        // a browser with no session, or with this unit's, goes straight in
        let fresh = Browser(port: f.port)
        #expect(try fresh.get(link).header("Location") == "/unit")
        #expect(try fresh.get(link).header("Location") == "/unit")
    }

    @Test func aUnitsSessionLasts30DaysAndItsCookieSaysSo() throws {
        let clock = TestClock()
        let f = try WebFixture(now: { clock.now })
        let b = Browser(port: f.port)
        let r = try b.get(try f.linkPath("cdcs-so-gddt"))
        #expect(r.header("Set-Cookie")?.contains("Max-Age=2592000") == true)
        clock.advance(29 * 86400)
        #expect(try b.get("/unit").status == 200)
        clock.advance(29 * 86400)
        #expect(try b.get("/unit").status == 403, "a session ends 30 days after it began, used or not")
    }

    @Test func aPostAfterTheSessionEndedComesBackFilledAndIsSentOnceTheLinkIsOpenAgain() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        let key = try #require(b.formKey(for: "/unit/report/2026-11"))
        // the server restarted meanwhile: the session is gone
        b.cookies["loa_session"] = nil
        let ended = try b.post("/unit/report/2026-11", novemberReport(), key: key)
        #expect(ended.status == 401)
        #expect(ended.text.contains("value=\"Nguyễn Thị Lan\"") && ended.text.contains("name=\"resume\""))
        #expect(ended.text.contains("value=\"\(key)\""), "the form keeps its one-time key")
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) } == nil)
        // the unit opens its link again, comes back and sends: the values come back ready to send
        let typed = hiddenFields(ended.text)
        _ = try b.get(try f.linkPath("cdcs-so-gddt"))
        let resumed = try b.post("/unit/report/2026-11", typed, csrf: .some(nil), key: .some(nil))
        #expect(resumed.status == 200 && resumed.text.contains("Đường dẫn đã được mở lại"))
        // the report form itself, filled with what was typed, ready to send with this session's token
        #expect(resumed.text.contains("value=\"Nguyễn Thị Lan\"") && resumed.text.contains("Hội nghị quán triệt 03 đề án"))
        #expect(try f.read { try $0.currentForm(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) } == nil)
        let sent = try b.post("/unit/report/2026-11", novemberReport())
        #expect(sent.status == 303 && sent.header("Location") == "/unit/report/2026-11/sent")
        #expect(try f.figures().activitiesByUnit["cdcs-so-gddt"] == 2)
    }

    /// The hidden fields of the last form on a page, as a browser sends them.
    func hiddenFields(_ page: String) -> [(String, String)] {
        let form = page.components(separatedBy: "<form method=\"post\"").last ?? ""
        return form.matches(of: /<input type="hidden" name="([^"]*)" value="([^"]*)">/).map {
            (unescape(String($0.output.1)), unescape(String($0.output.2)))
        }
    }

    func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func aUnitStoresAtMostItsQuotaADay() throws {
        let f = try WebFixture(before: { paths in
            let plan = paths.root + "/content/plan.yml"
            let text = try String(contentsOfFile: plan, encoding: .utf8)
            try (text + "unit_quota_mib: 1\n").write(toFile: plan, atomically: true, encoding: .utf8)
        })
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/report/2026-11")
        let long = String(repeating: "ghichudai-", count: 60_000)
        let first = try b.post("/unit/report/2026-11", [("reporter", "Lan"), ("note", long), ("action", "draft")])
        #expect(first.status == 303)
        try b.get("/unit/report/2026-11")
        let second = try b.post("/unit/report/2026-11", [("reporter", "Lan"), ("note", long + "thêm"),
                                                         ("action", "draft")])
        #expect(second.status == 429 && second.text.contains("hơn 1 MB"))
        let draft = try #require(try f.read { try $0.draft(unit: "cdcs-so-gddt", period: Month(iso: "2026-11")!) })
        #expect(!draft.content.contains("thêm"), "nothing recorded past the quota")
        // another unit has its own quota
        let other = try f.unitBrowser("cdcs-so-yte")
        try other.get("/unit/report/2026-11")
        #expect(try other.post("/unit/report/2026-11", [("reporter", "Hoa"), ("action", "draft")]).status == 303)
    }

    @Test func draftsAndReportsOnlyForOpenMonths() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        for month in ["2019-01", "2026-09", "2027-01"] {
            #expect(try b.get("/unit/report/\(month)").status == 404, "\(month)")
            try b.get("/unit/report/2026-11")
            #expect(try b.post("/unit/report/\(month)", [("reporter", "Lan"), ("action", "draft")]).status == 404)
        }
        try b.get("/unit/activity")
        let old = try b.post("/unit/activity", [("activity-1-date", "2019-05-02"), ("activity-1-type", "khac"),
                                               ("activity-1-title", "Cũ"), ("activity-1-participants", "3")])
        #expect(old.status == 422)
        #expect(try f.read { try $0.draft(unit: "cdcs-so-gddt", period: Month(iso: "2019-05")!) } == nil)
        for month in ["2026-10", "2026-11", "2026-12"] { #expect(try b.get("/unit/report/\(month)").status == 200) }
    }

    @Test func uploadTemporariesAreGoneAfterEachRequestAndWhenTheServerStarts() throws {
        let f = try WebFixture(before: { paths in
            let stale = UploadFolder.path(paths) + "/left-by-a-killed-server"
            try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: stale + "/upload.csv", contents: Data("x".utf8))
        })
        let folder = UploadFolder.path(f.paths)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        let b = try f.unitBrowser("cdcs-so-gddt")
        try b.get("/unit/upload")
        let table = "unit,date,type,title,themes,participants,items\ncdcs-so-gddt,2026-11-21,khac,Thi ảnh,,12,\n"
        #expect(try b.upload("/unit/upload", fileName: "a.csv", bytes: Array(table.utf8)).status == 200)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    @Test func aSessionWhoseLinkCannotBeReadIsRefusedNotKeptOpen() throws {
        let folder = try TemporaryFolder()
        let f = try WebFixture()
        // the database is a folder: every read fails
        let app = WebApp(configuration: WebConfiguration(paths: f.paths, databasePath: folder.path,
                                                         fixedToday: f.today), key: f.key)
        let session = app.sessions.create(.unit("cdcs-so-gddt", linkVersion: 1))
        let r = app.handle(HTTPRequest(method: "GET", path: "/unit", cookies: [WebApp.sessionCookie: session.id]))
        #expect(r.status == 503)
        let user = app.sessions.create(.user(name: "lan", role: .officer, permissions: [], stamp: "x"))
        let u = app.handle(HTTPRequest(method: "GET", path: "/dashboard", cookies: [WebApp.sessionCookie: user.id]))
        #expect(u.status == 503)
    }

    @Test func openMonthsRunFromTheFirstExpectedMonthToNow() throws {
        let f = try WebFixture()
        let ws = try f.workspace
        var unit = try #require(ws.units.first)
        let today = try #require(Day(iso: "2026-12-03"))
        func open(_ m: String, first: String? = nil, plan: Plan = ws.plan) -> Bool {
            let expectation = ReportExpectation(plan: plan, firstReported: first.flatMap { Month(iso: $0) },
                                                today: today)
            return OpenMonths.isOpen(Month(iso: m)!, for: unit, expectation: expectation, today: today)
        }
        #expect(open("2026-10") && open("2026-12") && !open("2026-09") && !open("2027-01"))
        #expect(!open("2026-10", first: "2026-11"), "the latest of tracking_from and the first month reported")
        unit.joined = Day(iso: "2026-12-01")
        #expect(open("2026-12") && !open("2026-11"))
        var plan = ws.plan
        plan.trackingFrom = nil
        unit.joined = nil
        // nothing recorded and no tracking_from: the report due now is the first expected
        #expect(ReportExpectation(plan: plan, firstReported: nil, today: today).firstMonth(of: unit)
                == Month(iso: "2026-11"))
        #expect(open("2026-11", plan: plan) && !open("2026-10", plan: plan))
    }
}
