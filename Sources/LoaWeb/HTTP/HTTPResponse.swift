/// One response header.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP response as a value; the server adds the security headers every response carries.
public struct HTTPResponse: Sendable {
    public var status: Int
    /// Headers in order; a name may repeat (`Set-Cookie`). `Content-Length` is added by the server.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page (`text/html; charset=utf-8`).
    public static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "text/html; charset=utf-8")],
            body: Array(html.utf8))
    }

    /// Plain text (`text/plain; charset=utf-8`).
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(
            status: status, headers: [HTTPHeader("Content-Type", "text/plain; charset=utf-8")],
            body: Array(text.utf8))
    }

    /// `303 See Other` to `location`: the answer to a successful form post. Only a path of this site is taken
    /// (`isLocalPath`); anything else (`//host`, `/\host`, `https://…`) goes to `/`.
    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [HTTPHeader("Location", isLocalPath(location) ? location : "/")])
    }

    /// True for a path on this very site: it starts with one `/`, and holds no backslash, no control character,
    /// and no encoded slash or backslash a browser or proxy might turn into another origin.
    public static func isLocalPath(_ location: String) -> Bool {
        let bytes = Array(location.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count == 1 || bytes[1] != UInt8(ascii: "/") else { return false }
        guard !bytes.contains(where: { $0 < 0x21 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) else { return false }
        let lowered = location.lowercased()
        return !lowered.contains("%5c") && !lowered.contains("%2f%2f") && !lowered.hasPrefix("/%2f")
    }

    /// The first header with this name, case-insensitively.
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.lowercased() == lowered }?.value
    }

    /// Replaces every header with this name by one with `value`.
    public mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append(HTTPHeader(name, value))
    }

    /// Adds a `Set-Cookie` header.
    public mutating func setCookie(_ cookie: Cookie) {
        headers.append(HTTPHeader("Set-Cookie", cookie.headerValue))
    }
}

/// A cookie to set: always `HttpOnly; SameSite=Lax; Path=/`, `Secure` when asked.
public struct Cookie: Sendable, Hashable {
    public var name: String
    public var value: String
    /// Seconds until the browser forgets it; `nil` for a session cookie, `0` to delete it.
    public var maxAge: Int?
    public var secure: Bool

    public init(name: String, value: String, maxAge: Int? = nil, secure: Bool) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.secure = secure
    }

    /// A cookie that deletes `name` in the browser.
    public static func removing(_ name: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, secure: secure)
    }

    /// The `Set-Cookie` value; bytes a cookie may not hold are percent-encoded.
    public var headerValue: String {
        var parts = [Cookie.encoded(name, allowEquals: false) + "=" + Cookie.encoded(value, allowEquals: true)]
        if let maxAge { parts.append("Max-Age=\(max(0, maxAge))") }
        parts.append("Path=/")
        parts.append("HttpOnly")
        parts.append("SameSite=Lax")
        if secure { parts.append("Secure") }
        return parts.joined(separator: "; ")
    }

    /// RFC 6265 cookie-octets (and token characters for names); everything else becomes `%XX`.
    private static func encoded(_ text: String, allowEquals: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            let allowed = byte > 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x2C && byte != 0x3B
                && byte != 0x5C && byte != 0x25 && (allowEquals || byte != 0x3D)
            if allowed {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hexByte(byte)
            }
        }
        return out
    }
}

func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
}
