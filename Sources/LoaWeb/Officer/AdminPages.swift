import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `/admin/…`, for officers with the admin permission (SPEC §9.7): users — add, reset a password, remove — and a
/// unit's link — replace it (after a page that says what that does) and print its new card. The same workflow as
/// `loa user` and `loa links --rotate` (`Administration`), audited; a password is never shown, kept, or echoed
/// back, and a new link is shown once, on the answer to the change itself.
enum AdminPages {
    /// The form fields that hold a password: left out of the one-time key's digest and never sent back to a page.
    static let passwordFields: Set<String> = ["password", "password-again"]

    // MARK: users

    /// What went wrong with the add form, by field, and what was typed (passwords excluded).
    struct AddForm {
        var name = ""
        var role = Role.officer.rawValue
        var sensitive = false
        var admin = false
        var approve = false
        var errors: [String: [String]] = [:]
    }

    static func users(_ c: RequestContext, add: AddForm = AddForm(), problem: String? = nil,
                      status: Int = 200) throws -> HTTPResponse {
        let t = c.t
        let s = try c.session()
        let users = try c.workflow { () throws(Failure) in try Administration.users(session: s) }
        var body: [HTML] = [.el("h1", text: t(AdminText.usersTitle)), nav(c)]
        body += notices(c)
        if let problem { body.append(Pages.notice(problem, kind: "error")) }
        body.append(.el("p", [], text: t(AdminText.userCount(users.count))))
        let me = c.principal.userName
        body.append(.el("div", [("class", "scroll")], [.el("table", [("class", "grid users")], [
            .el("thead", [], [.el("tr", [], [
                .el("th", [("scope", "col")], text: t(AdminText.name)),
                .el("th", [("scope", "col")], text: t(AdminText.role)),
                .el("th", [("scope", "col")], text: t(AdminText.permissions)),
            ])]),
            .el("tbody", [], users.map { u in
                .el("tr", [], [
                    .el("th", [("scope", "row")], text: u.name + (u.name == me ? " " + t(AdminText.you) : "")),
                    .el("td", [], text: t(u.role == .officer ? AdminText.officer : .leader)),
                    .el("td", [], text: ([u.sensitive ? t(AdminText.sensitive) : nil,
                                          u.admin ? t(AdminText.admin) : nil,
                                          u.role == .leader && u.approve ? t(AdminText.approve) : nil]
                        .compactMap { $0 }).joined(separator: ", ")),
                ])
            }),
        ])]))
        for (i, u) in users.enumerated() { body.append(userCard(u, index: i + 1, isMe: u.name == me, c)) }
        body.append(addForm(add, c))
        return OfficerUI.page(t(AdminText.usersTitle), c, status: status, body)
    }

    /// A user's own forms: a new password, and removal (with a box to tick).
    static func userCard(_ u: UserRecord, index i: Int, isMe: Bool, _ c: RequestContext) -> HTML {
        let t = c.t
        var parts: [HTML] = [.el("h2", [("id", "user-\(i)")], text: u.name)]
        parts.append(Pages.form(.adminUserPassword, c, [
            Pages.hidden("name", u.name),
            Pages.field(t(AdminText.newPassword), for: "password-\(i)", .el("input", [
                ("type", "password"), ("id", "password-\(i)"), ("name", "password"), ("autocomplete", "new-password"),
                ("minlength", String(PasswordPolicy.minimumLength)), ("required", "")])),
            Pages.field(t(AdminText.passwordAgain), for: "password-again-\(i)", .el("input", [
                ("type", "password"), ("id", "password-again-\(i)"), ("name", "password-again"),
                ("autocomplete", "new-password"), ("required", "")])),
            .el("div", [("class", "actions")], [.el("button", [("type", "submit"), ("class", "secondary")],
                                                    text: t(AdminText.setPassword))]),
        ]))
        if !isMe {
            parts.append(Pages.form(.adminUserRemove, c, [
                Pages.hidden("name", u.name),
                Pages.checkbox("confirm", value: "yes", label: t(AdminText.removeConfirm(u.name)), checked: false,
                               id: "confirm-\(i)"),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit"), ("class", "secondary")],
                                                        text: t(AdminText.removeUser))]),
            ]))
        }
        return .el("section", [("class", "card")], parts)
    }

    static func addForm(_ f: AddForm, _ c: RequestContext) -> HTML {
        let t = c.t
        func errors(_ id: String) -> [String] { f.errors[id] ?? [] }
        return .el("section", [("class", "card"), ("id", "add")], [
            .el("h2", text: t(AdminText.addUser)),
            Pages.form(.adminUsers, c, [
                Pages.field(t(AdminText.name), for: "name", Pages.input("name", value: f.name, attributes: [
                    ("autocomplete", "off"), ("required", "")], invalid: !errors("name").isEmpty),
                            errors: errors("name")),
                Pages.field(t(AdminText.role), for: "role", Pages.select("role", options: [
                    (Role.officer.rawValue, t(AdminText.officer)), (Role.leader.rawValue, t(AdminText.leader)),
                ], selected: f.role)),
                .el("fieldset", [], [
                    .el("legend", text: t(AdminText.permissions)),
                    Pages.checkbox("sensitive", value: "yes", label: t(AdminText.sensitive), checked: f.sensitive,
                                   id: "sensitive"),
                    .el("small", [], text: t(AdminText.sensitiveHint)),
                    Pages.checkbox("admin", value: "yes", label: t(AdminText.admin), checked: f.admin, id: "admin"),
                    .el("small", [], text: t(AdminText.adminHint)),
                    Pages.checkbox("approve", value: "yes", label: t(AdminText.approve), checked: f.approve,
                                   id: "approve"),
                    .el("small", [], text: t(AdminText.approveHint)),
                ]),
                Pages.field(t(AdminText.password), for: "password", Pages.input("password", value: "",
                    type: "password", attributes: [("autocomplete", "new-password"), ("required", "")],
                    invalid: !errors("password").isEmpty), errors: errors("password"),
                            hint: t(AdminText.passwordHint)),
                Pages.field(t(AdminText.passwordAgain), for: "password-again", Pages.input("password-again",
                    value: "", type: "password", attributes: [("autocomplete", "new-password"), ("required", "")],
                    invalid: !errors("password-again").isEmpty), errors: errors("password-again")),
                .el("div", [("class", "actions")], [.el("button", [("type", "submit")],
                                                        text: t(AdminText.addUserButton))]),
            ]),
        ])
    }

    /// `POST /admin/users` (`name`, `role`, `sensitive`, `admin`, `approve`, `password`, `password-again`):
    /// `loa user add`.
    static func addUser(_ c: RequestContext) throws -> HTTPResponse {
        let r = c.request
        var f = AddForm(name: (r.formValue("name") ?? "").trimmed, role: r.formValue("role") ?? "",
                        sensitive: r.formValue("sensitive") == "yes", admin: r.formValue("admin") == "yes",
                        approve: r.formValue("approve") == "yes")
        let role = Role(rawValue: f.role) ?? .officer
        let s = try c.session()
        if let problem = nameProblem(f.name) {
            f.errors["name", default: []].append(c.t(problem))
        } else if try c.workflow({ () throws(Failure) in try Administration.user(named: f.name, session: s) }) != nil {
            f.errors["name", default: []].append(c.t(AdminText.nameTaken(f.name)))
        }
        let password = r.formValue("password") ?? ""
        if let problem = PasswordPolicy.problem(password) {
            f.errors["password", default: []].append(problem.text(c.language))
        } else if password != r.formValue("password-again") {
            f.errors["password-again", default: []].append(c.t(AdminText.passwordsDiffer))
        }
        guard f.errors.isEmpty else { return try users(c, add: f, status: 422) }
        let hash = try hashed(password, c)
        let profile = Administration.Profile(role: role, sensitive: f.sensitive, admin: f.admin,
                                             approve: role == .leader && f.approve)
        if let failure = attempt({ () throws(Failure) in
            try Administration.addUser(f.name, profile, passwordHash: hash, session: s)
        }) {
            f.errors["name", default: []].append(c.describe(failure))
            return try users(c, add: f, status: 422)
        }
        return .redirect(to: .adminUsers, [("added", f.name)])
    }

    /// `POST /admin/users/password` (`name`, `password`, `password-again`): `loa user passwd`.
    static func setPassword(_ c: RequestContext) throws -> HTTPResponse {
        let name = c.request.formValue("name") ?? ""
        let password = c.request.formValue("password") ?? ""
        if let problem = PasswordPolicy.problem(password) {
            return try users(c, problem: name + ": " + problem.text(c.language), status: 422)
        }
        guard password == c.request.formValue("password-again") else {
            return try users(c, problem: name + ": " + c.t(AdminText.passwordsDiffer), status: 422)
        }
        let hash = try hashed(password, c)
        let s = try c.session()
        if attempt({ () throws(Failure) in try Administration.setPassword(of: name, passwordHash: hash, session: s) })
            != nil {
            return try users(c, problem: c.t(AdminText.noSuchUser(name)), status: 422)
        }
        return .redirect(to: .adminUsers, [("password", name)])
    }

    /// `POST /admin/users/remove` (`name`, `confirm=yes`): `loa user remove`; nobody removes themself.
    static func removeUser(_ c: RequestContext) throws -> HTTPResponse {
        let name = c.request.formValue("name") ?? ""
        if name == c.principal.userName { return try users(c, problem: c.t(AdminText.cannotRemoveYourself),
                                                           status: 422) }
        guard c.request.formValue("confirm") == "yes" else {
            return try users(c, problem: c.t(AdminText.removeConfirm(name)) + " ☐", status: 422)
        }
        let s = try c.session()
        if attempt({ () throws(Failure) in try Administration.removeUser(name, session: s) }) != nil {
            return try users(c, problem: c.t(AdminText.noSuchUser(name)), status: 422)
        }
        return .redirect(to: .adminUsers, [("removed", name)])
    }

    /// Why a sign-in name may not be used (the rule of `loa user add`), or nil.
    static func nameProblem(_ name: String) -> AdminText? {
        if name.isEmpty { return .nameNeeded }
        let ok = name.count <= 64 && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
        return ok ? nil : .nameInvalid
    }

    /// Runs a workflow step; its failure, or nil when it was done.
    static func attempt(_ step: () throws(Failure) -> Void) -> Failure? {
        do { try step() } catch { return error }
        return nil
    }

    static func hashed(_ password: String, _ c: RequestContext) throws -> String {
        do { return try PasswordHash.hash(password) } catch { throw HTTPError(500, c.t(WebText.serverError)) }
    }

    static func notices(_ c: RequestContext) -> [HTML] {
        let q = c.request
        if let n = q.queryValue("added") { return [Pages.notice(c.t(AdminText.doneUserAdded(n)))] }
        if let n = q.queryValue("password") { return [Pages.notice(c.t(AdminText.donePasswordSet(n)))] }
        if let n = q.queryValue("removed") { return [Pages.notice(c.t(AdminText.doneUserRemoved(n)))] }
        return []
    }

    /// The two administration pages, linked from each other.
    static func nav(_ c: RequestContext) -> HTML {
        .el("p", [("class", "actions noprint")], [
            .el("a", [("class", "button secondary"), ("href", Route.adminUsers.path)], text: c.t(AdminText.usersTitle)),
            .el("a", [("class", "button secondary"), ("href", Route.adminLinks.path)], text: c.t(AdminText.linksTitle)),
        ])
    }

    // MARK: units' links

    static func links(_ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let ws = try c.workspace()
        let s = try c.session()
        let versions = try c.workflow { () throws(Failure) in try Administration.linkVersions(session: s) }
        let units = VietnameseOrder.sorted(ws.units.filter { $0.left.map { $0 >= c.today } ?? true }) { $0.name }
        var body: [HTML] = [.el("h1", text: t(AdminText.linksTitle)), nav(c),
                            .el("p", [], text: t(AdminText.linksIntro))]
        body.append(.el("ul", [("class", "plain links")], units.map { u in
            var line: [HTML] = [.el("strong", text: u.name)]
            if let cluster = u.cluster { line.append(.text(" · " + cluster)) }
            if let v = versions[u.code.value], v > 1 { line.append(.text(" · " + t(AdminText.linkVersion(v)))) }
            line += [.text(" "), .el("a",
                [("class", "button secondary"), ("href", Route.adminRotate(u.code.value).path)],
                                     text: t(AdminText.rotateLink))]
            return .el("li", [], line)
        }))
        return OfficerUI.page(t(AdminText.linksTitle), c, body)
    }

    /// `GET /admin/links/UNIT`: what replacing the link does, and the button that does it.
    static func confirmRotation(_ code: UnitCode, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let unit = try current(code, c)
        return OfficerUI.page(t(AdminText.rotateTitle(unit.name)), c, [
            .el("h1", text: t(AdminText.rotateTitle(unit.name))),
            Pages.notice(t(AdminText.rotateWarning), kind: "warning"),
            Pages.form(.adminRotate(code), c, [
                .el("div", [("class", "actions")], [
                    .el("button", [("type", "submit")], text: t(AdminText.rotateConfirm)),
                    .el("a", [("class", "button secondary"), ("href", Route.adminLinks.path)],
                        text: t(AdminText.cancel)),
                ]),
            ]),
        ])
    }

    /// `POST /admin/links/UNIT`: `loa links --rotate UNIT`; the answer is the unit's new card, shown this once
    /// (sending the form again answers that it was done, without the link).
    static func rotate(_ code: UnitCode, _ c: RequestContext) throws -> HTTPResponse {
        let t = c.t
        let unit = try current(code, c)
        let s = try c.session()
        let versions = try c.workflow { () throws(Failure) in try Administration.rotateLinks(of: [code], session: s) }
        let app = try c.appOrFail()
        let url = app.link(for: code, version: versions[code] ?? 1, base: app.configuration.baseURL ?? c.origin)
        let card: HTML
        do { card = try LinkSheet.card(unit: unit, url: url, t: t) } catch {
            throw HTTPError(500, t(WebText.serverError))
        }
        return OfficerUI.page(t(AdminText.rotatedTitle(unit.name)), c, [
            .el("h1", [("class", "noprint")], text: t(AdminText.rotatedTitle(unit.name))),
            .el("div", [("class", "noprint")], [Pages.notice(t(AdminText.rotatedNotice))]),
            .el("div", [("class", "cardsheet")], [card]),
            .el("p", [("class", "actions noprint")], [
                .el("a", [("class", "button secondary"), ("href", Route.adminLinks.path)],
                    text: t(AdminText.linksTitle)),
            ]),
        ])
    }

    /// A unit that exists today (a unit that has left gets no link), or 404.
    static func current(_ code: UnitCode, _ c: RequestContext) throws -> UnionUnit {
        guard let unit = try c.workspace().units.first(where: { $0.code.value == code }),
              unit.left.map({ $0 >= c.today }) ?? true else { throw HTTPError(404, c.t(WebText.notFound)) }
        return unit
    }

    /// A form that came back instead of being recorded: what happened, and the way back — never the values, which
    /// may hold a password.
    static func returned(_ form: ReturnedForm, _ c: RequestContext) -> HTTPResponse {
        let title: WebText = switch form.reason {
        case .sessionEnded: .sessionEndedTitle
        case .resumed: .resumedTitle
        case .keyReused: .keyReusedTitle
        }
        let back: Route = form.path.hasPrefix(Route.adminLinks.path) ? .adminLinks : .adminUsers
        return Pages.page(c.t(title), context: c, status: form.reason.status, body: [
            .el("h1", text: c.t(title)),
            .el("p", [("class", "actions")], [.el("a", [("class", "button"), ("href", back.path)],
                                                   text: c.t(back == .adminLinks
                                                       ? AdminText.linksTitle : .usersTitle))]),
        ])
    }
}
