import LoaCore

/// Every command of `loa`, in the order `loa help` lists them.
let commandTable: [CommandSpec] = [
    helpCommand,
    checkCommand,
    initCommand,
    newItemCommand,
    planCommand,
    publishCommand,
    renderCommand,
    backupCommand,
    formCommand,
    importCommand,
    alertsCommand,
    alertsResolveCommand,
    searchCommand,
    statusCommand,
    reportMonthCommand,
    reportPhaseCommand,
    reportUnitCommand,
    demoCommand,
]

let helpCommand = CommandSpec(
    name: "help", usage: "help [LỆNH]", vi: "In hướng dẫn chung hoặc của một lệnh.", en: "Print the overview or one command's help.",
    maxArguments: 2
) { ctx, args in
    guard !args.positional.isEmpty else { ctx.console.out(overviewHelp(ctx.language)); return ExitCode.ok }
    let name = args.positional.joined(separator: " ")
    guard let c = commandTable.first(where: { $0.name == name }) ?? commandTable.first(where: { $0.name.hasPrefix(name + " ") || $0.name == args.positional[0] }) else {
        throw Failure(.unknownCommand(name, suggestion: closest(to: name, in: commandTable.map(\.name))), exitCode: ExitCode.usage)
    }
    ctx.console.out(helpText(for: c, ctx.language))
    return ExitCode.ok
}

/// The element whose id is `id`, or a usage error with the closest id as a suggestion.
func lookup<T>(_ kind: EntityKind, _ id: String, in elements: [T], by key: (T) -> String) throws(Failure) -> T {
    if let found = elements.first(where: { key($0) == id }) { return found }
    throw Failure(.unknownReference(kind, id, suggestion: closest(to: id, in: elements.map(key))), exitCode: ExitCode.usage)
}
