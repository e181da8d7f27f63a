import Foundation
import Testing

/// A write made on the web leaves the workspace exactly as the equivalent command would (SPEC §9.4): the same
/// officer's month done twice, once through `loa serve` over HTTP and once with commands, on two copies of the
/// shipped workspace; every file under `content/`, `calendars/` and the plan and issue documents must be equal, and
/// so must the audit history (what was done, to what, by whom).
@Suite(.serialized) struct OfficerEquivalenceTests {
    static let password = "mat-khau-can-bo-2026"
    static let today = "2026-12-03"

    /// One step: what the officer posts on the web, and the command that does the same.
    struct Step {
        let path: String
        let fields: [(String, String)]
        let page: String
        let command: [String]
    }

    static let steps: [Step] = [
        Step(path: "/items/ho-tay-tien-do/approve", fields: [], page: "/items/ho-tay-tien-do",
             command: ["item", "approve", "ho-tay-tien-do", "--by", "binh"]),
        Step(path: "/items/bao-tang-tien-do-thi-cong/send-back",
             fields: [("reason", "Cần số liệu tiến độ quý IV \"chính thức\"; thêm ảnh công trường.")],
             page: "/items/bao-tang-tien-do-thi-cong",
             command: ["item", "send-back", "bao-tang-tien-do-thi-cong", "--reason",
                       "Cần số liệu tiến độ quý IV \"chính thức\"; thêm ảnh công trường."]),
        Step(path: "/items/new",
             fields: [("title", "Chuyển đổi số ở cơ sở: ba việc làm ngay"), ("themes", "digital/2.1/b"),
                      ("channels", "website"), ("channels", "zalo-oa"), ("folder", "chuyen-doi-so"),
                      ("summary", "Ba việc một CĐCS làm được trong tháng.")],
             page: "/items/new",
             command: ["new", "item", "--title", "Chuyển đổi số ở cơ sở: ba việc làm ngay", "--theme", "digital/2.1/b",
                       "--channel", "website", "--channel", "zalo-oa", "--dir", "chuyen-doi-so", "--author", "binh",
                       "--summary", "Ba việc một CĐCS làm được trong tháng."]),
        Step(path: "/calendar/2026-12/pin", fields: [("item", "ho-tay-tien-do"), ("date", "2026-12-15")],
             page: "/calendar/2026-12", command: ["item", "pin", "ho-tay-tien-do", "2026-12-15"]),
        Step(path: "/calendar/2026-12/propose", fields: [], page: "/calendar/2026-12", command: ["plan", "2026-12"]),
        Step(path: "/calendar/2026-12/confirm", fields: [], page: "/calendar/2026-12",
             command: ["plan", "2026-12", "--confirm"]),
        Step(path: "/issues/ban-tin/2026-12-15/publish", fields: [], page: "/issues/ban-tin/2026-12-15/publish",
             command: ["publish", "ban-tin", "2026-12-15"]),
        Step(path: "/items/ho-tay-tien-do/unpin", fields: [], page: "/items/ho-tay-tien-do",
             command: ["item", "unpin", "ho-tay-tien-do"]),
        Step(path: "/calendar/2027-01/propose", fields: [], page: "/calendar/2027-01", command: ["plan", "2027-01"]),
    ]

    @Test func theWebAndTheCommandsLeaveTheSameFiles() throws {
        let web = try TempWorkspace(), cli = try TempWorkspace()
        let (server, browser) = try web.servedToOfficer("binh", password: Self.password, today: Self.today)
        for step in Self.steps {
            #expect(try browser.get(step.page).status == 200, "\(step.page)")
            let r = try browser.post(step.path, step.fields)
            #expect(r.status == 303, "\(step.path): \(r.status) \(r.text.prefix(600))")
            let c = try cli.run(step.command, today: Self.today, env: ["LOA_USER": "binh"], stdin: Data())
            #expect(c.code == 0, "\(step.command): \(c.stderr)")
        }
        server.stop()
        let folders = ["content", "calendars", "out/plans", "out/issues"]
        let a = try workspaceFiles(web.root, folders), b = try workspaceFiles(cli.root, folders)
        #expect(a.keys.sorted() == b.keys.sorted())
        for path in a.keys.sorted() where a[path] != b[path] {
            let left = String(decoding: a[path] ?? Data(), as: UTF8.self).prefix(800)
            let right = String(decoding: b[path] ?? Data(), as: UTF8.self).prefix(800)
            Issue.record("\(path) differs:\n\(left)\n---\n\(right)")
        }
        // the steps did happen
        #expect(a.keys.contains("calendars/2026-12.ics") && a.keys.contains("out/issues/ban-tin/2026-12-15.html"))
        #expect(a.keys.contains("content/items/chuyen-doi-so/chuyen-doi-so-o-co-so-ba-viec-lam-ngay.md"))
        // every web change carries the user in the audit history
        let actors = try sqlite(web.path("loa.sqlite"), "SELECT DISTINCT actor FROM audit WHERE command <> 'user'")
        #expect(actors == "user:binh")
        // and both doors leave the same history: the same entries, in the same order, by the same person
        let history = "SELECT recorded_on, command, action, subject, coalesce(detail, ''), "
            + "substr(actor, instr(actor, ':') + 1) FROM audit WHERE command <> 'user' ORDER BY id"
        let webHistory = try sqlite(web.path("loa.sqlite"), history)
        let cliHistory = try sqlite(cli.path("loa.sqlite"), history)
        #expect(webHistory == cliHistory)
        for action in ["item approved", "item sent back", "item created", "item pinned", "month proposed",
                       "month confirmed", "item unpinned"] {
            #expect(cliHistory.contains("|\(action)|"), "the command line left no \(action)")
        }
    }
}

extension TempWorkspace {
    /// Runs loa inside this workspace with a fixed day and text on stdin.
    func run(_ args: [String], today: String, env: [String: String], stdin: Data) throws -> RunResult {
        try loa(["--workspace", root, "--today", today] + args, env: env, stdin: stdin)
    }

    /// `loa serve` on this workspace, with an officer added by `loa user add` and signed in.
    func servedToOfficer(_ name: String, password: String, today: String) throws -> (ServeProcess, WebSession) {
        let add = try run(["user", "add", name, "--role", "officer"], today: today, env: [:],
                          stdin: Data((password + "\n").utf8))
        #expect(add.code == 0, "\(add.stderr)")
        let server = try ServeProcess(workspace: root, today: today)
        let browser = WebSession(port: server.port)
        try browser.signIn(name, password)
        return (server, browser)
    }
}
