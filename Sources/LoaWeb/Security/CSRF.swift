import Foundation

/// The check every state-changing form goes through (SPEC §9.2): the request must come from our
/// own pages and carry the session's CSRF token in its `csrf` field.
public enum CSRF {
    /// Why a request was refused (answer 403).
    public enum Refusal: Sendable, Hashable {
        case missingToken
        case wrongToken
        /// The browser said the request came from another site (the header and its value).
        case crossSite(header: String, value: String)
    }

    /// The form field that carries the token.
    public static let fieldName = "csrf"

    /// Nil when the request may proceed, else why not. `expectedOrigin` is the site's own origin,
    /// e.g. `https://loa.example.org` (a base URL with a path is fine: only its origin counts).
    ///
    /// Cross-site signals, strongest first: `Sec-Fetch-Site` (only `same-origin` and `none` pass);
    /// else `Origin`; else `Referer`'s origin. `Origin: null` says nothing (browsers send it for
    /// our own forms because every page has `Referrer-Policy: no-referrer`), so the token decides.
    public static func check<Payload>(
        _ request: HTTPRequest, session: SessionStore<Payload>.Session, expectedOrigin: String
    ) -> Refusal? {
        check(request, token: session.csrfToken, expectedOrigin: expectedOrigin)
    }

    /// `check` against a token held elsewhere (e.g. the login form's pre-session token).
    public static func check(_ request: HTTPRequest, token: String, expectedOrigin: String) -> Refusal? {
        if let refusal = crossSite(request, expectedOrigin: expectedOrigin) {
            return refusal
        }
        guard let sent = request.formValue(fieldName), !sent.isEmpty else { return .missingToken }
        return Secrets.constantTimeEqual(sent, token) ? nil : .wrongToken
    }

    /// Nil unless the browser says the request came from another site than `expectedOrigin`.
    public static func crossSite(_ request: HTTPRequest, expectedOrigin given: String) -> Refusal? {
        let expectedOrigin = origin(of: given) ?? given
        if let site = request.header("Sec-Fetch-Site") {
            let value = site.trimmingCharacters(in: .whitespaces).lowercased()
            return value == "same-origin" || value == "none" ? nil : .crossSite(header: "Sec-Fetch-Site", value: site)
        }
        if let sent = request.header("Origin"), sent.trimmingCharacters(in: .whitespaces) != "null" {
            return origin(of: sent) == expectedOrigin ? nil : .crossSite(header: "Origin", value: sent)
        }
        if let referer = request.header("Referer"), !referer.isEmpty {
            return origin(of: referer) == expectedOrigin ? nil : .crossSite(header: "Referer", value: referer)
        }
        return nil
    }

    /// `scheme://host[:port]` of a URL, lowercased, without a default port; nil when it has none.
    public static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        var origin = scheme + "://" + (host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        if let port = components.port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) {
            origin += ":\(port)"
        }
        return origin
    }
}
