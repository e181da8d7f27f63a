import Foundation
import Testing
import LoaCore
import LoaSecrets
import LoaStore
@testable import LoaWeb

/// The union's words (SPEC §9.7, issue 23 part 7): every page an officer, a leader or a unit can open speaks of the
/// work, never of a command, a file path, a field key or a rule number. Every GET route of the route table is opened
/// by each of them, its values filled from the fixture, in Vietnamese and in English.
@Suite struct UnionWordsTests {
    /// What may not appear in the visible text of a page, each with why.
    static let forbidden: [(pattern: String, why: String)] = [
        (#"\bloa (check|plan|publish|item|new|import|form|links|user|serve|report|alerts|status|render|search|init|deliver|backup|demo)\b"#,
         "a command"),
        (#"(^|\s)--[a-z]"#, "a command's option"),
        (#"\.(md|yml|csv)\b"#, "a file name"),
        (#"\b(calendars|items|content|out|media)/"#, "a folder"),
        (#"\b[a-z]+_[a-z_]+\b"#, "a field key"),
        (#"(?i)\b(quy tắc|rule) \d"#, "a rule number"),
        // "CSV UTF-8" is the name of the choice in Excel's Save As, which a unit needs to read
        (#"\b(MD|JSON|YAML|HTML|Markdown)\b|\bCSV\b(?! UTF-8)"#, "a file format"),
    ]

    /// The text a person reads on a page: text between tags (scripts and styles left out, entities decoded), and
    /// the words of placeholders, titles, alternative texts and labels given to assistive technology.
    static func visibleText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: #"<(script|style|svg)\b[\s\S]*?</\1>"#, with: " ",
                                             options: .regularExpression)
        var attributes: [String] = []
        let attr = try! NSRegularExpression(pattern: #"\b(placeholder|title|alt|aria-label)="([^"]*)""#)
        for m in attr.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            if let r = Range(m.range(at: 2), in: text) { attributes.append(String(text[r])) }
        }
        text = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
        text += " " + attributes.joined(separator: " ")
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Each problem of a page: the pattern's reason and the words around the match.
    static func problems(_ html: String) -> [String] {
        let text = visibleText(html)
        var out: [String] = []
        for (pattern, why) in forbidden {
            guard let r = text.range(of: pattern, options: .regularExpression) else { continue }
            let from = text.index(r.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
            let to = text.index(r.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
            out.append("\(why): …\(text[from..<to].split(whereSeparator: \.isWhitespace).joined(separator: " "))…")
        }
        return out
    }

    /// Concrete paths for a GET pattern, from the fixture (nil: a page that is not HTML or needs a secret token).
    static func paths(_ pattern: String, alert: Int, receipt: String) -> [String] {
        if pattern.hasPrefix("/assets/") || pattern.hasPrefix("/u/") { return [] }
        let values: [String: [String]] = [
            ":month": pattern.hasPrefix("/unit") ? ["2026-11", "2026-12"] : ["2026-11", "2026-12"],
            ":id": pattern.hasPrefix("/alerts") ? [String(alert)] : ["ho-tay-tien-do"],
            ":channel": ["ban-tin"], ":date": ["2026-11-13"], ":token": [receipt], ":project": ["digital"],
            ":phase": ["2.1"], ":unit": ["cdcs-so-gddt"],
        ]
        var out = [""]
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            let choices = values[String(part)] ?? [String(part)]
            out = out.flatMap { prefix in choices.map { prefix + "/" + $0 } }
        }
        return out.map { $0.isEmpty ? "/" : $0 }
    }

    @Test func noPageSpeaksOfACommandAFilePathAFieldKeyOrARuleNumber() throws {
        let f = try WebFixture()
        try f.sendSensitiveReport()
        let alert = try #require(try f.read { try $0.alerts() }.first).id
        let receipt = ReceiptToken.token(key: f.key, unit: "cdcs-so-gddt",
                                         slot: Slot(channel: "ban-tin", date: Day(iso: "2026-11-13")!))
        let hash = try PasswordHash.hash("mat-khau-dai-12")
        try Store(path: f.paths.defaultDatabase).write {
            try $0.save(user: UserRecord(name: "quan", role: .officer, sensitive: true, admin: true, passwordHash: hash),
                        today: f.today, actor: .commandLine(user: "test"))
        }
        let officer = Browser(port: f.port)
        try officer.get("/login")
        #expect(try officer.post("/login", [("name", "quan"), ("password", "mat-khau-dai-12")]).status == 303)
        // a returned report, so its pages show the return
        try officer.get("/units/cdcs-so-gddt/2026-11")
        #expect(try officer.post("/units/cdcs-so-gddt/2026-11/return", [("comment", "Xem lại hoạt động 2.")]).status
                == 303)
        let visitors: [(String, Browser)] = [
            ("officer", officer), ("leader", try f.userBrowser("lan", role: .leader, sensitive: true)),
            ("unit", try f.unitBrowser("cdcs-so-gddt")), ("nobody", Browser(port: f.port)),
        ]
        var found: [String] = []
        var opened = 0
        for lang in ["vi", "en"] {
            // the language a visitor chose is kept in a cookie (`?lang=` sets it)
            for (_, browser) in visitors { try browser.get("/login?lang=" + lang) }
            for route in Routes.table.router.routes where route.method == "GET" {
                for path in Self.paths(route.pattern, alert: alert, receipt: receipt) {
                    for (who, browser) in visitors {
                        let page = try browser.get(path)
                        guard page.status < 300 || page.status >= 400,
                              page.header("Content-Type")?.hasPrefix("text/html") == true else { continue }
                        opened += 1
                        found += Self.problems(page.text).map { "\(who) \(path) [\(lang)] \($0)" }
                    }
                }
            }
        }
        // the notices after an action
        for key in ["approved", "sentBack", "pinned", "unpinned", "unchanged", "proposed", "confirmed", "published",
                    "alreadyPublished", "resolved", "created", "noted", "escalated", "issued"] {
            for path in ["/calendar/2026-11", "/items", "/alerts"] {
                let page = try officer.get(path + "?done=" + key)
                found += Self.problems(page.text).map { "officer \(path)?done=\(key) \($0)" }
            }
        }
        #expect(opened > 150, "pages opened: \(opened)")
        #expect(found.isEmpty, "\(found.count) pages speak like a technician:\n\(found.joined(separator: "\n"))")
    }

    @Test func theCheckCatchesEachKindOfWord() {
        for bad in ["Chạy loa plan --confirm", "Tải MD", "Thư mục items/ho-tay", "trường review_note", "vi phạm quy tắc 7",
                    "breaks rule 3", "tệp plan.yml", "bảng units.csv"] {
            #expect(!Self.problems("<p>\(bad)</p>").isEmpty, "\(bad)")
        }
        for fine in ["Loa — Trang chủ", "Quy tắc: bài phải được duyệt trước ngày phát hành ít nhất 3 ngày",
                     "<a href=\"/items/x.md\">Tải văn bản</a>", "Tải bảng tính"] {
            #expect(Self.problems(fine).isEmpty, "\(fine)")
        }
    }
}
