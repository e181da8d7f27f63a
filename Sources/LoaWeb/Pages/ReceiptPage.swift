import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// A unit confirming it received an issue (SPEC §10), through `Receipts.confirm`: with "Đã nhận" on its own pages,
/// or through the receipt link of an e-mail, `/r/TOKEN` — a page that asks with a button, since mail scanners open
/// links: a GET never confirms. A token confirms only its unit's receipt of its issue; it never appears in a log
/// line (`RequestLog` masks `/r/…`).
enum ReceiptPage {
    static func get(_ token: String, _ c: RequestContext) throws -> HTTPResponse {
        let (unit, slot) = try resolve(token, c)
        let confirmed = try state(of: unit, slot, c) == .confirmed
        return try LoginPage.withFormToken(c) { context in render(token, unit, slot, confirmed: confirmed, context) }
    }

    /// The button's POST: confirms, then shows the page again (which then says it is done).
    static func confirm(_ token: String, _ c: RequestContext) throws -> HTTPResponse {
        let (unit, slot) = try resolve(token, c)
        try record(unit, slot, c)
        return .redirect(to: .receipt(token))
    }

    /// "Đã nhận" on the unit's own pages: the signed-in unit, and an issue delivered to it.
    static func confirmOnUnitPage(_ slot: Slot, _ c: RequestContext) throws -> HTTPResponse {
        try record(try c.signedInUnit(), slot, c)
        return .redirect(to: .unitHome, [("received", slot.description)])
    }

    static func record(_ unit: UnitCode, _ slot: Slot, _ c: RequestContext) throws {
        let s = try c.session().with(actor: .unit(unit))
        do { _ = try Receipts.confirm(unit: unit, issue: slot, session: s) } catch {
            // an issue not published, or not delivered to this unit: nothing to confirm here
            guard error.exitCode == ExitCode.dataError else { throw HTTPError(500, c.describe(error)) }
            throw HTTPError(404, c.t(WebText.notFound))
        }
    }

    /// The unit and issue a token names, when it is right and the issue was delivered to that unit; else 404.
    static func resolve(_ token: String, _ c: RequestContext) throws -> (UnitCode, Slot) {
        let app = try c.appOrFail()
        guard let (unit, slot) = ReceiptToken.verify(token, key: app.key), try c.index().units[unit] != nil,
              try c.read(orEmpty: false, { try $0.wasDelivered(slot, to: unit) }) else {
            throw HTTPError(404, c.t(WebText.receiptInvalid))
        }
        return (unit, slot)
    }

    static func state(of unit: UnitCode, _ slot: Slot, _ c: RequestContext) throws -> DeliveryState? {
        try c.read(orEmpty: nil) { r in
            try r.receipts(of: unit, in: slot.date.monthOfYear).first { $0.slot == slot }?.state
        }
    }

    static func render(_ token: String, _ unit: UnitCode, _ slot: Slot, confirmed: Bool,
                       _ c: RequestContext) -> HTTPResponse {
        let t = c.t
        let index = try? c.index()
        let issue = t(WebText.issueOf(channel: index?.channelName(slot.channel) ?? slot.channel.rawValue,
                                      date: t.date(slot.date)))
        var body: [HTML] = [.el("h1", text: t(WebText.receiptTitle)),
                            .el("p", [], text: t(WebText.receiptAbout(issue: issue,
                                                                       unit: index?.unitName(unit) ?? unit.rawValue)))]
        if confirmed {
            body.append(Pages.notice(t(WebText.receiptDone)))
        } else {
            body.append(.el("p", [("class", "hint")], text: t(WebText.receiptHow)))
            let button = HTML.el("button", [("type", "submit")], text: t(WebText.receivedButton))
            body.append(Pages.form(.receipt(token), c, [.el("div", [("class", "actions")], [button])]))
        }
        return Pages.page(t(WebText.receiptTitle), context: c, body: body)
    }

    /// The "Đã nhận" of one issue on a unit's page: a button, or the mark once confirmed.
    static func control(_ slot: Slot, confirmed: Bool, _ c: RequestContext) -> HTML {
        confirmed ? .el("span", [("class", "state ok")], text: c.t(WebText.receivedMark))
            : Pages.form(.unitReceipt(slot), c, attributes: [("class", "inline")], [
                .el("button", [("type", "submit"), ("class", "secondary")], text: c.t(WebText.receivedButton)),
            ])
    }
}
