import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// How `loa serve` runs: the workspace and database (a `Session` template), today when fixed (`--today`),
/// the language by default, and the address users reach it at.
public struct WebConfiguration: Sendable {
    public var paths: WorkspacePaths
    public var databasePath: String?
    /// A fixed day for reproducible runs and tests; nil means today in Hanoi, read per request.
    public var fixedToday: Day?
    public var language: Language
    /// `https://loa.example.vn`: the origin forms must come from, and the base of unit links. Nil: taken from
    /// the request's Host.
    public var baseURL: String?
    /// How failed logins are limited, per name and per address.
    public var loginPolicy = LoginThrottle.Policy()
    public init(paths: WorkspacePaths, databasePath: String? = nil, fixedToday: Day? = nil, language: Language = .vi,
                baseURL: String? = nil) {
        self.paths = paths; self.databasePath = databasePath; self.fixedToday = fixedToday; self.language = language
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
    }
}

/// The web front: a second door to the same core. A request becomes a `RequestContext` (who, which language,
/// today), goes through the routing table to a handler that calls the same workflows the commands call, and
/// comes back as a page built with the same escaped HTML builder as the documents.
public final class WebApp: Sendable {
    public let configuration: WebConfiguration
    let key: ServerKey
    let workspaces: WorkspaceCache
    /// Pages listing units: their name order and submission grids, kept between requests (issue 26).
    let unitLists = UnitListCache()
    let sessions: SessionStore<Principal>
    let links: UnitLinkIndex
    let throttle: LoginThrottle
    let router: Router<RequestContext>
    static let sessionCookie = "loa_session"
    /// The paths that take file uploads (their bodies may be up to 8 MiB).
    public static let uploadPaths = Routes.uploadPaths
    static let languageCookie = "loa_lang"
    /// A unit's link is its lasting credential: its session lasts 30 days (SPEC §9.5).
    static let unitSessionSeconds: TimeInterval = 30 * 86400

    public init(configuration: WebConfiguration, key: ServerKey, now: @escaping @Sendable () -> Date = Date.init) {
        self.configuration = configuration
        self.key = key
        workspaces = WorkspaceCache(paths: configuration.paths)
        sessions = SessionStore(idleTimeout: 8 * 3600, absoluteTimeout: 24 * 3600, now: now)
        links = UnitLinkIndex(key: key)
        UploadFolder.clear(configuration.paths)
        _ = PasswordHash.standIn   // made now, so that the first unknown name costs no more than the others
        throttle = LoginThrottle(policy: configuration.loginPolicy, now: now)
        var router = Routes.table.router
        router.admit = Admission.admit
        router.errorResponse = { status, message, request in
            let context = RequestContext.bare(request, language: configuration.language)
            return Pages.error(status: status, message: message, context: context)
        }
        self.router = router
    }

    /// Answers one request; every answer, errors included, is a page in the user's language.
    public func handle(_ request: HTTPRequest) -> HTTPResponse {
        var context = RequestContext(app: self, request: request)
        if let lang = request.queryValue("lang").flatMap(Language.init(rawValue:)) {
            // the language switch: remember the choice, show the same page without the parameter (a page of this
            // site only: any other path goes home)
            var response = HTTPResponse.redirect(to: Route(parsing: request.path) ?? .root)
            response.setCookie(Cookie(name: Self.languageCookie, value: lang.rawValue, maxAge: 365 * 86400,
                                      secure: request.isSecure))
            return response
        }
        // a session whose credentials cannot be read now is refused, never kept open (fail closed)
        if case .unit(let code, let version) = context.principal {
            // a rotated link ends every session opened with the old one, at once
            let current: Int
            do { current = try context.currentLinkVersion(of: code) } catch {
                return Pages.error(status: 503, message: context.t(WebText.serverError), context: context)
            }
            if current != version {
                if let id = context.sessionID { sessions.destroy(id) }
                context.principal = .anonymous
                var response = Pages.error(status: 403, message: context.t(WebText.linkRevoked), context: context)
                response.setCookie(Cookie.removing(Self.sessionCookie, secure: request.isSecure))
                return response
            }
        }
        if case .user(let name, _, _, let stamp) = context.principal {
            let user: UserRecord?
            do { user = try context.read(orEmpty: nil as UserRecord?) { try $0.user(named: name) } } catch {
                return Pages.error(status: 503, message: context.t(WebText.serverError), context: context)
            }
            if user?.stamp != stamp {
                if let id = context.sessionID { sessions.destroy(id) }
                var response = HTTPResponse.redirect(to: .login)
                response.setCookie(Cookie.removing(Self.sessionCookie, secure: request.isSecure))
                return response
            }
        }
        return router.response(to: request, context: context)
    }

    /// Starts a session for `principal` and answers with a redirect to `route`, the cookie set: a unit's lasts
    /// 30 days (and one unit holds a bounded number), a user's ends with the browser, idle or not.
    func signIn(_ principal: Principal, request: HTTPRequest, then route: Route) -> HTTPResponse {
        if let old = request.cookies[Self.sessionCookie] { sessions.destroy(old) }
        let session: SessionStore<Principal>.Session
        var cookie: Cookie
        if let unit = principal.unit {
            session = sessions.create(principal, idleTimeout: Self.unitSessionSeconds,
                                      absoluteTimeout: Self.unitSessionSeconds, group: "unit:" + unit.rawValue)
            cookie = Cookie(name: Self.sessionCookie, value: session.id, maxAge: Int(Self.unitSessionSeconds),
                            secure: request.isSecure)
        } else {
            session = sessions.create(principal)
            cookie = Cookie(name: Self.sessionCookie, value: session.id, secure: request.isSecure)
        }
        var response = HTTPResponse.redirect(to: route)
        response.setCookie(cookie)
        if request.cookies[LoginForm.cookie] != nil {
            response.setCookie(Cookie.removing(LoginForm.cookie, secure: request.isSecure))
        }
        return response
    }

    /// Ends every session of a unit (its link was rotated) or a user (removed, or password changed).
    @discardableResult
    public func endSessions(where matches: @escaping (Principal) -> Bool) -> Int { sessions.destroyAll(where: matches) }

    /// A unit's link: `BASE/u/TOKEN` for its current version.
    public func link(for unit: UnitCode, version: Int, base: String) -> String {
        base + Route.unitLink(links.token(for: unit, version: version)).path
    }
}
