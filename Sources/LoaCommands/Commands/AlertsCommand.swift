import LoaCore
import LoaFormats
import LoaStore
import LoaWorkflows

/// `loa alerts`: open sensitive issues, oldest first.
struct AlertsCommand: Command {
    enum Format: String, CaseIterable, Sendable { case json }
    static let path = ["alerts"]
    static let usage = ""
    static let summary = CommandText.alertsSummary
    static let includeSensitive = Option<Bool>.flag("--include-sensitive", help: .optIncludeSensitiveDetail)
    static let all = Option<Bool>.flag("--all", help: .optAllAlerts)
    static let format = Option<Format>.choice("--format", help: .optJSON)
    static let options = [includeSensitive.spec, all.spec, format.spec]
    let details: Bool
    let includeResolved: Bool
    let output: Format?

    init(parsing args: ParsedArguments) throws(Failure) {
        details = args.has(Self.includeSensitive)
        includeResolved = args.has(Self.all)
        output = try args.value(Self.format)
    }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let s = try ctx.session()
        let records = try AlertFollowUp.all(includeResolved: includeResolved, session: s)
        let alerts = records.map(\.alert)
        if output == .json {
            ctx.console.out(JSON.object([
                ("today", .string(s.today.iso)), ("open", .int(alerts.filter { $0.resolvedOn == nil }.count)),
                ("alerts", .array(records.map { record in
                    let a = record.alert
                    var fields: [(String, JSON)] = [
                        ("id", .int(a.id)), ("unit", .string(a.unit.rawValue)), ("period", .string(a.period.iso)),
                        ("topic", .string(a.topic)), ("opened", .string(a.openedOn.iso)),
                            ("age_days", .int(a.age(on: s.today))),
                        ("resolved", a.resolvedOn.map { .string($0.iso) } ?? .null)]
                    if details { fields.append(("detail", a.detail.map(JSON.string) ?? .null)) }
                    fields.append(("history", .array(record.history.map { e in
                        var step: [(String, JSON)] = [("at", .string(e.on.iso)), ("by", .string(e.by)),
                                                      ("action", .string(e.action.rawValue)),
                                                      ("to", e.to.map { .string($0.rawValue) } ?? .null),
                                                      ("note", details ? e.note.map(JSON.string) ?? .null : .null)]
                        if e.action == .issued {
                            step += [("number", e.number.map(JSON.string) ?? .null),
                                     ("issued_on", e.issuedOn.map { .string($0.iso) } ?? .null)]
                        }
                        return .object(step)
                    })))
                    return .object(fields)
                })),
            ]).text + "\n")
            return ExitCode.ok
        }
        if alerts.isEmpty { ctx.console.say(CommandText.noOpenAlerts); return ExitCode.ok }
        // authorities are named from plan.yml, read only when some alert went to one
        let plan = records.contains { $0.history.contains { $0.to != nil } } ? try ctx.load().1.plan : nil
        for record in records {
            let a = record.alert
            var line = "#\(a.id)  \(a.unit)  \(ctx.t.shortMonth(a.period))  "
                + "\(ctx.t(CommandText.days(a.age(on: s.today))))  "
                + Terminal.safe(a.topic)
            if let r = a.resolvedOn { line += "  " + ctx.t(CommandText.resolvedOn(ctx.t.date(r))) }
            ctx.console.out(line + "\n")
            if details, let d = a.detail { ctx.console.out("    " + Terminal.safe(d) + "\n") }
            for e in record.history where [.escalated, .note, .issued].contains(e.action) {
                ctx.console.out("    " + Terminal.safe(AlertHistoryText.line(e, plan: plan, details: details,
                                                                          t: ctx.t)) + "\n")
            }
        }
        return ExitCode.ok
    }
}

/// Text from recorded facts made safe for a terminal: control characters (escape sequences could erase lines or
/// forge output) are shown escaped.
enum Terminal {
    static func safe(_ s: String) -> String { s.controlsMadeVisible(keepingLayout: false) }
}
