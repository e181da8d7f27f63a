import CSodium

/// The login form's CSRF token, kept without any server-side state (SPEC §9.6: nothing exists on the server
/// before a sign-in succeeds): a signed double submit. `GET /login` sets a cookie holding a random nonce; the
/// form's token is a MAC of that nonce under the server key. A POST is accepted only when the two agree, so a
/// site that can neither read the cookie nor compute the MAC cannot post a login form.
public enum LoginForm {
    /// The cookie that holds the nonce.
    public static let cookie = "loa_login"

    /// A new nonce for the cookie.
    public static func newNonce() -> String { Secrets.base64URL(Secrets.randomBytes(32)) }

    /// The form token for a nonce, or nil when the nonce is not 32 bytes of URL-safe base64.
    public static func token(forNonce nonce: String, key: ServerKey) -> String? {
        guard let bytes = Secrets.bytes(base64URL: nonce), bytes.count == 32 else { return nil }
        Secrets.ensureReady()
        let message = Array("loa-login-csrf-v1".utf8) + [0] + bytes
        var tag = [UInt8](repeating: 0, count: Int(crypto_auth_bytes()))
        _ = crypto_auth(&tag, message, UInt64(message.count), key.bytes)
        return Secrets.base64URL(tag)
    }
}
