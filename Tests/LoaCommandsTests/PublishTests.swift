import Foundation
import Testing

func sqlite(_ db: String, _ sql: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sqlite3", db, sql]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite struct PublishTests {
    @Test func publishingRendersRecordsOnceAndDeliversToEveryReceivingUnit() throws {
        let ws = try TempWorkspace()
        // raw HTML in a body must not pass through
        try ws.edit("content/items/bao-tang/bao-tang-vi-sao-can-xay.md", replacing: "## Tài liệu quý", with: "<script>alert(1)</script>\n\n<b onclick=\"x\">in đậm</b> [xem](javascript:alert(2))\n\n## Tài liệu quý")
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        let r = try ws.run(["publish", "ban-tin", "2026-12-15"], today: "2026-12-15")
        #expect(r.code == 0, "\(r.stderr)")
        let html = try ws.read("out/issues/ban-tin/2026-12-15.html")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("Bản tin Công đoàn Viên chức tỉnh"))
        #expect(html.contains("Số ra Thứ Ba, 15/12/2026"))
        #expect(try ws.exists("out/issues/ban-tin/2026-12-15.md"))
        let db = ws.path("loa.sqlite")
        let items = Int(try sqlite(db, "SELECT count(*) FROM publication_items"))!
        // units existing on 2026-12-15: all 16 but the one that left on 2026-12-10
        #expect(try sqlite(db, "SELECT count(*) FROM deliveries") == String(items * 15))
        #expect(try sqlite(db, "SELECT count(DISTINCT unit) FROM deliveries WHERE unit = 'cdcs-ban-qlda'") == "0")
        let before = try ws.readData("out/issues/ban-tin/2026-12-15.html")
        let again = try ws.run(["publish", "ban-tin", "2026-12-15"], today: "2026-12-16")
        #expect(again.code == 0)
        #expect(again.stdout.contains("không thay đổi gì"))
        #expect(try sqlite(db, "SELECT count(*) FROM publications") == "1")
        #expect(try ws.readData("out/issues/ban-tin/2026-12-15.html") == before)
        // a channel scoped to clusters delivers only to them
        #expect(try ws.run(["publish", "phat-thanh-noi-bo", "2026-12-07"]).code == 0)
        #expect(try sqlite(db, "SELECT group_concat(DISTINCT d.unit) FROM deliveries d JOIN publications p ON p.id = d.publication_id WHERE p.channel = 'phat-thanh-noi-bo'")
                == "cdcs-cd-y-te,cdcs-ptdtnt-tinh,cdcs-thpt-chuyen,cdcs-thpt-phan-dinh-giot")
        // published items are never planned again on that channel
        let jan = try ws.run(["plan", "2027-01", "--format", "json"])
        #expect(!jan.stdout.contains("\"item\": \"bao-tang-vi-sao-can-xay\", \"channel\": \"ban-tin\""))
    }

    @Test func aSlotWithoutConfirmedEntriesSaysHowToConfirm() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12"]).code == 0)
        let r = try ws.run(["publish", "ban-tin", "2026-12-15"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("loa plan 2026-12 --confirm"))
        #expect(!ws.exists("out/issues/ban-tin/2026-12-15.html"))
        let typo = try ws.run(["publish", "ban-tim", "2026-12-15"])
        #expect(typo.code == 64)
        #expect(typo.stderr.contains("\"ban-tin\""))
    }

    @Test func twoProcessesPublishingAtOnceBothSucceed() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        let slots = [("website", "2026-12-01"), ("website", "2026-12-08"), ("bang-tin", "2026-12-01"), ("zalo-oa", "2026-12-03")]
        nonisolated(unsafe) var codes = [Int32](repeating: -1, count: slots.count)
        DispatchQueue.concurrentPerform(iterations: slots.count) { i in
            codes[i] = (try? ws.run(["publish", slots[i].0, slots[i].1]))?.code ?? -2
        }
        #expect(codes == [0, 0, 0, 0])
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM publications") == "4")
    }

    @Test func aProcessKilledInALargeWriteLeavesAllOrNothing() throws {
        let ws = try TempWorkspace()
        // 150,000 units make one publication a write of several hundred thousand rows
        var csv = "code,name,members\n"
        for i in 0..<150_000 { csv += "u\(i),Đơn vị \(i),10\n" }
        try ws.write("content/units.csv", csv)
        try ws.edit("content/channels.yml", replacing: "  units: [cum-giao-duc, cum-y-te, cum-quan-ly-nha-nuoc]", with: "  units: all")
        try ws.edit("content/channels.yml", replacing: "  units: [cum-giao-duc]", with: "  units: all")
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: loaBinary)
        p.arguments = ["--workspace", ws.root, "--today", "2026-12-15", "publish", "ban-tin", "2026-12-15"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // wait until the write has begun (the WAL grows), then kill
        let wal = ws.path("loa.sqlite-wal")
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let size = (try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int, size > 1_000_000 { break }
            usleep(2_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let db = ws.path("loa.sqlite")
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok")
        let deliveries = Int(try sqlite(db, "SELECT count(*) FROM deliveries")) ?? -1
        let items = Int(try sqlite(db, "SELECT count(*) FROM publication_items")) ?? -1
        #expect(deliveries == 0 || deliveries == items * 150_000, "deliveries \(deliveries)")
        #expect(p.terminationReason == .uncaughtSignal)
    }

    @Test func backupIsAnOnlineCopy() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-12", "--confirm"]).code == 0)
        #expect(try ws.run(["publish", "ban-tin", "2026-12-15"]).code == 0)
        let target = ws.path("copy.sqlite")
        let r = try ws.run(["backup", target])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try sqlite(target, "SELECT count(*) FROM deliveries") == (try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM deliveries")))
        #expect(try ws.run(["backup", target]).code == 64)
    }
}
