import CSodium
import Foundation

/// Password hashing with libsodium's `crypto_pwhash_str` (Argon2id, interactive limits). The
/// stored string holds the algorithm, its parameters and the salt.
public enum PasswordHash {
    /// Hashing failed (libsodium could not get the memory it needs).
    public struct Failure: Error, Equatable {}

    /// A new hash of `password` (NFC), different every time because of its random salt.
    public static func hash(_ password: String) throws(Failure) -> String {
        Secrets.ensureReady()
        let input = password.precomposedStringWithCanonicalMapping
        var output = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let status = crypto_pwhash_str(
            &output, input, UInt64(input.utf8.count),
            UInt64(crypto_pwhash_opslimit_interactive()), crypto_pwhash_memlimit_interactive())
        guard status == 0 else { throw Failure() }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A hash of a random password, made once: a name that does not exist is checked against it, so that a login
    /// costs the same Argon2id work whether or not the name exists.
    public static let standIn: String = (try? hash(Secrets.base64URL(Secrets.randomBytes(32)))) ?? ""

    /// True when `password` (NFC) is the one `stored` was made from.
    public static func verify(_ password: String, against stored: String) -> Bool {
        Secrets.ensureReady()
        let input = password.precomposedStringWithCanonicalMapping
        return crypto_pwhash_str_verify(stored, input, UInt64(input.utf8.count)) == 0
    }
}
