/// One name and value from a query string or a form, in the order the client sent them.
public struct FormField: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// A file sent in a `multipart/form-data` body.
public struct UploadedFile: Sendable, Hashable {
    /// The form field's name (`<input type="file" name="…">`).
    public var fieldName: String
    /// The file name the browser reported, NFC; never use it as a path.
    public var fileName: String
    /// The part's own `Content-Type`, when the client gave one.
    public var contentType: String?
    public var bytes: [UInt8]

    public init(fieldName: String, fileName: String, contentType: String? = nil, bytes: [UInt8]) {
        self.fieldName = fieldName
        self.fileName = fileName
        self.contentType = contentType
        self.bytes = bytes
    }
}

/// An HTTP request as a value: what a handler needs, already decoded by libmicrohttpd.
///
/// Handlers take this value, so they can be tested without a socket by building one with `init`.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, … as sent (HTTP methods are case-sensitive).
    public var method: String
    /// The percent-decoded path without the query string, e.g. `/unit/report/2026-10`.
    public var path: String
    /// The query string's items, decoded (`+` is a space), in order.
    public var queryItems: [FormField]
    /// Header values by lowercased name; repeated headers are joined with `", "`.
    public var headers: [String: String]
    /// Cookies by name, as libmicrohttpd parsed the `Cookie` header.
    public var cookies: [String: String]
    /// The fields of a urlencoded or multipart body, NFC-normalised, in order (files excluded).
    public var form: [FormField]
    /// The files of a multipart body, in order.
    public var files: [UploadedFile]
    /// The raw body (also kept for form bodies).
    public var body: [UInt8]
    /// The client's IP address: the peer's, or `X-Forwarded-For`'s behind a trusted proxy.
    public var remoteAddress: String
    /// True when the client reached us over TLS (only known behind a trusted proxy).
    public var isSecure: Bool

    public init(
        method: String, path: String, queryItems: [FormField] = [], headers: [String: String] = [:],
        cookies: [String: String] = [:], form: [FormField] = [], files: [UploadedFile] = [],
        body: [UInt8] = [], remoteAddress: String = "127.0.0.1", isSecure: Bool = false
    ) {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        var lowered: [String: String] = [:]
        for (name, value) in headers { lowered[name.lowercased()] = value }
        self.headers = lowered
        self.cookies = cookies
        self.form = form
        self.files = files
        self.body = body
        self.remoteAddress = remoteAddress
        self.isSecure = isSecure
    }

    /// A header's value by name, case-insensitively.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// The first form field with this name.
    public func formValue(_ name: String) -> String? { form.first { $0.name == name }?.value }

    /// Every value of a repeated form field (checkboxes), in order.
    public func formValues(_ name: String) -> [String] { form.filter { $0.name == name }.map(\.value) }

    /// The first query item with this name.
    public func queryValue(_ name: String) -> String? { queryItems.first { $0.name == name }?.value }
}
