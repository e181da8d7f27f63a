import Foundation

/// A change to a content item's front matter, as values: the keys to set, in order, and the keys to remove.
/// `FrontMatterEditor` applies it to the file, keeping every other byte.
public struct ItemEdit: Sendable, Hashable {
    /// How a value is written.
    public enum Value: Sendable, Hashable {
        /// A word YAML reads as itself (a status, an id).
        case word(String)
        case day(Day)
        /// Free text (a name, a reason): quoted when it needs to be.
        case text(String)
        /// A list of words (themes, channels, audiences), written `[a, b]`.
        case list([String])
    }

    /// One key: its new value, or nil to remove it.
    public struct Change: Sendable, Hashable {
        public let key: String
        public let value: Value?
        public init(_ key: String, _ value: Value?) { self.key = key; self.value = value }
    }

    public var changes: [Change]
    /// The new body (everything after the closing `---`), or nil to keep it.
    public var body: String?
    public init(_ changes: [Change], body: String? = nil) { self.changes = changes; self.body = body }
}

/// The editorial rules for one item: approving it, sending it back to its author with a reason, pinning it to a
/// date. Each answers the front-matter change to make, nil when the item already reads so, or an error.
public enum ItemReview {
    /// The front-matter key that carries an officer's reason for sending an item back (SPEC §2.6, extended).
    public static let noteKey = "review_note"
    /// The longest reason or name accepted, in characters.
    public static let maxTextLength = 2_000

    /// Approving: `status: approved`, `approved` today, `approved_by` the approver; a note left by an earlier
    /// send-back goes (the question is settled). An approved item stays as it is; an archived one is refused.
    ///
    /// Four eyes (SPEC §9.7): nobody among `writers` (the item's `author` and whoever created or edited it) may
    /// approve it unless the plan says `approval: self`; and a body that is still the new item's placeholder has
    /// nothing to approve.
    public static func approval(of item: Item, by approver: String, on today: Day, writers: Set<String> = [],
                                policy: ApprovalPolicy = .others) throws(Failure) -> ItemEdit? {
        let name = try oneLine(approver, item: item)
        if item.status == .archived { throw Failure(.officer(.archivedItem(item.id.value)), at: location(item)) }
        if item.status == .approved { return nil }
        if policy == .others, wrote(name, writers: writers.union(item.author.map { [$0] } ?? [])) {
            throw Failure(.item(.approverWroteIt(item.id.value)), at: location(item), exitCode: ExitCode.dataError)
        }
        if isPlaceholder(item.body) {
            // the body's first written line (the placeholder), after the blank line that follows the front matter
            let blank = item.body.split(separator: "\n", omittingEmptySubsequences: false)
                .prefix { $0.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }.count
            let line = item.body.trimmingSpaces.isEmpty ? item.bodyLine : item.bodyLine + blank
            throw Failure(.item(.placeholderBody(item.id.value)),
                          at: SourceLocation(path: item.path, line: line, column: 1),
                          exitCode: ExitCode.dataError)
        }
        return ItemEdit([.init("status", .word(ItemStatus.approved.rawValue)), .init("approved", .day(today)),
                         .init("approved_by", .text(name)), .init(noteKey, nil)])
    }

    /// Sending back: the item returns to `draft` with the reason in `review_note`, where its author reads it in the
    /// file and on the web; an approval it had is withdrawn. An archived item is refused.
    public static func sendingBack(_ item: Item, reason: String) throws(Failure) -> ItemEdit? {
        let text = try cleanReason(reason, item: item)
        if item.status == .archived { throw Failure(.officer(.archivedItem(item.id.value)), at: location(item)) }
        if item.status == .draft, item.reviewNote == text, item.approved == nil, item.approvedBy == nil { return nil }
        return ItemEdit([.init("status", .word(ItemStatus.draft.rawValue)), .init(noteKey, .text(text)),
                         .init("approved", nil), .init("approved_by", nil)])
    }

    /// Rewriting an item's words and where it goes: the keys that differ, the body when it differs. An approved
    /// item that changes returns to `review` without its approval; an archived one is refused. The values are
    /// checked by the caller against the plan (`Items.references`); here, what any file must hold.
    public static func rewriting(_ item: Item, title: String, themes: [String], channels: [String],
                                 audiences: [String], summary: String, body: String) throws(Failure) -> ItemEdit? {
        if item.status == .archived { throw Failure(.officer(.archivedItem(item.id.value)), at: location(item)) }
        let title = title.trimmingSpaces, summary = summary.trimmingSpaces
        guard !title.isEmpty, !themes.isEmpty, !channels.isEmpty else {
            throw Failure(.officer(.newItemIncomplete), at: location(item), exitCode: ExitCode.usage)
        }
        var changes: [ItemEdit.Change] = []
        if title != item.title { changes.append(.init("title", .text(title))) }
        if themes != item.themeRefs.map(\.description) { changes.append(.init("themes", .list(themes))) }
        if channels != item.channels.map(\.value.rawValue) { changes.append(.init("channels", .list(channels))) }
        if audiences != item.audiences.map(\.value.rawValue) {
            changes.append(.init("audiences", audiences.isEmpty ? nil : .list(audiences)))
        }
        if summary != (item.summary ?? "") { changes.append(.init("summary", .text(summary))) }
        let newBody = body.trimmingSpaces == item.body.trimmingSpaces ? nil : body
        if changes.isEmpty && newBody == nil { return nil }
        if item.status == .approved {
            changes += [.init("status", .word(ItemStatus.review.rawValue)), .init("approved", nil),
                        .init("approved_by", nil)]
        }
        return ItemEdit(changes, body: newBody)
    }

    /// Pinning to a date (rule 7: it must be a slot day of one of the item's channels), or unpinning with nil.
    /// Whether the pinned item breaks another rule is the planner's to say when the month is planned.
    public static func pinning(_ item: Item, to date: Day?, channels: [Channel]) throws(Failure) -> ItemEdit? {
        guard let date else { return item.pin == nil ? nil : ItemEdit([.init("pin", nil)]) }
        if item.status == .archived { throw Failure(.officer(.archivedItem(item.id.value)), at: location(item)) }
        if !pinChannels(item, on: date, channels: channels).isEmpty {
            return item.pin?.value == date ? nil : ItemEdit([.init("pin", .day(date))])
        }
        throw Failure(.pinWithoutSlot(item: item.id.value, channels: item.channels.map(\.value), date: date),
                      at: location(item))
    }

    /// The item's channels that have a slot on the date: where a pin on that date places it.
    public static func pinChannels(_ item: Item, on date: Day, channels: [Channel]) -> [ChannelID] {
        let listed = Set(item.channels.map(\.value))
        return channels.filter { listed.contains($0.id.value) && $0.slots(in: date.monthOfYear).contains(date) }
            .map(\.id.value)
    }

    /// The items an officer may pin to a slot of the channel on the date: approved, listing the channel, not
    /// archived, and not pinned there already.
    public static func pinCandidates(_ items: [Item], channel: ChannelID, date: Day) -> [Item] {
        items.filter { $0.status == .approved && $0.lists(channel) && $0.pin?.value != date }
    }

    /// Whether a body is still what `loa new item` writes (in either language).
    public static func isPlaceholder(_ body: String) -> Bool {
        let text = body.trimmingSpaces
        let placeholder = CommandText.newItemBody.phrase
        return text == placeholder.vi || text == placeholder.en
    }

    /// Whether a name is one of the writers', compared as people write names (NFC, case and spaces ignored).
    public static func wrote(_ name: String, writers: Set<String>) -> Bool {
        func key(_ s: String) -> String {
            s.trimmingSpaces.precomposedStringWithCanonicalMapping.lowercased()
                .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        }
        let k = key(name)
        return !k.isEmpty && writers.contains { key($0) == k }
    }

    static func location(_ item: Item) -> SourceLocation { SourceLocation(path: item.path, line: 1, column: 1) }

    /// A name: one line, not empty, not too long.
    static func oneLine(_ text: String, item: Item) throws(Failure) -> String {
        let t = text.trimmingSpaces
        guard !t.isEmpty, t.count <= maxTextLength, !t.unicodeScalars.contains(where: \.isControlOrLineBreak) else {
            throw Failure(.officer(.invalidName), at: location(item), exitCode: ExitCode.usage)
        }
        return t
    }

    /// A reason: lines end in LF, no other control characters but TAB, not empty, not too long.
    static func cleanReason(_ text: String, item: Item) throws(Failure) -> String {
        let t = text.replacingCRLF.trimmingSpaces
        let refused = t.unicodeScalars.contains { $0.isControlOrLineBreak && $0 != "\n" && $0 != "\t" }
        guard !t.isEmpty, t.count <= maxTextLength, !refused else {
            throw Failure(.officer(.reasonNeeded(limit: maxTextLength)), at: location(item), exitCode: ExitCode.usage)
        }
        return t
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let s = unicodeScalars
        guard let a = s.firstIndex(where: { !$0.properties.isWhitespace }),
              let b = s.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(s[a...b])
    }

    /// CRLF and lone CR as LF.
    public var replacingCRLF: String {
        guard unicodeScalars.contains("\r") else { return self }
        var out = String.UnicodeScalarView()
        var previousCR = false
        for u in unicodeScalars {
            if u == "\r" { out.append("\n"); previousCR = true; continue }
            if u == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(u)
        }
        return String(out)
    }
}
