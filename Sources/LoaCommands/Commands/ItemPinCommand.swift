import LoaCore
import LoaWorkflows

/// `loa item pin ID YYYY-MM-DD`: pins an item to a slot day of its channels (rule 7).
struct ItemPinCommand: Command {
    static let path = ["item", "pin"]
    static let usage = "ID YYYY-MM-DD"
    static let summary = CommandText.officer(.itemPinSummary)
    static let details: CommandText? = .officer(.itemPinDetails)
    static let by = Option<String>.text("--by", "NAME", help: .optBy)
    static let options = [by.spec]
    static let arity = 2...2
    let id: ItemID
    let date: Day
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = ItemID(args.positional[0])
        date = try args.argument(1, Arguments.date)
        person = try args.value(Self.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var (s, ws) = try ctx.load()
        if let person { s = s.with(actor: .commandLine(user: person)) }
        let outcome = try Editorial.pin(id, on: date, workspace: ws, session: s)
        ItemCommands.report(outcome, done: .itemPinned(id, date: ctx.t.date(date)),
                            unchanged: .itemAlreadyPinned(id, date: ctx.t.date(date)), s, ctx)
        return ExitCode.ok
    }
}

/// `loa item unpin ID`: removes an item's pin.
struct ItemUnpinCommand: Command {
    static let path = ["item", "unpin"]
    static let usage = "ID"
    static let summary = CommandText.officer(.itemUnpinSummary)
    static let options = [ItemPinCommand.by.spec]
    static let arity = 1...1
    let id: ItemID
    let person: String?

    init(parsing args: ParsedArguments) throws(Failure) {
        id = ItemID(args.positional[0])
        person = try args.value(ItemPinCommand.by)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var (s, ws) = try ctx.load()
        if let person { s = s.with(actor: .commandLine(user: person)) }
        let outcome = try Editorial.pin(id, on: nil, workspace: ws, session: s)
        ItemCommands.report(outcome, done: .itemUnpinned(id), unchanged: .itemNotPinned(id), s, ctx)
        return ExitCode.ok
    }
}
