import Foundation
import Testing
import LoaCore
import LoaFormats
import LoaStore
@testable import LoaWeb
import LoaWorkflows

/// Receipts on the web (SPEC §10, §9.5): "Đã nhận" on a unit's pages and the receipt link of an e-mail, whose page
/// asks with a button; the month's report form ticks only what the unit confirmed.
@Suite(.serialized) struct ReceiptPagesTests {
    let slot = Slot(channel: "ban-tin", date: Day(iso: "2026-11-13")!)

    func state(_ f: WebFixture, _ unit: UnitCode) throws -> DeliveryState? {
        try f.read { try $0.receipts(of: unit, in: Month(iso: "2026-11")!) }.first { $0.slot == slot }?.state
    }

    @Test func aReceiptLinkAsksWithAButtonAndConfirmsOnlyThatUnitsReceiptOfThatIssue() throws {
        let log = LogLines()
        let f = try WebFixture(log: log)
        let token = ReceiptToken.token(key: f.key, unit: "cdcs-so-gddt", slot: slot)
        let before = try state(f, "cdcs-so-gddt")
        #expect(before != .confirmed)
        // a mail scanner opens the link: nothing is confirmed
        let scanner = Browser(port: f.port)
        let page = try scanner.get("/r/" + token)
        #expect(page.status == 200 && page.text.contains(">Đã nhận</button>"))
        #expect(page.text.contains("Bản tin Công đoàn Viên chức tỉnh — số ra ngày 13/11/2026"))
        #expect(try state(f, "cdcs-so-gddt") == before)
        #expect(try f.read { try $0.auditHistory() }.allSatisfy { $0.action != .receiptConfirmed })
        // without the page's token, or from another site, the button's POST is refused
        #expect(try Browser(port: f.port).post("/r/" + token, [], key: .some(nil)).status == 403)
        // the person presses the button: that unit's receipt of that issue, and nothing else
        let pressed = try scanner.post("/r/" + token, [], key: .some(nil))
        #expect(pressed.status == 303 && pressed.header("Location") == "/r/" + token)
        #expect(try state(f, "cdcs-so-gddt") == .confirmed)
        #expect(try state(f, "cdcs-so-yte") != .confirmed)
        let audit = try f.read { try $0.auditHistory() }.filter { $0.action == .receiptConfirmed }
        #expect(audit.map(\.actor) == [.unit("cdcs-so-gddt")] && audit.first?.subject == "ban-tin.2026-11-13")
        #expect(try scanner.get("/r/" + token).text.contains("Đã ghi nhận: đơn vị đã nhận số này."))
        #expect(!(try scanner.get("/r/" + token).text.contains("<button type=\"submit\">Đã nhận")))
        // a token changed by one letter, or naming another unit, opens nothing
        var tampered = Array(token)
        tampered[tampered.count - 2] = tampered[tampered.count - 2] == "A" ? "B" : "A"
        #expect(try Browser(port: f.port).get("/r/" + String(tampered)).status == 404)
        let other = token.replacingOccurrences(of: "cdcs-so-gddt", with: "cdcs-so-yte")
        #expect(try Browser(port: f.port).get("/r/" + other).status == 404)
        // a rightly signed token of an issue that never reached that unit opens nothing either
        let ws = try f.workspace
        let narrow = try #require(ws.channels.first { if case .some = $0.units { return true } else { return false } })
        let outsider = try #require(ws.units.first { !narrow.reaches($0) })
        let published = try f.read { try $0.publishedSlots(from: Day(iso: "2026-11-01")!, to: Day(iso: "2026-11-30")!) }
        let date = try #require(published.filter { $0.channel == narrow.id.value }.map(\.date).min())
        let stray = ReceiptToken.token(key: f.key, unit: outsider.code.value,
                                       slot: Slot(channel: narrow.id.value, date: date))
        #expect(try Browser(port: f.port).get("/r/" + stray).status == 404)
        // no log line holds the token
        let lines = log.all
        #expect(lines.contains { $0.hasPrefix("GET /r/… 200") } && lines.contains { $0.hasPrefix("POST /r/… 303") })
        #expect(!lines.contains { $0.contains(String(token.suffix(20))) })
    }

    @Test func theUnitConfirmsOnItsPageAndItsMonthsFormTicksOnlyWhatItConfirmed() throws {
        let f = try WebFixture()
        let b = try f.unitBrowser("cdcs-so-gddt")
        let home = try b.get("/unit").text
        #expect(home.contains("action=\"/unit/receipts/ban-tin/2026-11-13\""))
        #expect(!(try b.get("/unit/report/2026-11").text.contains("checked")))
        try b.get("/unit")
        let r = try b.post("/unit/receipts/ban-tin/2026-11-13", [])
        #expect(r.status == 303 && r.header("Location") == "/unit?received=ban-tin.2026-11-13")
        #expect(try state(f, "cdcs-so-gddt") == .confirmed)
        let after = try b.get("/unit?received=ban-tin.2026-11-13").text
        #expect(after.contains("Đã ghi nhận đơn vị đã nhận «Bản tin Công đoàn Viên chức tỉnh — số ra ngày 13/11/2026»"))
        #expect(after.contains("✓ Đã nhận") && !after.contains("action=\"/unit/receipts/ban-tin/2026-11-13\""))
        // the report form ticks that issue, and only it; so does the blank form to fill offline
        let form = try b.get("/unit/report/2026-11").text
        #expect(form.contains("value=\"ban-tin.2026-11-13\" checked") && form.matches(of: /checked/).count == 1)
        #expect(try b.get("/unit/report/2026-11/form").text.contains("received: [ban-tin.2026-11-13]\n"))
        // an issue not delivered to this unit cannot be confirmed by it
        let ws = try f.workspace
        let narrow = try #require(ws.channels.first { if case .some = $0.units { return true } else { return false } })
        let outsider = try #require(ws.units.first { !narrow.reaches($0) })
        let published = try f.read { try $0.publishedSlots(from: Day(iso: "2026-11-01")!, to: Day(iso: "2026-11-30")!) }
        let date = try #require(published.filter { $0.channel == narrow.id.value }.map(\.date).min())
        let o = try f.unitBrowser(outsider.code.value)
        try o.get("/unit")
        #expect(try o.post("/unit/receipts/\(narrow.id.value)/\(date.iso)", []).status == 404)
    }
}
