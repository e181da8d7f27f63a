import LoaCore
import LoaFormats
import LoaWorkflows

/// `loa form UNIT YYYY-MM`: a report form pre-filled for a unit and month.
struct FormCommand: Command {
    static let path = ["form"]
    static let usage = "UNIT YYYY-MM"
    static let summary = CommandText.formSummary
    static let arity = 2...2
    let unit: UnitCode
    let month: Month

    init(parsing args: ParsedArguments) throws(Failure) {
        unit = UnitCode(args.positional[0])
        month = try args.argument(1, Arguments.month)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        guard let u = ws.units.first(where: { $0.code.value == unit }) else {
            throw Failure(.unknown(unit, among: ws.units.map(\.code.value)), exitCode: ExitCode.usage)
        }
        // only what the unit itself confirmed is ticked; the rest is offered (SPEC §10)
        let receipts = try Receipts.receipts(of: unit, in: month, session: s)
        let path = s.paths.form(unit, month)
        try writeFile(path, FormTemplate.render(unit: u, month: month,
                                                received: receipts.filter { $0.state == .confirmed }.map(\.slot),
                                                offered: receipts.filter { $0.state != .confirmed }.map(\.slot),
                                                workspace: ws, language: s.language))
        ctx.console.out(s.paths.relative(path) + "\n")
        return ExitCode.ok
    }
}
