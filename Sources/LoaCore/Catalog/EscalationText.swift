/// The words of following up a sensitive issue (SPEC §5.4): the report to the competent authority, the alert's
/// history, the commands that record it. Arguments arrive formatted for the language.
public enum EscalationText: Sendable, Hashable, Localizable {
    case subtitle(unit: String)
    case asAbove, sectionEvents, sectionDone, sectionProposals
    case raised(on: String, unit: String, month: String, topic: String)
    case nothingDoneYet, proposalPlaceholder
    case event(AlertEvent.Action, on: String, by: String)
    case escalatedTo(String), issuedAs(number: String, on: String)
    // the officers' alert page
    case historyHeading, noteLabel, addNote, escalateHeading, authorityLabel, proposalLabel, escalateButton
    case noAuthorities, reportHeading, downloadWord, downloadPage, numberLabel, issuedOnLabel, recordIssued
    case doneNoted, doneEscalated, doneIssued
    // the notice to the authority
    case noticeSubject(issuer: String, date: String), noticeBody(authority: String, issuer: String, date: String)
    case noticeSent(String), noticeWritten(String), noticeFailed(String), noticeNoAddress(String)
    case noticeSentWeb, noticeNotSetUp, noticeFailedWeb

    public var phrase: Phrase {
        switch self {
        case .subtitle(let unit): Phrase(vi: "Vụ việc phát sinh tại \(unit)", en: "A matter raised at \(unit)")
        case .asAbove: Phrase(vi: "Như trên", en: "As above")
        case .sectionEvents: Phrase(vi: "Tình hình vụ việc", en: "What happened")
        case .sectionDone: Phrase(vi: "Những việc đã làm", en: "What has been done")
        case .sectionProposals: Phrase(vi: "Đề xuất, kiến nghị", en: "Proposals")
        case .raised(let on, let unit, let month, let topic):
            Phrase(vi: "Ngày \(on), \(unit) báo cáo (kỳ \(month)) vấn đề: \(topic).",
                   en: "On \(on), \(unit) reported (for \(month)) the matter: \(topic).")
        case .nothingDoneYet:
            Phrase(vi: "Công đoàn cấp trên đã nắm tình hình và đang theo dõi, phối hợp với đơn vị.",
                   en: "The union has taken note and is following the matter with the unit.")
        case .proposalPlaceholder:
            Phrase(vi: "[Nội dung đề xuất, kiến nghị — cán bộ bổ sung trước khi trình ký]",
                   en: "[Proposals — to be written before signing]")
        case .event(let action, let on, let by):
            switch action {
            case .opened: Phrase(vi: "\(on) · \(by) báo cáo", en: "\(on) · reported by \(by)")
            case .escalated: Phrase(vi: "\(on) · \(by) báo cáo lên cấp có thẩm quyền",
                                    en: "\(on) · \(by) reported it to the authority")
            case .note: Phrase(vi: "\(on) · \(by) ghi nhận", en: "\(on) · note by \(by)")
            case .issued: Phrase(vi: "\(on) · \(by) ghi số văn bản đã ký",
                en: "\(on) · \(by) recorded the signed report")
            case .resolved: Phrase(vi: "\(on) · \(by) kết thúc theo dõi", en: "\(on) · closed by \(by)")
            }
        case .escalatedTo(let a): Phrase(vi: "gửi \(a)", en: "to \(a)")
        case .historyHeading: Phrase(vi: "Quá trình theo dõi", en: "Follow-up")
        case .noteLabel: Phrase(vi: "Việc đã làm, phối hợp giải quyết", en: "What was done, who helped settle it")
        case .addNote: Phrase(vi: "Ghi nhận", en: "Add the note")
        case .escalateHeading: Phrase(vi: "Báo cáo cấp có thẩm quyền", en: "Report to the competent authority")
        case .authorityLabel: Phrase(vi: "Gửi", en: "To")
        case .proposalLabel: Phrase(vi: "Đề xuất, kiến nghị", en: "Proposals")
        case .escalateButton: Phrase(vi: "Lập báo cáo vụ việc", en: "Write the report")
        case .noAuthorities:
            Phrase(vi: "Kế hoạch chưa có cơ quan có thẩm quyền nào để gửi báo cáo; hãy nhờ người quản trị bổ sung.",
                   en: "The plan names no authority to report to yet; ask the administrator to add one.")
        case .reportHeading: Phrase(vi: "Báo cáo vụ việc", en: "The report of the matter")
        case .downloadWord: Phrase(vi: "Tải bản Word", en: "Download for Word")
        case .downloadPage: Phrase(vi: "Mở bản in", en: "Open the printable page")
        case .numberLabel: Phrase(vi: "Số văn bản", en: "Document number")
        case .issuedOnLabel: Phrase(vi: "Ngày ban hành", en: "Issued on")
        case .recordIssued: Phrase(vi: "Ghi số văn bản đã ký", en: "Record the signed report")
        case .doneNoted: Phrase(vi: "Đã ghi nhận.", en: "The note was added.")
        case .doneEscalated: Phrase(vi: "Đã lập báo cáo vụ việc (dự thảo để trình ký).",
                                    en: "The report was written (a draft for signing).")
        case .doneIssued: Phrase(vi: "Đã ghi số văn bản.", en: "The signed report was recorded.")
        case .noticeSubject(let issuer, let date):
            Phrase(vi: "\(issuer): báo cáo vụ việc sẽ gửi đến quý cơ quan (\(date))",
                   en: "\(issuer): a report of a matter is on its way to you (\(date))")
        case .noticeBody(let authority, let issuer, let date):
            Phrase(vi: "Kính gửi: \(authority)\n\nNgày \(date), \(issuer) lập báo cáo về một vụ việc do công đoàn "
                       + "cơ sở phản ánh. Báo cáo sẽ được gửi đến quý cơ quan theo đường văn bản sau khi ký "
                       + "ban hành.\n\n"
                       + "Thư này chỉ để thông báo trước; nội dung vụ việc không gửi qua thư điện tử.\n\n\(issuer)",
                   en: "To: \(authority)\n\nOn \(date), \(issuer) wrote a report of a matter raised by a grassroots "
                       + "union. It will reach you as an official document once signed.\n\nThis e-mail is only a "
                       + "notice; the matter itself is never sent by e-mail.\n\n\(issuer)")
        case .noticeSentWeb: Phrase(vi: "Đã gửi thư báo trước đến cơ quan nhận báo cáo.",
                                    en: "A notice was e-mailed to the authority.")
        case .noticeNotSetUp: Phrase(vi: "Chưa thiết lập gửi thư điện tử nên chưa có thư báo trước đến cơ quan nhận.",
                                     en: "E-mail is not set up, so the authority got no notice.")
        case .noticeFailedWeb: Phrase(vi: "Không gửi được thư báo trước; báo cáo vẫn đã được lập.",
                                      en: "The notice could not be e-mailed; the report is written all the same.")
        case .noticeSent(let a): Phrase(vi: "Đã gửi thư báo trước đến \(a).", en: "A notice was e-mailed to \(a).")
        case .noticeWritten(let path):
            Phrase(vi: "Chưa thiết lập gửi thư: thư báo trước được ghi ở \(path).",
                   en: "E-mail is not set up: the notice was written to \(path).")
        case .noticeFailed(let why): Phrase(vi: "Không gửi được thư báo trước: \(why)",
                                            en: "The notice could not be e-mailed: \(why)")
        case .noticeNoAddress(let a): Phrase(vi: "\(a) chưa có địa chỉ thư điện tử: không gửi thư báo trước.",
                                             en: "\(a) has no e-mail address: no notice was sent.")
        case .issuedAs(let number, let on): Phrase(vi: "văn bản số \(number) ngày \(on)",
                                                   en: "report no. \(number) of \(on)")
        }
    }
}

/// A step of an alert's history in one line, for `loa alerts` and the officers' alert page.
public enum AlertHistoryText {
    /// "05/12/2026 · lan báo cáo lên cấp có thẩm quyền — gửi Đảng ủy Khối"; a note's text only with `details`.
    public static func line(_ e: AlertEvent, plan: Plan?, details: Bool, t: Localizer) -> String {
        var s = t(EscalationText.event(e.action, on: t.date(e.on), by: e.by))
        if let to = e.to {
            s += " — " + t(EscalationText.escalatedTo(plan?.authorities.first { $0.id.value == to }?.name
                ?? to.rawValue))
        }
        if let number = e.number {
            s += " — " + t(EscalationText.issuedAs(number: number, on: e.issuedOn.map(t.date) ?? ""))
        }
        if details, let note = e.note { s += ": " + note }
        return s
    }
}
