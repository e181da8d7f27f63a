import LoaCore

/// The e-mail that tells a competent authority a report of a matter is on its way (SPEC §5.4). It names the issuer,
/// the day and who to expect the report from — never the unit, the topic or the detail: the report itself travels as
/// a signed document.
public enum EscalationNotice {
    /// The message, complete with CRLF line ends: plain text in UTF-8, base64, the subject RFC 2047-encoded.
    public static func message(alert: Int, authority: Authority, plan: Plan, from sender: String, senderName: String?,
                               date: Day, language: Language) -> [UInt8] {
        let t = Localizer(language)
        let host = sender.split(separator: "@").last.map(String.init) ?? "loa.invalid"
        let subject = t(EscalationText.noticeSubject(issuer: plan.issuer, date: t.date(date)))
        let body = t(EscalationText.noticeBody(authority: authority.name, issuer: plan.issuer, date: t.date(date)))
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        var out = Array(("From: " + MIME.mailbox(name: senderName ?? plan.issuer, address: sender) + "\r\n"
            + "To: " + MIME.mailbox(name: authority.name, address: authority.email ?? "") + "\r\n"
            + "Subject: " + MIME.headerText(subject) + "\r\n"
            + "Date: " + MIME.date(date) + "\r\n"
            + "Message-ID: <alert-\(alert).\(authority.id.value)@\(host)>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n").utf8)
        MIME.base64(Array((body + "\r\n").utf8), into: &out)
        return out
    }
}
