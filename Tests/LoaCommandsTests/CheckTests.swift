import Foundation
import Testing

@Suite struct CheckCommandTests {
    @Test func theShippedWorkspacePassesCheck() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["check"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("error:"))
        #expect(r.stdout.contains("3 đề án"))
    }

    @Test func aTypoAWrongThemeAndATabGiveThreePreciseErrors() throws {
        let ws = try TempWorkspace()
        // a typo in a key of channels.yml
        try ws.edit("content/channels.yml", replacing: "  capacity: 4\n", with: "  capacty: 4\n")
        let chLine = lineNumber(of: "capacty", in: try ws.read("content/channels.yml"))!
        // a wrong theme reference
        let item = "content/items/bao-tang/bao-tang-vi-sao-can-xay.md"
        try ws.edit(item, replacing: "themes: [museum/1.1/b]", with: "themes: [museum/1.1/x]")
        let itemLine = lineNumber(of: "museum/1.1/x", in: try ws.read(item))!
        // a tab in the indentation of an item's front matter
        let other = "content/items/ho-tay/ho-tay-thiet-ke.md"
        try ws.edit(other, replacing: "status: approved", with: "status: approved\nextra:\n\t- a")
        let tabLine = lineNumber(of: "\t- a", in: try ws.read(other))!
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 3, "\(r.stderr)")
        #expect(r.stderr.contains("content/channels.yml:\(chLine):3: error: khóa không hợp lệ \"capacty\"; có phải ý bạn là \"capacity\"?"))
        #expect(r.stderr.contains("\(item):\(itemLine):10: error: không có nội dung trọng tâm \"museum/1.1/x\""))
        #expect(r.stderr.contains("\(other):\(tabLine):1: error: không dùng ký tự tab"))
    }

    @Test func englishMessagesWithLangEn() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/channels.yml", replacing: "  capacity: 4\n", with: "  capacty: 4\n")
        let r = try ws.run(["check", "--lang", "en"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("error: unknown key \"capacty\"; did you mean \"capacity\"?"))
        let r2 = try ws.run(["check"], env: ["LOA_LANG": "en"])
        #expect(r2.stderr.contains("unknown key"))
    }

    @Test func everyReferenceRuleIsChecked() throws {
        let ws = try TempWorkspace()
        try ws.write("content/items/x.md", """
        ---
        title: X
        themes: [museum/1.1/a, nope]
        channels: [ban-tinn]
        audiences: [doan-vien, ai-do]
        status: approved
        observance: thanh-lap-dangg
        not_before: 2027-02-01
        not_after: 2027-01-01
        ---
        body
        """)
        try ws.write("content/items/y.md", "---\nid: x\ntitle: Y\nthemes: [museum/1.1/a]\nchannels: [ban-tin]\nstatus: approved\n---\n")
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        let s = r.stderr
        #expect(s.contains("content/items/x.md:3:24: error: \"nope\" phải có dạng"))
        #expect(s.contains("content/items/x.md:4:12: error: không có kênh \"ban-tinn\"; có phải ý bạn là \"ban-tin\"?"))
        #expect(s.contains("content/items/x.md:5:24: error: không có đối tượng \"ai-do\""))
        #expect(s.contains("content/items/x.md:7:13: error: không có ngày kỷ niệm \"thanh-lap-dangg\"; có phải ý bạn là \"thanh-lap-dang\"?"))
        #expect(s.contains("content/items/x.md:8:13: error: not_before (2027-02-01) sau not_after (2027-01-01)"))
        #expect(s.contains("content/items/y.md:2:5: error: bài \"x\" bị trùng"))
        #expect(s.contains("content/items/y.md:2:1: error: bài ở trạng thái approved phải có ngày duyệt"))
    }

    @Test func planRulesDuplicatesReversedPhasesAndUnknownUnits() throws {
        let ws = try TempWorkspace()
        try ws.edit("content/plan.yml", replacing: "        to: 2027-12-31", with: "        to: 2024-12-31")
        try ws.edit("content/plan.yml", replacing: "  - id: nhan-dan", with: "  - id: doan-vien")
        try ws.edit("content/channels.yml", replacing: "cum-y-te, cum-quan-ly-nha-nuoc]", with: "cum-y-te, cum-khong-co]")
        try ws.edit("content/plan.yml", replacing: "    metric: reach", with: "    metric: reachh")
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        let plan = try ws.read("content/plan.yml")
        let reversed = lineNumber(of: "id: \"3.1\"", in: plan)! + 2
        #expect(r.stderr.contains("content/plan.yml:\(reversed):15: error: ngày bắt đầu 2025-01-01 sau ngày kết thúc 2024-12-31"))
        let first = lineNumber(of: "  - id: doan-vien", in: plan)!
        #expect(r.stderr.contains("error: đối tượng \"doan-vien\" bị trùng (đã khai báo tại \(first):9)"))
        #expect(r.stderr.contains("error: không có đơn vị \"cum-khong-co\""))
        #expect(r.stderr.contains("error: giá trị không hợp lệ \"reachh\"") && r.stderr.contains("có phải ý bạn là \"reach\"?"))
        #expect(r.stderr.contains("note: giai đoạn digital/2.1 và digital/2.2 chồng lấn"))
    }

    @Test func unitsCSVAcceptsSemicolonsBOMAndCRLFButRejectsBadRows() throws {
        let ws = try TempWorkspace()
        try ws.write("content/units.csv", bytes: Array("\u{FEFF}code;name;cluster;members\r\ncdcs-a;\"CĐCS A; khối 1\";cum-giao-duc;12\r\ncdcs-b;CĐCS B;cum-y-te;x\r\nCDCS C;C;;1\r\n".utf8))
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("content/units.csv:3:24: error: \"x\" không phải số nguyên không âm"))
        #expect(r.stderr.contains("content/units.csv:4:1: error: mã \"CDCS C\""))
        #expect(!r.stderr.contains("units.csv:2:"))
    }

    @Test func invalidUTF8IsReportedWithByteOffset() throws {
        let ws = try TempWorkspace()
        var bytes = Array("---\ntitle: Bài\n".utf8)
        let offset = bytes.count + 7
        bytes += Array("themes:".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8)
        try ws.write("content/items/bad.md", bytes: bytes)
        let r = try ws.run(["check"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("content/items/bad.md:3:8: error: UTF-8 không hợp lệ (byte thứ \(offset))"), "\(r.stderr)")
    }
}

@Suite struct CommandLineTests {
    @Test func versionHelpAndCommandHelpAgree() throws {
        let v = try loa(["--version"])
        #expect(v.code == 0 && v.stdout.hasPrefix("loa "))
        let h = try loa(["help"])
        #expect(h.code == 0 && h.stdout.contains("check"))
        let a = try loa(["help", "check"]), b = try loa(["check", "--help"])
        #expect(a.code == 0 && a.stdout == b.stdout && a.stdout.contains("loa check"))
    }

    @Test func unknownCommandsAndOptionsGetASuggestionAndExit64() throws {
        let r = try loa(["chek"])
        #expect(r.code == 64)
        #expect(r.stderr.contains("\"check\""))
        let o = try loa(["check", "--workspce", "x"])
        #expect(o.code == 64)
        #expect(o.stderr.contains("có phải ý bạn là \"--workspace\"?"))
        let t = try loa(["check", "--today", "2026-02-30"])
        #expect(t.code == 64)
    }

    @Test func aFolderWithoutWorkspaceExits66() throws {
        let dir = NSTemporaryDirectory() + "loa-empty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try loa(["check"], in: dir)
        #expect(r.code == 66)
        #expect(r.stderr.contains("không tìm thấy không gian làm việc"))
    }

    @Test func initCreatesAWorkspaceThatChecksClean() throws {
        let dir = NSTemporaryDirectory() + "loa-init-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try loa(["init", dir])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir + "/content/plan.yml"))
        #expect(FileManager.default.fileExists(atPath: dir + "/reports/inbox"))
        let c = try loa(["check"], in: dir)
        #expect(c.code == 0, "\(c.stderr)")
        let again = try loa(["init", dir])
        #expect(again.code == 64)
    }

    @Test func newItemWritesAValidSkeletonAndRefusesUnknownThemes() throws {
        let ws = try TempWorkspace()
        let r = try ws.run(["new", "item", "--title", "Chuyển đổi số: bắt đầu từ đâu?", "--theme", "digital/2.1/a", "--channel", "website"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "content/items/chuyen-doi-so-bat-dau-tu-dau.md\n")
        let text = try ws.read("content/items/chuyen-doi-so-bat-dau-tu-dau.md")
        #expect(text.contains("title: \"Chuyển đổi số: bắt đầu từ đâu?\""))
        #expect(text.contains("status: draft"))
        #expect(try ws.run(["check"]).code == 0)
        let bad = try ws.run(["new", "item", "--title", "X", "--theme", "digital/2.1/z", "--channel", "website"])
        #expect(bad.code == 64)
        #expect(bad.stderr.contains("digital/2.1/z"))
        let dup = try ws.run(["new", "item", "--title", "Chuyển đổi số: bắt đầu từ đâu?", "--theme", "digital/2.1/a", "--channel", "website"])
        #expect(dup.code == 64)
    }
}
