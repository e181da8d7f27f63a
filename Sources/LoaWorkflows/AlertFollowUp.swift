import Foundation
import LoaCore
import LoaFormats
import LoaStore
import LoaTransport

/// Following up a sensitive issue (SPEC §5.3–5.4): resolve, add a note, report it to the competent authority, record
/// the signed report's number. One door for the command line and the web: every step is recorded in the alert's
/// history and the audit in one transaction.
public enum AlertFollowUp {
    /// An alert with its whole history.
    public struct Record: Sendable {
        public let alert: Alert
        public let history: [AlertEvent]
    }

    /// Every alert (open only, unless `includeResolved`), oldest first, each with its history.
    public static func all(includeResolved: Bool, session s: Session) throws(Failure) -> [Record] {
        try s.read(orEmpty: []) { r in
            let events = try r.alertEvents()
            return try r.alerts(includeResolved: includeResolved).map {
                Record(alert: $0, history: $0.history(recorded: events[$0.id] ?? []))
            }
        }
    }

    /// One alert with its history; nil when there is none with that id.
    public static func record(_ id: Int, session s: Session) throws(Failure) -> Record? {
        try s.read(orEmpty: nil) { r in
            try r.alert(id: id).map { Record(alert: $0, history: $0.history(recorded: try r.alertEvents(alert: id)[id]
                ?? [])) }
        }
    }

    /// Closes an open alert with a note.
    public static func resolve(_ id: Int, note: String, session s: Session) throws(Failure) {
        let text = try AlertFollowUpRules.note(note)
        let store = try s.openStore()
        try s.guarded {
            _ = try AlertFollowUpRules.open(try store.read { try $0.alert(id: id) }, id: id)
            guard try store.write({ try $0.resolveAlert(id: id, note: text, today: s.today, actor: s.actor) }) else {
                throw Failure(.noOpenAlert(id), exitCode: ExitCode.dataError)
            }
        }
    }

    /// Adds a follow-up note ("phối hợp giải quyết") to an open alert.
    public static func note(_ id: Int, note: String, session s: Session) throws(Failure) {
        let text = try AlertFollowUpRules.note(note)
        try record(on: id, session: s) { _, _ in
            AlertEvent(on: s.today, by: s.actor.name, action: .note, note: text)
        }
    }

    /// What became of the e-mail telling the authority a report is on its way.
    public enum Notice: Sendable, Hashable {
        case sent(to: String)
        /// E-mail is not set up (no `smtp:` in `distribution.yml`): the message was written here instead.
        case written(path: String)
        case failed(DeliveryProblem)
        case noAddress
    }

    /// An escalation's report files and its notice.
    public struct Escalation: Sendable {
        public let files: [String]
        public let notice: Notice
    }

    /// Reports an open alert to an authority of `plan.yml`: writes the draft report for signing
    /// (`out/reports/alert-ID.md|html|docx`), records the escalation, then tells the authority by e-mail that the
    /// report is on its way (never what it is about). A notice that fails leaves the escalation recorded.
    @discardableResult
    public static func escalate(_ id: Int, to authorityID: AuthorityID, proposal: String?, workspace ws: Workspace,
                                session s: Session) throws(Failure) -> Escalation {
        let settings = try DistributionSettings.load(s.paths)
        let authority = try AlertFollowUpRules.authority(authorityID, in: ws.plan)
        let text = try proposal.map(AlertFollowUpRules.note)
        var written: [String] = []
        try record(on: id, session: s) { alert, history throws(Failure) in
            let doc = EscalationDocument.document(alert: alert, history: history, to: authority, proposal: text,
                                                  workspace: ws, date: s.today, number: nil, language: s.language)
            written = try DocumentFiles.write(doc, base: s.paths.report("alert-\(id)"))
            return AlertEvent(on: s.today, by: s.actor.name, action: .escalated, to: authorityID, note: text)
        }
        return Escalation(files: written, notice: notify(id, authority, plan: ws.plan, settings: settings, session: s))
    }

    /// The notice to the authority: sent over SMTP when it is set up, otherwise written under `out/outbox/alerts/`.
    static func notify(_ id: Int, _ authority: Authority, plan: Plan, settings: DistributionSettings?,
                       session s: Session) -> Notice {
        guard let address = authority.email else { return .noAddress }
        let smtp = settings?.smtp
        let message = EscalationNotice.message(alert: id, authority: authority, plan: plan,
                                               from: smtp?.from ?? "loa@localhost", senderName: smtp?.fromName,
                                               date: s.today, language: s.language)
        guard let smtp else {
            let path = s.paths.out + "/outbox/alerts/alert-\(id)-\(authority.id.value).eml"
            do { try writeFile(path, message) } catch { return .failed(.transport(s.paths.relative(path))) }
            return .written(path: path)
        }
        let server = SMTPServer(url: smtp.url, user: smtp.user, password: smtp.password, requiresTLS: smtp.requiresTLS,
                                connectTimeout: min(15, smtp.timeout), timeout: smtp.timeout)
        guard let sender = SMTPSender(server) else { return .failed(.transport("libcurl")) }
        if let failure = sender.send(message, from: smtp.from, to: address) {
            return .failed(ZaloClient.problem(failure, address: address, timeout: smtp.timeout))
        }
        return .sent(to: address)
    }

    /// Records the number and date the office gave the signed report and writes it again with them (no longer a
    /// draft). The alert must have been escalated.
    @discardableResult
    public static func issued(_ id: Int, number: String, on date: Day, workspace ws: Workspace,
                              session s: Session) throws(Failure) -> [String] {
        let number = try AlertFollowUpRules.documentNumber(number)
        var written: [String] = []
        try record(on: id, session: s) { alert, history throws(Failure) in
            guard let escalation = history.last(where: { $0.action == .escalated }), let to = escalation.to else {
                throw Failure(.noEscalation(id), exitCode: ExitCode.dataError)
            }
            let authority = try AlertFollowUpRules.authority(to, in: ws.plan)
            let doc = EscalationDocument.document(alert: alert, history: history, to: authority,
                                                  proposal: escalation.note, workspace: ws, date: date,
                                                  number: number, language: s.language)
            written = try DocumentFiles.write(doc, base: s.paths.report("alert-\(id)"))
            return AlertEvent(on: s.today, by: s.actor.name, action: .issued, number: number, issuedOn: date)
        }
        return written
    }

    /// Reads the open alert and its history, makes the event (which may write files), and records it with its
    /// audit entry in one transaction.
    private static func record(on id: Int, session s: Session,
                               _ make: (Alert, [AlertEvent]) throws(Failure) -> AlertEvent) throws(Failure) {
        let store = try s.openStore()
        let (alert, events) = try s.guarded {
            try store.read { r in (try r.alert(id: id), try r.alertEvents(alert: id)[id] ?? []) }
        }
        let open = try AlertFollowUpRules.open(alert, id: id)
        let event = try make(open, open.history(recorded: events))
        try s.guarded { try store.write { try $0.recordAlertEvent(alert: id, event, actor: s.actor) } }
    }
}
