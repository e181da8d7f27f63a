import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// One request as handlers see it: who asks, in which language, on which day, and the workflows' `Session`
/// with them as the actor.
struct RequestContext: Sendable {
    let app: WebApp?
    let request: HTTPRequest
    var sessionID: String?
    var csrfToken: String?
    var principal: Principal
    let language: Language
    let today: Day
    var t: Localizer { Localizer(language) }

    init(app: WebApp, request: HTTPRequest) {
        self.app = app
        self.request = request
        let session = request.cookies[WebApp.sessionCookie].flatMap { app.sessions.lookup($0) }
        sessionID = session?.id
        // before a sign-in there is no session: the login form's token comes from its own signed cookie
        csrfToken = session?.csrfToken
            ?? request.cookies[LoginForm.cookie].flatMap { LoginForm.token(forNonce: $0, key: app.key) }
        principal = session?.payload ?? .anonymous
        language = request.cookies[WebApp.languageCookie].flatMap(Language.init(rawValue:))
            ?? app.configuration.language
        today = app.configuration.fixedToday ?? todayInHanoi()
    }

    /// A context with no app behind it, for the answers the router builds itself (404, 405).
    static func bare(_ request: HTTPRequest, language: Language) -> RequestContext {
        RequestContext(request: request, language: language)
    }

    private init(request: HTTPRequest, language: Language) {
        app = nil
        self.request = request
        principal = .anonymous
        self.language = request.cookies[WebApp.languageCookie].flatMap(Language.init(rawValue:)) ?? language
        today = todayInHanoi()
    }

    func appOrFail() throws -> WebApp {
        guard let app else { throw HTTPError(500, t(WebText.serverError)) }
        return app
    }

    /// The workflows' session for this request: the workspace, today, the language, this principal as actor.
    func session() throws -> Session {
        let app = try appOrFail()
        let c = app.configuration
        var s = Session(paths: c.paths, databasePath: c.databasePath, today: today, language: language,
                        actor: principal.actor ?? .commandLine(user: "web"))
        s.reusesConnections = true
        return s
    }

    /// The workspace as the files say now.
    func workspace() throws -> Workspace { try index().workspace }

    /// The workspace's lookups (by id, theme titles), built once per version of the files.
    func index() throws -> WorkspaceIndex {
        let app = try appOrFail()
        do { return try app.workspaces.index(session: try session()) } catch let failure as Failure {
            throw HTTPError(500, failure.diagnostics.map { $0.rendered(language) }.joined(separator: "\n"))
        }
    }

    /// The workspace's lookups and their generation (which changes whenever the files change).
    func indexAndGeneration() throws -> (index: WorkspaceIndex, generation: Int) {
        let app = try appOrFail()
        do { return try app.workspaces.current(session: try session()) } catch let failure as Failure {
            throw HTTPError(500, failure.diagnostics.map { $0.rendered(language) }.joined(separator: "\n"))
        }
    }

    /// Who owes which month (`ReportExpectation`): the workspace's plan and what is recorded.
    func expectation() throws -> ReportExpectation {
        let (plan, s) = (try workspace().plan, try session())
        return try workflow { try UnitReports.expectation(plan: plan, session: s) }
    }

    /// Reads from the database (nothing recorded yet reads as `empty`).
    func read<T>(orEmpty empty: T, _ body: (StoreReader) throws -> T) throws -> T {
        do { return try session().read(orEmpty: empty, body) } catch let f as Failure { throw HTTPError(500,
            describe(f)) }
    }

    /// Writes to the database in one transaction.
    func write<T>(_ body: (StoreWriter) throws -> T) throws -> T {
        let s = try session()
        do {
            let store = try s.openStore()
            return try s.guarded { try store.write(body) }
        } catch { throw HTTPError(500, describe(error)) }
    }

    /// Runs a workflow: a failure it reports (the database, a file) is a server error page in words.
    func workflow<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let f as Failure { throw HTTPError(500, describe(f)) }
    }

    func describe(_ f: Failure) -> String {
        f.diagnostics.map { $0.message.inWords.text(language) }.joined(separator: "; ")
    }

    /// A unit's current link version in the store.
    func currentLinkVersion(of unit: UnitCode) throws -> Int {
        try read(orEmpty: 1) { try $0.linkVersion(of: unit) }
    }

    // who: the router has let only the right principal in, so these read what it checked

    /// The unit of this session (a `.unit` route is never reached without one).
    func signedInUnit() throws -> UnitCode {
        guard let unit = principal.unit else { throw HTTPError(500, t(WebText.serverError)) }
        return unit
    }

    /// The signed-in user's name (a `.user` or `.officer` route is never reached without one).
    func signedInUser() throws -> String {
        guard let name = principal.userName else { throw HTTPError(500, t(WebText.serverError)) }
        return name
    }

    /// The site's own origin, which forms must come from.
    var origin: String {
        if let base = app?.configuration.baseURL, let o = CSRF.origin(of: base) { return o }
        return (request.isSecure ? "https://" : "http://") + (request.header("Host") ?? "localhost")
    }

    /// Why this request may not change anything (no token of this session or of the login form, a wrong one, or
    /// sent from another site), or nil.
    func csrfRefusal() -> CSRF.Refusal? {
        guard let token = csrfToken else {
            return CSRF.crossSite(request, expectedOrigin: origin) ?? .missingToken
        }
        return CSRF.check(request, token: token, expectedOrigin: origin)
    }
}

/// A handler's way to answer "go there" from deep inside.
struct Redirect: Error {
    let route: Route
    init(to route: Route) { self.route = route }
}
