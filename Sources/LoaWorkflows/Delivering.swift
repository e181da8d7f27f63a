import Foundation
import LoaCore
import LoaFormats
import LoaSecrets
import LoaStore
import LoaTransport

/// What one run of sending needs, made once: the settings (nil: nothing leaves the machine), the server key for
/// receipt links (read when first needed), and the connections, kept open from one issue to the next.
public final class DeliveryRun {
    public let settings: DistributionSettings?
    /// Write what would be sent (`out/outbox/`, `out/zalo/`) and send nothing.
    public let dryRun: Bool
    let keyPath: String
    let language: Language
    private var loadedKey: ServerKey?
    let links: PublicLinks
    /// Told after each e-mail: how many of the issue's are done, of how many.
    public var progress: (Int, Int) -> Void = { _, _ in }
    var smtp: SMTPSender?
    /// Why the rest of this run's e-mails are not tried (a wrong password, an unreachable server).
    var smtpStopped: DeliveryProblem?
    var consecutiveTimeouts = 0
    var zalo: ZaloClient?
    var zaloAccess: Result<String, DeliveryProblem>?

    init(settings: DistributionSettings?, dryRun: Bool, keyPath: String, language: Language) {
        self.settings = settings; self.dryRun = dryRun; self.keyPath = keyPath; self.language = language
        links = PublicLinks(base: settings?.baseURL ?? "http://127.0.0.1:8080")
    }

    /// Reads `distribution.yml` when there is one: a mistake in it stops here, before anything is published or
    /// sent. Nothing is written.
    public static func prepare(_ s: Session, dryRun: Bool = false) throws(Failure) -> DeliveryRun {
        DeliveryRun(settings: try DistributionSettings.load(s.paths), dryRun: dryRun, keyPath: s.paths.serverKey,
                    language: s.language)
    }

    /// The server key receipt links are made under, read (or created, as `loa serve` does) when first needed.
    func key() throws(Failure) -> ServerKey {
        if let loadedKey { return loadedKey }
        do { loadedKey = try ServerKey.loadOrCreate(at: keyPath).key } catch {
            throw Failure(.verbatim(error.message(language)), exitCode: ExitCode.ioError)
        }
        return try key()
    }

    /// Whether anything leaves the machine in this run.
    public var sends: Bool { settings != nil && !dryRun }

    /// Things a person should know that are not a delivery's state (a refresh token not written back).
    public var warnings: [Diagnostic] { zalo?.warnings ?? [] }
}

/// What happened to one issue's deliveries in a run.
public struct DeliveryReport: Sendable {
    public struct Failed: Sendable, Hashable {
        /// Nil: the issue's own delivery (the Zalo article).
        public let unit: UnitCode?
        public let problem: DeliveryProblem
    }
    public let slot: Slot
    public var medium: Medium?
    public var sent = 0
    public var failed: [Failed] = []
    /// Written to the outbox or as a request body, still pending.
    public var written = 0
    /// Handed to the server without an answer: left `sending` for a person to check.
    public var uncertain = 0
    /// The files written: the outbox folder, the Zalo request body, the feed.
    public var files: [String] = []
    public var feedEntries: Int?
    public var articleToken: String?

    public init(slot: Slot) { self.slot = slot }
    public var isEmpty: Bool { medium == nil }
}

/// `loa deliver`, and the delivering step of `loa publish`: sends what an issue has pending or failed through
/// its medium, recording each delivery's state. A message is marked `sending` (one transaction) before it is
/// handed to the server and `sent` or `failed` after, so a crash in between never sends it twice.
public enum Delivering {
    /// One delivery of an issue, to send again once a person checked it: a unit's, or the issue's own (the Zalo
    /// article).
    public enum Target: Sendable, Hashable {
        case unit(UnitCode)
        case issue
        /// The unit, nil for the issue's own delivery.
        public var code: UnitCode? { if case .unit(let u) = self { u } else { nil } }
    }

    /// Sends what the issue has to send. `retrying` one delivery sends it alone, even when it was left `sending`
    /// (a person checked that it did not arrive); one sent or confirmed is never sent again.
    public static func deliver(_ slot: Slot, workspace ws: Workspace, session s: Session, run: DeliveryRun,
                               retrying target: Target? = nil) throws(Failure) -> DeliveryReport {
        let store = try s.openStore()
        guard let publication = try s.guarded({ try store.read { try $0.publication(slot) } }) else {
            throw Failure(.delivery(.notPublished(slot.description)), exitCode: ExitCode.dataError)
        }
        var toSend = try s.guarded { try store.read { try $0.deliveriesToSend(publication) } }
        let articleToVerify = try s.guarded { try store.read { try $0.articleToVerify(publication) } }
        if let target {
            let all = try s.guarded { try store.read { try $0.deliveries(of: slot) } }
            guard let own = all.first(where: { $0.unit == target.code }), own.state == .sending || own.state == .failed
            else {
                throw Failure(.delivery(.nothingToRetry(unit: target.code?.rawValue ?? slot.channel.rawValue,
                                                        issue: slot.description)))
            }
            toSend = [PendingDelivery(unit: target.code, medium: own.medium, state: own.state)]
        }
        var report = DeliveryReport(slot: slot)
        guard let medium = toSend.first?.medium ?? (articleToVerify == nil ? nil : .zaloOA) else { return report }
        report.medium = medium
        let index = WorkspaceIndex(ws)
        guard let channel = index.channels[slot.channel] else {
            throw Failure(.unknown(slot.channel, among: index.channels.keys), exitCode: ExitCode.dataError)
        }
        let job = IssueJob(slot: slot, publication: publication, channel: channel, index: index, session: s,
                           store: store, run: run)
        switch medium {
        case .print:
            report.sent = try s.guarded { try store.write { try $0.recordAllSent(publication, today: s.today) } }
        case .feed:
            try job.writeFeed(&report)
        case .email:
            try job.sendMail(toSend.filter { $0.unit != nil }, retrying: target != nil, &report)
        case .zaloOA:
            try job.sendArticle(toSend.first { $0.unit == nil }, verify: articleToVerify, retrying: target != nil,
                                &report)
        }
        return report
    }

    /// Every published issue with something to send, in date order.
    public static func issuesToDeliver(session s: Session) throws(Failure) -> [Slot] {
        try s.read(orEmpty: []) { try $0.issuesToDeliver() }
    }

    /// Deliveries left `sending` (of one issue, or all): handed to a server that never answered.
    public static func stuck(session s: Session, of slot: Slot? = nil) throws(Failure) -> [DeliveryRecord] {
        try s.read(orEmpty: []) { try $0.deliveries(in: .sending, of: slot) }
    }

    /// Every delivery of an issue with its state and problem, the issue's own first (the officers' issue page).
    public static func states(of slot: Slot, session s: Session) throws(Failure) -> [DeliveryRecord] {
        try s.read(orEmpty: []) { try $0.deliveries(of: slot) }
    }
}

/// One issue being delivered: what every medium needs to know about it.
struct IssueJob {
    let slot: Slot
    let publication: PublicationRef
    let channel: Channel
    let index: WorkspaceIndex
    let session: Session
    let store: Store
    let run: DeliveryRun

    var paths: WorkspacePaths { session.paths }

    /// The issue as published: its items as they are in the workspace now, and its number.
    func document() throws(Failure) -> IssueDocument {
        let ids = try session.guarded { try store.read { try $0.publishedItems(slot) } }
        var items: [Item] = []
        for id in ids {
            // an item removed from content/items since: the issue cannot be written again
            guard let item = index.items[id] else {
                throw Failure(.unknown(id, among: index.items.keys), exitCode: ExitCode.dataError)
            }
            items.append(item)
        }
        let number = try session.guarded { try store.read { try $0.issueNumber(of: slot) } }
        return IssueDocument(plan: index.workspace.plan, channel: channel, date: slot.date, number: number,
                             items: items, language: session.language)
    }

    func write<T>(_ body: (StoreWriter) throws -> T) throws(Failure) -> T {
        try session.guarded { try store.write(body) }
    }

    // MARK: feed

    /// Rewrites the channel's feed with this issue in it, then records the issue's deliveries as sent.
    func writeFeed(_ report: inout DeliveryReport) throws(Failure) {
        var issues = try session.guarded { try store.read { try $0.feedIssues(slot.channel) } }
        if !issues.contains(where: { $0.slot == slot }) {
            let ids = try session.guarded { try store.read { try $0.publishedItems(slot) } }
            issues.append((slot, ids))
            issues.sort { $0.slot.date > $1.slot.date }
        }
        let entries = issues.flatMap { issue in
            issue.items.compactMap { index.items[$0].map { AtomFeed.Entry(slot: issue.slot, item: $0) } }
        }
        let path = paths.feed(slot.channel)
        try writeFile(path, AtomFeed.render(channel: channel, plan: index.workspace.plan, entries: entries,
                                            links: run.links))
        report.sent = try write { try $0.recordAllSent(publication, today: session.today) }
        report.files.append(path)
        report.feedEntries = entries.count
    }

    // MARK: Zalo OA

    func sendArticle(_ delivery: PendingDelivery?, verify: String?, retrying: Bool,
                     _ report: inout DeliveryReport) throws(Failure) {
        if delivery != nil {
            try createArticle(retrying: retrying, &report)
        } else if let verify, run.sends, let access = accessToken(&report) {
            verifyArticle(verify, access)
        }
    }

    func createArticle(retrying: Bool, _ report: inout DeliveryReport) throws(Failure) {
        let document = try document()
        // the cover is copied next to the issue under the path channels.yml gives, as the items' pictures are
        guard let cover = channel.cover?.value ?? ZaloArticle.firstPicture(document.items) else {
            try write { try $0.recordOutcome(publication, unit: nil, problem: .noCover, today: session.today) }
            report.failed.append(.init(unit: nil, problem: .noCover))
            return
        }
        let body = Array(ZaloArticle.body(document, cover: cover, links: run.links).text.utf8)
        guard run.sends, run.settings?.zalo != nil else {
            let path = paths.zaloArticle(slot)
            try writeFile(path, body + [10])
            report.written += 1
            report.files.append(path)
            return
        }
        guard let access = accessToken(&report) else { return }
        let from: [DeliveryState] = retrying ? [.pending, .failed, .sending] : [.pending, .failed]
        guard try write({ try $0.markSending(publication, unit: nil, from: from, today: session.today) }) else {
            return
        }
        switch zaloClient()?.create(body, accessToken: access) {
        case .success(let token):
            try write { try $0.recordOutcome(publication, unit: nil, problem: nil, token: token, today: session.today) }
            report.sent = 1
            report.articleToken = token
            verifyArticle(token, access)
        case .failure(let failure):
            let problem = failure.problem
            if failure.mayHaveArrived {
                report.uncertain += 1
                return
            }
            try write { try $0.recordOutcome(publication, unit: nil, problem: problem, today: session.today) }
            report.failed.append(.init(unit: nil, problem: problem))
        case nil: break
        }
    }

    /// Asks for the article's id; without an answer yet, a later run asks again.
    func verifyArticle(_ token: String, _ access: String) {
        guard case .success(let id) = zaloClient()?.verify(token, accessToken: access) else { return }
        _ = try? write { try $0.recordArticleID(publication, id: id) }
    }

    /// The run's access token, refreshed once; a refusal fails the article with the reason.
    func accessToken(_ report: inout DeliveryReport) -> String? {
        if run.zaloAccess == nil { run.zaloAccess = zaloClient()?.accessToken() }
        switch run.zaloAccess {
        case .success(let token): return token
        case .failure(let problem):
            _ = try? write { try $0.recordOutcome(publication, unit: nil, problem: problem, today: session.today) }
            report.failed.append(.init(unit: nil, problem: problem))
            return nil
        case nil: return nil
        }
    }

    func zaloClient() -> ZaloClient? {
        if let open = run.zalo { return open }
        guard let settings = run.settings?.zalo else { return nil }
        run.zalo = ZaloClient(settings)
        return run.zalo
    }
}
