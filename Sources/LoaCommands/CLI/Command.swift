import LoaCore

/// A command of `loa`: what it is called, what it says about itself, what it takes, and what it does.
/// Parsing turns the words into typed values (`init(parsing:)`); `run` is a short recipe over the workflows.
protocol Command: Sendable {
    /// The words that name it, e.g. `["report", "month"]`.
    static var path: [String] { get }
    /// The arguments after its name, as help shows them (`YYYY-MM`).
    static var usage: String { get }
    static var summary: CommandText { get }
    /// More help, after the summary.
    static var details: CommandText? { get }
    static var options: [OptionSpec] { get }
    /// How many positional arguments it takes.
    static var arity: ClosedRange<Int> { get }
    init(parsing args: ParsedArguments) throws(Failure)
    func run(in ctx: Context) throws(Failure) -> Int32
}

extension Command {
    static var details: CommandText? { nil }
    static var options: [OptionSpec] { [] }
    static var arity: ClosedRange<Int> { 0...0 }
    static var fullName: String { path.joined(separator: " ") }
    static var fullUsage: String { usage.isEmpty ? fullName : "\(fullName) \(usage)" }
}

/// Commands that share a first word (`report month|phase|unit`), with the one that runs on the word alone.
struct CommandGroup: Sendable {
    let name: String
    let summary: CommandText
    /// Runs when no subcommand follows (`loa alerts` lists alerts; `loa alerts resolve` closes one).
    let standalone: (any Command.Type)?
    let children: [any Command.Type]

    func child(_ word: String) -> (any Command.Type)? { children.first { $0.path.last == word } }
    var childNames: [String] { children.compactMap { $0.path.last } }
}

/// An entry of the command table: a command, or a group of them.
enum CommandEntry: Sendable {
    case command(any Command.Type)
    case group(CommandGroup)

    var name: String {
        switch self {
        case .command(let c): return c.path[0]
        case .group(let g): return g.name
        }
    }
}

/// Every command of `loa`, in the order `loa help` lists them.
let commandTable: [CommandEntry] = [
    .command(HelpCommand.self),
    .command(CheckCommand.self),
    .command(InitCommand.self),
    .group(CommandGroup(name: "new", summary: .newGroupSummary, standalone: nil, children: [NewItemCommand.self])),
    .group(CommandGroup(name: "item", summary: .officer(.itemGroupSummary), standalone: nil,
                        children: [ItemApproveCommand.self, ItemSendBackCommand.self, ItemPinCommand.self,
                                   ItemUnpinCommand.self])),
    .command(PlanCommand.self),
    .group(CommandGroup(name: "calendar", summary: .calendar(.groupSummary), standalone: nil,
                        children: [CalendarConfirmCommand.self, CalendarUnconfirmCommand.self, CalendarMoveCommand.self,
                                   CalendarRemoveCommand.self])),
    .command(PublishCommand.self),
    .command(DeliverCommand.self),
    .command(RenderCommand.self),
    .command(FormCommand.self),
    .command(ImportCommand.self),
    .group(CommandGroup(name: "alerts", summary: .alertsSummary, standalone: AlertsCommand.self,
                        children: [AlertsResolveCommand.self, AlertsNoteCommand.self,
                                   AlertsEscalateCommand.self, AlertsIssuedCommand.self])),
    .command(SearchCommand.self),
    .command(StatusCommand.self),
    .group(CommandGroup(name: "report", summary: .reportGroupSummary, standalone: nil,
                        children: [ReportMonthCommand.self, ReportPhaseCommand.self, ReportUnitCommand.self,
                                   ReportWarningsCommand.self])),
    .command(BackupCommand.self),
    .command(ServeCommand.self),
    .command(LinksCommand.self),
    .group(CommandGroup(name: "user", summary: .userGroupSummary, standalone: nil,
                        children: [UserAddCommand.self, UserRemoveCommand.self, UserPasswdCommand.self])),
    .command(DemoCommand.self),
]

/// What the words of a command line name: a command and the words left for it, or a group's help.
enum Resolution {
    case command(any Command.Type, rest: [String])
    /// The group's help: asked for (`--help`, exit 0), or shown because no subcommand was given (exit 64).
    case groupHelp(CommandGroup, asked: Bool)
}

enum CommandResolver {
    /// Finds the command the words name; `words` start with the command's first word.
    static func resolve(_ words: [String]) throws(Failure) -> Resolution {
        guard let first = words.first else { throw Failure(.missingArgument("COMMAND"), exitCode: ExitCode.usage) }
        guard let entry = commandTable.first(where: { $0.name == first }) else {
            throw Failure(.unknownCommand(first, suggestion: closest(to: first, in: commandTable.map(\.name))),
                          exitCode: ExitCode.usage)
        }
        let rest = Array(words.dropFirst())
        switch entry {
        case .command(let c): return .command(c, rest: rest)
        case .group(let g):
            let next = rest.first
            if let next, let child = g.child(next) { return .command(child, rest: Array(rest.dropFirst())) }
            let wantsHelp = next == "--help" || next == "-h"
            if let next, !next.hasPrefix("-") {
                // a word that is no subcommand: a typo, unless the group's own command takes arguments
                if g.standalone.map({ $0.arity.upperBound == 0 }) ?? true {
                    throw Failure(.unknownSubcommand(next, of: g.name, suggestion: closest(to: next, in: g.childNames)),
                                  exitCode: ExitCode.usage)
                }
            }
            if let standalone = g.standalone, !wantsHelp { return .command(standalone, rest: rest) }
            return .groupHelp(g, asked: wantsHelp)
        }
    }

    /// Parses a command's words against its options and the global ones; unknown options get a suggestion.
    static func parse(_ args: [String], for command: any Command.Type) throws(Failure) -> ParsedArguments {
        var parsed = ParsedArguments()
        let specs = command.options + GlobalOptions.all
        var i = 0
        var onlyPositional = false
        while i < args.count {
            let a = args[i]
            i += 1
            if onlyPositional || !a.hasPrefix("-") || a == "-" {
                parsed.append(positional: a)
                continue
            }
            if a == "--" { onlyPositional = true; continue }
            var name = a
            var inline: String?
            if let eq = a.firstIndex(of: "=") { name = String(a[..<eq]); inline = String(a[a.index(after: eq)...]) }
            if name == "-h" { name = "--help" }
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw Failure(.unknownOption(name, suggestion: closest(to: name, in: specs.map(\.name))),
                    exitCode: ExitCode.usage)
            }
            if spec.placeholder != nil {
                let v: String
                if let inline { v = inline } else {
                    guard i < args.count else { throw Failure(.optionNeedsValue(name), exitCode: ExitCode.usage) }
                    v = args[i]
                    i += 1
                }
                parsed.append(option: name, value: v)
            } else {
                parsed.append(option: name, value: "")
            }
        }
        if parsed.has(name: "--help") { return parsed }
        if parsed.positional.count < command.arity.lowerBound {
            throw Failure(.missingArgument(command.fullUsage), exitCode: ExitCode.usage)
        }
        if parsed.positional.count > command.arity.upperBound {
            throw Failure(.tooManyArguments(parsed.positional[command.arity.upperBound]), exitCode: ExitCode.usage)
        }
        return parsed
    }
}
