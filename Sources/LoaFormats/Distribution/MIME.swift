import LoaCore

/// The pieces of an Internet message that libcurl leaves to its caller: header fields with Vietnamese text
/// (RFC 2047 encoded-words), base64 bodies in lines of 76 characters (RFC 2045), CRLF line ends throughout.
public enum MIME {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends `bytes` as base64 to `out`, `lineLength` characters a line, each line ended by CRLF
    /// (`lineLength` 0: one line, no line end).
    public static func base64(_ bytes: [UInt8], into out: inout [UInt8], lineLength: Int = 76) {
        let groupsPerLine = lineLength / 4
        out.reserveCapacity(out.count + bytes.count * 4 / 3 + bytes.count / 57 * 2 + 8)
        bytes.withUnsafeBufferPointer { b in
            var groups = 0, i = 0
            let n = b.count
            while i < n {
                let remaining = n - i
                let b0 = b[i], b1: UInt8 = remaining > 1 ? b[i + 1] : 0, b2: UInt8 = remaining > 2 ? b[i + 2] : 0
                out.append(alphabet[Int(b0 >> 2)])
                out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
                out.append(remaining > 1 ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
                out.append(remaining > 2 ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
                i += 3
                groups += 1
                if groupsPerLine > 0, groups == groupsPerLine, i < n {
                    out.append(13)
                    out.append(10)
                    groups = 0
                }
            }
        }
        if groupsPerLine > 0 { out += [13, 10] }
    }

    /// Text for a header field: as it is when it is printable ASCII, otherwise RFC 2047 encoded-words
    /// (`=?UTF-8?B?…?=`, each at most 75 characters, never splitting a character), one per folded line.
    public static func headerText(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) && !text.contains("=?") { return text }
        // 39 bytes make 52 base64 characters: with "=?UTF-8?B?" and "?=" a word is 64, and a line holding
        // "Subject: " and one word stays under 78
        var words: [String] = [], chunk: [UInt8] = []
        for character in text {
            let utf8 = Array(String(character).utf8)
            if chunk.count + utf8.count > 39, !chunk.isEmpty {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += utf8
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    static func encodedWord(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        base64(bytes, into: &out, lineLength: 0)
        return "=?UTF-8?B?" + String(decoding: out, as: UTF8.self) + "?="
    }

    /// A mailbox for `From:` or `To:`: the name encoded when it needs to be, then the address (on a folded line
    /// of its own after an encoded name, so no line grows past 78 characters).
    public static func mailbox(name: String?, address: String) -> String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        let plain = name.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
        if plain && name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " || $0 == "." || $0 == "-" }) {
            return "\(name) <\(address)>"
        }
        return headerText(name) + "\r\n <\(address)>"
    }

    /// The `Date:` of RFC 5322 for a day at 08:00 in Hanoi ("Tue, 15 Dec 2026 08:00:00 +0700").
    public static func date(_ d: Day) -> String {
        let days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[d.weekday - 1]), \(d.day) \(months[d.month - 1]) \(d.year) 08:00:00 +0700"
    }

    /// The content type of a picture, from its file name.
    public static func imageType(_ name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() ?? "" {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }
}
