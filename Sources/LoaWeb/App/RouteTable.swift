import LoaCore

/// A page's handler for the values of a form that came back to the person who typed them instead of being
/// recorded: their session had ended (401), the form's one-time key was used with other content (409), or they
/// reopened their link and send it again (200). The default is `Pages.returned`.
typealias ReturnHook = @Sendable (ReturnedForm, RequestContext) -> HTTPResponse

/// The site's routes as typed entries: each binds a pattern to a `Route` case, who may use it, and a handler that
/// receives the pattern's values already parsed (a value that does not parse is a 404 before any handler runs).
struct RouteTable: Sendable {
    typealias Handler = Router<RequestContext>.Handler

    private(set) var router = Router<RequestContext>()
    /// How each pattern's values become a `Route`, in the order added: `Route(parsing:)` reads them.
    private var makers: [(pattern: [String], make: @Sendable ([String]) -> Route?)] = []
    /// Each recording POST's hook, by pattern.
    private(set) var hooks: [String: ReturnHook] = [:]

    // MARK: routes without values

    mutating func get(_ route: Route, _ access: Access, _ handle: @escaping @Sendable (RequestContext) throws
                      -> HTTPResponse) {
        add("GET", route.path, access, records: false, hook: nil, { _ in route }) { _, c in try handle(c) }
    }

    mutating func post(_ route: Route, _ access: Access, records: Bool, hook: ReturnHook? = nil,
                       _ handle: @escaping @Sendable (RequestContext) throws -> HTTPResponse) {
        add("POST", route.path, access, records: records, hook: hook, { _ in route }) { _, c in try handle(c) }
    }

    // MARK: routes with one value

    mutating func get<A: PathValue>(_ pattern: String, _ make: @escaping @Sendable (A) -> Route, _ access: Access,
                                    _ handle: @escaping @Sendable (A, RequestContext) throws -> HTTPResponse) {
        add("GET", pattern, access, records: false, hook: nil, { v in A(pathSegment: v[0]).map(make) }) { v, c in
            guard let a = A(pathSegment: v[0]) else { throw HTTPError(404, c.t(WebText.notFound)) }
            return try handle(a, c)
        }
    }

    mutating func post<A: PathValue>(_ pattern: String, _ make: @escaping @Sendable (A) -> Route, _ access: Access,
                                     records: Bool, hook: ReturnHook? = nil,
                                     _ handle: @escaping @Sendable (A, RequestContext) throws -> HTTPResponse) {
        add("POST", pattern, access, records: records, hook: hook, { v in A(pathSegment: v[0]).map(make) }) { v, c in
            guard let a = A(pathSegment: v[0]) else { throw HTTPError(404, c.t(WebText.notFound)) }
            return try handle(a, c)
        }
    }

    // MARK: routes with two values

    mutating func get<A: PathValue, B: PathValue>(
        _ pattern: String, _ make: @escaping @Sendable (A, B) -> Route, _ access: Access,
        _ handle: @escaping @Sendable (A, B, RequestContext) throws -> HTTPResponse
    ) {
        add("GET", pattern, access, records: false, hook: nil, { v in RouteTable.pair(v, A.self, B.self).map(make) }) {
            v, c in
            guard let (a, b) = RouteTable.pair(v, A.self, B.self) else { throw HTTPError(404, c.t(WebText.notFound)) }
            return try handle(a, b, c)
        }
    }

    mutating func post<A: PathValue, B: PathValue>(
        _ pattern: String, _ make: @escaping @Sendable (A, B) -> Route, _ access: Access, records: Bool,
        hook: ReturnHook? = nil, _ handle: @escaping @Sendable (A, B, RequestContext) throws -> HTTPResponse
    ) {
        add("POST", pattern, access, records: records, hook: hook,
            { v in RouteTable.pair(v, A.self, B.self).map(make) }) { v, c in
            guard let (a, b) = RouteTable.pair(v, A.self, B.self) else { throw HTTPError(404, c.t(WebText.notFound)) }
            return try handle(a, b, c)
        }
    }

    private static func pair<A: PathValue, B: PathValue>(_ v: [String], _: A.Type, _: B.Type) -> (A, B)? {
        guard let a = A(pathSegment: v[0]), let b = B(pathSegment: v[1]) else { return nil }
        return (a, b)
    }

    // MARK: the table

    /// Registers one entry: the router gets the pattern, its access and a handler that reads the values in order;
    /// a recording POST goes through the once-only keys (`OnceOnly`).
    private mutating func add(_ method: String, _ pattern: String, _ access: Access, records: Bool,
                              hook: ReturnHook?, _ make: @escaping @Sendable ([String]) -> Route?,
                              _ handle: @escaping @Sendable ([String], RequestContext) throws -> HTTPResponse) {
        let names = RouteTable.segments(pattern).filter { $0.hasPrefix(":") }.map { String($0.dropFirst()) }
        makers.append((RouteTable.segments(pattern), make))
        if method == "POST" { hooks[pattern] = hook ?? Pages.returned }
        let route = Router<RequestContext>.Route(method: method, pattern: pattern, access: access, records: records)
        router.add(route, Routes.handled { parameters, c in
            let values = names.map { parameters[$0] ?? "" }
            guard records else { return try handle(values, c) }
            return try OnceOnly.run(route, c) { try handle(values, c) }
        })
    }

    /// The route a path names, whatever its method.
    func route(forPath path: String) -> Route? {
        let parts = RouteTable.segments(path)
        for (pattern, make) in makers where pattern.count == parts.count {
            var values: [String] = []
            var matches = true
            for (p, part) in zip(pattern, parts) {
                if p.hasPrefix(":") {
                    if part.isEmpty { matches = false; break }
                    values.append(part)
                } else if p != part {
                    matches = false
                    break
                }
            }
            if matches, let route = make(values) { return route }
        }
        return nil
    }

    /// The declaration of the POST route at a path (whether it records), or nil.
    func postRoute(at path: String) -> Router<RequestContext>.Route? { router.match("POST", path)?.route }

    private static func segments(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
    }
}
