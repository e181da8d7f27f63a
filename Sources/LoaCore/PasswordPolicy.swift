import Foundation

/// What a user's password must be (SPEC §9.6): at least 12 characters, not one character repeated, and not a
/// common password — nor one with digits or signs added before or after it, nor one said twice, nor only digits.
/// The common passwords are the 10,000 most frequent of zxcvbn's list and a few Vietnamese ones, compiled into
/// Loa (`Resources/common-passwords.txt`, made by `Tests/tools/common_passwords.py`).
public enum PasswordPolicy {
    public static let minimumLength = 12

    /// Why the password is refused, or nil when it may be used.
    public static func problem(_ password: String) -> Message? {
        let text = password.precomposedStringWithCanonicalMapping
        guard text.count >= minimumLength else { return .passwordTooShort(minimumLength) }
        guard Set(text).count > 1 else { return .passwordOneCharacter }
        return isCommon(text) ? .passwordCommon : nil
    }

    /// Whether the password, in lower case, is a common one, with or without digits and signs around it, or
    /// a common one twice or more, or only digits (a date, a telephone number).
    public static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        if lowered.allSatisfy(\.isNumber) { return true }
        let letters = lowered.drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed()
        let candidates = [lowered, String(letters), String(lowered.reversed().drop { !$0.isLetter }.reversed()),
                          String(lowered.drop { !$0.isLetter })]
        for candidate in candidates where candidate.count >= 4 {
            if common.contains(candidate) { return true }
            if let unit = repeatedUnit(candidate), common.contains(unit) { return true }
        }
        return false
    }

    /// The shortest string the text is a repetition of, when it is one (`abcabc` → `abc`).
    static func repeatedUnit(_ text: String) -> String? {
        let chars = Array(text)
        for size in 1...max(1, chars.count / 2) where chars.count % size == 0 {
            let unit = chars[0..<size]
            if stride(from: size, to: chars.count, by: size).allSatisfy({ chars[$0..<$0 + size] == unit }) {
                return String(unit)
            }
        }
        return nil
    }

    /// The list, read once from the bytes compiled into the binary.
    static let common: Set<String> = {
        let text = String(decoding: PackageResources.common_passwords_txt, as: UTF8.self)
        return Set(text.split(separator: "\n").map(String.init))
    }()
}
