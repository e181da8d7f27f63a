import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// `loa publish` and the web's "publish": renders a slot's confirmed items as an issue and records the
/// publication and its deliveries.
public enum Publishing {
    public enum Outcome: Sendable {
        /// Published now: the issue's files, items and deliveries.
        case published(files: [String], items: Int, units: Int)
        /// The slot was published before; nothing changed.
        case alreadyPublished
    }

    public static func publish(_ slot: Slot, workspace ws: Workspace, session s: Session) throws(Failure) -> Outcome {
        let index = WorkspaceIndex(ws)
        guard let channel = index.channels[slot.channel] else {
            throw Failure(.unknown(slot.channel, among: index.channels.keys), exitCode: ExitCode.usage)
        }
        let store = try s.openStore()
        if try s.guarded({ try store.read { try $0.isPublished(slot) } }) { return .alreadyPublished }
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
        if !problems.isEmpty { throw Failure(problems) }
        let units = channel.receivingUnits(ws.units, on: slot.date).map(\.code.value).sorted()
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
            try store.write {
                try $0.recordPublication(slot, items: records, units: units, today: s.today, actor: s.actor)
            }
        }
        return recorded ? .published(files: [base + ".html", base + ".md", base + ".docx"], items: items.count,
                                     units: units.count)
            : .alreadyPublished
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
