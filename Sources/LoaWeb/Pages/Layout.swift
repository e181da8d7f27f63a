import LoaCore
import LoaFormats

/// The frame of every page: phone first, no script, one stylesheet from this site, the user's language.
enum Pages {
    static func page(_ title: String, context c: RequestContext, status: Int = 200, body: [HTML]) -> HTTPResponse {
        let t = c.t
        var nav: [HTML] = []
        switch c.principal {
        case .unit: nav.append(.el("a", [("href", Route.unitHome.path)], text: t(WebText.unitHome)))
        case .user(let name, _, _, _):
            nav.append(.el("a", [("href", Route.dashboard.path)], text: t(WebText.officerHome)))
            let pages: [(Route, OfficerText)] = [
                (.calendarNow, .navCalendar), (.items, .navItems), (.completeness, .navCompleteness),
                (.alerts, .navAlerts), (.reports, .navReports), (.search, .navSearch),
            ]
            for (route, label) in pages {
                nav.append(.el("a", [("href", route.path)], text: t(label)))
            }
            if c.principal.holds(.admin) {
                nav.append(.el("a", [("href", Route.adminUsers.path)], text: t(AdminText.navAdmin)))
            }
            nav.append(.el("span", [("class", "who")], text: name))
        case .anonymous: break
        }
        let other: Language = c.language == .vi ? .en : .vi
        nav.append(.el("a", [("href", "?lang=\(other.rawValue)"), ("lang", other.rawValue),
            ("hreflang", other.rawValue)],
                       text: t(WebText.switchLanguage)))
        if c.principal != .anonymous {
            nav.append(form(.logout, c, attributes: [("class", "inline")],
                            [.el("button", [("type", "submit"), ("class", "link")], text: t(WebText.signOut))]))
        }
        let issuer = (try? c.workspace().plan.issuer) ?? "Loa"
        let html = "<!DOCTYPE html>\n" + HTML.el("html", [("lang", c.language.rawValue)], [
            .el("head", [], [
                .el("meta", [("charset", "utf-8")]),
                .el("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]),
                .el("title", text: "\(title) — Loa"),
                .el("link", [("rel", "stylesheet"), ("href", Routes.asset("loa.css").path)]),
                .el("link", [("rel", "icon"), ("type", "image/svg+xml"), ("href", Routes.asset("loa-icon.svg").path)]),
            ] + unitHead(c)),
            .el("body", c.principal.isUser ? [] : [("class", "unit")], [
                .el("a", [("class", "skip"), ("href", "#main")], text: t(WebText.skipToContent)),
                .el("header", [("class", "top")],
                    [.el("span", [("class", "brand")], text: "Loa"), .el("nav", [], nav)]),
                .el("main", [("id", "main")], body),
                .el("footer", [], text: t(WebText.footer(issuer))),
            ]),
        ]).raw + "\n"
        var response = HTTPResponse.html(html, status: status)
        response.setHeader("Cache-Control", "no-store")
        return response
    }

    /// A unit's pages name its own web app manifest (fetched with its session cookie), so a home-screen
    /// shortcut starts from the unit's link.
    static func unitHead(_ c: RequestContext) -> [HTML] {
        guard c.principal.unit != nil else { return [] }
        return [.el("link", [("rel", "manifest"), ("href", Route.unitManifest.path),
                             ("crossorigin", "use-credentials")]),
                .el("meta", [("name", "theme-color"), ("content", Style.brand)])]
    }

    static func error(status: Int, message: String?, context c: RequestContext) -> HTTPResponse {
        let t = c.t
        let text: String = message ?? {
            switch status {
            case 404: return t(WebText.notFound)
            case 403: return t(WebText.forbidden)
            case 400, 405: return t(WebText.badRequest)
            default: return t(WebText.serverError)
            }
        }()
        return page(text, context: c, status: status, body: [
            .el("h1", text: "\(status)"), .el("p", [("class", "notice error")], text: text),
        ])
    }

    /// The hidden CSRF field every changing form carries.
    static func csrf(_ c: RequestContext) -> HTML { hidden(CSRF.fieldName, c.csrfToken ?? "") }

    static func hidden(_ name: String, _ value: String) -> HTML {
        .el("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// A form that posts to a route of this site: the CSRF token and, when the route records something, a new
    /// one-time key are put in here, so no page can forget either.
    static func form(_ route: Route, _ c: RequestContext, attributes: [(String, String)] = [], _ content: [HTML])
        -> HTML {
        let path = route.path
        var fields = [csrf(c)]
        if Routes.table.postRoute(at: path)?.records == true {
            fields.append(hidden(OnceOnly.keyField, OnceOnly.newKey()))
        }
        return .el("form", [("method", "post"), ("action", path)] + attributes, fields + content)
    }

    /// The default page for a form's values that come back instead of being recorded (`ReturnHook`): what happened,
    /// the values typed (shown, and kept as hidden fields), and a button that sends them again to the same page.
    static func returned(_ form: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        let t = c.t
        let (title, help): (WebText, WebText) = switch form.reason {
        case .sessionEnded: (.sessionEndedTitle, .sessionEndedHelp)
        case .resumed: (.resumedTitle, .resumedHelp)
        case .keyReused: (.keyReusedTitle, .keyReusedHelp)
        }
        let again = form.fieldsToSendAgain
        var fields: [HTML] = again.map { hidden($0.name, $0.value) }
        switch form.reason {
        case .sessionEnded: fields.append(hidden(ReturnedForm.resumeField, "1"))
        case .resumed: fields.append(csrf(c))
        case .keyReused: fields += [csrf(c), hidden(OnceOnly.keyField, OnceOnly.newKey())]
        }
        let button = form.reason == .sessionEnded ? WebText.sendAgain : .sendNow
        fields.append(.el("div", [("class", "actions")], [.el("button", [("type", "submit")], text: t(button))]))
        let shown = again.filter { $0.name != OnceOnly.keyField && $0.name != "action" && !$0.value.isEmpty }
        let action = (Route(parsing: form.path) ?? .root).path
        return page(t(title), context: c, status: form.reason.status, body: [
            .el("h1", text: t(title)), notice(t(help), kind: "info"),
            .el("h2", text: t(WebText.typedValues)),
            .el("ul", [("class", "plain typed")], shown.map { .el("li", [("class", "pre")], text: $0.value) }),
            .el("form", [("method", "post"), ("action", action)], fields),
        ])
    }

    /// A labelled field with its errors beside it (`aria-describedby` ties them together).
    static func field(_ label: String, for id: String, _ control: HTML, errors: [String] = [],
        hint: String? = nil) -> HTML {
        var parts: [HTML] = [.el("label", [("for", id)], text: label)]
        if let hint { parts.append(.el("small", [("id", id + "-hint")], text: hint)) }
        parts.append(control)
        parts += errorLines(errors, id: id)
        return .el("div", [("class", errors.isEmpty ? "field" : "field invalid")], parts)
    }

    static func input(_ name: String, value: String, type: String = "text", attributes: [(String, String)] = [],
                      invalid: Bool = false) -> HTML {
        var a: [(String, String)] = [("type", type), ("id", name), ("name", name), ("value", value)]
        if invalid { a += [("aria-invalid", "true"), ("aria-describedby", name + "-error-1")] }
        return .el("input", a + attributes)
    }

    static func textarea(_ name: String, value: String, rows: Int = 3, invalid: Bool = false) -> HTML {
        var a: [(String, String)] = [("id", name), ("name", name), ("rows", String(rows))]
        if invalid { a += [("aria-invalid", "true"), ("aria-describedby", name + "-error-1")] }
        return .el("textarea", a, text: value)
    }

    static func select(_ name: String, options: [(value: String, label: String)], selected: String,
        invalid: Bool = false) -> HTML {
        var a: [(String, String)] = [("id", name), ("name", name)]
        if invalid { a += [("aria-invalid", "true"), ("aria-describedby", name + "-error-1")] }
        return .el("select", a, options.map { o in
            .el("option", [("value", o.value)] + (o.value == selected ? [("selected", "")] : []), text: o.label)
        })
    }

    static func checkbox(_ name: String, value: String, label: String, checked: Bool, id: String) -> HTML {
        .el("label", [("class", "check"), ("for", id)], [
            .el("input", [("type", "checkbox"), ("id", id), ("name", name), ("value", value)]
                + (checked ? [("checked", "")] : [])),
            .el("span", text: label),
        ])
    }

    /// Error lines under a group of fields (a fieldset, a list of boxes): `ID-error-N` when an id is given.
    static func errorLines(_ errors: [String], id: String? = nil) -> [HTML] {
        errors.enumerated().map { i, e in
            .el("p", [("class", "error"), ("role", "alert")] + (id.map { [("id", "\($0)-error-\(i + 1)")] } ?? []),
                text: e)
        }
    }

    static func notice(_ text: String, kind: String = "ok") -> HTML {
        .el("p", [("class", "notice \(kind)"), ("role", kind == "error" ? "alert" : "status")], text: text)
    }
}
