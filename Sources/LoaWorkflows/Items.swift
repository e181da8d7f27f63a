import Foundation
import LoaCore
import LoaFormats

/// A new item as an officer describes it (`loa new item`, the web's "new item" form).
public struct NewItem: Sendable {
    public var title: String
    public var themes: [String]
    public var channels: [ChannelID]
    public var id: String?
    public var author: String?
    public var summary: String?
    public var folder: String?
    /// Audience ids (optional; default: the channels' audiences).
    public var audiences: [String]
    /// The body in Markdown; nil or blank: the placeholder `loa new item` writes.
    public var body: String?
    public init(title: String, themes: [String], channels: [ChannelID], id: String? = nil, author: String? = nil,
                summary: String? = nil, folder: String? = nil, audiences: [String] = [], body: String? = nil) {
        self.title = title; self.themes = themes; self.channels = channels; self.id = id; self.author = author
        self.summary = summary; self.folder = folder; self.audiences = audiences; self.body = body
    }
}

/// What the item editor changes in an existing item: its words and where it goes.
public struct ItemContent: Sendable, Hashable {
    public var title: String
    public var themes: [String]
    public var channels: [String]
    public var audiences: [String]
    public var summary: String
    public var body: String
    public init(title: String, themes: [String], channels: [String], audiences: [String], summary: String,
                body: String) {
        self.title = title; self.themes = themes; self.channels = channels; self.audiences = audiences
        self.summary = summary; self.body = body
    }
}

/// Content items: creating them and rendering them for preview.
public enum Items {
    /// Writes `content/items/[FOLDER/]ID.md` as a draft with a valid front matter; refuses, before writing
    /// anything, what `loa check` would refuse. Returns the file's path.
    public static func create(_ new: NewItem, workspace ws: Workspace, session s: Session) throws(Failure) -> String {
        let draft = try draft(new, workspace: ws, session: s)
        try writeFile(draft.file, draft.text)
        return draft.file
    }

    /// The new item's file and text, checked as `create` checks them, nothing written.
    public static func draft(_ new: NewItem, workspace ws: Workspace,
                             session s: Session) throws(Failure) -> (file: String, id: String, text: String) {
        let id = new.id ?? String(new.title.slug.prefix(60))
        guard isValidId(id) else { throw Failure(.invalidId(id), exitCode: ExitCode.usage) }
        var problems = references(themes: new.themes, channels: new.channels.map(\.rawValue),
                                  audiences: new.audiences, workspace: ws)
        if ws.items.contains(where: { $0.id.value.rawValue == id }) {
            problems.append(.error(.itemExists(id), at: nil))
        }
        if let folder = new.folder, folder.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) {
            problems.append(.error(.invalidArgument(folder, expected: "SUBDIR"), at: nil))
        }
        if !problems.isEmpty { throw Failure(problems, exitCode: ExitCode.usage) }
        let dir = new.folder.map { s.paths.items + "/" + $0 } ?? s.paths.items
        let file = dir + "/\(id).md"
        if FileManager.default.fileExists(atPath: file) {
            throw Failure(.itemExists(s.paths.relative(file)), exitCode: ExitCode.usage)
        }
        let fields = (new.title, new.themes, new.channels, new.author, new.summary)
        let body = new.body.flatMap { ItemReview.isPlaceholder($0) ? nil : $0 }
        return (file, id, ItemTemplate.render(id: id, new: fields, today: s.today, language: s.language,
                                              audiences: new.audiences, body: body))
    }

    /// What `loa check` would say of these references: themes, channels and audiences the plan does not know.
    public static func references(themes: [String], channels: [String], audiences: [String],
                                  workspace ws: Workspace) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let known = Set(ws.plan.allThemes.map(\.ref))
        for t in themes {
            if let ref = ThemeRef(parsing: t) {
                if !known.contains(ref) { problems.append(.error(.unknown(ref, among: known), at: nil)) }
            } else {
                problems.append(.error(.malformedThemeRef(t), at: nil))
            }
        }
        let channelIDs = Set(ws.channels.map(\.id.value))
        for c in channels.map({ ChannelID($0) }) where !channelIDs.contains(c) {
            problems.append(.error(.unknown(c, among: channelIDs), at: nil))
        }
        let audienceIDs = Set(ws.plan.audiences.map(\.id.value))
        for a in audiences.map({ AudienceID($0) }) where !audienceIDs.contains(a) {
            problems.append(.error(.unknown(a, among: audienceIDs), at: nil))
        }
        return problems
    }

    /// Writes every item as an HTML page (`ID.html`) and an index into `dir`, with the images the items show
    /// copied next to them; returns how many. A preview: an image `loa check` refuses is left out, not fatal.
    /// A page that already holds exactly the new bytes is left alone: rendering again rewrites only what changed,
    /// and an unchanged page keeps its file (no new inode, no rename over it).
    public static func render(workspace ws: Workspace, into dir: String, session s: Session) throws(Failure) -> Int {
        let items = ws.items.sorted { $0.id.value < $1.id.value }
        let themes = ws.plan.allThemes.indexed(by: \.ref)
        for item in items {
            try writePage(dir + "/\(item.id.value).html", ItemPage.html(item, themes: themes, language: s.language))
            let media = ItemMedia.files(of: item, paths: s.paths).files
            if !media.isEmpty { try Publishing.copy(media, nextTo: dir + "/\(item.id.value)") }
        }
        try writePage(dir + "/index.html", ItemPage.index(items, plan: ws.plan, language: s.language))
        return items.count
    }

    /// Writes a page atomically (`writeFile`) unless the file holds these bytes already.
    static func writePage(_ path: String, _ text: String) throws(Failure) {
        var text = text
        let same = text.withUTF8 { holds(path, $0) }
        if !same { try writeFile(path, text) }
    }

    /// Whether `path` is a regular file (not a link) holding exactly `bytes`: one open, fstat, read and close.
    static func holds(_ path: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == bytes.count else {
            return false
        }
        if bytes.isEmpty { return true }
        guard let base = bytes.baseAddress else { return false }
        let old = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 1)
        defer { old.deallocate() }
        var done = 0
        while done < bytes.count {
            let n = read(fd, old.baseAddress! + done, bytes.count - done)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return false }
            done += n
        }
        return memcmp(old.baseAddress!, base, bytes.count) == 0
    }
}

/// Copies a workspace's authored parts (never its database or outputs), for `loa init` and `loa demo`.
public enum WorkspaceCopy {
    public static func paths(_ root: String) -> WorkspacePaths { WorkspacePaths(root: root) }

    public static func copy(from source: String, to target: String) throws(Failure) {
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: target, withIntermediateDirectories: true)
            for part in ["content", "calendars", "reports"] where fm.fileExists(atPath: source + "/" + part) {
                if fm.fileExists(atPath: target + "/" + part) { try fm.removeItem(atPath: target + "/" + part) }
                try fm.copyItem(atPath: source + "/" + part, toPath: target + "/" + part)
            }
            // the month calendars belong to the source's own planning; a new workspace starts with observances only
            for f in (try? fm.contentsOfDirectory(atPath: target + "/calendars")) ?? [] where f != "observances.ics" {
                try fm.removeItem(atPath: target + "/calendars/" + f)
            }
            for f in ["reports/inbox", "reports/imported"] where fm.fileExists(atPath: target + "/" + f) {
                try fm.removeItem(atPath: target + "/" + f)
            }
            try fm.createDirectory(atPath: target + "/reports/inbox", withIntermediateDirectories: true)
        } catch {
            throw Failure(.fileUnwritable(target, reason: error.localizedDescription), exitCode: ExitCode.ioError)
        }
        // recorded facts, the web key and outputs never belong in git
        try writeFile(target + "/.gitignore", "loa.sqlite\nloa.sqlite-*\nloa.key\ndistribution.yml\nsecrets/\nout/\n")
    }
}
