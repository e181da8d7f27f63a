import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// The pages of officers and leaders (SPEC §9.4). Every GET needs a signed-in user (leaders read everything they
/// are allowed to); every POST needs an officer and the CSRF token, and answers 403 to anyone else.
enum OfficerRoutes {
    typealias Page = @Sendable (RouteParameters, RequestContext) throws -> HTTPResponse

    static func register(_ r: inout Router<RequestContext>) {
        for (pattern, page) in reading { r.get(pattern, Routes.handled(page)) }
        for (pattern, page) in changing { r.post(pattern, Routes.handled(page)) }
    }

    /// Every page that reads: a signed-in user (officer or leader) or a redirect to the login page.
    static let reading: [(String, Page)] = [
        ("/dashboard", { _, c in try DashboardPage.render(c) }),
        ("/calendar", { _, c in
            try c.requireUser()
            return .redirect(to: "/calendar/\(c.today.monthOfYear.iso)")
        }),
        ("/calendar/:month", { p, c in try CalendarPage.get(p, c) }),
        ("/items", { _, c in try ItemsPage.render(c) }),
        ("/items/new", { _, c in try NewItemPage.get(c) }),
        ("/items/:id", { p, c in try ItemPage.get(p, c) }),
        ("/issues/:channel/:date", { p, c in try IssuePage.get(p, c) }),
        ("/issues/:channel/:date/download", { p, c in try IssuePage.download(p, c) }),
        ("/completeness", { _, c in try CompletenessPage.render(c) }),
        ("/completeness/reminders.csv", { _, c in try CompletenessPage.csv(c) }),
        ("/alerts", { _, c in try AlertsPage.render(c) }),
        ("/reports", { _, c in try ReportsPage.index(c) }),
        ("/reports/month", { _, c in try ReportsPage.choose("month", c) }),
        ("/reports/unit", { _, c in try ReportsPage.choose("unit", c) }),
        ("/reports/month/:month", { p, c in try ReportsPage.month(p, c) }),
        ("/reports/phase/:project/:phase", { p, c in try ReportsPage.phase(p, c) }),
        ("/reports/unit/:unit", { p, c in try ReportsPage.unit(p, c) }),
        ("/search", { _, c in try SearchPage.render(c) }),
    ]

    /// Every page that changes something: an officer with the CSRF token, 403 for anyone else.
    static let changing: [(String, Page)] = [
        ("/calendar/:month/propose", { p, c in try CalendarPage.plan(p, c, confirm: false) }),
        ("/calendar/:month/confirm", { p, c in try CalendarPage.plan(p, c, confirm: true) }),
        ("/calendar/:month/pin", { p, c in try CalendarPage.pin(p, c, unpin: false) }),
        ("/calendar/:month/unpin", { p, c in try CalendarPage.pin(p, c, unpin: true) }),
        ("/items/new", { _, c in try NewItemPage.post(c) }),
        ("/items/:id/approve", { p, c in try ItemPage.post(p, c, action: "approve") }),
        ("/items/:id/send-back", { p, c in try ItemPage.post(p, c, action: "send-back") }),
        ("/items/:id/pin", { p, c in try ItemPage.post(p, c, action: "pin") }),
        ("/items/:id/unpin", { p, c in try ItemPage.post(p, c, action: "unpin") }),
        ("/issues/:channel/:date/publish", { p, c in try IssuePage.publish(p, c) }),
        ("/alerts/:id/resolve", { p, c in try AlertsPage.resolve(p, c) }),
    ]
}
