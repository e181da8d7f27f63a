import Foundation
import Testing

/// A form for the shipped workspace, with fields to vary.
func sampleForm(unit: String = "cdcs-so-gddt", period: String = "2026-11", submitted: String? = "2026-12-03",
                participants: String = "40", date: String = "2026-11-12", type: String = "hoi-nghi",
                themes: String = "[museum/1.1/b]", items: String = "[bao-tang-vi-sao-can-xay]", extra: String = "",
                sensitive: Bool = false) -> String {
    var s = "---\nform: loa-report/1\nunit: \(unit)\nperiod: \(period)\n"
    if let submitted { s += "submitted: \(submitted)\n" }
    s += "reporter: Nguyễn Thị B\nreceived: [ban-tin.2026-11-13]\nactivities:\n"
    s += "  - date: \(date)\n    type: \(type)\n    title: Hội nghị quán triệt\n    themes: \(themes)\n    participants: \(participants)\n    items: \(items)\n"
    s += extra
    s += "feedback:\n  mood: on-dinh\n  summary: Đoàn viên đồng tình, quan tâm tiến độ xây dựng Bảo tàng.\n"
    if sensitive {
        s += "  issues:\n    - topic: Tin đồn thất thiệt trên mạng\n      detail: Chi tiết nhạy cảm XYZ\n      sensitive: true\n"
    }
    s += "---\nGhi chú.\n"
    return s
}

@Suite struct ImportTests {
    @Test func aFormWrittenByLoaFormImportsAsItIsAndOnceFilledIn() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["plan", "2026-11", "--confirm"], today: "2026-10-20").code == 0)
        #expect(try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13").code == 0)
        let r = try ws.run(["form", "cdcs-so-gddt", "2026-11"], today: "2026-12-01")
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "out/forms/cdcs-so-gddt-2026-11.md\n")
        var text = try ws.read("out/forms/cdcs-so-gddt-2026-11.md")
        // the unit has not confirmed receiving the issue: it is offered in a comment, not ticked (SPEC §10)
        #expect(text.contains("received: []"))
        #expect(text.contains("#   ban-tin.2026-11-13\n"))
        #expect(text.contains("sinh-hoat-chuyen-de"))      // every activity type is explained
        #expect(text.contains("museum/1.1/b"))             // the month's themes are listed
        // as written, the form is valid (nothing done yet)
        let blank = try ws.run(["import", ws.path("out/forms/cdcs-so-gddt-2026-11.md")], today: "2026-12-02")
        #expect(blank.code == 0, "\(blank.stderr)")
        // filled in by uncommenting the example activity: a correction of the blank one
        text = text.replacingOccurrences(of: "#  - date:", with: "  - date:").replacingOccurrences(of: "#    ", with: "    ")
        try ws.write("out/forms/cdcs-so-gddt-2026-11.md", text)
        let filled = try ws.run(["import", ws.path("out/forms/cdcs-so-gddt-2026-11.md"), "--format", "json"], today: "2026-12-02")
        #expect(filled.code == 0, "\(filled.stderr)")
        #expect(filled.stdout.contains("\"corrected\": 1"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM activities a JOIN forms f ON f.id = a.form_id WHERE f.current = 1") == "1")
    }

    @Test func sameContentIsUnchangedDifferentContentIsACorrectionKeptInHistory() throws {
        let ws = try TempWorkspace()
        try ws.write("inbox/a.md", sampleForm())
        #expect(try ws.run(["import", ws.path("inbox/a.md")], today: "2026-12-05").code == 0)
        let again = try ws.run(["import", ws.path("inbox/a.md"), "--format", "json"], today: "2026-12-05")
        #expect(again.stdout.hasPrefix("{\"imported\": 0, \"unchanged\": 1, \"corrected\": 0, \"rejected\": 0"))
        try ws.write("inbox/b.md", sampleForm(participants: "55"))
        let fix = try ws.run(["import", ws.path("inbox/b.md"), "--format", "json"], today: "2026-12-06")
        #expect(fix.stdout.contains("\"corrected\": 1"))
        let db = ws.path("loa.sqlite")
        #expect(try sqlite(db, "SELECT count(*) FROM forms") == "2")
        #expect(try sqlite(db, "SELECT sum(participants) FROM activities a JOIN forms f ON f.id = a.form_id WHERE f.current = 1") == "55")
        #expect(try sqlite(db, "SELECT count(*) FROM audit WHERE action = 'form corrected'") == "1")
        // importing both again (a batch re-sent) changes nothing
        let batch = try ws.run(["import", ws.path("inbox"), "--format", "json"], today: "2026-12-06")
        #expect(batch.stdout.hasPrefix("{\"imported\": 0, \"unchanged\": 2"))
    }

    @Test func everyRuleGivesAPositionedErrorAndRejectsTheFileWhole() throws {
        let ws = try TempWorkspace()
        let cases: [(String, String, String)] = [
            ("unit", sampleForm(unit: "cdcs-so-gdd"), "a.md:3:7: error: không có đơn vị \"cdcs-so-gdd\"; có phải ý bạn là \"cdcs-so-gddt\"?"),
            ("prefix", sampleForm(unit: "so-gddt"), "a.md:3:7: error: không có đơn vị \"so-gddt\"; có phải ý bạn là \"cdcs-so-gddt\"?"),
            ("item", sampleForm(items: "[bao-tang-vi-sao-can-xa]"), ":14:13: error: không có bài \"bao-tang-vi-sao-can-xa\"; có phải ý bạn là \"bao-tang-vi-sao-can-xay\"?"),
            ("theme", sampleForm(themes: "[museum/1.1/e]"), ":12:14: error: không có nội dung trọng tâm \"museum/1.1/e\""),
            ("type", sampleForm(type: "hoi-ngi"), ":10:11: error: giá trị không hợp lệ \"hoi-ngi\""),
            ("outside", sampleForm(date: "2026-10-31"), ":9:11: error: ngày 2026-10-31 nằm ngoài kỳ báo cáo 2026-11"),
            ("negative", sampleForm(participants: "-3"), ":13:19: error: \"-3\" không phải số nguyên không âm"),
            ("fraction", sampleForm(participants: "12.5"), ":13:19: error: \"12.5\" không phải số nguyên không âm"),
            ("key", sampleForm(extra: "reportr: X\n"), ":15:1: error: khóa không hợp lệ \"reportr\"; có phải ý bạn là \"reporter\"?"),
            ("tab", sampleForm(extra: "notes:\n\t- x\n"), ":16:1: error: không dùng ký tự tab"),
            ("future", sampleForm(submitted: "2026-12-09"), ":5:12: error: ngày gửi 2026-12-09 sau ngày nhập 2026-12-05"),
        ]
        for (name, text, _) in cases { try ws.write("bad/\(name).md", text) }
        try ws.write("bad/utf8.md", bytes: Array(sampleForm().utf8.prefix(40)) + [0xE1, 0x41] + Array("\n---\n".utf8))
        try ws.write("good/ok.md", sampleForm(unit: "cdcs-so-yte", participants: "300"))
        let r = try ws.run(["import", ws.path("bad"), ws.path("good"), "--format", "json"], today: "2026-12-05")
        #expect(r.code == 65)
        for (name, _, expected) in cases {
            let path = expected.hasPrefix("a.md") ? "bad/\(name).md" + expected.dropFirst(4) : "bad/\(name).md" + expected
            #expect(r.stderr.contains(path), "\(name): \(r.stderr)")
        }
        #expect(r.stderr.contains("bad/utf8.md:3:18: error: UTF-8 không hợp lệ (byte thứ 40)"), "\(r.stderr)")
        #expect(r.stderr.contains("good/ok.md:13:19: warning: 300 người tham dự"))
        #expect(r.stdout.contains("\"imported\": 1, \"unchanged\": 0, \"corrected\": 0, \"rejected\": 12"))
        let db = ws.path("loa.sqlite")
        #expect(try sqlite(db, "SELECT group_concat(unit) FROM forms") == "cdcs-so-yte")
        #expect(try sqlite(db, "SELECT count(*) FROM activities") == "1")
    }

    @Test func strictMakesTheBatchAllOrNothing() throws {
        let ws = try TempWorkspace()
        try ws.write("in/1.md", sampleForm())
        try ws.write("in/2.md", sampleForm(unit: "nope"))
        let r = try ws.run(["import", ws.path("in"), "--strict", "--format", "json"], today: "2026-12-05")
        #expect(r.code == 65)
        #expect(r.stdout.contains("\"imported\": 0"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM forms") == "0")
        try FileManager.default.removeItem(atPath: ws.path("in/2.md"))
        #expect(try ws.run(["import", ws.path("in"), "--strict"], today: "2026-12-05").code == 0)
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM forms") == "1")
    }

    @Test func activityTablesAreIdentifiedByUnitDateTypeAndTitle() throws {
        let ws = try TempWorkspace()
        try ws.write("t.csv", "unit;date;type;title;themes;participants;items\ncdcs-cdc;2026-11-03;hoi-nghi;\"Hội nghị; chuyên đề\";museum/1.1/a digital/2.1/a;30;\ncdcs-cdc;2026-11-04;khac;Khác;;5;\n")
        #expect(try ws.run(["import", ws.path("t.csv")], today: "2026-12-05").code == 0)
        let again = try ws.run(["import", ws.path("t.csv"), "--format", "json"], today: "2026-12-05")
        #expect(again.stdout.contains("\"unchanged\": 1"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM activities") == "2")
        try ws.write("bad.csv", "unit,date,type,title,participants\ncdcs-cdcc,2026-11-03,hoi-nghi,X,3\n")
        let bad = try ws.run(["import", ws.path("bad.csv")], today: "2026-12-05")
        #expect(bad.code == 65)
        #expect(bad.stderr.contains("bad.csv:2:1: error: không có đơn vị \"cdcs-cdcc\"; có phải ý bạn là \"cdcs-cdc\"?"))
    }

    @Test func sensitiveIssuesOpenAlertsThatCanBeResolved() throws {
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm(sensitive: true))
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let list = try ws.run(["alerts"], today: "2026-12-15")
        #expect(list.stdout.contains("#1  cdcs-so-gddt  11/2026  10 ngày  Tin đồn thất thiệt trên mạng"))
        #expect(!list.stdout.contains("XYZ"))
        #expect(try ws.run(["alerts", "--include-sensitive"], today: "2026-12-15").stdout.contains("Chi tiết nhạy cảm XYZ"))
        let res = try ws.run(["alerts", "resolve", "1", "--note", "Đã trao đổi, cung cấp thông tin chính thống", "--by", "Trần Văn C"], today: "2026-12-16")
        #expect(res.code == 0, "\(res.stderr)")
        #expect(try ws.run(["alerts"], today: "2026-12-16").stdout.contains("Không có cảnh báo"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT resolved_by || '|' || resolved_on FROM alerts") == "Trần Văn C|2026-12-16")
        #expect(try ws.run(["alerts", "resolve", "1", "--note", "x"]).code == 65)
    }

    @Test func searchIsDiacriticInsensitiveAndHidesSensitiveIssues() throws {
        let ws = try TempWorkspace()
        try ws.write("a.md", sampleForm(sensitive: true))
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let a = try ws.run(["search", "chuyen doi so"])
        #expect(a.code == 0)
        #expect(a.stdout.contains("cds-xu-the-tat-yeu — Chuyển đổi số trong cơ quan Đảng"))
        #expect(a.stdout.contains("«Chuyển»") || a.stdout.contains("«chuyển»"))
        let b = try ws.run(["search", "dang", "--format", "json"])
        let c = try ws.run(["search", "DANG", "--format", "json"])
        #expect(b.stdout.contains("bao-tang-vi-sao-can-xay"))
        #expect(b.stdout.replacingOccurrences(of: "dang", with: "DANG") == c.stdout.replacingOccurrences(of: "dang", with: "DANG"))
        #expect(try ws.run(["search", "hoi nghi quan triet"]).stdout.contains("[hoạt động] cdcs-so-gddt 2026-11-12"))
        #expect(!(try ws.run(["search", "tin don that thiet"]).stdout.contains("Tin đồn")))
        #expect(try ws.run(["search", "tin don that thiet", "--include-sensitive"]).stdout.contains("Tin đồn thất thiệt"))
        // always current with the files: a new item is found without any import
        try ws.write("content/items/moi.md", "---\ntitle: Ứng dụng định danh số\nthemes: [digital/2.1/b]\nchannels: [website]\nstatus: draft\n---\nBody.\n")
        #expect(try ws.run(["search", "dinh danh"]).stdout.contains("moi — Ứng dụng định danh số"))
    }
}

/// SplitMix64: a tiny seeded generator, so the corrupted corpus is the same on every run.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct CorruptedFormsTests {
    @Test func hundredsOfCorruptedFormsNeverCrashAndAreImportedWholeOrRejectedWithAPosition() throws {
        let ws = try TempWorkspace()
        var rng = SeededRandom(state: 2026)
        let units = ["cdcs-so-gddt", "cdcs-so-yte", "cdcs-so-tc", "cdcs-cdc", "cdcs-so-nv", "cdcs-tt-van-hoa"]
        for n in 0..<320 {
            let base = Array(sampleForm(unit: units[n % units.count], period: n % 2 == 0 ? "2026-11" : "2026-10",
                                        date: n % 2 == 0 ? "2026-11-12" : "2026-10-12", sensitive: n % 5 == 0).utf8)
            var bytes = base
            switch n % 8 {
            case 0: bytes = Array(base.prefix(Int.random(in: 0..<base.count, using: &rng)))            // truncated
            case 1:                                                                                      // shuffled lines
                var lines = String(decoding: base, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                lines.shuffle(using: &rng)
                bytes = Array(lines.joined(separator: "\n").utf8)
            case 2:                                                                                      // wrong types
                bytes = Array(String(decoding: base, as: UTF8.self).replacingOccurrences(of: "participants: 40", with: "participants: [40]").utf8)
            case 3:                                                                                      // random bytes
                for _ in 0..<6 { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            case 4: bytes = (0..<Int.random(in: 1..<400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            case 5:                                                                                      // a line removed
                var lines = String(decoding: base, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                lines.remove(at: Int.random(in: 0..<lines.count, using: &rng))
                bytes = Array(lines.joined(separator: "\n").utf8)
            case 6:                                                                                      // indentation broken
                var lines = String(decoding: base, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let i = Int.random(in: 0..<lines.count, using: &rng)
                lines[i] = " " + lines[i]
                bytes = Array(lines.joined(separator: "\n").utf8)
            default: break                                                                               // intact
            }
            try ws.write(String(format: "corpus/f%03d.md", n), bytes: bytes)
        }
        let r = try ws.run(["import", ws.path("corpus"), "--format", "json"], today: "2026-12-05")
        #expect(r.code == 0 || r.code == 65, "exit \(r.code): \(r.stderr.suffix(500))")
        let o = try JSONSerialization.jsonObject(with: r.stdoutBytes) as! [String: Any]
        let files = o["files"] as! [[String: Any]]
        #expect(files.count == 320)
        let positioned = try NSRegularExpression(pattern: "^[^:]+\\.md:[0-9]+:[0-9]+: error: ")
        var accepted = Set<String>()
        for f in files {
            let result = f["result"] as! String, errors = f["errors"] as! [String]
            if result == "rejected" {
                #expect(!errors.isEmpty)
                for e in errors { #expect(positioned.firstMatch(in: e, range: NSRange(e.startIndex..., in: e)) != nil, "\(e)") }
            } else {
                #expect(errors.isEmpty)
                accepted.insert(f["path"] as! String)
            }
        }
        // rejected files left no trace: every recorded form comes from an accepted file
        let db = ws.path("loa.sqlite")
        let sources = Set(try sqlite(db, "SELECT DISTINCT source_path FROM forms").split(separator: "\n").map(String.init))
        #expect(sources.isSubset(of: accepted))
        #expect(try sqlite(db, "PRAGMA integrity_check") == "ok")
        #expect(try sqlite(db, "SELECT count(*) FROM activities WHERE form_id IS NOT NULL AND form_id NOT IN (SELECT id FROM forms)") == "0")
    }
}
