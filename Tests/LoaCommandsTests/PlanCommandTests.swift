import Foundation
import Testing

/// Runs Python's icalendar over a file; nil (with the reason printed) when it is not installed.
func pythonICalendar(_ path: String) throws -> [String: Any]? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", repositoryRoot + "/Tests/tools/read_ics.py", path]
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    if errText.contains("No module named 'icalendar'") {
        toolMissing("Python's icalendar is not installed")
        return nil
    }
    #expect(p.terminationStatus == 0, "\(errText)")
    return try JSONSerialization.jsonObject(with: data) as? [String: Any]
}

@Suite struct PlanCommandTests {
    @Test func planWritesCalendarAndDocumentsDeterministically() throws {
        let ws = try TempWorkspace()
        let r1 = try ws.run(["plan", "2026-12"])
        #expect(r1.code == 0, "\(r1.stderr)")
        let ics1 = try ws.readData("calendars/2026-12.ics"), md1 = try ws.readData("out/plans/2026-12.md"), html1 = try ws.readData("out/plans/2026-12.html")
        let r2 = try ws.run(["plan", "2026-12"])
        #expect(r2.code == 0)
        #expect(try ws.readData("calendars/2026-12.ics") == ics1)
        #expect(try ws.readData("out/plans/2026-12.md") == md1)
        #expect(try ws.readData("out/plans/2026-12.html") == html1)
        let md = String(decoding: md1, as: UTF8.self)
        #expect(md.contains("*Điện Biên, ngày 23 tháng 11 năm 2026*"))
        #expect(md.contains("Tuyên truyền tháng 12/2026"))
        #expect(md.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(md.contains("80 năm (1946 - 2026) — **năm tròn**"))
        #expect(md.contains("Nơi nhận"))
        let html = String(decoding: html1, as: UTF8.self)
        #expect(html.contains("<html lang=\"vi\">"))
        #expect(html.contains("@page { size: A4"))
    }

    @Test func everyCalendarParsesInPythonICalendarWithTheSameEvents() throws {
        let ws = try TempWorkspace()
        // a title long enough to fold inside Vietnamese characters
        try ws.edit("content/items/chuyen-doi-so/cds-xu-the-tat-yeu.md",
                    replacing: "title: Chuyển đổi số trong cơ quan Đảng — xu thế không thể đứng ngoài",
                    with: "title: \"Chuyển đổi số trong cơ quan Đảng — xu thế tất yếu, đòi hỏi đổi mới tư duy, cách làm; một, hai; ba\\\\bốn\"")
        #expect(try ws.run(["plan", "2026-12", "--format", "json"]).code == 0)
        let path = ws.path("calendars/2026-12.ics")
        let bytes = [UInt8](try ws.readData("calendars/2026-12.ics"))
        // every line ends in CRLF and holds at most 75 octets; no fold splits a UTF-8 sequence
        var lineLength = 0
        for (i, b) in bytes.enumerated() {
            if b == 10 { #expect(bytes[i - 1] == 13); #expect(lineLength - 1 <= 75); lineLength = 0; continue }
            if lineLength == 0 && b == 32 { #expect(bytes[i + 1] & 0xC0 != 0x80) }
            lineLength += 1
        }
        guard let parsed = try pythonICalendar(path) else { return }
        let events = parsed["events"] as! [[String: Any]]
        let json = try ws.run(["plan", "2026-12", "--format", "json"])
        let ours = (try JSONSerialization.jsonObject(with: json.stdoutBytes) as! [String: Any])["entries"] as! [[String: Any]]
        #expect(events.count == ours.count)
        #expect(Set(events.map { "\($0["item"]!)|\($0["channel"]!)|\($0["start"]!)" }) ==
                Set(ours.map { "\($0["item"]!)|\($0["channel"]!)|\($0["date"]!)" }))
        let long = events.first { ($0["item"] as! String) == "cds-xu-the-tat-yeu" }!
        #expect((long["summary"] as! String).hasSuffix("xu thế tất yếu, đòi hỏi đổi mới tư duy, cách làm; một, hai; ba\\bốn"))
        #expect((long["categories"] as! [String]) == ["digital/2.1/a"])
        #expect((long["status"] as! String) == "TENTATIVE")
        #expect((long["stamp"] as! String).hasPrefix("2026-11-23"))
        let first = events.first!
        let start = first["start"] as! String, end = first["end"] as! String
        #expect(start < end)
        #expect(parsed["tz"] as! String == "Asia/Ho_Chi_Minh")
        // the observance calendar is read by icalendar too
        #expect(try pythonICalendar(ws.path("calendars/observances.ics"))?["events"] != nil)
    }

    @Test func confirmedEntriesSurviveReplanningAndConfirmConfirmsAll() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        let confirmed = try ws.read("calendars/2026-12.ics")
        #expect(!confirmed.contains("STATUS:TENTATIVE"))
        // a new approved item does not move confirmed entries; it fills free room only
        try ws.write("content/items/moi.md", "---\ntitle: Bài mới\nthemes: [museum/1.1/d]\nchannels: [website]\nstatus: approved\napproved: 2026-11-20\n---\nNội dung.\n")
        let r = try ws.run(["plan", "2026-12", "--format", "json"])
        #expect(r.code == 0, "\(r.stderr)")
        let after = try ws.read("calendars/2026-12.ics")
        let confirmedUIDs = confirmed.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
        for uid in confirmedUIDs { #expect(after.contains(uid)) }
        #expect(after.contains("UID:moi.website."))
        #expect(r.stdout.contains("\"item\": \"moi\", \"channel\": \"website\""))
        #expect(r.stdout.contains("\"status\": \"tentative\""))
        // the next month never repeats an item on a channel where it is confirmed
        let jan = try ws.run(["plan", "2027-01", "--format", "json"])
        let janEntries = (try JSONSerialization.jsonObject(with: jan.stdoutBytes) as! [String: Any])["entries"] as! [[String: Any]]
        let decConfirmed = Set(confirmedUIDs.map { $0.dropFirst(4).split(separator: ".").prefix(2).joined(separator: ".") })
        for e in janEntries { #expect(!decConfirmed.contains("\(e["item"]!).\(e["channel"]!)")) }
    }

    @Test func aPinThatBreaksARuleIsExit65NamingItemAndRule() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/items/chuyen-doi-so/cds-so-hoa-tai-lieu.md", replacing: "pin: 2026-12-15", with: "pin: 2026-12-14")
        let r = try ws.run(["plan", "2026-12"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("cds-so-hoa-tai-lieu.md:"))
        #expect(r.stderr.contains("bài cds-so-hoa-tai-lieu ghim ngày 2026-12-14"))
        #expect(r.stderr.contains("quy tắc 7"))
        #expect(!ws.exists("calendars/2026-12.ics"))
        let bad = try ws.run(["plan", "2026-13"])
        #expect(bad.code == 64)
    }

    @Test func planJSONHasTheSpecKeys() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["plan", "2026-12", "--format", "json"])
        let o = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
        #expect(o["month"] as? String == "2026-12")
        #expect((o["uncovered_themes"] as! [String]).contains("museum/1.1/d"))
        let empty = o["empty_slots"] as! [[String: Any]]
        #expect(empty.allSatisfy { ($0["free"] as! Int) > 0 })
        let entries = o["entries"] as! [[String: Any]]
        let keys = entries.map { "\($0["date"]!)|\($0["channel"]!)|\($0["item"]!)" }
        #expect(keys == keys.sorted())
    }
}
