import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/login` for officers and leaders: a name, a password and the CSRF token of a session opened for the form;
/// failures slow down and lock the account for a while.
enum LoginPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse {
        if c.principal.isUser { return .redirect(to: "/dashboard") }
        let app = try c.appOrFail()
        // the form needs a CSRF token before anyone signs in: an anonymous session holds it
        var context = c
        var cookie: Cookie?
        if c.csrfToken == nil {
            let session = app.sessions.create(.anonymous)
            context.sessionID = session.id
            context.csrfToken = session.csrfToken
            cookie = Cookie(name: WebApp.sessionCookie, value: session.id, secure: c.request.isSecure)
        }
        var response = render(context, name: "", error: nil, status: 200)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    static func render(_ c: RequestContext, name: String, error: String?, status: Int) -> HTTPResponse {
        let t = c.t
        var body: [HTML] = [.el("h1", text: t(WebText.loginTitle))]
        if let error { body.append(Pages.notice(error, kind: "error")) }
        body.append(.el("form", [("method", "post"), ("action", "/login")], [
            Pages.csrf(c),
            Pages.field(t(WebText.userName), for: "name",
                        Pages.input("name", value: name, attributes: [("autocomplete", "username"), ("required", "")])),
            Pages.field(t(WebText.password), for: "password",
                        Pages.input("password", value: "", type: "password",
                                    attributes: [("autocomplete", "current-password"), ("required", "")])),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(WebText.signIn))]),
        ]))
        return Pages.page(t(WebText.loginTitle), context: c, status: status, body: body)
    }

    static func post(_ c: RequestContext) throws -> HTTPResponse {
        try c.checkCSRF()
        let app = try c.appOrFail()
        let t = c.t
        let name = (c.request.formValue("name") ?? "").trimmingCharacters(in: .whitespaces)
        let password = c.request.formValue("password") ?? ""
        let ip = c.request.remoteAddress
        switch app.throttle.check(name: name, ip: ip) {
        case .wait(let seconds): return render(c, name: name, error: t(WebText.loginWait(seconds)), status: 429)
        case .locked(let until):
            let minutes = max(1, Int(until.timeIntervalSinceNow / 60) + 1)
            return render(c, name: name, error: t(WebText.loginLocked("+\(minutes) min")), status: 429)
        case .allowed: break
        }
        let user = try c.read(orEmpty: nil as UserRecord?) { try $0.user(named: name) }
        guard let user, PasswordHash.verify(password, against: user.passwordHash) else {
            app.throttle.recordFailure(name: name, ip: ip)
            return render(c, name: name, error: t(WebText.loginFailed), status: 401)
        }
        app.throttle.recordSuccess(name: name, ip: ip)
        return app.signIn(.user(name: user.name, role: user.role, sensitive: user.sensitive, stamp: user.stamp),
            request: c.request,
                          then: "/dashboard")
    }

    static func logout(_ c: RequestContext) throws -> HTTPResponse {
        try c.checkCSRF()
        let app = try c.appOrFail()
        if let id = c.sessionID { app.sessions.destroy(id) }
        var response = HTTPResponse.redirect(to: c.principal.isUser ? "/login" : "/")
        response.setCookie(Cookie.removing(WebApp.sessionCookie, secure: c.request.isSecure))
        return response
    }
}
