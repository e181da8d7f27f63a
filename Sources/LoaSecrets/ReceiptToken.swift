import CSodium
import LoaCore

/// The token of a receipt link, `BASE/r/TOKEN`: it names one unit and one issue and carries a MAC
/// (HMAC-SHA-512-256, `crypto_auth`) of both under the server key, so it confirms that unit's receipt of that
/// issue and opens nothing else. The e-mail sender writes it; the web front reads it back.
///
/// The form is `UNIT.CHANNEL.YYYYMMDD.TAG` (codes and channel ids are slugs, which hold no dot; TAG is 43
/// URL-safe characters), so the web needs no lookup to know what a link is about.
public enum ReceiptToken {
    /// The token of `unit`'s receipt of the issue `slot`; the same inputs always give the same token.
    public static func token(key: ServerKey, unit: UnitCode, slot: Slot) -> String {
        let tag = mac(key: key, message: message(unit: unit.rawValue, slot: slot))
        return "\(unit).\(slot.channel).\(compact(slot.date)).\(Secrets.base64URL(tag))"
    }

    /// The unit and issue a token names, when its MAC is right (checked in constant time by
    /// `crypto_auth_verify`); nil for anything else, a token made under another key included.
    public static func verify(_ token: String, key: ServerKey) -> (unit: UnitCode, slot: Slot)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let date = day(parts[2]), isValidSlug(parts[0]), isValidSlug(parts[1]),
              let tag = Secrets.bytes(base64URL: String(parts[3])), tag.count == Int(crypto_auth_bytes()) else {
            return nil
        }
        let unit = UnitCode(String(parts[0])), slot = Slot(channel: ChannelID(String(parts[1])), date: date)
        Secrets.ensureReady()
        let input = message(unit: unit.rawValue, slot: slot)
        guard crypto_auth_verify(tag, input, UInt64(input.count), key.bytes) == 0 else { return nil }
        return (unit, slot)
    }

    /// An unambiguous encoding: a domain label (so no link token is ever a receipt), then each part's
    /// UTF-8 length (4 bytes, big-endian) and bytes.
    static func message(unit: String, slot: Slot) -> [UInt8] {
        var bytes = Array("loa-receipt-v1".utf8) + [0]
        for part in [unit, slot.channel.rawValue, slot.date.iso] {
            let utf8 = Array(part.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes += $0 }
            bytes += utf8
        }
        return bytes
    }

    static func mac(key: ServerKey, message: [UInt8]) -> [UInt8] {
        Secrets.ensureReady()
        var tag = [UInt8](repeating: 0, count: Int(crypto_auth_bytes()))
        _ = crypto_auth(&tag, message, UInt64(message.count), key.bytes)
        return tag
    }

    static func compact(_ d: Day) -> String {
        String(decoding: d.iso.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    static func day(_ text: Substring) -> Day? {
        guard text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return nil }
        let s = Array(text)
        return Day(iso: String(s[0..<4]) + "-" + String(s[4..<6]) + "-" + String(s[6..<8]))
    }

    static func isValidSlug(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }
}
