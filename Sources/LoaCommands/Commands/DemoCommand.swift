import Foundation
import LoaCore
import LoaWeb
import LoaWorkflows

/// `loa demo [DIR]`: the whole flow on a copy of the shipped workspace.
struct DemoCommand: Command {
    static let path = ["demo"]
    static let usage = "[DIR]"
    static let summary = CommandText.demoSummary
    static let arity = 0...1
    let target: String?

    init(parsing args: ParsedArguments) throws(Failure) { target = args.positional.first }

    func run(in ctx: Context) throws(Failure) -> Int32 {
        let source = try ctx.shippedWorkspace()
        let target = self.target.map(ctx.absolute) ?? source + "/out/demo"
        // a rerun keeps the demo's web key, so the unit link it prints stays the same
        let key = FileManager.default.contents(atPath: target + "/loa.key")
        try? FileManager.default.removeItem(atPath: target)
        try WorkspaceCopy.copy(from: source, to: target)
        if let key { _ = FileManager.default.createFile(atPath: target + "/loa.key", contents: key,
            attributes: [.posixPermissions: 0o600]) }
        let lang = ["--lang", ctx.language.rawValue]
        var failures = 0
        func step(_ title: CommandText, _ today: String, _ argv: [String]) {
            ctx.console.out("\n== \(ctx.t(title))  (loa \(argv.joined(separator: " ")) --today \(today))\n")
            let code = runLoa(["--workspace", target, "--today", today] + lang + argv, environment: ctx.environment)
            if code != 0 && code != ExitCode.dataError { failures += 1 }
        }
        ctx.console.out(ctx.t(CommandText.demoIntro(target)) + "\n")
        step(.demoCheck, "2026-10-20", ["check"])
        step(.demoPlanNovember, "2026-10-20", ["plan", "2026-11", "--confirm"])
        let paths = WorkspaceCopy.paths(target)
        let november = Month(year: 2026, month: 11) ?? Day(ordinal: 0).monthOfYear
        let entries = (try? Calendars.entries(of: november, in: paths)) ?? []
        for slot in Set(entries.filter(\.confirmed).map(\.slot)).sorted() {
            step(.demoPublish("\(slot.channel) \(ctx.t.date(slot.date))"), slot.date.iso,
                ["publish", slot.channel.rawValue, slot.date.iso])
        }
        step(.demoForm, "2026-12-01", ["form", "cdcs-so-gddt", "2026-11"])
        step(.demoImport, "2026-12-06", ["import", target + "/reports/samples"])
        step(.demoPlanDecember, "2026-12-06", ["plan", "2026-12"])
        step(.demoMonthReport, "2026-12-08", ["report", "month", "2026-11"])
        step(.demoPhaseReport, "2026-12-08", ["report", "phase", "digital", "2.1", "--from", "2026-10-01"])
        step(.demoUnitReport, "2026-12-08", ["report", "unit", "cdcs-bv-da-khoa", "--from", "2026-10-01"])
        step(.demoAlerts, "2026-12-08", ["alerts"])
        step(.demoWarnings, "2026-12-08", ["report", "warnings"])
        step(.demoEscalate, "2026-12-08", ["alerts", "escalate", "1", "--to", "ldld-tinh", "--note",
                                           ctx.t(CommandText.demoEscalationNote)])
        step(.demoStatus, "2026-12-08", ["status"])
        ctx.console.out("\n" + ctx.t(CommandText.demoDone(target)) + "\n")
        // the web front on the same workspace, and one unit's link to open on a phone
        let demo = Session(paths: paths, today: ctx.today, language: ctx.language, actor: ctx.actor)
        if let key = try? WebKeys.key(demo, ctx, create: true),
           let unit = (try? demo.loadWorkspace())?.workspace.units.first {
            let versions = (try? demo.read(orEmpty: [:]) { try $0.linkVersions() }) ?? [:]
            let link = UnitLink.url(key: key, unit: unit.code.value, version: versions[unit.code.value] ?? 1,
                                    base: "http://127.0.0.1:8080")
            ctx.console.out("\n" + ctx.t(CommandText.demoServe(workspace: target, unit: unit.name, link: link)) + "\n")
        }
        return failures == 0 ? ExitCode.ok : ExitCode.software
    }
}
