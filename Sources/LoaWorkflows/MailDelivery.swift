import Foundation
import LoaCore
import LoaFormats
import LoaSecrets
import LoaStore
import LoaTransport

/// An issue's e-mails: one per unit with an address, written to the outbox when nothing leaves the machine, or
/// handed to the SMTP server one after another.
extension IssueJob {
    /// A unit to write to.
    struct Recipient: Sendable {
        let unit: UnionUnit
        let address: String
    }

    func sendMail(_ deliveries: [PendingDelivery], retrying: Bool, _ report: inout DeliveryReport) throws(Failure) {
        guard !deliveries.isEmpty else { return }
        let mail = try issueMail()
        let key = try run.key()
        var recipients: [Recipient] = [], withoutAddress: [UnitCode] = []
        for code in deliveries.compactMap(\.unit) {
            if let unit = index.units[code], let address = unit.email, isMailAddress(address) {
                recipients.append(Recipient(unit: unit, address: address))
            } else {
                withoutAddress.append(code)
            }
        }
        if !withoutAddress.isEmpty {
            try write { w in
                for code in withoutAddress {
                    try w.recordOutcome(publication, unit: code, problem: .noAddress, today: session.today)
                }
            }
            report.failed += withoutAddress.map { .init(unit: $0, problem: .noAddress) }
        }
        let total = deliveries.count
        var done = withoutAddress.count
        run.progress(done, total)
        guard run.sends, let smtp = run.settings?.smtp else {
            let outbox = paths.outbox(slot)
            for r in recipients {
                let message = Self.message(mail, r, key: key, links: run.links, slot: slot, day: session.today)
                try writeFile(outbox + "/\(r.unit.code.value).eml", message)
                report.written += 1
                done += 1
                run.progress(done, total)
            }
            if report.written > 0 { report.files.append(outbox) }
            return
        }
        try send(mail, key: key, to: recipients, over: smtp, retrying: retrying, &report) {
            done += 1
            run.progress(done, total)
        }
    }

    /// The issue as e-mails: its document, its pictures' bytes, the sender.
    func issueMail() throws(Failure) -> IssueMail {
        let document = try document()
        var pictures: [IssueMail.Picture] = []
        for item in document.items {
            for file in ItemMedia.files(of: item, paths: paths).files {
                guard let data = FileManager.default.contents(atPath: file.source) else {
                    throw Failure(.fileUnreadable(file.source, reason: "unreadable"), exitCode: ExitCode.ioError)
                }
                pictures.append(IssueMail.Picture(relative: file.relative, bytes: [UInt8](data)))
            }
        }
        let smtp = run.settings?.smtp
        return IssueMail(document: document, pictures: pictures,
                         sender: (address: smtp?.from ?? "loa@localhost", name: smtp?.fromName), host: run.links.host)
    }

    /// One unit's message, with its receipt link: made of values only, so another thread can build it.
    static func message(_ mail: IssueMail, _ r: Recipient, key: ServerKey, links: PublicLinks, slot: Slot,
                        day: Day) -> [UInt8] {
        let receipt = links.receipt(ReceiptToken.token(key: key, unit: r.unit.code.value, slot: slot))
        return mail.message(to: r.unit, address: r.address, receipt: receipt, on: day)
    }

    /// Hands the messages to the server. Each is marked `sending` in the transaction that records the one
    /// before's outcome (one commit a message, every message marked before it goes), and each is built on
    /// another thread while the one before is on its way.
    func send(_ mail: IssueMail, key: ServerKey, to recipients: [Recipient], over smtp: DistributionSettings.SMTP,
              retrying: Bool, _ report: inout DeliveryReport, each: () -> Void) throws(Failure) {
        var outcome: (unit: UnitCode, problem: DeliveryProblem?)?
        func settle(_ w: StoreWriter) throws {
            guard let o = outcome else { return }
            try w.recordOutcome(publication, unit: o.unit, problem: o.problem, today: session.today)
            outcome = nil
        }
        let builder = DispatchQueue(label: "loa.mail.build")
        let links = run.links, slot = slot, day = session.today
        func build(_ i: Int) -> Built? {
            guard i < recipients.count else { return nil }
            let built = Built(), r = recipients[i]
            builder.async { built.set(Self.message(mail, r, key: key, links: links, slot: slot, day: day)) }
            return built
        }
        let from: [DeliveryState] = retrying ? [.pending, .failed, .sending] : [.pending, .failed]
        var upcoming = build(0)
        for (i, r) in recipients.enumerated() {
            defer { each() }
            let message = upcoming?.value() ?? []
            upcoming = build(i + 1)
            let code = r.unit.code.value
            if let stopped = run.smtpStopped {
                try write { w in try settle(w); outcome = (code, stopped); try settle(w) }
                report.failed.append(.init(unit: code, problem: stopped))
                continue
            }
            guard try write({ w in
                try settle(w)
                return try w.markSending(publication, unit: code, from: from, today: session.today)
            }) else { continue }
            guard let failure = smtpSender(smtp).send(message, from: smtp.from, to: r.address) else {
                run.consecutiveTimeouts = 0
                outcome = (code, nil)
                report.sent += 1
                continue
            }
            // the whole message went and no answer came: it may have arrived, it stays `sending`
            if failure.mayHaveArrived {
                report.uncertain += 1
                continue
            }
            let problem = ZaloClient.problem(failure, address: r.address, timeout: smtp.timeout)
            run.consecutiveTimeouts = failure.kind == .timeout ? run.consecutiveTimeouts + 1 : 0
            if failure.stopsTheRun || run.consecutiveTimeouts >= 3 { run.smtpStopped = problem }
            outcome = (code, problem)
            report.failed.append(.init(unit: code, problem: problem))
        }
        _ = upcoming?.value()
        if outcome != nil { try write { try settle($0) } }
    }

    /// The run's SMTP connection, opened on first use.
    func smtpSender(_ smtp: DistributionSettings.SMTP) -> SMTPSender {
        if let open = run.smtp { return open }
        let server = SMTPServer(url: smtp.url, user: smtp.user, password: smtp.password, requiresTLS: smtp.requiresTLS,
                                connectTimeout: min(15, smtp.timeout), timeout: smtp.timeout)
        // libcurl that cannot make a handle is out of memory: nothing would work
        guard let made = SMTPSender(server) else { fatalError("libcurl could not be initialised") }
        run.smtp = made
        return made
    }
}

/// A message being built on another thread, waited for when its turn comes.
final class Built: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private let ready = DispatchSemaphore(value: 0)

    func set(_ message: [UInt8]) {
        bytes = message
        ready.signal()
    }

    func value() -> [UInt8] {
        ready.wait()
        ready.signal()
        return bytes
    }
}
