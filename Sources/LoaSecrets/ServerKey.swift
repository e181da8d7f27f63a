import Foundation
import LoaCore

/// Why the server key could not be used.
public enum ServerKeyError: Error, Equatable, CustomStringConvertible {
    /// The key file can be read or written by its group or by others.
    case readableByOthers(path: String, mode: UInt32)
    /// The file is not a regular file (a folder, a link, a device …).
    case notAFile(path: String)
    /// The file does not hold exactly 32 bytes.
    case wrongSize(path: String, size: Int)
    /// A system call failed.
    case system(path: String, operation: String, errno: Int32)

    /// The message in `lang`, naming the file and the fix.
    public func message(_ lang: Language) -> String {
        switch (self, lang) {
        case (.readableByOthers(let path, let mode), .vi):
            return "\(path): khóa máy chủ có quyền \(octal(mode)), người khác đọc được; "
                + "hãy chạy `chmod 600 \(path)` (hoặc xóa tệp để tạo khóa mới, mọi đường dẫn cũ sẽ mất hiệu lực)"
        case (.readableByOthers(let path, let mode), .en):
            return "\(path): the server key has mode \(octal(mode)) and others can read it; "
                + "run `chmod 600 \(path)` (or delete it to make a new key, which revokes every link)"
        case (.notAFile(let path), .vi):
            return "\(path): khóa máy chủ phải là một tệp thường"
        case (.notAFile(let path), .en):
            return "\(path): the server key must be a regular file"
        case (.wrongSize(let path, let size), .vi):
            return "\(path): khóa máy chủ phải dài đúng 32 byte (tệp có \(size) byte)"
        case (.wrongSize(let path, let size), .en):
            return "\(path): the server key must be exactly 32 bytes (the file has \(size))"
        case (.system(let path, let operation, let code), _):
            return "\(path): \(operation): \(String(cString: strerror(code)))"
        }
    }

    public var description: String { message(.en) }
}

private func octal(_ mode: UInt32) -> String { "0" + String(mode & 0o777, radix: 8) }

/// The server's 256-bit secret, kept in a file only its owner can read (outside the database and
/// git-ignored); every unit's link token and every receipt link is derived from it.
public struct ServerKey: Sendable {
    /// The key's length in bytes.
    public static let byteCount = 32
    package let bytes: [UInt8]

    /// A key from bytes you already hold (tests); must be 32 bytes.
    public init?(bytes: [UInt8]) {
        guard bytes.count == ServerKey.byteCount else { return nil }
        self.bytes = bytes
    }

    /// Reads the key at `path`, or creates it there (mode 0600, never readable by others in
    /// between) when no file exists; `made` says which. Refuses a key file its group or others could read.
    public static func loadOrCreate(at path: String) throws(ServerKeyError) -> (key: ServerKey, made: Bool) {
        if let created = try create(at: path) { return (created, true) }
        return (try load(from: path), false)
    }

    /// Reads the key at `path`; a missing file is an error like any other.
    public static func load(at path: String) throws(ServerKeyError) -> ServerKey { try load(from: path) }

    /// Creates the file with `O_CREAT | O_EXCL` and mode 0600; nil when it already exists.
    private static func create(at path: String) throws(ServerKeyError) -> ServerKey? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return nil }
            throw .system(path: path, operation: "open", errno: errno)
        }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw .system(path: path, operation: "fchmod", errno: errno) }
        let bytes = Secrets.randomBytes(byteCount)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == byteCount, fsync(descriptor) == 0 else {
            let code = errno
            unlink(path)
            throw .system(path: path, operation: "write", errno: code)
        }
        return ServerKey(bytes: bytes)
    }

    private static func load(from path: String) throws(ServerKeyError) -> ServerKey {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw errno == ELOOP ? .notAFile(path: path) : .system(path: path, operation: "open", errno: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .system(path: path, operation: "fstat", errno: errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notAFile(path: path) }
        guard status.st_mode & 0o077 == 0 else { throw .readableByOthers(path: path, mode: status.st_mode) }
        guard status.st_size == off_t(byteCount) else { throw .wrongSize(path: path, size: Int(status.st_size)) }
        var bytes = [UInt8](repeating: 0, count: byteCount)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count == byteCount, let key = ServerKey(bytes: bytes) else {
            throw .wrongSize(path: path, size: max(0, count))
        }
        return key
    }
}
