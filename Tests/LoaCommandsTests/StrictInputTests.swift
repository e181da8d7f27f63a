import Foundation
import Testing
import LoaCore
import LoaFormats
@testable import LoaCommands

// Issue 13, "Strict in, clean out", point by point through the built `loa` binary on a temporary workspace.
// Each test names the point it pins down; what the lower layers already test is cited where it lives.

/// The shipped item these tests edit, and a few lines of its front matter.
private let museumItem = "content/items/bao-tang/bao-tang-vi-sao-can-xay.md"
private let museumTitle = "title: Vì sao cần xây dựng Bảo tàng Đảng Cộng sản Việt Nam"

/// Runs a program found on PATH, reading both pipes at once so neither can block it.
func runTool(_ arguments: [String], in dir: String? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    if let dir { p.currentDirectoryURL = URL(fileURLWithPath: dir) }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    return try finish(p, out, err)
}

/// The JSON object a command printed; a test fails (rather than crashes) when it is anything else.
func jsonObject(_ r: RunResult, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try? JSONSerialization.jsonObject(with: r.stdoutBytes)
    return try #require(value as? [String: Any], "not one JSON object: \(r.stdout.prefix(300))",
                        sourceLocation: sourceLocation)
}

/// Whether a program is on PATH; says why the caller skips when it is not.
func toolAvailable(_ name: String, for what: String) -> Bool {
    if let r = try? runTool(["sh", "-c", "command -v \(name)"]), r.code == 0 { return true }
    toolMissing("\(what): \(name) is not installed")
    return false
}

/// The cells of a CSV document (RFC 4180: quoted fields may hold commas, quotes and line breaks).
func csvRows(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], cell = ""
    var quoted = false, wasQuoted = false
    var scalars = Array(text.unicodeScalars)[...]
    if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
    var i = scalars.startIndex
    while i < scalars.endIndex {
        let c = scalars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < scalars.endIndex, scalars[i + 1] == "\"" { cell.unicodeScalars.append("\""); i += 1 } else {
                    quoted = false
                }
            } else { cell.unicodeScalars.append(c) }
        } else if c == "\"" && cell.isEmpty && !wasQuoted {
            quoted = true; wasQuoted = true
        } else if c == "," {
            row.append(cell); cell = ""; wasQuoted = false
        } else if c == "\r" || c == "\n" {
            if c == "\r", i + 1 < scalars.endIndex, scalars[i + 1] == "\n" { i += 1 }
            row.append(cell); rows.append(row); row = []; cell = ""; wasQuoted = false
        } else { cell.unicodeScalars.append(c) }
        i += 1
    }
    if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
    return rows
}

/// 13.1 and 13.2: YAML that other YAML readers refuse is refused by `loa check`, with a position and a hint.
/// (The parser itself: YAMLStrictnessTests; every shipped file read with PyYAML: CrossReaderYAMLTests.)
@Suite struct StrictYAMLCommandTests {
    @Test func plainValuesThatAreNotYAMLAreRefusedByCheckAtTheirPositionWithAHintToQuote() throws {
        let cases: [(line: String, position: String, hint: String)] = [
            ("title: Điện Biên: ngày hội", ":3:17: error: ", "\"Điện Biên: ngày hội\""),
            ("title: Điện Biên :", ":3:18: error: ", "\"Điện Biên :\""),
            ("title: - Điện Biên", ":3:8: error: ", "\"- Điện Biên\""),
            ("title: , Điện Biên", ":3:8: error: ", "\", Điện Biên\""),
            ("title: ] Điện Biên", ":3:8: error: ", "\"] Điện Biên\""),
        ]
        for c in cases {
            let ws = try TempWorkspace()
            try ws.edit(museumItem, replacing: museumTitle, with: c.line)
            let r = try ws.run(["check"])
            #expect(r.code == 65, "\(c.line): \(r.stderr)")
            let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
            #expect(errors.count == 1, "\(c.line): \(r.stderr)")
            #expect(errors.first?.hasPrefix(museumItem + c.position) == true, "\(c.line): \(r.stderr)")
            #expect(errors.first?.contains(c.hint) == true, "\(c.line): \(r.stderr)")
        }
        // quoted as the hint says, the same text passes
        let ws = try TempWorkspace()
        try ws.edit(museumItem, replacing: museumTitle, with: "title: \"Điện Biên: ngày hội\"")
        let r = try ws.run(["check"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try ws.run(["search", "ngay hoi"]).stdout.contains("bao-tang-vi-sao-can-xay — Điện Biên: ngày hội"))
    }

    @Test func aListEntryWrittenAsAMappingSaysSoInsteadOfCallingTheListEmpty() throws {
        let ws = try TempWorkspace()
        try ws.edit(museumItem, replacing: "themes: [museum/1.1/b]", with: "themes:\n  - museum: 1.1")
        let r = try ws.run(["check", "--lang", "en"])
        #expect(r.code == 65)
        #expect(r.stderr.contains(museumItem + ":5:5: error: an entry of \"themes\" is a mapping (museum: 1.1)"),
                "\(r.stderr)")
        #expect(!r.stderr.contains("empty"), "\(r.stderr)")
    }

    @Test func aDoubleQuotedValueContinuedOnTheNextLineReadsAsOneLine() throws {
        let ws = try TempWorkspace()
        try ws.edit(museumItem, replacing: museumTitle,
                    with: "title: \"Vì sao cần xây dựng\n  Bảo tàng Đảng: một câu hỏi\"")
        let r = try ws.run(["check"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("chưa được đóng"))
        let found = try ws.run(["search", "mot cau hoi"])
        #expect(found.stdout.contains("bao-tang-vi-sao-can-xay — Vì sao cần xây dựng Bảo tàng Đảng: một câu hỏi"),
                "\(found.stdout)")
    }
}

/// 13.3: an activity table keeps the spaces inside quoted fields, as RFC 4180 says (CSVStrictnessTests reads it).
@Suite struct QuotedCSVSpacesCommandTests {
    @Test func spacesInsideAQuotedTitleAreRecordedAsWritten() throws {
        guard toolAvailable("sqlite3", for: "reading the recorded title") else { return }
        let ws = try TempWorkspace()
        try ws.write("t.csv", "unit,date,type,title,themes,participants,items\n"
                     + "cdcs-cdc,2026-11-03,khac,\"  Khoảng trắng  \",,3,\n"
                     + "cdcs-cdc,2026-11-04,khac,  Không nháy  ,,3,\n")
        let r = try ws.run(["import", ws.path("t.csv")], today: "2026-12-05")
        #expect(r.code == 0, "\(r.stderr)")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT group_concat('[' || title || ']', '') FROM activities")
                == "[  Khoảng trắng  ][Không nháy]")
    }
}

/// 13.4: `loa import` suggests, reports a file's errors in one round, and empties the inbox of what it imported.
@Suite struct ImportRoundTests {
    @Test func anUnknownItemInAnActivityTableGetsADidYouMean() throws {
        let ws = try TempWorkspace()
        try ws.write("t.csv", "unit,date,type,title,themes,participants,items\n"
                     + "cdcs-cdc,2026-11-03,hoi-nghi,X,museum/1.1/b,3,bao-tang-vi-sao-can-xa\n")
        let r = try ws.run(["import", ws.path("t.csv"), "--lang", "en"], today: "2026-12-05")
        #expect(r.code == 65)
        #expect(r.stderr.contains(
            "t.csv:2:47: error: unknown item \"bao-tang-vi-sao-can-xa\"; did you mean \"bao-tang-vi-sao-can-xay\"?"),
            "\(r.stderr)")
    }

    @Test func aFormWithFormatAndReferenceErrorsReportsThemAllInOneRun() throws {
        let ws = try TempWorkspace()
        // a date that does not exist and a number that is not one (format), a unit and an item unknown (references)
        let form = sampleForm(unit: "cdcs-so-gdd", participants: "bốn mươi", date: "2026-11-31",
                              items: "[bao-tang-vi-sao-can-xa]")
        try ws.write("a.md", form)
        let r = try ws.run(["import", ws.path("a.md"), "--format", "json"], today: "2026-12-05")
        #expect(r.code == 65)
        let expected = [":3:7: error: không có đơn vị \"cdcs-so-gdd\"",
                        ":9:11: error: ngày không hợp lệ \"2026-11-31\"",
                        ":13:19: error: \"bốn mươi\" không phải số nguyên", ":14:13: error: không có bài"]
        for e in expected { #expect(r.stderr.contains("a.md" + e), "\(e): \(r.stderr)") }
        // the JSON lists the same errors, in the order of their positions
        let files = try #require(try jsonObject(r)["files"] as? [[String: Any]])
        let errors = try #require(files.first?["errors"] as? [String])
        #expect(errors.count == 4, "\(errors)")
        for (error, part) in zip(errors, expected) { #expect(error.contains(part), "\(errors)") }
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM forms") == "0")
    }

    @Test func importingTheInboxMovesImportedFilesToTheirMonthAndSaysSoWhileRejectedOnesStay() throws {
        let ws = try TempWorkspace()
        try ws.write("reports/inbox/so-gddt.md", sampleForm())
        try ws.write("reports/inbox/hoat-dong.csv", "unit,date,type,title,themes,participants,items\n"
                     + "cdcs-cdc,2026-11-03,khac,Sinh hoạt,,3,\n")
        try ws.write("reports/inbox/sai.md", sampleForm(unit: "cdcs-khong-co"))
        let r = try loa(["--today", "2026-12-05", "import", "reports/inbox"], in: ws.root)
        #expect(r.code == 65)
        #expect(r.stdout.contains("Đã nhập 2, không đổi (đã nhập) 0, hiệu chỉnh 0, bị từ chối 1."), "\(r.stdout)")
        #expect(r.stdout.contains("Đã chuyển 2 tệp đã nhập ra khỏi hộp thư đến"), "\(r.stdout)")
        #expect(r.stderr.contains("reports/inbox/sai.md:3:7: error: không có đơn vị \"cdcs-khong-co\""))
        #expect(ws.exists("reports/imported/2026-11/so-gddt.md"))
        #expect(ws.exists("reports/imported/2026-12/hoat-dong.csv"))   // a table has no period: the import's month
        let left = try FileManager.default.contentsOfDirectory(atPath: ws.path("reports/inbox")).sorted()
        #expect(left == [".gitkeep", "sai.md"])
        // importing the inbox again finds only what is left to do; the moved file is recorded once
        let again = try loa(["--today", "2026-12-05", "import", "reports/inbox", "--format", "json"], in: ws.root)
        #expect(again.stdout.hasPrefix("{\"imported\": 0, \"unchanged\": 0, \"corrected\": 0, \"rejected\": 1"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM forms") == "1")
    }
}

/// 13.5: every calendar Loa writes reads alike in icalendar, vobject and ics.py — the calendar's name too, which
/// holds the plan's issuer (CrossReaderCalendarTests compares the shipped observances and the events).
@Suite struct CalendarNameTests {
    @Test func anIssuerHoldingCommaSemicolonAndBackslashNamesTheCalendarAlikeInEveryReader() throws {
        guard toolAvailable("python3", for: "calendar comparison") else { return }
        let ws = try TempWorkspace()
        try ws.edit("content/plan.yml", replacing: "issuer: Công đoàn Viên chức tỉnh Điện Biên",
                    with: "issuer: \"Công đoàn Viên chức, Điện Biên; khối 1\\\\2\"")
        #expect(try ws.run(["check"]).code == 0)
        #expect(try ws.run(["plan", "2026-12"]).code == 0)
        let path = ws.path("calendars/2026-12.ics")
        let r = try runTool(["python3", repositoryRoot + "/Tests/tools/ics_compare.py", path])
        for line in r.stdout.split(separator: "\n") where line.hasPrefix("SKIPPED:") {
            toolMissing(String(line.dropFirst(9)))
        }
        #expect(r.code == 0, "\(r.stdout)\(r.stderr)")
        let name = "Lịch tuyên truyền tháng 12/2026 — Công đoàn Viên chức Điện Biên khối 1/2"
        #expect(r.stdout.contains("  X-WR-CALNAME: \"\(name)\" (icalendar, vobject, ics)"), "\(r.stdout)")
        // Loa's own reader sees the same name
        let calendars = try ICSReader.parse(try TextFile.read(path))
        #expect(calendars.first?.first("X-WR-CALNAME").map { ICSReader.unescape($0.value) } == name)
    }
}

/// 13.6: `loa alerts --format json` prints one object (SPEC §8), empty or not.
@Suite struct AlertsJSONTests {
    @Test func alertsAsJSONAreOneObjectWithTheListInside() throws {
        let ws = try TempWorkspace()
        let empty = try ws.run(["alerts", "--format", "json"], today: "2026-12-15")
        #expect(empty.code == 0)
        #expect(try jsonObject(empty)["alerts"] as? [Any] != nil)
        try ws.write("a.md", sampleForm(sensitive: true))
        #expect(try ws.run(["import", ws.path("a.md")], today: "2026-12-05").code == 0)
        let r = try ws.run(["alerts", "--format", "json"], today: "2026-12-15")
        #expect(r.code == 0)
        #expect(r.stdout.hasPrefix("{") && r.stdout.hasSuffix("}\n"))
        let o = try jsonObject(r)
        #expect(o["open"] as? Int == 1 && o["today"] as? String == "2026-12-15")
        let alerts = try #require(o["alerts"] as? [[String: Any]])
        #expect(alerts.count == 1)
        #expect(alerts.first?["topic"] as? String == "Tin đồn thất thiệt trên mạng")
        #expect(alerts.first?["age_days"] as? Int == 10)
        #expect(alerts.first?["detail"] == nil)
    }
}

/// 13.7: report CSV neutralises cells a spreadsheet would run as a formula (OWASP's list, TAB and CR included)
/// and keeps numbers in cells of their own (`CSVWriter` itself is covered by ReportTests).
@Suite struct CSVExportCommandTests {
    @Test func topicsStartingWithFormulaCharactersOrATabComeOutNeutralisedAndNumbersStandAlone() throws {
        let ws = try TempWorkspace()
        let topics = ["\\t=HYPERLINK(\\\"http://x\\\")", "=1+2", "+SUM(A1)", "-2+3 là gì", "@SUM(A1)"]
        var issues = "  issues:\n"
        for t in topics { issues += "    - topic: \"\(t)\"\n" }
        let form = sampleForm().replacingOccurrences(of: "---\nGhi chú.", with: issues + "---\nGhi chú.")
        try ws.write("a.md", form)
        let imported = try ws.run(["import", ws.path("a.md")], today: "2026-12-05")
        #expect(imported.code == 0, "\(imported.stderr)")
        let r = try ws.run(["report", "month", "2026-11", "--format", "csv"], today: "2026-12-08")
        #expect(r.code == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.first == ["section", "key", "value", "status"])
        let cells = rows.filter { $0.first == "feedback.issue" }.map { $0[2] }
        #expect(cells.count == topics.count, "\(cells)")
        for c in cells {
            #expect(c.hasPrefix("'"), "not neutralised: \(c.debugDescription)")
        }
        #expect(cells.contains("'\t=HYPERLINK(\"http://x\")"), "\(cells)")
        // every row has its four cells; a target's value is a number alone, its verdict in the next cell
        for row in rows { #expect(row.count == 4, "\(row)") }
        let targets = rows.filter { $0.first == "targets" }
        #expect(!targets.isEmpty)
        for t in targets {
            #expect(Double(t[2]) != nil, "\(t)")
            #expect(t[3] == "met" || t[3] == "not met", "\(t)")
        }
        #expect(rows.contains(["activities", "participants", "40", ""]))
    }
}

/// 13.8: help wraps on words and prints whole sentences, in the language asked for.
@Suite struct HelpTextTests {
    /// Help text with wrapped descriptions joined back: a line indented `column` spaces continues the one before.
    static func joined(_ text: String, column: Int = 38) -> [String] {
        var entries: [String] = []
        let indent = String(repeating: " ", count: column)
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(indent), !entries.isEmpty {
                entries[entries.count - 1] += " " + line.drop { $0 == " " }
            } else {
                entries.append(String(line))
            }
        }
        return entries
    }

    /// Every command in `loa help`'s order.
    static var commands: [any Command.Type] {
        commandTable.flatMap { entry -> [any Command.Type] in
            switch entry {
            case .command(let c): return [c]
            case .group(let g): return (g.standalone.map { [$0] } ?? []) + g.children
            }
        }
    }

    /// Whether `entries` holds "  USAGE   DESCRIPTION" with the description whole.
    static func lists(_ entries: [String], usage: String, description: String) -> Bool {
        entries.contains { e in
            guard e.hasPrefix("  " + usage + " ") else { return false }
            return e.dropFirst(2 + usage.count).drop { $0 == " " } == description
        }
    }

    @Test func theOverviewShowsEveryCommandsDescriptionWholeAndWrappedOnWords() throws {
        for (lang, env) in [(Language.vi, [String: String]()), (.en, ["LOA_LANG": "en"])] {
            let r = try loa(["help"], env: env)
            #expect(r.code == 0)
            let t = Localizer(lang)
            let entries = Self.joined(r.stdout)
            for c in Self.commands {
                let summary = t(c.summary)
                #expect(summary.hasSuffix("."), "\(lang) \(c.fullName): not a whole sentence: \(summary)")
                #expect(Self.lists(entries, usage: c.fullUsage, description: summary),
                        "\(lang) \(c.fullName): \(summary)\n\(r.stdout)")
            }
            for line in r.stdout.split(separator: "\n") { #expect(line.count <= 100, "\(lang): \(line)") }
        }
    }

    @Test func englishHelpIsEnglishThroughout() throws {
        for words in [["help"], ["help", "report"], ["help", "import"], ["report", "month", "--help"]] {
            let en = try loa(words, env: ["LOA_LANG": "en"]), flag = try loa(["--lang", "en"] + words)
            #expect(en.code == 0 && en.stdout == flag.stdout, "\(words)")
            for vietnamese in ["Cách dùng", "LỆNH", "Tùy chọn", "Các lệnh", "báo cáo", "tháng"] {
                #expect(!en.stdout.contains(vietnamese), "\(words): \(vietnamese) in\n\(en.stdout)")
            }
            #expect(en.stdout.hasPrefix("Loa — plans") || en.stdout.hasPrefix("Usage: loa"), "\(en.stdout)")
        }
    }

    @Test func aGroupsAndACommandsHelpKeepTheirSentencesWhole() throws {
        for (lang, env) in [(Language.vi, [String: String]()), (.en, ["LOA_LANG": "en"])] {
            let t = Localizer(lang)
            let group = try loa(["help", "report"], env: env)
            #expect(group.code == 0)
            let entries = Self.joined(group.stdout)
            for c in [ReportMonthCommand.self, ReportPhaseCommand.self, ReportUnitCommand.self] as [any Command.Type] {
                #expect(Self.lists(entries, usage: c.fullUsage, description: t(c.summary)), "\(lang)\n\(group.stdout)")
            }
            // a command's own help: the summary and the details as paragraphs, each wrapped on words
            let command = try loa(["help", "import"], env: env)
            let paragraphs = command.stdout.components(separatedBy: "\n\n").map {
                $0.replacingOccurrences(of: "\n", with: " ")
            }
            #expect(paragraphs.contains(t(ImportCommand.summary)), "\(lang)\n\(command.stdout)")
            let details = try #require(ImportCommand.details)
            #expect(paragraphs.contains(t(details)), "\(lang)\n\(command.stdout)")
            for line in (group.stdout + command.stdout).split(separator: "\n") {
                #expect(line.count <= 100, "\(lang): \(line)")
            }
        }
    }
}

/// 13.9: a new workspace keeps what Loa records and generates out of git, and its inbox is there.
@Suite struct InitGitignoreTests {
    @Test func initWritesAGitignoreForTheDatabaseItsKeyAndTheOutputs() throws {
        let dir = NSTemporaryDirectory() + "loa-init-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try loa(["init", dir]).code == 0)
        let text = try String(contentsOfFile: dir + "/.gitignore", encoding: .utf8)
        let patterns = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        func ignored(_ name: String) -> Bool {
            patterns.contains { fnmatch($0.hasSuffix("/") ? String($0.dropLast()) : $0, name, 0) == 0 }
        }
        for name in ["loa.sqlite", "loa.sqlite-wal", "loa.sqlite-shm", "loa.key", "out"] {
            #expect(ignored(name), "\(name) is not ignored by \(patterns)")
        }
        #expect(patterns.contains("out/") || patterns.contains("/out/") || patterns.contains("out"))
        for name in ["content", "calendars", "reports", "plan.yml"] { #expect(!ignored(name), "\(name)") }
        // the inbox the README sends forms to is there, and importing it (empty) succeeds
        let r = try loa(["import", "reports/inbox"], in: dir)
        #expect(r.code == 0, "\(r.stderr)")
    }
}
