import LoaCore
import LoaWorkflows

/// `loa item send-back ID --reason TEXT`: returns an item to its author with the reason in its file.
struct ItemSendBackCommand: Command {
    static let path = ["item", "send-back"]
    static let usage = "ID --reason TEXT"
    static let summary = CommandText.officer(.itemSendBackSummary)
    static let details: CommandText? = .officer(.itemSendBackDetails)
    static let reason = Option<String>.text("--reason", "TEXT", help: .officer(.optReason))
    static let by = Option<String>.text("--by", "NAME", help: .optBy)
    static let options = [reason.spec, by.spec]
    static let arity = 1...1
    let id: ItemID
    let text: String
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = ItemID(args.positional[0])
        guard let reason = try args.value(Self.reason), !reason.isEmpty else {
            throw Failure(.missingArgument("--reason TEXT"), exitCode: ExitCode.usage)
        }
        text = reason
        person = try args.value(Self.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var (s, ws) = try ctx.load()
        if let person { s = s.with(actor: .commandLine(user: person)) }
        let outcome = try Editorial.sendBack(id, reason: text, workspace: ws, session: s)
        ItemCommands.report(outcome, done: .itemSentBack(id), unchanged: .itemAlreadySentBack(id), s, ctx)
        return ExitCode.ok
    }
}
