import Foundation
import LoaCore
import LoaFormats
import LoaStore

/// The editorial work both doors share: `loa item approve|send-back|pin|unpin` and the web's item and calendar
/// pages. Each edits the item's front matter (an atomic rewrite that keeps every other byte) and records who did
/// it in the audit history, in one transaction.
public enum Editorial {
    public enum Outcome: Sendable, Equatable {
        /// The item's file was rewritten.
        case changed(path: String)
        /// The item already read so; nothing was written or recorded.
        case unchanged
    }

    /// Approves an item: `status: approved`, `approved` today, `approved_by` the approver. Four eyes: refused when
    /// the approver is the item's `author` or created or edited it (the audit history says who), unless the plan
    /// says `approval: self`; refused while the body is still the placeholder.
    public static func approve(_ id: ItemID, by approver: String, workspace ws: Workspace,
                               session s: Session) throws(Failure) -> Outcome {
        let writers = try writers(of: id, session: s)
        return try edit(id, ws, s, command: "item approve", action: .itemApproved,
                        detail: approver) { item throws(Failure) in
            try ItemReview.approval(of: item, by: approver, on: s.today, writers: writers, policy: ws.plan.approval)
        }
    }

    /// Who wrote an item, as the audit history says: whoever created or edited it, on either door.
    public static func writers(of id: ItemID, session s: Session) throws(Failure) -> Set<String> {
        let history = try s.read(orEmpty: [AuditEntry]()) { try $0.auditHistory(subject: subject(id)) }
        return Set(history.filter { $0.action == .itemCreated || $0.action == .itemEdited }.map(\.actor.name))
    }

    /// Changes an item's words and where it goes (the web's item editor): title, themes, channels, audiences,
    /// summary and body, every other byte of the file kept. An approved item whose content changes goes back to
    /// `review` and loses its approval: what was approved is no longer what would be published.
    public static func update(_ id: ItemID, _ content: ItemContent, workspace ws: Workspace,
                              session s: Session) throws(Failure) -> Outcome {
        let problems = Items.references(themes: content.themes, channels: content.channels,
                                        audiences: content.audiences, workspace: ws)
        if !problems.isEmpty { throw Failure(problems, exitCode: ExitCode.usage) }
        // a body left empty is the placeholder again, as a new item's is: there is still nothing to approve
        let written = ItemTemplate.normalized(content.body)
        let body = written.isEmpty ? Localizer(s.language)(CommandText.newItemBody) : written
        return try edit(id, ws, s, command: "item edit", action: .itemEdited, detail: nil) { item throws(Failure) in
            try ItemReview.rewriting(item, title: content.title, themes: content.themes, channels: content.channels,
                                     audiences: content.audiences, summary: content.summary,
                                     body: body)
        }
    }

    /// Sends an item back to its author: `status: draft`, the reason in `review_note`.
    public static func sendBack(_ id: ItemID, reason: String, workspace ws: Workspace,
                                session s: Session) throws(Failure) -> Outcome {
        try edit(id, ws, s, command: "item send-back", action: .itemSentBack,
                 detail: reason) { item throws(Failure) in
            try ItemReview.sendingBack(item, reason: reason)
        }
    }

    /// Pins an item to a slot day of its channels, or unpins it (`date` nil).
    public static func pin(_ id: ItemID, on date: Day?, workspace ws: Workspace,
                           session s: Session) throws(Failure) -> Outcome {
        try edit(id, ws, s, command: date == nil ? "item unpin" : "item pin", action: date == nil ? .itemUnpinned
                    : .itemPinned, detail: date?.iso) { item throws(Failure) in
            try ItemReview.pinning(item, to: date, channels: ws.channels)
        }
    }

    /// `Planning.plan`, recorded in the audit history with who proposed or confirmed the month.
    public static func plan(_ month: Month, confirm: Bool, workspace ws: Workspace,
                            session s: Session) throws(Failure) -> Planning.Result {
        let result = try Planning.plan(month, confirm: confirm, workspace: ws, session: s)
        let entries = result.schedule.entries
        try audit(s, AuditEntry(day: s.today, actor: s.actor, command: confirm ? "plan --confirm" : "plan",
                                action: confirm ? .monthConfirmed : .monthProposed,
                                subject: "calendar \(month.iso)",
                                detail: "\(entries.count) entries, \(entries.filter(\.confirmed).count) confirmed"))
        return result
    }

    /// `Items.create`, recorded in the audit history with who wrote the new item, in one transaction: a file that
    /// cannot be written records nothing.
    public static func create(_ new: NewItem, workspace ws: Workspace, session s: Session) throws(Failure) -> String {
        let draft = try Items.draft(new, workspace: ws, session: s)
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: "new item", action: .itemCreated,
                                       subject: subject(ItemID(draft.id)), detail: s.paths.relative(draft.file)))
                try writeFile(draft.file, draft.text)
            }
        }
        return draft.file
    }

    /// The audit subject of an item's changes.
    public static func subject(_ id: ItemID) -> String { "item \(id)" }

    static func edit(_ id: ItemID, _ ws: Workspace, _ s: Session, command: String, action: AuditAction, detail: String?,
                     _ rule: (Item) throws(Failure) -> ItemEdit?) throws(Failure) -> Outcome {
        guard let listed = ws.items.first(where: { $0.id.value == id }) else {
            throw Failure(.unknown(id, among: ws.items.map(\.id.value)), exitCode: ExitCode.dataError)
        }
        let file = s.paths.root + "/" + listed.path
        let bytes = try TextFile.readBytes(file, shownAs: listed.path, limit: TextFile.maxBytes)
        // the rules look at the file as it is now, not as the workspace was loaded a moment ago
        let d = Diagnostics()
        guard let item = ItemReader.item(try TextFile.decode(bytes, path: listed.path), diagnostics: d), !d.hasErrors,
              item.id.value == id else {
            throw Failure(d.all.filter { $0.severity == .error }.isEmpty
                          ? [.error(.unknown(id, among: ws.items.map(\.id.value)), at: nil)]
                          : d.all.filter { $0.severity == .error })
        }
        guard let change = try rule(item) else { return .unchanged }
        let edited = try FrontMatterEditor.apply(change, to: bytes, path: listed.path)
        let store = try s.openStore()
        try s.guarded {
            try store.write { w in
                try w.audit(AuditEntry(day: s.today, actor: s.actor, command: command, action: action,
                                       subject: subject(id), detail: detail))
                // the file is replaced inside the transaction: a file that cannot be written records nothing
                try writeFile(file, edited)
            }
        }
        return .changed(path: file)
    }

    static func audit(_ s: Session, _ entry: AuditEntry) throws(Failure) {
        let store = try s.openStore()
        try s.guarded { try store.write { try $0.audit(entry) } }
    }
}
