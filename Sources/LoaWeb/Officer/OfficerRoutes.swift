import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// The pages of officers and leaders (SPEC §9.4).
enum OfficerRoutes {
    static func register(_ r: inout Router<RequestContext>) {
        r.get("/dashboard", Routes.handled { _, c in try DashboardPage.render(c) })
    }
}

/// `/dashboard`: what `loa status` shows.
enum DashboardPage {
    static func render(_ c: RequestContext) throws -> HTTPResponse {
        try c.requireUser()
        let t = c.t
        guard case .user(let name, _, _, _) = c.principal else { throw Redirect(to: "/login") }
        return Pages.page(t(WebText.officerHome), context: c, body: [
            .el("h1", text: t(WebText.officerHome)), .el("p", [], text: t(WebText.signedInAs(name))),
        ])
    }
}
