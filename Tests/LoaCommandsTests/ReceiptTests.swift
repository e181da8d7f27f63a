import Foundation
import LoaCore
import LoaFormats
import LoaSecrets
import LoaWorkflows
import Testing

/// Receipts and taking an issue back: the workflows the web front calls (`Receipts.confirm`,
/// `ReceiptToken.verify`, `Publishing.unpublish`), run here on a real workspace and database, and what the
/// command line then shows (the month's form, the reports).
@Suite struct ReceiptTests {
    func session(_ ws: TempWorkspace, _ today: String, unit: UnitCode? = nil) throws -> Session {
        Session(paths: WorkspacePaths(root: ws.root), today: try #require(Day(iso: today)), language: .vi,
                actor: unit.map { .unit($0) } ?? .commandLine(user: "test"))
    }

    let slot = Slot(channel: "ban-tin", date: Day(iso: "2026-11-13")!)

    @Test func aReceiptLinkConfirmsThatUnitsReceiptAloneAndTheFormTicksOnlyConfirmedIssues() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        #expect(try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13").code == 0)
        let mail = try ws.read("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml")
        // the link sits in the base64 text part: find it in the decoded message
        guard pythonHas("email", "python3") else { return }
        let link = try #require(try readMail([ws.path("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml")]).first?["receipt"]
                                    as? String)
        #expect(!mail.isEmpty)
        let token = String(try #require(link.split(separator: "/").last))
        let key = try ws.serverKey()
        let (unit, issue) = try #require(ReceiptToken.verify(token, key: key))
        #expect(unit == "cdcs-so-gddt" && issue == slot)
        // a changed letter, another unit's code, or another key: nothing
        var tampered = Array(token)
        tampered[tampered.count - 3] = tampered[tampered.count - 3] == "A" ? "B" : "A"
        #expect(ReceiptToken.verify(String(tampered), key: key) == nil)
        #expect(ReceiptToken.verify(token.replacingOccurrences(of: "cdcs-so-gddt", with: "cdcs-so-yte"), key: key) == nil)
        #expect(ReceiptToken.verify(token, key: try #require(ServerKey(bytes: [UInt8](repeating: 7, count: 32))))
                == nil)

        let s = try session(ws, "2026-11-16", unit: unit)
        #expect(try Receipts.confirm(unit: unit, issue: issue, session: s) == .confirmed)
        #expect(try Receipts.confirm(unit: unit, issue: issue, session: s) == .alreadyConfirmed)
        #expect(try ws.states("ban-tin", "2026-11-13")["cdcs-so-gddt"] == "confirmed")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT actor || ' ' || detail FROM audit WHERE command = 'receipt'")
                == "unit:cdcs-so-gddt cdcs-so-gddt")
        // a confirmed delivery is never sent, even while still pending
        #expect(try ws.run(["deliver", "--dry-run"], today: "2026-11-16").stdout.contains("6 thư ghi vào"))

        #expect(try ws.run(["form", "cdcs-so-gddt", "2026-11"], today: "2026-12-01").code == 0)
        #expect(try ws.read("out/forms/cdcs-so-gddt-2026-11.md").contains("received: [ban-tin.2026-11-13]\n"))
        #expect(try ws.run(["form", "cdcs-so-yte", "2026-11"], today: "2026-12-01").code == 0)
        let other = try ws.read("out/forms/cdcs-so-yte-2026-11.md")
        #expect(other.contains("received: []\n") && other.contains("#   ban-tin.2026-11-13\n"))

        // reports count deliveries as ever, and now what was delivered and confirmed
        let report = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08")
        #expect(report.stdout.contains("\"deliveries\": 48, \"delivered\": 3, \"confirmed\": 3,"))
    }

    @Test func onlyAUnitAnIssueReachedCanConfirmIt() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        #expect(try ws.run(["publish", "zalo-oa", "2026-11-12"], today: "2026-11-12").code == 0)
        let s = try session(ws, "2026-11-13")
        let zalo = Slot(channel: "zalo-oa", date: try #require(Day(iso: "2026-11-12")))
        // a unit the OA reached has no delivery of its own until it says so
        #expect(try Receipts.confirm(unit: "cdcs-so-yte", issue: zalo, session: s) == .confirmed)
        #expect(try ws.states("zalo-oa", "2026-11-12")["cdcs-so-yte"] == "confirmed")
        #expect(throws: Failure.self) { try Receipts.confirm(unit: "cdcs-khong-co", issue: zalo, session: s) }
        #expect(throws: Failure.self) { try Receipts.confirm(unit: "cdcs-so-yte", issue: slot, session: s) }
        let report = try ws.run(["report", "month", "2026-11", "--format", "json"], today: "2026-12-08")
        #expect(report.stdout.contains("\"deliveries\": 16, \"delivered\": 1, \"confirmed\": 1,"))
    }

    @Test func anIssueCanBeTakenBackOnlyWhileNothingOfItLeft() throws {
        let ws = try TempWorkspace()
        try ws.novemberConfirmed()
        #expect(try ws.run(["publish", "ban-tin", "2026-11-13", "--no-deliver"], today: "2026-11-13").code == 0)
        let s = try session(ws, "2026-11-13")
        try Publishing.unpublish(slot, session: s)
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM publications") == "0")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM issue_deliveries") == "0")
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM deliveries") == "0")
        #expect(!ws.exists("out/issues/ban-tin/2026-11-13.html"))
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT action FROM audit WHERE command = 'unpublish'") == "unpublished")
        #expect(throws: Failure.self) { try Publishing.unpublish(slot, session: s) }

        // e-mails written to the outbox never left: it can still be taken back
        #expect(try ws.run(["publish", "ban-tin", "2026-11-13"], today: "2026-11-13").code == 0)
        #expect(ws.exists("out/outbox/ban-tin/2026-11-13/cdcs-so-gddt.eml"))
        try Publishing.unpublish(slot, session: s)
        #expect(!ws.exists("out/outbox/ban-tin/2026-11-13"))

        // a website's issue is in its feed once published, and so reached its units: it cannot
        #expect(try ws.run(["publish", "website", "2026-11-10"], today: "2026-11-10").code == 0)
        let website = Slot(channel: "website", date: try #require(Day(iso: "2026-11-10")))
        do {
            try Publishing.unpublish(website, session: s)
            Issue.record("an issue already sent was taken back")
        } catch {
            #expect(error.diagnostics.first?.message.text(.en) == "website.2026-11-10 cannot be unpublished: 17 of its "
                    + "deliveries were sent or confirmed")
        }
        #expect(try sqlite(ws.path("loa.sqlite"), "SELECT count(*) FROM publications") == "1")
        #expect(Unpublishing.isAllowed([.pending, .failed]) && !Unpublishing.isAllowed([.pending, .sending]))
    }
}
