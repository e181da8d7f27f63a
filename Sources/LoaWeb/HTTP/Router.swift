/// The values of a route's `:name` segments, percent-decoded.
public struct RouteParameters: Sendable, Hashable {
    public private(set) var values: [String: String]

    public init(_ values: [String: String] = [:]) {
        self.values = values
    }

    public subscript(_ name: String) -> String? { values[name] }
}

/// An error a handler throws to answer with a status of its choice (403, 404, 422 …) and a text.
public struct HTTPError: Error, Sendable, Hashable {
    public var status: Int
    public var message: String

    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// A routing table: (method, pattern) → access and handler, checked in the order routes were added.
///
/// Patterns are literal segments and `:name` segments, e.g. `/unit/report/:month`; a parameter
/// matches one non-empty segment. An unknown path gets 404, a known path with another method
/// 405 with `Allow`, and `HEAD` is served by the `GET` route (libmicrohttpd drops the body).
///
/// Every route declares who may use it (`Access`) and whether its POST records something. Before a handler
/// runs, `admit` sees the route, the request and the context and may answer instead (a refusal, a redirect to
/// sign in): access and the CSRF check live there, once, never in a handler. Until `admit` is set, every request
/// to a route is refused (fail closed).
public struct Router<Context>: Sendable {
    /// A route's handler: the request, its `:name` values, and the caller's context.
    public typealias Handler = @Sendable (HTTPRequest, RouteParameters, Context) throws -> HTTPResponse

    /// What a route declares: method, pattern, who may use it, and whether a POST to it records something.
    public struct Route: Sendable, Hashable {
        public let method: String
        public let pattern: String
        public let access: Access
        /// A POST that records something: it carries a one-time `key` and is answered once only.
        public let records: Bool

        public init(method: String, pattern: String, access: Access, records: Bool = false) {
            self.method = method
            self.pattern = pattern
            self.access = access
            self.records = records
        }
    }

    private struct Entry: Sendable {
        var route: Route
        var segments: [Segment]
        var handler: Handler
    }

    private enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    private var entries: [Entry] = []
    /// Decides, before a route's handler runs, whether the request may reach it: nil lets it through, a response
    /// answers instead. The default refuses everything with 403.
    public var admit: @Sendable (Route, HTTPRequest, RouteParameters, Context) -> HTTPResponse?
    /// Builds the answer for 404, 405, and for errors a handler throws other than `HTTPError`
    /// (500); the default is short plain text. The router adds `Allow` to a 405 itself.
    public var errorResponse: @Sendable (_ status: Int, _ message: String?, HTTPRequest) -> HTTPResponse

    public init() {
        errorResponse = { status, message, _ in
            .text((message ?? Router.defaultText(status)) + "\n", status: status)
        }
        admit = { _, _, _, _ in .text(Router.defaultText(403) + "\n", status: 403) }
    }

    /// Every route in the order it was added: what the checked-in table of expected access is compared with.
    public var routes: [Route] { entries.map(\.route) }

    /// Adds a route for `method` (upper case, e.g. `"POST"`).
    public mutating func add(_ route: Route, _ handler: @escaping Handler) {
        let segments = Router.split(route.pattern).map { part -> Segment in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(part)
        }
        entries.append(Entry(route: route, segments: segments, handler: handler))
    }

    /// Adds a `GET` route (which also answers `HEAD`).
    public mutating func get(_ pattern: String, _ access: Access, _ handler: @escaping Handler) {
        add(Route(method: "GET", pattern: pattern, access: access), handler)
    }
    /// Adds a `POST` route.
    public mutating func post(_ pattern: String, _ access: Access, records: Bool = false,
                              _ handler: @escaping Handler) {
        add(Route(method: "POST", pattern: pattern, access: access, records: records), handler)
    }

    /// The route and `:name` values `path` matches for `method`, if any (no access check).
    public func match(_ method: String, _ path: String) -> (route: Route, parameters: RouteParameters)? {
        let wanted = method == "HEAD" ? "GET" : method
        let parts = Router.split(path)
        for entry in entries where entry.route.method == wanted {
            if let parameters = Router.match(entry.segments, parts) { return (entry.route, parameters) }
        }
        return nil
    }

    /// The answer to `request`: the matching route's response (once `admit` lets it through), or 404/405/500.
    public func response(to request: HTTPRequest, context: Context) -> HTTPResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        let path = Router.split(request.path)
        var allowed: [String] = []
        for entry in entries {
            guard let parameters = Router.match(entry.segments, path) else { continue }
            guard entry.route.method == method else {
                allowed.append(entry.route.method)
                continue
            }
            if let refusal = admit(entry.route, request, parameters, context) { return refusal }
            do {
                return try entry.handler(request, parameters, context)
            } catch let error as HTTPError {
                return errorResponse(error.status, error.message, request)
            } catch {
                return errorResponse(500, nil, request)
            }
        }
        if allowed.isEmpty { return errorResponse(404, nil, request) }
        if allowed.contains("GET") { allowed.append("HEAD") }
        var response = errorResponse(405, nil, request)
        var seen = Set<String>()
        response.setHeader("Allow", allowed.filter { seen.insert($0).inserted }.joined(separator: ", "))
        return response
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }

    private static func match(_ pattern: [Segment], _ path: [String]) -> RouteParameters? {
        guard pattern.count == path.count else { return nil }
        var values: [String: String] = [:]
        for (segment, part) in zip(pattern, path) {
            switch segment {
            case .literal(let literal):
                guard literal == part else { return nil }
            case .parameter(let name):
                guard !part.isEmpty else { return nil }
                values[name] = part
            }
        }
        return RouteParameters(values)
    }

    static func defaultText(_ status: Int) -> String {
        switch status {
        case 401: return "Cần đăng nhập lại. (Sign in again.)"
        case 403: return "Không được phép. (Forbidden.)"
        case 404: return "Không tìm thấy trang này. (Not found.)"
        case 405: return "Phương thức không được hỗ trợ ở địa chỉ này. (Method not allowed.)"
        default: return "Lỗi máy chủ. (Server error.)"
        }
    }
}
