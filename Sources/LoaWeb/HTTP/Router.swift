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

/// A routing table: (method, pattern) → handler, checked in the order routes were added.
///
/// Patterns are literal segments and `:name` segments, e.g. `/unit/report/:month`; a parameter
/// matches one non-empty segment. An unknown path gets 404, a known path with another method
/// 405 with `Allow`, and `HEAD` is served by the `GET` route (libmicrohttpd drops the body).
public struct Router<Context>: Sendable {
    /// A route's handler: the request, its `:name` values, and the caller's context.
    public typealias Handler = @Sendable (HTTPRequest, RouteParameters, Context) throws -> HTTPResponse

    private struct Route: Sendable {
        var method: String
        var segments: [Segment]
        var handler: Handler
    }

    private enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    private var routes: [Route] = []
    /// Builds the answer for 404, 405, and for errors a handler throws other than `HTTPError`
    /// (500); the default is short plain text. The router adds `Allow` to a 405 itself.
    public var errorResponse: @Sendable (_ status: Int, _ message: String?, HTTPRequest) -> HTTPResponse

    public init() {
        errorResponse = { status, message, _ in
            .text((message ?? Router.defaultText(status)) + "\n", status: status)
        }
    }

    /// Adds a route for `method` (upper case, e.g. `"POST"`).
    public mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Router.split(pattern).map { part -> Segment in
            part.hasPrefix(":") ? .parameter(String(part.dropFirst())) : .literal(part)
        }
        routes.append(Route(method: method, segments: segments, handler: handler))
    }

    /// Adds a `GET` route (which also answers `HEAD`).
    public mutating func get(_ pattern: String, _ handler: @escaping Handler) { add("GET", pattern, handler) }
    /// Adds a `POST` route.
    public mutating func post(_ pattern: String, _ handler: @escaping Handler) { add("POST", pattern, handler) }

    /// The answer to `request`: the matching route's response, or 404/405/500.
    public func response(to request: HTTPRequest, context: Context) -> HTTPResponse {
        let method = request.method == "HEAD" ? "GET" : request.method
        let path = Router.split(request.path)
        var allowed: [String] = []
        for route in routes {
            guard let parameters = Router.match(route.segments, path) else { continue }
            guard route.method == method else {
                allowed.append(route.method)
                continue
            }
            do {
                return try route.handler(request, parameters, context)
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
        case 403: return "Không được phép. (Forbidden.)"
        case 404: return "Không tìm thấy trang này. (Not found.)"
        case 405: return "Phương thức không được hỗ trợ ở địa chỉ này. (Method not allowed.)"
        default: return "Lỗi máy chủ. (Server error.)"
        }
    }
}
