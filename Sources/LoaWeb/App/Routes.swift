import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// The routing table of the web front: every page, in one place.
enum Routes {
    static let uploadPaths: Set<String> = ["/unit/upload"]
    static let assets = StaticAssets(["loa.css": .css(Style.css)])

    static func register(_ r: inout Router<RequestContext>) {
        r.get("/", handled { _, c in
            switch c.principal {
            case .unit: return .redirect(to: "/unit")
            case .user: return .redirect(to: "/dashboard")
            case .anonymous: return .redirect(to: "/login")
            }
        })
        r.get("/assets/:name", handled { p, c in
            guard let name = p["name"], let response = assets.response(named: name)
                else { throw HTTPError(404, c.t(WebText.notFound)) }
            return response
        })
        // a unit's link: the token becomes a session cookie, and the address bar forgets the token
        r.get("/u/:token", handled { p, c in
            let app = try c.appOrFail()
            let (index, generation) = try c.indexAndGeneration()
            let stamp = try c.read(orEmpty: 0) { try $0.linksStamp() }
            guard let token = p["token"],
                  let (unit, version) = try app.links.unit(
                    for: token, workspace: generation, links: stamp, units: { index.workspace.units.map(\.code.value) },
                    versions: { try c.read(orEmpty: [:]) { try $0.linkVersions() } })
            else { throw HTTPError(404, c.t(WebText.linkInvalid)) }
            return app.signIn(.unit(unit, linkVersion: version), request: c.request, then: "/unit")
        })
        r.get("/unit", handled { _, c in try UnitHomePage.render(c) })
        r.get("/unit/report/:month", handled { p, c in try UnitReportPage.get(p, c) })
        r.post("/unit/report/:month", handled { p, c in try UnitReportPage.post(p, c) })
        r.get("/unit/activity", handled { _, c in try UnitActivityPage.get(c) })
        r.post("/unit/activity", handled { _, c in try UnitActivityPage.post(c) })
        r.get("/unit/upload", handled { _, c in try UnitUploadPage.get(c) })
        r.post("/unit/upload", handled { _, c in try UnitUploadPage.post(c) })
        r.get("/unit/issues/:channel/:date", handled { p, c in try UnitIssuePage.render(p, c) })
        r.get("/login", handled { _, c in try LoginPage.get(c) })
        r.post("/login", handled { _, c in try LoginPage.post(c) })
        r.post("/logout", handled { _, c in try LoginPage.logout(c) })
        OfficerRoutes.register(&r)
    }

    /// A handler whose `Redirect` becomes a 303 and whose `HTTPError` becomes a page in the user's language.
    static func handled(_ body: @escaping @Sendable (RouteParameters, RequestContext) throws -> HTTPResponse)
        -> Router<RequestContext>.Handler {
        { _, parameters, context in
            do {
                return try body(parameters, context)
            } catch let redirect as Redirect {
                return .redirect(to: redirect.location)
            } catch let error as HTTPError {
                return Pages.error(status: error.status, message: error.message, context: context)
            }
        }
    }
}
