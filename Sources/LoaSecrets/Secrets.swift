import CSodium

/// libsodium, initialised once on first use (`sodium_init` is thread-safe and idempotent; the
/// lazy global makes it run once).
private let sodiumReady: Bool = sodium_init() >= 0

/// Random bytes, URL-safe base64 and constant-time comparison, all from libsodium.
public enum Secrets {
    /// Makes sure libsodium is initialised; every function here calls it.
    package static func ensureReady() {
        precondition(sodiumReady, "libsodium could not be initialised")
    }

    /// `count` bytes from the operating system's secure generator (`randombytes_buf`).
    public static func randomBytes(_ count: Int) -> [UInt8] {
        ensureReady()
        var bytes = [UInt8](repeating: 0, count: count)
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
        }
        return bytes
    }

    /// URL-safe base64 without padding (`-` and `_`, no `=`), e.g. for tokens in links and cookies.
    public static func base64URL(_ bytes: [UInt8]) -> String {
        ensureReady()
        let variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING
        let length = sodium_base64_encoded_len(bytes.count, variant)
        var text = [CChar](repeating: 0, count: length)
        bytes.withUnsafeBufferPointer { input in
            _ = sodium_bin2base64(&text, length, input.baseAddress, input.count, variant)
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The bytes of URL-safe unpadded base64 text, or nil when it is not exactly that.
    public static func bytes(base64URL text: String) -> [UInt8]? {
        ensureReady()
        let input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 3 / 4 + 1)
        var written = 0
        var end: UnsafePointer<CChar>?
        let status = input.withUnsafeBufferPointer { source in
            source.withMemoryRebound(to: CChar.self) { chars in
                sodium_base642bin(
                    &output, output.count, chars.baseAddress, chars.count, nil, &written, &end,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING)
            }
        }
        guard status == 0 else { return nil }
        // sodium_base642bin stops quietly at the first character it cannot decode.
        guard Secrets.base64URL(Array(output.prefix(written))) == text else { return nil }
        return Array(output.prefix(written))
    }

    /// True when `a` and `b` are equal, in time that depends only on their length (`sodium_memcmp`).
    public static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        ensureReady()
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in sodium_memcmp(left.baseAddress, right.baseAddress, a.count) == 0 }
        }
    }

    /// A 256-bit digest (BLAKE2b, `crypto_generichash`) of `bytes`, as URL-safe base64.
    public static func digest(_ bytes: [UInt8]) -> String {
        ensureReady()
        var out = [UInt8](repeating: 0, count: 32)
        _ = crypto_generichash(&out, out.count, bytes, UInt64(bytes.count), nil, 0)
        return base64URL(out)
    }

    /// `constantTimeEqual` on the UTF-8 bytes of two strings.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        constantTimeEqual(Array(a.utf8), Array(b.utf8))
    }
}
