import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/login` for officers and leaders: a name, a password and the login form's token (`LoginForm`: nothing is kept
/// on the server before a sign-in succeeds). Every failure costs the same Argon2id work and gets the same answer,
/// whether the name is unknown, known or paused; failures are limited per name and per address
/// (`LoginThrottle`).
enum LoginPage {
    static func get(_ c: RequestContext) throws -> HTTPResponse {
        if c.principal.isUser { return .redirect(to: .dashboard) }
        return try withFormToken(c) { render($0, name: "", error: nil, status: 200) }
    }

    /// A page whose form someone not signed in may send (the login form, a receipt link's page): on a first visit a
    /// nonce goes into a cookie and the form's token is made from it (`LoginForm`), so nothing is kept on the server.
    static func withFormToken(_ c: RequestContext, _ render: (RequestContext) -> HTTPResponse) throws
        -> HTTPResponse {
        guard c.csrfToken == nil else { return render(c) }
        let app = try c.appOrFail()
        let nonce = LoginForm.newNonce()
        var context = c
        context.csrfToken = LoginForm.token(forNonce: nonce, key: app.key)
        var response = render(context)
        response.setCookie(Cookie(name: LoginForm.cookie, value: nonce, secure: c.request.isSecure))
        return response
    }

    static func render(_ c: RequestContext, name: String, error: String?, status: Int) -> HTTPResponse {
        let t = c.t
        var body: [HTML] = [.el("h1", text: t(WebText.loginTitle))]
        if let error { body.append(Pages.notice(error, kind: "error")) }
        body.append(Pages.form(.login, c, [
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
        let app = try c.appOrFail()
        let t = c.t
        let name = (c.request.formValue("name") ?? "").trimmingCharacters(in: .whitespaces)
            .precomposedStringWithCanonicalMapping
        let password = c.request.formValue("password") ?? ""
        let ip = c.request.remoteAddress
        // an address past its limit is told so at once: the answer says nothing about any name
        guard app.throttle.addressAllows(ip) else {
            return render(c, name: name, error: t(WebText.loginBusyAddress), status: 429)
        }
        let (user, failures) = try c.read(orEmpty: (nil as UserRecord?, nil as LoginFailures?)) { r in
            (try r.user(named: name), try r.loginFailures(of: name))
        }
        // the same Argon2id work for every attempt: a name that does not exist is checked against a stand-in
        let verified = PasswordHash.verify(password, against: user?.passwordHash ?? PasswordHash.standIn)
        let allowed = app.throttle.nameAllows(failures)
        if let user, verified, allowed {
            if (failures?.count ?? 0) > 0 { try c.write { try $0.clearLoginFailures(of: user.name) } }
            return app.signIn(user.principal, request: c.request, then: .dashboard)
        }
        app.throttle.recordAddressFailure(ip)
        if user != nil && allowed {
            let policy = app.throttle.policy
            _ = try c.write {
                try $0.recordLoginFailure(of: name, at: app.throttle.time, forgetAfter: policy.lockSeconds)
            }
        }
        return render(c, name: name, error: t(WebText.loginFailed), status: 401)
    }

    static func logout(_ c: RequestContext) throws -> HTTPResponse {
        let app = try c.appOrFail()
        if let id = c.sessionID { app.sessions.destroy(id) }
        var response = HTTPResponse.redirect(to: c.principal.isUser ? .login : .root)
        response.setCookie(Cookie.removing(WebApp.sessionCookie, secure: c.request.isSecure))
        return response
    }
}
