import LoaCore
import LoaWorkflows

/// `loa publish CHANNEL DATE` and `loa publish --due`: slots as issues, with their deliveries recorded and sent.
struct PublishCommand: Command {
    static let path = ["publish"]
    static let usage = "CHANNEL YYYY-MM-DD | --due"
    static let summary = CommandText.publishSummary
    static let details: CommandText? = .publishDetails
    static let arity = 0...2
    static let due = Option<Bool>.flag("--due", help: .delivery(.optDue))
    static let since = Option<Day>.day("--since", help: .delivery(.optSince))
    static let noDeliver = Option<Bool>.flag("--no-deliver", help: .delivery(.optNoDeliver))
    static let dryRun = Option<Bool>.flag("--dry-run", help: .delivery(.optDryRun))
    static let options = [due.spec, since.spec, noDeliver.spec, dryRun.spec]
    /// Nil with `--due`.
    let slot: Slot?
    let since: Day?
    let deliver: Bool
    let dryRun: Bool

    init(parsing args: ParsedArguments) throws(Failure) {
        let due = args.has(Self.due)
        since = try args.value(Self.since)
        guard due ? args.positional.isEmpty : args.positional.count == 2, since == nil || due else {
            throw Failure(.delivery(.publishUsage), exitCode: ExitCode.usage)
        }
        slot = due ? nil : Slot(channel: ChannelID(args.positional[0]), date: try args.argument(1, Arguments.date))
        deliver = !args.has(Self.noDeliver)
        dryRun = args.has(Self.dryRun)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let output = DeliveryOutput(ctx, ws)
        let run = deliver ? try DeliveryRun.prepare(s, dryRun: dryRun) : nil
        if let run { output.watch(run) }
        let code: Int32
        if let slot { code = try publish(slot, s, ws, run, output) } else { code = try publishDue(s, ws, run, output) }
        ctx.console.report(run?.warnings ?? [])
        return code
    }

    func publish(_ slot: Slot, _ s: Session, _ ws: Workspace, _ run: DeliveryRun?,
                 _ output: DeliveryOutput) throws(Failure) -> Int32 {
        let ctx = output.ctx
        switch try Publishing.publish(slot, workspace: ws, session: s, deliver: deliver, run: run) {
        case .alreadyPublished:
            ctx.console.say(CommandText.alreadyPublished(channel: slot.channel.rawValue, date: ctx.t.date(slot.date)))
            return ExitCode.ok
        case .published(let files, let items, let units, let delivery):
            ctx.console.say(CommandText.published(items: items, deliveries: items * units, units: units))
            for f in files { ctx.console.out(s.paths.relative(f) + "\n") }
            // print and the feed never leave the machine; e-mail and Zalo would, had they settings
            if let run, run.settings == nil, !run.dryRun, let medium = delivery?.medium,
               medium == .email || medium == .zaloOA {
                ctx.console.say(CommandText.delivery(.notConfigured))
            }
            return delivery.map { output.show($0, s) } ?? ExitCode.ok
        }
    }

    func publishDue(_ s: Session, _ ws: Workspace, _ run: DeliveryRun?,
                    _ output: DeliveryOutput) throws(Failure) -> Int32 {
        let ctx = output.ctx, t = ctx.t
        let due = try Scheduling.due(session: s, since: since)
        var code = ExitCode.ok
        if due.slots.isEmpty {
            ctx.console.say(CommandText.delivery(.dueNothing(from: t.date(due.from), to: t.date(due.to))))
        }
        for slot in due.slots {
            ctx.console.out("== \(slot.channel) \(t.date(slot.date))\n")
            do throws(Failure) {
                code = max(code, try publish(slot, s, ws, run, output))
            } catch {
                ctx.console.report(error.diagnostics)
                code = max(code, error.exitCode)
            }
        }
        if !due.older.isEmpty {
            ctx.console.say(CommandText.delivery(.dueOlder(due.older.count)))
            for slot in due.older { ctx.console.out("  \(slot.channel) \(t.date(slot.date))\n") }
            ctx.console.say(CommandText.delivery(.dueOlderHint))
        }
        return code
    }
}
