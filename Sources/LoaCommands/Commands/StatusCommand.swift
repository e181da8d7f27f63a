import LoaCore
import LoaWorkflows

/// `loa status`: one screen of what needs doing today.
struct StatusCommand: Command {
    static let path = ["status"]
    static let usage = ""
    static let summary = CommandText.statusSummary

    init(parsing args: ParsedArguments) throws(Failure) {}

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let (s, ws) = try ctx.load()
        let f = try Status.figures(workspace: ws, session: s)
        ctx.console.out(StatusText.render(f, workspace: ws, t: ctx.t))
        return ExitCode.ok
    }
}

/// `loa status` as text: names and dates a person reads.
enum StatusText {
    static func render(_ f: StatusFigures, workspace ws: Workspace, t: Localizer) -> String {
        let index = WorkspaceIndex(ws)
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s
            + String(repeating: " ", count: n - s.count) }
        var out = t(CommandText.statusTitle(t.weekdayDate(f.today))) + "\n"
        let width = (ws.channels.map(\.name.count).max() ?? 20) + 2

        out += "\n" + t(CommandText.statusSlots(t.month(f.month))) + "\n"
        for (slot, state) in f.slots {
            let text: CommandText = switch state {
            case .published: .slotPublished
            case .confirmed(let n): .slotConfirmed(n)
            case .proposed(let n): .slotProposed(n)
            case .empty: .slotEmpty
            }
            out += "  " + pad(t.shortDate(slot.date), 7) + pad(index.channelName(slot.channel), width) + t(text) + "\n"
        }
        out += "  " + t(CommandText.statusDeliveries(f.deliveriesThisMonth)) + "\n"

        out += "\n" + t(CommandText.statusApprovals(StatusFigures.approvalHorizonDays)) + "\n"
        if f.approvalsDue.isEmpty { out += "  " + t(CommandText.noneParenthesized) + "\n" }
        for a in f.approvalsDue {
            out += "  " + t(CommandText.approvalDue(deadline: t.shortDate(a.deadline), item: index.itemTitle(a.item),
                                                   channel: index.channelName(a.channel), slot: t.shortDate(a.slot)))
                                                       + "\n"
        }

        out += "\n" + t(CommandText.statusEmptySlots(f.emptySlots.count)) + "\n"
        for e in f.emptySlots.prefix(8) {
            out += "  " + pad(t.shortDate(e.slot.date), 7) + pad(index.channelName(e.slot.channel), width)
                + t(CommandText.free(e.free)) + "\n"
        }
        if f.emptySlots.count > 8 { out += "  …\n" }

        out += "\n" + t(CommandText.statusOverdue) + "\n"
        if f.overdue.isEmpty { out += "  " + t(CommandText.noneParenthesized) + "\n" }
        for o in f.overdue {
            out += "  " + pad(index.unitName(o.unit), 44) + o.months.map { t.shortMonth($0) }.joined(separator: ", ")
                + "\n"
        }

        out += "\n" + t(CommandText.statusAlerts(f.alerts.count)) + "\n"
        for a in f.alerts {
            out += "  #\(a.id)  " + pad(t(CommandText.days(a.age(on: f.today))), 10) + index.unitName(a.unit) + " · "
                + t.shortMonth(a.period) + "\n"
        }

        out += "\n" + t(WarningText.heading) + ":\n"
        if f.warnings.isEmpty { out += "  " + t(CommandText.noneParenthesized) + "\n" }
        for w in f.warnings {
            out += "  " + Terminal.safe(w.sentence(index, showSensitive: false, t: t)) + "\n"
        }

        out += "\n" + t(CommandText.statusAnniversaries) + "\n"
        for o in f.roundAnniversaries {
            out += "  " + pad(t.date(o.date), 12) + o.observance.name + " — "
                + t(DocumentText.anniversaryYears(o.anniversary ?? 0)) + "\n"
        }
        return out
    }
}
