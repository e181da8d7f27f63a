import LoaCore
import LoaWorkflows

/// `loa new item`: a draft item with a valid front matter, recorded in the audit history.
struct NewItemCommand: Command {
    static let path = ["new", "item"]
    static let usage = "--title TEXT --theme REF --channel ID"
    static let summary = CommandText.newItemSummary
    static let title = Option<String>.text("--title", "TEXT", help: .optTitle)
    static let theme = Option<String>.text("--theme", "REF", help: .optTheme, repeatable: true)
    static let channel = Option<String>.text("--channel", "ID", help: .optChannel, repeatable: true)
    static let id = Option<String>.text("--id", "ID", help: .optItemId)
    static let author = Option<String>.text("--author", "NAME", help: .optAuthor)
    static let summaryText = Option<String>.text("--summary", "TEXT", help: .optSummary)
    static let dir = Option<String>.text("--dir", "SUBDIR", help: .optDir)
    static let audience = Option<String>.text("--audience", "ID", help: .optAudience, repeatable: true)
    static let options = [title.spec, theme.spec, channel.spec, id.spec, author.spec, summaryText.spec, dir.spec,
                          audience.spec]
    let draft: NewItem

    init(parsing args: ParsedArguments) throws(Failure) {
        guard let title = try args.value(Self.title), !title.isEmpty else {
            throw Failure(.missingArgument("--title"), exitCode: ExitCode.usage)
        }
        let themes = try args.values(Self.theme), channels = try args.values(Self.channel)
        guard !themes.isEmpty else { throw Failure(.missingArgument("--theme"), exitCode: ExitCode.usage) }
        guard !channels.isEmpty else { throw Failure(.missingArgument("--channel"), exitCode: ExitCode.usage) }
        draft = NewItem(title: title, themes: themes, channels: channels.map { ChannelID($0) },
                        id: try args.value(Self.id), author: try args.value(Self.author),
                        summary: try args.value(Self.summaryText), folder: try args.value(Self.dir),
                        audiences: try args.values(Self.audience))
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        // the same audited workflow as the web's item editor
        let file = try Editorial.create(draft, workspace: ws, session: s)
        ctx.console.out(s.paths.relative(file) + "\n")
        return ExitCode.ok
    }
}
