import Foundation
import LoaSecrets

/// A fixed set of files compiled into the binary (a style sheet, an icon), served by exact name
/// only: nothing in a request ever becomes a file-system path here.
///
/// Each asset also answers to a name with its content's hash (`loa.css` → `loa.3kq…x.css`), which pages link:
/// that name can never hold other bytes, so browsers keep it a year without asking again
/// (`Cache-Control: public, max-age=31536000, immutable`). The plain name still works, revalidated on every use.
/// Both carry the hash as a strong `ETag`, and `If-None-Match` with it answers 304 without a body.
public struct StaticAssets: Sendable {
    /// One asset: its content type and bytes.
    public struct Asset: Sendable, Hashable {
        public var contentType: String
        public var bytes: [UInt8]

        public init(contentType: String, bytes: [UInt8]) {
            self.contentType = contentType
            self.bytes = bytes
        }

        /// A CSS style sheet from a string.
        public static func css(_ text: String) -> Asset {
            Asset(contentType: "text/css; charset=utf-8", bytes: Array(text.utf8))
        }
    }

    /// How long a browser keeps a hashed name: a year, never asking again (its bytes cannot change).
    public static let immutable = "public, max-age=31536000, immutable"
    /// How a plain name is kept: stored, but checked with its `ETag` before each use.
    public static let revalidated = "no-cache"

    private let assets: [String: Asset]
    /// Each asset's hash (16 URL-safe characters of a BLAKE2b digest of its bytes), by plain name.
    private let hashes: [String: String]
    /// Plain names by hashed name.
    private let plainNames: [String: String]

    /// Assets by name, e.g. `["loa.css": .css(style)]`.
    public init(_ assets: [String: Asset]) {
        self.assets = assets
        var hashes: [String: String] = [:], plain: [String: String] = [:]
        for (name, asset) in assets {
            let hash = String(Secrets.digest(asset.bytes).prefix(16))
            hashes[name] = hash
            plain[StaticAssets.hashed(name, hash)] = name
        }
        self.hashes = hashes
        self.plainNames = plain
    }

    /// The name with the content's hash that pages link (`loa.HASH.css`); the name itself when unknown.
    public func hashedName(_ name: String) -> String {
        hashes[name].map { StaticAssets.hashed(name, $0) } ?? name
    }

    private static func hashed(_ name: String, _ hash: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name + "." + hash }
        return name[..<dot] + "." + hash + name[dot...]
    }

    /// The asset called exactly `name`, plain or hashed (no decoding, no path logic), or nil. `ifNoneMatch` is the
    /// request's `If-None-Match`: when it names the asset's tag (or is `*`), the answer is 304 without a body.
    public func response(named name: String, ifNoneMatch: String? = nil) -> HTTPResponse? {
        let isHashed = plainNames[name] != nil
        guard let plain = plainNames[name] ?? (assets[name] != nil ? name : nil), let asset = assets[plain],
              let hash = hashes[plain] else { return nil }
        let tag = "\"" + hash + "\""
        let headers = [HTTPHeader("Cache-Control", isHashed ? StaticAssets.immutable : StaticAssets.revalidated),
                       HTTPHeader("ETag", tag)]
        if let ifNoneMatch, StaticAssets.matches(ifNoneMatch, tag) {
            return HTTPResponse(status: 304, headers: headers, body: [])
        }
        return HTTPResponse(status: 200, headers: [HTTPHeader("Content-Type", asset.contentType)] + headers,
                            body: asset.bytes)
    }

    /// Whether an `If-None-Match` list names `tag` (weak comparison, as RFC 9110 asks for it) or is `*`.
    static func matches(_ header: String, _ tag: String) -> Bool {
        header.split(separator: ",").contains { item in
            var t = item.trimmingCharacters(in: .whitespaces)
            if t == "*" { return true }
            if t.hasPrefix("W/") { t.removeFirst(2) }
            return t == tag
        }
    }
}

/// Serves files below one folder (such as the workspace's `out/`), refusing anything that would
/// leave it: `..`, hidden names, NUL, and symbolic links pointing outside.
public struct FileFolder: Sendable {
    /// The folder's real path (symbolic links resolved).
    public let root: String

    /// Nil when `root` does not exist or is not a folder.
    public init?(root: String) {
        guard let real = realPath(root) else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        self.root = real
    }

    /// The regular file at `relativePath` (an already-decoded request path below the folder, e.g.
    /// `reports/month-2026-10.html`), or nil when it is missing or would leave the folder.
    public func response(for relativePath: String) -> HTTPResponse? {
        guard let path = resolve(relativePath), let data = FileManager.default.contents(atPath: path) else {
            return nil
        }
        return HTTPResponse(
            status: 200,
            headers: [
                HTTPHeader("Content-Type", FileFolder.contentType(of: path)), HTTPHeader("Cache-Control", "no-cache"),
            ],
            body: [UInt8](data))
    }

    /// The real path of a regular file inside the folder, or nil.
    func resolve(_ relativePath: String) -> String? {
        guard !relativePath.contains("\0"), !relativePath.contains("\\") else { return nil }
        let segments = relativePath.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.isEmpty, segments.allSatisfy({ !$0.hasPrefix(".") }) else { return nil }
        let candidate = root + "/" + segments.joined(separator: "/")
        guard let real = realPath(candidate), real.hasPrefix(root + "/") else { return nil }
        var status = stat()
        guard stat(real, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return real
    }

    /// The content type for a file name's extension; unknown ones download as bytes.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "pdf": return "application/pdf"
        case "csv": return "text/csv; charset=utf-8"
        case "json": return "application/json"
        case "ics": return "text/calendar; charset=utf-8"
        case "md", "txt": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}

/// `realpath(3)`: the absolute path with every symbolic link and `..` resolved, or nil.
private func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(validatingCString: resolved)
}
