import LoaCore
import LoaWorkflows

/// `loa item approve ID [--by NAME]`: approves an item in its file, as the web's "approve" does.
struct ItemApproveCommand: Command {
    static let path = ["item", "approve"]
    static let usage = "ID"
    static let summary = CommandText.officer(.itemApproveSummary)
    static let details: CommandText? = .officer(.itemApproveDetails)
    static let by = Option<String>.text("--by", "NAME", help: .officer(.optApprover))
    static let options = [by.spec]
    static let arity = 1...1
    let id: ItemID
    let approver: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = ItemID(args.positional[0])
        approver = try args.value(Self.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var (s, ws) = try ctx.load()
        if let approver { s = s.with(actor: .commandLine(user: approver)) }
        let outcome = try Editorial.approve(id, by: approver ?? s.actor.name, workspace: ws, session: s)
        ItemCommands.report(outcome, done: .itemApproved(id), unchanged: .itemAlreadyApproved(id), s, ctx)
        return ExitCode.ok
    }
}

/// What the `item` commands print.
enum ItemCommands {
    static func report(_ outcome: Editorial.Outcome, done: OfficerText, unchanged: OfficerText, _ s: Session,
                       _ ctx: Context) {
        switch outcome {
        case .changed(let path):
            ctx.console.say(CommandText.officer(done))
            ctx.console.out(s.paths.relative(path) + "\n")
        case .unchanged: ctx.console.say(CommandText.officer(unchanged))
        }
    }
}
