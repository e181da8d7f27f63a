import Foundation
import Testing

/// Runs a Python script with the environment given; its stdout and exit code.
func runScript(_ script: String, _ arguments: [String], env: [String: String]) throws -> (code: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script] + arguments
    var environment = ProcessInfo.processInfo.environment
    for (k, v) in env { environment[k] = v }
    p.environment = environment
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.standardError
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// The officers' and leaders' pages in real Chromium (Debian's `chromium` and `chromium-driver`, Python's selenium),
/// against the real `loa serve`. Screenshots go to a temporary folder, or to `LOA_SCREENSHOTS` when set (the README's
/// come from `LOA_SCREENSHOTS=$PWD/docs/images swift test --filter OfficerBrowserTests`).
@Suite(.serialized) struct OfficerBrowserTests {
    static let officer = "binh:mat-khau-can-bo-2026", leader = "lan:mat-khau-lanh-dao-2026"
    /// A week into December: every sample form of November has been sent, the month's main slots lie ahead.
    static let today = "2026-12-07"

    /// November planned, published and reported (the shipped sample forms, one with a sensitive issue), and two users.
    static func preparedWorkspace() throws -> TempWorkspace {
        let ws = try TempWorkspace()
        let plan = try ws.run(["plan", "2026-11", "--confirm", "--format", "json"], today: "2026-10-20")
        #expect(plan.code == 0, "\(plan.stderr)")
        let entry = /"item": "[a-z0-9-]+", "channel": "([a-z0-9-]+)", "date": "([0-9-]+)"/
        let pairs = plan.stdout.matches(of: entry).map { [String($0.output.1), String($0.output.2)] }
        for slot in Set(pairs).sorted(by: { $0.joined() < $1.joined() }) {
            #expect(try ws.run(["publish"] + slot, today: slot[1]).code == 0)
        }
        let imported = try ws.run(["import", ws.path("reports/samples/2026-11")], today: Self.today)
        #expect(imported.code == 0, "\(imported.stderr)")
        for (who, role) in [(officer, ["--role", "officer", "--sensitive"]), (leader, ["--role", "leader"])] {
            let parts = who.split(separator: ":").map(String.init)
            let r = try ws.run(["user", "add", parts[0]] + role, today: Self.today, env: [:],
                               stdin: Data((parts[1] + "\n").utf8))
            #expect(r.code == 0, "\(r.stderr)")
        }
        return ws
    }

    @Test func anOfficerDoesTheMonthsWorkAndALeaderReadsAndCannotChangeAnything() throws {
        let tools = ["/usr/bin/chromium", "/usr/bin/chromedriver"].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !tools.isEmpty { toolMissing("Chromium is missing (\(tools.joined(separator: ", ")))"); return }
        let ws = try Self.preparedWorkspace()
        let server = try ServeProcess(workspace: ws.root, today: Self.today)
        let shots = ProcessInfo.processInfo.environment["LOA_SCREENSHOTS"] ?? ws.path("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let (code, output) = try runScript(repositoryRoot + "/Tests/browser/officer_flow.py", [server.base, shots],
                                           env: ["LOA_OFFICER": Self.officer, "LOA_LEADER": Self.leader])
        server.stop()
        if code == 2 { toolMissing(output.trimmingCharacters(in: .whitespacesAndNewlines)); return }
        #expect(code == 0, "officer_flow.py failed; server log:\n\(server.output.suffix(3000))")
        let line = output.split(separator: "\n").last.map(String.init) ?? "{}"
        let seen = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])

        #expect(seen["officer_landing"] as? String == server.base + "/dashboard")
        #expect((seen["dashboard_heading"] as? String)?.hasPrefix("Việc cần làm — Thứ Hai, 07/12/2026") == true)
        #expect((seen["items_in_review"] as? [String])?.contains("Tiến độ thi công Nhà khách Hồ Tây") == true)
        #expect(seen["approve_notice"] as? String == "Đã duyệt bài; tệp bài đã được cập nhật.")
        #expect(seen["approved_badge"] as? String == "đã duyệt")
        let approved = try ws.read("content/items/ho-tay/ho-tay-tien-do.md")
        #expect(approved.contains("approved: 2026-12-07\napproved_by: binh\n"))
        #expect(seen["calendar_heading"] as? String == "Lịch đăng tháng 12/2026")
        #expect((seen["proposed_entries"] as? Int ?? 0) > 0)
        #expect(seen["confirmed_entries"] as? Int == seen["proposed_entries"] as? Int)
        #expect(seen["proposed_after_confirm"] as? Int == 0)
        #expect((seen["confirm_notice"] as? String)?.hasPrefix("Đã xác nhận cả tháng") == true)
        #expect(try ws.read("calendars/2026-12.ics").contains("STATUS:CONFIRMED"))
        #expect(seen["phone_page_width"] as? Int ?? 999 <= 360)
        #expect(seen["publish_notice"] as? String == "Đã phát hành số này và ghi nhận việc gửi tới các đơn vị.")
        #expect((seen["published_articles"] as? Int ?? 0) > 0)
        #expect(ws.exists("out/issues/ban-tin/2026-12-15.html"))
        #expect(seen["resolve_notice"] as? String == "Đã đóng cảnh báo.")
        #expect(seen["open_after_resolve"] as? Int == 0)

        #expect((seen["report_heading"] as? String)?.contains("Chuyển đổi số") == true)
        #expect((seen["report_charts"] as? Int ?? 0) > 0)
        #expect((seen["report_downloads"] as? [String])?.map { $0.components(separatedBy: "format=").last ?? "" }
                == ["md", "html", "csv", "json", "annex", "docx"])
        #expect(seen["leader_calendar_buttons"] as? Int == 0)
        let answers = seen["leader_changes"] as? [String: String] ?? [:]
        #expect(answers.count == 11 && answers.values.allSatisfy { $0 == "403" }, "\(answers)")
        for name in ["officer-dashboard", "officer-calendar", "officer-calendar-phone", "leader-phase-report"] {
            #expect(FileManager.default.fileExists(atPath: "\(shots)/\(name).png"), "\(name).png")
        }
        // every change of the session is the officer's in the audit history
        let actors = try sqlite(ws.path("loa.sqlite"), "SELECT DISTINCT actor FROM audit "
                                + "WHERE recorded_on = '\(Self.today)' AND command NOT IN ('user', 'import')")
        #expect(actors == "user:binh")
    }
}
