import LoaCore
import LoaWorkflows

/// `loa render`: every item as an HTML page, to preview them.
struct RenderCommand: Command {
    static let path = ["render"]
    static let usage = ""
    static let summary = CommandText.renderSummary
    static let out = Option<String>.text("--out", "DIR", help: .optOutDir)
    static let options = [out.spec]
    let folder: String?

    init(parsing args: ParsedArguments) throws(Failure) { folder = try args.value(Self.out) }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let dir = folder.map(ctx.absolute) ?? s.paths.out + "/items"
        let count = try Items.render(workspace: ws, into: dir, session: s)
        ctx.console.say(CommandText.renderDone(count: count, folder: s.paths.relative(dir)))
        return ExitCode.ok
    }
}
