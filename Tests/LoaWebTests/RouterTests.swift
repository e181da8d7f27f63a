import LoaWeb
import Synchronization
import Testing

@Suite("Router")
struct RouterTests {
    struct Context: Sendable {
        var user: String
    }

    func router(admitting: Bool = true) -> Router<Context> {
        var router = Router<Context>()
        router.get("/", .anyone) { _, _, _ in .text("home") }
        router.get("/unit/report/new", .unit) { _, _, _ in .text("new report") }
        router.get("/unit/report/:month", .unit) { _, parameters, context in
            .text("\(context.user) \(parameters["month"] ?? "?")")
        }
        router.post("/unit/report/:month", .unit, records: true) { request, parameters, _ in
            .text("saved \(parameters["month"] ?? "?") \(request.formValue("mood") ?? "")")
        }
        router.post("/forbidden", .officer) { _, _, _ in throw HTTPError(403, "Không được phép sửa báo cáo này.") }
        router.get("/broken", .anyone) { _, _, _ in throw CancellationErrorLike() }
        if admitting { router.admit = { _, _, _, _ in nil } }
        return router
    }

    struct CancellationErrorLike: Error {}

    func answer(_ method: String, _ path: String, form: [FormField] = []) -> HTTPResponse {
        router().response(to: HTTPRequest(method: method, path: path, form: form), context: Context(user: "cdcs-a"))
    }

    func text(_ response: HTTPResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    @Test func parametersAreFilledFromTheirSegmentsAndTheContextIsPassed() {
        #expect(text(answer("GET", "/unit/report/2026-10")) == "cdcs-a 2026-10")
        #expect(text(answer("POST", "/unit/report/2026-11", form: [FormField(name: "mood", value: "vui")]))
            == "saved 2026-11 vui")
        #expect(text(answer("GET", "/")) == "home")
    }

    @Test func routesAreTriedInTheOrderTheyWereAdded() {
        #expect(text(answer("GET", "/unit/report/new")) == "new report")
    }

    @Test func anUnknownPathIs404() {
        #expect(answer("GET", "/nowhere").status == 404)
        #expect(answer("GET", "/unit/report").status == 404)
        #expect(answer("GET", "/unit/report/2026-10/extra").status == 404)
        #expect(answer("GET", "/unit/report/").status == 404)
    }

    @Test func aKnownPathWithAnotherMethodIs405WithAllow() {
        let response = answer("DELETE", "/unit/report/2026-10")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, POST, HEAD")
        #expect(answer("POST", "/").header("Allow") == "GET, HEAD")
        #expect(answer("GET", "/forbidden").header("Allow") == "POST")
    }

    @Test func headIsServedByTheGetRoute() {
        let response = answer("HEAD", "/unit/report/2026-10")
        #expect(response.status == 200)
        #expect(text(response) == "cdcs-a 2026-10")
    }

    @Test func thrownHTTPErrorsKeepTheirStatusAndOtherErrorsAre500() {
        let forbidden = answer("POST", "/forbidden")
        #expect(forbidden.status == 403)
        #expect(text(forbidden) == "Không được phép sửa báo cáo này.\n")
        #expect(answer("GET", "/broken").status == 500)
    }

    @Test func untilAGateIsSetEveryRouteIsRefusedAndNoHandlerRuns() {
        let ran = Mutex(false)
        var router = Router<Context>()
        router.get("/", .anyone) { _, _, _ in
            ran.withLock { $0 = true }
            return .text("home")
        }
        let response = router.response(to: HTTPRequest(method: "GET", path: "/"), context: Context(user: ""))
        #expect(response.status == 403)
        #expect(!ran.withLock { $0 })
    }

    @Test func theGateSeesEachRoutesDeclarationAndItsAnswerReplacesTheHandler() {
        let ran = Mutex<[String]>([])
        var router = Router<Context>()
        router.get("/unit/report/:month", .unit) { _, p, _ in
            ran.withLock { $0.append(p["month"] ?? "") }
            return .text("page")
        }
        router.post("/items/:id/approve", .officer.with(.admin), records: true) { _, _, _ in
            ran.withLock { $0.append("approve") }
            return .text("done")
        }
        let seen = Mutex<[String]>([])
        router.admit = { route, request, parameters, context in
            seen.withLock { $0.append("\(route.method) \(route.pattern) \(route.access) \(route.records)") }
            return route.access.who.rawValue == context.user ? nil : .text("no", status: 403)
        }
        let unit = Context(user: "unit")
        #expect(router.response(to: HTTPRequest(method: "GET", path: "/unit/report/2026-11"), context: unit).status
            == 200)
        let refused = router.response(to: HTTPRequest(method: "POST", path: "/items/x/approve"), context: unit)
        #expect(refused.status == 403)
        #expect(ran.withLock { $0 } == ["2026-11"])
        #expect(seen.withLock { $0 } == ["GET /unit/report/:month unit false",
                                         "POST /items/:id/approve officer+admin true"])
        #expect(router.routes.map(\.access.description) == ["unit", "officer+admin"])
        #expect(router.match("HEAD", "/unit/report/2026-12")?.parameters["month"] == "2026-12")
        #expect(router.match("POST", "/unit/report/2026-12") == nil)
    }

    @Test func accessReadsAndPrintsTheFormOfTheRouteTable() {
        #expect(Access(parsing: "officer+admin") == Access.officer.with(.admin))
        #expect(Access(parsing: "user+sensitive")?.description == "user+sensitive")
        #expect(Access.user.with(.sensitive).with(.admin).description == "user+admin+sensitive")
        #expect(Access(parsing: "root") == nil)
        #expect(Access(parsing: "user+everything") == nil)
    }

    @Test func errorPagesCanBeReplaced() {
        var router = router()
        router.errorResponse = { status, _, request in .html("<h1>\(status) \(request.path)</h1>", status: status) }
        let response = router.response(to: HTTPRequest(method: "GET", path: "/x"), context: Context(user: ""))
        #expect(response.status == 404)
        #expect(text(response) == "<h1>404 /x</h1>")
    }

    @Test func responsesBuildCookiesAndRedirects() {
        var response = HTTPResponse.redirect(to: "/unit")
        response.setCookie(Cookie(name: "loa_session", value: "abc-_123", secure: true))
        response.setCookie(Cookie.removing("old", secure: false))
        #expect(response.status == 303)
        #expect(response.header("Location") == "/unit")
        let cookies = response.headers.filter { $0.name == "Set-Cookie" }.map(\.value)
        #expect(cookies == [
            "loa_session=abc-_123; Path=/; HttpOnly; SameSite=Lax; Secure",
            "old=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax",
        ])
        #expect(Cookie(name: "a", value: "x; y=\"z\"", secure: false).headerValue.hasPrefix("a=x%3B%20y=%22z%22;"))
    }
}
