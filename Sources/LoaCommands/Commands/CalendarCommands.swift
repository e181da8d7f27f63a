import LoaCore
import LoaWorkflows

/// `loa calendar confirm|unconfirm|remove ITEM CHANNEL YYYY-MM-DD` and `loa calendar move … NEW-DATE`: one entry of
/// a month's calendar at a time, as the web grid's buttons do (`CalendarEditing`).
protocol CalendarEntryCommand: Command {
    var item: ItemID { get }
    var slot: Slot { get }
    var person: String? { get }
    var change: EntryChange { get }
}

extension CalendarEntryCommand {
    static var details: CommandText? { .calendar(.details) }
    static var options: [OptionSpec] { [ItemPinCommand.by.spec] }

    static func entry(_ args: ParsedArguments) throws(Failure) -> (ItemID, Slot, String?) {
        let date = try args.argument(2, Arguments.date)
        return (ItemID(args.positional[0]), Slot(channel: ChannelID(args.positional[1]), date: date),
                try args.value(ItemPinCommand.by))
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        var (s, ws) = try ctx.load(bodies: false)
        if let person { s = s.with(actor: .commandLine(user: person)) }
        switch try CalendarEditing.change(change, item: item, slot: slot, workspace: ws, session: s) {
        case .changed(let path):
            ctx.console.say(CommandText.calendar(.changed(change, item: item, slot: slot.description)))
            ctx.console.out(s.paths.relative(path) + "\n")
        case .unchanged: ctx.console.say(CommandText.calendar(.unchanged(item: item, slot: slot.description)))
        }
        return ExitCode.ok
    }
}

struct CalendarConfirmCommand: CalendarEntryCommand {
    static let path = ["calendar", "confirm"]
    static let usage = "ITEM CHANNEL YYYY-MM-DD"
    static let summary = CommandText.calendar(.confirmSummary)
    static let arity = 3...3
    let item: ItemID, slot: Slot, person: String?
    var change: EntryChange { .confirm }
    init(parsing args: ParsedArguments) throws(Failure) { (item, slot, person) = try Self.entry(args) }
}

struct CalendarUnconfirmCommand: CalendarEntryCommand {
    static let path = ["calendar", "unconfirm"]
    static let usage = "ITEM CHANNEL YYYY-MM-DD"
    static let summary = CommandText.calendar(.unconfirmSummary)
    static let arity = 3...3
    let item: ItemID, slot: Slot, person: String?
    var change: EntryChange { .unconfirm }
    init(parsing args: ParsedArguments) throws(Failure) { (item, slot, person) = try Self.entry(args) }
}

struct CalendarRemoveCommand: CalendarEntryCommand {
    static let path = ["calendar", "remove"]
    static let usage = "ITEM CHANNEL YYYY-MM-DD"
    static let summary = CommandText.calendar(.removeSummary)
    static let arity = 3...3
    let item: ItemID, slot: Slot, person: String?
    var change: EntryChange { .remove }
    init(parsing args: ParsedArguments) throws(Failure) { (item, slot, person) = try Self.entry(args) }
}

struct CalendarMoveCommand: CalendarEntryCommand {
    static let path = ["calendar", "move"]
    static let usage = "ITEM CHANNEL YYYY-MM-DD NEW-YYYY-MM-DD"
    static let summary = CommandText.calendar(.moveSummary)
    static let arity = 4...4
    let item: ItemID, slot: Slot, person: String?, to: Day
    var change: EntryChange { .move(to: to) }
    init(parsing args: ParsedArguments) throws(Failure) {
        (item, slot, person) = try Self.entry(args)
        to = try args.argument(3, Arguments.date)
    }
}
