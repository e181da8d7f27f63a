import LoaWeb
import Testing

@Suite("Router")
struct RouterTests {
    struct Context: Sendable {
        var user: String
    }

    func router() -> Router<Context> {
        var router = Router<Context>()
        router.get("/") { _, _, _ in .text("home") }
        router.get("/unit/report/new") { _, _, _ in .text("new report") }
        router.get("/unit/report/:month") { _, parameters, context in
            .text("\(context.user) \(parameters["month"] ?? "?")")
        }
        router.post("/unit/report/:month") { request, parameters, _ in
            .text("saved \(parameters["month"] ?? "?") \(request.formValue("mood") ?? "")")
        }
        router.post("/forbidden") { _, _, _ in throw HTTPError(403, "Không được phép sửa báo cáo này.") }
        router.get("/broken") { _, _, _ in throw CancellationErrorLike() }
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
