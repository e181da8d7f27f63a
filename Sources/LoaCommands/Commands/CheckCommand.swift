import LoaCore
import LoaFormats

/// `loa check`: every problem of the workspace at once.
struct CheckCommand: Command {
    static let path = ["check"]
    static let usage = ""
    static let summary = CommandText.checkSummary
    static let details: CommandText? = .checkDetails

    init(parsing args: ParsedArguments) throws(Failure) {}

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let paths = try ctx.workspacePaths()
        let diagnostics = Diagnostics()
        if let ws = WorkspaceLoader.load(paths, diagnostics: diagnostics) {
            diagnostics.add(contentsOf: Validator.validate(ws))
            diagnostics.add(contentsOf: ContentChecks.check(ws, paths: paths))
            if !diagnostics.hasErrors {
                ctx.console.say(CommandText.checkValid(projects: ws.plan.projects.count,
                    themes: ws.plan.allThemes.count,
                                                       channels: ws.channels.count, units: ws.units.count,
                                                       items: ws.items.count, observances: ws.observances.count))
            }
        }
        ctx.console.report(diagnostics.all)
        return diagnostics.hasErrors ? ExitCode.dataError : ExitCode.ok
    }
}
