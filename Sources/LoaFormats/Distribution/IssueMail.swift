import LoaCore

/// An issue as e-mails (SPEC §10): one RFC 5322 message per unit, `multipart/alternative` of the issue as text
/// and as HTML, the HTML's pictures inline (`multipart/related`, each by its `Content-ID`), bodies in base64 with
/// CRLF, the subject and names RFC 2047-encoded, a `Message-ID` that stays the same for the issue and the unit,
/// and the unit's receipt link. What all units share is built once; each message adds only its unit's part.
public struct IssueMail: Sendable {
    /// A picture an item shows: its path as the body links it, and its bytes.
    public struct Picture: Sendable {
        public let relative: String
        public let bytes: [UInt8]
        public init(relative: String, bytes: [UInt8]) { self.relative = relative; self.bytes = bytes }
    }

    let slot: Slot
    let host: String
    /// `CHANNEL.YYYYMMDD`, the start of every Message-ID of the issue.
    let issueID: String
    let language: Language
    let issuer: String
    let head: [UInt8]
    /// The text and the HTML up to where each unit's part begins (its receipt link), converted and encoded once.
    let text: SharedBody
    let html: SharedBody
    /// The pictures' parts, each with its boundary line, ready to append.
    let pictureParts: [UInt8]

    static let alternative = "=_loa-alt", related = "=_loa-rel"

    /// `sender` is the `From:` address and name; `host` names the messages (`Message-ID`, `Content-ID`).
    public init(document: IssueDocument, pictures: [Picture], sender: (address: String, name: String?),
                host: String) {
        let t = Localizer(document.language)
        slot = Slot(channel: document.channel.id.value, date: document.date)
        self.host = host
        language = document.language
        issuer = document.plan.issuer
        let compact = document.date.iso.replacingOccurrences(of: "-", with: "")
        issueID = "\(document.channel.id.value).\(compact)"
        var ids: [String: String] = [:]
        var parts: [UInt8] = []
        for (i, picture) in pictures.enumerated() {
            let id = "p\(i + 1).\(document.channel.id.value).\(compact)@\(host)"
            ids[picture.relative] = id
            let type = MIME.imageType(picture.relative)
            let name = "picture-\(i + 1)." + (picture.relative.split(separator: ".").last.map(String.init) ?? "bin")
            parts += Array(("--\(Self.related)\r\nContent-Type: \(type); name=\"\(name)\"\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-ID: <\(id)>\r\n"
                + "Content-Disposition: inline; filename=\"\(name)\"\r\n\r\n").utf8)
            MIME.base64(picture.bytes, into: &parts)
        }
        pictureParts = parts
        let subject = t(DeliveryText.subject(channel: document.channel.name, number: document.number,
                                             date: t.date(document.date)))
        head = Array(("From: \(MIME.mailbox(name: sender.name ?? document.plan.issuer, address: sender.address))\r\n"
            + "Subject: \(MIME.headerText(subject))\r\n").utf8)
        text = SharedBody(document.markdown() + "\n---\n\n" + t(DeliveryText.receiptAsk) + "\n")
        let page = document.html(imageSource: { ids[$0].map { "cid:" + $0 } })
        let end = page.range(of: "</body>", options: .backwards)?.lowerBound ?? page.endIndex
        html = SharedBody(String(page[..<end]), ending: String(page[end...]))
    }

    /// The `Message-ID` of the issue's e-mail to a unit: the same at every attempt.
    public static func messageID(_ slot: Slot, unit: UnitCode, host: String) -> String {
        "<\(slot.channel).\(slot.date.iso.replacingOccurrences(of: "-", with: "")).\(unit)@\(host)>"
    }

    /// The whole message to one unit, dated `day`, with its receipt link.
    public func message(to unit: UnionUnit, address: String, receipt: String, on day: Day) -> [UInt8] {
        let t = Localizer(language)
        let sentTo = t(DeliveryText.sentTo(unit: unit.name, issuer: issuer))
        let block = HTML.el("div", [("class", "receipt")], [
            .el("p", text: t(DeliveryText.receiptAsk)),
            .el("p", [], [.el("a", [("href", receipt)], text: t(DeliveryText.receiptButton))]),
            .el("p", [("class", "status")], text: sentTo),
        ]).raw
        var out = head
        out.reserveCapacity(head.count + text.size + html.size + pictureParts.count + 2048)
        out += Array(("To: \(MIME.mailbox(name: unit.name, address: address))\r\n"
            + "Date: \(MIME.date(day))\r\n"
            + "Message-ID: <\(issueID).\(unit.code.value)@\(host)>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/alternative; boundary=\"\(Self.alternative)\"\r\n\r\n"
            + "--\(Self.alternative)\r\n").utf8)
        part(&out, type: "text/plain; charset=utf-8", text, receipt + "\n\n" + sentTo + "\n")
        out += Array("--\(Self.alternative)\r\n".utf8)
        if !pictureParts.isEmpty {
            out += Array(("Content-Type: multipart/related; type=\"text/html\"; boundary=\"\(Self.related)\"\r\n\r\n"
                + "--\(Self.related)\r\n").utf8)
        }
        part(&out, type: "text/html; charset=utf-8", html, block)
        if !pictureParts.isEmpty {
            out += pictureParts
            out += Array("--\(Self.related)--\r\n".utf8)
        }
        out += Array("--\(Self.alternative)--\r\n".utf8)
        return out
    }

    /// A text part: its headers, then its text (the shared start, then `own`) with CRLF line ends, in base64.
    func part(_ out: inout [UInt8], type: String, _ shared: SharedBody, _ own: String) {
        out += Array("Content-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n\r\n".utf8)
        shared.append(own, to: &out)
    }
}

/// A body whose start is the same in every message: that start, with CRLF line ends, is encoded once up to its
/// last whole line of base64 (57 bytes make 76 characters); each message encodes only the few bytes left over,
/// its own text and the shared ending.
struct SharedBody: Sendable {
    let encoded: [UInt8]
    let leftover: [UInt8]
    let ending: [UInt8]
    var size: Int { encoded.count + (leftover.count + ending.count) * 14 / 10 + 1024 }

    init(_ start: String, ending: String = "") {
        let bytes = Self.crlf(start)
        let whole = bytes.count / 57 * 57
        var encoded: [UInt8] = []
        if whole > 0 { MIME.base64(Array(bytes[..<whole]), into: &encoded) }
        self.encoded = encoded
        leftover = Array(bytes[whole...])
        self.ending = Self.crlf(ending)
    }

    func append(_ own: String, to out: inout [UInt8]) {
        out += encoded
        MIME.base64(leftover + Self.crlf(own) + ending, into: &out)
    }

    /// The text's bytes with every line ended by CRLF.
    static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + text.utf8.count / 20)
        var previous: UInt8 = 0
        for b in text.utf8 {
            if b == 10, previous != 13 { bytes.append(13) }
            bytes.append(b)
            previous = b
        }
        return bytes
    }
}
