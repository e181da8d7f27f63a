import Foundation

/// A fixed set of files compiled into the binary (a style sheet, an icon), served by exact name
/// only: nothing in a request ever becomes a file-system path here.
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

    private let assets: [String: Asset]

    /// Assets by name, e.g. `["loa.css": .css(style)]`.
    public init(_ assets: [String: Asset]) {
        self.assets = assets
    }

    /// The asset called exactly `name` (no decoding, no path logic), or nil.
    public func response(named name: String) -> HTTPResponse? {
        guard let asset = assets[name] else { return nil }
        return HTTPResponse(
            status: 200,
            headers: [HTTPHeader("Content-Type", asset.contentType), HTTPHeader("Cache-Control", "no-cache")],
            body: asset.bytes)
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
