import Foundation
import Testing

/// The month grid's changes to one entry leave the calendar exactly as `loa calendar` does (SPEC §9.4, §9.7): the
/// same steps once through `loa serve` over HTTP and once with commands, on two copies of the shipped workspace;
/// after every step the calendar files are equal, and in the end so is the audit history (but for who did it).
@Suite(.serialized) struct CalendarEquivalenceTests {
    static let password = "mat-khau-can-bo-2026"
    static let today = "2026-12-03"

    struct Step {
        let path: String
        let fields: [(String, String)]
        let command: [String]
    }

    static func entry(_ item: String, _ channel: String, _ date: String) -> [(String, String)] {
        [("item", item), ("channel", channel), ("date", date)]
    }

    static let steps: [Step] = [
        Step(path: "/calendar/2026-12/propose", fields: [], command: ["plan", "2026-12"]),
        Step(path: "/calendar/2026-12/entries/confirm", fields: entry("cds-xu-the-tat-yeu", "website", "2026-12-08"),
             command: ["calendar", "confirm", "cds-xu-the-tat-yeu", "website", "2026-12-08"]),
        Step(path: "/calendar/2026-12/entries/confirm", fields: entry("bao-tang-vi-sao-can-xay", "ban-tin", "2026-12-15"),
             command: ["calendar", "confirm", "bao-tang-vi-sao-can-xay", "ban-tin", "2026-12-15"]),
        Step(path: "/calendar/2026-12/entries/unconfirm",
             fields: entry("cds-xu-the-tat-yeu", "website", "2026-12-08"),
             command: ["calendar", "unconfirm", "cds-xu-the-tat-yeu", "website", "2026-12-08"]),
        Step(path: "/calendar/2026-12/entries/move",
             fields: entry("cds-ky-nang-so", "phat-thanh-noi-bo", "2026-12-14") + [("to", "2026-12-21")],
             command: ["calendar", "move", "cds-ky-nang-so", "phat-thanh-noi-bo", "2026-12-14", "2026-12-21"]),
        Step(path: "/calendar/2026-12/entries/remove",
             fields: entry("bao-tang-quy-mo-dia-diem", "website", "2026-12-22"),
             command: ["calendar", "remove", "bao-tang-quy-mo-dia-diem", "website", "2026-12-22"]),
        // the plan again keeps the confirmed entry and re-proposes the rest, on both sides alike
        Step(path: "/calendar/2026-12/propose", fields: [], command: ["plan", "2026-12"]),
    ]

    @Test func eachEntryChangeOnTheGridWritesWhatLoaCalendarWrites() throws {
        let web = try TempWorkspace(), cli = try TempWorkspace()
        let (server, browser) = try web.servedToOfficer("binh", password: Self.password, today: Self.today)
        for step in Self.steps {
            #expect(try browser.get("/calendar/2026-12").status == 200)
            let r = try browser.post(step.path, step.fields)
            #expect(r.status == 303 && r.header("Location")?.contains("done=") == true,
                    "\(step.path): \(r.status) \(r.text.prefix(600))")
            let c = try cli.run(step.command, today: Self.today)
            #expect(c.code == 0, "\(step.command): \(c.stderr)")
            let a = try workspaceFiles(web.root, ["calendars"]), b = try workspaceFiles(cli.root, ["calendars"])
            #expect(a == b, "after \(step.command.joined(separator: " "))")
        }
        server.stop()
        let calendar = try web.read("calendars/2026-12.ics")
        #expect(calendar.contains("UID:bao-tang-vi-sao-can-xay.ban-tin.20261215@loa"))
        #expect(calendar.contains("STATUS:CONFIRMED"))
        #expect(try workspaceFiles(web.root, ["content"]) == (try workspaceFiles(cli.root, ["content"])))
        let query = "SELECT command, action, subject, coalesce(detail, '') FROM audit WHERE command LIKE 'calendar %' "
            + "ORDER BY id"
        let webAudit = try sqlite(web.path("loa.sqlite"), query), cliAudit = try sqlite(cli.path("loa.sqlite"), query)
        #expect(webAudit == cliAudit)
        #expect(webAudit.contains("calendar move|entry moved|calendar 2026-12|cds-ky-nang-so "
                                  + "phat-thanh-noi-bo.2026-12-14 → 2026-12-21"))
    }
}
