import LoaCore
import LoaFormats

/// What every unit form shares when its values come back instead of being recorded (SPEC §9.5): nothing typed is
/// lost, nothing is recorded.
enum UnitPages {
    /// After the session ended (401): a page in the unit's words listing what was typed under each field's label,
    /// asking to reopen the link, with a button that sends the values back once it is open. Otherwise (the link is
    /// open again: 200; the key was used with other content: 409) the page's own form filled with them, from
    /// `form` — or the plain page when it cannot be drawn.
    static func returned(_ returned: ReturnedForm, _ c: RequestContext,
                         form: ([FormField]) throws -> HTTPResponse?) -> HTTPResponse {
        guard returned.reason != .sessionEnded else { return sessionEnded(returned, c) }
        return ((try? form(returned.fieldsToSendAgain)) ?? nil) ?? Pages.returned(returned, c)
    }

    /// The notice a form filled with returned values opens with.
    static func returnedNotice(_ returned: ReturnedForm, _ c: RequestContext) -> HTML {
        let (title, help): (WebText, WebText) = returned.reason == .keyReused ? (.keyReusedTitle, .keyReusedHelp)
            : (.resumedTitle, .resumedHelp)
        return .el("div", [("class", "notice info"), ("role", "status")], [
            .el("p", [], [.el("strong", text: c.t(title))]), .el("p", text: c.t(help)),
        ])
    }

    static func sessionEnded(_ returned: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        let t = c.t
        let index = try? c.index()
        let again = returned.fieldsToSendAgain
        var typed: [HTML] = []
        for f in again where !f.value.trimmed.isEmpty {
            guard let shown = shownValue(f, index, t) else { continue }
            let (label, context) = FieldLabels.of(f.name, t)
            guard !label.isEmpty else { continue }
            typed.append(.el("dt", text: context.map { "\($0) — \(label)" } ?? label))
            typed.append(.el("dd", [("class", "pre")], text: shown))
        }
        var fields: [HTML] = again.map { Pages.hidden($0.name, $0.value) }
        fields.append(Pages.hidden(ReturnedForm.resumeField, "1"))
        fields.append(.el("div", [("class", "actions")],
                          [.el("button", [("type", "submit")], text: t(WebText.sendAgain))]))
        let action = (Route(parsing: returned.path) ?? .root).path
        return Pages.page(t(WebText.sessionEndedTitle), context: c, status: 401, body: [
            .el("h1", text: t(WebText.sessionEndedTitle)),
            Pages.notice(t(WebText.sessionEndedHelp), kind: "info"),
            .el("form", [("method", "post"), ("action", action)], fields),
            .el("h2", text: t(WebText.typedValues)),
            typed.isEmpty ? .el("p", [("class", "muted")], text: t(WebText.noneRecorded))
                : .el("dl", [("class", "facts")], typed),
        ])
    }

    /// A typed value as the page showed it: names for chosen codes; nil for the page's own bookkeeping fields.
    static func shownValue(_ f: FormField, _ index: WorkspaceIndex?, _ t: Localizer) -> String? {
        let name = f.name
        if ["action", OnceOnly.keyField, "keep-sensitive"].contains(name) { return nil }
        if name == "mood" { return Mood(rawValue: f.value).map { t($0) } ?? f.value }
        if name == "no-activity" || name.hasSuffix("-sensitive") { return "✓" }
        if name.hasSuffix("-type") { return ActivityType(rawValue: f.value).map { t($0) } ?? f.value }
        if name.hasSuffix("-themes") {
            return ThemeRef(parsing: f.value).map { index?.themeName($0) ?? f.value } ?? f.value
        }
        if name.hasSuffix("-items") { return index?.itemTitle(ItemID(f.value)) ?? f.value }
        if name.hasSuffix("-date"), let d = Day(iso: f.value) { return t.date(d) }
        if name == "received", let slot = Slot(issue: f.value) {
            return t(WebText.issueOf(channel: index?.channelName(slot.channel) ?? slot.channel.rawValue,
                                     date: t.date(slot.date)))
        }
        return f.value
    }
}
