import CSodium
import Foundation

/// A unit's secret link token: a MAC (HMAC-SHA-512-256, `crypto_auth`) under the server key of the
/// unit's code and link version, as 43 URL-safe characters (256 bits). The database keeps the
/// versions only; bumping a version revokes the old link.
public enum LinkToken {
    /// The token for a unit code (NFC) and its link version; the same inputs give the same token.
    public static func token(key: ServerKey, unitCode: String, version: Int) -> String {
        Secrets.base64URL(mac(key: key, message: message(unitCode: unitCode, version: version)))
    }

    /// True when `token` is the token of this code and version, compared in constant time
    /// (`crypto_auth_verify`).
    public static func matches(_ token: String, key: ServerKey, unitCode: String, version: Int) -> Bool {
        guard let tag = Secrets.bytes(base64URL: token), tag.count == Int(crypto_auth_bytes()) else { return false }
        let input = message(unitCode: unitCode, version: version)
        return crypto_auth_verify(tag, input, UInt64(input.count), key.bytes) == 0
    }

    /// The code among `units` (code and current version) whose token is `token`, or nil. Every
    /// candidate is checked, so the time taken does not tell which one matched.
    public static func unitCode(
        for token: String, key: ServerKey, units: [(code: String, version: Int)]
    ) -> String? {
        var found: String?
        for unit in units where matches(token, key: key, unitCode: unit.code, version: unit.version) {
            found = found ?? unit.code
        }
        return found
    }

    /// An unambiguous encoding: a domain label, the code's UTF-8 length (4 bytes, big-endian),
    /// the code, and the version (8 bytes, big-endian).
    static func message(unitCode: String, version: Int) -> [UInt8] {
        let code = Array(unitCode.precomposedStringWithCanonicalMapping.utf8)
        var bytes = Array("loa-unit-link-v1".utf8) + [0]
        withUnsafeBytes(of: UInt32(code.count).bigEndian) { bytes += $0 }
        bytes += code
        withUnsafeBytes(of: Int64(version).bigEndian) { bytes += $0 }
        return bytes
    }

    private static func mac(key: ServerKey, message: [UInt8]) -> [UInt8] {
        Secrets.ensureReady()
        var tag = [UInt8](repeating: 0, count: Int(crypto_auth_bytes()))
        _ = crypto_auth(&tag, message, UInt64(message.count), key.bytes)
        return tag
    }
}
