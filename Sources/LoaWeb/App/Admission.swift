import LoaCore

/// The router's gate (SPEC §9.6): before any handler runs, the route's declared access is checked against the
/// session, and a POST must carry this session's CSRF token (or the login form's) and come from this site.
/// Pages never check access themselves.
enum Admission {
    static func admit(_ route: Router<RequestContext>.Route, _ request: HTTPRequest, _ parameters: RouteParameters,
                      _ c: RequestContext) -> HTTPResponse? {
        let posting = route.method == "POST"
        if !c.principal.passes(route.access) {
            return refusal(route, request, c)
        }
        guard posting else { return nil }
        guard c.csrfRefusal() != nil else { return nil }
        // a unit that reopened its link sends the values it had typed again: nothing is recorded without the new
        // token, so the page shows them back, ready to send
        if route.access.who == .unit, request.formValue(ReturnedForm.resumeField) == "1",
           CSRF.crossSite(request, expectedOrigin: c.origin) == nil, c.principal.unit != nil {
            return hook(route, request, .resumed, c)
        }
        return Pages.error(status: 403, message: c.t(WebText.csrfRefused), context: c)
    }

    /// Who is refused, and how: a unit without its session posts back to a page that keeps what it typed (401);
    /// nobody signed in is sent to sign in (GET) or refused (POST); anyone else signed in is refused (403).
    static func refusal(_ route: Router<RequestContext>.Route, _ request: HTTPRequest,
                        _ c: RequestContext) -> HTTPResponse {
        let posting = route.method == "POST"
        switch route.access.who {
        case .anyone:
            return Pages.error(status: 403, message: c.t(WebText.forbidden), context: c)
        case .unit:
            if posting && c.principal == .anonymous { return hook(route, request, .sessionEnded, c) }
            return Pages.error(status: 403, message: c.t(WebText.openYourLink), context: c)
        case .user, .officer:
            if !c.principal.isUser && !posting { return .redirect(to: .login) }
            let message = route.access.who == .officer && !c.principal.isOfficer
                ? WebText.officersOnly : WebText.forbidden
            return Pages.error(status: 403, message: c.t(message), context: c)
        }
    }

    /// The route's page for values that come back instead of being recorded.
    static func hook(_ route: Router<RequestContext>.Route, _ request: HTTPRequest, _ reason: ReturnedForm.Reason,
                     _ c: RequestContext) -> HTTPResponse {
        let returned = ReturnedForm(reason: reason, path: request.path, fields: request.form)
        return (Routes.table.hooks[route.pattern] ?? Pages.returned)(returned, c)
    }
}
