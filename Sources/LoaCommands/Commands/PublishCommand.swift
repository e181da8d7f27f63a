import LoaCore
import LoaWorkflows

/// `loa publish CHANNEL DATE`: one slot as an issue, with its deliveries recorded.
struct PublishCommand: Command {
    static let path = ["publish"]
    static let usage = "CHANNEL YYYY-MM-DD"
    static let summary = CommandText.publishSummary
    static let details: CommandText? = .publishDetails
    static let arity = 2...2
    let slot: Slot

    init(parsing args: ParsedArguments) throws(Failure) {
        slot = Slot(channel: ChannelID(args.positional[0]), date: try args.argument(1, Arguments.date))
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        switch try Publishing.publish(slot, workspace: ws, session: s) {
        case .alreadyPublished:
            ctx.console.say(CommandText.alreadyPublished(channel: slot.channel.rawValue, date: ctx.t.date(slot.date)))
        case .published(let files, let items, let units):
            ctx.console.say(CommandText.published(items: items, deliveries: items * units, units: units))
            for f in files { ctx.console.out(s.paths.relative(f) + "\n") }
        }
        return ExitCode.ok
    }
}
