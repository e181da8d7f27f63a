import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// `loa publish` and the web's "publish": renders a slot's confirmed items as an issue, records the publication
/// and its deliveries, then delivers it through the channel's medium (SPEC §4, §10).
public enum Publishing {
    public enum Outcome: Sendable {
        /// Published now: the issue's files, items and deliveries, and what delivering it did (nil: not asked).
        case published(files: [String], items: Int, units: Int, delivery: DeliveryReport?)
        /// The slot was published before; nothing changed.
        case alreadyPublished
    }

    /// Publishes the slot and, unless `deliver` is false (`--no-deliver`), delivers it in `run` (made from the
    /// workspace's `distribution.yml` when not given). The settings are read before anything is written, so a
    /// mistake in them changes nothing.
    public static func publish(_ slot: Slot, workspace ws: Workspace, session s: Session, deliver: Bool = true,
                               run given: DeliveryRun? = nil) throws(Failure) -> Outcome {
        let index = WorkspaceIndex(ws)
        guard let channel = index.channels[slot.channel] else {
            throw Failure(.unknown(slot.channel, among: index.channels.keys), exitCode: ExitCode.usage)
        }
        let store = try s.openStore()
        if try s.guarded({ try store.read { try $0.isPublished(slot) } }) { return .alreadyPublished }
        var run = given
        if deliver, run == nil { run = try DeliveryRun.prepare(s) }
        let calendar = s.paths.calendar(slot.date.monthOfYear)
        let entries = try Calendars.entries(of: slot.date.monthOfYear, in: s.paths)
            .filter { $0.slot == slot && $0.confirmed }
        guard !entries.isEmpty else {
            throw Failure(.nothingConfirmed(channel: slot.channel, date: slot.date),
                          at: SourceLocation(path: s.paths.relative(calendar), line: 1, column: 1))
        }
        var items: [Item] = []
        for e in entries {
            guard let item = index.items[e.item] else {
                throw Failure(.unknown(e.item, among: index.items.keys),
                              at: SourceLocation(path: s.paths.relative(calendar), line: 1, column: 1))
            }
            items.append(item)
        }
        // the images the items show are copied next to the issue; a remote or missing image stops it first
        var media: [ItemMedia.File] = [], problems: [Diagnostic] = []
        for item in items {
            let (files, errors) = ItemMedia.files(of: item, paths: s.paths)
            media += files
            problems += errors
        }
        if let cover = channel.cover {
            let (file, problem) = ItemMedia.file(cover.value, at: cover.location, paths: s.paths)
            media += file.map { [$0] } ?? []
            problems += problem.map { [$0] } ?? []
        }
        if !problems.isEmpty { throw Failure(problems) }
        let receiving = channel.receivingUnits(ws.units, on: slot.date)
        let units = receiving.map(\.code.value).sorted()
        let withoutAddress = Set(receiving.filter { u in !(u.email.map(isMailAddress) ?? false) }.map(\.code.value))
        let number = try s.guarded { try store.read { try $0.issueNumber(of: slot) } }
        let issue = IssueDocument(plan: ws.plan, channel: channel, date: slot.date, number: number, items: items,
                                  language: s.language)
        let base = s.paths.issue(slot)
        let pictures = Dictionary(media.map { ($0.relative, $0.source) }, uniquingKeysWith: { a, _ in a })
        let docx = try issue.docx { pictures[$0].flatMap(Pictures.file) }
        try writeFile(base + ".md", issue.markdown())
        try writeFile(base + ".html", issue.html())
        try writeFile(base + ".docx", docx)
        try copy(media, nextTo: base)
        let records = items.map { i in
            let audiences = i.audiences.isEmpty ? channel.audiences.map(\.value) : i.audiences.map(\.value)
            return PublishedItemRecord(id: i.id.value, title: i.title, themes: i.themeRefs, audiences: audiences)
        }
        let recorded = try s.guarded {
            try store.write { w in
                guard try w.recordPublication(slot, items: records, units: units, today: s.today, actor: s.actor)
                else { return false }
                try w.recordDeliveries(slot, medium: channel.medium, units: units, withoutAddress: withoutAddress,
                                       today: s.today)
                return true
            }
        }
        guard recorded else { return .alreadyPublished }
        var report: DeliveryReport?
        if deliver, let run { report = try Delivering.deliver(slot, workspace: ws, session: s, run: run) }
        return .published(files: [base + ".html", base + ".md", base + ".docx"], items: items.count,
                          units: units.count,
                          delivery: report)
    }

    /// Takes a published issue back (SPEC §9.7), while none of its deliveries was sent, confirmed or handed to a
    /// server: the publication and its deliveries are removed in one transaction, then the issue's files.
    public static func unpublish(_ slot: Slot, session s: Session) throws(Failure) {
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                guard let publication = try w.reader.publication(slot) else {
                    throw Failure(.delivery(.notPublished(slot.description)))
                }
                let states = try w.reader.deliveries(of: slot).map(\.state)
                guard Unpublishing.isAllowed(states) else {
                    throw Failure(.delivery(.cannotUnpublish(issue: slot.description,
                                                             left: states.filter(\.mayHaveLeft).count)))
                }
                try w.removePublication(publication)
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "unpublish", action: .unpublished,
                                       subject: slot.description, detail: nil))
            }
        }
        let base = s.paths.issue(slot)
        for path in [base + ".html", base + ".md", base + ".docx", s.paths.outbox(slot), s.paths.zaloArticle(slot)] {
            try? FileManager.default.removeItem(atPath: path)
        }
    }

    /// Copies each image to the folder of the page `base` (a path without extension), under the relative path the
    /// item's body links it by.
    static func copy(_ media: [ItemMedia.File], nextTo base: String) throws(Failure) {
        let folder = (base as NSString).deletingLastPathComponent
        for file in Set(media).sorted(by: { $0.relative < $1.relative }) {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file.source)) } catch {
                throw Failure(.fileUnreadable(file.source, reason: error.localizedDescription),
                              exitCode: ExitCode.ioError)
            }
            try writeFile(folder + "/" + file.relative, [UInt8](data))
        }
    }
}
