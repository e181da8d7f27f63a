import Foundation
import Testing

@Suite struct ItemCommandTests {
    let item = "content/items/ho-tay/ho-tay-tien-do.md"

    @Test func approveWritesStatusDateAndApproverAndKeepsTheRestOfTheFile() throws {
        let ws = try TempWorkspace()
        let before = try ws.read(item)
        let r = try ws.run(["item", "approve", "ho-tay-tien-do", "--by", "Trần Thị B"], today: "2026-12-03")
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stdout == "Đã duyệt bài ho-tay-tien-do.\n\(item)\n")
        let expected = before.replacingOccurrences(of: "status: review\n", with: "status: approved\n")
            .replacingOccurrences(of: "\n---\n", with: "\napproved: 2026-12-03\napproved_by: Trần Thị B\n---\n")
        #expect(try ws.read(item) == expected)
        #expect(try ws.run(["check"]).code == 0)
        let again = try ws.run(["item", "approve", "ho-tay-tien-do", "--lang", "en"], today: "2026-12-04")
        #expect(again.code == 0 && again.stdout == "Item ho-tay-tien-do is already approved; nothing changed.\n")
        #expect(try ws.read(item) == expected)
        let audit = try sqlite(ws.path("loa.sqlite"), "SELECT command || '|' || subject || '|' || actor FROM audit")
        #expect(audit == "item approve|item ho-tay-tien-do|cli:Trần Thị B")
    }

    @Test func sendBackNeedsAReasonAndLeavesItInTheFile() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["item", "send-back", "ho-tay-tien-do"]).code == 64)
        let r = try ws.run(["item", "send-back", "ho-tay-tien-do", "--reason", "Thiếu số liệu quý IV: bổ sung"])
        #expect(r.code == 0, "\(r.stderr)")
        let text = try ws.read(item)
        #expect(text.contains("status: draft\n") && text.contains("review_note: \"Thiếu số liệu quý IV: bổ sung\"\n"))
        #expect(try ws.run(["check"]).code == 0)
        let same = try ws.run(["item", "send-back", "ho-tay-tien-do", "--reason", "Thiếu số liệu quý IV: bổ sung"])
        #expect(same.code == 0 && same.stdout.contains("không thay đổi gì"))
    }

    @Test func refusalsNameTheItemAndTheRuleAndChangeNothing() throws {
        let ws = try TempWorkspace()
        let before = try workspaceFiles(ws.root, ["content"])
        let unknown = try ws.run(["item", "approve", "ho-tay-tien-dp"])
        #expect(unknown.code == 65 && unknown.stderr.contains("có phải ý bạn là \"ho-tay-tien-do\""))
        let archived = try ws.run(["item", "approve", "ho-tay-bieu-tuong"])
        #expect(archived.code == 65 && archived.stderr.contains("ho-tay-bieu-tuong.md:1:1: error:"))
        // ban-tin comes out on the 15th (a Friday before it when the 15th is a weekend): no slot on the 14th
        let pin = try ws.run(["item", "pin", "ho-tay-tien-do", "2026-12-14"])
        #expect(pin.code == 65 && pin.stderr.contains("(quy tắc 7)"))
        #expect(try ws.run(["item", "pin", "ho-tay-tien-do", "14/12/2026"]).code == 64)
        #expect(try workspaceFiles(ws.root, ["content"]) == before)
    }

    @Test func aPinLandsInThePlanAndUnpinTakesItOut() throws {
        let ws = try TempWorkspace()
        #expect(try ws.run(["item", "approve", "ho-tay-tien-do", "--by", "B"], today: "2026-12-01").code == 0)
        #expect(try ws.run(["item", "pin", "ho-tay-tien-do", "2026-12-15"], today: "2026-12-01").code == 0)
        #expect(try ws.read(item).contains("\npin: 2026-12-15\n---\n"))
        let plan = try ws.run(["plan", "2026-12", "--format", "json"], today: "2026-12-01")
        let pinned = #"{"item": "ho-tay-tien-do", "channel": "ban-tin", "date": "2026-12-15""#
        #expect(plan.code == 0 && plan.stdout.contains(pinned))
        #expect(try ws.run(["item", "unpin", "ho-tay-tien-do"], today: "2026-12-01").code == 0)
        #expect(!(try ws.read(item).contains("pin:")))
        let help = try ws.run(["help", "item"])
        #expect(help.code == 0 && help.stdout.contains("item send-back ID --reason TEXT"))
    }
}
