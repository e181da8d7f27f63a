import Foundation
import Testing

/// Four eyes on the command line (SPEC §9.7): the writer of an item cannot approve it unless `plan.yml` says
/// `approval: self`; a body still the placeholder cannot be approved; `loa new item` and `loa plan` are audited as
/// the web's doors are; a leader may be given approval.
@Suite struct FourEyesCommandTests {
    static let newItem = ["new", "item", "--title", "Bảo tàng và tuổi trẻ", "--theme", "museum/1.1/a",
                          "--channel", "ban-tin", "--author", "Nguyễn  Thị Hoa", "--audience", "the-he-tre"]
    static let file = "content/items/bao-tang-va-tuoi-tre.md"

    @Test func theAuthorCannotApproveWhatTheyWroteAndNothingChanges() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(Self.newItem, today: "2026-12-03").code == 0)
        let text = try ws.read(Self.file)
        #expect(text.contains("audiences: [the-he-tre]\n") && text.contains("author: \"Nguyễn  Thị Hoa\"\n"))
        try ws.write(Self.file, text.replacingOccurrences(of: "Viết nội dung bài ở đây (Markdown).", with: "Nội dung."))
        let before = try ws.read(Self.file)
        let own = try ws.run(["item", "approve", "bao-tang-va-tuoi-tre", "--by", "nguyễn thị hoa"], today: "2026-12-03")
        #expect(own.code == 65)
        #expect(own.stderr.contains("\(Self.file):1:1: error: bài bao-tang-va-tuoi-tre do chính người duyệt viết"))
        #expect(try ws.read(Self.file) == before)
        let other = try ws.run(["item", "approve", "bao-tang-va-tuoi-tre", "--by", "Trần Văn Bình"],
                               today: "2026-12-03")
        #expect(other.code == 0, "\(other.stderr)")
        #expect(try ws.read(Self.file).contains("approved_by: Trần Văn Bình\n"))
    }

    @Test func whoeverCreatedItIsItsWriterInTheAuditHistory() throws {
        let ws = try TempWorkspace()
        let args = Array(Self.newItem.dropLast(4))  // no --author, no --audience
        #expect(try ws.run(args, today: "2026-12-03", env: ["LOA_USER": "hoa"], stdin: Data()).code == 0)
        try ws.write(Self.file, try ws.read(Self.file).replacingOccurrences(
            of: "Viết nội dung bài ở đây (Markdown).", with: "Nội dung."))
        let own = try ws.run(["item", "approve", "bao-tang-va-tuoi-tre"], today: "2026-12-03",
                             env: ["LOA_USER": "hoa"], stdin: Data())
        #expect(own.code == 65 && own.stderr.contains("cần một người khác duyệt"))
        let audit = try sqlite(ws.path("loa.sqlite"), "SELECT action || '|' || subject || '|' || actor FROM audit")
        #expect(audit == "item created|item bao-tang-va-tuoi-tre|cli:hoa")
    }

    @Test func approvalSelfLetsTheOnlyOfficerApproveButNeverAPlaceholder() throws {
        let ws = try TempWorkspace()
        let plan = try ws.read("content/plan.yml")
        try ws.write("content/plan.yml", plan.replacingOccurrences(of: "\nreport_due_days:",
                                                                   with: "\napproval: self\nreport_due_days:"))
        #expect(try ws.run(["check"]).code == 0)
        #expect(try ws.run(Self.newItem, today: "2026-12-03").code == 0)
        let before = try ws.read(Self.file)
        let line = before.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex(of: "Viết nội dung bài ở đây (Markdown).").map { $0 + 1 }
        let placeholder = try ws.run(["item", "approve", "bao-tang-va-tuoi-tre", "--by", "Nguyễn Thị Hoa"],
                                     today: "2026-12-03")
        #expect(placeholder.code == 65)
        #expect(placeholder.stderr.contains("\(Self.file):\(line ?? 0):1: error: nội dung bài bao-tang-va-tuoi-tre "
                                            + "vẫn là đoạn mẫu"), "\(placeholder.stderr)")
        #expect(try ws.read(Self.file) == before)
        try ws.write(Self.file, before.replacingOccurrences(of: "Viết nội dung bài ở đây (Markdown).", with: "Có bài."))
        let own = try ws.run(["item", "approve", "bao-tang-va-tuoi-tre", "--by", "Nguyễn Thị Hoa"], today: "2026-12-03")
        #expect(own.code == 0, "\(own.stderr)")
        // an unknown policy is refused where it is written
        try ws.write("content/plan.yml", plan.replacingOccurrences(of: "\nreport_due_days:",
                                                                   with: "\napproval: me\nreport_due_days:"))
        let check = try ws.run(["check"])
        #expect(check.code != 0 && check.stderr.contains("content/plan.yml:"))
    }

    @Test func newItemAndPlanLeaveTheirAuditEntries() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(Self.newItem, today: "2026-12-03", env: ["LOA_USER": "binh"], stdin: Data()).code == 0)
        #expect(try ws.run(["plan", "2026-12"], today: "2026-12-03", env: ["LOA_USER": "binh"], stdin: Data()).code == 0)
        let audit = try sqlite(ws.path("loa.sqlite"), "SELECT command || '|' || action || '|' || subject || '|' || actor "
                               + "FROM audit ORDER BY id")
        let lines = audit.split(separator: "\n")
        #expect(lines.count == 2 && lines.first == "new item|item created|item bao-tang-va-tuoi-tre|cli:binh")
        #expect(lines.last == "plan|month proposed|calendar 2026-12|cli:binh")
    }

    @Test func aLeaderMayBeGivenApproval() throws {
        let ws = try TempWorkspace()
        let add = try ws.run(["user", "add", "tuan", "--role", "leader", "--approve"], today: "2026-12-03", env: [:],
                             stdin: Data("mat-khau-lanh-dao-2026\n".utf8))
        #expect(add.code == 0, "\(add.stderr)")
        #expect(try ws.run(["user", "add", "lan", "--role", "leader"], today: "2026-12-03", env: [:],
                           stdin: Data("mat-khau-lanh-dao-2026\n".utf8)).code == 0)
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT name || ':' || approve FROM users ORDER BY name")
                == "lan:0\ntuan:1")
        // a new password keeps the flag
        #expect(try ws.run(["user", "passwd", "tuan"], today: "2026-12-03", env: [:],
                           stdin: Data("mat-khau-moi-cua-tuan\n".utf8)).code == 0)
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT approve FROM users WHERE name = 'tuan'") == "1")
        #expect(try ws.run(["help", "user", "add"]).stdout.contains("--approve"))
    }
}
