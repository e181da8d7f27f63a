import Foundation
import Testing
import LoaCore
import LoaFormats

// Loa's files read with tools nobody here wrote: PyYAML for YAML and front matter; icalendar, vobject and
// ics.py for calendars (Tests/tools/*.py). Each test skips, with the reason printed, when Python or the
// reader it needs is missing; `make test-deps` installs them.

/// The repository root, which is also the shipped workspace.
private let root: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The built `loa` binary (swift build runs before swift test).
private let binary: String = {
    var candidates: [String] = []
    if let exe = Bundle.main.executableURL {
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("loa").path)
    }
    candidates.append(root + "/.build/debug/loa")
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? root + "/.build/debug/loa"
}()

private struct Ran {
    let code: Int32
    let stdout: String
    let stderr: String
    /// Both streams, for failure messages.
    var output: String { stdout + stderr }
}

/// Runs a program found on PATH (or by absolute path), reading both pipes at once so neither can block it.
private func run(_ arguments: [String], environment: [String: String]? = nil) throws -> Ran {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = arguments
    if let environment { p.environment = environment }
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    nonisolated(unsafe) var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return Ran(code: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

/// Whether `python3` can import every module; prints why the caller skips when not.
private func python(has modules: [String], for what: String) -> Bool {
    let imports = modules.map { "import \($0)" }.joined(separator: "; ")
    guard let r = try? run(["python3", "-c", imports]), r.code == 0 else {
        let missing = modules.isEmpty ? "python3 is not installed" : "python3 cannot `\(imports)`"
        toolMissing("\(what): \(missing)")
        return false
    }
    return true
}

/// Prints the "SKIPPED: …" lines a tool wrote, so a reader that is missing shows in the test log.
private func echoSkips(_ r: Ran) {
    for line in r.stdout.split(separator: "\n") where line.hasPrefix("SKIPPED:") { toolMissing(String(line.dropFirst(9))) }
}

/// A temporary folder removed when the value goes away.
private final class ReaderScratch {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "loa-cross-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

// MARK: YAML

/// A JSON string literal.
private func jsonString(_ s: String) -> String {
    var out = "\""
    for u in s.unicodeScalars {
        switch u {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        case _ where u.value < 0x20: out += String(format: "\\u%04x", u.value)
        default: out.unicodeScalars.append(u)
        }
    }
    return out + "\""
}

/// Loa's reading as JSON: a mapping is an object with its keys in file order, a sequence an array,
/// a scalar a string, an empty document null.
private func json(_ node: YAMLNode?) -> String {
    switch node {
    case nil: return "null"
    case .scalar(let s, _)?: return jsonString(s)
    case .sequence(let items, _)?: return "[" + items.map { json($0) }.joined(separator: ", ") + "]"
    case .mapping(let entries, _)?:
        return "{" + entries.map { jsonString($0.key) + ": " + json($0.value) }.joined(separator: ", ") + "}"
    }
}

/// Reads a whole YAML file, or the front matter of a Markdown file, as Loa does.
private func loaReading(_ path: String) throws -> YAMLNode? {
    let file = try TextFile.read(path)
    if path.hasSuffix(".md") {
        let (yaml, firstLine, _, _) = try FrontMatter.split(file)
        return try YAMLParser.parse(lines: yaml, path: path, firstLine: firstLine)
    }
    return try YAMLParser.parse(file)
}

/// Every shipped YAML file and front matter (SPEC §2): plan, channels, items and sample forms.
private func shippedYAMLFiles() -> [String] {
    var files = [root + "/content/plan.yml", root + "/content/channels.yml"]
    files += WorkspaceLoader.listFiles(root + "/content/items", extension: "md")
    files += WorkspaceLoader.listFiles(root + "/reports/samples", extension: "md")
    return files
}

/// Writes Loa's reading of each file as JSON and runs yaml_compare.py over the pairs.
private func compareYAML(_ files: [String], in temp: ReaderScratch) throws -> Ran {
    var arguments = ["python3", root + "/Tests/tools/yaml_compare.py"]
    for (i, file) in files.enumerated() {
        arguments += [file, try temp.write("loa-\(i).json", json(try loaReading(file)))]
    }
    return try run(arguments)
}

@Suite struct CrossReaderYAMLTests {
    @Test func everyShippedYAMLFileAndFrontMatterReadsTheSameInPyYAML() throws {
        guard python(has: ["yaml"], for: "PyYAML comparison") else { return }
        let files = shippedYAMLFiles()
        #expect(files.count >= 40, "the shipped workspace lost files: \(files)")
        let temp = try ReaderScratch()
        let r = try compareYAML(files, in: temp)
        #expect(r.code == 0, "Loa and PyYAML read shipped YAML differently:\n\(r.output)")
    }

    @Test func theComparisonNamesTheKeyWhereTheReadersDiffer() throws {
        guard python(has: ["yaml"], for: "PyYAML comparison") else { return }
        let temp = try ReaderScratch()
        let yml = try temp.write("a.yml", "title: \"x\"\nlist:\n  - a\n  - b: 1\n")
        let claimed = try temp.write("a.json", "{\"title\": \"y\", \"list\": [\"a\", {\"b\": \"2\"}]}")
        let md = try temp.write("b.md", "---\ntitle: Điện Biên: ngày hội\n---\nBody\n")
        let r = try run(["python3", root + "/Tests/tools/yaml_compare.py", yml, claimed, md, claimed])
        #expect(r.code == 1)
        #expect(r.stdout.contains("a.yml: title: Loa reads \"y\", PyYAML \"x\""), "\(r.output)")
        #expect(r.stdout.contains("a.yml: list[1].b: Loa reads \"2\", PyYAML \"1\""), "\(r.output)")
        #expect(r.stdout.contains("b.md:2:17: PyYAML cannot read it: mapping values are not allowed here"),
                "\(r.output)")
    }
}

// MARK: iCalendar

/// What Loa's own reader sees in a calendar, in ics_compare.py's EXPECTED shape.
private func loaCalendarReading(_ path: String) throws -> String {
    let file = try TextFile.read(path)
    var calendar: [String: Any] = [:]
    var events: [String: Any] = [:]
    func day(_ value: String?) -> Any {
        guard let value else { return NSNull() }
        return Day(compact: value)?.iso ?? value
    }
    for cal in try ICSReader.parse(file) where cal.name == "VCALENDAR" {
        for name in ["X-WR-CALNAME", "X-WR-CALDESC"] {
            calendar[name] = cal.first(name).map { ICSReader.unescape($0.value) } ?? NSNull()
        }
        for ev in cal.children where ev.name == "VEVENT" {
            let uid = ev.first("UID")?.value ?? ""
            var key = uid, n = 1
            while events[key] != nil { n += 1; key = "\(uid)#\(n)" }
            events[key] = [
                "SUMMARY": ev.first("SUMMARY").map { ICSReader.unescape($0.value) } ?? NSNull(),
                "DESCRIPTION": ev.first("DESCRIPTION").map { ICSReader.unescape($0.value) } ?? NSNull(),
                "CATEGORIES": ev.all("CATEGORIES").flatMap { ICSReader.splitList($0.value) },
                "COMMENT": ev.all("COMMENT").map { ICSReader.unescape($0.value) },
                "DTSTART": day(ev.first("DTSTART")?.value),
                "DTEND": day(ev.first("DTEND")?.value),
                "RRULE": ev.first("RRULE")?.value ?? NSNull(),
                "RDATE": ev.all("RDATE").flatMap { $0.value.split(separator: ",").map { day(String($0)) } },
            ] as [String: Any]
        }
    }
    let data = try JSONSerialization.data(withJSONObject: ["calendar": calendar, "events": events],
                                          options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

/// Runs ics_compare.py on a calendar, with what Loa reads as the expected values.
private func compareCalendar(_ path: String, in temp: ReaderScratch) throws -> Ran {
    let name = "expected-" + ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".json"
    let expected = try temp.write(name, try loaCalendarReading(path))
    let r = try run(["python3", root + "/Tests/tools/ics_compare.py", "--quiet", "--expect", expected, path])
    echoSkips(r)
    return r
}

@Suite struct CrossReaderCalendarTests {
    @Test func theShippedObservancesReadAlikeInEveryReaderAndInLoa() throws {
        guard python(has: [], for: "calendar comparison") else { return }
        let temp = try ReaderScratch()
        let r = try compareCalendar(root + "/calendars/observances.ics", in: temp)
        #expect(r.code == 0, "\(r.output)")
        #expect(r.stdout.contains("every reader agrees"), "\(r.output)")
    }

    @Test func everyMonthCalendarLoaWritesReadsAlikeInEveryReaderAndInLoa() throws {
        guard python(has: [], for: "calendar comparison") else { return }
        let temp = try ReaderScratch()
        let ws = temp.path + "/ws"
        let fm = FileManager.default
        try fm.createDirectory(atPath: ws, withIntermediateDirectories: true)
        for part in ["content", "calendars", "reports"] {
            try fm.copyItem(atPath: root + "/" + part, toPath: ws + "/" + part)
        }
        for f in try fm.contentsOfDirectory(atPath: ws + "/calendars") where f != "observances.ics" {
            try fm.removeItem(atPath: ws + "/calendars/" + f)
        }
        // a title and a summary holding every character TEXT escapes: , ; \ — read back the same everywhere
        let item = ws + "/content/items/chuyen-doi-so/cds-xu-the-tat-yeu.md"
        let text = try String(contentsOfFile: item, encoding: .utf8)
        try text.replacingOccurrences(
            of: "title: Chuyển đổi số trong cơ quan Đảng — xu thế không thể đứng ngoài",
            with: "title: \"Chuyển đổi số: xu thế tất yếu, đổi mới tư duy; cách làm \\\\ mới\"")
            .write(toFile: item, atomically: true, encoding: .utf8)
        let env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LOA_HOME": root]
        for (today, argv) in [("2026-10-20", ["plan", "2026-11", "--confirm"]), ("2026-11-23", ["plan", "2026-12"])] {
            let r = try run([binary, "--workspace", ws, "--today", today] + argv, environment: env)
            #expect(r.code == 0, "loa \(argv.joined(separator: " ")): \(r.output)")
        }
        let written = try fm.contentsOfDirectory(atPath: ws + "/calendars").filter { $0 != "observances.ics" }.sorted()
        #expect(written == ["2026-11.ics", "2026-12.ics"])
        for name in written {
            let r = try compareCalendar(ws + "/calendars/" + name, in: temp)
            #expect(r.code == 0, "\(name):\n\(r.output)")
        }
        let unfolded = try written.map { try String(contentsOfFile: ws + "/calendars/" + $0, encoding: .utf8) }
            .joined().replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("xu thế tất yếu\\, đổi mới tư duy\\; cách làm \\\\ mới"))
    }

    @Test func theComparisonFailsWhenReadersSeeDifferentValues() throws {
        guard python(has: [], for: "calendar comparison") else { return }
        let temp = try ReaderScratch()
        // an unescaped comma: vobject reads two values and keeps the first, icalendar reads one text
        let ics = try temp.write("bad.ics", [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//VI",
            "BEGIN:VEVENT", "UID:a", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:19750430",
            "SUMMARY:Ngày Giải phóng miền Nam, thống nhất đất nước", "END:VEVENT",
            "END:VCALENDAR", "",
        ].joined(separator: "\r\n"))
        let r = try compareCalendar(ics, in: temp)
        if r.stdout.contains("SKIPPED: vobject") { return }
        #expect(r.code == 1, "\(r.output)")
        #expect(r.stdout.contains("SUMMARY: readers disagree"), "\(r.output)")
    }
}

/// A tool a test needs is missing: under `make test` (which installs every tool and sets `LOA_TEST_TOOLS=required`)
/// that is a failure; a bare `swift test` skips with the reason printed.
func toolMissing(_ reason: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    if ProcessInfo.processInfo.environment["LOA_TEST_TOOLS"] == "required" {
        Issue.record("\(reason) — make test-deps installs it", sourceLocation: sourceLocation)
    } else {
        print("SKIPPED: \(reason) (make test installs it)")
    }
}
