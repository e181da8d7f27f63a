import LoaCore
import LoaFormats
import LoaStore

/// `/u/TOKEN`, a unit's secret link: it signs the browser in as the unit and sends it to `/unit`, so the token
/// leaves the address bar. A browser already signed in as someone else (a user, another unit) is asked first,
/// with a button: a link opened from another site never replaces a session by itself.
enum UnitLinkPage {
    static func open(_ token: String, _ c: RequestContext) throws -> HTTPResponse {
        let (unit, version) = try resolve(token, c)
        switch c.principal {
        case .anonymous: break
        case .unit(let current, _) where current == unit: break
        default: return ask(token, unit: unit, c)
        }
        return try c.appOrFail().signIn(.unit(unit, linkVersion: version), request: c.request, then: .unitHome)
    }

    /// The button's POST (with this session's token): the browser becomes the unit.
    static func confirm(_ token: String, _ c: RequestContext) throws -> HTTPResponse {
        let (unit, version) = try resolve(token, c)
        return try c.appOrFail().signIn(.unit(unit, linkVersion: version), request: c.request, then: .unitHome)
    }

    static func ask(_ token: String, unit: UnitCode, _ c: RequestContext) -> HTTPResponse {
        let t = c.t
        let who: String = switch c.principal {
        case .user(let name, _, _, _): name
        case .unit(let other, _): (try? c.index().unitName(other)) ?? other.rawValue
        case .anonymous: ""
        }
        let name = (try? c.index().unitName(unit)) ?? unit.rawValue
        return Pages.page(t(WebText.unitLinkAskTitle), context: c, body: [
            .el("h1", text: t(WebText.unitLinkAskTitle)),
            .el("p", [], text: name),
            Pages.notice(t(WebText.unitLinkAsk(who)), kind: "info"),
            Pages.form(.unitLink(token), c, [
                .el("div", [("class", "actions")], [
                    .el("button", [("type", "submit")], text: t(WebText.unitLinkOpen)),
                    .el("a", [("class", "button secondary"), ("href", Route.root.path)], text: t(WebText.unitLinkStay)),
                ]),
            ]),
        ])
    }

    /// `/unit/manifest.webmanifest`: the web app manifest of the unit signed in, and no other. Its start URL is the
    /// unit's own link, so a shortcut on a phone's home screen signs in again whenever it is opened — after a
    /// restart or the session's 30 days — and leaves the address bar as the link does (SPEC §9.5).
    static func manifest(_ c: RequestContext) throws -> HTTPResponse {
        let unit = try UnitReportPage.unit(c)
        let app = try c.appOrFail()
        let version = try c.currentLinkVersion(of: unit.code.value)
        let start = Route.unitLink(app.links.token(for: unit.code.value, version: version)).path
        let json = JSON.object([
            ("name", .string(c.t(WebText.appName(unit.name)))), ("short_name", .string("Loa")),
            ("start_url", .string(start)), ("scope", .string("/")), ("display", .string("standalone")),
            ("lang", .string(c.language.rawValue)), ("background_color", .string(Style.paper)),
            ("theme_color", .string(Style.brand)),
            ("icons", .array([.object([("src", .string(Routes.asset("loa-icon.svg").path)), ("sizes", .string("any")),
                                       ("type", .string("image/svg+xml")), ("purpose", .string("any"))])])),
        ])
        return HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", "application/manifest+json"),
                                                   HTTPHeader("Cache-Control", "no-store")],
                            body: Array(json.text.utf8))
    }

    /// The unit and link version a token opens, or 404.
    static func resolve(_ token: String, _ c: RequestContext) throws -> (UnitCode, Int) {
        let app = try c.appOrFail()
        let (index, generation) = try c.indexAndGeneration()
        let stamp = try c.read(orEmpty: 0) { try $0.linksStamp() }
        guard let found = try app.links.unit(
            for: token, workspace: generation, links: stamp, units: { index.workspace.units.map(\.code.value) },
            versions: { try c.read(orEmpty: [:]) { try $0.linkVersions() } })
        else { throw HTTPError(404, c.t(WebText.linkInvalid)) }
        return found
    }
}
