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
        csrfToken = session?.csrfToken
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
        } catch let f as Failure { throw HTTPError(500, describe(f)) }
    }

    func describe(_ f: Failure) -> String { f.diagnostics.map { $0.message.text(language) }.joined(separator: "; ") }

    /// A unit's current link version in the store.
    func currentLinkVersion(of unit: UnitCode) throws -> Int {
        try read(orEmpty: 1) { try $0.linkVersion(of: unit) }
    }

    // access

    /// The unit of this session, or 403.
    func requireUnit() throws -> UnitCode {
        guard let unit = principal.unit else { throw HTTPError(403, t(WebText.openYourLink)) }
        return unit
    }

    /// This session's user, or a redirect to the login page.
    func requireUser() throws {
        guard principal.isUser else { throw Redirect(to: "/login") }
    }

    func requireOfficer() throws {
        try requireUser()
        guard principal.isOfficer else { throw HTTPError(403, t(WebText.officersOnly)) }
    }

    /// The site's own origin, which forms must come from.
    var origin: String {
        if let base = app?.configuration.baseURL, let o = CSRF.origin(of: base) { return o }
        return (request.isSecure ? "https://" : "http://") + (request.header("Host") ?? "localhost")
    }

    /// Refuses (403) a changing request without this session's CSRF token or sent from another site.
    func checkCSRF() throws {
        guard let token = csrfToken, CSRF.check(request, token: token, expectedOrigin: origin) == nil else {
            throw HTTPError(403, t(WebText.csrfRefused))
        }
    }
}

/// A handler's way to answer "go there" from deep inside (e.g. sign in first).
struct Redirect: Error {
    let location: String
    init(to location: String) { self.location = location }
}
