import LoaCore
import LoaFormats
import LoaWorkflows

/// `loa plan YYYY-MM`: the month's proposal, its calendar and its plan document.
struct PlanCommand: Command {
    enum Format: String, CaseIterable, Sendable { case json, docx }
    static let path = ["plan"]
    static let usage = "YYYY-MM"
    static let summary = CommandText.planSummary
    static let details: CommandText? = .planDetails
    static let confirm = Option<Bool>.flag("--confirm", help: .optConfirm)
    static let format = Option<Format>.choice("--format", help: .optPlanFormat)
    static let options = [confirm.spec, format.spec]
    static let arity = 1...1
    let month: Month
    let confirmAll: Bool
    let output: Format?

    init(parsing args: ParsedArguments) throws(Failure) {
        month = try args.argument(0, Arguments.month)
        confirmAll = args.has(Self.confirm)
        output = try args.value(Self.format)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load(bodies: false)  // planning reads no item body
        // the same audited workflow as the calendar page's "propose" and "confirm"
        let result = try Editorial.plan(month, confirm: confirmAll, workspace: ws, session: s)
        let schedule = result.schedule
        if output == .json {
            ctx.console.out(Planning.json(schedule).text + "\n")
        } else if output == .docx, let docx = result.files.first(where: { $0.hasSuffix(".docx") }) {
            ctx.console.out(bytes: try TextFile.readBytes(docx, limit: Int.max))
        } else {
            ctx.console.say(CommandText.planDone(month: ctx.t.month(month), entries: schedule.entries.count,
                                                 confirmed: schedule.entries.filter(\.confirmed).count,
                                                 withRoom: schedule.emptySlots.count))
            for p in result.files { ctx.console.out(s.paths.relative(p) + "\n") }
        }
        return ExitCode.ok
    }
}
