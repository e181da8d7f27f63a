/// The headers every response carries (SPEC §9.1); a handler may set a stricter value of its own.
let securityHeaders: [HTTPHeader] = [
    HTTPHeader("Content-Security-Policy", "default-src 'self'"),
    HTTPHeader("X-Content-Type-Options", "nosniff"),
    HTTPHeader("X-Frame-Options", "DENY"),
    HTTPHeader("Referrer-Policy", "no-referrer"),
]

extension HTTPResponse {
    /// This response with the security headers it lacks, and `Cache-Control: no-store` on HTML.
    func addingSecurityHeaders() -> HTTPResponse {
        var response = self
        for header in securityHeaders where response.header(header.name) == nil {
            response.headers.append(header)
        }
        let isHTML = response.header("Content-Type")?.lowercased().hasPrefix("text/html") ?? false
        if isHTML && response.header("Cache-Control") == nil {
            response.headers.append(HTTPHeader("Cache-Control", "no-store"))
        }
        return response
    }
}
