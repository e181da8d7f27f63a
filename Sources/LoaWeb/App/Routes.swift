import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// The routing table of the web front: every page, who may use it, and whether its form records something, in
/// one place. `Tests/LoaWebTests/routes.csv` holds the same table as checked in; a test compares the two, so a
/// route's access cannot be loosened without a test saying so.
enum Routes {
    static let assets = StaticAssets(["loa.css": .css(Style.css), "loa-icon.svg": Style.icon])
    /// An asset's address with its content's hash, cached for a year (`/assets/loa.HASH.css`).
    static func asset(_ name: String) -> Route { .asset(assets.hashedName(name)) }
    /// The table, built once.
    static let table: RouteTable = {
        var t = RouteTable()
        register(&t)
        return t
    }()
    /// The paths that take file uploads (their bodies may be up to 8 MiB).
    static let uploadPaths: Set<String> = [Route.unitUpload.path, Route.newItem.path, "/items/*/edit"]

    static func register(_ t: inout RouteTable) {
        t.get(.root, .anyone) { c in
            switch c.principal {
            case .unit: return .redirect(to: .unitHome)
            case .user: return .redirect(to: .dashboard)
            case .anonymous: return .redirect(to: .login)
            }
        }
        t.get("/assets/:name", Route.asset, .anyone) { (name: String, c) in
            guard let response = assets.response(named: name, ifNoneMatch: c.request.header("If-None-Match")) else {
                throw HTTPError(404, c.t(WebText.notFound))
            }
            return response
        }
        // browsers that ask for the old name get the icon itself (pages name it with `<link rel=icon>`)
        t.get(.favicon, .anyone) { c in
            guard let icon = assets.response(named: "loa-icon.svg", ifNoneMatch: c.request.header("If-None-Match"))
            else { throw HTTPError(404, c.t(WebText.notFound)) }
            return icon
        }
        // a unit's link: the token becomes a session cookie, and the address bar forgets the token
        t.get("/u/:token", Route.unitLink, .anyone) { (token: String, c) in try UnitLinkPage.open(token, c) }
        t.post("/u/:token", Route.unitLink, .anyone, records: false) { (token: String, c) in
            try UnitLinkPage.confirm(token, c)
        }

        // units (SPEC §9.3)
        t.get(.unitHome, .unit) { c in try UnitHomePage.render(c) }
        t.get("/unit/report/:month", Route.unitReport, .unit) { (m: Month, c) in try UnitReportPage.get(m, c) }
        t.post("/unit/report/:month", Route.unitReport, .unit, records: true, hook: UnitReportPage.returned) {
            (m: Month, c) in try UnitReportPage.post(m, c)
        }
        t.get("/unit/report/:month/sent", Route.unitReportSent, .unit) { (m: Month, c) in
            try UnitSentPage.render(m, c)
        }
        t.get("/unit/report/:month/form", Route.unitBlankForm, .unit) { (m: Month, c) in
            try UnitUploadPage.blankForm(m, c)
        }
        t.get(.unitActivity, .unit) { c in try UnitActivityPage.get(c) }
        t.post(.unitActivity, .unit, records: true, hook: UnitActivityPage.returned) { c in
            try UnitActivityPage.post(c)
        }
        t.get(.unitActivityTemplate, .unit) { c in UnitUploadPage.activityTemplate(c) }
        t.get(.unitUpload, .unit) { c in try UnitUploadPage.get(c) }
        t.post(.unitUpload, .unit, records: true) { c in try UnitUploadPage.post(c) }
        t.get(.unitUrgentIssue, .unit) { c in try UnitUrgentIssuePage.get(c) }
        t.post(.unitUrgentIssue, .unit, records: true, hook: UnitUrgentIssuePage.returned) { c in
            try UnitUrgentIssuePage.post(c)
        }
        t.get(.unitManifest, .unit) { c in try UnitLinkPage.manifest(c) }
        t.post("/unit/receipts/:channel/:date", { Route.unitReceipt(Slot(channel: $0, date: $1)) }, .unit,
               records: true) { (channel: ChannelID, date: Day, c) in
            try ReceiptPage.confirmOnUnitPage(Slot(channel: channel, date: date), c)
        }
        // a receipt link from an e-mail: the page asks; only its button's POST confirms (SPEC §10)
        t.get("/r/:token", Route.receipt, .anyone) { (token: String, c) in try ReceiptPage.get(token, c) }
        t.post("/r/:token", Route.receipt, .anyone, records: false) { (token: String, c) in
            try ReceiptPage.confirm(token, c)
        }
        t.get("/unit/issues/:channel/:date", { Route.unitIssue(Slot(channel: $0, date: $1)) }, .unit) {
            (channel: ChannelID, date: Day, c) in try UnitIssuePage.render(Slot(channel: channel, date: date), c)
        }

        // signing in and out
        t.get(.login, .anyone) { c in try LoginPage.get(c) }
        t.post(.login, .anyone, records: false) { c in try LoginPage.post(c) }
        t.post(.logout, .anyone, records: false) { c in try LoginPage.logout(c) }

        // officers and leaders read (SPEC §9.4); officers change
        t.get(.dashboard, .user) { c in try DashboardPage.render(c) }
        t.get(.calendarNow, .user) { c in .redirect(to: .calendar(c.today.monthOfYear)) }
        t.get("/calendar/:month", Route.calendar, .user) { (m: Month, c) in try CalendarPage.render(m, c) }
        t.post("/calendar/:month/propose", Route.calendarPropose, .officer, records: true) { (m: Month, c) in
            try CalendarPage.plan(m, c, confirm: false)
        }
        t.post("/calendar/:month/confirm", Route.calendarConfirm, .officer, records: true) { (m: Month, c) in
            try CalendarPage.plan(m, c, confirm: true)
        }
        t.post("/calendar/:month/pin", Route.calendarPin, .officer, records: true) { (m: Month, c) in
            try CalendarPage.pin(m, c, unpin: false)
        }
        t.post("/calendar/:month/unpin", Route.calendarUnpin, .officer, records: true) { (m: Month, c) in
            try CalendarPage.pin(m, c, unpin: true)
        }
        // one entry of the grid at a time, each the same change as `loa calendar confirm|unconfirm|move|remove`
        for (pattern, make, change) in [
            ("/calendar/:month/entries/confirm", Route.calendarEntryConfirm, CalendarPage.Change.confirm),
            ("/calendar/:month/entries/unconfirm", Route.calendarEntryUnconfirm, .unconfirm),
            ("/calendar/:month/entries/move", Route.calendarEntryMove, .move),
            ("/calendar/:month/entries/remove", Route.calendarEntryRemove, .remove),
        ] {
            t.post(pattern, make, .officer, records: true) { (m: Month, c) in try CalendarPage.change(m, c, change) }
        }
        t.get(.items, .user) { c in try ItemsPage.render(c) }
        t.get(.newItem, .officer) { c in try ItemEditorPage.get(nil, c) }
        t.post(.newItem, .officer, records: true) { c in try ItemEditorPage.post(nil, c) }
        t.get("/items/:id", Route.item, .user) { (id: ItemID, c) in try ItemPage.render(id, c, problems: nil) }
        // deciding on items: officers, and leaders given approval (four eyes, SPEC §9.7)
        for (pattern, make, action) in [("/items/:id/approve", Route.itemApprove, ItemPage.Action.approve),
                                        ("/items/:id/send-back", Route.itemSendBack, .sendBack)] {
            t.post(pattern, make, .user.with(.approve), records: true) { (id: ItemID, c) in
                try ItemPage.post(id, c, action)
            }
        }
        t.post(.itemsBulk, .user.with(.approve), records: true) { c in try ItemsPage.bulk(c) }
        for (pattern, make, action) in [("/items/:id/pin", Route.itemPin, ItemPage.Action.pin),
                                        ("/items/:id/unpin", Route.itemUnpin, .unpin)] {
            t.post(pattern, make, .officer, records: true) { (id: ItemID, c) in try ItemPage.post(id, c, action) }
        }
        t.get("/items/:id/edit", Route.itemEdit, .officer) { (id: ItemID, c) in try ItemEditorPage.get(id, c) }
        t.post("/items/:id/edit", Route.itemEdit, .officer, records: true) { (id: ItemID, c) in
            try ItemEditorPage.post(id, c)
        }
        t.get("/media/:name", Route.media, .user) { (name: String, c) in try ItemEditorPage.media(name, c) }
        t.get("/issues/:channel/:date", { Route.issue(Slot(channel: $0, date: $1)) }, .user) {
            (channel: ChannelID, date: Day, c) in try IssuePage.render(Slot(channel: channel, date: date), c)
        }
        t.get("/issues/:channel/:date/download", { Route.issueDownload(Slot(channel: $0, date: $1)) }, .user) {
            (channel: ChannelID, date: Day, c) in try IssuePage.download(Slot(channel: channel, date: date), c)
        }
        t.post("/issues/:channel/:date/publish", { Route.issuePublish(Slot(channel: $0, date: $1)) }, .officer,
               records: true) { (channel: ChannelID, date: Day, c) in
            try IssuePage.publish(Slot(channel: channel, date: date), c)
        }
        // publishing, retrying and unpublishing reach units: a GET shows what will happen and asks; only the POST
        // of its button does it
        t.get("/issues/:channel/:date/publish", { Route.issuePublish(Slot(channel: $0, date: $1)) }, .officer) {
            (channel: ChannelID, date: Day, c) in try PublishingPages.askPublish(Slot(channel: channel, date: date), c)
        }
        t.get("/issues/:channel/:date/retry", { Route.issueRetry(Slot(channel: $0, date: $1)) }, .officer) {
            (channel: ChannelID, date: Day, c) in try PublishingPages.askRetry(Slot(channel: channel, date: date), c)
        }
        t.post("/issues/:channel/:date/retry", { Route.issueRetry(Slot(channel: $0, date: $1)) }, .officer,
               records: true) { (channel: ChannelID, date: Day, c) in
            try PublishingPages.retry(Slot(channel: channel, date: date), c)
        }
        t.get("/issues/:channel/:date/unpublish", { Route.issueUnpublish(Slot(channel: $0, date: $1)) }, .officer) {
            (channel: ChannelID, date: Day, c) in
            try PublishingPages.askUnpublish(Slot(channel: channel, date: date), c)
        }
        t.post("/issues/:channel/:date/unpublish", { Route.issueUnpublish(Slot(channel: $0, date: $1)) }, .officer,
               records: true) { (channel: ChannelID, date: Day, c) in
            try PublishingPages.unpublish(Slot(channel: channel, date: date), c)
        }
        t.get(.completeness, .user) { c in try CompletenessPage.render(c) }
        t.get(.reminders, .user) { c in try CompletenessPage.csv(c) }
        t.get(.alerts, .user) { c in try AlertsPage.render(c) }
        t.post("/alerts/:id/resolve", Route.alertResolve, .officer, records: true) { (id: Int, c) in
            try AlertsPage.resolve(id, c)
        }
        t.post("/alerts/:id/note", Route.alertNote, .officer, records: true) { (id: Int, c) in
            try AlertsPage.note(id, c)
        }
        t.post("/alerts/:id/escalate", Route.alertEscalate, .officer.with(.sensitive), records: true) { (id: Int, c) in
            try AlertsPage.escalate(id, c)
        }
        t.post("/alerts/:id/issued", Route.alertIssued, .officer.with(.sensitive), records: true) { (id: Int, c) in
            try AlertsPage.issued(id, c)
        }
        t.get("/alerts/:id/report", Route.alertReport, .user.with(.sensitive)) { (id: Int, c) in
            try AlertsPage.report(id, c)
        }
        t.get(.reports, .user) { c in try ReportsPage.index(c) }
        t.get(.reportMonthChooser, .user) { c in try ReportsPage.chooseMonth(c) }
        t.get(.reportUnitChooser, .user) { c in try ReportsPage.chooseUnit(c) }
        t.get("/reports/month/:month", Route.reportMonth, .user) { (m: Month, c) in try ReportsPage.month(m, c) }
        t.get("/reports/phase/:project/:phase", Route.reportPhase, .user) { (project: ProjectID, phase: PhaseID, c) in
            try ReportsPage.phase(project, phase, c)
        }
        t.get("/reports/unit/:unit", Route.reportUnit, .user) { (unit: UnitCode, c) in try ReportsPage.unit(unit, c) }
        t.get(.search, .user) { c in try SearchPage.render(c) }

        // a unit's month as sent, returned for correction with a comment or reopened (SPEC §9.7)
        t.get("/units/:unit/:month", Route.unitMonth, .user) { (unit: UnitCode, m: Month, c) in
            try UnitMonthPage.render(unit, m, c)
        }
        t.post("/units/:unit/:month/return", Route.unitMonthReturn, .officer, records: true) {
            (unit: UnitCode, m: Month, c) in try UnitMonthPage.returnReport(unit, m, c)
        }
        t.post("/units/:unit/:month/reopen", Route.unitMonthReopen, .officer, records: true) {
            (unit: UnitCode, m: Month, c) in try UnitMonthPage.reopen(unit, m, c)
        }

        // administration: users and units' links (officers with the admin permission, SPEC §9.7)
        let admin = Access.officer.with(.admin)
        t.get(.adminUsers, admin) { c in try AdminPages.users(c) }
        t.post(.adminUsers, admin, records: true, hook: AdminPages.returned) { c in try AdminPages.addUser(c) }
        t.post(.adminUserPassword, admin, records: true, hook: AdminPages.returned) { c in
            try AdminPages.setPassword(c)
        }
        t.post(.adminUserRemove, admin, records: true, hook: AdminPages.returned) { c in try AdminPages.removeUser(c) }
        t.get(.adminLinks, admin) { c in try AdminPages.links(c) }
        t.get("/admin/links/:unit", Route.adminRotate, admin) { (unit: UnitCode, c) in
            try AdminPages.confirmRotation(unit, c)
        }
        t.post("/admin/links/:unit", Route.adminRotate, admin, records: true, hook: AdminPages.returned) {
            (unit: UnitCode, c) in try AdminPages.rotate(unit, c)
        }
    }

    /// A handler whose `Redirect` becomes a 303 and whose `HTTPError` becomes a page in the user's language.
    static func handled(_ body: @escaping @Sendable (RouteParameters, RequestContext) throws -> HTTPResponse)
        -> Router<RequestContext>.Handler {
        { _, parameters, context in
            do {
                return try body(parameters, context)
            } catch let redirect as Redirect {
                return .redirect(to: redirect.route)
            } catch let error as HTTPError {
                return Pages.error(status: error.status, message: error.message, context: context)
            }
        }
    }
}
