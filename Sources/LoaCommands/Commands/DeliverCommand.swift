import LoaCore
import LoaWorkflows

/// `loa deliver [CHANNEL DATE] [--retry [--unit UNIT]] [--dry-run]`: sends what published issues have pending or
/// failed; nothing sent is ever sent again (SPEC §10).
struct DeliverCommand: Command {
    static let path = ["deliver"]
    static let usage = "[CHANNEL YYYY-MM-DD]"
    static let summary = CommandText.delivery(.deliverSummary)
    static let details: CommandText? = .delivery(.deliverDetails)
    static let arity = 0...2
    static let retry = Option<Bool>.flag("--retry", help: .delivery(.optRetry))
    static let unit = Option<String>.text("--unit", "UNIT", help: .delivery(.optUnit))
    static let article = Option<Bool>.flag("--article", help: .delivery(.optArticle))
    static let dryRun = Option<Bool>.flag("--dry-run", help: .delivery(.optDryRun))
    static let options = [retry.spec, unit.spec, article.spec, dryRun.spec]
    let slot: Slot?
    let retry: Bool
    /// What to send again with `--retry`: a unit's message, or the issue's Zalo article.
    let target: Delivering.Target?
    let dryRun: Bool

    init(parsing args: ParsedArguments) throws(Failure) {
        guard args.positional.count != 1 else {
            throw Failure(.missingArgument("YYYY-MM-DD"), exitCode: ExitCode.usage)
        }
        slot = args.positional.isEmpty ? nil
            : Slot(channel: ChannelID(args.positional[0]), date: try args.argument(1, Arguments.date))
        retry = args.has(Self.retry)
        let unit = try args.value(Self.unit).map { UnitCode($0) }
        target = args.has(Self.article) ? .issue : unit.map { .unit($0) }
        dryRun = args.has(Self.dryRun)
        if target != nil, !retry || slot == nil || (unit != nil && args.has(Self.article)) {
            throw Failure(.invalidArgument(unit == nil ? "--article" : "--unit",
                                           expected: "CHANNEL YYYY-MM-DD --retry --unit UNIT|--article"),
                          exitCode: ExitCode.usage)
        }
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let run = try DeliveryRun.prepare(s, dryRun: dryRun)
        let output = DeliveryOutput(ctx, ws)
        output.watch(run)
        if run.settings == nil, !dryRun { ctx.console.say(CommandText.delivery(.notConfigured)) }
        var code = ExitCode.ok
        if let slot, let target {
            let report = try Delivering.deliver(slot, workspace: ws, session: s, run: run, retrying: target)
            code = output.show(report, s)
            let who = target.code?.rawValue ?? ctx.t(Medium.zaloOA)
            if report.sent > 0 { ctx.console.say(CommandText.delivery(.retried(unit: who))) }
        } else {
            var slots = slot.map { [$0] } ?? []
            if slot == nil { slots = try Delivering.issuesToDeliver(session: s) }
            var reports = 0
            for slot in slots {
                do throws(Failure) {
                    let report = try Delivering.deliver(slot, workspace: ws, session: s, run: run)
                    if !report.isEmpty { reports += 1 }
                    code = max(code, output.show(report, s))
                } catch {
                    ctx.console.report(error.diagnostics)
                    code = max(code, error.exitCode)
                }
            }
            if reports == 0 && code == ExitCode.ok { ctx.console.say(CommandText.delivery(.nothingToDeliver)) }
        }
        let stuck = try Delivering.stuck(session: s, of: slot)
        if retry, !stuck.isEmpty {
            ctx.console.say(CommandText.delivery(.stuckHeading(stuck.count)))
            for d in stuck {
                let who = d.unit.map { "\($0) (\(output.index.unitName($0)))" } ?? ctx.t(d.medium)
                ctx.console.say(CommandText.delivery(.stuckLine(issue: "\(d.slot.channel) \(ctx.t.date(d.slot.date))",
                                                                unit: who, since: ctx.t.date(d.changed))))
            }
            ctx.console.say(CommandText.delivery(.stuckHint))
        } else if !stuck.isEmpty {
            ctx.console.say(CommandText.delivery(.stuckNote(stuck.count)))
        }
        ctx.console.report(run.warnings)
        return code
    }
}

/// How the commands that deliver (`publish`, `deliver`) tell what happened: one line per issue with its counts,
/// one per failed delivery naming the unit and the reason, the files written, a progress bar for a long send.
final class DeliveryOutput: @unchecked Sendable {
    let ctx: Context
    let index: WorkspaceIndex
    var bar: ProgressBar?

    init(_ ctx: Context, _ ws: Workspace) {
        self.ctx = ctx
        index = WorkspaceIndex(ws)
    }

    /// Shows a progress bar on a terminal while a run sends many e-mails.
    func watch(_ run: DeliveryRun) {
        run.progress = { [self] done, total in
            if bar == nil || bar?.total != total { bar = ProgressBar(total: total, console: ctx.console) }
            bar?.update(done)
            if done == total {
                bar?.finish()
                bar = nil
            }
        }
    }

    /// Prints the report; the exit code it calls for: 74 when a delivery failed on the way (the server, the
    /// network), 65 when the issue itself is at fault (no cover picture), 0 otherwise (a unit without an
    /// address is the unit's state, not the run's failure).
    func show(_ report: DeliveryReport, _ s: Session) -> Int32 {
        guard let medium = report.medium else { return ExitCode.ok }
        let t = ctx.t
        let left = report.written + report.uncertain
        ctx.console.out("\(report.slot.channel) \(t.date(report.slot.date)) (\(t(medium))): "
            + t(DeliveryText.counts(sent: report.sent, failed: report.failed.count, pending: left)) + "\n")
        var code = ExitCode.ok
        // units without an address are one line: a list of codes to complete in units.csv
        let noAddress = report.failed.filter { $0.problem == .noAddress }.compactMap(\.unit)
        if !noAddress.isEmpty {
            ctx.console.out("  \(t(DeliveryProblem.noAddress)) (\(noAddress.count)): "
                + noAddress.map(\.rawValue).joined(separator: ", ") + "\n")
        }
        for f in report.failed where f.problem != .noAddress {
            let who = f.unit.map { "\($0) (\(index.unitName($0)))" } ?? t(medium)
            ctx.console.out("  \(who): \(t(f.problem).escapingControlCharacters)\n")
            code = max(code, f.problem == .noCover ? ExitCode.dataError : ExitCode.ioError)
        }
        for file in report.files {
            let shown = s.paths.relative(file)
            if let n = report.feedEntries, file.hasSuffix(".xml") {
                ctx.console.say(CommandText.delivery(.feedWritten(path: shown, entries: n)))
            } else if file.hasSuffix(".json") {
                ctx.console.say(CommandText.delivery(.zaloBody(shown)))
            } else {
                ctx.console.say(CommandText.delivery(.outbox(count: report.written, folder: shown + "/")))
            }
        }
        if medium == .print, report.sent > 0 { ctx.console.say(CommandText.delivery(.printRecorded(report.sent))) }
        if let token = report.articleToken { ctx.console.say(CommandText.delivery(.articleSent(token))) }
        if report.uncertain > 0 { ctx.console.say(CommandText.delivery(.stuckNote(report.uncertain))) }
        return code
    }
}
